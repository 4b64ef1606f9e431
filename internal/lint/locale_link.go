package lint

import (
	"bytes"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
)

var localeLink = Rule{
	entries:  true,
	ID:       "locale-link",
	Severity: Warning,
	Summary:  "a link in a translation points to a page of another project language (/it-it/, /it/, it.wikipedia.org, ?hl=it)",
	Options:  []string{"allow"},
	check: func(c *checker, emit func(Finding)) {
		allow := map[string]bool{}
		for _, code := range c.langsOption("allow") {
			allow[lang.Base(code)] = true
		}
		for _, e := range c.entries() {
			if e.Lang == c.repo.Source {
				continue
			}
			var foreign []string
			for _, code := range c.repo.Languages {
				b := lang.Base(code)
				if b != lang.Base(e.Lang) && !allow[b] && !slices.Contains(foreign, b) {
					foreign = append(foreign, b)
				}
			}
			check := func(u string, line, col int) {
				m, ok := c.findLocale(u, foreign, e.Lang)
				if !ok {
					return
				}
				emit(Finding{Path: e.Path, Line: line, Column: col + utf8.RuneCountInString(u[:m.start]), Lang: e.Lang, Slug: e.Slug,
					Text:    l10n.Msg("lint.localeLink", "LinkLang", l10n.Lang(m.lang), "Lang", l10n.Lang(e.Lang), "URL", u),
					FixText: localeFix(m, e.Lang)})
			}
			for _, v := range e.Values(c.repo.Schema(e)) {
				if v.Kind == config.URL {
					line, col := valueColumn(e.Doc.Raw, v.Node.Line, v.Node.Column, v.Node.Value)
					check(v.Node.Value, line, col)
				}
			}
			for _, l := range e.Body().Links {
				check(l.Dest, l.Line, l.Col)
			}
		}
	},
}

// valueColumn finds where a scalar's text starts on its line, past any
// opening quote; it falls back to the node's own position.
func valueColumn(raw []byte, line, col int, value string) (int, int) {
	start := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(raw[start:], '\n')
		if i < 0 {
			return line, col
		}
		start += i + 1
	}
	end := bytes.IndexByte(raw[start:], '\n')
	if end < 0 {
		end = len(raw) - start
	}
	text := string(raw[start : start+end])
	if i := strings.Index(text, value); i >= 0 {
		return line, 1 + utf8.RuneCountInString(text[:i])
	}
	return line, col
}

// localeMatch is a locale found in a URL.
type localeMatch struct {
	lang  string // the foreign base language found
	start int    // byte offset in the URL of the locale text
	fixed string // the URL pointing at the entry's own locale
}

// localeFix proposes the link for the entry's own locale. On the wikis of
// the Wikimedia family an article's title differs from one language to the
// next, so only the wiki can be proposed, not the page.
func localeFix(m localeMatch, own string) l10n.Text {
	if parsed, err := url.Parse(m.fixed); err == nil && parsed.Path != "" && parsed.Path != "/" {
		host := strings.ToLower(parsed.Hostname())
		for _, wiki := range wikimedia {
			if strings.HasSuffix(host, "."+wiki) {
				return l10n.Msg("lint.localeLink.fixWiki", "Lang", l10n.Lang(own), "Host", host, "LinkLang", l10n.Lang(m.lang))
			}
		}
	}
	return l10n.Msg("lint.localeLink.fix", "Lang", l10n.Lang(own), "URL", m.fixed)
}

// wikimedia lists the wikis whose language is the first host label and
// whose page titles are translated.
var wikimedia = []string{"wikipedia.org", "wiktionary.org", "wikibooks.org", "wikiquote.org", "wikisource.org", "wikivoyage.org", "wikinews.org", "wikiversity.org"}

// queryLocaleKeys are query parameters that choose a page's language.
var queryLocaleKeys = []string{"hl", "lang", "locale", "language", "lng", "uselang", "setlang"}

// findLocale looks for a foreign language in a URL: as the first label of
// a host with three or more labels (it.wikipedia.org), as one of the first
// two path segments (/it/, /it-it/, /it_IT/), or as the value of a
// language query parameter (?hl=it). own is the entry's language, used to
// propose the fix. Offsets are found in raw itself, so that the column and
// the fix touch the locale and nothing else (not the "it" of italy.com).
// findLocale is findLocale remembering its answers for the run: the same
// links come back in every language.
func (c *checker) findLocale(raw string, foreign []string, own string) (localeMatch, bool) {
	// A link to a page in another language names the language: a
	// link without any of their codes in it needs no parsing.
	lower, named := strings.ToLower(raw), false
	for _, code := range foreign {
		named = named || strings.Contains(lower, code)
	}
	if !named {
		return localeMatch{}, false
	}
	key := raw + "\x00" + own + "\x00" + strings.Join(foreign, ",")
	if r, ok := c.locales[key]; ok {
		return r.m, r.ok
	}
	if c.locales == nil {
		c.locales = map[string]localeResult{}
	}
	m, ok := findLocale(raw, foreign, own)
	c.locales[key] = localeResult{m, ok}
	return m, ok
}

