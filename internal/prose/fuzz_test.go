package prose

import (
	"testing"
	"unicode/utf8"
)

// FuzzWords checks that Words, Names and Message never panic, that a text
// that only names things has words, and that Message keeps valid UTF-8
// valid.
func FuzzWords(f *testing.F) {
	for _, s := range []string{
		"", "Install the package first.", "getStaticPaths() returns", "{{< x >}} {{% y %}} {.notranslate}",
		"f(a, b) form added", "``x`` :ref:`t <u>` `v <https://a>`_ |s|", "<code>x</code> <a href='b'>c</a>",
		"external ref='a.png' md5='0'", "Guido van Rossum", "a, b, c", "これはNode.jsのドキュメントです",
		"{{< comment >}} x", "%(", "{", "`", "<", "&amp", "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Words(s)
		if n < 0 {
			t.Fatalf("Words(%q) = %d", s, n)
		}
		if Names(s) && n == 0 {
			t.Fatalf("Names(%q) with no words", s)
		}
		m := Message(s)
		if utf8.ValidString(s) && !utf8.ValidString(m) {
			t.Fatalf("Message(%q) = %q, not UTF-8", s, m)
		}
		_ = Words(m)
	})
}
