package placeholder

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// keys returns the keys of ps, for tables that do not care about offsets.
func keys(ps []Placeholder) []string {
	var ks []string
	for _, p := range ps {
		ks = append(ks, p.Key)
	}
	return ks
}

func TestFields(t *testing.T) {
	tests := []struct {
		name        string
		msg         string
		left, right string
		want        []Placeholder
	}{
		{name: "plain text", msg: "Hello, world"},
		{name: "plain text with braces", msg: "Use { and } freely"},
		{
			name: "simple",
			msg:  "Hello {{.Name}}",
			want: []Placeholder{{Key: ".Name", Text: ".Name", Offset: 8}},
		},
		{
			name: "chain and spaces",
			msg:  "{{ .User.Name }} has {{.Count}} messages",
			want: []Placeholder{
				{Key: ".User.Name", Text: ".User.Name", Offset: 3},
				{Key: ".Count", Text: ".Count", Offset: 23},
			},
		},
		{
			name: "pipeline",
			msg:  `{{ .Count | printf "%d" }} files`,
			want: []Placeholder{{Key: ".Count", Text: ".Count", Offset: 3}},
		},
		{
			name: "function arguments and parentheses",
			msg:  `{{printf "%s/%s" .Dir (lower .Base)}}`,
			want: []Placeholder{
				{Key: ".Dir", Text: ".Dir", Offset: 17},
				{Key: ".Base", Text: ".Base", Offset: 29},
			},
		},
		{
			name: "if else",
			msg:  "{{if .Admin}}{{.Name}} (admin){{else}}{{.Guest}}{{end}}",
			want: []Placeholder{
				{Key: ".Admin", Text: ".Admin", Offset: 5},
				{Key: ".Name", Text: ".Name", Offset: 15},
				{Key: ".Guest", Text: ".Guest", Offset: 40},
			},
		},
		{
			name: "range with variables and dot",
			msg:  "{{range $i, $f := .Files}}{{$i}}: {{$f.Path}} {{.}} {{$.Owner}}{{end}}",
			want: []Placeholder{
				{Key: ".Files", Text: ".Files", Offset: 18},
				{Key: ".", Text: ".", Offset: 48},
				{Key: ".Owner", Text: "$.Owner", Offset: 54},
			},
		},
		{
			name: "with and else with",
			msg:  "{{with .A}}{{.X}}{{else with .B}}{{.Y}}{{end}}",
			want: []Placeholder{
				{Key: ".A", Text: ".A", Offset: 7},
				{Key: ".X", Text: ".X", Offset: 13},
				{Key: ".B", Text: ".B", Offset: 29},
				{Key: ".Y", Text: ".Y", Offset: 35},
			},
		},
		{
			name: "trim markers and comments",
			msg:  "{{/* a comment */}}{{- .Name -}} !",
			want: []Placeholder{{Key: ".Name", Text: ".Name", Offset: 23}},
		},
		{
			name: "field of a pipeline is not a field of dot",
			msg:  "{{(index .Users 0).Name}}",
			want: []Placeholder{{Key: ".Users", Text: ".Users", Offset: 9}},
		},
		{
			name: "define and template",
			msg:  `{{define "x"}}{{.Inner}}{{end}}{{template "x" .Outer}}`,
			want: []Placeholder{
				{Key: ".Inner", Text: ".Inner", Offset: 16},
				{Key: ".Outer", Text: ".Outer", Offset: 46},
			},
		},
		{
			name: "repeated field",
			msg:  "{{.N}} and {{.N}}",
			want: []Placeholder{
				{Key: ".N", Text: ".N", Offset: 2},
				{Key: ".N", Text: ".N", Offset: 13},
			},
		},
		{
			name: "custom delimiters",
			msg:  "Hello <<.Name>>, {{.NotAField}}",
			left: "<<", right: ">>",
			want: []Placeholder{{Key: ".Name", Text: ".Name", Offset: 8}},
		},
		{
			name: "non-ASCII text before",
			msg:  "¡Hola, {{.Nombre}}!",
			want: []Placeholder{{Key: ".Nombre", Text: ".Nombre", Offset: 10}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Fields(tt.msg, tt.left, tt.right)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Fields(%q) (-want +got):\n%s", tt.msg, diff)
			}
			checkPositions(t, tt.msg, got)
		})
	}
}

