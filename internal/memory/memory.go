// Package memory is a translation memory: pairs of a source text and its
// translation into one language, looked up by exact match on normalised
// text and by similarity (near matches), as CAT tools fill and suggest
// translations. Glosa builds one from the translations a repository
// already has (see transfer.Memory) and from TMX files.
package memory

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/editdistance"
	"github.com/glosa/glosa/internal/markdown"
)

// MinWords is the fewest words of prose a source text needs to be looked
// up or remembered. One- and two-word texts are headings and labels
// ("Note", "Overview", "Set up") whose translation depends on where they
// stand; a text of code and links only has nothing to translate. Both
// would fill units wrongly more often than rightly.
const MinWords = 3

// DefaultMinScore is the similarity, in percent, a near match needs by
// default: CAT tools' usual fuzzy threshold.
const DefaultMinScore = 75

// Pair is a source text and its translation.
type Pair struct {
	Source, Target string
	// ID names the unit the pair comes from (an entry's unit ID, a
	// message's ID, a TMX tuid); "" when unknown.
	ID string
	// Origin says where the translation is: "path:line" in the
	// repository, or a TMX file's name.
	Origin string
}

// Match is a pair found for a text, with how similar its source is, in
// percent (100 for an exact match).
type Match struct {
	Pair
	Score int
}

// Memory is the pairs of one language. Add every pair before the first
// lookup: the near-match index is built then. A Memory is not safe for
// concurrent use.
type Memory struct {
	min   int
	pairs []Pair
	exact map[string][]int // normalised source → pairs, in the order added
	// The near-match index, built on first use.
	built    bool
	toks     [][]int        // each pair's tokens, as ids
	ids      map[string]int // token → id
	freq     []int          // how many pairs hold each token id
	postings map[int][]int  // token id → pairs whose prefix holds it
}

// New returns an empty memory whose near matches score at least minScore
// percent.
func New(minScore int) *Memory {
	return &Memory{min: minScore, exact: map[string][]int{}}
}

// Len is the number of pairs the memory holds.
func (m *Memory) Len() int { return len(m.pairs) }

// Pairs returns the memory's pairs in the order they were added.
func (m *Memory) Pairs() []Pair { return slices.Clone(m.pairs) }

// Worth reports whether a source text is long enough to look up or
// remember (see MinWords).
func Worth(source string) bool {
	return markdown.CountWords(shortcodeRE().ReplaceAllString(markdown.Prose(source), " ")) >= MinWords
}

// shortcodeRE matches Hugo shortcodes and template actions ({{< tab >}},
// {{% param x %}}, {{.Count}}): markup, not words, though Prose keeps
// them as text.
var shortcodeRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`{{.*?}}`) })

// Add remembers a pair; a pair whose source is too short (see Worth) or
// whose target is empty is left out, and so is one already there.
func (m *Memory) Add(p Pair) {
	if strings.TrimSpace(p.Target) == "" || !Worth(p.Source) {
		return
	}
	key := content.Normalize(p.Source)
	for _, i := range m.exact[key] {
		if content.Normalize(m.pairs[i].Target) == content.Normalize(p.Target) && m.pairs[i].Origin == p.Origin {
			return
		}
	}
	m.exact[key] = append(m.exact[key], len(m.pairs))
	m.pairs = append(m.pairs, p)
	m.built = false
}

// Exact returns the translation of a source text the memory holds, on
// normalised text (see content.Normalize), and the other translations it
// holds for that text, each once. When the memory has several, the one
// given most often wins, ties going to the first added.
func (m *Memory) Exact(source string) (best Match, others []Match, ok bool) {
	if !Worth(source) {
		return Match{}, nil, false
	}
	idx := m.exact[content.Normalize(source)]
	if len(idx) == 0 {
		return Match{}, nil, false
	}
	type choice struct {
		first, n int
	}
	var order []string
	by := map[string]*choice{}
	for _, i := range idx {
		t := content.Normalize(m.pairs[i].Target)
		if c := by[t]; c != nil {
			c.n++
			continue
		}
		by[t] = &choice{first: i, n: 1}
		order = append(order, t)
	}
	slices.SortStableFunc(order, func(a, b string) int { return cmp.Compare(by[b].n, by[a].n) })
	for k, t := range order {
		mt := Match{Pair: m.pairs[by[t].first], Score: 100}
		if k == 0 {
			best = mt
			continue
		}
		others = append(others, mt)
	}
	return best, others, true
}

