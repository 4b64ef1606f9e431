package transfer

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/exchange"
)

func TestMerge(t *testing.T) {
	const (
		tr = exchange.Translated
		nr = exchange.NeedsReview
		nw = exchange.New
	)
	field := func(id, src, tgt string, st exchange.State) exchange.Unit {
		return exchange.Unit{ID: id, Kind: exchange.KindField, Source: src, Target: tgt, State: st}
	}
	para := func(id, src, tgt string, st exchange.State) exchange.Unit {
		return exchange.Unit{ID: id, Kind: "paragraph", Source: src, Target: tgt, State: st}
	}
	msg := func(id, src, tgt string, st exchange.State) exchange.Unit {
		return exchange.Unit{ID: id, Kind: exchange.KindMessage, Source: src, Target: tgt, State: st}
	}
	prev := func(u exchange.Unit, p string) exchange.Unit { u.Previous = p; return u }
	hash := func(u exchange.Unit, h string) exchange.Unit { u.SourceHash = h; return u }
	tests := []struct {
		name      string
		old, cur  []exchange.Unit
		oldObs    []exchange.Unit
		want      []exchange.Unit
		wantObs   []exchange.Unit
		wantCount Counts
	}{{
		name:      "the file's work wins over the repository's while the source is the same",
		old:       []exchange.Unit{field("a#title", "Title", "Título bis", tr), para("a#p-1", "One.", "Uno?", nr)},
		cur:       []exchange.Unit{field("a#title", "Title", "Título", tr), para("a#p-1", "One.", "", nw)},
		want:      []exchange.Unit{field("a#title", "Title", "Título bis", tr), para("a#p-1", "One.", "Uno?", nr)},
		wantCount: Counts{Kept: 2},
	}, {
		name:      "a field whose source changed keeps its translation for review, with the old source",
		old:       []exchange.Unit{field("a#title", "Title", "Título", tr)},
		cur:       []exchange.Unit{field("a#title", "New title", "", nw)},
		want:      []exchange.Unit{prev(field("a#title", "New title", "Título", nr), "Title")},
		wantCount: Counts{Fuzzy: 1},
	}, {
		name:      "a unit that already needed review keeps the source its translation was made from",
		old:       []exchange.Unit{prev(field("a#title", "Title 2", "Título", nr), "Title")},
		cur:       []exchange.Unit{field("a#title", "Title 3", "Título", nr)},
		want:      []exchange.Unit{prev(field("a#title", "Title 3", "Título", nr), "Title")},
		wantCount: Counts{Fuzzy: 1},
	}, {
		name: "a changed paragraph has a new ID: paired by place and kind within its entry",
		old: []exchange.Unit{field("a#title", "Title", "Título", tr), para("a#p-1", "One two three.", "Uno dos tres.", tr),
			para("a#p-2", "Four.", "Cuatro.", tr)},
		cur: []exchange.Unit{field("a#title", "Title", "", nw), para("a#p-9", "One two three four.", "", nw),
			para("a#p-2", "Four.", "", nw)},
		want: []exchange.Unit{field("a#title", "Title", "Título", tr), prev(para("a#p-9", "One two three four.", "Uno dos tres.", nr), "One two three."),
			para("a#p-2", "Four.", "Cuatro.", tr)},
		wantCount: Counts{Kept: 2, Fuzzy: 1},
	}, {
		name:      "among several removed paragraphs, the one that shares the most words; the other is obsolete",
		old:       []exchange.Unit{para("a#p-1", "Cats sleep.", "Los gatos duermen.", tr), para("a#p-2", "Dogs bark loudly at night.", "Los perros ladran.", tr)},
		cur:       []exchange.Unit{para("a#p-3", "Dogs bark at night.", "", nw)},
		want:      []exchange.Unit{prev(para("a#p-3", "Dogs bark at night.", "Los perros ladran.", nr), "Dogs bark loudly at night.")},
		wantObs:   []exchange.Unit{para("a#p-1", "Cats sleep.", "Los gatos duermen.", tr)},
		wantCount: Counts{Fuzzy: 1, Obsolete: 1},
	}, {
		name: "PO carries no kind: export's first note says it",
		old: []exchange.Unit{{ID: "a#p-1", Source: "One two.", Target: "Uno dos.", State: tr, Notes: []string{"paragraph", "entry: A"}},
			{ID: "a#p-2", Source: "Two", Target: "Dos", State: tr, Notes: []string{"heading"}}},
		cur:       []exchange.Unit{para("a#p-3", "One two three.", "", nw)},
		want:      []exchange.Unit{prev(para("a#p-3", "One two three.", "Uno dos.", nr), "One two.")},
		wantObs:   []exchange.Unit{{ID: "a#p-2", Source: "Two", Target: "Dos", State: tr, Notes: []string{"heading"}}},
		wantCount: Counts{Fuzzy: 1, Obsolete: 1},
	}, {
		name:      "paragraphs are not paired across entries, nor with another kind",
		old:       []exchange.Unit{para("a#p-1", "One.", "Uno.", tr)},
		cur:       []exchange.Unit{para("b#p-2", "One.", "", nw), {ID: "a#h-3", Kind: "heading", Source: "One.", State: nw}},
		want:      []exchange.Unit{para("b#p-2", "One.", "", nw), {ID: "a#h-3", Kind: "heading", Source: "One.", State: nw}},
		wantObs:   []exchange.Unit{para("a#p-1", "One.", "Uno.", tr)},
		wantCount: Counts{Added: 2, Obsolete: 1},
	}, {
		name:      "new units come with the repository's translation; a removed message is obsolete, not paired",
		old:       []exchange.Unit{msg("bye", "Bye", "Adiós", tr)},
		cur:       []exchange.Unit{msg("hello", "Hello", "Hola", tr), msg("later", "Later", "", nw)},
		want:      []exchange.Unit{msg("hello", "Hello", "Hola", tr), msg("later", "Later", "", nw)},
		wantObs:   []exchange.Unit{msg("bye", "Bye", "Adiós", tr)},
		wantCount: Counts{Added: 2, Obsolete: 1},
	}, {
		name:      "a unit the file left untranslated takes the repository's translation",
		old:       []exchange.Unit{msg("hello", "Hi", "", nw)},
		cur:       []exchange.Unit{msg("hello", "Hello", "Hola", nr)},
		want:      []exchange.Unit{msg("hello", "Hello", "Hola", nr)},
		wantCount: Counts{Kept: 1},
	}, {
		name:      "an obsolete unit of the file comes back with its ID; the others stay obsolete",
		oldObs:    []exchange.Unit{msg("bye", "Bye", "Adiós", tr), msg("gone", "Gone", "Ido", tr)},
		cur:       []exchange.Unit{msg("bye", "Bye", "", nw)},
		want:      []exchange.Unit{msg("bye", "Bye", "Adiós", tr)},
		wantObs:   []exchange.Unit{msg("gone", "Gone", "Ido", tr)},
		wantCount: Counts{Kept: 1},
	}, {
		name: "go-i18n files carry the source's hash, not its text, and the source's text where untranslated",
		old: []exchange.Unit{hash(exchange.Unit{ID: "a", Target: "Hola", State: tr}, exchange.SourceHash(msg("a", "Hello", "", nw))),
			hash(exchange.Unit{ID: "b", Target: "Adiós", State: tr}, "sha1-old"),
			hash(exchange.Unit{ID: "c", Target: "Later", State: tr}, exchange.SourceHash(msg("c", "Later", "", nw)))},
		cur: []exchange.Unit{msg("a", "Hello", "", nw), msg("b", "Goodbye", "", nw), msg("c", "Later", "Luego", tr)},
		want: []exchange.Unit{msg("a", "Hello", "Hola", tr), hash(msg("b", "Goodbye", "Adiós", nr), "sha1-old"),
			msg("c", "Later", "Luego", tr)},
		wantCount: Counts{Kept: 2, Fuzzy: 1},
	}, {
		name: "a go-i18n unit holding its source's copy that matches nothing is no translation to keep",
		old: []exchange.Unit{hash(exchange.Unit{ID: "a#p-1", Target: "Gone.", State: tr}, exchange.SourceHash(para("", "Gone.", "", nw))),
			hash(exchange.Unit{ID: "a#p-2", Target: "Ido.", State: tr}, exchange.SourceHash(para("", "Gone too.", "", nw)))},
		wantObs:   []exchange.Unit{hash(exchange.Unit{ID: "a#p-2", Target: "Ido.", State: tr}, exchange.SourceHash(para("", "Gone too.", "", nw)))},
		wantCount: Counts{Obsolete: 1},
	}, {
		name: "a plural message keeps the forms the language needs",
		old: []exchange.Unit{{ID: "files", Kind: exchange.KindMessage, SourceForms: map[string]string{"one": "1 file", "other": "{{.N}} file"},
			TargetForms: map[string]string{"one": "1 archivo", "many": "x", "other": "{{.N}} archivos"}, State: tr}},
		cur: []exchange.Unit{{ID: "files", Kind: exchange.KindMessage, SourceForms: map[string]string{"one": "1 file", "other": "{{.N}} files"},
			TargetForms: map[string]string{"one": "", "other": ""}, State: nw}},
		want: []exchange.Unit{{ID: "files", Kind: exchange.KindMessage, SourceForms: map[string]string{"one": "1 file", "other": "{{.N}} files"},
			TargetForms: map[string]string{"one": "1 archivo", "other": "{{.N}} archivos"}, State: nr}},
		wantCount: Counts{Fuzzy: 1},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			old := &exchange.File{TargetLang: "es", Format: "po", Units: tc.old, Obsolete: tc.oldObs}
			cur := &exchange.File{SourceLang: "en", TargetLang: "es", Original: "glosa", Units: tc.cur}
			got, n := Merge(old, cur)
			want := &exchange.File{SourceLang: "en", TargetLang: "es", Original: "glosa", Format: "po", Units: tc.want, Obsolete: tc.wantObs}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("file (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tc.wantCount, n); d != "" {
				t.Errorf("counts (-want +got):\n%s", d)
			}
		})
	}
}
