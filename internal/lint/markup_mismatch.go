package lint

import (
	"slices"
	"strings"
	"sync"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/markupeq"
	"github.com/glosa/glosa/internal/segment"
	"github.com/glosa/glosa/internal/status"
)

// markupPlaceholders are what inline code may translate.
var markupPlaceholders = regexpsOption("placeholders",
	"Regular expressions of text inside inline code that a project translates by convention, blanked before comparing. "+
		"Unset, `{{…}}` and `<name>` (the placeholder syntax of command pages, templates and usage synopses); an empty list sets none aside.")

var _ = register(Rule{
	entries:  true,
	memo:     pairScope,
	ID:       "markup-mismatch",
	Severity: Warning,
	Summary:  "a paragraph, heading, table cell or text field of a translation has other link targets, inline code, citations or active inline HTML than the source's, or its HTML blocks other active HTML",
	Doc: "A paragraph, heading or table cell of a translation (paired with the source's by position, when both bodies have the same sequence of blocks), or a `text` field, has other link targets, inline code or citation numbers than the source's: a lost or changed link, a changed `code` span, a citation dropped or added, inline HTML that runs code or loads another page (a `<script>`, an `<iframe>`, an `onerror=` handler, a `javascript:` URL) added or changed — an error whatever the rule's severity, since it runs in every reader's browser. The HTML blocks of a translation (HTML on lines of its own; in MDX, lines of JSX tags) must hold the same active HTML as the source's, item for item wherever each block stands: one the translation adds is an error at its block's line, one it lacks is reported at the body's first line. A link is the same however spelled (`http`/`https`, `www.`, a trailing slash, a locale marker, another site's translated page of the same place); code is the same once the placeholders the `placeholders` option names are blanked.\n" +
		"\n" +
		"**Example.** The Spanish paragraph cites another paper than the source's:\n" +
		"\n" +
		"```\n" +
		"content/es/attention.md:9:1: warning: this paragraph's links, code or citations differ from the source's: missing link https://arxiv.org/abs/1706.03762, extra link https://arxiv.org/abs/1409.0473 [markup-mismatch]\n" +
		"    fix: carry over the links, code and citations of content/en/attention.md:9 unchanged\n" +
		"```\n" +
		"\n" +
		"**Fix.** Carry the links, code and citations over unchanged; translate only the text around them. Remove the active HTML the source has not; carry over what it has.\n" +
		"\n" +
		"**Limits.** Other HTML, inline or in HTML blocks (`<strong>`, `<kbd>`, `<div align=\"center\">`, `<details>`, an `<img>` of an ordinary file, an MDX component), is not compared: translators add and drop formatting. Image files are not compared (a translation may show a localized screenshot; a lost image is `structure`'s). A changed code span is not reported when an example's names or a phrase are said in the reader's language. Drafts (`untranslated`) are not checked. Citations are compared only where entries have the citation-range field.",
	Options: []*Option{markupPlaceholders.Option},
	check: func(c *checker, emit func(Finding)) {
		eq := markupeq.New(markupeq.Options{Languages: c.repo.Languages, Placeholders: markupPlaceholders.of(c)})
		cite := c.citationField()
		for _, p := range c.pairs() {
			if p.t.State == status.Untranslated {
				continue // a draft is work in progress
			}
			// [3]rd is not a citation where entries have no sources.
			_, cites := c.repo.Schema(p.src).Fields[cite]
			page := pagePath(p.item.Slug)
			sp, tp := markupeq.Page{Lang: p.src.Lang, Path: page}, markupeq.Page{Lang: p.t.Lang, Path: page}
			srcEx, trEx := codeBlocks(p.src), codeBlocks(p.entry)
			units := markupPairs(c, p.src, p.entry, c.repo.Schema(p.src))
			same := func(s, t markupPair) bool {
				a, b := unitMarkup(s.src, cites), unitMarkup(t.tr, cites)
				if len(a) == 0 || len(b) == 0 {
					return false // markup, not its absence, says where a block went
				}
				return eq.Equal(markupeq.Unit{Markup: a, Page: sp}, markupeq.Unit{Markup: b, Page: tp})
			}
			for i, u := range units {
				missing, extra := eq.Diff(markupeq.Unit{Markup: unitMarkup(u.src, cites), Text: u.srcText, Examples: srcEx, Page: sp},
					markupeq.Unit{Markup: unitMarkup(u.tr, cites), Text: u.trText, Examples: trEx, Page: tp})
				if len(missing) == 0 && len(extra) == 0 || shifted(units, i, same) {
					continue
				}
				fix := l10n.Msg("lint.markup.fix", "SourcePath", p.src.Path, "SourceLine", u.srcLine)
				f := Finding{Path: p.entry.Path, Line: u.line, Column: 1, Lang: p.t.Lang, Slug: p.item.Slug,
					Text: markupText(u, markupDiffs(missing, extra)), FixText: fix}
				if slices.ContainsFunc(extra, func(m string) bool { return strings.HasPrefix(m, "html ") }) {
					// Code the source does not run, given by whoever wrote
					// the translation: never a matter of wording.
					f.Severity = Error
				}
				emit(f)
			}
			htmlBlockFindings(eq, p, sp, tp, emit)
		}
	},
})

