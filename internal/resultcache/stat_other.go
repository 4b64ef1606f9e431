//go:build !linux

package resultcache

import (
	"os"
	"os/exec"
)

// infoOf returns fi's stat data: size, mode and modification time here.
func infoOf(fi os.FileInfo) info {
	return info{size: fi.Size(), mode: uint32(fi.Mode()), mtime: fi.ModTime().UnixNano(), dir: fi.IsDir(), link: fi.Mode()&os.ModeSymlink != 0}
}

// statAt returns the stat data of name in the folder at p, not following
// a link.
func statAt(dir *os.File, p, name string) (info, error) {
	fi, err := os.Lstat(p + string(os.PathSeparator) + name)
	if err != nil {
		return info{}, err
	}
	return infoOf(fi), nil
}

// lookGit returns the git program's path.
func lookGit() (string, error) { return exec.LookPath("git") }

// fileInfoOf gives no stat data here: a scan asks the system.
func fileInfoOf(string, info) (os.FileInfo, bool) { return nil, false }

// typeOf returns the type bits of the file whose stat data are i.
func typeOf(i info) os.FileMode { return os.FileMode(i.mode).Type() }
