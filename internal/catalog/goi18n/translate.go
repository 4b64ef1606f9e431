package goi18n

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/BurntSushi/toml"
	yaml "go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// TranslateFile returns what goi18n merge writes to translate.{lang}.{format}
// for a target file: every message of source that NeedsTranslation, with
// the source's description and hash, the forms already translated kept and
// the others filled with the source's text (its "other" where the source
// lacks the form), marshalled as goi18n marshals it, byte for byte. target
// may be nil when the language has no file yet. TranslateFile returns nil
// when nothing needs translating or go-i18n has no plural rule for lang,
// the two cases where goi18n writes no translate file.
//
// Unlike goi18n, glosa does not drop stale translations from the target
// file; a stale message appears here with the source's text, as in goi18n.
func TranslateFile(source, target *File, lang language.Tag, format string) ([]byte, error) {
	langForms, ok := PluralForms(lang)
	if !ok {
		return nil, nil
	}
	out := map[string]any{}
	for _, src := range source.Messages {
		if src.Other() == "" {
			continue // goi18n skips empty source messages and rejects ones without "other"
		}
		var tr *Message
		if target != nil {
			tr = target.Message(src.ID)
		}
		if !NeedsTranslation(src, tr, langForms) {
			continue
		}
		if s := StateOf(src, tr); s == Stale || s == Missing {
			tr = nil // goi18n discards text translated from another source
		}
		m := map[string]string{"hash": Hash(src)}
		if src.Description != "" {
			m["description"] = src.Description
		}
		for _, f := range RequiredForms(src, langForms) {
			switch {
			case tr != nil && tr.Text[f] != "":
				m[string(f)] = tr.Text[f]
			case src.Text[f] != "":
				m[string(f)] = src.Text[f]
			default:
				m[string(f)] = src.Other()
			}
		}
		out[src.ID] = m
	}
	if len(out) == 0 {
		return nil, nil
	}
	return Marshal(out, format)
}

// Marshal encodes v exactly as goi18n does (goi18n/marshal.go): JSON
// indented by two spaces without HTML escapes, TOML, or YAML.
func Marshal(v any, format string) ([]byte, error) {
	var buf bytes.Buffer
	switch format {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err := enc.Encode(v)
		return buf.Bytes(), err
	case "toml":
		enc := toml.NewEncoder(&buf)
		enc.Indent = ""
		err := enc.Encode(v)
		return buf.Bytes(), err
	case "yaml":
		return yaml.Marshal(v)
	}
	return nil, fmt.Errorf("%w %q", ErrFormat, format)
}
