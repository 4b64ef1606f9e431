package dashboard

import (
	"bufio"
	"bytes"
	"html/template"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/status"
)

// reference parses testdata/rows.html, the templates the row writers
// stand for, with the pages' functions.
func reference(t *testing.T, l *l10n.Localizer) *template.Template {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "rows.html"))
	if err != nil {
		t.Fatal(err)
	}
	tp, err := parse(l)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tp.New("rows").Parse(string(data)); err != nil {
		t.Fatal(err)
	}
	return tp
}

// hostile are strings that html/template escapes in every way it can:
// markup, quotes, NUL, invalid UTF-8, percent signs with and without
// valid escapes, schemes it refuses and accepts, non-ASCII.
var hostile = []string{
	"", "plain", `"><img src=x onerror=alert(1)>`, "a'b\"c&d+e<f>g", "nul\x00byte", "bad\xffutf8\xc3",
	"%", "%4", "%41", "a%41", "a%4g%zz%%", "100% done", "javascript:alert(1)", "JavaScript:x", "vbscript:x",
	"http://example.com/a b?c=d&e=f+g#h", "HTTPS://x", "mailto:a@b", "../../a:b/c", "a:b", "/abs:c",
	"dir/javascript:x", "ünïcödé/日本語 ✓", "tab\tnew\nline\rcr", "{}|\\^`", "!#$&'()*+,/:;=?@[]-._~",
	"\ufffd\ufdd0\uffff", "?q=%zz", "data:text/html,<b>",
}

