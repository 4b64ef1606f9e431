package content

import (
	"io/fs"
	"syscall"
)

// keyOf returns what the cache knows a file by: its size, modification
// and change times, inode, device and mode.
func keyOf(fi fs.FileInfo) fileKey {
	k := fileKey{Size: fi.Size(), Mtime: fi.ModTime().UnixNano(), Mode: uint32(fi.Mode())}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		k.Ino, k.Dev = st.Ino, st.Dev
		k.Ctime = st.Ctim.Sec*1e9 + st.Ctim.Nsec
	}
	return k
}

// noFollow makes opening the cache file fail when it is a symbolic link,
// even one planted after CheckCacheDir looked.
const noFollow = syscall.O_NOFOLLOW
