// Package dashboard builds glosa report's static HTML dashboard: an
// overview of every language (coverage, counts per state, words to
// translate, for entries and catalogs), the slug × language matrix, the
// findings grouped by rule and file, a page per language listing what
// needs work, and SVG coverage badges.
//
// Build turns what glosa knows (states, findings, the source changes of
// stale translations) into a Model, plain values with every user-facing
// word already in the reader's language; Render turns a Model into the
// files of the dashboard. Neither touches the disk: the caller writes the
// files. Pages are made with html/template, whose contextual escaping is
// what keeps titles, messages and paths from user files text, never
// markup. Nothing is loaded from the network: the CSS and the small
// script that sorts and filters the matrix are inline, and every page is
// readable without the script and without colour (each state has a
// symbol and a name).
package dashboard

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/blockdiff"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/history"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/lint"
	"github.com/glosa/glosa/internal/printable"
	"github.com/glosa/glosa/internal/status"
)

// Input is what a dashboard shows.
type Input struct {
	Report   *status.Report
	Findings []lint.Finding
	// Meta is what the front matter of each entry says, by path: the
	// caller reads it (see content.MetaOf), as entries may be released.
	Meta map[string]Meta
	// Changes are the changes in the source since stale translations were
	// made, by the translation's path; a stale translation without one
	// has no summary (no record, or no history to read it from).
	Changes map[string]Change
	// RepoURL, when not "", links files to the hosting site: {path} in
	// it stands for a file's path (see config.Config.RepoURL).
	RepoURL string
	// RootLink is the slash-separated path from the output folder to the
	// repository root ("..", "../.."), for relative links to files when
	// RepoURL is "".
	RootLink string
	// Version is glosa's version; Commit the repository's HEAD, "" when
	// unknown. Both are shown in the pages' footers.
	Version, Commit string
	// L words the dashboard; nil means English.
	L *l10n.Localizer
	// Since, when not nil, adds the page of what the changes since a
	// revision did to the translations (report --since).
	Since *SinceInput
}

// Change is what changed in a source since a translation was made: its
// front-matter text fields and body blocks, as glosa diff computes them.
type Change struct {
	// From is the source commit the translation was made from ("" when
	// found in the work tree), To the commit compared with ("" for the
	// work tree).
	From, To string
	Fields   []blockdiff.Field
	Blocks   []blockdiff.Block
}

// Model is a whole dashboard, ready to render.
type Model struct {
	// UILang is the language of the dashboard's own words.
	UILang string
	// Source is the source language of the entries, SourceName its name.
	Source, SourceName string
	// Entries sums the entries per translation language; nil for a
	// project of catalogs only.
	Entries *Overview
	// Catalogs sums each catalog per language.
	Catalogs []Overview
	// Terms is the termbase's coverage per language; nil when the
	// project declares no terms.
	Terms  *TermOverview
	Matrix Matrix
	// Findings are every finding, grouped by rule and file.
	Findings []RuleGroup
	// FindingCount is the number of findings.
	FindingCount int
	// States are every state, in status.States order, for the columns
	// of the overviews.
	States []State
	// Pages are the pages of the languages, one per translation language
	// of the entries or of a catalog.
	Pages  []LangPage
	Badges []Badge
	// Since is the page of report --since; nil without it.
	Since *SincePage
	// Version and Commit are shown in the footers.
	Version, Commit string
}

// Overview sums one kind of thing (the entries, or one catalog) per
// translation language.
type Overview struct {
	// Caption says what is summed, in the reader's language.
	Caption string
	Rows    []LangRow
}

// LangRow is one language's line of an overview.
type LangRow struct {
	Lang string
	// Name is the language's name in the reader's language.
	Name string
	// Page is the language's page, "es.html".
	Page   string
	Total  int
	Counts []Count
	// Coverage is current / total in percent (status.Language.Coverage);
	// CoverageText shows it ("20.0%").
	Coverage     float64
	CoverageText string
	Words        int
}

