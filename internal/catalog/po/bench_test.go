package po

import (
	"fmt"
	"strings"
	"testing"
)

// corpus returns a PO file of n entries in the mix a real catalog has:
// references, flags, contexts, plurals, long wrapped strings and escapes.
func corpus(n int) []byte {
	var b strings.Builder
	b.WriteString("msgid \"\"\nmsgstr \"\"\n\"Language: pl\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n" +
		"\"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n\"\n")
	for i := range n {
		fmt.Fprintf(&b, "\n#. extracted comment %d\n#: src/file%d.go:%d src/other.go:%d\n", i, i%50, i, i*7)
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "#, fuzzy, c-format\n#| msgid \"Old message %%d number %d\"\nmsgid \"Message %%d number %d\"\nmsgstr \"Wiadomość %%d numer %d\"\n", i, i, i)
		case 1:
			fmt.Fprintf(&b, "msgctxt \"menu\"\nmsgid \"Item %d\"\nmsgid_plural \"Items %d\"\nmsgstr[0] \"Pozycja\"\nmsgstr[1] \"Pozycje\"\nmsgstr[2] \"Pozycji\"\n", i, i)
		case 2:
			fmt.Fprintf(&b, "msgid \"\"\n\"A long paragraph %d that was wrapped at the seventy-ninth column by msgcat, \"\n"+
				"\"with \\\"quotes\\\", tabs\\t and a newline.\\n\"\n\"Second line.\"\nmsgstr \"\"\n"+
				"\"Długi akapit, zawinięty w siedemdziesiątej dziewiątej kolumnie przez msgcat, \"\n\"z \\\"cudzysłowami\\\".\\n\"\n", i)
		case 3:
			fmt.Fprintf(&b, "msgid \"Untranslated %d\"\nmsgstr \"\"\n", i)
		default:
			fmt.Fprintf(&b, "#~ msgid \"Obsolete %d\"\n#~ msgstr \"Przestarzały %d\"\n", i, i)
		}
	}
	return []byte(b.String())
}

func BenchmarkParse5000(b *testing.B) {
	data := corpus(5000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode5000(b *testing.B) {
	f, err := Parse(corpus(5000))
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range f.Entries[1:100] {
		e.SetFuzzy(false) // some entries re-formatted, most copied
	}
	for b.Loop() {
		f.Encode()
	}
}

func TestCorpusParses(t *testing.T) {
	f := parseString(t, string(corpus(50)))
	if got, want := f.Stats(), (Stats{Translated: 20, Fuzzy: 10, Untranslated: 10}); got != want {
		t.Errorf("Stats = %+v, want %+v", got, want)
	}
}
