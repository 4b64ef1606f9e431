package po

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const editInput = `# Translator comment that must survive.
msgid ""
msgstr ""
"Language: es\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#: a.go:1
msgid   "Keep"   
msgstr "Mantener"


#. odd spacing above is kept
#: a.go:2
msgid "Change"
msgstr ""

#, c-format
msgid "%d file"
msgid_plural "%d files"
msgstr[0] ""
msgstr[1] ""

# stray comment at the end
`

func TestEdits(t *testing.T) {
	tests := []struct {
		name string
		edit func(t *testing.T, f *File)
		want string
	}{
		{
			name: "no edit",
			edit: func(*testing.T, *File) {},
			want: editInput,
		},
		{
			name: "set msgstr",
			edit: func(t *testing.T, f *File) { f.Lookup("Change").SetTranslations("Cambiar") },
			want: replace(editInput, "msgid \"Change\"\nmsgstr \"\"\n", "msgid \"Change\"\nmsgstr \"Cambiar\"\n"),
		},
		{
			name: "set plural forms and fuzzy with previous msgid",
			edit: func(t *testing.T, f *File) {
				e := f.Lookup("%d file")
				e.SetTranslations("%d archivo", "%d archivos")
				e.SetFuzzy(true)
				e.SetPrevious(&Previous{ID: "%d document", HasPlural: true, Plural: "%d documents"})
			},
			want: replace(editInput, `#, c-format
msgid "%d file"
msgid_plural "%d files"
msgstr[0] ""
msgstr[1] ""
`, `#, fuzzy, c-format
#| msgid "%d document"
#| msgid_plural "%d documents"
msgid "%d file"
msgid_plural "%d files"
msgstr[0] "%d archivo"
msgstr[1] "%d archivos"
`),
		},
		{
			name: "clear fuzzy and previous",
			edit: func(t *testing.T, f *File) {
				e := f.Lookup("Change")
				e.SetFuzzy(true)
				e.SetFuzzy(false)
				e.SetPrevious(nil)
			},
			want: editInput,
		},
		{
			name: "add at the end, before the stray comment",
			edit: func(t *testing.T, f *File) {
				long := "A long new message that goes past the seventy-ninth column, so it is wrapped.\nSecond line."
				mustNil(t, f.Add(&Entry{References: []string{"b.go:9"}, ID: long, Translations: []string{""}}))
			},
			want: replace(editInput, "msgstr[1] \"\"\n", `msgstr[1] ""

#: b.go:9
msgid ""
"A long new message that goes past the seventy-ninth column, so it is "
"wrapped.\n"
"Second line."
msgstr ""
`),
		},
		{
			name: "insert after an entry",
			edit: func(t *testing.T, f *File) {
				mustNil(t, f.InsertAfter(f.Lookup("Keep"), &Entry{HasContext: true, Context: "verb", ID: "Keep", Translations: []string{"Guardar"}}))
			},
			want: replace(editInput, "msgstr \"Mantener\"\n", "msgstr \"Mantener\"\n\nmsgctxt \"verb\"\nmsgid \"Keep\"\nmsgstr \"Guardar\"\n"),
		},
		{
			name: "mark obsolete",
			edit: func(t *testing.T, f *File) { f.Lookup("Change").MarkObsolete() },
			want: replace(editInput, "msgid \"Change\"\nmsgstr \"\"\n", "#~ msgid \"Change\"\n#~ msgstr \"\"\n"),
		},
		{
			name: "remove",
			edit: func(t *testing.T, f *File) {
				if !f.Remove(f.Lookup("Change")) {
					t.Fatal("Remove found nothing")
				}
			},
			want: replace(editInput, "\n\n#. odd spacing above is kept\n#: a.go:2\nmsgid \"Change\"\nmsgstr \"\"\n", ""),
		},
		{
			name: "edit the header",
			edit: func(t *testing.T, f *File) {
				h := f.Header()
				h.SetTranslations(h.Translations[0] + "X-Generator: glosa\n")
			},
			want: replace(editInput, "(n != 1);\\n\"\n", "(n != 1);\\n\"\n\"X-Generator: glosa\\n\"\n"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := parseString(t, editInput)
			tt.edit(t, f)
			got := string(f.Encode())
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Encode after edit (-want +got):\n%s", diff)
			}
			if _, err := Parse([]byte(got)); err != nil {
				t.Errorf("edited file does not parse: %v", err)
			}
		})
	}
}

