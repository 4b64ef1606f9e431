package po

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestStatsMatchMsgfmt checks Stats against msgfmt --statistics on the
// hand-written files under testdata and on generated ones.
func TestStatsMatchMsgfmt(t *testing.T) {
	msgfmt := requireMsgfmt(t)
	dir := t.TempDir()
	files := map[string][]byte{}
	for _, path := range seedFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// msgfmt refuses a byte order mark, which Parse tolerates.
		files[filepath.Base(path)] = []byte(strings.TrimPrefix(string(data), "\ufeff"))
	}
	for name, text := range statsCases() {
		files[name+".po"] = []byte(text)
	}
	for i := range 200 {
		files[fmt.Sprintf("gen%03d.po", i)] = generate(rand.New(rand.NewPCG(uint64(i), 42)))
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			want, err := msgfmtStats(msgfmt, path)
			f, perr := Parse(data)
			if err != nil {
				if perr == nil {
					t.Errorf("msgfmt fails, Parse does not: %v\n%s", err, data)
				}
				return
			}
			if perr != nil {
				t.Fatalf("%s:%v", name, perr)
			}
			if got := f.Stats(); got != want {
				t.Errorf("Stats = %+v, msgfmt says %+v\n%s", got, want, data)
			}
		})
	}
}

// TestEditedFilesPassMsgfmtCheck edits generated files through the API and
// checks that msgfmt -c accepts what Encode writes and counts it as Stats
// does.
func TestEditedFilesPassMsgfmtCheck(t *testing.T) {
	msgfmt := requireMsgfmt(t)
	dir := t.TempDir()
	for i := range 100 {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			t.Parallel()
			editAndCheck(t, msgfmt, dir, i)
		})
	}
}

// editAndCheck edits generated file number i and runs msgfmt -c on it.
func editAndCheck(t *testing.T, msgfmt, dir string, i int) {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	f, err := Parse(generate(r))
	if err != nil {
		t.Fatal(err)
	}
	editRandomly(t, r, f)
	data := f.Encode()
	path := filepath.Join(dir, fmt.Sprintf("edit%03d.po", i))
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(msgfmt, "-c", "--check-format", "-o", os.DevNull, path).CombinedOutput()
	if err != nil {
		t.Fatalf("msgfmt -c rejects an edited file: %v\n%s\n%s", err, out, data)
	}
	want, err := msgfmtStats(msgfmt, path)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse(data)
	if err != nil {
		t.Fatalf("edited file does not parse: %v\n%s", err, data)
	}
	if got := g.Stats(); got != want {
		t.Errorf("edited file: Stats = %+v, msgfmt says %+v\n%s", got, want, data)
	}
}

// statsCases returns hand-written files for the corners of msgfmt's
// counting, and files msgfmt refuses.
func statsCases() map[string]string {
	return map[string]string{
		"empty": ``,
		"empty-header": `msgid ""
msgstr ""
`,
		"fuzzy-empty-header": `#, fuzzy
msgid ""
msgstr ""

msgid "a"
msgstr "b"
`,
		"fuzzy-header": `#, fuzzy
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

#, fuzzy
msgid "a"
msgstr "b"
`,
		"fuzzy-empty": `msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

#, fuzzy
msgid "a"
msgstr ""
`,
		"plural-first-form-only": `msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;\n"

msgid "a"
msgid_plural "as"
msgstr[0] "x"
msgstr[1] ""
msgstr[2] ""

msgid "b"
msgid_plural "bs"
msgstr[0] ""
msgstr[1] "y"
msgstr[2] "z"

#, fuzzy
msgid "c"
msgid_plural "cs"
msgstr[0] ""
msgstr[1] "y"
msgstr[2] "z"
`,
		"obsolete-only": `msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

#~ msgid "a"
#~ msgstr ""

#, fuzzy
#~ msgid "b"
#~ msgstr "c"
`,
		"spaced-plural-index": `msgid "a"
msgid_plural "as"
msgstr[ 0] "x"
msgstr [1] "y"
`,
		"blank-lines-inside": `msgid "a"


msgstr "b"
`,
		// msgfmt refuses the files below; Parse must refuse them too.
		"bad-duplicate-obsolete": `msgid "a"
msgstr "b"

#~ msgid "a"
#~ msgstr "c"
`,
		"bad-comment-inside": `msgid "a"
# comment
msgstr "b"
`,
		"bad-plural-index": `msgid "a"
msgid_plural "as"
msgstr[0] "x"
msgstr[2] "y"
`,
		"bad-mixed-obsolete": `msgid "a"
msgstr "b"
#~ "c"
`,
		"bad-escape": `msgid "a"
msgstr "\q"
`,
		"bad-eot": `msgid "a\004b"
msgstr ""
`,
		"context-empty-id": `msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgctxt "ctx"
msgid ""
msgstr "not a header"

msgctxt ""
msgid "a"
msgstr ""
`,
	}
}

