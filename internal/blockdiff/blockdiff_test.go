package blockdiff

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/glosa/glosa/internal/markdown"
)

// TestEditsApply checks on random inputs that the script turns a into b
// and is no longer than deleting and inserting everything.
func TestEditsApply(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		a := make([]int, r.IntN(12))
		b := make([]int, r.IntN(12))
		for i := range a {
			a[i] = r.IntN(4)
		}
		for i := range b {
			b[i] = r.IntN(4)
		}
		var got []int
		kept := 0
		for _, o := range edits(a, b) {
			switch o.kind {
			case '=':
				if a[o.a] != b[o.b] {
					t.Fatalf("edits(%v, %v) keeps unequal a[%d] b[%d]", a, b, o.a, o.b)
				}
				got = append(got, a[o.a])
				kept++
			case '+':
				got = append(got, b[o.b])
			}
		}
		if diff := cmp.Diff(b, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("edits(%v, %v) gives (-want +got):\n%s", a, b, diff)
		}
		if want := lcs(a, b); kept != want {
			t.Fatalf("edits(%v, %v) keeps %d, the LCS is %d", a, b, kept, want)
		}
	}
}

func lcs(a, b []int) int {
	t := make([][]int, len(a)+1)
	for i := range t {
		t[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	return t[0][0]
}

func TestUnified(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"change", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n", `--- a
+++ b
@@ -2,7 +2,7 @@
 2
 3
 4
-5
+five
 6
 7
 8
`},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "one\n2\n3\n4\n5\n6\n7\n8\n9\n10\neleven\n", `--- a
+++ b
@@ -1,4 +1,4 @@
-1
+one
 2
 3
 4
@@ -8,3 +8,4 @@
 8
 9
 10
+eleven
`},
		{"from empty", "", "x\n", "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n"},
		{"no newline", "a\nb", "a\nb\n", "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Unified("a", "b", []byte(tt.old), []byte(tt.new), 3)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestBlocks(t *testing.T) {
	old := markdown.Analyze([]byte(strings.Join([]string{
		"# Title", "", "The cat sat on the mat.", "", "Goodbye forever.", "", "Kept as it\nwas.", "",
	}, "\n")), 1).Blocks
	new := markdown.Analyze([]byte(strings.Join([]string{
		"# Title", "", "The cat sat on the red mat.", "", "Kept as it was.", "", "A new one.", "",
	}, "\n")), 1).Blocks
	got := Blocks(old, new, 8)
	want := []Block{
		{Change: Changed, Kind: "paragraph", Line: 3, OldLine: 3, Text: "The cat sat on the red mat.", OldText: "The cat sat on the mat."},
		{Change: Removed, Kind: "paragraph", Line: 5, OldLine: 5, Text: "Goodbye forever."},
		{Change: Added, Kind: "paragraph", Line: 7, Text: "A new one."},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
