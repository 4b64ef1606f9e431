package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// encodedElement is what writeJSONStreamed's encoder writes of v, an
// element of a top-level array: the reference of the hand appenders
// (appendEntryJSON, appendFindingJSON, catalogOut); an error when
// encoding/json cannot write v.
func encodedElement(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// encodedEntry is encodedElement of an entry.
func encodedEntry(t *testing.T, e EntryJSON) []byte {
	b, err := encodedElement(e)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzEntryJSON compares appendEntryJSON with encoding/json on entries of
// none, one and two translations, with every kind of string: HTML
// characters, quotes, controls, invalid UTF-8, U+2028, U+FFFD.
func FuzzEntryJSON(f *testing.F) {
	for _, s := range []string{"", "pages.es/common/git-add.md", "a <b> & \"c\"", "tab\there\nnew\\line", "\x00\x1f\x7f",
		"é ñ 中文 العربية", "\xff\xfe bad", "\u2028\u2029", "\ufffd", "€"} {
		f.Add(s, "stale", 42, true)
	}
	f.Fuzz(func(t *testing.T, s, state string, words int, stale bool) {
		tr := TranslationJSON{Lang: s, State: state, Path: "content/" + s, WordsToTranslate: words, Reason: s + state, ProbablyStale: stale, RenamedTo: s}
		for _, e := range []EntryJSON{
			{Slug: s, Path: state},
			{Slug: s, Translations: []TranslationJSON{}},
			{Slug: s, Path: s, Translations: []TranslationJSON{tr}},
			{Slug: state, Path: s, Translations: []TranslationJSON{tr, {Lang: state, WordsToTranslate: -words}}},
		} {
			if got, want := appendEntryJSON(nil, &e), encodedEntry(t, e); !bytes.Equal(got, want) {
				t.Fatalf("appendEntryJSON(%+v):\n%s\nencoding/json:\n%s", e, got, want)
			}
		}
	})
}

// FuzzFindingJSON compares appendFindingJSON with encoding/json, with
// every kind of string and any line and column.
func FuzzFindingJSON(f *testing.F) {
	for _, s := range []string{"", "content/es/a.md", "a <b> & \"c\"", "tab\there\nnew\\line", "\x00\x1f\x7f",
		"é ñ 中文 العربية", "\xff\xfe bad", "\u2028\u2029", "\ufffd", "€"} {
		f.Add(s, "the message", 12, -3)
	}
	f.Fuzz(func(t *testing.T, s, msg string, line, col int) {
		for _, v := range []FindingJSON{
			{Rule: s, Severity: msg, Path: s, Line: line, Column: col, Lang: s, Slug: msg, Message: msg, Fix: s, Fingerprint: s + msg, Baseline: msg},
			{},
		} {
			want, err := encodedElement(v)
			if err != nil {
				t.Fatal(err)
			}
			if got := appendFindingJSON(nil, &v); !bytes.Equal(got, want) {
				t.Fatalf("appendFindingJSON(%+v):\n%s\nencoding/json:\n%s", v, got, want)
			}
		}
	})
}
