// Package markupeq says whether a translation carries the same markup as
// its source: the same link targets, however each side spells them, the
// same inline code once the placeholders a project translates are set
// aside, and the same citations. It is the one definition of "the same
// markup" glosa has: the markup-mismatch rule reports what it finds
// different, and whatever else pairs a translation with its source (import)
// can ask it too.
//
// Two link destinations are the same target when they differ only in:
//
//   - the scheme http or https, a leading www., the case of the host, a
//     default port;
//   - a trailing slash, a final index.html, a .md or .mdx extension (a
//     link to the page's source file), percent-encoding;
//   - the fragment: headings are translated, and so are their anchors;
//   - relative or root-relative spelling, when both resolve to the same
//     path against the page's own URL path (Page.Path), read as a folder
//     (/guides/x/ + y = /guides/x/y) or as a file (/guides/x + y =
//     /guides/y), as sites differ;
//   - a locale marker naming one of the project's languages or the
//     page's own: a host label (en.example.com), a path segment anywhere
//     (/en/x, /docs/fr/x, img/ja/x.png), a file name's suffix
//     (menu_en.png, guide.fr.pdf), a language query parameter (?hl=en);
//     so that /x/ in the source is /fr/x/ in a French translation. Whether
//     a translation should link another locale's page is the locale-link
//     rule's question, not this package's;
//   - the page of another site's translation at the same place, where the
//     source names its language, or none, and the translation its own: a
//     wiki's article, titled in each wiki's language; an article whose
//     slug is translated (/support/101-setup → /fr/support/101-config);
//   - a site moved to another top-level domain, the path the same
//     (bun.sh/docs/x and bun.com/docs/x);
//   - the ref of a file or folder of a GitHub repository
//     (github.com/o/r/blob/main/x.md and …/blob/3f1c9a0/x.md?from_branch=main):
//     the same file, at the version the author looked at.
//
// Two inline code texts are the same when they are equal once the
// placeholders (Options.Placeholders) are blanked; Equal compares units
// so, item for item. Diff reports a code span the translation lacks or
// changed when the code is what changed: its punctuation or spacing (the
// same words), an identifier, path, option or number the translation
// keeps no word of or omits, code the translation's own code blocks keep
// as the source writes it, a unit that is nothing but the code (a
// command on its own line). It lets pass what translators do on purpose
// and a reader loses nothing by:
//
//   - a code span whose words, quoted strings and element texts are
//     localized while its punctuation, spacing and digits stay
//     (`https://username.example.com/my-repo` →
//     `https://benutzername.example.com/mein-repo`, `{verb} {object}` →
//     `{verbo} {objeto}`, `{ q: 'user input' }` → `{ q: 'texto' }`): an
//     example's names and texts, written in the reader's language. A
//     changed word written in camelCase or PascalCase (getStaticPaths,
//     RouteData) is an identifier, which code must keep, and so is code
//     the translation's own code blocks write as the source does
//     (`is:inline`, not `in:inline`);
//   - a code span that reads as a path or URL and names the same target
//     (`/en/guides/x` → `/fr/guides/x`, `src/` → `src`);
//   - code the translation writes as its code blocks write it, where the
//     source's code blocks have the source's: an example the translation
//     renamed throughout (`<Counter />` → `<Contador />`), or code the
//     translation adds that its examples show;
//   - code formatting given to text the source has (the source's plain
//     "the POST method" as "el método `POST`"), or taken from text the
//     translation keeps (`apt` written APT);
//   - a code span that is one lowercase word, or prose of four or more,
//     the translation says in its own words (`regex` as "expresión
//     regular", `stdout` as "標準出力"); code the translation adds where
//     it lacks nothing of the source's (a name it sets as code, a command
//     it shows inline), and a code span of words alone it adds where it
//     lacks no code (`ロガー`).
package markupeq

import (
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/markdown"
)

