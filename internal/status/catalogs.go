package status

import (
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/glosa/glosa/internal/catalog"
	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/catalog/po"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/markdown"
)

// Catalog is the state of one locale of glosa.yaml: its messages in every
// language.
type Catalog struct {
	// Locale indexes the configuration's locales; Pattern is its path.
	Locale  int
	Pattern string
	Format  string
	// Source is the language the messages are written in.
	Source    string
	Languages []Language
	Messages  []Message
	// Files are the catalog's files, the unreadable ones included.
	Files []*catalog.File
}

// Message is one message ID of one domain and its translations.
type Message struct {
	ID     string
	Domain string
	// Path and Line locate the message in its source (the source file or
	// the PO template); Path is "" for an orphan.
	Path string
	Line int
	// Text is the source text (the "other" form, or the msgid).
	Text         string
	Translations []MessageTranslation
}

// MessageTranslation is one language's side of a message.
type MessageTranslation struct {
	Lang  string
	State State
	// Path is the translation's file, or where it belongs; Line is 0 when
	// the message is not in it.
	Path  string
	Line  int
	Words int
}

// ComputeAll decides the states of the entries and of the catalogs' messages.
func ComputeAll(repo *content.Repo, files []*catalog.File) *Report {
	return ComputeAllWith(repo, files, nil)
}

// ComputeAllWith is ComputeAll with git history at hand (hist may be nil).
func ComputeAllWith(repo *content.Repo, files []*catalog.File, hist History) *Report {
	r := ComputeWith(repo, hist)
	if len(repo.Config.Locales) > 0 {
		r.Catalogs = ComputeCatalogs(repo.Config, files, repo.Source, projectLanguages(repo, files))
	}
	return r
}

// projectLanguages returns the project's languages for the catalogs: the
// configured ones, or those found in content and catalogs together.
func projectLanguages(repo *content.Repo, files []*catalog.File) []string {
	if len(repo.Config.Languages) > 0 {
		return repo.Languages
	}
	langs := slices.Clone(repo.Languages)
	for _, f := range files {
		if f.Lang != "" && !slices.Contains(langs, f.Lang) {
			langs = append(langs, f.Lang)
		}
	}
	sort.Strings(langs)
	return langs
}

// ComputeCatalogs decides the state of every message of every locale.
// targets are the project's translation languages; a locale whose source
// differs from the project's counts the project source as a target too.
func ComputeCatalogs(cfg *config.Config, files []*catalog.File, projectSource string, languages []string) []Catalog {
	var out []Catalog
	for i := range cfg.Locales {
		loc := &cfg.Locales[i]
		c := Catalog{Locale: i, Pattern: loc.Pattern.Text, Format: loc.Format, Source: loc.Source}
		for _, f := range files {
			if f.Locale == i {
				c.Files = append(c.Files, f)
			}
		}
		if c.Source == "" {
			c.Source = projectSource
		}
		if c.Source == "" {
			c.Source = fullest(c.Files)
		}
		perFile := loc.Format == config.FormatPO && loc.Template == nil
		var targets []string
		for _, code := range localeLanguages(loc, c.Files, languages, perFile) {
			if code != c.Source {
				targets = append(targets, code)
			}
		}
		if loc.Format == config.FormatPO {
			c.Messages = poMessages(loc, c.Files, c.Source, targets)
		} else {
			c.Messages = goi18nMessages(loc, c.Files, c.Source, targets)
		}
		c.Messages = sortMessages(c.Messages)
		c.Languages = summariseMessages(c.Messages, targets, perFile)
		out = append(out, c)
	}
	return out
}

// localeLanguages returns the languages a locale is read in: its lang:
// alone when its files are all in one language (a pattern without
// {lang}); for PO files without a template, whose messages are known only
// from the files, the languages that have one, since a language with no
// readable file has no total to cover (an unreadable one is a parse-error
// finding); else the project's languages.
func localeLanguages(loc *config.Locale, files []*catalog.File, languages []string, perFile bool) []string {
	if loc.Lang != "" {
		return []string{loc.Lang}
	}
	if !perFile {
		return languages
	}
	var out []string
	for _, code := range languages {
		for _, f := range files {
			if f.Lang == code && !f.Template && f.PO != nil {
				out = append(out, code)
				break
			}
		}
	}
	return out
}

