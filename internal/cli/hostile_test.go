//go:build linux

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestHostile runs testdata/hostile, the bad-input suite of issue 16, on a
// glosa built without the race detector (what is measured is the
// resources of a real binary): every hostile input must be refused as the
// issue says, without a hang and within max(10 × its input, 100 MB) of
// peak memory. The cases known to fail and the slow ones (the 2,000-slug
// corpus) are left out unless GLOSA_HOSTILE_ALL is set; the table is in
// the log (go test -v).
func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds glosa and generates inputs of up to 50 MB")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "glosa")
	build := exec.Command(goTool, "build", "-o", bin, "./cmd/glosa")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	args := []string{"run", "./testdata/hostile", "-glosa", bin, "-v"}
	if os.Getenv("GLOSA_HOSTILE_ALL") == "" {
		args = append(args, "-slow=false", "-known=false")
	}
	cmd := exec.Command(goTool, args...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	t.Logf("go %v\n%s", args, out)
	if err != nil {
		t.Errorf("testdata/hostile: %v (a case failed: see its row and output above)", err)
	}
}
