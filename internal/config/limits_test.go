package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/limits"
)

// TestLimits: the limits key sets each limit to a whole number from 1 to
// limits.Ceiling times its default, and anything else is an error at the
// value (or the key) that is wrong.
func TestLimits(t *testing.T) {
	with := func(f func(l *limits.Limits)) limits.Limits {
		l := limits.Defaults()
		f(&l)
		return l
	}
	tests := []struct {
		name string
		yaml string
		want limits.Limits
		errs []string
	}{
		{"absent", "source: en\n", limits.Defaults(), nil},
		{"empty mapping", "limits: {}\n", limits.Defaults(), nil},
		{"every key", "limits:\n  entrySize: 1000\n  catalogSize: 2000\n  catalogMessages: 30\n  importSize: 4000\n  importUnits: 50\n",
			limits.Limits{EntrySize: 1000, CatalogSize: 2000, CatalogMessages: 30, ImportSize: 4000, ImportUnits: 50}, nil},
		{"at the ceiling", "limits: {importUnits: 300000}\n", with(func(l *limits.Limits) { l.ImportUnits = 4 * limits.ImportUnits }), nil},
		{"over the ceiling", "limits: {importUnits: 300001}\n", limits.Defaults(),
			[]string{`glosa.yaml:1:23: limits.importUnits must be a whole number from 1 to 300000 (got "300001")`}},
		{"zero", "limits:\n  entrySize: 0\n", limits.Defaults(),
			[]string{`glosa.yaml:2:14: limits.entrySize must be a whole number from 1 to 67108864 (got "0")`}},
		{"negative", "limits:\n  catalogMessages: -5\n", limits.Defaults(),
			[]string{`glosa.yaml:2:20: limits.catalogMessages must be a whole number from 1 to 300000 (got "-5")`}},
		{"not a number", "limits:\n  importSize: 10MB\n", limits.Defaults(),
			[]string{`glosa.yaml:2:15: limits.importSize must be a whole number from 1 to 268435456 (got "10MB")`}},
		{"a quoted number", "limits:\n  importSize: '10'\n", limits.Defaults(),
			[]string{`glosa.yaml:2:15: limits.importSize must be a whole number from 1 to 268435456 (got "10")`}},
		{"a list", "limits:\n  importUnits: [1]\n", limits.Defaults(),
			[]string{`glosa.yaml:2:16: limits.importUnits must be a single value`}},
		{"unknown key", "limits:\n  configSize: 10\n", limits.Defaults(),
			[]string{`glosa.yaml:2:3: unknown key "configSize" in limits (known: entrySize, catalogSize, catalogMessages, importSize, importUnits)`}},
		{"not a mapping", "limits: 10\n", limits.Defaults(),
			[]string{`glosa.yaml:1:9: limits must map limit names to whole numbers, e.g. {importUnits: 200000}`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("glosa.yaml", []byte(tt.yaml))
			if tt.errs != nil {
				if diff := cmp.Diff(tt.errs, messages(t, err)); diff != "" {
					t.Errorf("errors (-want +got):\n%s", diff)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, cfg.Limits); diff != "" {
				t.Errorf("Limits (-want +got):\n%s", diff)
			}
		})
	}
}
