//go:build unix

package atomicfile

import (
	"os"

	"golang.org/x/sys/unix"
)

// inGit reports whether dir, a folder opened through root, is root's .git
// folder or in it. It walks up from dir itself by "..", which follows no
// link, so the answer is about the folder the write will use, whatever
// its path became since the checks. A folder it cannot place under root
// counts as in .git: no write goes there.
func inGit(root, dir *os.Root) bool {
	git, err := root.Lstat(".git")
	if err != nil || !git.IsDir() {
		return false
	}
	top, err := root.Stat(".")
	if err != nil {
		return true
	}
	cur, err := dir.Open(".")
	if err != nil {
		return true
	}
	defer func() { cur.Close() }()
	for {
		fi, err := cur.Stat()
		if err != nil {
			return true
		}
		if os.SameFile(fi, top) {
			return false
		}
		if os.SameFile(fi, git) {
			return true
		}
		// x/sys/unix, not syscall: syscall has no Openat on darwin.
		fd, err := unix.Openat(int(cur.Fd()), "..", unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
		if err != nil {
			return true
		}
		up := os.NewFile(uintptr(fd), "..")
		if upFi, err := up.Stat(); err != nil || os.SameFile(upFi, fi) {
			up.Close()
			return true // the file system's root, never met root
		}
		cur.Close()
		cur = up
	}
}
