package lint

import (
	"bytes"
	"math"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/catalog/po"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/suppress"
)

// weblateFlags maps the PO flags by which Weblate skips one of its checks
// to the rule of glosa's that checks the same thing: Weblate's "Unchanged
// translation" is same-as-source, its "Placeholders" and "C format" are
// placeholder-mismatch. A translator who told Weblate a message is right
// as it is has told glosa too.
var weblateFlags = map[string]string{
	"ignore-same":         sameAsSource.ID,
	"ignore-placeholders": placeholderMismatch.ID,
	"ignore-c-format":     placeholderMismatch.ID,
}

// directive is one suppression of the repository, where it is written.
type directive struct {
	path, lang, slug string
	suppress.Directive
	// used holds the rules ("" for every rule) it suppressed a finding of.
	used map[string]bool
}

// scope is where a directive suppresses a rule, in one file.
type scope struct {
	d        *directive
	rule     string
	from, to int
}

// suppressions are every directive of the repository, and the lines each
// covers by file.
type suppressions struct {
	dirs   []*directive
	byPath map[string][]scope
	// problems are findings of invalid directives, made as they are read.
	problems []Finding
}

// add records the directive d written in path, lang, slug.
func (s *suppressions) add(path, lang, slug string, d suppress.Directive) *directive {
	dir := &directive{path: path, lang: lang, slug: slug, Directive: d, used: map[string]bool{}}
	s.dirs = append(s.dirs, dir)
	return dir
}

// cover makes d suppress its rules on lines from to to of path.
func (s *suppressions) cover(d *directive, path string, from, to int) {
	if len(d.Rules) == 0 {
		s.byPath[path] = append(s.byPath[path], scope{d: d, from: from, to: to})
		return
	}
	for _, r := range d.Rules {
		s.byPath[path] = append(s.byPath[path], scope{d: d, rule: r, from: from, to: to})
	}
}

// suppress drops the findings that a directive covers and adds the
// findings of the directives (unused, invalid); it returns the findings
// and how many it dropped. Only files that hold suppress.Marker are read:
// a repository without directives costs a look at each entry's flag and
// each catalog message.
func (l *Linter) suppress(rep *status.Report, fs []Finding) ([]Finding, int) {
	s := &suppressions{byPath: map[string][]scope{}}
	s.readContent(rep)
	s.readCatalogs(rep)
	if len(s.dirs) == 0 && len(s.problems) == 0 {
		return fs, 0
	}
	kept, dropped := fs[:0], 0
	for _, f := range fs {
		covered := false
		for _, sc := range s.byPath[f.Path] {
			if (sc.rule == "" || sc.rule == f.Rule) && sc.from <= f.Line && f.Line <= sc.to {
				sc.d.used[sc.rule] = true
				covered = true
			}
		}
		if covered {
			dropped++
			continue
		}
		kept = append(kept, f)
	}
	for _, f := range append(s.problems, l.unused(s)...) {
		sev, on := l.severityOf(f.Rule)
		if !on {
			continue
		}
		f.Severity = sev
		f.Message, f.Fix = f.Text.String(), f.FixText.String()
		if l.excluded(f) {
			dropped++
			continue
		}
		kept = append(kept, f)
	}
	return kept, dropped
}

// severityOf returns a rule's severity as configured, and false when it
// is off.
func (l *Linter) severityOf(id string) (Severity, bool) {
	for _, r := range l.rules {
		if r.ID == id {
			return r.Severity, true
		}
	}
	return "", false
}

