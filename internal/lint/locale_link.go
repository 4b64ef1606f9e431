package lint

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"net/url"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/markupeq"
)

// locale-link reports a link that names another project language where the
// page it points to is known to exist in the translation's language: on
// the project's own site (a root-relative link), which has the project's
// languages; on a host the hosts option lists the locales of, whose every
// page is taken to exist in each; or where the repository itself links
// the same page in the translation's language (developer.mozilla.org/ja/
// docs/X in one Japanese page makes developer.mozilla.org/en-US/docs/X in
// another a finding). A site that has a language need not have every page
// in it (MDN's translations cover part of it), and where nothing says the
// page exists in the translation's language, a link to the source
// language's page is the best a translator can do: it is not reported.
//
// A link a translation keeps from its source, to a page in a language that
// is not the source's, is the source author's choice (a Czech page cited on
// purpose, or no locale at all: cs.android.com is Code Search), and is not
// reported either; nor is a link to another site that the translation
// keeps from its source, in the source's language, unless the hosts option
// lists that site: projects differ on whether translations localize other
// sites' links, and the option is where a project says it does.
// The options of locale-link.
var (
	localeAllow       = langsOption("allow", "Languages whose pages a translation may link, e.g. `[en]`.")
	localeIgnoreHosts = hostsOption("ignoreHosts",
		"Sites whose URLs name no locale, e.g. `[example.com]`; a host matches its subdomains.")
	localeHosts = hostLocalesOption("hosts",
		"Sites whose every page exists in each locale listed, written as their URLs write them, "+
			"e.g. `{developer.mozilla.org: [en-US, fr, ja]}`.")
)

