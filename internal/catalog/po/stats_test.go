package po

import (
	"strings"
	"testing"
)

// TestStats pins msgfmt's counting rules, so they hold where msgfmt is not
// installed; TestStatsMatchMsgfmt checks the same files against msgfmt.
func TestStats(t *testing.T) {
	want := map[string]Stats{
		"empty":                  {},
		"empty-header":           {Untranslated: 1},
		"fuzzy-empty-header":     {Translated: 1, Untranslated: 1},
		"fuzzy-header":           {Fuzzy: 1},
		"fuzzy-empty":            {Untranslated: 1},
		"plural-first-form-only": {Translated: 1, Untranslated: 2},
		"obsolete-only":          {},
		"context-empty-id":       {Translated: 1, Untranslated: 1},
		"spaced-plural-index":    {Translated: 1},
		"blank-lines-inside":     {Translated: 1},
	}
	for name, text := range statsCases() {
		if strings.HasPrefix(name, "bad-") {
			if _, err := Parse([]byte(text)); err == nil {
				t.Errorf("%s: Parse accepted a file msgfmt refuses", name)
			}
			continue
		}
		w, ok := want[name]
		if !ok {
			t.Errorf("%s: no expected counts", name)
			continue
		}
		if got := parseString(t, text).Stats(); got != w {
			t.Errorf("%s: Stats = %+v, want %+v", name, got, w)
		}
	}
}
