package content

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
	"github.com/glosa/glosa/internal/testtree"
)

// TestParseHostileTOML parses front matter made to blow up TOML readers:
// each is refused at its place, in memory proportional to it.
func TestParseHostileTOML(t *testing.T) {
	var tables strings.Builder
	for i := range 200_000 {
		fmt.Fprintf(&tables, "[t%d]\nk = 1\n", i)
	}
	tests := []struct {
		name  string
		front string
		want  []any
	}{
		{"inline tables 8,000 deep", "title = \"x\"\nx = " + strings.Repeat("{a=", 8000) + "1" + strings.Repeat("}", 8000) + "\n",
			[]any{"err.tooDeep", 3, 5 + 3*limits.Depth}},
		{"200,000 tables", "title = \"x\"\n" + tables.String(), []any{"err.tooManyKeys", 2 + limits.FrontKeys, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte("+++\n" + tt.front + "+++\n\nText.\n")
			var err error
			if grew := testtree.Allocated(func() { _, err = Parse(data) }); grew > 10*uint64(len(data)) {
				t.Errorf("allocated %d bytes for %d bytes of input", grew, len(data))
			}
			var le *l10n.Error
			if !errors.As(err, &le) {
				t.Fatalf("Parse: %v, want an *l10n.Error", err)
			}
			if diff := cmp.Diff(tt.want, []any{le.Text.ID, le.Line, le.Column}); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadInsideTooBig reads entries over the limit, one of them a sparse
// gigabyte that must not be read.
func TestReadInsideTooBig(t *testing.T) {
	root := t.TempDir()
	f, err := os.Create(filepath.Join(root, "big.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadInside(root, "big.md")
	var le *l10n.Error
	if !errors.As(err, &le) || le.Text.ID != "err.tooBig" {
		t.Errorf("ReadInside(1 GB) = %v, want err.tooBig", err)
	}
}
