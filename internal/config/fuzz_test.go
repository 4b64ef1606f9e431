package config

import (
	"bytes"
	"errors"
	"os"
	"testing"

	"github.com/glosa/glosa/internal/l10n"
)

// FuzzParse checks that Parse never panics, that every error it returns is
// an *l10n.Error on a line of the file, and that a configuration it accepts can
// be used: its patterns match and build paths without panicking.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("../../glosa.yaml"); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"source: en\nlanguages: [en, es]\n",
		"content:\n  - path: i18n/{lang}/docusaurus-plugin-content-docs/current/{slug}.md\n    paths: {en: 'docs/{slug}.md'}\n    exclude: [_category_.md]\n",
		"content:\n  - path: pages.{lang}/{slug}.md\n    paths:\n      en: pages/{slug}.md\n",
		"content:\n  - path: content/{slug}.{lang}.md\n    fields:\n      sources: [{text: text, url: url}]\n      meta: {a: key}\n",
		"rules:\n  locale-link: {severity: error, allow: [en]}\n  structure: off\n",
		"source: en\nsource: es\n",
		"languages: [en, es\n",
		"content:\n  - paths: {en: docs/{slug}.md}\n",
		"languages: [en, pt, zh]\naliases: {pt-BR: pt, zh_cn: zh}\nlocales:\n  - path: i18n/{lang}.yaml\n",
		"aliases:\n  pt-BR: pt\n  pt-PT: pt-BR\n  pt: pt\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("glosa.yaml", data)
		if err != nil {
			lines := bytes.Count(data, []byte("\n")) + 1
			errs := []error{err}
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			}
			for _, e := range errs {
				var ce *l10n.Error
				if !errors.As(e, &ce) || !errors.Is(e, ErrInvalid) {
					t.Fatalf("error %v is a %T, not an *l10n.Error wrapping ErrInvalid", e, e)
				}
				if ce.Line < 0 || ce.Line > lines {
					t.Fatalf("error %v is outside the file's %d lines", ce, lines)
				}
			}
			return
		}
		langs := append([]string{"en", "es"}, c.Languages...)
		for _, l := range c.Content {
			for _, code := range langs {
				p := l.Patterns.PathFor(code, "", "a/b")
				l.Patterns.Match(p, c.Languages)
				l.Excluded(p)
			}
			_ = l.Patterns.Roots()
		}
	})
}
