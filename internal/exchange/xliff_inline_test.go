package exchange

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/glosa/glosa/internal/l10n"
)

// ignoreErr leaves Unit.Err out of comparisons: it is what a file says
// wrong, which writing does not keep.
var ignoreErr = cmpopts.IgnoreFields(Unit{}, "Err")

// show writes pieces as a test reads them: text, {kind:code} for a
// standalone code, [kind:start|inner|end] for a spanning one.
func show(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		switch {
		case p.kind == "":
			b.WriteString(p.text)
		case p.spanning():
			b.WriteString("[" + p.kind + ":" + p.start + "|" + show(p.inner) + "|" + p.end + "]")
		default:
			b.WriteString("{" + p.kind + ":" + p.text + "}")
		}
	}
	return b.String()
}

func TestCut(t *testing.T) {
	md := Unit{Kind: "paragraph"}
	mdx := Unit{Kind: "paragraph", Refs: []Ref{{Path: "docs/x.mdx"}}}
	tests := []struct {
		name string
		u    Unit
		text string
		want string
	}{
		{"plain", md, "Just words, *emphasis* and all.", "Just words, *emphasis* and all."},
		{"no kind is text", Unit{}, "`x` [a](b)", "`x` [a](b)"},
		{"code span", md, "Run `go test` now", "Run {code:`go test`} now"},
		{"code span with backticks", md, "A `` `x` `` b", "A {code:`` `x` ``} b"},
		{"link", md, "See [the docs](/en/docs/) now", "See [link:[|the docs|](/en/docs/)] now"},
		{"link with title and parens", md, "[a](https://x.test/a_(b) \"T\").", "[link:[|a|](https://x.test/a_(b) \"T\")]."},
		{"link around emphasis and code", md, "[*a* `b`](u)", "[link:[|*a* {code:`b`}|](u)]"},
		{"image in a link", md, "[![alt](i.png)](u)", "[link:[|{image:![alt](i.png)}|](u)]"},
		{"empty link", md, "x [](u) y", "x [link:[||](u)] y"},
		{"image", md, "An ![alt *text*](i.png \"t\") here", "An {image:![alt *text*](i.png \"t\")} here"},
		{"autolinks", md, "<https://x.test> and www.y.test.", "{url:<https://x.test>} and {url:www.y.test}."},
		{"inline HTML", md, "Press <kbd>Ctrl</kbd>", "Press {html:<kbd>}Ctrl{html:</kbd>}"},
		{"citations", md, "As shown [2, 3] and [4].", "As shown {cite:[2, 3]} and {cite:[4]}."},
		{"shortcodes", md, "{{< ref \"x\" >}} and {{% note %}}hi{{% /note %}}", "{shortcode:{{< ref \"x\" >}}} and {shortcode:{{% note %}}}hi{shortcode:{{% /note %}}}"},
		{"shortcode as a link's destination is no link", md, "[a]({{< ref \"x\" >}})", "[a]({shortcode:{{< ref \"x\" >}}})"},
		{"shortcode in link text", md, "[a {{< b >}}](u)", "[link:[|a {shortcode:{{< b >}}}|](u)]"},
		{"code holding a shortcode", md, "`{{< x >}}`", "{code:`{{< x >}}`}"},
		{"multi-line link", md, "[a\nb](u)", "[link:[|a\nb|](u)]"},
		{"reference link is text", md, "[a][ref] and [b]", "[a][ref] and [b]"},
		{"MDX tag and expression", mdx, "Use <Badge text=\"x\" /> and {props.name}.", "Use {html:<Badge text=\"x\" />} and {html:{props.name}}."},
		{"c-format", Unit{Kind: KindMessage, Flags: []string{"c-format"}}, "%d of %5.2f%% and %s", "{placeholder:%d} of {placeholder:%5.2f}%% and {placeholder:%s}"},
		{"go-format", Unit{Kind: KindMessage, Flags: []string{"go-format"}}, "%[2]d %v", "{placeholder:%[2]d} {placeholder:%v}"},
		{"bad c-format is text", Unit{Kind: KindMessage, Flags: []string{"c-format"}}, "100%", "100%"},
		{"template", Unit{Kind: KindMessage}, "Hi {{.Name}}{{if .X}}!{{end}}", "Hi {placeholder:{{.Name}}}{placeholder:{{if .X}}}!{placeholder:{{end}}}"},
		{"not a template is text", Unit{Kind: KindMessage}, "a {{ b", "a {{ b"},
		{"message is no Markdown", Unit{Kind: KindMessage}, "`x` [a](b)", "`x` [a](b)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := cut(&tt.u, tt.text)
			if got := joinPieces(ps); got != tt.text {
				t.Errorf("pieces join to %q, want the text %q", got, tt.text)
			}
			if diff := cmp.Diff(tt.want, show(ps)); diff != "" {
				t.Errorf("cut (-want +got):\n%s", diff)
			}
		})
	}
}

