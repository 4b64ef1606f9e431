package term

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
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
// boundary (not inside a word, nor joined to another by a hyphen, an
// underscore, a dot or a slash), except next to a Han, Hiragana,
// Katakana or Thai character, which languages written without spaces put
// next to any other.
type Matcher struct {
	terms []Term
	// pats are the forms, folded and as written, and the index of each
	// one's term.
	pats []pattern
	// The automaton's goto function: the edges of state s are
	// edges[first[s]:first[s+1]], sorted by rune; root holds the first
	// state's edges of runes below rootRunes (0 for none), the most taken.
	first []int32
	edges []edge
	root  [rootRunes]int32
	fail  []int32
	// The patterns that end at state s (its own and those of its failure
	// states) are outPats[outFirst[s]:outFirst[s+1]].
	outFirst, outPats []int32
	// maxLen is the longest pattern's length, in runes.
	maxLen int
}

// rootRunes bounds the runes of the first state's table: the Latin
// scripts' letters, those of most texts glosa reads.
const rootRunes = 0x250

type edge struct {
	r  rune
	to int32
}

type pattern struct {
	folded    []rune
	written   string
	term      int
	inflected bool // a form other than the term as written
}

// Match is a term found in a text, by rune offsets: text[Start:End] of
// its runes.
type Match struct {
	Term       *Term // the matcher's own: not to be changed
	Start, End int
	// Inflected is set when the text is another form of the term (see
	// Forms): «props» found as a form of «prop».
	Inflected bool
}

// NewMatcher builds the matcher of terms, inflected by rules (see Forms).
func NewMatcher(terms []Term, rules []string) *Matcher {
	m := &Matcher{terms: terms, fail: []int32{0}}
	out := [][]int32{nil}      // by state, while building
	next := map[uint64]int32{} // (state<<32 | rune) → state, while building
	for i, t := range terms {
		for k, f := range Forms(t.Text, rules) {
			folded := fold([]rune(f))
			m.pats = append(m.pats, pattern{folded: folded, written: f, term: i, inflected: k > 0})
			m.maxLen = max(m.maxLen, len(folded))
		}
	}
	for p, pat := range m.pats {
		s := int32(0)
		for _, r := range pat.folded {
			k := key(s, r)
			n, ok := next[k]
			if !ok {
				n = int32(len(m.fail))
				next[k] = n
				m.fail = append(m.fail, 0)
				out = append(out, nil)
			}
			s = n
		}
		out[s] = append(out[s], int32(p))
	}
	// Failure links, breadth first: the children of each state, found
	// through the goto map's keys, grouped by parent.
	children := make([][]uint64, len(m.fail))
	for k := range next {
		children[k>>32] = append(children[k>>32], k)
	}
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, k := range children[s] {
			r := rune(uint32(k))
			c := next[k]
			queue = append(queue, c)
			if s == 0 {
				continue
			}
			f := m.fail[s]
			for {
				if n, ok := next[key(f, r)]; ok {
					m.fail[c] = n
					break
				}
				if f == 0 {
					break
				}
				f = m.fail[f]
			}
			out[c] = append(out[c], out[m.fail[c]]...)
		}
	}
	m.outFirst = make([]int32, len(out)+1)
	for s, ps := range out {
		m.outPats = append(m.outPats, ps...)
		m.outFirst[s+1] = int32(len(m.outPats))
	}
	m.first = make([]int32, len(m.fail)+1)
	for s, ks := range children {
		slices.Sort(ks) // by rune: the state is the same
		for _, k := range ks {
			r := rune(uint32(k))
			m.edges = append(m.edges, edge{r, next[k]})
			if s == 0 && r < rootRunes {
				m.root[r] = next[k]
			}
		}
		m.first[s+1] = int32(len(m.edges))
	}
	return m
}

// step follows the edge of state s labelled r.
func (m *Matcher) step(s int32, r rune) (int32, bool) {
	if s == 0 && r < rootRunes {
		n := m.root[r]
		return n, n > 0
	}
	es := m.edges[m.first[s]:m.first[s+1]]
	if len(es) > 8 {
		i, ok := slices.BinarySearchFunc(es, r, func(e edge, r rune) int { return cmp.Compare(e.r, r) })
		if ok {
			return es[i].to, true
		}
		return 0, false
	}
	for _, e := range es {
		if e.r >= r {
			return e.to, e.r == r
		}
	}
	return 0, false
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
	// ring holds the byte offsets of the last runes read, by rune index
	// modulo its length: where a match ending at the current rune starts.
	var buf [64]int
	ring := buf[:]
	if m.maxLen >= len(buf) {
		ring = make([]int, m.maxLen+1)
	}
	var found []Match
	s := int32(0)
	i := -1
	for off, r := range text {
		i++
		ring[i%len(ring)] = off
		if r < 128 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		for {
			if n, ok := m.step(s, r); ok {
				s = n
				break
			}
			if s == 0 {
				break
			}
			s = m.fail[s]
		}
		lo, hi := m.outFirst[s], m.outFirst[s+1]
		if lo == hi {
			continue
		}
		_, size := utf8.DecodeRuneInString(text[off:])
		eb := off + size
		for _, p := range m.outPats[lo:hi] {
			pat := &m.pats[p]
			start, end := i+1-len(pat.folded), i+1
			sb := ring[start%len(ring)]
			if !boundaryAt(text, sb, eb) {
				continue
			}
			t := &m.terms[pat.term]
			if t.CaseSensitive && text[sb:eb] != pat.written {
				continue
			}
			found = append(found, Match{Term: t, Start: start, End: end, Inflected: pat.inflected})
		}
	}
	return found
}