var _ = register(Rule{
	entries: true,
	// A translation without a link to a page in another language has no
	// finding, whatever the rest of the repository holds; one with such
	// a link reads the whole site's pages (see volatile).
	memo:     translationScope,
	ID:       "locale-link",
	Severity: Warning,
	Summary:  "a link in a translation points to a page in another project language (/it-it/, /it/, it.wikipedia.org, ?hl=it) that exists in the translation's language too",
	Doc: "A link in a translation (a `url` field or a link in the body) points to a page in another project language, while that page is known to exist in the translation's language: the reader is sent to a language they did not choose. A locale is found in the first host label (`it.wikipedia.org`), one of the first two path segments (`/it/`, `/it-it/`, `/it_IT/`) or a language query parameter (`hl`, `lang`, `locale`…). The page is known to exist in the translation's language on the project's own site (a root-relative link), on a host the `hosts` option lists, or because the repository itself links the same page in that language.\n" +
		"\n" +
		"**Example.** The Spanish translation keeps the English page's link `/en/tokens/` where `content/es/tokens.md` exists:\n" +
		"\n" +
		"```\n" +
		"content/es/attention.md:5:25: warning: link to a page in English from the Spanish translation: /en/tokens/ [locale-link]\n" +
		"    fix: link to the Spanish page: /es/tokens/\n" +
		"```\n" +
		"\n" +
		"**Fix.** Link the page in the translation's language, spelt as the site spells it (the fix says how).\n" +
		"\n" +
		"**Limits.** Not reported: a link the translation keeps from its source to a page in another language than the source's (the author's choice); a link to another site kept as the source has it, unless `hosts` lists that site; images and other assets; a code in capitals (`/TR/`), a code that is the host's country (`/uk/` on a `.uk` host). Source entries are not checked.",
	Options: []*Option{localeAllow.Option, localeIgnoreHosts.Option, localeHosts.Option},
	check: func(c *checker, emit func(Finding)) {
		allow := map[string]bool{}
		for _, code := range localeAllow.of(c) {
			allow[lang.Base(code)] = true
		}
		ignore := localeIgnoreHosts.of(c)
		known := localeHosts.of(c)
		sources := map[*content.Entry]*content.Entry{}
		for _, it := range c.chunk.items {
			for j := range it.Translations {
				if e := it.Translations[j].Entry; e != nil && it.Source != nil && it.Source.Err == nil {
					sources[e] = it.Source
				}
			}
		}
		srcBase := lang.Base(c.repo.Source)
		type foreignCodes struct {
			codes  []string
			joined string // the codes, joined with commas
		}
		foreignOf := map[string]foreignCodes{} // by the entry's language
		for _, e := range c.entries() {
			if e.Lang == c.repo.Source {
				continue
			}
			foreign, ok := foreignOf[e.Lang]
			if !ok {
				for _, code := range c.repo.Languages {
					b := lang.Base(code)
					if b != lang.Base(e.Lang) && !allow[b] && !slices.Contains(foreign.codes, b) {
						foreign.codes = append(foreign.codes, b)
					}
				}
				foreign.joined = strings.Join(foreign.codes, ",")
				foreignOf[e.Lang] = foreign
			}
			var kept map[string]bool // the source's own links, once a link needs them
			keptLinks := func() map[string]bool {
				if src := sources[e]; src != nil && kept == nil {
					kept = map[string]bool{}
					for _, l := range c.entryLinks(src) {
						kept[l.Dest] = true
						kept[withoutFragment(l.Dest)] = true
					}
				}
				return kept
			}
			for _, l := range c.entryLinks(e) {
				m, ok := c.findLocale(l.Dest, foreign.codes, foreign.joined)
				if !ok || hostListed(ignore, m.host) {
					continue
				}
				c.volatile(e) // what follows reads other pages and items
				kept := keptLinks()
				if kept[l.Dest] && m.base != srcBase {
					continue // the source links that page too: its author's choice
				}
				if kept[withoutFragment(l.Dest)] && m.host != "" && !hostKnown(known, m.host) {
					// The source's own link to another site, kept as it
					// is: whether a translation localizes other sites'
					// links is the project's choice (OpenTelemetry's
					// guide says not to; Astro's Chinese guide says to),
					// which the hosts option states.
					continue
				}
				if c.untranslatedSection(m, l.Dest, e.Lang) {
					continue // the section is not translated yet: its source is the page to read
				}
				f := Finding{Path: e.Path, Line: l.Line, Column: l.Col + utf8.RuneCountInString(l.Dest[:m.start]), Lang: e.Lang, Slug: e.Slug,
					Text: l10n.Msg("lint.localeLink", "LinkLang", l10n.Lang(m.base), "Lang", l10n.Lang(e.Lang), "URL", l.Dest)}
				if spelling, samePage, ok := c.served(m, e, known); ok {
					f.FixText = localeFix(m, l.Dest, spelling, e.Lang, samePage)
				} else if neutral := c.neutralSource(l.Dest, kept, e); neutral != "" {
					// The source links the page without a locale, which
					// serves each reader's language: the translation
					// pinned it to one.
					f.FixText = l10n.Msg("lint.localeLink.fixSource", "URL", neutral)
				} else {
					continue
				}
				emit(f)
			}
		}
	},
})

// neutralSource returns the source's link to the page the translation's
// link dest names with a locale, when the source names none; or "".
func (c *checker) neutralSource(dest string, kept map[string]bool, e *content.Entry) string {
	if len(kept) == 0 {
		return ""
	}
	isProject := func(b string) bool {
		return slices.ContainsFunc(c.repo.Languages, func(code string) bool { return lang.Base(code) == b })
	}
	eq := markupeq.New(markupeq.Options{Languages: c.repo.Languages})
	page := markupeq.Page{Lang: e.Lang, Path: pagePath(e.Slug)}
	var found []string
	for s := range kept {
		if u, err := url.Parse(s); err == nil && u.Host != "" && len(localeMarkers(s, isProject)) == 0 &&
			eq.SameLink(s, markupeq.Page{Lang: c.repo.Source, Path: page.Path}, dest, page) {
			found = append(found, s)
		}
	}
	if len(found) == 0 {
		return ""
	}
	return slices.Min(found)
}