// htmlBlockFindings compares the active HTML of the HTML blocks of a
// translation's body with the source's, item for item and wherever each
// block stands (an HTML block is no unit pairing by position sees): what
// the translation adds is an error at the line of its block, naming it;
// what it lacks, the rule's finding at the body's first line, naming the
// source's line.
func htmlBlockFindings(eq *markupeq.Matcher, p pair, sp, tp markupeq.Page, emit func(Finding)) {
	sb, tb := p.src.Body().HTMLBlocks, p.entry.Body().HTMLBlocks
	if len(sb) == 0 && len(tb) == 0 {
		return
	}
	src, srcLines := htmlItems(sb)
	tr, trLines := htmlItems(tb)
	missing, extra := eq.Unmatched(src, sp, tr, tp)
	finding := func(line int, text, fix l10n.Text) Finding {
		return Finding{Path: p.entry.Path, Line: line, Column: 1, Lang: p.t.Lang, Slug: p.item.Slug, Text: text, FixText: fix}
	}
	for len(extra) > 0 {
		// The extra items of one block, which extra lists in order.
		line, n := trLines[extra[0]], 0
		var items []string
		for ; n < len(extra) && trLines[extra[n]] == line; n++ {
			items = append(items, tr[extra[n]])
		}
		extra = extra[n:]
		f := finding(line, l10n.Msg("lint.markup.htmlBlock", "Diffs", markupDiffs(nil, items)),
			l10n.Msg("lint.markup.htmlExtraFix", "Tags", htmlTags(items), "SourcePath", p.src.Path))
		// Code the source does not run: never a matter of wording.
		f.Severity = Error
		emit(f)
	}
	if len(missing) > 0 {
		var items []string
		for _, i := range missing {
			items = append(items, src[i])
		}
		emit(finding(p.entry.FirstBodyLine(), l10n.Msg("lint.markup.htmlBlocks", "Diffs", markupDiffs(items, nil)),
			l10n.Msg("lint.markup.htmlMissingFix", "Tags", htmlTags(items), "SourcePath", p.src.Path, "SourceLine", srcLines[missing[0]])))
	}
}

// htmlItems lists the active HTML of HTML blocks, each item with its
// block's line.
func htmlItems(blocks []markdown.HTMLBlock) (items []string, lines []int) {
	for _, b := range blocks {
		for _, m := range b.Markup {
			items = append(items, m)
			lines = append(lines, b.Line)
		}
	}
	return items, lines
}