func TestFieldsErrors(t *testing.T) {
	tests := []struct {
		name   string
		msg    string
		offset int
	}{
		{"unclosed action", "Hello {{.Name", 6},
		{"unclosed action after a good one", "{{.A}} and {{.B", 11},
		{"bad field", "Hi {{.Name}} and {{.}}{{.Bad!}}", 22},
		{"missing end", "{{if .A}}yes", 0},
		{"second line", "line one {{.A}}\nline two {{.B)}}", 25},
		{"unexpected end", "{{.A}}{{end}}", 0},
		{"unterminated string", `{{printf "%d .N}}`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Fields(tt.msg, "", "")
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Fields(%q) error = %v, want a *SyntaxError", tt.msg, err)
			}
			if se.Offset != tt.offset {
				t.Errorf("Fields(%q) offset = %d, want %d (%s)", tt.msg, se.Offset, tt.offset, se.Text)
			}
			if se.Text.IsZero() {
				t.Error("empty message")
			}
		})
	}
}

func TestGoVerbs(t *testing.T) {
	tests := []struct {
		msg  string
		want []Placeholder
	}{
		{"no verbs", nil},
		{"100%% done", nil},
		{"%s has %d files", []Placeholder{
			{Key: "%[1]s", Text: "%s", Offset: 0},
			{Key: "%[2]d", Text: "%d", Offset: 7},
		}},
		{"%5.2f|%-10s|%+v|%#x|%08b|% d", []Placeholder{
			{Key: "%[1]f", Text: "%5.2f", Offset: 0},
			{Key: "%[2]s", Text: "%-10s", Offset: 6},
			{Key: "%[3]v", Text: "%+v", Offset: 12},
			{Key: "%[4]x", Text: "%#x", Offset: 16},
			{Key: "%[5]b", Text: "%08b", Offset: 20},
			{Key: "%[6]d", Text: "% d", Offset: 25},
		}},
		{"%[2]d files in %[1]q", []Placeholder{
			{Key: "%[2]d", Text: "%[2]d", Offset: 0},
			{Key: "%[1]q", Text: "%[1]q", Offset: 15},
		}},
		{"%[1]d %d %T", []Placeholder{
			{Key: "%[1]d", Text: "%[1]d", Offset: 0},
			{Key: "%[2]d", Text: "%d", Offset: 6},
			{Key: "%[3]T", Text: "%T", Offset: 9},
		}},
		{"%*d and %.*f", []Placeholder{
			{Key: "%[2]d", Text: "%*d", Offset: 0},
			{Key: "%[1]*", Text: "*", Offset: 1},
			{Key: "%[4]f", Text: "%.*f", Offset: 8},
			{Key: "%[3]*", Text: "*", Offset: 10},
		}},
		{"%[3]*.[2]*[1]f", []Placeholder{
			{Key: "%[1]f", Text: "%[3]*.[2]*[1]f", Offset: 0},
			{Key: "%[3]*", Text: "*", Offset: 4},
			{Key: "%[2]*", Text: "*", Offset: 9},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.msg, func(t *testing.T) {
			got, err := Verbs(tt.msg, GoFormat)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Verbs(%q) (-want +got):\n%s", tt.msg, diff)
			}
			checkPositions(t, tt.msg, got)
		})
	}
}