func TestAddRefusesDuplicates(t *testing.T) {
	f := parseString(t, editInput)
	if err := f.Add(&Entry{ID: "Keep"}); err == nil {
		t.Error("Add accepted a duplicate message")
	}
	if err := f.InsertAfter(&Entry{}, &Entry{ID: "new"}); err == nil {
		t.Error("InsertAfter accepted an entry that is not in the file")
	}
}

func TestEditKeepsCRLF(t *testing.T) {
	f := parseFile(t, "testdata/crlf_bom.po")
	f.Lookup("Bye").SetFuzzy(false)
	mustNil(t, f.Add(&Entry{ID: "New", Translations: []string{"Nouveau"}}))
	want := "\ufeffmsgid \"\"\r\nmsgstr \"\"\r\n\"Language: fr\\n\"\r\n\"Content-Type: text/plain; charset=UTF-8\\n\"\r\n\r\n" +
		"#: a.c:1\r\nmsgid \"Hello\"\r\nmsgstr \"Bonjour\"\r\n\r\nmsgid \"Bye\"\r\nmsgstr \"Salut\"\r\n\r\n" +
		"msgid \"New\"\r\nmsgstr \"Nouveau\"\r\n"
	if diff := cmp.Diff(want, string(f.Encode())); diff != "" {
		t.Errorf("Encode (-want +got):\n%s", diff)
	}
}

// replace replaces old, which must occur exactly once, in s.
func replace(s, old, new string) string {
	i := indexOnce(s, old)
	return s[:i] + new + s[i+len(old):]
}

// indexOnce returns the index of the only occurrence of sub in s, or panics:
// a broken test table is a programming error.
func indexOnce(s, sub string) int {
	first, n := -1, 0
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if n != 1 {
		panic("test table: " + sub + " does not occur exactly once")
	}
	return first
}

// mustNil fails the test on a non-nil error.
func mustNil(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestCanonicalStyle checks that re-formatted entries look as msgcat
// writes them, and, where msgcat is installed, that msgcat leaves them be.
func TestCanonicalStyle(t *testing.T) {
	f := &File{}
	for _, e := range []*Entry{
		{Translations: []string{"Content-Type: text/plain; charset=UTF-8\n"}},
		{
			Comments: []string{"translator", ""}, Extracted: []string{"extracted"}, References: []string{"a.c:1 b.c:2"},
			Flags: []string{"fuzzy", "c-format"}, Previous: &Previous{ID: "old %d"},
			ID:           "A long new message that goes past the seventy-ninth column, so it is wrapped.\nSecond line %d.",
			Translations: []string{"x\ty \"q\" \\ a"},
		},
		{ID: "exactly fitting 79 col message ............................abcdefghi", Translations: []string{"ending newline\n"}},
		{ID: "wordwithoutspaceswordwithoutspaceswordwithoutspaceswordwithoutspaceswordwithoutspaceswordwithoutspaces and more"},
		{HasContext: true, ID: "p", HasPlural: true, Plural: "ps", Translations: []string{"a", "b"}},
		{ID: "An obsolete long new message that goes past the seventy-ninth column, so it is wrapped.", Translations: []string{"short"}, Obsolete: true},
	} {
		mustNil(t, f.Add(e))
	}
	want := `msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

# translator
#
#. extracted
#: a.c:1 b.c:2
#, fuzzy, c-format
#| msgid "old %d"
msgid ""
"A long new message that goes past the seventy-ninth column, so it is "
"wrapped.\n"
"Second line %d."
msgstr "x\ty \"q\" \\ a"

msgid "exactly fitting 79 col message ............................abcdefghi"
msgstr "ending newline\n"

msgid ""
"wordwithoutspaceswordwithoutspaceswordwithoutspaceswordwithoutspaceswordwithoutspaceswordwithoutspaces "
"and more"
msgstr ""

msgctxt ""
msgid "p"
msgid_plural "ps"
msgstr[0] "a"
msgstr[1] "b"

#~ msgid ""
#~ "An obsolete long new message that goes past the seventy-ninth column, so "
#~ "it is wrapped."
#~ msgstr "short"
`
	got := string(f.Encode())
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Encode (-want +got):\n%s", diff)
	}
	msgcat, err := exec.LookPath("msgcat")
	if err != nil {
		return
	}
	cmd := exec.Command(msgcat, "-")
	cmd.Stdin = strings.NewReader(got)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("msgcat: %v", err)
	}
	if diff := cmp.Diff(string(out), got); diff != "" {
		t.Errorf("msgcat re-formats Encode's output (-msgcat +Encode):\n%s", diff)
	}
}