// Page is where a link is written.
type Page struct {
	// Lang is the page's language (a canonical BCP 47 tag).
	Lang string
	// Path is the URL path the page is served at, such as /guides/x/,
	// when known: relative links are resolved against it. Empty, relative
	// links compare as written.
	Path string
}

// Options says what a project's markup looks like.
type Options struct {
	// Languages are the project's languages: a marker naming one of them
	// is a locale marker.
	Languages []string
	// Placeholders match the text inside inline code that a project
	// translates by convention, such as tldr-pages' {{path/to/file}}:
	// SameCode compares code with each match blanked. Nil means
	// DefaultPlaceholders; an empty, non-nil slice means none.
	Placeholders []*regexp.Regexp
}

// DefaultPlaceholders are the placeholders set aside in inline code when a
// project names none: {{…}} and <name>. Inside inline code, double braces
// are template syntax (tldr-pages' command examples, Jinja, Handlebars, Go
// and Hugo templates) around the name of what a reader supplies, and a
// name in angle brackets is the usage synopsis's (`git clone <url>`,
// `<className>.<methodName>`); documentation in another language names
// it in that language. The code around them stays, and is still compared.
// An HTML element's name in brackets (`<head>`) is set aside alike: a
// translator has no reason to rename one.
func DefaultPlaceholders() []*regexp.Regexp {
	return slices.Clone(defaultPlaceholders())
}

// defaultPlaceholders are compiled once: a matcher is made per chunk of
// a check and per locale-link finding.
var defaultPlaceholders = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{regexp.MustCompile(`\{\{.*?\}\}`), regexp.MustCompile(`<[\p{L}\p{N}_-]+>`)}
})

// Matcher compares the markup of a project's pages.
type Matcher struct {
	bases map[string]bool
	// regions are the regions of the project's languages, read once:
	// locale asks for a page language's at every path segment.
	regions      map[string]string
	placeholders []*regexp.Regexp
}

// New returns a matcher for a project.
func New(o Options) *Matcher {
	m := &Matcher{bases: map[string]bool{}, regions: map[string]string{}, placeholders: o.Placeholders}
	if m.placeholders == nil {
		m.placeholders = DefaultPlaceholders()
	}
	for _, code := range o.Languages {
		m.bases[lang.Base(code)] = true
		m.regions[code] = lang.Region(code)
	}
	return m
}

// Unit is a unit of text (a paragraph, a heading, a table cell, a text
// field) as Diff compares it.
type Unit struct {
	// Markup lists the unit's links, code and citations as
	// markdown.Markup does ("link https://…", "code x", "cite 2").
	Markup []string
	// Text returns the unit's text; asked for only when the markup
	// differs. Nil when unknown.
	Text func() string
	// Examples returns the text of the code blocks of the unit's page,
	// where it writes its examples; asked for only when code differs. Nil
	// when unknown.
	Examples func() string
	// Page is where the unit is written.
	Page Page
}

// Equal reports whether two units carry the same markup item for item:
// links to the same targets, the same code with placeholders blanked, the
// same citations; none of the leniency of Diff.
func (m *Matcher) Equal(src, tr Unit) bool {
	missing, extra := m.strict(src, tr)
	return len(missing) == 0 && len(extra) == 0
}

// strict returns the items of each unit that the other lacks, item for
// item.
func (m *Matcher) strict(src, tr Unit) (missing, extra []string) {
	same := func(a, b string) bool { return m.same(a, src.Page, b, tr.Page) }
	for _, s := range src.Markup {
		if !slices.ContainsFunc(tr.Markup, func(t string) bool { return same(s, t) }) {
			missing = append(missing, s)
		}
	}
	for _, t := range tr.Markup {
		if !slices.ContainsFunc(src.Markup, func(s string) bool { return same(s, t) }) {
			extra = append(extra, t)
		}
	}
	return missing, extra
}