// htmlTags writes "html" items as the tags they are: <script>, <iframe src="…">.
func htmlTags(items []string) string {
	tags := make([]string, len(items))
	for i, m := range items {
		tags[i] = "<" + strings.TrimPrefix(m, "html ") + ">"
	}
	return strings.Join(tags, ", ")
}

// shifted reports whether body unit i was paired with the wrong one: the
// two bodies have the same sequence of block kinds, yet the translation's
// block carries the markup of a source block a few before or after it, or
// the source's that of a translation block near it — blocks added,
// removed or moved, which pairing by position cannot see.
func shifted(units []markupPair, i int, same func(s, t markupPair) bool) bool {
	u := units[i]
	if u.kind == segment.KindField {
		return false
	}
	for j := i - shiftWindow; j <= i+shiftWindow; j++ {
		if j == i || j < 0 || j >= len(units) || units[j].kind == segment.KindField {
			continue
		}
		if len(u.tr) > 0 && same(units[j], u) || len(u.src) > 0 && same(u, units[j]) {
			return true
		}
	}
	return false
}

// shiftWindow is how many blocks away shifted looks for the markup of a
// block paired with the wrong one.
const shiftWindow = 3

// codeBlocks returns what gives the text of an entry's code blocks,
// read once and only when asked for.
func codeBlocks(e *content.Entry) func() string {
	return sync.OnceValue(e.CodeBlocks)
}

// unitMarkup returns a unit's markup without repeats and, unless cites,
// without its citations. The summary keeps its own slice.
func unitMarkup(items []string, cites bool) []string {
	var out []string
	for _, m := range items {
		if (cites || !strings.HasPrefix(m, "cite ")) && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// pagePath is the URL path an entry is likely served at, without its
// language (markupeq sets locale markers aside): its slug as a folder, an
// index page's being its folder's. Relative links resolve against it.
func pagePath(slug string) string {
	for _, index := range []string{"index", "_index", "README", "readme"} {
		if slug == index {
			return "/"
		}
		slug = strings.TrimSuffix(slug, "/"+index)
	}
	return "/" + slug + "/"
}

// markupPair is a unit of a translation (a text field or a body block)
// and the source's unit it translates, with what each carries (see
// markdown.Markup).
type markupPair struct {
	kind, field     string
	src, tr         []string
	srcText, trText func() string
	line, srcLine   int
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
			sv, tv := v.Node.Value, t.Node.Value
			out = append(out, markupPair{kind: segment.KindField, field: v.Path,
				src: c.markup(sv), tr: c.markup(tv),
				srcText: func() string { return sv }, trText: func() string { return tv },
				line: t.Node.Line, srcLine: v.Node.Line})
		}
	}
	sb, tb := src.Body().Blocks, tr.Body().Blocks
	if !sameBlockKinds(sb, tb) {
		return out
	}
	out = slices.Grow(out, len(sb))
	for i := range sb {
		out = append(out, markupPair{kind: tb[i].Kind, src: sb[i].Markup, tr: tb[i].Markup,
			srcText: func() string { return src.BlockText(i) }, trText: func() string { return tr.BlockText(i) },
			line: tb[i].Line, srcLine: sb[i].Line})
	}
	return out
}

// sameBlockKinds reports whether two bodies have the same sequence of
// block kinds: then their blocks pair by position.
func sameBlockKinds(sb, tb []markdown.Block) bool {
	if len(sb) != len(tb) {
		return false
	}
	for i := range sb {
		if sb[i].Kind != tb[i].Kind {
			return false
		}
	}
	return true
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
func markupDiffs(missing, extra []string) []l10n.Text {
	var out []l10n.Text
	for _, m := range missing {
		out = append(out, markupItem(m, true))
	}
	for _, m := range extra {
		out = append(out, markupItem(m, false))
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
	case kind == "html" && missing:
		return l10n.Msg("lint.markup.missingHTML", "Tag", "<"+value+">")
	case kind == "html":
		return l10n.Msg("lint.markup.extraHTML", "Tag", "<"+value+">")
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