// byDomainLang indexes files by domain and language.
func byDomainLang(files []*catalog.File) (map[string]map[string]*catalog.File, []string) {
	m := map[string]map[string]*catalog.File{}
	var domains []string
	for _, f := range files {
		if f.Template {
			continue
		}
		if m[f.Domain] == nil {
			m[f.Domain] = map[string]*catalog.File{}
			domains = append(domains, f.Domain)
		}
		m[f.Domain][f.Lang] = f
	}
	sort.Strings(domains)
	return m, domains
}

func pathFor(loc *config.Locale, code, domain string, files map[string]*catalog.File) string {
	if f, ok := files[code]; ok {
		return f.Path
	}
	return loc.Pattern.PathFor(code, domain)
}

// goi18nMessages compares each translation file with the source file of
// its domain, as goi18n merge does.
func goi18nMessages(loc *config.Locale, files []*catalog.File, source string, targets []string) []Message {
	idx, domains := byDomainLang(files)
	var out []Message
	for _, domain := range domains {
		langs := idx[domain]
		src := langs[source]
		var srcFile *goi18n.File
		if src != nil {
			srcFile = src.GoI18n
		}
		if srcFile != nil {
			// Each language's file, one for all the domain's messages.
			paths := make([]string, len(targets))
			for i, code := range targets {
				paths[i] = pathFor(loc, code, domain, langs)
			}
			out = slices.Grow(out, len(srcFile.Messages))
			for _, sm := range srcFile.Messages {
				m := Message{ID: sm.ID, Domain: domain, Path: src.Path, Line: sm.Line, Text: sm.Other(),
					Translations: make([]MessageTranslation, 0, len(targets))}
				words := -1 // the message's, counted once for its languages
				for i, code := range targets {
					t := MessageTranslation{Lang: code, Path: paths[i]}
					tf := langs[code]
					switch {
					case tf == nil:
						t.State = Missing
					case tf.Err != nil:
						t.State = Unverified
					default:
						tm := tf.GoI18n.Message(sm.ID)
						if tm != nil {
							t.Line = tm.Line
						}
						t.State = fromGoI18n(goi18n.StateOf(sm, tm))
					}
					if t.State == Missing || t.State == Untranslated || t.State == Stale {
						if words < 0 {
							words = MessageWords(sm.Other())
						}
						t.Words = words
					}
					m.Translations = append(m.Translations, t)
				}
				out = append(out, m)
			}
		}
		// Orphans: messages of a translation that the source lacks (all of
		// them when the domain has no readable source file).
		if src != nil && src.Err != nil {
			out = append(out, unreadableSource(loc, domain, src.Path, langs, targets, func(f *catalog.File) []sourceless {
				var ks []sourceless
				if f.GoI18n != nil {
					for _, tm := range f.GoI18n.Messages {
						ks = append(ks, sourceless{tm.ID, tm.Line})
					}
				}
				return ks
			})...)
			continue
		}
		for _, code := range targets {
			tf := langs[code]
			if tf == nil || tf.GoI18n == nil {
				continue
			}
			for _, tm := range tf.GoI18n.Messages {
				if srcFile != nil && srcFile.Message(tm.ID) != nil {
					continue
				}
				out = append(out, Message{ID: tm.ID, Domain: domain, Text: tm.Other(),
					Translations: []MessageTranslation{{Lang: code, State: Orphan, Path: tf.Path, Line: tm.Line}}})
			}
		}
	}
	return mergeOrphans(out)
}

// sourceless is a message of a translation file whose source cannot be
// read: its ID and line.
type sourceless struct {
	id   string
	line int
}

// unreadableSource returns the messages of a domain whose source file or
// template cannot be parsed (a parse-error finding): nothing can be
// compared, so every message a translation file holds is unverified, and
// missing in the languages whose file lacks it or that have none. The
// messages belong to the source's path, at line 0, so that they count in
// the total and no language looks complete.
func unreadableSource(loc *config.Locale, domain, srcPath string, langs map[string]*catalog.File, targets []string, keys func(*catalog.File) []sourceless) []Message {
	var ids []string
	byLang := map[string]map[string]int{}
	for _, code := range targets {
		f := langs[code]
		if f == nil {
			continue
		}
		byLang[code] = map[string]int{}
		for _, k := range keys(f) {
			if _, ok := byLang[code][k.id]; ok {
				continue
			}
			byLang[code][k.id] = k.line
			ids = append(ids, k.id)
		}
	}
	sort.Strings(ids)
	ids = slices.Compact(ids)
	var out []Message
	for _, id := range ids {
		m := Message{ID: id, Domain: domain, Path: srcPath}
		for _, code := range targets {
			t := MessageTranslation{Lang: code, Path: pathFor(loc, code, domain, langs), State: Missing}
			f := langs[code]
			if line, ok := byLang[code][id]; ok {
				t.State, t.Line = Unverified, line
			} else if f != nil && f.Err != nil {
				t.State = Unverified
			}
			m.Translations = append(m.Translations, t)
		}
		out = append(out, m)
	}
	return out
}

