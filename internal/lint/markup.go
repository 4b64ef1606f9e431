package lint

import (
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/lang"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/segment"
	"github.com/glosa/glosa/internal/status"
)

var markupMismatch = Rule{
	ID:       "markup-mismatch",
	Severity: Warning,
	Summary:  "a paragraph, heading, table cell or text field of a translation has other link destinations, inline code or citations than the source's",
	check: func(c *checker, emit func(Finding)) {
		for _, p := range c.pairs() {
			if p.t.State == status.Untranslated {
				continue // a draft is work in progress
			}
			schema := c.repo.Schema(p.src)
			for _, u := range segment.Pairs(p.src.Doc, p.entry.Doc, schema, p.item.Slug) {
				src := markup(u.Source.Text)
				diffs := markupDiffs(src, localized(markup(u.Translation.Text), src, p.src.Lang, p.t.Lang))
				if len(diffs) == 0 {
					continue
				}
				fix := l10n.Msg("lint.markup.fix", "SourcePath", p.src.Path, "SourceLine", u.Source.Line)
				emit(Finding{Path: p.entry.Path, Line: u.Translation.Line, Column: 1, Lang: p.t.Lang, Slug: p.item.Slug,
					Text: markupText(u.Translation, diffs), FixText: fix})
				break // the first one says enough: the rest is often the same slip
			}
		}
	},
}

// markup returns the set of what a translation must carry over from text:
// "link <dest>", "code <text>", "cite <n>", sorted, without repeats.
func markup(text string) []string {
	return slices.Compact(markdown.Markup(text))
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
func markupText(u segment.Unit, diffs []l10n.Text) l10n.Text {
	switch u.Kind {
	case segment.KindField:
		field := u.ID[strings.LastIndex(u.ID, "#")+1:]
		return l10n.Msg("lint.markup.field", "Field", field, "Diffs", diffs)
	case segment.KindHeading:
		return l10n.Msg("lint.markup.heading", "Diffs", diffs)
	case segment.KindCell:
		return l10n.Msg("lint.markup.cell", "Diffs", diffs)
	default:
		return l10n.Msg("lint.markup.paragraph", "Diffs", diffs)
	}
}
