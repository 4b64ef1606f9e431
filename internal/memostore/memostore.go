// Package memostore keeps records keyed by SHA-256 digests in one file of
// glosa's cache (content.CacheDir), under the content cache's stamp
// (glosa's build and the configuration's bytes): the lint memo's findings
// and the parsed catalogs are kept so. A store keeps what a run used or
// made, so that the records of files gone do not pile up.
package memostore

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/content"
)

// Key is the digest a record is kept under.
type Key = [sha256.Size]byte

// The format of a store's file: its magic (whose last byte is the
// format's version), the stamp, then for each key its 32 bytes and its
// record as a uvarint length and the bytes, then the CRC-32C of
// everything before, 4 bytes. A file that does not start so, or whose
// checksum does not match, is an empty store, replaced when it is saved.

// maxFile is the largest store file read.
const maxFile = 1 << 30

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Store is the records of one file of glosa's cache. Safe for concurrent
// use.
type Store struct {
	root, name string
	magic      []byte
	stamp      Key

	mu    sync.Mutex
	old   map[Key][]byte
	used  map[Key][]byte
	dirty bool
}

// Open reads the store name of content.CacheDir in the repository at
// root, written with magic under stamp; a missing, damaged or foreign
// file is an empty store. The content cache must not be refused (see
// content.Cache.Refused).
func Open(root, name string, magic []byte, stamp Key) *Store {
	s := &Store{root: root, name: name, magic: magic, stamp: stamp, old: map[Key][]byte{}, used: map[Key][]byte{}}
	p := filepath.Join(root, filepath.FromSlash(content.CacheDir), name)
	if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() || fi.Size() > maxFile {
		return s
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return s
	}
	if old, err := decode(data, magic, stamp); err == nil {
		s.old = old
	}
	return s
}

// errStore is a file that is not whole, not this glosa's or damaged.
var errStore = errors.New("not a store of this glosa and configuration")

// decode returns the records of a store file written with magic under
// stamp.
func decode(data, magic []byte, stamp Key) (map[Key][]byte, error) {
	head := len(magic) + len(stamp)
	if len(data) < head+4 || !bytes.HasPrefix(data, magic) || !bytes.Equal(data[len(magic):head], stamp[:]) {
		return nil, errStore
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.BigEndian.Uint32(data[len(data)-4:]) {
		return nil, errStore
	}
	out := map[Key][]byte{}
	for rest := body[head:]; len(rest) > 0; {
		if len(rest) < sha256.Size {
			return nil, errStore
		}
		key := Key(rest[:sha256.Size])
		rest = rest[sha256.Size:]
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			return nil, errStore
		}
		out[key] = rest[k : k+int(n) : k+int(n)]
		rest = rest[k+int(n):]
	}
	return out, nil
}

// Get returns the record kept under key, and keeps it for the next run.
func (s *Store) Get(key Key) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	raw, ok := s.old[key]
	if ok {
		s.used[key] = raw
	}
	return raw, ok
}

// Put keeps raw under key.
func (s *Store) Put(key Key, raw []byte) {
	s.mu.Lock()
	s.used[key] = raw
	s.dirty = true
	s.mu.Unlock()
}

// Save writes the store when this run put anything, or left out records
// of the file it read.
func (s *Store) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.dirty && len(s.used) == len(s.old) {
		return nil
	}
	if err := content.CheckCacheDir(s.root); err != nil {
		return err
	}
	if err := atomicfile.MkdirAll(s.root, content.CacheDir); err != nil {
		return err
	}
	if err := atomicfile.Write(s.root, content.CacheDir+"/"+s.name, s.file()); err != nil {
		return err
	}
	s.old, s.used, s.dirty = s.used, map[Key][]byte{}, false
	return nil
}

// file returns the store's file of the records used or made this run,
// sorted by key.
func (s *Store) file() []byte {
	keys := make([]Key, 0, len(s.used))
	size := len(s.magic) + len(s.stamp) + 4
	for k, raw := range s.used {
		keys = append(keys, k)
		size += len(k) + binary.MaxVarintLen64 + len(raw)
	}
	slices.SortFunc(keys, func(a, b Key) int { return bytes.Compare(a[:], b[:]) })
	b := make([]byte, 0, size)
	b = append(append(b, s.magic...), s.stamp[:]...)
	for _, k := range keys {
		b = append(b, k[:]...)
		b = binary.AppendUvarint(b, uint64(len(s.used[k])))
		b = append(b, s.used[k]...)
	}
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}