// TermOverview is how many of the termbase's concepts have a term in
// each language (status.TermCoverage).
type TermOverview struct {
	// Caption says how many concepts there are, in the reader's language.
	Caption string
	Rows    []TermRow
}

// TermRow is one language's line of the term overview.
type TermRow struct {
	Lang, Name string
	// Page is the language's page; "" for the source language.
	Page     string
	Concepts int
	// Coverage is Concepts of all concepts in percent; CoverageText
	// shows it ("20.0%").
	Coverage     float64
	CoverageText string
}

// Count is the number of translations in one state.
type Count struct {
	State
	N int
}

// State is a translation state as shown: its code (a CSS class and a
// filter value), its name in the reader's language and its symbol.
type State struct {
	Code, Name, Symbol string
}

// Matrix is the slug × language table of the entries.
type Matrix struct {
	// Langs are the columns after the source's, the translation languages.
	Langs []Column
	// States are the states a filter can choose, Categories the
	// categories (empty when no entry has one).
	States     []State
	Categories []string
	Rows       []MatrixRow
}

// Column is a language column of the matrix.
type Column struct {
	Lang, Name, Page string
}

// MatrixRow is one slug.
type MatrixRow struct {
	Slug string
	// Title is the source entry's title (an orphan's: its own), in
	// TitleLang.
	Title, TitleLang string
	Categories       []string
	// Source links the source file; nil for an orphan.
	Source *Link
	Cells  []Cell
}

// Cell is one language's side of a slug; State is zero when the language
// has nothing for the slug (an orphan's other languages).
type Cell struct {
	Lang  string
	State State
	// Rank orders the cell by state for sorting: the state's index in
	// status.States, len(status.States) for nothing.
	Rank int
	// File links the translation's file; nil when it is missing.
	File *Link
}

// Link is a file of the repository and where a link to it leads.
type Link struct {
	Path string
	// URL is the link: the hosting site's with a repoURL, else relative
	// to the output folder.
	URL string
}

// LangPage is the page of one language: what needs work.
type LangPage struct {
	Lang, Name string
	// Autonym is the language's name in itself.
	Autonym string
	// File is the page's file name, "es.html".
	File string
	// Entries is the language's row of the entries' overview (nil when
	// it is not a translation language of the entries); Catalogs its rows
	// of the catalogs' overviews, with their captions.
	Entries  *LangRow
	Catalogs []Overview
	// Work groups the entries that need work by state, in status.States
	// order; Messages the catalog messages that do.
	Work     []WorkGroup
	Messages []MessageGroup
	// Findings are the findings in this language's files.
	Findings     []RuleGroup
	FindingCount int
	// Badge is the language's badge.
	Badge Badge
	// work makes Work, which Build leaves nil: each page's is made when
	// the page is written, and dropped after (see Model.FillWork).
	work func() []WorkGroup
}

// FillWork makes every page's Work, which Build leaves to Write: a
// dashboard of 38,000 pages in 39 languages holds 290,000 of them, too
// many to keep at once.
func (m *Model) FillWork() {
	for i := range m.Pages {
		if p := &m.Pages[i]; p.Work == nil && p.work != nil {
			p.Work = p.work()
		}
	}
}

// WorkGroup is the entries of one language in one state other than
// current.
type WorkGroup struct {
	State State
	Items []WorkItem
}

// WorkItem is one entry that needs work in one language.
type WorkItem struct {
	Slug string
	// Title is the translation's title in the page's language, or when
	// it has none the source's; TitleLang says which.
	Title, TitleLang string
	// Reason says why the entry is in its state.
	Reason string
	Words  int
	// Source links the source file (nil for an orphan); File the
	// translation's (URL "" when it is missing: Path is where it
	// belongs).
	Source *Link
	File   Link
	// Change is what changed in the source since the translation, for a
	// stale one with history; nil otherwise.
	Change *ChangeView
}

