//go:build linux

package resultcache

import (
	"os"
	"os/exec"
	"syscall"

	"golang.org/x/sys/unix"
)

// infoOf returns fi's stat data.
func infoOf(fi os.FileInfo) info {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return info{size: fi.Size(), mode: uint32(fi.Mode()), mtime: fi.ModTime().UnixNano(), dir: fi.IsDir(), link: fi.Mode()&os.ModeSymlink != 0}
	}
	return fromStat(st)
}

// fromStat returns the stat data st holds.
func fromStat(st *syscall.Stat_t) info {
	kind := st.Mode & syscall.S_IFMT
	return info{size: st.Size, mode: st.Mode, mtime: st.Mtim.Sec*1e9 + st.Mtim.Nsec, ctime: st.Ctim.Sec*1e9 + st.Ctim.Nsec,
		ino: st.Ino, dev: st.Dev, dir: kind == syscall.S_IFDIR, link: kind == syscall.S_IFLNK}
}

// statAt returns the stat data of name in the open folder dir, at p, not
// following a link: one fstatat on the folder, which resolves one name
// instead of the whole path.
func statAt(dir *os.File, p, name string) (info, error) {
	var st unix.Stat_t
	for {
		err := unix.Fstatat(int(dir.Fd()), name, &st, unix.AT_SYMLINK_NOFOLLOW)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return info{}, &os.PathError{Op: "lstat", Path: p + "/" + name, Err: err}
		}
		kind := st.Mode & unix.S_IFMT
		return info{size: st.Size, mode: st.Mode, mtime: st.Mtim.Sec*1e9 + st.Mtim.Nsec, ctime: st.Ctim.Sec*1e9 + st.Ctim.Nsec,
			ino: st.Ino, dev: st.Dev, dir: kind == unix.S_IFDIR, link: kind == unix.S_IFLNK}, nil
	}
}

// lookGit returns the git program's path.
func lookGit() (string, error) { return exec.LookPath("git") }