// boundaryAt is boundary for text[sb:eb], given by byte offsets: it
// decodes only the runes boundary reads (three on each side, the match's
// first and last).
func boundaryAt(text string, sb, eb int) bool {
	var w [8]rune
	n := 0
	var before [3]rune
	nb := 0
	for p := sb; nb < len(before) && p > 0; nb++ {
		r, size := utf8.DecodeLastRuneInString(text[:p])
		before[nb] = r
		p -= size
	}
	for k := nb - 1; k >= 0; k-- {
		w[n] = before[k]
		n++
	}
	start := n
	first, size := utf8.DecodeRuneInString(text[sb:])
	w[n] = first
	n++
	if sb+size < eb {
		w[n], _ = utf8.DecodeLastRuneInString(text[:eb])
		n++
	}
	end := n
	for p, k := eb, 0; k < 3 && p < len(text); k++ {
		r, size := utf8.DecodeRuneInString(text[p:])
		w[n] = r
		n++
		p += size
	}
	return boundary(w[:n], start, end)
}

// boundary reports whether runes[start:end] is not part of a longer word,
// nor of a compound or an identifier: a word joined to it by a hyphen, an
// underscore, a dot or a slash (todo-service, service.name, CI/CD,
// /fr/scalability/, for.*trace) makes it part of another name, and so does a # or an
// @ before it (a heading's anchor {#tracer}, a tag, a package scope) or
// an = after it (an attribute's name, label="…").
func boundary(runes []rune, start, end int) bool {
	if start > 0 && wordRune(runes[start-1]) && wordRune(runes[start]) && !spaceless(runes[start]) {
		return false
	}
	if end < len(runes) && wordRune(runes[end]) && wordRune(runes[end-1]) && !spaceless(runes[end-1]) {
		return false
	}
	if start > 0 && (runes[start-1] == '#' || runes[start-1] == '@') || end < len(runes) && runes[end] == '=' {
		return false
	}
	return !joined(runes, start-1, -1) && !joined(runes, end, 1)
}

// joined reports whether the symbols from runes[i] on, in direction dir,
// hold a joiner and reach a word without a space: «service.name»,
// «for.*trace», «CI/CD», «/fr/scalability/» (up to three symbols).
func joined(runes []rune, i, dir int) bool {
	hasJoiner := false
	for n := 0; n < 3 && i >= 0 && i < len(runes); n, i = n+1, i+dir {
		switch r := runes[i]; {
		case wordRune(r):
			return hasJoiner && n > 0
		case unicode.IsSpace(r):
			return false
		case joiner(r):
			hasJoiner = true
		}
	}
	return false
}

// joiner reports a character that joins words into one name.
func joiner(r rune) bool { return r == '-' || r == '_' || r == '.' || r == '/' }

func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// spaceless reports a character of a script written without spaces
// between words.
func spaceless(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai)
}

// outermost drops the matches that lie inside a longer one, repeats of a
// concept at the same place, and a term's inflected form where another
// term is written as it is («props», a term of its own, is not also a
// form of «prop»), keeping the order of ms. Sorted by
// start, longest first, a match lies inside a longer one when an earlier
// match started before it and ends at or after its end, or started with
// it and ends after it.
func outermost(ms []Match) []Match {
	if len(ms) < 2 {
		return ms
	}
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(ms[a].Start, ms[b].Start), cmp.Compare(ms[b].End, ms[a].End))
	})
	drop := make([]bool, len(ms))
	maxEnd := -1   // of the matches that start before the current one
	groupEnd := -1 // of those that start with it: the first's, the longest
	for k, i := range order {
		m := ms[i]
		if k == 0 || m.Start != ms[order[k-1]].Start {
			if k > 0 {
				maxEnd = max(maxEnd, groupEnd)
			}
			groupEnd = m.End
		}
		switch {
		case maxEnd >= m.End, groupEnd > m.End:
			drop[i] = true
		default:
			// The same span: drop a concept seen there already (the
			// matches of one span are next to each other).
			for j := k - 1; j >= 0 && ms[order[j]].Start == m.Start && ms[order[j]].End == m.End; j-- {
				if ms[order[j]].Term.Concept == m.Term.Concept {
					drop[i] = true
					break
				}
			}
		}
	}
	// A span's matches are next to each other in order.
	for k := 0; k < len(order); {
		j, exact := k, false
		for ; j < len(order) && ms[order[j]].Start == ms[order[k]].Start && ms[order[j]].End == ms[order[k]].End; j++ {
			exact = exact || !ms[order[j]].Inflected
		}
		for ; exact && k < j; k++ {
			drop[order[k]] = drop[order[k]] || ms[order[k]].Inflected
		}
		k = j
	}
	out := ms[:0:0]
	for i, m := range ms {
		if !drop[i] {
			out = append(out, m)
		}
	}
	return out
}