// sortMessages sorts messages by domain and ID, keeping the order of
// equal ones: the indexes are sorted, and the messages, large, moved once.
func sortMessages(ms []Message) []Message {
	order := make([]int32, len(ms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		x, y := &ms[a], &ms[b]
		if c := strings.Compare(x.Domain, y.Domain); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
	out := make([]Message, len(ms))
	for k, i := range order {
		out[k] = ms[i]
	}
	return out
}

// mergeOrphans joins the orphan rows of one ID and domain found in several
// languages.
func mergeOrphans(ms []Message) []Message {
	if !slices.ContainsFunc(ms, func(m Message) bool { return m.Path == "" }) {
		return ms
	}
	out := make([]Message, 0, len(ms))
	at := map[[2]string]int{}
	for _, m := range ms {
		if m.Path != "" {
			out = append(out, m)
			continue
		}
		k := [2]string{m.Domain, m.ID}
		if i, ok := at[k]; ok {
			out[i].Translations = append(out[i].Translations, m.Translations...)
			continue
		}
		at[k] = len(out)
		out = append(out, m)
	}
	return out
}

func fromGoI18n(s goi18n.State) State {
	if st, ok := ParseState(s.String()); ok {
		return st
	}
	return Unverified
}

// poKey is how gettext tells messages apart: msgctxt and msgid.
func poKey(e *po.Entry) string {
	if e.HasContext {
		return e.Context + "\x04" + e.ID
	}
	return e.ID
}

// poState is a PO entry's state as msgfmt counts it: an empty msgstr (or
// msgstr[0]) is untranslated, fuzzy is stale, anything else current.
func poState(e *po.Entry) State {
	switch {
	case len(e.Translations) == 0 || e.Translations[0] == "":
		return Untranslated
	case e.IsFuzzy():
		return Stale
	}
	return Current
}

// counted reports whether an entry is a message msgfmt counts: not the
// header, not obsolete.
func counted(e *po.Entry) bool { return !e.Obsolete && !e.IsHeader() }

// poMessages reads the states of PO files: against the template of their
// domain when the locale names one (then missing and orphan messages are
// known), else each file on its own, as msgfmt --statistics does.
func poMessages(loc *config.Locale, files []*catalog.File, source string, targets []string) []Message {
	idx, domains := byDomainLang(files)
	templates := map[string]*catalog.File{}
	for _, f := range files {
		if f.Template {
			templates[f.Domain] = f
			if _, ok := idx[f.Domain]; !ok {
				idx[f.Domain] = map[string]*catalog.File{}
				domains = append(domains, f.Domain)
			}
		}
	}
	sort.Strings(domains)
	var out []Message
	for _, domain := range domains {
		langs := idx[domain]
		tmpl := templates[domain]
		if loc.Template != nil && tmpl != nil && tmpl.PO != nil {
			out = append(out, poAgainstTemplate(loc, domain, tmpl, langs, targets)...)
			continue
		}
		if loc.Template != nil && tmpl != nil {
			out = append(out, unreadableSource(loc, domain, tmpl.Path, langs, targets, func(f *catalog.File) []sourceless {
				var ks []sourceless
				if f.PO != nil {
					for _, e := range f.PO.Entries {
						if counted(e) {
							ks = append(ks, sourceless{poKey(e), e.Line})
						}
					}
				}
				return ks
			})...)
			continue
		}
		if loc.Template != nil && tmpl == nil {
			// The domain has no template: every message of its files is
			// one the template lacks, an orphan, rather than nothing at
			// all, which would hide the files from status and the gate.
			for _, code := range targets {
				if f := langs[code]; f != nil && f.PO != nil {
					for _, e := range f.PO.Entries {
						if counted(e) {
							out = append(out, Message{ID: poKey(e), Domain: domain, Text: e.ID,
								Translations: []MessageTranslation{{Lang: code, State: Orphan, Path: f.Path, Line: e.Line}}})
						}
					}
				}
			}
			continue
		}
		rows := map[string]int{}
		for _, code := range targets {
			f := langs[code]
			if f == nil || f.PO == nil {
				continue
			}
			for _, e := range f.PO.Entries {
				if !counted(e) {
					continue
				}
				k := poKey(e)
				i, ok := rows[k]
				if !ok {
					i = len(out)
					rows[k] = i
					out = append(out, Message{ID: k, Domain: domain, Text: e.ID})
				}
				t := MessageTranslation{Lang: code, State: poState(e), Path: f.Path, Line: e.Line}
				if t.State != Current {
					t.Words = MessageWords(e.ID)
				}
				out[i].Translations = append(out[i].Translations, t)
			}
		}
	}
	return mergeOrphans(out)
}

func poAgainstTemplate(loc *config.Locale, domain string, tmpl *catalog.File, langs map[string]*catalog.File, targets []string) []Message {
	var out []Message
	for _, te := range tmpl.PO.Entries {
		if !counted(te) {
			continue
		}
		k := poKey(te)
		m := Message{ID: k, Domain: domain, Path: tmpl.Path, Line: te.Line, Text: te.ID}
		for _, code := range targets {
			t := MessageTranslation{Lang: code, Path: pathFor(loc, code, domain, langs)}
			f := langs[code]
			switch {
			case f == nil:
				t.State = Missing
			case f.PO == nil:
				t.State = Unverified
			default:
				e := f.PO.LookupContext(te.Context, te.ID)
				if !te.HasContext {
					e = f.PO.Lookup(te.ID)
				}
				if e == nil || !counted(e) {
					t.State = Missing
				} else {
					t.State, t.Line = poState(e), e.Line
				}
			}
			if t.State != Current && t.State != Unverified {
				t.Words = MessageWords(te.ID)
			}
			m.Translations = append(m.Translations, t)
		}
		out = append(out, m)
	}
	for _, code := range targets {
		f := langs[code]
		if f == nil || f.PO == nil {
			continue
		}
		for _, e := range f.PO.Entries {
			if !counted(e) {
				continue
			}
			var te *po.Entry
			if e.HasContext {
				te = tmpl.PO.LookupContext(e.Context, e.ID)
			} else {
				te = tmpl.PO.Lookup(e.ID)
			}
			if te != nil && counted(te) {
				continue
			}
			out = append(out, Message{ID: poKey(e), Domain: domain, Text: e.ID,
				Translations: []MessageTranslation{{Lang: code, State: Orphan, Path: f.Path, Line: e.Line}}})
		}
	}
	return mergeOrphans(out)
}

// summariseMessages sums the messages per language. With perFile (PO
// files without a template) a language's total is the messages its own
// files hold; otherwise it is the source's messages.
func summariseMessages(ms []Message, targets []string, perFile bool) []Language {
	var out []Language
	total := 0
	for _, m := range ms {
		if m.Path != "" {
			total++
		}
	}
	for _, code := range targets {
		l := Language{Lang: code, Name: lang.Name(code), Counts: map[State]int{}}
		n := 0
		for _, m := range ms {
			for _, t := range m.Translations {
				if t.Lang != code {
					continue
				}
				l.Counts[t.State]++
				l.WordsToTranslate += t.Words
				if t.State != Orphan {
					n++
				}
			}
		}
		l.Total = total
		if perFile {
			l.Total = n
		}
		l.Coverage = 100
		if l.Total > 0 {
			l.Coverage = math.Floor(float64(l.Counts[Current])*1000/float64(l.Total)) / 10
		}
		out = append(out, l)
	}
	return out
}

// fullest returns the language whose files hold the most messages: the
// likely source when nothing says which it is.
func fullest(files []*catalog.File) string {
	count := map[string]int{}
	best := ""
	for _, f := range files {
		switch {
		case f.GoI18n != nil:
			count[f.Lang] += len(f.GoI18n.Messages)
		case f.PO != nil:
			count[f.Lang] += len(f.PO.Entries)
		}
	}
	for code, n := range count {
		if code != "" && (best == "" || n > count[best] || n == count[best] && code < best) {
			best = code
		}
	}
	return best
}

// placeholderRE matches what a translator does not translate in a message:
// template actions ({{.Count}}) and printf verbs (%s, %5.2f, %[1]d, %1$s).
var placeholderRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`{{.*?}}|%(?:\[\d+\]|\d+\$)?[-+# 0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[a-zA-Z%]`)
})

// MessageWords counts the words of a message's text, placeholders left out.
func MessageWords(s string) int {
	return markdown.CountWords(placeholderRE().ReplaceAllString(s, " "))
}