// entryLinks returns an entry's links: its url fields' values, at the
// value's first character, and its body's links.
func (c *checker) entryLinks(e *content.Entry) []markdownLink {
	var out []markdownLink
	for _, v := range e.Values(c.repo.Schema(e)) {
		if v.Kind == config.URL {
			line, col := valueColumn(e.Doc.Raw, v.Node.Line, v.Node.Column, v.Node.Value)
			out = append(out, markdownLink{Dest: v.Node.Value, Line: line, Col: col})
		}
	}
	for _, l := range e.Body().Links {
		out = append(out, markdownLink{Dest: l.Dest, Line: l.Line, Col: l.Col})
	}
	return out
}

// markdownLink is a link and where it is written.
type markdownLink struct {
	Dest      string
	Line, Col int
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

// localeMatch is a locale marker found in a URL.
type localeMatch struct {
	base  string // the language's base, as lang.Base gives it
	tag   string // the marker as a canonical tag (pt-BR for pt_br)
	text  string // the marker as written
	start int    // its byte offset in the URL
	// place is where in the URL the marker stands: *.wikipedia.org for a
	// host label, developer.mozilla.org/ or www.ibm.com/docs/ for a path
	// segment, "/" for a root-relative link, host?hl for a query
	// parameter. Markers in the same place choose the same site's
	// languages.
	place string
	// page is the place and the rest of the URL after the marker, lower
	// case, without a trailing slash, a fragment or other query
	// parameters: what is the same page in each language.
	page string
	host string // the URL's host, lower case; "" for a root-relative link
	wiki bool   // a host label on a wiki of the Wikimedia family
}

// localeFix proposes the link for the entry's own locale: the URL with the
// marker spelled as the site spells the entry's language. On the wikis of
// the Wikimedia family an article's title differs from one language to the
// next, so only the wiki can be proposed, unless the repository links the
// article of that title in the entry's language; without a spelling, the
// page must be found.
func localeFix(m localeMatch, raw, spelling, own string, samePage bool) l10n.Text {
	switch {
	case m.wiki && !samePage:
		host := spelling + m.place[1:]
		return l10n.Msg("lint.localeLink.fixWiki", "Lang", l10n.Lang(own), "Host", host, "LinkLang", l10n.Lang(m.base))
	case spelling == "":
		host := m.host
		if host == "" {
			host = "/"
		}
		return l10n.Msg("lint.localeLink.fixFind", "Lang", l10n.Lang(own), "Host", host)
	}
	return l10n.Msg("lint.localeLink.fix", "Lang", l10n.Lang(own), "URL", raw[:m.start]+spelling+raw[m.start+len(m.text):])
}

// findLocale returns the first locale marker of raw naming a language of
// foreign (bases; joined is them joined with commas), remembering its
// answers for the run: the same links come back in every language.
func (c *checker) findLocale(raw string, foreign []string, joined string) (localeMatch, bool) {
	// A link to a page in another language names the language: a link
	// without any of their codes in it needs no parsing.
	lower, named := strings.ToLower(raw), false
	for _, code := range foreign {
		named = named || strings.Contains(lower, code)
	}
	if !named {
		return localeMatch{}, false
	}
	key := raw + "\x00" + joined
	if r, ok := c.locales[key]; ok {
		return r.m, r.ok
	}
	if c.locales == nil {
		c.locales = map[string]localeResult{}
	}
	r := localeResult{}
	if ms := localeMarkers(raw, func(base string) bool { return slices.Contains(foreign, base) }); len(ms) > 0 {
		r = localeResult{ms[0], true}
	}
	c.locales[key] = r
	return r.m, r.ok
}

type localeResult struct {
	m  localeMatch
	ok bool
}

// assetExts are the file extensions of what a page shows or loads rather
// than is: a localized screenshot is not a page in another language.
var assetExts = []string{".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico", ".bmp", ".tif", ".tiff",
	".mp4", ".webm", ".mov", ".mp3", ".ogg", ".wav", ".css", ".js", ".mjs", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".wasm"}

// localeMarkers returns the markers of a URL naming a language whose base
// is one of bases, in order: the first
// label of a host with three or more labels (it.wikipedia.org), one of the
// first two path segments (/it/, /it-it/, /it_IT/), the value of a
// language query parameter (?hl=it). Offsets are found in raw itself, so
// that the column and the fix touch the marker and nothing else (not the
// "it" of italy.com). What only looks like a locale is left out: the
// markers of an image or other asset, which is not a page; a bare code in
// capitals (the /TR/ of W3C's technical reports); a code that is the
// host's country (/uk/ on a .uk host is the United Kingdom); a command's
// name on a manual-page site (…/man/ar, manned.org/ar).
func localeMarkers(raw string, bases func(string) bool) []localeMatch {
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	switch strings.ToLower(u.Scheme) {
	case "", "http", "https":
	default:
		return nil
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
		return nil
	case !strings.HasPrefix(raw, "/") || strings.HasPrefix(raw, "//"):
		return nil // relative to the page: no place to name
	}
	if hostAt >= 0 && !strings.HasPrefix(raw[hostAt:], host) {
		return nil // written in a form url.Parse changed
	}
	end := len(raw)
	if i := strings.IndexAny(raw[pathAt:], "?#"); i >= 0 {
		end = pathAt + i
	}
	if ext := strings.ToLower(path.Ext(raw[pathAt:end])); slices.Contains(assetExts, ext) {
		return nil
	}
	written := strings.Split(host, ".") // as raw has them, for offsets
	host = strings.ToLower(host)
	site := strings.TrimPrefix(host, "www.")
	labels := strings.Split(host, ".")
	tld := labels[len(labels)-1]
	var out []localeMatch
	marker := func(text string, at int, place, rest string) {
		base, ok := markupeq.LocaleBase(text)
		if !ok || !bases(base) || !strings.ContainsAny(text, "-_") && (text == strings.ToUpper(text) || strings.EqualFold(text, tld) && likelyRegion(base) != strings.ToUpper(tld)) {
			return
		}
		tag, _ := lang.Parse(text)
		page := place + "|" + strings.TrimSuffix(strings.ToLower(rest), "/")
		out = append(out, localeMatch{base: base, tag: tag, text: text, start: at, place: place, page: page, host: host})
	}
	if len(labels) >= 3 {
		rest := strings.Join(labels[1:], ".")
		marker(raw[hostAt:hostAt+len(written[0])], hostAt, "*."+rest, raw[pathAt:end])
		if len(out) > 0 {
			out[0].wiki = slices.Contains(markupeq.Wikimedia, strings.TrimPrefix(rest, "m."))
		}
	}
	segs := strings.Split(raw[pathAt:end], "/")
	at, seen := pathAt, 0
	for i, seg := range segs {
		if seg != "" {
			last := i == len(segs)-1
			man := strings.HasPrefix(labels[0], "man") || i > 0 && strings.HasPrefix(segs[i-1], "man")
			if !(last && man) {
				marker(seg, at, site+strings.Join(segs[:i], "/")+"/", raw[at+len(seg):end])
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
			if slices.Contains(markupeq.LocaleKeys, strings.ToLower(k)) {
				marker(v, at+len(k)+1, site+"?"+strings.ToLower(k), raw[pathAt:end])
			}
			at += len(kv) + 1
		}
	}
	return out
}

// likelyRegion is the region CLDR's likely subtags give a language base
// ("UA" for uk, "JP" for ja), or "".
func likelyRegion(base string) string {
	t, err := language.Parse(base)
	if err != nil {
		return ""
	}
	r, conf := t.Region()
	if conf == language.No {
		return ""
	}
	return r.String()
}

// served says whether the page a marker names is known to exist in the
// language of entry e, and how its URL spells that language: a host the
// hosts option lists has every page in the locales it lists; the
// project's own site (a root-relative link) has the project's languages,
// spelled as the repository's links spell them there or else as the
// entry's path does; on any other site, the repository must link the
// same page in that language. samePage says the repository links the
// very page.
func (c *checker) served(m localeMatch, e *content.Entry, known map[string][]string) (spelling string, samePage, ok bool) {
	idx := c.localeIndex()
	if best := mostFrequent(idx.pages[m.page], e.Lang); best != "" {
		return matchShape(best, m.text), true, true
	}
	if m.host != "" {
		for _, host := range sortedHosts(known) {
			if hostMatches(host, m.host) {
				for _, l := range known[host] {
					if tag, err := lang.Parse(l); err == nil && sameLocale(tag, e.Lang) {
						return l, false, true
					}
				}
				return "", false, false
			}
		}
		return "", false, false
	}
	if best := mostFrequent(idx.places[m.place], e.Lang); best != "" {
		return matchShape(best, m.text), false, true
	}
	return e.RawLang, false, true // the project's own site
}

// mostFrequent returns the spelling, of those counted, most often written
// for the language code; the first in sort order of those as frequent.
func mostFrequent(spellings map[string]int, code string) string {
	best, count := "", 0
	for text, n := range spellings {
		if tag, err := lang.Parse(text); err == nil && sameLocale(tag, code) && (n > count || n == count && text < best) {
			best, count = text, n
		}
	}
	return best
}

// matchShape writes a spelling seen elsewhere in the case of the marker it
// replaces, when the two are the same shape (en-us → pt-br, not pt-BR).
func matchShape(spelling, like string) string {
	if strings.ContainsAny(spelling, "-_") == strings.ContainsAny(like, "-_") && like == strings.ToLower(like) {
		return strings.ToLower(spelling)
	}
	return spelling
}

// sameLocale says whether a locale a site names serves readers of the
// language code: the same language in the same script, once likely
// subtags fill in what the tags leave out (see sameLanguage: zh is not
// zh-TW, zh-CN is not zh-TW), and the same region when both name one
// (pt-PT is not pt-BR; pt serves either).
func sameLocale(tag, code string) bool {
	if tag == code {
		return true
	}
	if !sameLanguage(tag, code) {
		return false
	}
	a, _ := language.Parse(tag)
	b, _ := language.Parse(code)
	_, _, ar := a.Raw()
	_, _, br := b.Raw()
	return ar.String() == "ZZ" || br.String() == "ZZ" || ar == br
}

// localeIndex is where the repository's links name which languages.
type localeIndex struct {
	// places counts, for each place in a URL, the spellings of the
	// languages found there; pages, for each page (see localeMatch).
	places, pages map[string]map[string]int
}

// localeIndexMemo names the memo's records of each entry's markers, as
// the index counts them (see localeIndex).
const localeIndexMemo = "locale-link index"

// indexMarker is what the index counts of a locale marker.
type indexMarker struct{ place, page, text string }

// encodeMarkers returns the memo record of an entry's markers.
func encodeMarkers(ms []indexMarker) []byte {
	b := binary.AppendUvarint(nil, uint64(len(ms)))
	for _, m := range ms {
		for _, f := range []string{m.place, m.page, m.text} {
			b = binary.AppendUvarint(b, uint64(len(f)))
			b = append(b, f...)
		}
	}
	return b
}

// decodeMarkers reads a record of encodeMarkers; false for none, or one
// that cannot be read.
func decodeMarkers(raw []byte, ok bool) ([]indexMarker, bool) {
	if !ok {
		return nil, false
	}
	n, k := binary.Uvarint(raw)
	if k <= 0 || n > uint64(len(raw)) {
		return nil, false
	}
	raw = raw[k:]
	str := func() (string, bool) {
		l, k := binary.Uvarint(raw)
		if k <= 0 || l > uint64(len(raw)-k) {
			return "", false
		}
		s := string(raw[k : k+int(l)])
		raw = raw[k+int(l):]
		return s, true
	}
	ms := make([]indexMarker, 0, n)
	for range n {
		var m indexMarker
		var ok1, ok2, ok3 bool
		m.place, ok1 = str()
		m.page, ok2 = str()
		m.text, ok3 = str()
		if !ok1 || !ok2 || !ok3 {
			return nil, false
		}
		ms = append(ms, m)
	}
	return ms, len(raw) == 0
}

func (x *localeIndex) add(m indexMarker) {
	for key, idx := range map[string]map[string]map[string]int{m.place: x.places, m.page: x.pages} {
		if idx[key] == nil {
			idx[key] = map[string]int{}
		}
		idx[key][m.text]++
	}
}

// localeIndex reads every entry's links once, on first use; entries of
// other waves are loaded for it and released again. The links are the
// entries' own (url fields and the body's links, see entryLinks), which a
// warm run reads from glosa's cache as a cold run reads them from the
// files: the same evidence either way.
func (c *checker) localeIndex() *localeIndex {
	s := c.shared
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.localeIdx != nil {
		return s.localeIdx
	}
	idx := &localeIndex{places: map[string]map[string]int{}, pages: map[string]map[string]int{}}
	bases := map[string]bool{}
	for _, code := range c.repo.Languages {
		bases[lang.Base(code)] = true
	}
	isProject := func(b string) bool { return bases[b] }
	entries := c.repo.Entries
	memo := c.linter.memo
	for from := 0; from < len(entries); from += chunkSize {
		batch := entries[from:min(from+chunkSize, len(entries))]
		// An entry's markers come from glosa's memo when it has them,
		// kept by the entry's identity: only the others are loaded.
		found := make([][]indexMarker, len(batch))
		keys := make([]*[sha256.Size]byte, len(batch))
		var todo []int
		for i, e := range batch {
			if e.Err != nil {
				continue
			}
			if memo != nil {
				if key, ok := c.scopedKey(localeIndexMemo, entryScope, nil, nil, []*content.Entry{e}); ok {
					if ms, ok := decodeMarkers(memo.records().Get(key)); ok {
						found[i] = ms
						continue
					}
					keys[i] = &key
				}
			}
			todo = append(todo, i)
		}
		load := make([]*content.Entry, len(todo))
		for k, i := range todo {
			load[k] = batch[i]
		}
		content.Load(load)
		// Summarising the bodies is the work: it is shared out, and the
		// counts, which no order changes, are added here.
		work := make(chan int)
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for i := range work {
					for _, l := range c.entryLinks(batch[i]) {
						for _, m := range localeMarkers(l.Dest, isProject) {
							found[i] = append(found[i], indexMarker{place: m.place, page: m.page, text: m.text})
						}
					}
				}
			})
		}
		for _, i := range todo {
			work <- i
		}
		close(work)
		wg.Wait()
		for _, i := range todo {
			if keys[i] != nil {
				memo.records().Put(*keys[i], encodeMarkers(found[i]))
			}
		}
		for i, e := range batch {
			for _, m := range found[i] {
				idx.add(m)
			}
			if !s.wave[e] {
				e.Release()
			}
		}
	}
	s.localeIdx = idx
	return idx
}