type localeResult struct {
	m  localeMatch
	ok bool
}

func findLocale(raw string, foreign []string, own string) (localeMatch, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return localeMatch{}, false
	}
	isForeign := func(seg string) (string, bool) {
		code, err := lang.Parse(seg)
		if err != nil {
			return "", false
		}
		base := lang.Base(code)
		written, _, _ := strings.Cut(strings.ReplaceAll(seg, "_", "-"), "-")
		return base, strings.EqualFold(written, base) && slices.Contains(foreign, base)
	}
	replace := func(at int, seg, base string) (localeMatch, bool) {
		return localeMatch{lang: base, start: at, fixed: raw[:at] + respell(seg, own) + raw[at+len(seg):]}, true
	}

	// Where the host and the path are written in raw.
	host, hostAt, pathAt := "", -1, 0
	switch {
	case u.Host != "":
		hostAt = strings.Index(raw, "//") + 2
		if at := strings.LastIndex(raw[hostAt:hostAt+strings.IndexAny(raw[hostAt:]+"/", "/?#")], "@"); at >= 0 {
			hostAt += at + 1
		}
		host = u.Hostname()
		pathAt = hostAt + len(u.Host)
	case u.Scheme == "" && strings.HasPrefix(strings.ToLower(raw), "www."):
		// A bare www.example.com/it/ link, as GFM autolinks it.
		hostAt = 0
		host, _, _ = strings.Cut(raw, "/")
		host, _, _ = strings.Cut(host, "?")
		pathAt = len(host)
	case u.Scheme != "":
		pathAt = len(u.Scheme) + 1
	}
	if hostAt >= 0 && !strings.HasPrefix(raw[hostAt:], host) {
		return localeMatch{}, false // written in a form url.Parse changed
	}
	if labels := strings.Split(host, "."); len(labels) >= 3 {
		if base, ok := isForeign(labels[0]); ok {
			return replace(hostAt, labels[0], base)
		}
	}
	end := len(raw)
	if i := strings.IndexAny(raw[pathAt:], "?#"); i >= 0 {
		end = pathAt + i
	}
	at, seen := pathAt, 0
	for _, seg := range strings.Split(raw[pathAt:end], "/") {
		if seg != "" {
			if base, ok := isForeign(seg); ok {
				return replace(at, seg, base)
			}
			if seen++; seen == 2 {
				break
			}
		}
		at += len(seg) + 1
	}
	if end < len(raw) && raw[end] == '?' {
		q := raw[end+1:]
		if i := strings.IndexByte(q, '#'); i >= 0 {
			q = q[:i]
		}
		at := end + 1
		for _, kv := range strings.Split(q, "&") {
			k, v, _ := strings.Cut(kv, "=")
			if slices.Contains(queryLocaleKeys, strings.ToLower(k)) {
				if base, ok := isForeign(v); ok {
					return replace(at+len(k)+1, v, base)
				}
			}
			at += len(kv) + 1
		}
	}
	return localeMatch{}, false
}

// respell writes the language own in the shape of the locale seg found in
// the URL: it → es, IT → ES, it-it → es-es, it-IT → es-ES, it_IT → es_ES.
// A region that own does not name repeats its language, as such sites do
// (es-es); one it names is used (pt-br, es-419).
func respell(seg, own string) string {
	written, region, sep := seg, "", ""
	if i := strings.IndexAny(seg, "-_"); i >= 0 {
		written, sep, region = seg[:i], seg[i:i+1], seg[i+1:]
	}
	base := matchCase(lang.Base(own), written)
	if sep == "" {
		return base
	}
	ownRegion := lang.Region(own)
	if ownRegion == "" {
		ownRegion = lang.Base(own)
	}
	return base + sep + matchCase(ownRegion, region)
}

// matchCase writes s in the case of like: all upper, capitalised, or lower.
func matchCase(s, like string) string {
	switch {
	case like != "" && like == strings.ToUpper(like) && like != strings.ToLower(like):
		return strings.ToUpper(s)
	case like != "" && like[:1] == strings.ToUpper(like[:1]) && like[:1] != strings.ToLower(like[:1]):
		return strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
	}
	return strings.ToLower(s)
}
