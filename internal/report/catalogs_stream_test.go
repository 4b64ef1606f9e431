package report

import (
	"bytes"
	"testing"

	"github.com/glosa/glosa/internal/status"
)

// FuzzCatalogJSON compares a catalog as the JSON documents stream it
// (catalogOut) with encoding/json's encoding of catalogsDocument's: with
// every kind of string, messages with translations shown or not, and
// views limited to a language and a state, or not.
func FuzzCatalogJSON(f *testing.F) {
	for _, s := range []string{"", "locales/{lang}.po", "a <b> & \"c\"", "tab\there\nnew\\line", "\x00\x1f\x7f",
		"ctx\x04id", "é ñ 中文", "\xff\xfe bad", "\u2028\u2029"} {
		f.Add(s, 3, 12.5)
	}
	f.Fuzz(func(t *testing.T, s string, n int, coverage float64) {
		c := status.Catalog{Pattern: s, Format: "po", Source: "en", Languages: []status.Language{
			{Lang: "es", Name: s, Total: n, Counts: map[status.State]int{status.Current: n, status.Missing: 1}, Coverage: coverage, WordsToTranslate: n},
			{Lang: "it", Name: "Italian", Counts: map[status.State]int{}},
		}}
		for i := range max(0, n%7) {
			m := status.Message{ID: s, Domain: s[:len(s)/2], Path: s, Line: i * n, Text: s}
			if i%3 != 2 {
				m.Translations = append(m.Translations, status.MessageTranslation{Lang: "es", State: status.Current, Path: s, Line: -i, Words: n})
			}
			if i%2 == 0 {
				m.Translations = append(m.Translations, status.MessageTranslation{Lang: "it", State: status.Missing, Path: s + "it", Words: i})
			}
			c.Messages = append(c.Messages, m)
		}
		for _, v := range []View{{}, {Langs: []string{"it"}}, {States: []status.State{status.Current}}} {
			v.Report = &status.Report{Catalogs: []status.Catalog{c}}
			want, err := encodedElement(catalogsDocument(v)[0])
			if err != nil {
				t.Skip(err) // a coverage encoding/json cannot write (NaN, ±Inf)
			}
			got, err := catalogOut{v, c}.append(nil)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("view %+v:\n%s\nencoding/json:\n%s", v, got, want)
			}
		}
	})
}

// TestCatalogsStreamedLikeWhole: status's JSON document, its catalogs
// streamed in pieces (one of them over the 64 KB a piece holds), is byte
// for byte what WriteJSON writes of the whole document.
func TestCatalogsStreamedLikeWhole(t *testing.T) {
	big := status.Catalog{Pattern: "locales/{lang}/{domain}.po", Format: "po", Source: "en",
		Languages: []status.Language{{Lang: "es", Name: "Spanish", Counts: map[status.State]int{status.Stale: 3000}}}}
	for i := range 3000 {
		big.Messages = append(big.Messages, status.Message{ID: "message \"" + string(rune('a'+i%26)) + "\" <b>", Domain: "d", Path: "locales/en.pot", Line: i,
			Translations: []status.MessageTranslation{{Lang: "es", State: status.Stale, Path: "locales/es/d.po", Line: i + 1, Words: i % 7}}})
	}
	empty := status.Catalog{Pattern: "other/{lang}.json", Format: "goi18n", Source: "en"}
	for _, cats := range [][]status.Catalog{nil, {empty}, {big, empty, big}} {
		v := View{Report: &status.Report{Source: "en", Catalogs: cats}}
		var got, want bytes.Buffer
		if err := StatusJSONOut(&got, v); err != nil {
			t.Fatal(err)
		}
		whole := StatusJSON{Version: SchemaVersion, Source: "en", Languages: v.LanguagesJSON(), Entries: []EntryJSON{}, Catalogs: catalogsDocument(v)}
		if err := WriteJSON(&want, whole); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%d catalogs: the streamed document (%d bytes) differs from the whole (%d bytes)", len(cats), got.Len(), want.Len())
		}
	}
}

// catalogsDocument builds the catalogs of the JSON document as values,
// never nil: the reference of catalogOut, which streams them.
func catalogsDocument(v View) []CatalogJSON {
	out := []CatalogJSON{}
	for _, c := range v.Report.Catalogs {
		cj := CatalogJSON{Path: c.Pattern, Format: c.Format, Source: c.Source, Languages: []LanguageJSON{}, Messages: []MessageJSON{}}
		for _, l := range v.catalogLanguages(c) {
			cj.Languages = append(cj.Languages, NewLanguageJSON(l))
		}
		for _, m := range v.messages(c) {
			mj := MessageJSON{ID: m.ID, Domain: m.Domain, Path: m.Path, Line: m.Line, Translations: []MessageTranslationJSON{}}
			for _, t := range m.Translations {
				mj.Translations = append(mj.Translations, MessageTranslationJSON{Lang: t.Lang, State: string(t.State), Path: t.Path, Line: t.Line, WordsToTranslate: t.Words})
			}
			cj.Messages = append(cj.Messages, mj)
		}
		out = append(out, cj)
	}
	return out
}
