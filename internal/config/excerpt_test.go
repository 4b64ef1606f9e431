package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glosa/glosa/internal/l10n"
)

func TestExcerpt(t *testing.T) {
	long := strings.Repeat("s3cr3t", 10)
	tests := []struct{ in, want string }{
		{"title", "title"},
		{`"title"`, `"title"`},
		{long, long[:40] + "…"},
		{`"` + long + `"`, `"` + long[:40] + `…"`},
		{strings.Repeat("é", 41), strings.Repeat("é", 40) + "…"},
		{strings.Repeat("é", 40), strings.Repeat("é", 40)},
	}
	for _, tt := range tests {
		if got := Excerpt(tt.in, 40); got != tt.want {
			t.Errorf("Excerpt(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestErrorsQuoteExcerpts: a file that is not a configuration (a secret
// read through a link, say) is quoted in errors by short excerpts only.
func TestErrorsQuoteExcerpts(t *testing.T) {
	secret := "token-" + strings.Repeat("0123456789", 8)
	for _, text := range []string{
		secret + ": 1\n",
		"content:\n  - path: content/{lang}/{slug}.md\n    " + secret + ": x\n",
		"rules:\n  " + secret + ": " + secret + "\n",
		"languages: [" + secret + ", " + secret + "]\n",
		"source: en\ncontent:\n  - path: content/{lang}/{slug}.md\n    fields:\n      title: " + secret + "\n",
	} {
		_, err := Parse(FileName, []byte(text))
		if err == nil {
			continue
		}
		msg := l10n.English().Error(err)
		t.Log(msg)
		if strings.Contains(msg, secret[:50]) {
			t.Errorf("error quotes more than an excerpt of %q:\n%s", text, msg)
		}
	}
}

func TestLoadRefusesLinkOutside(t *testing.T) {
	root, outside := t.TempDir(), t.TempDir()
	secret := filepath.Join(outside, "secret.yaml")
	if err := os.WriteFile(secret, []byte("token: s3cr3t\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(root, FileName)); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	_, err := Load(root, "")
	if !errors.Is(err, ErrInvalid) || strings.Contains(err.Error(), "s3cr3t") {
		t.Errorf("Load through a link out = %v, want a refusal that quotes nothing", err)
	}
	if msg := l10n.English().Error(err); msg != "glosa.yaml is a symbolic link to outside the repository: glosa does not read it" {
		t.Errorf("message %q", msg)
	}
	// Named with --config, it is read: the user chose it.
	if _, err := Load(root, secret); err == nil || !errors.Is(err, ErrInvalid) {
		t.Errorf("Load of --config %s = %v, want it read (and found invalid)", secret, err)
	}
	// A link that stays inside is read.
	inside := filepath.Join(root, "conf")
	if err := os.Mkdir(inside, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(inside, "glosa.yaml"), []byte("source: en\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(root, FileName))
	if err := os.Symlink("conf/glosa.yaml", filepath.Join(root, FileName)); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(root, ""); err != nil {
		t.Errorf("Load through a link inside: %v", err)
	}
}
