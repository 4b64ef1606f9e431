package version

import (
	"runtime/debug"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGet(t *testing.T) {
	recorded := &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/glosa/glosa", Version: "v0.0.0-20261201100000-0123456789ab+dirty"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
			{Key: "vcs.time", Value: "2026-12-01T10:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	for _, tc := range []struct {
		name                  string
		version, commit, date string
		bi                    *debug.BuildInfo
		want                  Info
		text                  string
	}{
		{
			name:    "stamped",
			version: "v1.2.3", commit: "fedcba9876543210fedcba9876543210fedcba98", date: "2026-12-02T08:00:00Z",
			bi:   recorded,
			want: Info{Version: "v1.2.3", Commit: "fedcba9876543210fedcba9876543210fedcba98", Date: "2026-12-02T08:00:00Z"},
			text: "v1.2.3 (commit fedcba9876543210fedcba9876543210fedcba98, 2026-12-02T08:00:00Z)",
		},
		{
			name: "work tree",
			bi:   recorded,
			want: Info{Version: "v0.0.0-20261201100000-0123456789ab+dirty", Commit: "0123456789abcdef0123456789abcdef01234567", Date: "2026-12-01T10:00:00Z", Modified: true},
			text: "v0.0.0-20261201100000-0123456789ab+dirty (commit 0123456789abcdef0123456789abcdef01234567, 2026-12-01T10:00:00Z, modified)",
		},
		{
			name: "go install",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}},
			want: Info{Version: "v0.1.0"},
			text: "v0.1.0",
		},
		{
			name: "nothing known",
			bi:   &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}},
			want: Info{Version: "dev"},
			text: "dev",
		},
		{name: "no build info", want: Info{Version: "dev"}, text: "dev"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := get(tc.version, tc.commit, tc.date, tc.bi)
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("get (-want +got):\n%s", d)
			}
			if s := got.String(); s != tc.text {
				t.Errorf("String() = %q, want %q", s, tc.text)
			}
		})
	}
}