// TestRowsEscaping checks that writeText and writeURL write what
// html/template writes for a string in text, in a quoted attribute and
// in a quoted href.
func TestRowsEscaping(t *testing.T) {
	tp := reference(t, l10n.English())
	for _, s := range hostile {
		var want bytes.Buffer
		if err := tp.ExecuteTemplate(&want, "escape", s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		w := bufio.NewWriter(&got)
		w.WriteString(`<p title="`)
		writeText(w, s)
		w.WriteString(`">`)
		writeText(w, s)
		w.WriteString(`<a href="`)
		writeURL(w, s)
		w.WriteString(`">x</a></p>`)
		w.Flush()
		if diff := cmp.Diff(want.String(), got.String()); diff != "" {
			t.Errorf("%q escaped differently (-html/template +ours):\n%s", s, diff)
		}
	}
}

// TestRows checks that matrixRows and workRows write what the templates
// of testdata/rows.html give, on the test project and on rows made of
// hostile strings, in English and Spanish.
func TestRows(t *testing.T) {
	for _, lang := range []language.Tag{language.English, language.Spanish} {
		in := project(t)
		in.L = l10n.New(lang)
		m := Build(in)
		m.FillWork()
		addHostile(m)
		tp := reference(t, in.L)
		for _, mx := range []Matrix{m.Matrix, {Rows: m.Matrix.Rows}} { // with and without categories
			var want, got bytes.Buffer
			if err := tp.ExecuteTemplate(&want, "matrixRows", mx); err != nil {
				t.Fatal(err)
			}
			w := bufio.NewWriter(&got)
			matrixRows(w, &mx, in.L)
			w.Flush()
			if diff := cmp.Diff(want.String(), got.String()); diff != "" {
				t.Errorf("%s: matrix rows differ (-template +matrixRows):\n%s", lang, diff)
			}
		}
		n := 0
		for _, p := range m.Pages {
			for i := range p.Work {
				g := &p.Work[i]
				n += len(g.Items)
				var want bytes.Buffer
				if err := tp.ExecuteTemplate(&want, "workRows", g); err != nil {
					t.Fatal(err)
				}
				var got bytes.Buffer
				w := bufio.NewWriter(&got)
				workRows(w, g, in.L)
				w.Flush()
				if diff := cmp.Diff(want.String(), got.String()); diff != "" {
					t.Errorf("%s: %s work rows of %s differ (-template +workRows):\n%s", lang, p.Lang, g.State.Code, diff)
				}
			}
		}
		if n == 0 {
			t.Fatal("no work rows to compare")
		}
	}
}

// addHostile adds to m a matrix row and a work item per state made of
// hostile strings.
func addHostile(m *Model) {
	for i, s := range hostile {
		link := &Link{Path: s, URL: s}
		row := MatrixRow{Slug: s, Title: s, TitleLang: s, Categories: []string{s, s}}
		if i%2 == 0 {
			row.Source = link
		}
		for j, c := range m.Matrix.Rows[0].Cells {
			c.Lang = s
			switch j % 3 {
			case 0:
				c.File = link
			case 1:
				c.File = nil
			case 2:
				c.State, c.File = State{}, nil
			}
			row.Cells = append(row.Cells, c)
		}
		m.Matrix.Rows = append(m.Matrix.Rows, row)
		for pi := range m.Pages {
			for gi := range m.Pages[pi].Work {
				g := &m.Pages[pi].Work[gi]
				item := WorkItem{Slug: s, Title: s, TitleLang: s, Reason: s, Words: i * 1000, File: Link{Path: s, URL: s}}
				if i%2 == 0 {
					item.Source, item.File.URL = link, ""
				}
				if i%3 == 0 {
					item.Change = &ChangeView{Summary: s, Lines: []ChangeLine{{Before: s, Text: s, After: s, TextLang: s}, {Before: s}}}
				} else if i%3 == 1 {
					item.Change = &ChangeView{}
				}
				g.Items = append(g.Items, item)
			}
		}
	}
}

// TestReason compares reason, which words each code once with stand-ins,
// with l10n wording each reason with its values, in every UI language,
// with hostile values (controls, markup, the stand-ins themselves).
func TestReason(t *testing.T) {
	codes := []status.Reason{status.NoSource, status.SourceRenamed, status.NoFile, status.Unparsable, status.SourceUnparsable,
		status.Draft, status.SameText, status.NoRecord, status.RecordSourceMissing, status.RecordMatches, status.SourceChanged,
		status.CommitMatches, status.CommitChanged, status.CommitUnknown, status.MinorEdit}
	values := append([]string{"", "guide/intro", slugMark + sourceMark, "a\x1b[31mb\nc"}, hostile...)
	for _, lang := range []language.Tag{language.English, language.Spanish, language.Italian} {
		b := &builder{l: l10n.New(lang)}
		for _, code := range codes {
			for i, v := range values {
				slug, src, newSlug := v, values[(i+1)%len(values)], values[(i+2)%len(values)]
				want := b.l.T("reason."+string(code), "Slug", slug, "Source", src, "NewSlug", newSlug)
				if got := b.reason(code, slug, src, newSlug); got != want {
					t.Errorf("%s %s (%q, %q, %q): %q, l10n words %q", lang, code, slug, src, newSlug, got, want)
				}
			}
		}
	}
}

// FuzzFillMarks compares fillMarks with the strings.Replacer it stands
// for, on templates with stand-ins, their bytes split and other private
// characters beside them.
func FuzzFillMarks(f *testing.F) {
	for _, s := range []string{"", "plain", slugMark, "a" + slugMark + "b" + sourceMark + newSlugMark + "c",
		"\ue000\ue004" + slugMark, "\xee\x80", "\xee\x80\xee\x80\x81", "x\xee", slugMark[:2] + newSlugMark} {
		f.Add(s, "slug", "src/x", "new")
	}
	f.Fuzz(func(t *testing.T, tpl, slug, src, newSlug string) {
		want := strings.NewReplacer(slugMark, slug, sourceMark, src, newSlugMark, newSlug).Replace(tpl)
		if got := fillMarks(tpl, [3]string{slug, src, newSlug}); got != want {
			t.Errorf("fillMarks(%q) = %q, Replacer gives %q", tpl, got, want)
		}
	})
}

// FuzzEscapePath compares escapePath, which leaves a path with nothing to
// escape as it is, with escaping each segment.
func FuzzEscapePath(f *testing.F) {
	for _, s := range append([]string{"content/es/a.md", "a b/c", "a//b/", "/", "~x/_y-.z"}, hostile...) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		segs := strings.Split(p, "/")
		for i, s := range segs {
			segs[i] = url.PathEscape(s)
		}
		if got, want := escapePath(p), strings.Join(segs, "/"); got != want {
			t.Errorf("escapePath(%q) = %q, want %q", p, got, want)
		}
	})
}