// requireMsgfmt returns msgfmt's path or skips the test.
func requireMsgfmt(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("msgfmt")
	if err != nil {
		t.Skip("msgfmt is not installed")
	}
	return path
}

// msgfmtStats runs msgfmt --statistics on a file and reads its counts.
func msgfmtStats(msgfmt, path string) (Stats, error) {
	cmd := exec.Command(msgfmt, "--statistics", "-o", os.DevNull, path)
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return Stats{}, fmt.Errorf("msgfmt: %v\n%s", err, out)
	}
	re := regexp.MustCompile(`(\d+) (translated messages?|fuzzy translations?|untranslated messages?)`)
	var s Stats
	found := false
	for _, m := range re.FindAllStringSubmatch(string(out), -1) {
		n, _ := strconv.Atoi(m[1])
		found = true
		switch {
		case strings.HasPrefix(m[2], "translated"):
			s.Translated = n
		case strings.HasPrefix(m[2], "fuzzy"):
			s.Fuzzy = n
		default:
			s.Untranslated = n
		}
	}
	if !found {
		return Stats{}, errors.New("no statistics in msgfmt's output:\n" + string(out))
	}
	return s, nil
}

// generate writes a random PO file by hand, independently of Encode: a
// header of some kind, then translated, empty, fuzzy, plural, obsolete,
// context and multi-line entries with comments and escapes.
func generate(r *rand.Rand) []byte {
	var b strings.Builder
	nplurals := 1 + r.IntN(6)
	header := r.IntN(5)
	if header == 0 {
		nplurals = 2 // msgfmt's default without a Plural-Forms field
	}
	if header > 0 {
		if header == 1 {
			b.WriteString("#, fuzzy\n")
		}
		b.WriteString("# header comment\nmsgid \"\"\nmsgstr \"\"\n")
		b.WriteString("\"Content-Type: text/plain; charset=UTF-8\\n\"\n")
		fmt.Fprintf(&b, "\"Plural-Forms: nplurals=%d; plural=n%%%d;\\n\"\n", nplurals, nplurals)
	} else if r.IntN(2) == 0 {
		b.WriteString("msgid \"\"\nmsgstr \"\"\n")
	}
	for i := range r.IntN(40) {
		b.WriteString(strings.Repeat("\n", 1+r.IntN(2)))
		obsolete := r.IntN(6) == 0
		kw := ""
		if obsolete {
			kw = "#~ "
		}
		if r.IntN(4) == 0 {
			b.WriteString("# translator comment\n")
		}
		if r.IntN(3) == 0 {
			fmt.Fprintf(&b, "#. extracted %d\n#: file.c:%d other.c:%d\n", i, i, i+1)
		}
		if r.IntN(3) == 0 {
			b.WriteString("#, fuzzy\n")
			if r.IntN(2) == 0 {
				prev := "#| "
				if obsolete {
					prev = "#~| "
				}
				fmt.Fprintf(&b, "%smsgid \"old %d\"\n", prev, i)
			}
		}
		if r.IntN(4) == 0 {
			fmt.Fprintf(&b, "%smsgctxt \"ctx %d\"\n", kw, r.IntN(3))
		}
		id := fmt.Sprintf("message %d", i)
		writeGen(&b, r, kw, "msgid", id)
		if r.IntN(3) == 0 && header != 0 {
			writeGen(&b, r, kw, "msgid_plural", id+" plural")
			for n := range nplurals {
				writeGen(&b, r, kw, fmt.Sprintf("msgstr[%d]", n), genTranslation(r))
			}
			continue
		}
		writeGen(&b, r, kw, "msgstr", genTranslation(r))
	}
	if r.IntN(4) == 0 {
		b.WriteString("\n# trailing comment\n")
	}
	return []byte(b.String())
}

