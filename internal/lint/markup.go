package lint

import (
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/segment"
	"github.com/glosa/glosa/internal/status"
)

var markupMismatch = Rule{
	entries:  true,
	ID:       "markup-mismatch",
	Severity: Warning,
	Summary:  "a paragraph, heading, table cell or text field of a translation has other link destinations, inline code or citations than the source's",
	check: func(c *checker, emit func(Finding)) {
		for _, p := range c.pairs() {
			if p.t.State == status.Untranslated {
				continue // a draft is work in progress
			}
			for _, u := range markupPairs(c, p.src, p.entry, c.repo.Schema(p.src)) {
				src := slices.Compact(slices.Clone(u.src)) // Compact clears what it drops: the summary keeps its own
				diffs := markupDiffs(src, localized(slices.Compact(slices.Clone(u.tr)), src, p.src.Lang, p.t.Lang))
				if len(diffs) == 0 {
					continue
				}
				fix := l10n.Msg("lint.markup.fix", "SourcePath", p.src.Path, "SourceLine", u.srcLine)
				emit(Finding{Path: p.entry.Path, Line: u.line, Column: 1, Lang: p.t.Lang, Slug: p.item.Slug,
					Text: markupText(u, diffs), FixText: fix})
				break // the first one says enough: the rest is often the same slip
			}
		}
	},
}

// markupPair is a unit of a translation (a text field or a body block)
// and the source's unit it translates, with what each carries (see
// markdown.Markup).
type markupPair struct {
	kind, field   string
	src, tr       []string
	line, srcLine int
}

// markupPairs pairs the units of a translation with the source's as
// segment.Pairs does — text fields by path, body blocks by position when
// both bodies have the same sequence of block kinds — from the summaries
// the entries keep, so that no body is parsed again.
func markupPairs(c *checker, src, tr *content.Entry, schema *config.Field) []markupPair {
	var out []markupPair
	have := map[string]content.Value{}
	for _, v := range tr.Values(schema) {
		if v.Kind == config.Text && strings.TrimSpace(v.Node.Value) != "" {
			have[v.Path] = v
		}
	}
	for _, v := range src.Values(schema) {
		if t, ok := have[v.Path]; ok && v.Kind == config.Text && strings.TrimSpace(v.Node.Value) != "" {
			out = append(out, markupPair{kind: segment.KindField, field: v.Path,
				src: c.markup(v.Node.Value), tr: c.markup(t.Node.Value),
				line: t.Node.Line, srcLine: v.Node.Line})
		}
	}
	sb, tb := src.Body().Blocks, tr.Body().Blocks
	if len(sb) != len(tb) {
		return out
	}
	for i := range sb {
		if sb[i].Kind != tb[i].Kind {
			return out
		}
	}
	for i := range sb {
		out = append(out, markupPair{kind: tb[i].Kind, src: sb[i].Markup, tr: tb[i].Markup, line: tb[i].Line, srcLine: sb[i].Line})
	}
	return out
}

// localized returns the translation's markup with each link that is the
// localized form of a source link (/it/x for /es/x, as locale-link asks)
// written as the source's link.
func localized(tr, src []string, srcLang, trLang string) []string {
	source := map[string]string{}
	for _, m := range src {
		if dest, ok := strings.CutPrefix(m, "link "); ok {
			if lm, ok := findLocale(dest, []string{lang.Base(srcLang)}, trLang); ok {
				source["link "+lm.fixed] = m
			}
		}
	}
	if len(source) == 0 {
		return tr
	}
	out := make([]string, len(tr))
	for i, m := range tr {
		if s, ok := source[m]; ok {
			m = s
		}
		out[i] = m
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// markup returns markdown.Markup(text), computed once per text in a run:
// a source's fields are compared with each of its translations'.
func (c *checker) markup(text string) []string {
	if m, ok := c.markups[text]; ok {
		return m
	}
	if c.markups == nil {
		c.markups = map[string][]string{}
	}
	m := markdown.Markup(text)
	c.markups[text] = m
	return m
}

// markupDiffs words what the translation lacks and adds, in that order.
func markupDiffs(src, tr []string) []l10n.Text {
	var out []l10n.Text
	for _, m := range src {
		if _, found := slices.BinarySearch(tr, m); !found {
			out = append(out, markupItem(m, true))
		}
	}
	for _, m := range tr {
		if _, found := slices.BinarySearch(src, m); !found {
			out = append(out, markupItem(m, false))
		}
	}
	return out
}

func markupItem(m string, missing bool) l10n.Text {
	kind, value, _ := strings.Cut(m, " ")
	switch {
	case kind == "link" && missing:
		return l10n.Msg("lint.markup.missingLink", "Dest", value)
	case kind == "link":
		return l10n.Msg("lint.markup.extraLink", "Dest", value)
	case kind == "code" && missing:
		return l10n.Msg("lint.markup.missingCode", "Code", value)
	case kind == "code":
		return l10n.Msg("lint.markup.extraCode", "Code", value)
	case missing:
		return l10n.Msg("lint.markup.missingCitation", "Number", value)
	default:
		return l10n.Msg("lint.markup.extraCitation", "Number", value)
	}
}

// markupText says which unit differs, with literal message IDs so that
// the catalog check finds them.
func markupText(u markupPair, diffs []l10n.Text) l10n.Text {
	switch u.kind {
	case segment.KindField:
		return l10n.Msg("lint.markup.field", "Field", u.field, "Diffs", diffs)
	case segment.KindHeading:
		return l10n.Msg("lint.markup.heading", "Diffs", diffs)
	case segment.KindCell:
		return l10n.Msg("lint.markup.cell", "Diffs", diffs)
	default:
		return l10n.Msg("lint.markup.paragraph", "Diffs", diffs)
	}
}
