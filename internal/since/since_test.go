package since

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/status"
)

// report builds a report of entries (slug → source path, "" for an
// orphan; and its translations in es) and of one catalog's messages.
func report(entries map[string]status.State, messages map[string]status.State, orphans ...string) *status.Report {
	r := &status.Report{Source: "en", Languages: []status.Language{{Lang: "es", Coverage: 50}}}
	for slug, st := range entries {
		r.Items = append(r.Items, status.Item{Slug: slug, Source: &content.Entry{Path: "en/" + slug + ".md"},
			Translations: []status.Translation{{Lang: "es", State: st, Path: "es/" + slug + ".md"}}})
	}
	for _, slug := range orphans {
		r.Items = append(r.Items, status.Item{Slug: slug, Translations: []status.Translation{{Lang: "es", State: status.Orphan, Path: "es/" + slug + ".md"}}})
	}
	c := status.Catalog{Pattern: "i18n/{lang}.yaml"}
	for id, st := range messages {
		c.Messages = append(c.Messages, status.Message{ID: id, Path: "i18n/en.yaml",
			Translations: []status.MessageTranslation{{Lang: "es", State: st, Path: "i18n/es.yaml"}}})
	}
	r.Catalogs = []status.Catalog{c}
	return r
}

func TestCompare(t *testing.T) {
	before := report(map[string]status.State{
		"edited": status.Current, "guessed": status.Unverified, "still": status.Stale, "lost": status.Current,
		"added": status.Missing, "fixed": status.Stale, "gone": status.Current, "orphaned": status.Current,
	}, map[string]status.State{"hello": status.Current, "bye": status.Missing})
	after := report(map[string]status.State{
		"edited": status.Stale, "guessed": status.Stale, "still": status.Stale, "lost": status.Missing,
		"added": status.Current, "fixed": status.Current, "new": status.Missing, "newdone": status.Current,
	}, map[string]status.State{"hello": status.Stale, "bye": status.Current, "welcome": status.Missing}, "orphaned")
	got := Compare(before, after)
	ch := func(k Kind, slug string, b, a status.State) Change {
		// An orphan's source is the one the revision had.
		c := Change{Kind: k, Lang: "es", Slug: slug, Path: "es/" + slug + ".md", Source: "en/" + slug + ".md", Before: b, After: a}
		return c
	}
	msg := func(k Kind, id string, b, a status.State) Change {
		return Change{Kind: k, Lang: "es", Catalog: "i18n/{lang}.yaml", Message: id, Path: "i18n/es.yaml", Source: "i18n/en.yaml", Before: b, After: a}
	}
	want := &Diff{
		Source: "en",
		Languages: []Language{{Lang: "es", Entries: true, CoverageBefore: 50, CoverageAfter: 50, Before: true,
			Counts: map[Kind]int{Staled: 3, New: 2, Lost: 1, Added: 3, Fixed: 1, Orphaned: 1, Removed: 1}}},
		Changes: []Change{
			ch(Staled, "edited", status.Current, status.Stale),
			ch(Staled, "guessed", status.Unverified, status.Stale),
			msg(Staled, "hello", status.Current, status.Stale),
			ch(New, "new", "", status.Missing),
			msg(New, "welcome", "", status.Missing),
			ch(Lost, "lost", status.Current, status.Missing),
			ch(Added, "added", status.Missing, status.Current),
			ch(Added, "newdone", "", status.Current),
			msg(Added, "bye", status.Missing, status.Current),
			ch(Fixed, "fixed", status.Stale, status.Current),
			ch(Orphaned, "orphaned", status.Current, status.Orphan),
			ch(Removed, "gone", status.Current, ""),
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Compare (-want +got):\n%s", diff)
	}
}
