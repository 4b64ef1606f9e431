package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRepoURL pins the repoURL key: an http or https URL with {path}
// once, kept as written; anything else is an error on its line.
func TestRepoURL(t *testing.T) {
	for _, tt := range []struct {
		in, want, err string
	}{
		{in: "", want: ""},
		{in: "repoURL: https://github.com/o/r/blob/main/{path}\n", want: "https://github.com/o/r/blob/main/{path}"},
		{in: "repoURL: 'http://git.example.org/r/src/{path}?plain=1'\n", want: "http://git.example.org/r/src/{path}?plain=1"},
		{in: "source: en\nrepoURL: https://github.com/o/r/blob/main/\n", err: `glosa.yaml:2:10: repoURL must be an http or https URL with {path} once, e.g. https://github.com/owner/repo/blob/main/{path} (got "https://github.com/o/r/blob/main/")`},
		{in: "repoURL: https://x.org/{path}/{path}\n", err: `glosa.yaml:1:10: repoURL must be an http or https URL with {path} once, e.g. https://github.com/owner/repo/blob/main/{path} (got "https://x.org/{path}/{path}")`},
		{in: "repoURL: javascript:alert(1)//{path}\n", err: `glosa.yaml:1:10: repoURL must be an http or https URL with {path} once, e.g. https://github.com/owner/repo/blob/main/{path} (got "javascript:alert(1)//{path}")`},
		{in: "repoURL: /blob/{path}\n", err: `glosa.yaml:1:10: repoURL must be an http or https URL with {path} once, e.g. https://github.com/owner/repo/blob/main/{path} (got "/blob/{path}")`},
		{in: "repoURL: {a: b}\n", err: "glosa.yaml:1:10: repoURL must be a single value"},
	} {
		c, err := Parse("glosa.yaml", []byte(tt.in))
		if tt.err != "" {
			if err == nil {
				t.Errorf("%q: no error, want %s", tt.in, tt.err)
			} else if diff := cmp.Diff([]string{tt.err}, messages(t, err)); diff != "" {
				t.Errorf("%q: error mismatch (-want +got):\n%s", tt.in, diff)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if c.RepoURL != tt.want {
			t.Errorf("%q: RepoURL %q, want %q", tt.in, c.RepoURL, tt.want)
		}
	}
}
