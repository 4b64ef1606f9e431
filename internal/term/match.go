package term

import (
	"strings"
	"unicode"
)

// DefaultPlurals are the inflection rules glosa applies unless glosa.yaml
// sets others (terms.plurals), by language subtag. A rule "s" adds a
// suffix to a word; "o>i" replaces a word's final "o" with "i".
var DefaultPlurals = map[string][]string{
	"en": {"s", "es", "y>ies"},
	"es": {"s", "es"},
	"pt": {"s"},
	"fr": {"s", "x"},
	"it": {"o>i", "a>e", "e>i"},
}

// Forms returns the forms of a term a matcher looks for: the term, and
// the term with its first word, its last word or both inflected by one
// of the rules (see DefaultPlurals). Words shorter than three letters
// (articles, prepositions: "di", "de") are not inflected.
//
// This is all the morphology glosa knows: it does not inflect the words
// between the first and the last ("modelli linguistici di grandi
// dimensioni" is not a form of "modello linguistico di grandi
// dimensioni"), nor by gender, case or verb tense, nor join compounds
// (German), and finds no term that is written otherwise.
func Forms(text string, rules []string) []string {
	out := []string{text}
	add := func(s string) {
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	words := strings.Fields(text)
	if len(words) == 0 {
		return out
	}
	for _, r := range rules {
		first, okF := inflect(words[0], r)
		last, okL := inflect(words[len(words)-1], r)
		if okL {
			w := append([]string(nil), words...)
			w[len(w)-1] = last
			add(strings.Join(w, " "))
		}
		if okF && len(words) > 1 {
			w := append([]string(nil), words...)
			w[0] = first
			add(strings.Join(w, " "))
			if okL {
				w[len(w)-1] = last
				add(strings.Join(w, " "))
			}
		}
	}
	return out
}

// inflect applies one rule to a word; false when the rule does not apply.
func inflect(word, rule string) (string, bool) {
	if len([]rune(word)) < 3 || !unicode.IsLower([]rune(word)[len([]rune(word))-1]) {
		return word, false // short words and acronyms (LLM, GGUF)
	}
	from, to, replace := strings.Cut(rule, ">")
	if !replace {
		return word + rule, true
	}
	if from == "" || !strings.HasSuffix(word, from) {
		return word, false
	}
	return strings.TrimSuffix(word, from) + to, true
}

// Matcher finds terms in text: an Aho–Corasick automaton over the forms
// of every term (see Forms), case-folded, which reads a text once
// whatever the number of terms. A match must start and end at a word's
// boundary (not inside a word), except next to a Han, Hiragana or
// Katakana character, which languages written without spaces put next
// to any other.
type Matcher struct {
	terms []Term
	// pats are the forms, folded and as written, and the index of each
	// one's term.
	pats []pattern
	// next is the automaton's goto function: (state<<32 | rune) → state.
	next map[uint64]int32
	fail []int32
	// out lists, by state, the patterns that end there (its own and those
	// of its failure states).
	out [][]int32
}

type pattern struct {
	folded, written []rune
	term            int
}

// Match is a term found in a text, by rune offsets: text[Start:End] of
// its runes.
type Match struct {
	Term       Term
	Start, End int
}

// NewMatcher builds the matcher of terms, inflected by rules (see Forms).
func NewMatcher(terms []Term, rules []string) *Matcher {
	m := &Matcher{terms: terms, next: map[uint64]int32{}, fail: []int32{0}, out: [][]int32{nil}}
	for i, t := range terms {
		for _, f := range Forms(t.Text, rules) {
			w := []rune(f)
			m.pats = append(m.pats, pattern{folded: fold(w), written: w, term: i})
		}
	}
	for p, pat := range m.pats {
		s := int32(0)
		for _, r := range pat.folded {
			k := key(s, r)
			n, ok := m.next[k]
			if !ok {
				n = int32(len(m.fail))
				m.next[k] = n
				m.fail = append(m.fail, 0)
				m.out = append(m.out, nil)
			}
			s = n
		}
		m.out[s] = append(m.out[s], int32(p))
	}
	// Failure links, breadth first: the children of each state, found
	// through the goto map's keys, grouped by parent.
	children := make([][]uint64, len(m.fail))
	for k := range m.next {
		children[k>>32] = append(children[k>>32], k)
	}
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, k := range children[s] {
			r := rune(uint32(k))
			c := m.next[k]
			queue = append(queue, c)
			if s == 0 {
				continue
			}
			f := m.fail[s]
			for {
				if n, ok := m.next[key(f, r)]; ok {
					m.fail[c] = n
					break
				}
				if f == 0 {
					break
				}
				f = m.fail[f]
			}
			m.out[c] = append(m.out[c], m.out[m.fail[c]]...)
		}
	}
	return m
}

func key(s int32, r rune) uint64 { return uint64(s)<<32 | uint64(uint32(r)) }

// fold lower-cases runes one by one, keeping their number.
func fold(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = unicode.ToLower(r)
	}
	return out
}

// Empty reports whether the matcher has no term to find.
func (m *Matcher) Empty() bool { return m == nil || len(m.pats) == 0 }

// Find returns the terms in text, in order, leaving out a match inside a
// longer one ("language model" inside "large language model").
func (m *Matcher) Find(text string) []Match { return outermost(m.FindAll(text)) }

// FindAll returns every term in text, in order, those inside a longer one
// too.
func (m *Matcher) FindAll(text string) []Match {
	if m.Empty() || text == "" {
		return nil
	}
	written := []rune(text)
	var found []Match
	s := int32(0)
	for i, r := range written {
		r = unicode.ToLower(r)
		for {
			if n, ok := m.next[key(s, r)]; ok {
				s = n
				break
			}
			if s == 0 {
				break
			}
			s = m.fail[s]
		}
		for _, p := range m.out[s] {
			pat := m.pats[p]
			start, end := i+1-len(pat.folded), i+1
			if !boundary(written, start, end) {
				continue
			}
			t := m.terms[pat.term]
			if t.CaseSensitive && string(written[start:end]) != string(pat.written) {
				continue
			}
			found = append(found, Match{Term: t, Start: start, End: end})
		}
	}
	return found
}

// boundary reports whether runes[start:end] is not part of a longer word.
func boundary(runes []rune, start, end int) bool {
	if start > 0 && wordRune(runes[start-1]) && wordRune(runes[start]) && !spaceless(runes[start]) {
		return false
	}
	if end < len(runes) && wordRune(runes[end]) && wordRune(runes[end-1]) && !spaceless(runes[end-1]) {
		return false
	}
	return true
}

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// spaceless reports a character of a script written without spaces
// between words.
func spaceless(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai)
}

// outermost drops the matches that lie inside another, and repeats.
func outermost(ms []Match) []Match {
	if len(ms) < 2 {
		return ms
	}
	out := ms[:0:0]
	for i, a := range ms {
		inside := false
		for j, b := range ms {
			if i != j && b.Start <= a.Start && a.End <= b.End && (b.End-b.Start > a.End-a.Start || j < i && b.Start == a.Start && b.End == a.End && b.Term.Concept == a.Term.Concept) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, a)
		}
	}
	return out
}
