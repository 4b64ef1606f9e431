package lint_test

import (
	"slices"
	"testing"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/testtree"
)

// TestEvidenceFromCache: what the rules read beyond the units they
// compare — locale-link's evidence that a page exists in a language
// (another entry linking it there), markup-mismatch's code blocks (where a
// translation shows whether a code span was localized) — is the same
// whether the entries come from the files or from glosa's cache. Warm
// runs once read both from the file's text, which a cached entry does not
// keep, and lost those findings.
func TestEvidenceFromCache(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"glosa.yaml":           "source: it\nlanguages: [it, es]\ncontent:\n  - path: content/{lang}/{slug}.md\n",
		"content/it/llm.md":    "---\ntitle: Modelli\n---\n\nVedi la guida.\n",
		"content/es/llm.md":    "---\ntitle: Modelos\n---\n\nVéase [la guía](https://help.example.com/start?hl=it).\n",
		"content/it/gguf.md":   "---\ntitle: GGUF\n---\n\nUn formato di file.\n",
		"content/es/gguf.md":   "---\ntitle: GGUF\n---\n\nUn formato: [la guía](https://help.example.com/start?hl=es).\n",
		"content/it/tokens.md": "---\ntitle: Token\n---\n\nParti di parole.\n",
		"content/it/script.md": "---\ntitle: Script\n---\n\nUsa `is:inline` per lo script.\n\n```astro\n<script is:inline>\n```\n",
		"content/es/script.md": "---\ntitle: Script\n---\n\nUsa `in:inline` para el script.\n\n```astro\n<script is:inline>\n```\n",
		// Active HTML in an HTML block, which the cache keeps apart.
		"content/it/frame.md": "---\ntitle: Frame\n---\n\nUn video.\n\n<iframe src=\"https://video.example.com/x\"></iframe>\n",
		"content/es/frame.md": "---\ntitle: Frame\n---\n\nUn vídeo.\n\n<iframe src=\"javascript:alert(1)\"></iframe>\n",
	}
	testtree.Write(t, dir, files)
	ageTree(t, dir)
	cfg, linter := load(t, dir)
	run := func(cache bool) []string {
		t.Helper()
		opts := content.ScanOptions{Prepare: true, Bodies: true, Release: true}
		if cache {
			opts.Cache = content.OpenCache(dir, cfg, true)
		}
		repo, err := content.ScanWith(dir, cfg, opts)
		if err != nil {
			t.Fatal(err)
		}
		rep := status.ComputeAllWith(repo, nil, nil)
		var out []string
		for _, f := range linter.Run(rep) {
			if f.Rule == "locale-link" || f.Rule == "markup-mismatch" {
				out = append(out, f.Path+": "+f.Message+" / "+f.Fix)
			}
		}
		if opts.Cache != nil {
			if err := opts.Cache.Save(rep.Repo); err != nil {
				t.Fatal(err)
			}
			opts.Cache.Close()
		}
		return out
	}
	want := run(false)
	if len(want) != 6 {
		t.Fatalf("without the cache, findings %q, want six: llm.md (markup and locale), gguf.md, script.md, frame.md (an iframe added and one lost)", want)
	}
	for _, pass := range []string{"cold", "warm"} {
		if got := run(true); !slices.Equal(got, want) {
			t.Errorf("%s cache: findings %q, want %q", pass, got, want)
		}
	}
}
