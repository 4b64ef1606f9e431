package lint

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/term"
)

var _ = register(Rule{
	ID:       "term-inconsistent",
	Severity: Info,
	Summary:  "a language's pages translate one concept by several terms the termbase allows, none of them preferred",
	Doc: "The termbase allows several terms of one concept in a language and prefers none (a CSV glossary with two rows of the same source term, a TBX concept whose terms are all `admittedTerm-admn-sts`), and the language's pages use more than one of them. Each use of a term other than the most used is reported, naming it: a report for terminologists, who then choose one. Terms match as `term-missing` matches them.\n" +
		"\n" +
		"**Example.** The Spanish glossary gives «entrenamiento» and «capacitación» for «addestramento»; most pages say «entrenamiento»:\n" +
		"\n" +
		"```\n" +
		"content/es/lora.md:12:1: info: \"capacitación\" and \"entrenamiento\" both translate one concept in es, and the termbase prefers neither; \"entrenamiento\" is used 2 times [term-inconsistent]\n" +
		"    fix: write \"entrenamiento\", or make one of them the preferred term in the termbase\n" +
		"```\n" +
		"\n" +
		"**Fix.** Choose one term: make it the preferred one (in a CSV glossary, keep only its row; in TBX, mark the others admitted or deprecated) and write it everywhere.\n" +
		"\n" +
		"**Limits.** Words the termbase does not know are not found: two translations of a concept the termbase has no term for are not reported. Info by default.",
	check: func(c *checker, emit func(Finding)) {
		tb := c.linter.terms
		if tb == nil {
			return
		}
		langs := unsettledLangs(tb, c.repo.Languages)
		if len(langs) == 0 {
			return
		}
		type use struct {
			concept, text string
			path, lang    string
			line, col     int
			slug          string
		}
		var uses []use
		var batch []*content.Entry
		flush := func() {
			content.Load(batch)
			for _, e := range batch {
				m := tb.Matcher(e.Lang, term.Admitted)
				for _, u := range termUnits(c, e) {
					for _, f := range m.Find(u.text) {
						if langs[e.Lang][f.Term.Concept] {
							uses = append(uses, use{f.Term.Concept, f.Term.Text, e.Path, e.Lang, u.line, u.col, e.Slug})
						}
					}
				}
				e.Release()
			}
			batch = batch[:0]
		}
		for _, e := range c.repo.Entries {
			if e.Err == nil && langs[e.Lang] != nil {
				if batch = append(batch, e); len(batch) == chunkSize {
					flush()
				}
			}
		}
		flush()
		count := map[string]map[string]int{} // lang+concept → text → uses
		for _, u := range uses {
			k := u.lang + "\x00" + u.concept
			if count[k] == nil {
				count[k] = map[string]int{}
			}
			count[k][u.text]++
		}
		for _, u := range uses {
			texts := count[u.lang+"\x00"+u.concept]
			if len(texts) < 2 {
				continue
			}
			top := mostUsed(texts)
			if u.text == top {
				continue
			}
			emit(Finding{Path: u.path, Line: u.line, Column: u.col, Lang: u.lang, Slug: u.slug,
				Text: l10n.Msg("lint.term.inconsistent", "Term", strconv.Quote(u.text), "Other", strconv.Quote(top),
					"Lang", u.lang, "Count", texts[top]),
				FixText: l10n.Msg("lint.term.inconsistentFix", "Other", strconv.Quote(top))})
		}
	},
})

// unsettledLangs returns, by language, the concepts whose terms in it are
// several, all admitted: the termbase prefers none.
func unsettledLangs(tb *term.Base, languages []string) map[string]map[string]bool {
	out := map[string]map[string]bool{}
	for _, concept := range tb.Concepts() {
		for _, l := range languages {
			ts := tb.Allowed(concept, l)
			if len(ts) < 2 || slices.ContainsFunc(ts, func(t term.Term) bool { return t.Status == term.Preferred }) {
				continue
			}
			if out[l] == nil {
				out[l] = map[string]bool{}
			}
			out[l][concept] = true
		}
	}
	return out
}

// mostUsed returns the text used most; of equals, the first in order.
func mostUsed(texts map[string]int) string {
	var keys []string
	for k := range texts {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(texts[b], texts[a]), cmp.Compare(a, b)) })
	return keys[0]
}