// hostMatches says whether the host h is the listed host or one of its
// subdomains; a leading www. is not part of either.
func hostMatches(listed, h string) bool {
	listed = strings.TrimPrefix(strings.ToLower(listed), "www.")
	h = strings.TrimPrefix(h, "www.")
	return h == listed || strings.HasSuffix(h, "."+listed)
}

// withoutFragment returns a URL without its #fragment: the same page, of
// which the source may have renamed a section since.
func withoutFragment(u string) string {
	if i := strings.IndexByte(u, '#'); i >= 0 {
		return u[:i]
	}
	return u
}

// hostKnown reports whether the hosts option lists host h (or a domain
// it belongs to).
func hostKnown(known map[string][]string, h string) bool {
	for host := range known {
		if hostMatches(host, h) {
			return true
		}
	}
	return false
}

func hostListed(hosts []string, h string) bool {
	return h != "" && slices.ContainsFunc(hosts, func(l string) bool { return hostMatches(l, h) })
}

// sortedHosts returns a hosts option's hosts, longest first, so that a
// subdomain listed on its own wins over its parent.
func sortedHosts(known map[string][]string) []string {
	hosts := make([]string, 0, len(known))
	for h := range known {
		hosts = append(hosts, h)
	}
	sort.Slice(hosts, func(i, j int) bool {
		if len(hosts[i]) != len(hosts[j]) {
			return len(hosts[i]) > len(hosts[j])
		}
		return hosts[i] < hosts[j]
	})
	return hosts
}

