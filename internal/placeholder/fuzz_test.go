package placeholder

import (
	"errors"
	"testing"
)

// The seeds are messages as they appear in go-i18n catalogs and PO files.
var templateSeeds = []string{
	"Hello {{.Name}}",
	"{{.Name}} has {{.Count}} cats.",
	"{{.PluralCount}} unread emails",
	`{{ .Count | printf "%d" }} files`,
	"{{if .Admin}}{{.Name}} (admin){{else}}{{.Guest}}{{end}}",
	"{{range $i, $f := .Files}}{{$i}}: {{$f.Path}} {{$.Owner}}{{end}}",
	"{{with .A}}{{.X}}{{else with .B}}{{.Y}}{{end}}",
	`{{define "x"}}{{.Inner}}{{end}}{{template "x" .Outer}}`,
	"{{/* comment */}}{{- .Name -}}",
	"¡Hola, {{.Nombre}}! Tienes {{.Count}} mensajes.",
	"Hello {{.Name",
	"{{.A}}{{end}}",
	"line one {{.A}}\nline two {{.B)}}",
	"{{(index .Users 0).Name}}",
	"plain text",
}

// FuzzFields checks that Fields never panics, that every field is found at
// its offset, that an error's offset lies within the message, and that a
// message compared with itself has no differences.
func FuzzFields(f *testing.F) {
	for _, s := range templateSeeds {
		f.Add(s, "", "")
	}
	f.Add("Hello <<.Name>>", "<<", ">>")
	f.Add("[[if .A]][[.B]][[end]]", "[[", "]]")
	f.Fuzz(func(t *testing.T, msg, left, right string) {
		ps, err := Fields(msg, left, right)
		checkResult(t, msg, ps, err)
		if err == nil {
			d, err := Compare(msg, msg, Options{LeftDelim: left, RightDelim: right})
			if err != nil || !d.Empty() {
				t.Errorf("Compare(%q, itself) = %+v, %v", msg, d, err)
			}
		}
	})
}

var verbSeeds = []string{
	"%s has %d files",
	"100%% done",
	"%5.2f|%-10s|%+v|%#x|%08b|% d",
	"%[2]d files in %[1]q",
	"%*d and %.*f",
	"%[3]*.[2]*[1]f",
	"%2$s is %1$d years old",
	"%1$*2$d",
	"%ld %lld %qd %hhu %zu %jd %Lf %lc %C %S %p %n %'d %I5d",
	"%s: %m",
	"Cannot open '%s': %s\n",
	"%d of %d",
	"100%",
	"%[1d",
	"%1$s %s",
	"%é",
}

// FuzzVerbs does for both printf syntaxes what FuzzFields does for
// templates.
func FuzzVerbs(f *testing.F) {
	for _, s := range verbSeeds {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, msg string, c bool) {
		syntax := GoFormat
		if c {
			syntax = CFormat
		}
		ps, err := Verbs(msg, syntax)
		checkResult(t, msg, ps, err)
		if err == nil {
			d, err := Compare(msg, msg, Options{Syntax: syntax})
			if err != nil || !d.Empty() {
				t.Errorf("Compare(%q, itself) = %+v, %v", msg, d, err)
			}
		}
	})
}

func checkResult(t *testing.T, msg string, ps []Placeholder, err error) {
	t.Helper()
	if err != nil {
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Fatalf("%q: error %v is not a *SyntaxError", msg, err)
		}
		if se.Offset < 0 || se.Offset > len(msg) {
			t.Fatalf("%q: error offset %d outside the message", msg, se.Offset)
		}
		return
	}
	for i, p := range ps {
		if p.Key == "" {
			t.Errorf("%q: placeholder %+v has no key", msg, p)
		}
		if i > 0 && ps[i-1].Offset > p.Offset {
			t.Errorf("%q: placeholders out of order", msg)
		}
	}
	checkPositions(t, msg, ps)
}
