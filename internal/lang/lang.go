// Package lang parses BCP 47 language tags as glosa meets them in paths and
// configuration, and names them for people.
package lang

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/glosa/glosa/internal/l10n"
)

// Parse reads a language tag as written by a user or found in a path and
// returns its canonical BCP 47 form, the identity glosa uses for a language.
// An underscore separator (pt_BR, as tldr-pages and gettext write it) is
// accepted as a hyphen. Parse never invents a tag for unknown input: it uses
// language.Parse, not language.Make.
func Parse(s string) (string, error) {
	if p, ok := parsed.Load(s); ok {
		p := p.(parseResult)
		return p.code, p.err
	}
	code, err := parse(s)
	if parsedCount.Add(1) <= maxParsed {
		parsed.Store(s, parseResult{code, err})
	}
	return code, err
}

// parsed remembers what Parse said of a string: the lint rules ask about
// every segment of every link, and the same few come back again and
// again. At most maxParsed are kept.
var (
	parsed      sync.Map // string → parseResult
	parsedCount atomic.Int64
)

const maxParsed = 1 << 16

type parseResult struct {
	code string
	err  error
}

func parse(s string) (string, error) {
	if s == "" {
		return "", l10n.Errorf("lang.empty")
	}
	t, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil {
		return "", l10n.Errorf("lang.invalid", "Tag", strconv.Quote(s))
	}
	return t.String(), nil
}

// Name returns the language's name in the language itself ("español" for
// es), or the tag when no name is known.
func Name(code string) string {
	t, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.Self.Name(t); n != "" {
		return n
	}
	return code
}

// Base returns the primary language subtag of a canonical tag ("es" for
// "es-419").
func Base(code string) string {
	base, _, _ := strings.Cut(code, "-")
	return strings.ToLower(base)
}

// EnglishName returns the language's English name ("Italian" for it), for
// messages; the tag when no name is known.
func EnglishName(code string) string {
	t, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.English.Tags().Name(t); n != "" {
		return n
	}
	return code
}

// Region returns the region subtag a canonical tag names ("BR" for pt-BR,
// "419" for es-419, "TW" for zh-Hant-TW), or "" when it names none.
func Region(code string) string {
	t, err := language.Parse(code)
	if err != nil {
		return ""
	}
	if r, conf := t.Region(); conf == language.Exact {
		return r.String()
	}
	return ""
}
