package lint

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/content"
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
		"**Limits.** A term is not reported where the termbase has no term in the translation's language (the team has not chosen one), nor where its term in that language is the source's own (a glossary that keeps the English term is satisfied by it). Inflection is only what `terms.plurals` says, on a term's first and last words: a term inflected otherwise (by gender, case, in its middle words: «modelli linguistici») is not found, in the source (no finding) or in the translation (a finding, when the source's term is kept). Blocks pair only when both bodies have the same sequence of blocks. Drafts (`untranslated`) are not checked. For precision, a source term kept in the translation is not reported when it is an acronym, when it stands inside parentheses (a gloss), when it is capitalized in the middle of a sentence or next to other capitalized words, or anywhere in a language written without capitals (a name, a UI label or a kind: «Observability Day», «the Continuous Deployment tab», «Service リソース»; in German, whose nouns all take a capital, a kept term mid-sentence is missed), when a hyphen, underscore, dot or slash joins it to another word or a # or @ precedes it or an = follows it (an identifier, a path, an anchor, an attribute), when it is all a quotation holds (a cited word: «「build」»), when the word before or after it is kept with it as the source writes them (a longer expression: «pull request», «service worker»; so a whole phrase left in English is missed too; a word of one or two letters before it, an article both languages may write, does not count), when it is the text of a link to its own fragment (`[service](#service)`) or of bold text or an inline element the source writes the same (a UI label), or when the whole text is the source's (`same-as-source` reports it). A term written as it is wins over another term's inflected form («props» is not also «prop»).",
	Options: []*Option{termUntranslated.Option, termAbsent.Option},
	check: func(c *checker, emit func(Finding)) {
		tb := c.linter.terms
		if tb == nil {
			return
		}
		untranslated, absent := termUntranslated.of(c), termAbsent.of(c)
		// A source's units and their terms, found once for all its
		// translations (pairs come source by source).
		var lastSrc *content.Entry
		var srcAll []termUnit
		casedOf := map[string]bool{}
		cased := func(lang string) bool {
			c, ok := casedOf[lang]
			if !ok {
				c = casedScript(lang)
				casedOf[lang] = c
			}
			return c
		}
		matchers := map[string]*term.Matcher{}
		matcher := func(lang string) *term.Matcher {
			m, ok := matchers[lang]
			if !ok {
				m = tb.Matcher(lang, term.Preferred, term.Admitted)
				matchers[lang] = m
			}
			return m
		}
		var srcFound [][]term.Match // by unit of srcAll
		srcTerms := false           // whether one of them has a term // of lastSrc's units that have terms
		var seen []string
		for _, p := range c.pairs() {
			if p.t.State == status.Untranslated {
				continue // a draft is work in progress
			}
			srcM := matcher(p.src.Lang)
			if srcM.Empty() {
				continue
			}
			trM := matcher(p.t.Lang)
			if p.src != lastSrc {
				lastSrc, srcAll = p.src, termUnits(c, p.src)
				srcFound, srcTerms = srcFound[:0], false
				for _, su := range srcAll {
					found := srcM.Find(su.text)
					srcFound = append(srcFound, found)
					srcTerms = srcTerms || len(found) > 0
				}
			}
			if !srcTerms {
				continue // no term in the source: nothing to look for
			}
			trUnits, pairOf := termPairs(c, p, srcAll)
			for i, su := range srcAll {
				found := srcFound[i]
				if len(found) == 0 || pairOf[i] < 0 {
					continue
				}
				tu := trUnits[pairOf[i]]
				if tu.text == su.text {
					continue // an untranslated text: same-as-source's finding, not a term's
				}
				var inTr, keptInTr []term.Match // found once they are needed
				var written map[string]int
				trDone, keptDone := false, false
				seen = seen[:0]
				for _, m := range found {
					concept := m.Term.Concept
					if slices.Contains(seen, concept) {
						continue
					}
					seen = append(seen, concept)
					allowed := tb.Allowed(concept, p.t.Lang)
					if len(allowed) == 0 {
						continue // the team has chosen no term yet
					}
					if !trDone {
						inTr, trDone = trM.FindAll(tu.text), true
					}
					if hasConcept(inTr, concept) {
						continue
					}
					dnt := tb.DoNotTranslate(concept)
					if !dnt && (acronym(m.Term.Text) || slices.ContainsFunc(allowed, func(t term.Term) bool { return strings.EqualFold(t.Text, m.Term.Text) })) {
						continue // acronyms are kept by most languages; a term the language shares, in its own inflection
					}
					if !keptDone {
						keptInTr, keptDone = srcM.Find(tu.text), true
					}
					kept := keptTerm(keptInTr, concept, tu.text, su.text, cased(p.t.Lang), func() map[string]int {
						if written == nil { // read once a kept term needs it
							written = keptAsWritten(tu.source, su.source)
						}
						return written
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

// keptTerm reports whether the translation's text keeps a source term of
// concept as the term left untranslated: not as a gloss, an acronym, a
// name, a quoted fragment of an identifier, part of a longer expression
// the source has too, or in a text kept as written (see keptAsWritten;
// written returns them, and they are used up).
func keptTerm(keptInTr []term.Match, concept, text, srcText string, cased bool, written func() map[string]int) bool {
	var rs []rune // made once a match of concept needs them
	for _, k := range keptInTr {
		if k.Term.Concept != concept {
			continue
		}
		if rs == nil {
			rs = []rune(text)
		}
		if glossed(text, k) || acronym(k.Term.Text) || inName(text, k, cased) ||
			quotedFragment(rs, k) || compound(rs, srcText, k) {
			continue
		}
		if asWritten(written(), string(rs[k.Start:k.End])) {
			continue
		}
		return true
	}
	return false
}

// linkRE finds an inline Markdown link: its text and its destination.
var linkRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\[([^\]\[]+)\]\(([^)\s]+)(?:\s[^)]*)?\)`) })

// markedRE finds text in bold («**Content & assets**», «__Save__») and
// the text of an inline element («<Option>props</Option>»): its text,
// and the element's opening and closing names.
var markedRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\*\*([^*\n]+)\*\*|__([^_\n]+)__|<([A-Za-z][\w.]*)[^<>]*>([^<>\n]+)</([A-Za-z][\w.]*)>`)
})

// keptAsWritten counts the texts of a translation's Markdown that keep
// a name as written, where a source term they hold is not one left
// untranslated: the text of a link that is its own fragment
// («[service](#service)» names a section of the page, or the
// configuration key it describes, by its identifier), and a text in bold
// or an inline element that the source has the same («**Content &
// assets**», a UI label; «<Option>props</Option>», an API's name). A
// link to a page by its slug («[monolithic apps](/monolithic-apps/)») is
// not one: the page's name is translated in the translation's glossary.
func keptAsWritten(trSource, srcSource string) map[string]int {
	out := map[string]int{}
	if strings.Contains(trSource, "](#") {
		for _, m := range linkRE().FindAllStringSubmatch(trSource, -1) {
			if m[2] == "#"+m[1] {
				out[m[1]]++
			}
		}
	}
	if strings.Contains(trSource, "**") || strings.Contains(trSource, "__") || strings.Contains(trSource, "</") {
		for _, m := range markedRE().FindAllStringSubmatch(trSource, -1) {
			if m[3] != m[5] || !strings.Contains(srcSource, m[0]) {
				continue
			}
			out[m[1]+m[2]+m[4]]++ // one of the three is set
		}
	}
	return out
}

// asWritten reports whether one of the texts holds the words of w, and
// uses it up.
func asWritten(texts map[string]int, w string) bool {
	words := func(s string) string {
		return " " + strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ") + " "
	}
	w = words(w)
	for t, n := range texts {
		if n > 0 && strings.Contains(words(t), w) {
			texts[t]--
			return true
		}
	}
	return false
}

// quotedFragment reports a match that is all a quotation holds, or with
// a dot, hyphen, underscore or slash after it: «「build」» cites the word
// (a script's, a key's name), «「service.」» the prefix of an identifier.
func quotedFragment(rs []rune, m term.Match) bool {
	end := m.End
	if end < len(rs) && joiner(rs[end]) {
		end++
	}
	return m.Start > 0 && end < len(rs) &&
		strings.ContainsRune("\"'«“‘「『`", rs[m.Start-1]) && strings.ContainsRune("\"'»”’」』`", rs[end])
}

// joiner reports a character that joins words into one name (as the
// term matcher sees them).
func joiner(r rune) bool { return r == '-' || r == '_' || r == '.' || r == '/' }

// compound reports whether a match and the words after or before it are
// written together in the source's text too: the term is part of a
// longer expression the translation keeps whole, another concept or a
// name («service worker», «observability by design», «pull request»).
// Short words on the way (one or two letters: «by», and the articles and
// prepositions two languages may share, «un», «de», «la») are taken with
// the next word, not alone: «Un modello linguistico» in a Spanish text
// whose Italian source says «Un modello linguistico» keeps the term, it
// is no longer expression. After the term, short words the text ends
// with count (a particle: «sampling out», «set up»); before it, they do
// not.
func compound(rs []rune, srcText string, m term.Match) bool {
	latin := func(i int) bool {
		return i >= 0 && i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsDigit(rs[i])) &&
			!unicode.In(rs[i], unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai)
	}
	src := " " + strings.Join(strings.Fields(strings.ToLower(srcText)), " ") + " "
	in := func(start, end int) bool {
		return strings.Contains(src, strings.Join(strings.Fields(strings.ToLower(string(rs[start:end]))), " "))
	}
	// After the term: words up to the first that is not short, or the
	// short ones the text goes no further than.
	for end, short := m.End, m.End; end < len(rs) && unicode.IsSpace(rs[end]); {
		for end < len(rs) && unicode.IsSpace(rs[end]) {
			end++
		}
		if !latin(end) {
			if short > m.End && in(m.Start, short) {
				return true
			}
			break
		}
		from := end
		for latin(end) {
			end++
		}
		if !shortWord(rs[from:end]) {
			if in(m.Start, end) {
				return true
			}
			break
		}
		short = end
		if end == len(rs) && in(m.Start, end) {
			return true
		}
	}
	// Before it, the same way back.
	for start := m.Start - 1; start >= 0 && unicode.IsSpace(rs[start]); {
		for start >= 0 && unicode.IsSpace(rs[start]) {
			start--
		}
		if !latin(start) {
			break
		}
		to := start + 1
		for latin(start - 1) {
			start--
		}
		if !shortWord(rs[start:to]) {
			return in(start, m.End)
		}
		start--
	}
	return false
}