func TestCVerbs(t *testing.T) {
	tests := []struct {
		msg  string
		want []string
	}{
		{"nothing", nil},
		{"100%% done", nil},
		{"%s: %m", []string{"%1$s"}},
		{"%s has %d files", []string{"%1$s", "%2$d"}},
		{"%i %u %X %o %e %G %a", []string{"%1$d", "%2$u", "%3$u", "%4$u", "%5$f", "%6$f", "%7$f"}},
		{"%ld %lld %qd %hhu %zu %jd %Lf %lc %C %S %p %n %'d %I5d", []string{
			"%1$ld", "%2$lld", "%3$lld", "%4$hhu", "%5$zu", "%6$jd", "%7$Lf", "%8$lc", "%9$lc", "%10$ls", "%11$p", "%12$n", "%13$d", "%14$d",
		}},
		{"%-10s|%5.2f|%+d|%#x|%08.3e", []string{"%1$s", "%2$f", "%3$d", "%4$u", "%5$f"}},
		{"%2$s is %1$d years old", []string{"%2$s", "%1$d"}},
		{"%*d %.*s", []string{"%2$d", "%1$*", "%4$s", "%3$*"}},
		{"%1$*2$d", []string{"%1$d", "%2$*"}},
	}
	for _, tt := range tests {
		t.Run(tt.msg, func(t *testing.T) {
			got, err := Verbs(tt.msg, CFormat)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, keys(got)); diff != "" {
				t.Errorf("Verbs(%q) keys (-want +got):\n%s", tt.msg, diff)
			}
			checkPositions(t, tt.msg, got)
		})
	}
}