// same reports whether a, an item of the markup of a unit on page pa,
// and b, one of a unit on page pb, are the same item.
func (m *Matcher) same(a string, pa Page, b string, pb Page) bool {
	if a == b {
		return true
	}
	ka, va, _ := strings.Cut(a, " ")
	kb, vb, _ := strings.Cut(b, " ")
	switch {
	case ka != kb:
		return false
	case ka == "link":
		return m.SameLink(va, pa, vb, pb)
	case ka == "code":
		return m.SameCode(va, vb) || (pathLike(va) || pathLike(vb)) && m.SameLink(va, pa, vb, pb)
	case ka == "html":
		return m.sameHTML(va, pa, vb, pb)
	}
	return false
}

// Unmatched pairs the items of src, on page sp, with those of tr, on page
// tp, one to one, each with an item of the other that is the same (as
// Equal says), in order; it returns the indexes of the items of each left
// without a pair. Unlike Diff, it counts: a script written twice where the
// source has it once is one extra. Items written alike are paired first,
// in linear time; the others are compared pair by pair, at most
// unmatchedBudget times, after which what is left has no pair (a page
// with thousands of differing scripts is reported, not compared for
// minutes).
func (m *Matcher) Unmatched(src []string, sp Page, tr []string, tp Page) (missing, extra []int) {
	paired := make([]bool, len(tr))
	alike := map[string][]int{} // tr's items not paired yet, by their text
	for j, b := range tr {
		alike[b] = append(alike[b], j)
	}
	var left []int
	for i, a := range src {
		if js := alike[a]; len(js) > 0 {
			paired[js[0]] = true
			alike[a] = js[1:]
			continue
		}
		left = append(left, i)
	}
	var free []int
	for j := range tr {
		if !paired[j] {
			free = append(free, j)
		}
	}
	budget := unmatchedBudget
next:
	for _, i := range left {
		for len(free) > 0 && paired[free[0]] {
			free = free[1:]
		}
		for _, j := range free {
			if budget == 0 {
				break
			}
			if paired[j] {
				continue
			}
			budget--
			if m.same(src[i], sp, tr[j], tp) {
				paired[j] = true
				continue next
			}
		}
		missing = append(missing, i)
	}
	for j := range tr {
		if !paired[j] {
			extra = append(extra, j)
		}
	}
	return missing, extra
}

// unmatchedBudget is how many pairs of items written differently
// Unmatched compares at most: a page holds a few active HTML items, and a
// hostile one 20,000 on each side would take 400 million comparisons.
const unmatchedBudget = 100_000