// untranslatedSection reports whether a link to a section of the
// project's own site (/en/docs/x/#section) names a section that the
// translation's page into code has but leaves untranslated: its heading is
// the source's, word for word ("translation coming soon, see the English
// section"). Linking the source's section is then right. A page glosa
// cannot find by the link's path, or a section it cannot find, says
// nothing.
func (c *checker) untranslatedSection(m localeMatch, dest, code string) bool {
	hash := strings.IndexByte(dest, '#')
	if m.host != "" || hash < 0 || hash == len(dest)-1 {
		return false
	}
	fragment := dest[hash+1:]
	rest := dest[m.start+len(m.text) : hash]
	if q := strings.IndexByte(rest, '?'); q >= 0 {
		rest = rest[:q]
	}
	slug := strings.Trim(rest, "/")
	for _, s := range []string{slug, slug + "/index", slug + "/_index"} {
		it := c.itemOf(s)
		if it == nil || it.Source == nil || it.Source.Err != nil {
			continue
		}
		for _, t := range it.Translations {
			if t.Lang == code && t.Entry != nil && t.Entry.Err == nil {
				return c.sectionUntranslated(it.Source, t.Entry, fragment)
			}
		}
	}
	return false
}

// sectionUntranslated reports whether the translation tr has a heading
// with the anchor fragment whose text is one of the source's headings.
// Entries of other waves are read for it and released again.
func (c *checker) sectionUntranslated(src, tr *content.Entry, fragment string) bool {
	defer c.outside(src, tr)()
	for j, b := range tr.Body().Blocks {
		if b.Kind != "heading" {
			continue
		}
		h := tr.Block(j)
		if !slices.Contains(anchors(h), fragment) {
			continue
		}
		for i, sb := range src.Body().Blocks {
			if sb.Kind == "heading" && headingText(src.Block(i)) == headingText(h) {
				return true
			}
		}
		return false
	}
	return false
}

// anchors returns the ids a heading may have: one written in an attribute
// list ({#id}) and the one generated from its text (lower case, spaces as
// hyphens, other punctuation dropped, as Hugo and GitHub make them).
func anchors(b markdown.Block) []string {
	var out []string
	if m := headingIDRE().FindStringSubmatch(b.Text); m != nil {
		out = append(out, m[1])
	}
	id := strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '-'
		case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			return unicode.ToLower(r)
		}
		return -1
	}, headingText(b))
	return append(out, id)
}

// headingText is a heading as a reader sees it, without an attribute list
// a translation may add ({#id} to keep the source's anchor).
func headingText(b markdown.Block) string {
	return strings.TrimSpace(headingIDRE().ReplaceAllString(b.Plain, ""))
}

// headingIDRE finds a heading's id in its attribute list: {#id .class}.
var headingIDRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{\s*#([^\s}]+)[^}]*\}`) })