// unused returns the findings of the directives that suppressed nothing,
// and of the rules they name that glosa does not have. A rule that is off
// finds nothing anywhere: a directive naming it is not called unused.
// Other tools' directives (Weblate's flags) are theirs to judge.
func (l *Linter) unused(s *suppressions) []Finding {
	known := map[string]bool{}
	for _, r := range Rules() {
		known[r.ID] = true
	}
	var out []Finding
	for _, d := range s.dirs {
		if d.Foreign {
			continue
		}
		at := Finding{Rule: unusedSuppression.ID, Path: d.path, Line: d.Line, Column: d.Column, Lang: d.lang, Slug: d.slug}
		if len(d.Rules) == 0 {
			if !d.used[""] {
				at.Text = l10n.Msg("lint.suppress.unused", "Directive", d.Form)
				at.FixText = l10n.Msg("lint.suppress.unusedFix")
				out = append(out, at)
			}
			continue
		}
		var idle []string
		named := 0 // the rules it names that glosa has
		for _, r := range d.Rules {
			if known[r] {
				named++
			}
			_, on := l.severityOf(r)
			switch {
			case !known[r]:
				bad := at
				bad.Rule = invalidSuppression.ID
				bad.Text = l10n.Msg("lint.suppress.unknownRule", "Directive", d.Form, "Rule", strconv.Quote(r))
				bad.FixText = l10n.Msg("lint.suppress.unknownRuleFix")
				if near := Nearest(r); len(near) > 0 {
					bad.FixText = l10n.Msg("lint.suppress.unknownRuleNear", "Rule", near[0])
				}
				out = append(out, bad)
			case on && !d.used[r]:
				idle = append(idle, r)
			}
		}
		if len(idle) == 0 {
			continue
		}
		at.Text = l10n.Msg("lint.suppress.unusedRules", "Directive", d.Form, "Rules", strings.Join(idle, ", "))
		if len(d.Rules) == 1 && strings.HasSuffix(d.Form, "-"+d.Rules[0]) {
			// glosa-ignore-structure names its rule already.
			at.Text = l10n.Msg("lint.suppress.unused", "Directive", d.Form)
		}
		at.FixText = l10n.Msg("lint.suppress.unusedFix")
		if len(idle) < named {
			at.FixText = l10n.Msg("lint.suppress.unusedRulesFix", "Rules", strings.Join(idle, ", "))
		}
		out = append(out, at)
	}
	return out
}

// readContent reads the directives of every entry whose file holds the
// marker: comments in its front matter and body.
func (s *suppressions) readContent(rep *status.Report) {
	if rep.Repo == nil {
		return
	}
	for _, e := range rep.Repo.Entries {
		if !e.Marked() {
			continue
		}
		data, err := e.Read()
		if err != nil {
			continue // parse-error says so
		}
		file := suppress.Content(data, regions(data))
		dirs := make([]*directive, len(file.Directives))
		for i, d := range file.Directives {
			dirs[i] = s.add(e.Path, e.Lang, e.Slug, d)
		}
		for _, sc := range file.Scopes {
			s.byPath[e.Path] = append(s.byPath[e.Path], scope{d: dirs[sc.Directive], rule: sc.Rule, from: sc.From, to: sc.To})
		}
		for _, p := range file.Problems {
			f := Finding{Rule: invalidSuppression.ID, Path: e.Path, Line: p.Line, Column: p.Column, Lang: e.Lang, Slug: e.Slug}
			switch {
			case p.Kind == suppress.UnknownForm:
				f.Text = l10n.Msg("lint.suppress.unknownForm", "Directive", p.Form)
			case p.Rule != "":
				f.Text = l10n.Msg("lint.suppress.enableRule", "Directive", p.Form, "Rule", p.Rule)
			default:
				f.Text = l10n.Msg("lint.suppress.enable", "Directive", p.Form)
			}
			s.problems = append(s.problems, f)
		}
	}
}

// regions tells a content file's front matter (YAML or TOML, whose
// comments start with #; JSON has none) from its Markdown body, as
// package content reads them.
func regions(data []byte) []suppress.Region {
	doc, _ := content.Parse(data)
	if doc == nil {
		return []suppress.Region{{From: 1, To: lastLine, Syntax: suppress.Markdown}}
	}
	var out []suppress.Region
	if doc.FrontEnd > doc.FrontStart && !bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n"), []byte("{")) {
		from, _ := content.Position(data, doc.FrontStart)
		to, _ := content.Position(data, doc.FrontEnd)
		out = append(out, suppress.Region{From: from, To: to - 1, Syntax: suppress.Hash})
	}
	body := doc.BodyLine
	if body == 0 {
		body = 1
	}
	return append(out, suppress.Region{From: body, To: lastLine, Syntax: suppress.Markdown})
}