// Near returns up to n pairs whose source is similar to source, scoring
// at least the memory's minimum and less than 100 (exact matches are
// Exact's), best first; pairs of the same source and target count once.
// The score is a Levenshtein ratio over words: 100 × (1 − edits ÷ the
// longer text's words), case and punctuation ignored.
//
// Candidates come from an inverted index with prefix filtering, so that a
// lookup compares only pairs that share a rare word: two texts whose
// ratio reaches the minimum share at least that share of their words, so
// each has one of them among its rarest (length − needed + 1) words.
func (m *Memory) Near(source string, n int) []Match {
	if !Worth(source) || n <= 0 {
		return nil
	}
	m.build()
	q := m.tokenIDs(tokens(source), false)
	if len(q) == 0 {
		return nil
	}
	seen := map[int]bool{}
	var out []Match
	for _, t := range m.prefix(q) {
		for _, i := range m.postings[t] {
			if seen[i] {
				continue
			}
			seen[i] = true
			c := m.toks[i]
			if !m.lengthsFit(len(q), len(c)) {
				continue
			}
			score := ratio(q, c)
			if score >= m.min && score < 100 {
				out = append(out, Match{Pair: m.pairs[i], Score: score})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Match) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		return cmp.Compare(a.Origin, b.Origin)
	})
	var kept []Match
	have := map[[2]string]bool{}
	for _, mt := range out {
		k := [2]string{content.Normalize(mt.Source), content.Normalize(mt.Target)}
		if have[k] {
			continue
		}
		have[k] = true
		if kept = append(kept, mt); len(kept) == n {
			break
		}
	}
	return kept
}

// build indexes every pair's rarest words.
func (m *Memory) build() {
	if m.built {
		return
	}
	m.built = true
	m.ids = map[string]int{}
	m.freq = nil
	m.toks = make([][]int, len(m.pairs))
	for i, p := range m.pairs {
		m.toks[i] = m.tokenIDs(tokens(p.Source), true)
		for _, t := range uniq(m.toks[i]) {
			m.freq[t]++
		}
	}
	m.postings = map[int][]int{}
	for i, tk := range m.toks {
		for _, t := range m.prefix(tk) {
			m.postings[t] = append(m.postings[t], i)
		}
	}
}

// tokenIDs maps words to ids, each repeat of a word its own id ("the",
// "the#2") so that overlap counts a multiset; words the index has never
// seen get a negative id of their own unless add.
func (m *Memory) tokenIDs(words []string, add bool) []int {
	out := make([]int, 0, len(words))
	count := map[string]int{}
	for _, w := range words {
		count[w]++
		if count[w] > 1 {
			w += "#" + strings.Repeat("'", count[w]) // "the#''" never collides with a word
		}
		id, ok := m.ids[w]
		if !ok {
			if !add {
				out = append(out, -1-len(out)) // unknown: equal to nothing
				continue
			}
			id = len(m.freq)
			m.ids[w] = id
			m.freq = append(m.freq, 0)
		}
		out = append(out, id)
	}
	return out
}

// prefix returns the rarest words of a text that any text scoring the
// minimum with it must share one of.
func (m *Memory) prefix(tk []int) []int {
	need := (m.min*len(tk) + 99) / 100
	k := len(tk) - need + 1
	if k > len(tk) {
		k = len(tk)
	}
	sorted := slices.Clone(tk)
	slices.SortFunc(sorted, func(a, b int) int {
		fa, fb := m.freqOf(a), m.freqOf(b)
		if fa != fb {
			return cmp.Compare(fa, fb)
		}
		return cmp.Compare(a, b)
	})
	var out []int
	for _, t := range sorted[:max(k, 0)] {
		if t >= 0 {
			out = append(out, t)
		}
	}
	return out
}

func (m *Memory) freqOf(t int) int {
	if t < 0 {
		return 0
	}
	return m.freq[t]
}

// lengthsFit reports whether texts of a and b words can score the
// minimum: the edits are at least the difference of their lengths.
func (m *Memory) lengthsFit(a, b int) bool {
	lo, hi := min(a, b), max(a, b)
	return 100*lo >= m.min*hi
}

// ratio is the Levenshtein ratio of two word sequences, in percent,
// rounded down.
func ratio(a, b []int) int {
	if len(a) == 0 && len(b) == 0 {
		return 100
	}
	n := max(len(a), len(b))
	return 100 * (n - editdistance.Distance(a, b)) / n
}

// tokens are a text's words, lowercased, for similarity: runs of letters
// and digits, each ideograph or kana a word of its own.
func tokens(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			flush()
			out = append(out, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return out
}

func uniq(s []int) []int {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}