// Diff compares the markup of a source unit with its translation's and
// returns the items of each that the other lacks, in their order: what
// the translation is missing, and what it has that the source has not.
func (m *Matcher) Diff(src, tr Unit) (missing, extra []string) {
	missing, extra = m.strict(src, tr)
	if len(missing) == 0 && len(extra) == 0 {
		return nil, nil
	}
	// What each page writes in its code blocks.
	examples := func(u Unit) func(string) bool {
		var ex *string
		return func(code string) bool {
			if ex == nil {
				t := ""
				if u.Examples != nil {
					t = u.Examples()
				}
				ex = &t
			}
			code = strings.TrimSpace(code)
			return code != "" && strings.Contains(*ex, code)
		}
	}
	inSrc, inTr := examples(src), examples(tr)
	text := func(u Unit) string {
		if u.Text == nil {
			return ""
		}
		return u.Text()
	}
	// Localized examples: a missing and an extra code span of one shape,
	// unless the translation's own code blocks keep the source's code or
	// the unit is nothing but that code (a command, not a phrase).
	for i := 0; i < len(missing); i++ {
		a, ok := strings.CutPrefix(missing[i], "code ")
		if !ok || inTr(a) || codeUnit(text(src), a) {
			continue
		}
		for j := range extra {
			if b, ok := strings.CutPrefix(extra[j], "code "); ok && m.localized(a, b) {
				missing = slices.Delete(missing, i, i+1)
				extra = slices.Delete(extra, j, j+1)
				i--
				break
			}
		}
	}
	// Examples renamed: the source's code in its code blocks, the
	// translation's in its own.
	for i := 0; i < len(missing); i++ {
		a, ok := strings.CutPrefix(missing[i], "code ")
		if !ok || !inSrc(a) || inTr(a) {
			continue
		}
		for j := range extra {
			if b, ok := strings.CutPrefix(extra[j], "code "); ok && inTr(b) {
				missing = slices.Delete(missing, i, i+1)
				extra = slices.Delete(extra, j, j+1)
				i--
				break
			}
		}
	}
	// Formatting given or taken, and terms said in words.
	var srcText, trText *string
	missing = slices.DeleteFunc(missing, func(item string) bool {
		code, ok := strings.CutPrefix(item, "code ")
		if !ok {
			return false
		}
		if termRE().MatchString(code) {
			return true
		}
		if trText == nil {
			t := strings.ToLower(text(tr))
			trText = &t
		}
		return strings.Contains(*trText, strings.ToLower(strings.TrimSpace(code)))
	})
	// Code changed: reported when the code is what changed — its
	// punctuation or spacing, an identifier the translation keeps no word
	// of, code the translation's own examples keep, a unit that is
	// nothing but the code — not when words of a phrase or an example
	// are said otherwise.
	var extraCode []string
	for _, item := range extra {
		if code, ok := strings.CutPrefix(item, "code "); ok {
			extraCode = append(extraCode, code)
		}
	}
	missing = slices.DeleteFunc(missing, func(item string) bool {
		code, ok := strings.CutPrefix(item, "code ")
		if !ok || inTr(code) || codeUnit(text(src), code) {
			return false
		}
		words := m.words(code)
		for _, e := range extraCode {
			if ew := m.words(e); slices.Equal(words, ew) || codeLikeRE().MatchString(code) && !sharesWord(words, ew) {
				return false
			}
		}
		return len(extraCode) > 0 || !codeLikeRE().MatchString(code)
	})
	missingCode := slices.ContainsFunc(missing, func(item string) bool { return strings.HasPrefix(item, "code ") })
	extra = slices.DeleteFunc(extra, func(item string) bool {
		code, ok := strings.CutPrefix(item, "code ")
		if !ok {
			return false
		}
		if inTr(code) || len(missing) == 0 || wordsRE().MatchString(code) && !missingCode {
			return true // the translation's own example, code it adds, or a term
		}
		if srcText == nil {
			t := strings.ToLower(text(src))
			srcText = &t
		}
		return strings.Contains(*srcText, strings.ToLower(strings.TrimSpace(code)))
	})
	return missing, extra
}

// codeUnit reports whether a unit's text is nothing but the code span
// code, and the code a command (it has spaces): an example on its own
// line.
func codeUnit(text, code string) bool {
	if !strings.ContainsFunc(strings.TrimSpace(code), unicode.IsSpace) {
		return false // a name on its own, not a command
	}
	t := strings.TrimSpace(text)
	return strings.HasPrefix(t, "`") && strings.HasSuffix(t, "`") && strings.TrimSpace(strings.Trim(t, "`")) == strings.TrimSpace(code)
}

// words returns the runs of letters of code, placeholders blanked.
func (m *Matcher) words(code string) []string {
	_, words := shape(m.blank(code))
	return words
}

func sharesWord(a, b []string) bool {
	return slices.ContainsFunc(a, func(w string) bool { return slices.Contains(b, w) })
}

