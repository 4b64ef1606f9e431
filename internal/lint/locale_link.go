package lint

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/lang"
)

var localeLink = Rule{
	ID:       "locale-link",
	Severity: Warning,
	Summary:  "a link in a translation points to a page of another project language (/it-it/, /it/, it.wikipedia.org, ?hl=it)",
	Options:  []string{"allow"},
	check: func(c *checker, emit func(Finding)) {
		allow := map[string]bool{}
		for _, a := range c.stringsOption("allow") {
			if code, err := lang.Parse(a); err == nil {
				allow[lang.Base(code)] = true
			}
		}
		for _, e := range c.entries() {
			if e.Lang == c.repo.Source {
				continue
			}
			var foreign []string
			for _, code := range c.repo.Languages {
				b := lang.Base(code)
				if b != lang.Base(e.Lang) && !allow[b] && !containsString(foreign, b) {
					foreign = append(foreign, b)
				}
			}
			check := func(u string, line, col int) {
				m, ok := findLocale(u, foreign, e.Lang)
				if !ok {
					return
				}
				emit(Finding{Path: e.Path, Line: line, Column: col + utf8.RuneCountInString(u[:m.start]), Lang: e.Lang, Slug: e.Slug,
					Message: fmt.Sprintf("link to a%s %s page in a%s %s entry: %s", article(lang.EnglishName(m.lang)), lang.EnglishName(m.lang),
						article(lang.EnglishName(e.Lang)), lang.EnglishName(e.Lang), u),
					Fix: "link to the " + lang.EnglishName(e.Lang) + " page: " + m.fixed})
			}
			for _, v := range content.Values(e.Doc.Front, c.repo.Schema(e)) {
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

func article(name string) string {
	if name != "" && strings.ContainsRune("AEIOU", rune(name[0])) {
		return "n"
	}
	return ""
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

// queryLocaleKeys are query parameters that choose a page's language.
var queryLocaleKeys = []string{"hl", "lang", "locale", "language", "lng", "uselang", "setlang"}

// findLocale looks for a foreign language in a URL: as the first label of
// a host with three or more labels (it.wikipedia.org), as one of the first
// two path segments (/it/, /it-it/, /it_IT/), or as the value of a
// language query parameter (?hl=it). own is the entry's language, used to
// propose the fix.
func findLocale(raw string, foreign []string, own string) (localeMatch, bool) {
	u, err := url.Parse(raw)
	if err != nil {
		return localeMatch{}, false
	}
	isForeign := func(seg string) (string, bool) {
		base, region, hasRegion := strings.Cut(strings.ReplaceAll(seg, "_", "-"), "-")
		base = strings.ToLower(base)
		if !containsString(foreign, base) {
			return "", false
		}
		if hasRegion && (len(region) != 2 && len(region) != 3 && len(region) != 4) {
			return "", false
		}
		return base, true
	}
	if host := u.Hostname(); host != "" {
		labels := strings.Split(host, ".")
		if len(labels) >= 3 {
			if base, ok := isForeign(labels[0]); ok {
				i := strings.Index(raw, host)
				fixed := strings.Replace(raw, host, respell(labels[0], own)+host[len(labels[0]):], 1)
				return localeMatch{lang: base, start: i, fixed: fixed}, i >= 0
			}
		}
	}
	segs := strings.Split(strings.TrimPrefix(u.EscapedPath(), "/"), "/")
	for i, seg := range segs {
		if i >= 2 {
			break
		}
		if base, ok := isForeign(seg); ok {
			needle := "/" + seg
			at := strings.Index(raw, needle+"/")
			if at < 0 {
				at = strings.Index(raw, needle)
			}
			if at < 0 {
				continue
			}
			at++
			fixed := raw[:at] + respell(seg, own) + raw[at+len(seg):]
			return localeMatch{lang: base, start: at, fixed: fixed}, true
		}
	}
	q := u.Query()
	for _, k := range queryLocaleKeys {
		v := q.Get(k)
		if base, ok := isForeign(v); ok && v != "" {
			needle := k + "=" + v
			at := strings.Index(raw, needle)
			if at < 0 {
				continue
			}
			at += len(k) + 1
			return localeMatch{lang: base, start: at, fixed: raw[:at] + respell(v, own) + raw[at+len(v):]}, true
		}
	}
	return localeMatch{}, false
}

// respell writes the language own in the shape of the locale seg found in
// the URL: it → es, it-it → es-es, it-IT → es-ES, it_IT → es_ES. A region
// that own does not name repeats its language, as such sites do (es-es).
func respell(seg, own string) string {
	base := lang.Base(own)
	sep := ""
	region := ""
	if i := strings.IndexAny(seg, "-_"); i >= 0 {
		sep = seg[i : i+1]
		region = seg[i+1:]
	}
	if strings.ToUpper(seg[:1]) == seg[:1] {
		base = strings.ToUpper(base[:1]) + base[1:]
	}
	if sep == "" {
		return base
	}
	ownRegion := strings.ToLower(lang.Base(own))
	if _, r, ok := strings.Cut(own, "-"); ok && len(r) == 2 {
		ownRegion = strings.ToLower(r)
	}
	if region == strings.ToUpper(region) {
		ownRegion = strings.ToUpper(ownRegion)
	}
	return base + sep + ownRegion
}