// ChangeView is a Change in the reader's words.
type ChangeView struct {
	// Summary says which versions are compared.
	Summary string
	Lines   []ChangeLine
}

// ChangeLine is one change; Text, when not "", is an excerpt of the
// source in TextLang, shown between Before and After.
type ChangeLine struct {
	Before, Text, After, TextLang string
}

// MessageGroup is the messages of one catalog that need work in one
// language.
type MessageGroup struct {
	Caption string
	// SourceLang is the catalog's source language, the language of the
	// messages' texts.
	SourceLang string
	Items      []MessageItem
}

// MessageItem is one message that needs work.
type MessageItem struct {
	ID, Text string
	State    State
	Words    int
	File     Link
	// Line is the message's line in File, 0 when it is not there.
	Line int
}

// RuleGroup is the findings of one rule.
type RuleGroup struct {
	Rule  string
	Count int
	Files []FileGroup
}

// FileGroup is the findings of one rule in one file.
type FileGroup struct {
	File     Link
	Lang     string
	Findings []Finding
}

// Finding is one finding as shown.
type Finding struct {
	// Where is "line:col", "line" or "" for the whole file.
	Where    string
	Severity string
	Message  string
	Fix      string
}

// Badge is one SVG coverage badge.
type Badge struct {
	// File is the badge's path in the output folder, "badges/es.svg".
	File         string
	Label, Value string
	Coverage     float64
	// Title is the badge's accessible name.
	Title string
}

// Symbols are the states' symbols, shown beside their names so that no
// state is told by colour alone.
var Symbols = map[status.State]string{
	status.Current:      "✓",
	status.Stale:        "↻",
	status.Missing:      "✗",
	status.Untranslated: "○",
	status.Unverified:   "?",
	status.Orphan:       "⊘",
}

// builder holds what Build needs while it works.
type builder struct {
	in Input
	l  *l10n.Localizer
	// sources are the links of the source files, made once for every
	// language's page (see workItem).
	sources map[*content.Entry]*Link
	// reasons holds each reason's words with stand-ins, by code (see
	// reason); pages are made at the same time.
	reasons sync.Map
	// states are the states as shown, worded once: a matrix has a cell
	// per slug and language (273,000 on tldr).
	states map[status.State]State
}

// Build makes the model of a dashboard.
func Build(in Input) *Model {
	b := &builder{in: in, l: in.L}
	if b.l == nil {
		b.l = l10n.New(language.English)
	}
	b.states = make(map[status.State]State, len(status.States))
	for _, s := range status.States {
		b.states[s] = State{Code: string(s), Name: b.l.T("state." + string(s)), Symbol: Symbols[s]}
	}
	rep := in.Report
	m := &Model{UILang: b.l.Lang(), Source: rep.Source, SourceName: b.l.LangName(rep.Source), Version: in.Version, Commit: in.Commit}
	pages := b.pageLangs()
	for _, s := range status.States {
		m.States = append(m.States, b.state(s))
	}
	if len(rep.Repo.Config.Content) > 0 {
		m.Entries = &Overview{Caption: b.l.N("report.entriesCaption", sourceTotal(rep), "Lang", rep.Source, "LangName", b.l.LangName(rep.Source))}
		for _, lg := range rep.Languages {
			m.Entries.Rows = append(m.Entries.Rows, b.langRow(lg))
		}
		m.Matrix = b.matrix()
	}
	for _, c := range rep.Catalogs {
		o := Overview{Caption: b.catalogCaption(c)}
		for _, lg := range c.Languages {
			o.Rows = append(o.Rows, b.langRow(lg))
		}
		m.Catalogs = append(m.Catalogs, o)
	}
	if tc := rep.Terms; tc != nil {
		m.Terms = &TermOverview{Caption: b.l.N("report.termsCaption", tc.Concepts)}
		for _, lg := range tc.Languages {
			r := TermRow{Lang: lg.Lang, Name: b.l.LangName(lg.Lang), Concepts: lg.Concepts,
				Coverage: lg.Coverage, CoverageText: fmt.Sprintf("%.1f%%", lg.Coverage)}
			if slices.Contains(pages, lg.Lang) {
				r.Page = PageFile(lg.Lang)
			}
			m.Terms.Rows = append(m.Terms.Rows, r)
		}
	}
	m.Findings, m.FindingCount = b.groupFindings(func(lint.Finding) bool { return true })
	work := b.workByLang()
	b.sources = map[*content.Entry]*Link{}
	for i := range rep.Items {
		if e := rep.Items[i].Source; e != nil {
			b.sources[e] = b.linkTo(e)
		}
	}
	for _, code := range pages {
		m.Pages = append(m.Pages, b.page(m, code, work[code]))
	}
	m.Badges = b.badges()
	for i := range m.Pages {
		m.Pages[i].Badge = m.Badges[i] // one per page, in order
	}
	if in.Since != nil {
		m.Since = b.sincePage(in.Since, pages)
	}
	return m
}

