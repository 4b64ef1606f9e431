package layout

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/glosa/glosa/internal/lang"
)

// Code reports whether s, a folder name or a file-name suffix, is a
// language code as translation layouts write them, and returns its
// canonical BCP 47 tag. It is stricter than glosa's reading of paths in a
// configured layout, because here nothing says a language is expected: a
// folder named docs, img or src must not become a language.
//
//   - The tag must parse with golang.org/x/text/language (pt_BR, pt-br,
//     zh-Hans, es-419 do); private-use tags (x-pirate) and the special codes
//     und, mul, zxx, mis are not taken.
//   - Its primary subtag must be written as BCP 47 writes it today: in, iw,
//     sh, mo and tl are old spellings, and in or sh are more often a
//     folder's name than Indonesian or Serbo-Croatian.
//   - A two-letter primary subtag is an ISO 639-1 code: any is taken. A
//     three-letter one is taken only when CLDR has a locale for the
//     language (fil, yue, haw, ast): ISO 639-3 makes a language of api,
//     app, doc, lib, dev, log and src.
func Code(s string) (string, bool) {
	if s == "" || strings.HasPrefix(strings.ToLower(s), "x-") || strings.HasPrefix(strings.ToLower(s), "x_") {
		return "", false
	}
	code, err := lang.Parse(s)
	if err != nil {
		return "", false
	}
	t, err := language.Parse(code)
	if err != nil {
		return "", false
	}
	base, conf := t.Base()
	if conf != language.Exact {
		return "", false
	}
	written := strings.ToLower(s)
	if i := strings.IndexAny(written, "-_"); i >= 0 {
		written = written[:i]
	}
	if base.String() != written {
		return "", false
	}
	switch written {
	case "und", "mul", "zxx", "mis":
		return "", false
	}
	switch len(written) {
	case 2:
		return code, true
	case 3:
		b, err := language.Parse(written)
		if err != nil || display.Self.Name(b) == "" {
			return "", false
		}
		return code, true
	}
	return "", false
}

// weakCode reports whether s is a three-letter ISO 639 code that Code
// refuses only because CLDR has no locale for the language (pnb, Western
// Punjabi), and returns it. Such a name is a language only where its
// neighbours confirm it: api, doc and lib are codes of this kind too.
func weakCode(s string) (string, bool) {
	if len(s) != 3 || s != strings.ToLower(s) {
		return "", false
	}
	if _, ok := Code(s); ok {
		return "", false
	}
	t, err := language.Parse(s)
	if err != nil {
		return "", false
	}
	if base, conf := t.Base(); conf != language.Exact || base.String() != s {
		return "", false
	}
	switch s {
	case "und", "mul", "zxx", "mis":
		return "", false
	}
	return s, true
}