// shortWord reports a word of one or two letters that is no acronym:
// such words («by», «of», «un», «la») are shared by too many languages to
// say alone that a text keeps the source's expression.
func shortWord(w []rune) bool {
	if len(w) >= 3 {
		return false
	}
	caps := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return len(w) < 2 || caps < len(w)
}

// casedScript reports whether lang is written in a script with capital
// letters (Latin, Cyrillic, Greek, Armenian), where a capital may only
// start a sentence; an unknown language counts as one.
func casedScript(lang string) bool {
	tag, err := language.Parse(lang)
	if err != nil {
		return true
	}
	s, _ := tag.Script()
	switch s.String() {
	case "Latn", "Cyrl", "Grek", "Armn", "Zzzz":
		return true
	}
	return false
}

// glossed reports whether a match stands in parentheses after the
// language's own words: «canareechnye razvertyvaniya (canary
// deployments)», «Função como Serviço (FaaS, Function as a Service)»
// gloss the term, they do not leave it untranslated.
func glossed(text string, m term.Match) bool {
	rs := []rune(text)
	open := 0
	for i := m.Start - 1; i >= 0; i-- {
		switch rs[i] {
		case ')', '）':
			open--
		case '(', '（':
			if open++; open > 0 {
				return i > 0
			}
		}
	}
	return false
}

