package exchange

import (
	"bytes"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/catalog/goi18n"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
)

// go-i18n's three formats differ only in the syntax of the file.
var (
	_ = registerGoI18n("json", "JSON", func(_ string, text []byte) bool { return bytes.HasPrefix(text, []byte("{")) }, false)
	_ = registerGoI18n("toml", "TOML", func(name string, text []byte) bool {
		var v map[string]any
		ext := strings.ToLower(path.Ext(name))
		return ext != ".yaml" && ext != ".yml" && toml.Unmarshal(text, &v) == nil
	}, true)
	_ = registerGoI18n("yaml", "YAML", func(_ string, text []byte) bool {
		var v map[string]any
		return yaml.Unmarshal(text, &v) == nil && len(v) > 0
	}, true)
)

// registerGoI18n declares the go-i18n format of syntax ext ("json"),
// labelled label, told from its content by detect.
func registerGoI18n(ext, label string, detect func(name string, text []byte) bool, guess bool) *Spec {
	return register(Spec{
		Name:   Format("goi18n-" + ext),
		Label:  "go-i18n " + label,
		File:   "translate.{lang}." + ext,
		Write:  func(w io.Writer, f *File) error { return WriteGoI18n(w, f, ext) },
		Detect: detect,
		Guess:  guess,
		Read: func(name string, data []byte, max int) (*File, error) {
			base := path.Base(name)
			if !strings.EqualFold(path.Ext(base), "."+ext) {
				base += "." + ext // go-i18n reads the format from the name
			}
			return readGoI18n(base, data, max)
		},
		SourceInTarget: true,
		Notes: "a go-i18n message file in " + label + ", as `goi18n merge` writes translate files (go-i18n reads the language from the name): " +
			"each message has its description, the `hash` of its source and its text, the source's own while untranslated. " +
			"On import, a translation whose hash is not the current source's needs review. Loads with go-i18n's own `Bundle`.",
	})
}

// WriteGoI18n writes f as a go-i18n message file in format json, toml or
// yaml, as goi18n merge writes translate files: each unit a message with
// its description (the notes), the hash of its source and its text — the
// translation, or the source's text where there is none yet, for the
// translator to replace.
func WriteGoI18n(w io.Writer, f *File, format string) error {
	out := map[string]any{}
	for _, u := range f.Units {
		m := map[string]string{"hash": SourceHash(u)}
		if len(u.Notes) > 0 {
			m["description"] = strings.Join(u.Notes, "\n")
		}
		if u.Plural() {
			for c, t := range u.TargetForms {
				if t == "" {
					if t = u.SourceForms[c]; t == "" {
						t = u.SourceForms["other"]
					}
				}
				m[c] = t
			}
		} else {
			m["other"] = u.Target
			if u.Target == "" {
				m["other"] = u.Source
			}
		}
		out[u.ID] = m
	}
	data, err := goi18n.Marshal(out, format)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// SourceHash is the go-i18n hash of a unit's source: the unit's own
// SourceHash when it has one (a catalog message's, which covers its
// description too), else the hash of its source text — of its "other" form
// for a plural message.
func SourceHash(u Unit) string {
	if u.SourceHash != "" {
		return u.SourceHash
	}
	m := &goi18n.Message{Text: map[goi18n.Form]string{goi18n.Other: u.Source}}
	if u.Plural() {
		m.Text[goi18n.Other] = u.SourceForms["other"]
	}
	return goi18n.Hash(m)
}

// ReadGoI18n reads a go-i18n message file; name gives its format and
// language as go-i18n reads them from a file name (translate.es.json).
// Every message is a unit with its text as the target, translated when
// not empty; the source's text, which the export left in untranslated
// messages, is told apart later, by comparing with the source.
func ReadGoI18n(name string, data []byte) (*File, error) {
	return readGoI18n(name, data, limits.ImportUnits)
}

// readGoI18n is ReadGoI18n for a file of at most max keys.
func readGoI18n(name string, data []byte, max int) (*File, error) {
	gf, err := goi18n.ParseMax(name, data, max)
	if err != nil {
		var le *l10n.Error
		if errors.As(err, &le) {
			// name may not be the file's path (Read makes one up to
			// tell the format): leave the path to the caller, as the
			// other readers do.
			c := *le
			c.Path = ""
			return nil, &c
		}
		return nil, err
	}
	f := &File{TargetLang: gf.Lang.String()}
	if f.TargetLang == "und" {
		f.TargetLang = ""
	}
	for _, m := range gf.Messages {
		u := Unit{ID: m.ID, SourceHash: m.Hash, State: New, Line: m.Line}
		if m.Description != "" {
			u.Notes = strings.Split(m.Description, "\n")
		}
		if len(m.Text) > 1 || m.Text[goi18n.Other] == "" && len(m.Text) == 1 {
			u.TargetForms = map[string]string{}
			for form, t := range m.Text {
				u.TargetForms[string(form)] = t
			}
		} else {
			u.Target = m.Other()
		}
		if u.HasTarget() {
			u.State = Translated
		}
		f.Units = append(f.Units, u)
	}
	return f, nil
}