// pageLangs are the languages that get a page: the translation languages
// of the entries, then those of the catalogs not among them.
func (b *builder) pageLangs() []string {
	var out []string
	for _, lg := range b.in.Report.Languages {
		out = append(out, lg.Lang)
	}
	for _, c := range b.in.Report.Catalogs {
		for _, lg := range c.Languages {
			if !slices.Contains(out, lg.Lang) {
				out = append(out, lg.Lang)
			}
		}
	}
	return out
}

// PageFile is the file name of a language's page: the tag and .html, or
// with "lang-" in front for a tag that would take index.html's name.
func PageFile(code string) string {
	if strings.EqualFold(code, "index") {
		return "lang-" + code + ".html"
	}
	return code + ".html"
}

func (b *builder) state(s status.State) State {
	if st, ok := b.states[s]; ok {
		return st
	}
	return State{Code: string(s), Name: b.l.T("state." + string(s)), Symbol: Symbols[s]}
}

func (b *builder) langRow(lg status.Language) LangRow {
	r := LangRow{Lang: lg.Lang, Name: b.l.LangName(lg.Lang), Page: PageFile(lg.Lang), Total: lg.Total,
		Coverage: lg.Coverage, CoverageText: fmt.Sprintf("%.1f%%", lg.Coverage), Words: lg.WordsToTranslate}
	for _, s := range status.States {
		r.Counts = append(r.Counts, Count{State: b.state(s), N: lg.Counts[s]})
	}
	return r
}

func (b *builder) catalogCaption(c status.Catalog) string {
	n := 0
	for _, m := range c.Messages {
		if m.Path != "" {
			n++
		}
	}
	return b.l.N("report.catalogCaption", n, "Path", c.Pattern, "Format", c.Format, "Lang", c.Source)
}

func sourceTotal(r *status.Report) int {
	n := 0
	for _, it := range r.Items {
		if it.Source != nil {
			n++
		}
	}
	return n
}

// link links a repository file.
func (b *builder) link(p string) Link {
	escaped := escapePath(p)
	if b.in.RepoURL != "" {
		return Link{Path: p, URL: strings.Replace(b.in.RepoURL, "{path}", escaped, 1)}
	}
	root := b.in.RootLink
	if root == "" {
		root = "."
	}
	return Link{Path: p, URL: path.Join(root, escaped)}
}

// escapePath escapes each segment of a slash-separated path for a URL.
func escapePath(p string) string {
	if !needsEscape(p) {
		return p
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// needsEscape tells whether escapePath changes p: whether p holds a byte
// other than the letters, digits, "-", ".", "_", "~" (which
// url.PathEscape leaves as they are) and "/" (which separates segments).
func needsEscape(p string) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' {
			continue
		}
		return true
	}
	return false
}