// lastLine stands for the end of a file in a region.
const lastLine = math.MaxInt

// readCatalogs reads the directives of catalog messages: a PO entry's
// flags (on a template's entry, they cover that entry in every PO file of
// the catalog), a go-i18n message's description (in a source file, it
// covers the message in every translation of the domain).
func (s *suppressions) readCatalogs(rep *status.Report) {
	for ci := range rep.Catalogs {
		cat := &rep.Catalogs[ci]
		s.readPO(cat)
		s.readGoI18n(cat)
	}
}

func (s *suppressions) readPO(cat *status.Catalog) {
	flags := func(path, lang string, e *po.Entry) []*directive {
		var out []*directive
		for _, flag := range e.Flags {
			if d, ok := suppress.Flag(flag, weblateFlags); ok {
				d.Line, d.Column = e.FirstLine, 1
				out = append(out, s.add(path, lang, e.ID, d))
			}
		}
		return out
	}
	key := func(e *po.Entry) string {
		if e.HasContext {
			return e.Context + "\x04" + e.ID
		}
		return e.ID
	}
	template := map[string][]*directive{}
	for _, f := range cat.Files {
		if f.PO == nil || !f.Template {
			continue
		}
		for _, e := range f.PO.Entries {
			if e.Obsolete || e.IsHeader() {
				continue
			}
			if ds := flags(f.Path, cat.Source, e); len(ds) > 0 {
				template[key(e)] = append(template[key(e)], ds...)
				for _, d := range ds {
					s.cover(d, f.Path, e.FirstLine, e.LastLine)
				}
			}
		}
	}
	for _, f := range cat.Files {
		if f.PO == nil || f.Template {
			continue
		}
		for _, e := range f.PO.Entries {
			if e.IsHeader() {
				continue
			}
			ds := flags(f.Path, f.Lang, e)
			if !e.Obsolete {
				ds = append(ds, template[key(e)]...)
			}
			for _, d := range ds {
				s.cover(d, f.Path, e.FirstLine, e.LastLine)
			}
		}
	}
}

func (s *suppressions) readGoI18n(cat *status.Catalog) {
	// The source file's directives by domain and ID, made first.
	sources := map[string]map[string]*directive{}
	for _, f := range cat.Files {
		if f.GoI18n == nil || f.Lang != cat.Source {
			continue
		}
		byID := map[string]*directive{}
		for _, m := range f.GoI18n.Messages {
			if rules, ok := suppress.Description(m.Description); ok {
				d := s.add(f.Path, f.Lang, m.ID, suppress.Directive{Line: m.Line, Column: m.Column, Form: suppress.Ignore, Rules: rules})
				s.cover(d, f.Path, m.Line, m.Line)
				byID[m.ID] = d
			}
		}
		sources[f.Domain] = byID
	}
	for _, f := range cat.Files {
		if f.GoI18n == nil || f.Lang == cat.Source {
			continue
		}
		for _, m := range f.GoI18n.Messages {
			if d := sources[f.Domain][m.ID]; d != nil {
				s.cover(d, f.Path, m.Line, m.Line)
			}
			if rules, ok := suppress.Description(m.Description); ok {
				d := s.add(f.Path, f.Lang, m.ID, suppress.Directive{Line: m.Line, Column: m.Column, Form: suppress.Ignore, Rules: rules})
				s.cover(d, f.Path, m.Line, m.Line)
			}
		}
	}
}

// quoted returns the texts a finding's message quotes: the string values
// of its data, unquoted when they are Go-quoted, those of the texts it
// nests, not language codes. An ignore pattern is matched against them.
func quoted(t l10n.Text) []string {
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			if u, err := strconv.Unquote(v); err == nil && strings.HasPrefix(v, `"`) {
				v = u
			}
			out = append(out, v)
		case l10n.Text:
			if v.ID == "" {
				out = append(out, v.Raw)
			}
			for _, d := range v.Data {
				walk(d)
			}
		case []l10n.Text:
			for _, item := range v {
				walk(item)
			}
		}
	}
	walk(t)
	return out
}
