//go:build !linux

package content

import "io/fs"

// keyOf returns what the cache knows a file by: its size, modification
// time and mode (this system's inode numbers are not read).
func keyOf(fi fs.FileInfo) fileKey {
	return fileKey{Size: fi.Size(), Mtime: fi.ModTime().UnixNano(), Mode: uint32(fi.Mode())}
}

// noFollow is 0 here: CheckCacheDir alone keeps links out of the cache.
const noFollow = 0