// sourceLink is linkTo of a source file, made once for all the pages;
// each item gets its own copy.
func (b *builder) sourceLink(e *content.Entry) *Link {
	l, ok := b.sources[e]
	if !ok {
		return b.linkTo(e)
	}
	if l == nil {
		return nil
	}
	c := *l
	return &c
}

func (b *builder) linkTo(e *content.Entry) *Link {
	if e == nil {
		return nil
	}
	l := b.link(e.Path)
	return &l
}

func (b *builder) matrix() Matrix {
	rep := b.in.Report
	var mx Matrix
	column := make(map[string]int, len(rep.Languages)) // a language's index in Langs
	for _, lg := range rep.Languages {
		if _, ok := column[lg.Lang]; !ok {
			column[lg.Lang] = len(mx.Langs)
		}
		mx.Langs = append(mx.Langs, Column{Lang: lg.Lang, Name: b.l.LangName(lg.Lang), Page: PageFile(lg.Lang)})
	}
	for _, s := range status.States {
		mx.States = append(mx.States, b.state(s))
	}
	cats := map[string]bool{}
	for _, it := range rep.Items {
		row := MatrixRow{Slug: it.Slug, Source: b.linkTo(it.Source)}
		e := it.Source
		if e == nil {
			for _, t := range it.Translations {
				if t.Entry != nil {
					e = t.Entry
					break
				}
			}
		}
		if e != nil {
			meta := b.meta(e)
			row.Title, row.TitleLang = meta.Title, e.Lang
			row.Categories = meta.Categories
			for _, c := range row.Categories {
				cats[c] = true
			}
		}
		row.Cells = make([]Cell, len(mx.Langs))
		for j, lg := range mx.Langs {
			row.Cells[j] = Cell{Lang: lg.Lang, Rank: len(status.States)}
		}
		for _, t := range it.Translations { // a later one of a language wins
			j, ok := column[t.Lang]
			if !ok {
				continue
			}
			c := &row.Cells[j]
			c.State = b.state(t.State)
			c.Rank = slices.Index(status.States, t.State)
			if t.State != status.Missing {
				c.File = b.linkTo(t.Entry)
			}
		}
		mx.Rows = append(mx.Rows, row)
	}
	for c := range cats {
		mx.Categories = append(mx.Categories, c)
	}
	sort.Strings(mx.Categories)
	return mx
}

// Meta is what the dashboard shows of an entry's front matter.
type Meta = content.Meta

func (b *builder) meta(e *content.Entry) Meta {
	if e == nil {
		return Meta{}
	}
	return b.in.Meta[e.Path]
}

// work is a translation that needs work, with its item.
type work struct {
	item        *status.Item
	translation *status.Translation
}

// workByLang sorts the translations that need work by language, then by
// state (indexed as status.States), each list in the items' order: one
// pass over the items for all the pages.
func (b *builder) workByLang() map[string][][]work {
	out := map[string][][]work{}
	rep := b.in.Report
	for i := range rep.Items {
		it := &rep.Items[i]
		for j := range it.Translations {
			t := &it.Translations[j]
			if t.State == status.Current { // no work, no group
				continue
			}
			byState := out[t.Lang]
			if byState == nil {
				byState = make([][]work, len(status.States))
				out[t.Lang] = byState
			}
			s := slices.Index(status.States, t.State)
			byState[s] = append(byState[s], work{it, t})
		}
	}
	return out
}