// inName reports whether a match written with a capital is a name that
// keeps the term, not the term left untranslated: part of a run of
// capitalized words («Observability Day», «Azure App Service», «Cart
// Service»), or capitalized in the middle of a sentence, as names, UI
// labels («the Continuous Deployment tab», «在 Service 下拉菜单中») and
// kinds of objects («Service リソース») are. In a language written
// without capitals (cased false: Japanese, Chinese, Hindi…), a source
// term written with one is a name wherever it stands. (German
// capitalizes every noun: there, a kept term mid-sentence is taken for a
// name too.)
func inName(text string, m term.Match, cased bool) bool {
	rs := []rune(text)
	if !unicode.IsUpper(rs[m.Start]) {
		return false
	}
	if !cased || midSentence(rs, m.Start) {
		return true
	}
	capital := func(i int) bool { return i >= 0 && i < len(rs) && unicode.IsUpper(rs[i]) }
	before := m.Start - 1
	if before >= 0 && rs[before] == ' ' {
		// The word before: its first letter.
		j := before - 1
		for j >= 0 && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) {
			j--
		}
		if j < before-1 && capital(j+1) {
			return true
		}
	}
	return m.End+1 < len(rs) && rs[m.End] == ' ' && capital(m.End+1)
}

// midSentence reports whether rs[i] stands after words of its sentence:
// not at the text's start nor after a sentence's end, opening quotes and
// brackets aside.
func midSentence(rs []rune, i int) bool {
	for i--; i >= 0; i-- {
		switch r := rs[i]; {
		case unicode.IsSpace(r), strings.ContainsRune("\"'«“‘([*_¿¡「『【", r):
			continue
		case strings.ContainsRune(".!?:;。！？：；", r):
			return false
		default:
			return true
		}
	}
	return false
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