func TestInlineOfTarget(t *testing.T) {
	u := &Unit{Kind: "paragraph"}
	tests := []struct {
		name, source, target string
		want                 []string // the target's code ids in order; nil for text
	}{
		{"same codes moved", "`a` then [b](u)", "[b](u) puis `a`", []string{"2", "1"}},
		{"localized link", "[a](/en/x/) and [b](/en/y/)", "[a](/fr/x/) et [b](/fr/y/)", []string{"1", "2"}},
		{"equal code first", "`a` `b`", "`b` `a`", []string{"2", "1"}},
		{"a code lost", "`a` `b`", "`a`", nil},
		{"a code added", "`a`", "`a` `b`", nil},
		{"other kind", "`a`", "[a](u)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := inlineOf(u, tt.source, tt.target)
			var got []string
			for _, c := range codesOf(in.target) {
				got = append(got, c.id)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("target ids (-want +got):\n%s", diff)
			}
			if joinPieces(in.target) != tt.target {
				t.Errorf("target pieces join to %q", joinPieces(in.target))
			}
		})
	}
}

// TestReadXLIFFTags reads targets whose tags a translator moved, left out,
// doubled or renamed: the unit is read, and its Err says what is wrong
// and where.
func TestReadXLIFFTags(t *testing.T) {
	unit12 := func(target string) string {
		return `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:glosa="https://github.com/glosa/glosa/xliff">
<file original="glosa" source-language="en" target-language="fr" datatype="plaintext"><body>
<trans-unit id="u" glosa:kind="paragraph">
<source>Run <ph id="1" ctype="x-code">` + "`go`" + `</ph> in <bpt id="2" ctype="link">[</bpt>the docs<ept id="2">](/en/x/)</ept></source>
<target state="translated">` + target + `</target>
</trans-unit></body></file></xliff>`
	}
	unit20 := func(target string) string {
		return `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr"><file id="f">
<unit id="u"><originalData><data id="d1">` + "`go`" + `</data><data id="d2">[</data><data id="d3">](/en/x/)</data><data id="d4">](/fr/x/)</data></originalData>
<segment state="final"><source>Run <ph id="1" dataRef="d1"/> in <pc id="2" dataRefStart="d2" dataRefEnd="d3">the docs</pc></source>
<target>` + target + `</target></segment></unit></file></xliff>`
	}
	tests := []struct {
		name, data string
		target     string
		err        *posErr
	}{
		{"1.2 moved and localized", unit12(`Dans <bpt id="2">[</bpt>la doc<ept id="2">](/fr/x/)</ept>, lancez <ph id="1">` + "`go`" + `</ph>`),
			"Dans [la doc](/fr/x/), lancez `go`", nil},
		{"1.2 tags as a tool rebuilds them", unit12(`Lancez <ph id="1"/> dans <bpt id="2"/>la doc<ept id="2"/>`), "Lancez `go` dans [la doc](/en/x/)", nil},
		{"1.2 text without tags", unit12("Lancez `go` dans [la doc](/fr/x/)"), "Lancez `go` dans [la doc](/fr/x/)", nil},
		{"1.2 tag missing", unit12(`Lancez <ph id="1">` + "`go`" + `</ph> dans la <bpt id="2">[</bpt>doc`), "Lancez `go` dans la [doc",
			&posErr{5, 1, `unit "u": the translation lacks the source's tag <ept id="2"> (inline code, a link, a placeholder): put it back where the translation needs it`}},
		{"1.2 tag twice", unit12(`<ph id="1">` + "`go`" + `</ph> <ph id="1">` + "`go`" + `</ph> <bpt id="2"/>x<ept id="2"/>`), "`go` `go` [x](/en/x/)",
			&posErr{5, 49, `unit "u": the translation has the tag <ph id="1"> twice, the source once`}},
		{"1.2 id changed", unit12(`<ph id="3">` + "`go`" + `</ph> <bpt id="2"/>x<ept id="2"/>`), "`go` [x](/en/x/)",
			&posErr{5, 28, `unit "u": the translation has a tag <ph id="3"> the source has not (a tag changed or made up): use the source's tags`}},
		{"2.0 moved and localized", unit20(`Dans <pc id="2" dataRefStart="d2" dataRefEnd="d4">la doc</pc>, lancez <ph id="1" dataRef="d1"/>`),
			"Dans [la doc](/fr/x/), lancez `go`", nil},
		{"2.0 tag missing", unit20(`Lancez dans <pc id="2" dataRefStart="d2" dataRefEnd="d4">la doc</pc>`), "Lancez dans [la doc](/fr/x/)",
			&posErr{4, 1, `unit "u": the translation lacks the source's tag <ph id="1"> (inline code, a link, a placeholder): put it back where the translation needs it`}},
		{"2.0 pc as ph", unit20(`<ph id="1" dataRef="d1"/> <ph id="2" dataRef="d2"/>`), "`go` [",
			&posErr{4, 35, `unit "u": the translation has a tag <ph id="2"> the source has not (a tag changed or made up): use the source's tags`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ReadXLIFF([]byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			u := f.Units[0]
			if u.Target != tt.target {
				t.Errorf("Target = %q, want %q", u.Target, tt.target)
			}
			if tt.err == nil {
				if u.Err != nil {
					t.Errorf("Err = %v, want none", u.Err)
				}
				return
			}
			var se *l10n.Error
			if !errors.As(u.Err, &se) {
				t.Fatalf("Err = %v, want an *l10n.Error", u.Err)
			}
			if diff := cmp.Diff(*tt.err, posErr{se.Line, se.Column, se.Text.String()}); diff != "" {
				t.Errorf("Err (-want +got):\n%s", diff)
			}
		})
	}
}

// TestXLIFFInlineOutput pins what a CAT tool is given for a unit with
// codes, in both versions.
func TestXLIFFInlineOutput(t *testing.T) {
	f := &File{SourceLang: "en", TargetLang: "fr", Original: "glosa", Units: []Unit{{
		ID: "p", Kind: "paragraph", State: Translated,
		Source: "Run `go` in [the docs](/en/x/).", Target: "Lancez `go` dans [la doc](/fr/x/).",
	}}}
	want := map[Format][]string{
		xliff12: {
			"<source>Run <ph id=\"1\" ctype=\"x-code\">`go`</ph> in <bpt id=\"2\" ctype=\"link\">[</bpt>the docs<ept id=\"2\">](/en/x/)</ept>.</source>",
			"<target state=\"translated\">Lancez <ph id=\"1\" ctype=\"x-code\">`go`</ph> dans <bpt id=\"2\" ctype=\"link\">[</bpt>la doc<ept id=\"2\">](/fr/x/)</ept>.</target>",
		},
		xliff20: {
			"<data id=\"d1\">`go`</data>", "<data id=\"d2\">[</data>", "<data id=\"d3\">](/en/x/)</data>", "<data id=\"d4\">](/fr/x/)</data>",
			"<source>Run <ph id=\"1\" dataRef=\"d1\" type=\"other\" subType=\"glosa:code\"/> in <pc id=\"2\" dataRefStart=\"d2\" dataRefEnd=\"d3\" type=\"link\" subType=\"glosa:link\">the docs</pc>.</source>",
			"<target>Lancez <ph id=\"1\" dataRef=\"d1\" type=\"other\" subType=\"glosa:code\"/> dans <pc id=\"2\" dataRefStart=\"d2\" dataRefEnd=\"d4\" type=\"link\" subType=\"glosa:link\">la doc</pc>.</target>",
		},
	}
	for _, w := range writers {
		var buf bytes.Buffer
		if err := w.write(&buf, f); err != nil {
			t.Fatal(err)
		}
		for _, line := range want[w.name] {
			if !strings.Contains(buf.String(), line) {
				t.Errorf("%s: no line %s in\n%s", w.name, line, buf.Bytes())
			}
		}
	}
}
