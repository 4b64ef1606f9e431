package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkWrite writes 300 small files, a stamp of a small site: one
// operation is the 300 writes.
func BenchmarkWrite(b *testing.B) {
	root := b.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content", "es"), 0o755); err != nil {
		b.Fatal(err)
	}
	rels := make([]string, 300)
	for i := range rels {
		rels[i] = fmt.Sprintf("content/es/page-%03d.md", i)
	}
	data := []byte("---\ntitle: Página\n---\nUn párrafo de texto traducido.\n")
	for b.Loop() {
		for _, rel := range rels {
			if err := Write(root, rel, data); err != nil {
				b.Fatal(err)
			}
		}
	}
}