// codeLikeRE matches code that reads as an identifier, a path, an
// option or a number rather than words: a camelCase hump; a dot,
// underscore, colon, parenthesis, slash or equals sign joining names; a
// word starting with a slash, dot, tilde or dash (./x, /var, --force);
// digits alone.
var codeLikeRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\p{Ll}\p{Lu}|[\p{L}\p{N}](?:\.|::?|_|\(|/|=)[\p{L}\p{N}(<{]|(?:^|\s)(?:[/.~]|--?)[\p{L}\p{N}./]|^\s*[\d.*]+\s*$`)
})

// termRE matches a code span that is one lowercase word, a term
// (`regex`), or four or more, prose set as code (`how to add a route`);
// two or three are as likely a command (`go test`, `npm run dev`).
var termRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(?:\p{Ll}+|\p{Ll}+(?:\s+\p{Ll}+){3,})\s*$`) })

// wordsRE matches a code span of words in any case and script and nothing
// else: a term the translation sets as code (`ロガー`, `debugexporter`).
var wordsRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[\p{L}\p{M}\s]+$`) })

// localized reports whether tr is src with words changed and nothing else
// (see the package documentation), placeholders blanked.
func (m *Matcher) localized(src, tr string) bool {
	a, aw := shape(m.blank(src))
	b, bw := shape(m.blank(tr))
	if a != b || len(aw) != len(bw) {
		return false
	}
	kept := false
	for i := range aw {
		if aw[i] == bw[i] {
			kept = true
		} else if identifierRE().MatchString(aw[i]) {
			return false
		}
	}
	// Two unrelated spans can have one short shape (server:defer,
	// max:true): the same code keeps a word, unless all of its words are
	// names in brackets or texts in quotes ({verb} {object}, <className>,
	// "blog"), or its shape says enough alone (path/to/db_dir).
	symbols := 0
	for _, r := range a {
		if r != 'a' && r != 's' && r != ' ' {
			symbols++
		}
	}
	return kept || bracketedRE().MatchString(a) || symbols >= 3
}

// bracketedRE matches a shape whose every word is in brackets or quotes.
var bracketedRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[^as]*(?:[{<\[]a[}>\]]|["'\x60]s["'\x60]|>s<))+[^as]*$`)
})

// identifierRE matches a word with a lowercase letter followed by a
// capital: camelCase, PascalCase.
var identifierRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\p{Ll}\p{Lu}`) })

// pathLike reports whether code reads as a URL or a path: a slash and no
// white space (/en/guides/x, src/pages/).
func pathLike(code string) bool {
	return strings.Contains(code, "/") && !strings.ContainsFunc(code, unicode.IsSpace)
}

// shape returns code with each run of letters (joined by apostrophes,
// hyphens and underscores) written "a", each quoted
// string's text and each element's text (<p>…</p>) written "s", and each
// run of white space one space; and the runs of letters and texts so
// written, in order.
func shape(code string) (string, []string) {
	var b strings.Builder
	var words []string
	rs := []rune(code)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isLetter(r):
			j := i
			for j < len(rs) && (isLetter(rs[j]) || isJoiner(rs[j]) && j+1 < len(rs) && isLetter(rs[j+1])) {
				j++
			}
			words = append(words, string(rs[i:j]))
			b.WriteByte('a')
			i = j
			continue
		case unicode.IsSpace(r):
			j := i
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
			b.WriteByte(' ')
			i = j
			continue
		case r == '"' || r == '\'' || r == '`' || r == '>':
			end := r
			if r == '>' {
				end = '<'
			}
			if j := indexRune(rs[i+1:], end); j >= 0 && slices.ContainsFunc(rs[i+1:i+1+j], isLetter) {
				words = append(words, string(rs[i+1:i+1+j]))
				b.WriteRune(r)
				b.WriteByte('s')
				b.WriteRune(end)
				i += j + 2
				continue
			}
		}
		b.WriteRune(r)
		i++
	}
	return strings.TrimSpace(b.String()), words
}

func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.M, r) }

// isJoiner reports whether r joins two runs of letters into one word:
// an apostrophe (l'école), a hyphen or an underscore (package-name,
// user_name, which a translation may write nom-du-paquet).
func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' || r == '_' }

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