func TestVerbsErrors(t *testing.T) {
	tests := []struct {
		syntax Syntax
		msg    string
		offset int
		want   string // the English of the error's Text
	}{
		{GoFormat, "100%", 3, "% at the end of the message has no verb"},
		{GoFormat, "50%-", 2, "% at the end of the message has no verb"},
		{GoFormat, "%[1d", 1, "unclosed argument index ["},
		{GoFormat, "%[0]d", 1, `bad argument index "[0]"`},
		{GoFormat, "ok %s then %!", 11, `unknown verb '!' in "%!"`},
		{GoFormat, "%é", 0, `unknown verb 'é' in "%é"`},
		{CFormat, "100%", 3, "% at the end of the message has no conversion"},
		{CFormat, "%5.2", 0, "% at the end of the message has no conversion"},
		{CFormat, "%s %y", 3, `unknown conversion "%y"`},
		{CFormat, "%1$s %s", 5, "numbered (%1$s) and unnumbered (%s) arguments are mixed"},
		{CFormat, "%s %2$s", 3, "numbered (%1$s) and unnumbered (%s) arguments are mixed"},
		{CFormat, "%ld %lé", 4, `unknown conversion "%lé"`},
	}
	for _, tt := range tests {
		t.Run(tt.syntax.String()+" "+tt.msg, func(t *testing.T) {
			_, err := Verbs(tt.msg, tt.syntax)
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error = %v, want a *SyntaxError", err)
			}
			if se.Offset != tt.offset {
				t.Errorf("offset = %d, want %d (%s)", se.Offset, tt.offset, se.Text)
			}
			if se.Text.ID == "" || se.Text.String() != tt.want {
				t.Errorf("text = %+v (%q), want a message saying %q", se.Text, se.Text.String(), tt.want)
			}
		})
	}
	if _, err := Verbs("x", Template); err == nil {
		t.Error("Verbs accepted the template syntax")
	}
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name       string
		opts       Options
		source, tr string
		missing    []Placeholder
		extra      []Placeholder
	}{
		{
			name:   "same fields, other order and count",
			source: "{{.Name}} has {{.Count}} files, {{.Name}}",
			tr:     "{{.Count}} Dateien hat {{.Name}}",
		},
		{
			name:    "missing and extra field",
			source:  "Hello {{.Name}}, you have {{.Count}} messages",
			tr:      "Hola {{.Nombre}}, tienes {{.Count}} mensajes",
			missing: []Placeholder{{Key: ".Name", Text: ".Name", Offset: 8}},
			extra:   []Placeholder{{Key: ".Nombre", Text: ".Nombre", Offset: 7}},
		},
		{
			name:    "translation as plain text",
			source:  "{{.Count}} files",
			tr:      "files",
			missing: []Placeholder{{Key: ".Count", Text: ".Count", Offset: 2}},
		},
		{
			name:   "$.Name equals .Name",
			source: "{{.Name}}",
			tr:     "{{$.Name}}",
		},
		{
			name:   "go-format reordered",
			opts:   Options{Syntax: GoFormat},
			source: "%s has %d files",
			tr:     "%[2]d Dateien hat %[1]s",
		},
		{
			name:    "go-format count matters",
			opts:    Options{Syntax: GoFormat},
			source:  "%d of %d",
			tr:      "%d",
			missing: []Placeholder{{Key: "%[2]d", Text: "%d", Offset: 6}},
		},
		{
			name:    "go-format verb type",
			opts:    Options{Syntax: GoFormat},
			source:  "%d files",
			tr:      "%v archivos %%",
			missing: []Placeholder{{Key: "%[1]d", Text: "%d", Offset: 0}},
			extra:   []Placeholder{{Key: "%[1]v", Text: "%v", Offset: 0}},
		},
		{
			name:   "c-format positional and synonyms",
			opts:   Options{Syntax: CFormat},
			source: "%s is %d years old",
			tr:     "%2$i ans a %1$s",
		},
		{
			name:   "c-format argument used twice",
			opts:   Options{Syntax: CFormat},
			source: "%1$s",
			tr:     "%1$s (%1$s)",
			extra:  []Placeholder{{Key: "%1$s", Text: "%1$s", Offset: 6}},
		},
		{
			name:    "c-format length",
			opts:    Options{Syntax: CFormat},
			source:  "%lu bytes",
			tr:      "%u octets",
			missing: []Placeholder{{Key: "%1$lu", Text: "%lu", Offset: 0}},
			extra:   []Placeholder{{Key: "%1$u", Text: "%u", Offset: 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Compare(tt.source, tt.tr, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			want := Diff{Missing: tt.missing, Extra: tt.extra}
			if diff := cmp.Diff(want, d); diff != "" {
				t.Errorf("Compare (-want +got):\n%s", diff)
			}
			if d.Empty() != (len(tt.missing)+len(tt.extra) == 0) {
				t.Errorf("Empty() = %v", d.Empty())
			}
		})
	}
}

func TestCompareErrors(t *testing.T) {
	tests := []struct {
		source, tr  string
		opts        Options
		translation bool
		offset      int
	}{
		{"{{.A", "{{.A}}", Options{}, false, 0},
		{"{{.A}}", "x {{.A", Options{}, true, 2},
		{"%d%", "%d", Options{Syntax: GoFormat}, false, 2},
		{"%d", "%d %", Options{Syntax: CFormat}, true, 3},
	}
	for _, tt := range tests {
		_, err := Compare(tt.source, tt.tr, tt.opts)
		var me *MessageError
		var se *SyntaxError
		if !errors.As(err, &me) || !errors.As(err, &se) {
			t.Errorf("Compare(%q, %q) error = %v, want a *MessageError wrapping a *SyntaxError", tt.source, tt.tr, err)
			continue
		}
		if me.Translation != tt.translation || se.Offset != tt.offset {
			t.Errorf("Compare(%q, %q): translation %v offset %d, want %v %d", tt.source, tt.tr, me.Translation, se.Offset, tt.translation, tt.offset)
		}
	}
}

// checkPositions checks that every placeholder's Text is found at its
// Offset.
func checkPositions(t *testing.T, msg string, ps []Placeholder) {
	t.Helper()
	for _, p := range ps {
		if p.Offset < 0 || p.Offset+len(p.Text) > len(msg) || msg[p.Offset:p.Offset+len(p.Text)] != p.Text {
			t.Errorf("%q: placeholder %+v is not at its offset", msg, p)
		}
	}
}

func TestSyntaxErrorColumn(t *testing.T) {
	tests := []struct {
		msg  string
		want int
	}{
		{"%s %y", 4},
		{"été %y", 5},
		{"%y", 1},
	}
	for _, tt := range tests {
		_, err := Verbs(tt.msg, CFormat)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("Verbs(%q) error = %v, want a *SyntaxError", tt.msg, err)
		}
		if got := se.Column(tt.msg); got != tt.want {
			t.Errorf("Column(%q) = %d, want %d (offset %d)", tt.msg, got, tt.want, se.Offset)
		}
	}
}