// genTranslation returns an empty or a filled translation, as PO source.
func genTranslation(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return ""
	}
	return []string{"traducción", `con \"comillas\"`, `tab\there`, `octal \101 hex \x42 `, `back\\slash`}[r.IntN(5)]
}

// writeGen writes a keyword and an already escaped string, on one line or
// split into continuation lines.
func writeGen(b *strings.Builder, r *rand.Rand, prefix, keyword, s string) {
	if s == "" || r.IntN(3) > 0 {
		fmt.Fprintf(b, "%s%s \"%s\"\n", prefix, keyword, s)
		return
	}
	// Split after a space, or anywhere in text without escapes, but
	// never inside a UTF-8 sequence.
	var cuts []int
	for i := 1; i < len(s); i++ {
		if s[i-1] == ' ' || !strings.Contains(s, `\`) && utf8.RuneStart(s[i]) {
			cuts = append(cuts, i)
		}
	}
	if len(cuts) == 0 {
		fmt.Fprintf(b, "%s%s \"%s\"\n", prefix, keyword, s)
		return
	}
	cut := cuts[r.IntN(len(cuts))]
	fmt.Fprintf(b, "%s%s \"\"\n", prefix, keyword)
	fmt.Fprintf(b, "%s\"%s\"\n%s\"%s\"\n", prefix, s[:cut], prefix, s[cut:])
}

// editRandomly applies random edits through the API, the way glosa sync
// would: translate, mark or clear fuzzy with a previous msgid, obsolete,
// remove and add entries.
func editRandomly(t *testing.T, r *rand.Rand, f *File) {
	t.Helper()
	nplurals, _, ok := f.PluralForms()
	if !ok {
		nplurals = 2
	}
	header := "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n"
	if h := f.Header(); h == nil {
		mustNil(t, f.Add(&Entry{Translations: []string{header}}))
	} else if h.Translations[0] == "" {
		h.SetTranslations(header)
	}
	for _, e := range append([]*Entry(nil), f.Entries...) {
		if e.IsHeader() {
			continue
		}
		switch r.IntN(6) {
		case 0:
			forms := make([]string, max(1, len(e.Translations)))
			for i := range forms {
				forms[i] = "nuevo " + strconv.Itoa(i)
			}
			e.SetTranslations(forms...)
		case 1:
			e.SetFuzzy(true)
			e.SetPrevious(&Previous{ID: "previous " + e.ID})
		case 2:
			e.SetFuzzy(false)
			e.SetPrevious(nil)
		case 3:
			e.MarkObsolete()
		case 4:
			f.Remove(e)
		}
	}
	for i := range r.IntN(5) {
		e := &Entry{
			Comments:   []string{"added by a test"},
			References: []string{fmt.Sprintf("new.c:%d", i)},
			Flags:      []string{"c-format"},
			ID:         fmt.Sprintf("new %%d message %d with a text long enough to be wrapped by the writer at the seventy-ninth column", i),
		}
		if r.IntN(2) == 0 {
			e.HasPlural, e.Plural = true, "new %d messages\nover two lines"
			for n := range nplurals {
				e.Translations = append(e.Translations, fmt.Sprintf("form %d: %%d", n))
			}
		} else {
			e.Translations = []string{"nuevo %d \"mensaje\"\t\\"}
		}
		mustNil(t, f.Add(e))
	}
}