// SameCode reports whether two inline code texts are the same once the
// placeholders are blanked.
func (m *Matcher) SameCode(src, tr string) bool {
	if src == tr {
		return true
	}
	return m.blank(strings.TrimSpace(src)) == m.blank(strings.TrimSpace(tr))
}

func (m *Matcher) blank(s string) string {
	for _, re := range m.placeholders {
		s = re.ReplaceAllLiteralString(s, "\x00")
	}
	return s
}

// SameLink reports whether the link src, written on page sp, and tr,
// written on tp, lead to the same target (see the package documentation).
func (m *Matcher) SameLink(src string, sp Page, tr string, tp Page) bool {
	if src == tr {
		return true
	}
	a, b := m.parse(src, sp), m.parse(tr, tp)
	if a == nil || b == nil {
		return false
	}
	for _, x := range a.keys {
		if slices.Contains(b.keys, x) {
			return true
		}
	}
	// The same page of another site's translation: the source names its
	// language where the translation names its own, and the rest is the
	// site's to translate (a wiki's titles, an article's slug).
	for _, y := range b.markers {
		if y.base != lang.Base(tp.Lang) {
			continue
		}
		marked := false
		for _, x := range a.markers {
			if x.place == y.place {
				marked = true
				if x.base == lang.Base(sp.Lang) && x.base != y.base {
					return true
				}
			}
		}
		// The source names no locale where the translation names its
		// own, in the same section of the same site (/support/123-x and
		// /fr/support/123-y).
		if !marked && y.at >= 0 && a.host == b.host && y.at+1 < len(b.segs) && y.at < len(a.segs) &&
			slices.Equal(a.segs[:y.at], b.segs[:y.at]) && a.segs[y.at] == b.segs[y.at+1] && y.at+1 < len(a.segs) {
			return true
		}
	}
	return false
}

// link is a destination read for comparison.
type link struct {
	// keys are its canonical forms: as written, and without its locale
	// markers, each resolved against the page as a folder and as a file.
	keys []string
	// markers are the locale markers of an absolute URL.
	markers []marker
	// host and segs are an absolute URL's host and path segments.
	host string
	segs []string
}

// marker is a locale marker: the language base it names, where it is
// (the host and the path before it), and the index of its path segment
// (-1 for a host label).
type marker struct {
	place, base string
	at          int
}

func (m *Matcher) parse(dest string, p Page) *link {
	dest = strings.TrimSpace(dest)
	u, err := url.Parse(dest)
	if err != nil {
		return nil
	}
	l := &link{}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
	default: // mailto:, tel:, data: …
		u.Fragment, u.RawFragment = "", ""
		l.keys = []string{u.String()}
		return l
	}
	host := strings.ToLower(u.Hostname())
	if u.Scheme == "" && u.Host == "" && strings.HasPrefix(strings.ToLower(u.Path), "www.") {
		// A bare www.example.com/x, as GFM autolinks it.
		host, u.Path, _ = strings.Cut(strings.ToLower(u.Path), "/")
		u.Path = "/" + u.Path
	}
	host = strings.TrimPrefix(host, "www.")
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	bare := host // the host without a locale label
	if labels := strings.Split(host, "."); len(labels) >= 3 {
		if base, ok := m.locale(labels[0], p); ok {
			bare = strings.Join(labels[1:], ".")
			l.markers = append(l.markers, marker{"*." + bare, base, -1})
		}
	}
	var paths []string
	switch {
	case host != "" || strings.HasPrefix(u.Path, "/"):
		paths = []string{u.Path}
	case u.Path == "":
		paths = []string{p.Path} // #anchor or ?query: this page
	case p.Path == "":
		paths = []string{strings.TrimPrefix(u.Path, "./")}
	default:
		dir := strings.TrimSuffix(p.Path, "/") + "/"
		paths = []string{path.Join(dir, u.Path), path.Join(path.Dir(strings.TrimSuffix(p.Path, "/")), u.Path)}
	}
	query := u.Query()
	for _, pth := range paths {
		pth = cleanPath(pth)
		l.add(host + pth + encodeQuery(query, nil))
		l.add(bare + m.dropMarkers(pth, p) + encodeQuery(query, func(k, v string) bool {
			_, ok := m.locale(v, p)
			return isLocaleKey(k) && ok
		}))
		if ref := githubRef().FindStringSubmatchIndex(host + pth); ref != nil {
			// The same file of a GitHub repository at another ref.
			key := host + pth
			l.add(key[:ref[2]] + "*" + key[ref[3]:])
		}
		if host != "" && l.segs == nil {
			segs := strings.Split(pth, "/")
			l.host, l.segs = host, segs
			for i, seg := range segs {
				if base, ok := m.locale(seg, p); ok {
					l.markers = append(l.markers, marker{host + strings.Join(segs[:i], "/") + "/", base, i})
				}
			}
			if name := siteName(bare); name != "" && len(pth) > 1 {
				// The same page of a site that moved to another
				// top-level domain (bun.sh/docs → bun.com/docs).
				l.add("~" + name + m.dropMarkers(pth, p) + encodeQuery(query, nil))
			}
		}
	}
	return l
}

