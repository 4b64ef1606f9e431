package lint

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/term"
)

// The options of term-missing.
var (
	termUntranslated = boolOption("untranslated", true,
		"Report a translation's text that keeps the source's term where the termbase has the term of its language.")
	termAbsent = boolOption("absent", false,
		"Report a translation's text that has neither the source's term nor any of the termbase's terms for it. "+
			"Off by default: a translation may rightly say it with a pronoun or another turn of phrase.")
)

var _ = register(Rule{
	entries:  true,
	ID:       "term-missing",
	Severity: Warning,
	Summary:  "a translation's text lacks the termbase's term for a term its source uses, keeping the source's term or none, or changes a term not to translate",
	Doc: "A text field, paragraph, heading or table cell of the source uses a term of the termbase (see the `terms` keys of glosa.yaml), and the translation's paired text (text fields by path, body blocks by position when both bodies have the same sequence of blocks) has none of the terms the termbase allows for it in the translation's language: it keeps the source's term (reported unless `untranslated: false`), or has no term of the concept at all (reported with `absent: true`). A term marked not to translate (a product name) must appear unchanged: its absence is always reported. Terms match on word boundaries, in any case unless marked case-sensitive, and in the inflected forms `terms.plurals` describes.\n" +
		"\n" +
		"**Example.** The Italian source speaks of a «modello linguistico di grandi dimensioni»; the Spanish termbase (the Spanish entry's title) says «modelo de lenguaje grande», yet the Spanish paragraph kept the Italian term:\n" +
		"\n" +
		"```\n" +
		"content/es/tokens.md:8:1: warning: the it term \"modello linguistico di grandi dimensioni\" is left untranslated: the es termbase has \"modelo de lenguaje grande\" [term-missing]\n" +
		"    fix: write \"modelo de lenguaje grande\" (content/es/llm.md:2)\n" +
		"```\n" +
		"\n" +
		"**Fix.** Write the termbase's term; or, when the text is right as it is, add the variant it uses to the termbase as a synonym, or accept the finding with a suppression.\n" +
		"\n" +
		"**Limits.** A term is not reported where the termbase has no term in the translation's language (the team has not chosen one), nor where its term in that language is the source's own (a glossary that keeps the English term is satisfied by it). Inflection is only what `terms.plurals` says, on a term's first and last words: a term inflected otherwise (by gender, case, in its middle words: «modelli linguistici») is not found, in the source (no finding) or in the translation (a finding, when the source's term is kept). Blocks pair only when both bodies have the same sequence of blocks. Drafts (`untranslated`) are not checked.",
	Options: []*Option{termUntranslated.Option, termAbsent.Option},
	check: func(c *checker, emit func(Finding)) {
		tb := c.linter.terms
		if tb == nil {
			return
		}
		untranslated, absent := termUntranslated.of(c), termAbsent.of(c)
		for _, p := range c.pairs() {
			if p.t.State == status.Untranslated {
				continue // a draft is work in progress
			}
			srcM := tb.Matcher(p.src.Lang, term.Preferred, term.Admitted)
			if srcM.Empty() {
				continue
			}
			trM := tb.Matcher(p.t.Lang, term.Preferred, term.Admitted)
			srcUnits, trUnits := termPairs(c, p)
			for i, su := range srcUnits {
				found := srcM.Find(su.text)
				if len(found) == 0 {
					continue
				}
				tu := trUnits[i]
				var inTr, keptInTr []term.Match
				trDone := false
				seen := map[string]bool{}
				for _, m := range found {
					concept := m.Term.Concept
					if seen[concept] {
						continue
					}
					seen[concept] = true
					allowed := tb.Allowed(concept, p.t.Lang)
					if len(allowed) == 0 {
						continue // the team has chosen no term yet
					}
					if !trDone {
						inTr, keptInTr, trDone = trM.FindAll(tu.text), srcM.Find(tu.text), true
					}
					if hasConcept(inTr, concept) {
						continue
					}
					dnt := tb.DoNotTranslate(concept)
					if !dnt && (acronym(m.Term.Text) || slices.ContainsFunc(allowed, func(t term.Term) bool { return strings.EqualFold(t.Text, m.Term.Text) })) {
						continue // acronyms are kept by most languages; a term the language shares, in its own inflection
					}
					kept := slices.ContainsFunc(keptInTr, func(k term.Match) bool {
						return k.Term.Concept == concept && !glossed(tu.text, k)
					})
					var text l10n.Text
					switch {
					case dnt:
						text = l10n.Msg("lint.term.doNotTranslate", "Term", strconv.Quote(m.Term.Text))
					case kept && untranslated:
						text = l10n.Msg("lint.term.untranslated", "SourceLang", p.src.Lang, "Term", strconv.Quote(m.Term.Text),
							"Lang", p.t.Lang, "Expected", termList(allowed))
					case !kept && absent:
						text = l10n.Msg("lint.term.absent", "SourceLang", p.src.Lang, "Term", strconv.Quote(m.Term.Text),
							"Lang", p.t.Lang, "Expected", termList(allowed))
					default:
						continue
					}
					emit(Finding{Path: p.entry.Path, Line: tu.line, Column: tu.col, Lang: p.t.Lang, Slug: p.item.Slug,
						Text: text, FixText: termFix(allowed)})
				}
			}
		}
	},
})

// glossed reports whether a match stands in parentheses, after the
// language's own words: «canareechnye razvertyvaniya (canary
// deployments)» glosses the term, it does not leave it untranslated.
func glossed(text string, m term.Match) bool {
	rs := []rune(text)
	i := m.Start - 1
	for i >= 0 && strings.ContainsRune(" _*[", rs[i]) {
		i--
	}
	return i > 0 && rs[i] == '('
}

// acronym reports a term written in capitals (API, TLS, IaaS): most
// languages keep it as it is.
func acronym(s string) bool {
	upper := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		} else if !unicode.IsLower(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return upper >= 2 && upper*2 >= len([]rune(s))
}

// termFix says which term to write, and where the termbase defines the
// first of them.
func termFix(allowed []term.Term) l10n.Text {
	t := allowed[0]
	if t.Path == "" {
		return l10n.Msg("lint.term.fix", "Expected", termList(allowed))
	}
	return l10n.Msg("lint.term.fixAt", "Expected", termList(allowed), "Path", t.Path, "Line", t.Line)
}
