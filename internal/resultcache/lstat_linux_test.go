package resultcache

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestSnapshotLstat checks that the stat data a snapshot gives of each
// regular file it walked are what os.Lstat gives, field by field as
// glosa's content cache keys a file (size, modification and change
// times, inode, device, mode), with the setuid, setgid and sticky bits;
// and none for a file outside the walk, a folder, a link, or once
// dropped.
func TestSnapshotLstat(t *testing.T) {
	dir := newProject(t)
	modes := map[string]os.FileMode{"content/en/a.md": 0o640, "content/es/a.md": 0o755 | os.ModeSetuid | os.ModeSetgid | os.ModeSticky}
	for p, m := range modes {
		if err := os.Chmod(filepath.Join(dir, p), m); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("a.md", filepath.Join(dir, "content/en/link.md")); err != nil {
		t.Fatal(err)
	}
	_, snap, err := Lookup(request(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"content/en/a.md", "content/es/a.md", "content/en/sub/b.md", "locales/en.yaml"} {
		got, ok := snap.Lstat(p)
		if !ok {
			t.Fatalf("%s: no stat data", p)
		}
		want, err := os.Lstat(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		gs, ws := got.Sys().(*syscall.Stat_t), want.Sys().(*syscall.Stat_t)
		if got.Name() != want.Name() || got.Size() != want.Size() || got.Mode() != want.Mode() || !got.ModTime().Equal(want.ModTime()) ||
			got.IsDir() || gs.Ino != ws.Ino || gs.Dev != ws.Dev || gs.Ctim != ws.Ctim || gs.Mtim != ws.Mtim {
			t.Errorf("%s: Lstat = %s %d %v %v %+v, os.Lstat = %s %d %v %v %+v", p, got.Name(), got.Size(), got.Mode(), got.ModTime(), *gs,
				want.Name(), want.Size(), want.Mode(), want.ModTime(), *ws)
		}
		if m, ok := modes[p]; ok && got.Mode() != m {
			t.Errorf("%s: mode %v, want %v", p, got.Mode(), m)
		}
	}
	for _, p := range []string{"docs/other.md", "content/en", "content/en/sub", "content/en/link.md", "content/en/none.md", "glosa.yaml"} {
		if _, ok := snap.Lstat(p); ok {
			t.Errorf("%s: stat data given", p)
		}
	}
	snap.DropStats()
	if _, ok := snap.Lstat("content/en/a.md"); ok {
		t.Error("stat data given once dropped")
	}
}
