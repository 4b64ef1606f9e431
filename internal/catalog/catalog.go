// Package catalog finds the message catalogs of a repository, as the
// locales: section of glosa.yaml describes them, and reads each with the
// parser of its format: go-i18n files through package goi18n, gettext PO
// files through package po. A file that cannot be read is kept, with its
// error: the scan goes on.
package catalog

import (
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/catalog/po"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
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
	// Err is why the file could not be read, if it could not, with the
	// file's path.
	Err *l10n.Error
	// GoI18n or PO holds the parsed file, by the locale's format.
	GoI18n *goi18n.File
	PO     *po.File
}

// Scan finds and parses the catalogs of every locale. languages limits the
// languages read (nil reads every language found).
func Scan(root string, cfg *config.Config, languages []string) ([]*File, error) {
	return ScanFiles(content.Dir(root), cfg, languages)
}

// ScanFiles is Scan of the project in fsys: the work tree (content.Dir)
// or a revision.
func ScanFiles(fsys content.Files, cfg *config.Config, languages []string) ([]*File, error) {
	return ScanCached(fsys, cfg, languages, nil)
}

// ScanCached is ScanFiles that takes the parsed form of a go-i18n file
// from cache when its bytes are those cache saw (nil for no cache).
func ScanCached(fsys content.Files, cfg *config.Config, languages []string, cache *Cache) ([]*File, error) {
	var out []*File
	for i := range cfg.Locales {
		loc := &cfg.Locales[i]
		files, err := scanLocale(fsys, i, loc, languages, cfg.Limits.Or(), cache)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

func scanLocale(fsys content.Files, index int, loc *config.Locale, languages []string, lim limits.Limits, cache *Cache) ([]*File, error) {
	var out []*File
	seen := map[string]bool{}
	patterns := []*config.LocalePattern{loc.Pattern}
	if loc.Template != nil {
		patterns = append(patterns, loc.Template)
	}
	for _, pat := range patterns {
		start := pat.Root()
		if start == "" {
			start = "."
		}
		err := fsys.WalkDir(start, func(rel string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() && rel != start {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if rel != start && (strings.HasPrefix(name, ".") || name == "node_modules") {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(name, ".") {
				return nil
			}
			if seen[rel] || loc.Excluded(rel) {
				return nil
			}
			f := match(index, loc, pat, rel, languages)
			if f == nil {
				return nil
			}
			seen[rel] = true
			load(fsys, loc, f, lim, cache)
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

// load reads a catalog of at most lim.CatalogSize bytes and
// lim.CatalogMessages messages (keys of a go-i18n file), parsed as cache
// keeps it when it has it.
func load(fsys content.Files, loc *config.Locale, f *File, lim limits.Limits, cache *Cache) {
	data, err := fsys.ReadFile(f.Path, lim.CatalogSize)
	if err != nil {
		f.Err = l10n.FileError(f.Path, err)
		return
	}
	if config.UTF16(data) {
		f.Err = &l10n.Error{Path: f.Path, Line: 1, Column: 1, Text: l10n.Msg("err.utf16")}
		return
	}
	key := cache.key(f.Path, loc.Format, lim, data)
	raw, cached := cache.get(key)
	switch loc.Format {
	case config.FormatPO:
		if cached {
			if pf, err := po.FromRecord(data, raw); err == nil {
				f.PO = pf
				return
			}
		}
		pf, err := po.ParseMax(data, lim.CatalogMessages, limits.TooManyMessages)
		if err != nil {
			f.Err = l10n.FileError(f.Path, err)
			return
		}
		if raw, ok := pf.Record(); ok {
			cache.put(key, raw)
		}
		f.PO = pf
	default:
		if cached {
			if gf, err := goi18n.FromRecord(f.Path, data, raw); err == nil {
				f.GoI18n = gf
				return
			}
		}
		gf, err := goi18n.ParseMax(f.Path, data, lim.CatalogMessages)
		if err != nil {
			f.Err = l10n.FileError(f.Path, err)
			return
		}
		cache.put(key, gf.Record())
		f.GoI18n = gf
	}
}