// page builds the page of one language; todo is its translations that
// need work, by state (see workByLang).
func (b *builder) page(m *Model, code string, todo [][]work) LangPage {
	rep := b.in.Report
	p := LangPage{Lang: code, Name: b.l.LangName(code), Autonym: lang.Name(code), File: PageFile(code)}
	if m.Entries != nil {
		for i := range m.Entries.Rows {
			if m.Entries.Rows[i].Lang == code {
				r := m.Entries.Rows[i]
				p.Entries = &r
			}
		}
	}
	for i, c := range rep.Catalogs {
		for _, r := range m.Catalogs[i].Rows {
			if r.Lang == code {
				p.Catalogs = append(p.Catalogs, Overview{Caption: m.Catalogs[i].Caption, Rows: []LangRow{r}})
			}
		}
		g := MessageGroup{Caption: m.Catalogs[i].Caption, SourceLang: c.Source}
		for _, msg := range c.Messages {
			for _, t := range msg.Translations {
				if t.Lang != code || t.State == status.Current {
					continue
				}
				g.Items = append(g.Items, MessageItem{ID: displayID(msg.ID), Text: msg.Text, State: b.state(t.State), Words: t.Words, File: b.link(t.Path), Line: t.Line})
			}
		}
		if len(g.Items) > 0 {
			sort.SliceStable(g.Items, func(i, j int) bool {
				return slices.Index(status.States, status.State(g.Items[i].State.Code)) < slices.Index(status.States, status.State(g.Items[j].State.Code))
			})
			p.Messages = append(p.Messages, g)
		}
	}
	p.work = func() []WorkGroup {
		var out []WorkGroup
		for i, items := range todo { // nil for a language with nothing to do
			if len(items) == 0 {
				continue
			}
			g := WorkGroup{State: b.state(status.States[i]), Items: make([]WorkItem, 0, len(items))}
			for _, w := range items {
				g.Items = append(g.Items, b.workItem(w.item, w.translation))
			}
			out = append(out, g)
		}
		return out
	}
	p.Findings, p.FindingCount = b.groupFindings(func(f lint.Finding) bool { return f.Lang == code })
	return p
}

func (b *builder) workItem(it *status.Item, t *status.Translation) WorkItem {
	w := WorkItem{Slug: it.Slug, Words: t.Words, Source: b.sourceLink(it.Source), File: Link{Path: t.Path}}
	if t.State != status.Missing {
		w.File = b.link(t.Path)
	}
	if title := b.meta(t.Entry).Title; title != "" {
		w.Title, w.TitleLang = title, t.Lang
	} else if it.Source != nil {
		w.Title, w.TitleLang = b.meta(it.Source).Title, it.Source.Lang
	}
	src := ""
	if t.Entry != nil && t.Entry.Record != nil {
		src = t.Entry.Record.Source
	}
	w.Reason = b.reason(t.Reason, it.Slug, src, t.RenamedTo)
	if t.ProbablyStale {
		w.Reason += " " + b.l.T("report.probablyStale")
	}
	if ch, ok := b.in.Changes[t.Path]; ok && t.State == status.Stale {
		srcLang := b.in.Report.Source
		if src != "" {
			srcLang = src
		}
		w.Change = b.changeView(ch, srcLang)
	}
	return w
}

// Stand-ins for a reason's values while it is worded once (see reason):
// private-use characters, as marker.
const (
	slugMark    = "\ue001"
	sourceMark  = "\ue002"
	newSlugMark = "\ue003"
)

// reason words a state's reason, as l10n words message "reason.CODE"
// with the values slug, src and newSlug: worded once per code with
// stand-ins, which are then replaced with the values as l10n shows them
// (printable.String). A dashboard words one for each of its 290,000
// work items on tldr.
func (b *builder) reason(code status.Reason, slug, src, newSlug string) string {
	v, ok := b.reasons.Load(code)
	if !ok {
		v, _ = b.reasons.LoadOrStore(code, b.l.T("reason."+string(code), "Slug", slugMark, "Source", sourceMark, "NewSlug", newSlugMark))
	}
	tpl := v.(string)
	if !strings.ContainsAny(tpl, slugMark+sourceMark+newSlugMark) {
		return tpl
	}
	return fillMarks(tpl, [3]string{printable.String(slug), printable.String(src), printable.String(newSlug)})
}

