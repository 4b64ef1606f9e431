package config

import "testing"

func TestRuleExcludesIgnores(t *testing.T) {
	c, err := Parse("glosa.yaml", []byte("rules:\n  same-as-source:\n    exclude: ['pages.*/common/**', _index.md]\n    ignore: '^Docker$'\n"))
	if err != nil {
		t.Fatal(err)
	}
	rc := c.Rules["same-as-source"]
	for path, want := range map[string]bool{
		"pages.es/common/tar.md":    true,
		"pages.es/linux/tar.md":     false,
		"content/es/docs/_index.md": true,
		"content/es/docs/index.md":  false,
	} {
		if got := rc.Excludes(path); got != want {
			t.Errorf("Excludes(%q) = %v, want %v", path, got, want)
		}
	}
	if !rc.Ignores("this heading is identical to the source: \"Docker\"", "Docker") {
		t.Error("Ignores: the quoted text Docker does not match ^Docker$")
	}
	if rc.Ignores("this heading is identical to the source: \"Docker Compose\"", "Docker Compose") {
		t.Error("Ignores: Docker Compose matches ^Docker$")
	}
}
