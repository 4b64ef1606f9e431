//go:build linux

package resultcache

import (
	"os"
	"os/exec"
	"syscall"
	"time"

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

// fileInfoOf returns the stat data i of the file name as os.Lstat gives
// them, for a regular file only: its mode as os.FileMode, its times, and
// a *syscall.Stat_t with its inode, device and times.
func fileInfoOf(name string, i info) (os.FileInfo, bool) {
	if i.mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, false
	}
	mode := os.FileMode(i.mode & 0o777)
	if i.mode&syscall.S_ISUID != 0 {
		mode |= os.ModeSetuid
	}
	if i.mode&syscall.S_ISGID != 0 {
		mode |= os.ModeSetgid
	}
	if i.mode&syscall.S_ISVTX != 0 {
		mode |= os.ModeSticky
	}
	st := &syscall.Stat_t{Ino: i.ino, Dev: i.dev, Mode: i.mode, Size: i.size,
		Mtim: syscall.NsecToTimespec(i.mtime), Ctim: syscall.NsecToTimespec(i.ctime)}
	return statInfo{name: name, mode: mode, st: st}, true
}

// statInfo is os.FileInfo made of stat data.
type statInfo struct {
	name string
	mode os.FileMode
	st   *syscall.Stat_t
}

func (s statInfo) Name() string       { return s.name }
func (s statInfo) Size() int64        { return s.st.Size }
func (s statInfo) Mode() os.FileMode  { return s.mode }
func (s statInfo) ModTime() time.Time { return time.Unix(0, syscall.TimespecToNsec(s.st.Mtim)) }
func (s statInfo) IsDir() bool        { return false }
func (s statInfo) Sys() any           { return s.st }

// typeOf returns the type bits of the file whose stat data are i, as
// os.ReadDir's entries give them.
func typeOf(i info) os.FileMode {
	switch i.mode & syscall.S_IFMT {
	case syscall.S_IFDIR:
		return os.ModeDir
	case syscall.S_IFLNK:
		return os.ModeSymlink
	case syscall.S_IFIFO:
		return os.ModeNamedPipe
	case syscall.S_IFSOCK:
		return os.ModeSocket
	case syscall.S_IFCHR:
		return os.ModeDevice | os.ModeCharDevice
	case syscall.S_IFBLK:
		return os.ModeDevice
	}
	return 0
}