// siteName returns a host without its top-level domain (bun for bun.sh,
// docs.example for docs.example.co.uk), or "" for a host of one label.
func siteName(host string) string {
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return ""
	}
	i := len(labels) - 1
	if i > 1 && slices.Contains([]string{"co", "com", "org", "net", "ac", "gov", "edu"}, labels[i-1]) && len(labels[i]) == 2 {
		i--
	}
	return strings.Join(labels[:i], ".")
}

// githubRef finds the ref of a file or folder URL of a GitHub repository:
// main in github.com/o/r/blob/main/x.md.
var githubRef = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^github\.com/[^/]+/[^/]+/(?:blob|tree|raw)/([^/]+)/`)
})

func (l *link) add(key string) {
	if !slices.Contains(l.keys, key) {
		l.keys = append(l.keys, key)
	}
}

// cleanPath writes a path in one spelling: percent-decoded, cleaned, with
// no trailing slash, index.html or .md extension.
func cleanPath(p string) string {
	if p == "" {
		return ""
	}
	rooted := strings.HasPrefix(p, "/")
	p = path.Clean(p)
	for _, suffix := range []string{"/index.html", "/index.htm", ".html", ".htm", ".mdx", ".md"} {
		p = strings.TrimSuffix(p, suffix)
	}
	if p == "." || p == "/" {
		p = ""
	}
	if rooted && !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return strings.TrimSuffix(p, "/")
}

// dropMarkers removes the path segments and file-name suffixes that name a
// locale: /docs/en/x → /docs/x, img/menu_ja.png → img/menu.png.
func (m *Matcher) dropMarkers(p string, page Page) string {
	segs := strings.Split(p, "/")
	out := segs[:0]
	for i, seg := range segs {
		if _, ok := m.locale(seg, page); ok {
			continue
		}
		if i == len(segs)-1 {
			seg = m.dropSuffix(seg, page)
		}
		out = append(out, seg)
	}
	return strings.Join(out, "/")
}

// dropSuffix removes a locale suffix from a file name: menu_en.png,
// menu-en.png, guide.en.pdf → menu.png, guide.pdf.
func (m *Matcher) dropSuffix(name string, page Page) string {
	stem, ext := name, ""
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		stem, ext = name[:i], name[i:]
	}
	i := strings.LastIndexAny(stem, "_-.")
	if i <= 0 {
		return name
	}
	// A regional locale: menu_pt_BR.png, menu-zh-CN.png.
	if j := strings.LastIndexAny(stem[:i], "_-."); j > 0 {
		if _, ok := m.locale(stem[j+1:], page); ok {
			return stem[:j] + ext
		}
	}
	if _, ok := m.locale(stem[i+1:], page); ok {
		return stem[:i] + ext
	}
	return name
}

// locale returns the language base s names when it is written as a
// locale of one of the project's languages or of the page's: it, IT,
// it-it, pt_BR; or as the page language's region alone (cn on a zh-CN
// page: cn.example.com). Not item, nor a base written in another form
// (iw for he).
func (m *Matcher) locale(s string, p Page) (string, bool) {
	if len(s) < 2 || len(s) > 16 {
		return "", false
	}
	own := lang.Base(p.Lang)
	r, ok := m.regions[p.Lang]
	if !ok {
		r = lang.Region(p.Lang)
	}
	if r != "" && strings.EqualFold(s, r) {
		return own, true
	}
	base, ok := LocaleBase(s)
	return base, ok && (m.bases[base] || base == own)
}

// LocaleBase returns the language base a locale marker names when it is
// written as one, with its base as written first: "it", "IT", "it-it",
// "pt_BR", "zh-Hant" name it, pt or zh; "item", "iw" (he's old code) and
// "en-latest" are not read as markers.
func LocaleBase(s string) (string, bool) {
	code, err := lang.Parse(s)
	if err != nil {
		return "", false
	}
	base := lang.Base(code)
	written, _, _ := strings.Cut(strings.ReplaceAll(s, "_", "-"), "-")
	return base, strings.EqualFold(written, base)
}

// LocaleKeys are query parameters that choose a page's language.
var LocaleKeys = []string{"hl", "lang", "locale", "language", "lng", "uselang", "setlang"}

func isLocaleKey(k string) bool { return slices.Contains(LocaleKeys, strings.ToLower(k)) }

// encodeQuery writes the query in one spelling, without the parameters
// drop says to leave out.
func encodeQuery(q url.Values, drop func(k, v string) bool) string {
	if len(q) == 0 {
		return ""
	}
	out := url.Values{}
	for k, vs := range q {
		for _, v := range vs {
			if drop == nil || !drop(k, v) {
				out.Add(k, v)
			}
		}
	}
	if len(out) == 0 {
		return ""
	}
	return "?" + out.Encode()
}

// Wikimedia lists the wikis whose language is the first host label and
// whose article titles are written in each wiki's language.
var Wikimedia = []string{"wikipedia.org", "wiktionary.org", "wikibooks.org", "wikiquote.org", "wikisource.org", "wikivoyage.org", "wikinews.org", "wikiversity.org"}

// sameHTML reports whether two inline HTML tags, as markdown's "html"
// items write them (a name, then attr="value" pairs), are the same: the
// same element, and the same attributes that send the reader somewhere or
// run code, a URL naming the same target (see SameLink) unless it runs
// code, anything else equal.
func (m *Matcher) sameHTML(a string, pa Page, b string, pb Page) bool {
	na, aa := splitTag(a)
	nb, ab := splitTag(b)
	if !strings.EqualFold(na, nb) || len(aa) != len(ab) {
		return false
	}
	for i := range aa {
		ka, va := aa[i][0], aa[i][1]
		kb, vb := ab[i][0], ab[i][1]
		if ka != kb {
			return false
		}
		if va == vb {
			continue
		}
		switch ka {
		case "href", "src", "action", "formaction", "data", "xlink:href":
			if markdown.ScriptURL(va) || markdown.ScriptURL(vb) || !m.SameLink(va, pa, vb, pb) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// splitTag splits an "html" item's value into the element's name and its
// attributes, in order.
func splitTag(v string) (name string, attrs [][2]string) {
	name, rest, _ := strings.Cut(v, " ")
	for rest != "" {
		k, after, ok := strings.Cut(rest, "=")
		if !ok {
			break
		}
		q, err := strconv.QuotedPrefix(after)
		if err != nil {
			break
		}
		val, _ := strconv.Unquote(q)
		attrs = append(attrs, [2]string{k, val})
		rest = strings.TrimPrefix(after[len(q):], " ")
	}
	return name, attrs
}
