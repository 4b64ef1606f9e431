package exchange

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
)

// export writes spanishFile in format s.
func export(t *testing.T, s *Spec) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, spanishFile(), s.Name); err != nil {
		t.Fatalf("%s: %v", s.Name, err)
	}
	return b.Bytes()
}

// readsAs is the format a file exported in s reads back as.
func readsAs(s *Spec) Format {
	if s.ReadAs != "" {
		return s.ReadAs
	}
	return s.Name
}

// TestFormatsRoundTrip checks every declared format: what export writes,
// import reads back, told from its content alone, with every unit and its
// translation.
func TestFormatsRoundTrip(t *testing.T) {
	for _, s := range Formats() {
		if s.Write == nil || s.Template() {
			// A template has no language, so no plural forms to read
			// back; TestDetect reads its kind.
			continue
		}
		t.Run(string(s.Name), func(t *testing.T) {
			f, err := Read("upload"+s.Ext(), export(t, s))
			if err != nil {
				t.Fatalf("reading the export back: %v", err)
			}
			if f.Format != readsAs(s) {
				t.Errorf("Format = %q, want %q", f.Format, readsAs(s))
			}
			want := targets(spanishFile(), false)
			if s.Memory {
				// A memory holds pairs: translated, not plural.
				for _, u := range spanishFile().Units {
					if u.Plural() || u.Target == "" {
						delete(want, u.ID)
					}
				}
			}
			if diff := cmp.Diff(want, targets(f, s.SourceInTarget)); diff != "" {
				t.Errorf("units (-want +got):\n%s", diff)
			}
		})
	}
}

// targets maps the ID of each unit of f to its translation, "" when it has
// none; with sourceInTarget, a unit of spanishFile without one was written
// with its source's text instead.
func targets(f *File, sourceInTarget bool) map[string]string {
	untranslated := map[string]bool{}
	for _, u := range spanishFile().Units {
		untranslated[u.ID] = !u.HasTarget()
	}
	out := map[string]string{}
	for _, u := range f.Units {
		out[u.ID] = ""
		if u.HasTarget() && (!sourceInTarget || !untranslated[u.ID]) {
			out[u.ID] = u.Target + strings.Join(sortedForms(u.TargetForms), "|")
		}
	}
	return out
}

// sortedForms lists a plural unit's forms as category=text, sorted.
func sortedForms(forms map[string]string) []string {
	var out []string
	for _, c := range pluralCategories {
		if t, ok := forms[c]; ok {
			out = append(out, c+"="+t)
		}
	}
	return out
}

// TestDetect checks that each format's export is told from its content
// alone, by its own format and by no other with a signature.
func TestDetect(t *testing.T) {
	for _, s := range Formats() {
		if s.Write == nil {
			continue
		}
		data := export(t, s)
		// The name says nothing: the content does.
		if got := Detect("upload.txt", data); got != readsAs(s) {
			t.Errorf("Detect(%s export) = %q, want %q", s.Name, got, readsAs(s))
		}
		text := bytes.TrimSpace(data)
		var claims []Format
		for _, o := range Formats() {
			if o.Detect != nil && !o.Guess && o.Detect("upload.txt", text) {
				claims = append(claims, o.Name)
			}
		}
		if len(claims) > 1 {
			t.Errorf("%s export: claimed by %v; a signature must be one format's", s.Name, claims)
		}
	}
	for _, tt := range []struct {
		name, data string
		want       Format
	}{
		{"x", "just some text\n", ""},
		// A cell, a string or a note about gettext is not a PO file.
		{"t.csv", "id,kind,state,it,es,notes,references\r\nm,message,translated,\"a\nmsgid \"\"x\"\"\",b,,\r\n", "csv"},
		{"t.json", "{\"m\": {\"other\": \"a\"},\n  \"n\": \"b\"\n}\nmsgid \"x\"\n", "goi18n-json"},
		{"t.xlf", "<xliff version=\"2.0\">\nmsgid \"x\"\n</xliff>", "xliff20"},
		{"t.xlf", "<html>\nmsgid \"x\"\n</html>", "xliff12"}, // whose reader says it is no XLIFF
	} {
		if got := Detect(tt.name, []byte(tt.data)); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.data, got, tt.want)
		}
	}
}

// TestDeclarations checks what each declaration must say.
func TestDeclarations(t *testing.T) {
	for _, s := range Formats() {
		if s.Name == "" || s.Label == "" || s.File == "" || s.Ext() == "" || s.Notes == "" {
			t.Errorf("%s: a format needs a name, a label, a file name with an extension and notes: %+v", s.Name, s)
		}
		if s.Write == nil && s.WriteGlossary == nil && s.Detect == nil {
			t.Errorf("%s: neither written nor read", s.Name)
		}
		if s.WriteGlossary != nil && (s.Write != nil || s.Detect != nil || s.Template()) {
			t.Errorf("%s: a glossary format writes terms, per language pair, and nothing else", s.Name)
		}
		if (s.Detect == nil) != (s.Read == nil) {
			t.Errorf("%s: Detect and Read go together", s.Name)
		}
		if s.Detect == nil && s.Write != nil && Lookup(s.ReadAs) == nil {
			t.Errorf("%s: not detected, and ReadAs %q is no format", s.Name, s.ReadAs)
		}
		if Lookup(s.Name) != s {
			t.Errorf("Lookup(%s) does not find it", s.Name)
		}
	}
}

// TestReadUnknown checks that a file no format reads is refused with the
// list of what import reads.
func TestReadUnknown(t *testing.T) {
	_, err := Read("notes.txt", []byte("just some text\n"))
	var le *l10n.Error
	if !errors.As(err, &le) || le.Line != 1 || le.Column != 1 {
		t.Fatalf("Read(plain text) error = %v, want an *l10n.Error at 1:1", err)
	}
	msg := le.Text.String()
	for _, s := range Formats() {
		if s.Detect != nil && !strings.Contains(msg, s.Label) {
			t.Errorf("the error %q does not name %s", msg, s.Label)
		}
	}
}