// fillMarks replaces the stand-ins slugMark, sourceMark and newSlugMark
// in tpl with vals, in that order, as a strings.Replacer of the three
// would (TestFillMarks), without making one for each of a dashboard's
// items. The stand-ins are U+E001 to U+E003: the bytes EE 80 81 to 83.
func fillMarks(tpl string, vals [3]string) string {
	var b strings.Builder
	done := 0
	for i := 0; i+2 < len(tpl); {
		j := strings.Index(tpl[i:], "\xee\x80")
		if j < 0 || i+j+2 >= len(tpl) {
			break
		}
		i += j
		if c := tpl[i+2]; c < 0x81 || c > 0x83 {
			i += 2
			continue
		} else {
			b.WriteString(tpl[done:i])
			b.WriteString(vals[c-0x81])
		}
		i += 3
		done = i
	}
	if done == 0 {
		return tpl
	}
	b.WriteString(tpl[done:])
	return b.String()
}

// marker stands for a message's excerpt of the source while the message
// is worded, so that the excerpt can be marked with its language: a
// private-use character, which l10n words as it is (it escapes control
// characters in values, see package printable) and no message holds.
const marker = "\ue000"

func (b *builder) changeView(ch Change, srcLang string) *ChangeView {
	v := &ChangeView{}
	from, to := history.Short(ch.From), history.Short(ch.To)
	if to == "" {
		to = b.l.T("diff.workTree")
	}
	if from != "" {
		v.Summary = b.l.T("report.changes", "From", from, "To", to)
	}
	for _, f := range ch.Fields {
		v.Lines = append(v.Lines, ChangeLine{Before: b.l.T("diff.field."+string(f.Change), "Path", f.Path)})
	}
	for _, bl := range ch.Blocks {
		s := b.l.T("diff.block."+string(bl.Change)+"."+bl.Kind, "Line", bl.Line, "Text", marker)
		before, after, found := strings.Cut(s, marker)
		line := ChangeLine{Before: before, After: after}
		if found {
			line.Text, line.TextLang = content.Excerpt(bl.Text, 120), srcLang
		}
		v.Lines = append(v.Lines, line)
	}
	if len(v.Lines) == 0 {
		v.Lines = append(v.Lines, ChangeLine{Before: b.l.T("diff.none")})
	}
	return v
}

// displayID shows a PO message key (msgctxt EOT msgid) as "msgctxt|msgid".
func displayID(id string) string { return strings.ReplaceAll(id, "\x04", "|") }

// groupFindings groups the findings keep accepts by rule, then file,
// keeping each file's findings in their order (by line).
func (b *builder) groupFindings(keep func(lint.Finding) bool) ([]RuleGroup, int) {
	var groups []RuleGroup
	index := map[string]int{}
	n := 0
	for _, f := range b.in.Findings {
		if !keep(f) {
			continue
		}
		n++
		i, ok := index[f.Rule]
		if !ok {
			i = len(groups)
			index[f.Rule] = i
			groups = append(groups, RuleGroup{Rule: f.Rule})
		}
		g := &groups[i]
		g.Count++
		if len(g.Files) == 0 || g.Files[len(g.Files)-1].File.Path != f.Path {
			g.Files = append(g.Files, FileGroup{File: b.link(f.Path), Lang: f.Lang})
		}
		fg := &g.Files[len(g.Files)-1]
		fg.Findings = append(fg.Findings, Finding{Where: where(f.Line, f.Column), Severity: string(f.Severity),
			Message: say(b.l, f.Text, f.Message), Fix: say(b.l, f.FixText, f.Fix)})
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Rule < groups[j].Rule })
	return groups, n
}

// say words t in l's language, or gives english when t is empty.
func say(l *l10n.Localizer, t l10n.Text, english string) string {
	if t.IsZero() {
		return english
	}
	return l.Text(t)
}

func where(line, col int) string {
	switch {
	case line == 0:
		return ""
	case col == 0:
		return fmt.Sprint(line)
	}
	return fmt.Sprintf("%d:%d", line, col)
}
