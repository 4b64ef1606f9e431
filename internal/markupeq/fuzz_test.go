package markupeq

import (
	"strings"
	"testing"
)

// FuzzSameLink: any destination is the same link as itself, written on
// the same page, and a comparison never panics; the shape of any code
// names each of its words once.
func FuzzSameLink(f *testing.F) {
	for _, s := range []string{"https://www.example.com/en-US/docs/x?hl=en#top", "../x/", "/fr/x/", "img/menu_pt_BR.png",
		"https://ja.wikipedia.org/wiki/合意", "mailto:a@b", "%zz", "{{path/to/file}} 'a b' <p>x</p>"} {
		f.Add(s, "/guides/x/")
	}
	m := New(Options{Languages: []string{"en", "fr", "ja", "pt-BR"}})
	f.Fuzz(func(t *testing.T, dest, page string) {
		p := Page{Lang: "fr", Path: page}
		if !m.SameLink(dest, p, dest, p) {
			t.Fatalf("%q is not the same link as itself", dest)
		}
		m.SameLink(dest, Page{Lang: "en", Path: page}, dest+"/", p)
		m.SameCode(dest, strings.ToUpper(dest))
		shaped, words := shape(dest)
		if n := strings.Count(shaped, "a") + strings.Count(shaped, "s"); n != len(words) {
			t.Fatalf("shape(%q) = %q with %d words, want %d", dest, shaped, len(words), n)
		}
	})
}
