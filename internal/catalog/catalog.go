// Package catalog finds the message catalogs of a repository, as the
// locales: section of glosa.yaml describes them, and reads each with the
// parser of its format: go-i18n files through package goi18n, gettext PO
// files through package po. A file that cannot be read is kept, with its
// error: the scan goes on.
package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/catalog/po"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
)

// File is one catalog file: a translation, a source, or a PO template.
type File struct {
	// Path is the slash-separated path from the repository root.
	Path string
	// Locale indexes the configuration's locales.
	Locale int
	// Lang is the canonical language tag, RawLang its spelling in the
	// path; both "" for a template.
	Lang, RawLang string
	// Domain is the {domain} part of the path, "" without one.
	Domain string
	// Template reports a PO template (.pot) named by template:.
	Template bool
	// Err is why the file could not be read, if it could not.
	Err *Error
	// GoI18n or PO holds the parsed file, by the locale's format.
	GoI18n *goi18n.File
	PO     *po.File
}

// Error is a problem reading a catalog, at a 1-based line and column (0
// when unknown).
type Error struct {
	Line, Col int
	// Text says what is wrong, worded in the user's language on a terminal.
	Text l10n.Text
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Text) }

// Scan finds and parses the catalogs of every locale. languages limits the
// languages read (nil reads every language found).
func Scan(root string, cfg *config.Config, languages []string) ([]*File, error) {
	var out []*File
	for i := range cfg.Locales {
		loc := &cfg.Locales[i]
		files, err := scanLocale(root, i, loc, languages)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

func scanLocale(root string, index int, loc *config.Locale, languages []string) ([]*File, error) {
	var out []*File
	seen := map[string]bool{}
	patterns := []*config.LocalePattern{loc.Pattern}
	if loc.Template != nil {
		patterns = append(patterns, loc.Template)
	}
	for _, pat := range patterns {
		start := filepath.Join(root, filepath.FromSlash(pat.Root()))
		err := filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() && p != start {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if p != start && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(name, ".") {
				return nil
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			if seen[rel] || loc.Excluded(rel) {
				return nil
			}
			f := match(index, loc, pat, rel, languages)
			if f == nil {
				return nil
			}
			seen[rel] = true
			load(root, loc, f)
			out = append(out, f)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("walking %s: %w", pat.Root(), err)
		}
	}
	return out, nil
}

// match returns the file rel as a catalog of the pattern, or nil.
func match(index int, loc *config.Locale, pat *config.LocalePattern, rel string, languages []string) *File {
	raw, domain, ok := pat.Match(rel)
	if !ok {
		return nil
	}
	f := &File{Path: rel, Locale: index, Domain: domain}
	if pat == loc.Template {
		f.Template = true
		return f
	}
	code := loc.Lang
	if pat.HasLang() {
		c, err := loc.Aliases.Parse(raw)
		if err != nil {
			return nil
		}
		code = c
		f.RawLang = raw
	} else {
		f.RawLang = code
	}
	if len(languages) > 0 && !slices.Contains(languages, code) {
		return nil
	}
	f.Lang = code
	return f
}

func load(root string, loc *config.Locale, f *File) {
	data, err := content.ReadInside(root, f.Path)
	if err != nil {
		f.Err = &Error{Text: l10n.TextOf(err)}
		return
	}
	if config.UTF16(data) {
		f.Err = &Error{Line: 1, Col: 1, Text: l10n.Msg("err.utf16")}
		return
	}
	switch loc.Format {
	case config.FormatPO:
		pf, err := po.Parse(data)
		if err != nil {
			var se *po.SyntaxError
			if errors.As(err, &se) {
				f.Err = &Error{Line: se.Line, Col: se.Col, Text: poText(se)}
			} else {
				f.Err = &Error{Text: l10n.Raw(err.Error())}
			}
			return
		}
		f.PO = pf
	default:
		gf, err := goi18n.Parse(f.Path, data)
		if err != nil {
			var pe *goi18n.ParseError
			var te *yaml.TypeError
			var le *l10n.Error
			switch {
			case errors.As(err, &pe) && errors.As(pe.Err, &le):
				f.Err = &Error{Line: pe.Line, Col: pe.Column, Text: le.Text}
			case bytes.HasPrefix(data, []byte("\ufeff")) && strings.EqualFold(path.Ext(f.Path), ".json"):
				// go-i18n reads JSON without skipping a byte order
				// mark, and says only "invalid character 'ï'".
				f.Err = &Error{Line: 1, Col: 1, Text: l10n.Msg("catalog.bom")}
			case errors.As(err, &pe) && pe.Err != nil && errors.As(err, &te) && len(te.Errors) > 0:
				// yaml.v3 says "yaml: unmarshal errors:\n  line N: …" for
				// each; the line is already the finding's.
				f.Err = &Error{Line: pe.Line, Col: pe.Column, Text: l10n.Raw(yamlLinePrefix.ReplaceAllString(te.Errors[0], ""))}
			case errors.As(err, &pe) && pe.Err != nil && isYAML(f.Path) && strings.HasPrefix(pe.Err.Error(), "yaml: ") && !errors.As(err, &te):
				// yaml.v3 puts a syntax error where the enclosing construct
				// began, often a line early, and without a column: find it
				// as glosa.yaml's and front matter's errors are found.
				line, col, msg := config.LocateYAMLError(data, pe.Err)
				f.Err = &Error{Line: line, Col: col, Text: l10n.Raw(msg)}
			case errors.As(err, &pe) && pe.Err != nil:
				f.Err = &Error{Line: pe.Line, Col: pe.Column, Text: l10n.Raw(tomlLinePrefix.ReplaceAllString(pe.Err.Error(), ""))}
			default:
				f.Err = &Error{Text: l10n.Raw(err.Error())}
			}
			return
		}
		f.GoI18n = gf
	}
}

// poText words a PO file's error: in the user's language when it is about
// the file's bytes, in msgfmt's words when it is about its syntax.
func poText(se *po.SyntaxError) l10n.Text {
	switch {
	case errors.Is(se, po.ErrUTF16):
		return l10n.Msg("err.utf16")
	case errors.Is(se, po.ErrNUL):
		return l10n.Msg("err.nul")
	case errors.Is(se, po.ErrInvalidUTF8):
		return l10n.Msg("err.invalidUTF8")
	case errors.Is(se, po.ErrCharset):
		return l10n.Msg("catalog.charset", "Charset", se.Charset)
	}
	return l10n.Raw(se.Msg)
}

// yamlLinePrefix and tomlLinePrefix are the positions the YAML and TOML
// parsers put in front of their messages, which a finding already shows.
var (
	yamlLinePrefix = regexp.MustCompile(`^line \d+: `)
	tomlLinePrefix = regexp.MustCompile(`^toml: line \d+(?: \(last key "(?:[^"\\]|\\.)*"\))?: `)
)

// isYAML reports whether a go-i18n file is read as YAML, as go-i18n tells
// by the extension.
func isYAML(p string) bool {
	ext := strings.ToLower(path.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}
