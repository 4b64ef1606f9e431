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

// castagnoli is the CRC-32 table of the checksums, made when first used.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

// Store is the records of one file of glosa's cache. Safe for concurrent
// use.
//
// The records of the file read stay in its bytes, found through its keys,
// which the file keeps sorted, by binary search: a memo of a million
// records costs 5 bytes a record besides them (where each key is), where
// maps cost over a hundred (at 100,000 files, the difference is the
// memory bound's margin).
type Store struct {
	root, name string
	magic      []byte
	stamp      Key

	mu sync.Mutex
	// offs locates the records of the file read (data) in key order:
	// where each one's key starts, its length and bytes following (see
	// the format above); used marks those this run asked for.
	data []byte
	offs []uint32
	used []bool
	// first is where the keys of each 16-bit prefix start in offs (see
	// buckets), nil when there are none.
	first []uint32
	// fresh holds the records put this run, in order: a list, not a map,
	// as a cold run puts a record for every file and rule. Their bytes
	// are in arena, in blocks of arenaBlock bytes.
	fresh []record
	arena [][]byte
	dirty bool
}

// record is a record put: its key, and where its bytes are in the arena.
type record struct {
	key Key
	at  span
}

// arenaBlock is the size of a block of a store's arena: a record is never
// split between two, one larger than it has a block of its own.
const arenaBlock = 1 << 20

// keep copies raw into the arena and returns where it is there: the
// block's index times arenaBlock, plus the offset in the block.
func (s *Store) keep(raw []byte) span {
	last := len(s.arena) - 1
	if last < 0 || len(s.arena[last])+len(raw) > cap(s.arena[last]) || len(s.arena[last]) >= arenaBlock {
		s.arena = append(s.arena, make([]byte, 0, max(arenaBlock, len(raw))))
		last++
	}
	at := span{off: uint32(last*arenaBlock + len(s.arena[last])), n: uint32(len(raw))}
	s.arena[last] = append(s.arena[last], raw...)
	return at
}

// put returns the bytes of a record put.
func (s *Store) put(r record) []byte {
	block, off := s.arena[r.at.off/arenaBlock], r.at.off%arenaBlock
	return block[off : off+r.at.n : off+r.at.n]
}

// span is where a record lies in a store's file.
type span struct{ off, n uint32 }

// Open reads the store name of content.CacheDir in the repository at
// root, written with magic under stamp; a missing, damaged or foreign
// file is an empty store. The content cache must not be refused (see
// content.Cache.Refused).
func Open(root, name string, magic []byte, stamp Key) *Store {
	s := &Store{root: root, name: name, magic: magic, stamp: stamp}
	p := filepath.Join(root, filepath.FromSlash(content.CacheDir), name)
	if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() || fi.Size() > maxFile {
		return s
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return s
	}
	if offs, err := decode(data, magic, stamp); err == nil {
		s.data, s.offs, s.used, s.first = data, offs, make([]bool, len(offs)), buckets(data, offs)
	}
	return s
}

// errStore is a file that is not whole, not this glosa's or damaged.
var errStore = errors.New("not a store of this glosa and configuration")

// decode returns where each key of a store file written with magic under
// stamp starts in it; the keys must be in order, each once.
func decode(data, magic []byte, stamp Key) ([]uint32, error) {
	head := len(magic) + len(stamp)
	if len(data) < head+4 || !bytes.HasPrefix(data, magic) || !bytes.Equal(data[len(magic):head], stamp[:]) {
		return nil, errStore
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli()) != binary.BigEndian.Uint32(data[len(data)-4:]) {
		return nil, errStore
	}
	var offs []uint32
	var last []byte
	for off := head; off < len(body); {
		if len(body)-off < sha256.Size {
			return nil, errStore
		}
		key := body[off : off+sha256.Size]
		if last != nil && bytes.Compare(last, key) >= 0 {
			return nil, errStore
		}
		offs, last = append(offs, uint32(off)), key
		off += sha256.Size
		n, k := binary.Uvarint(body[off:])
		if k <= 0 || n > uint64(len(body)-off-k) {
			return nil, errStore
		}
		off += k + int(n)
	}
	return offs, nil
}

// find returns the index of key among the file's keys; false when it is
// not there. Keys are digests, spread evenly: the search is among those
// of the key's 16-bit prefix only, a few where a search of all took 20
// comparisons.
func (s *Store) find(key Key) (int, bool) {
	if s.first == nil {
		return 0, false
	}
	p := prefix(key[:])
	lo, hi := int(s.first[p]), int(s.first[p+1])
	i, ok := slices.BinarySearchFunc(s.offs[lo:hi], key, func(off uint32, k Key) int { return bytes.Compare(s.data[off:off+sha256.Size], k[:]) })
	return lo + i, ok
}

// key returns the file's i-th key.
func (s *Store) key(i int) Key { return Key(s.data[s.offs[i] : s.offs[i]+sha256.Size]) }

// prefix returns a key's first 16 bits.
func prefix(k []byte) int { return int(k[0])<<8 | int(k[1]) }

// buckets returns, for the keys of data at offs, in order, where those of
// each 16-bit prefix p start: first[p], up to first[p+1]; nil for no keys.
func buckets(data []byte, offs []uint32) []uint32 {
	if len(offs) == 0 {
		return nil
	}
	first := make([]uint32, 1<<16+1)
	for _, off := range offs {
		first[prefix(data[off:])+1]++
	}
	for p := 1; p < len(first); p++ {
		first[p] += first[p-1]
	}
	return first
}

// record returns the file's i-th record.
func (s *Store) record(i int) []byte {
	off := int(s.offs[i]) + sha256.Size
	n, k := binary.Uvarint(s.data[off:]) // checked by decode
	off += k
	end := off + int(n)
	return s.data[off:end:end]
}

// Get returns the record the file read keeps under key (not one put
// since), and keeps it for the next run.
func (s *Store) Get(key Key) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	i, ok := s.find(key)
	if !ok {
		return nil, false
	}
	s.used[i] = true
	return s.record(i), true
}

// Put keeps raw under key for the next run, in place of any record the
// file read has of it; of two puts of one key, the last.
func (s *Store) Put(key Key, raw []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.arena)*arenaBlock+len(raw) > maxFile {
		// More than a file is read with: not kept, as if never made
		// (the arena's offsets stay within 32 bits).
		return
	}
	s.fresh = append(s.fresh, record{key, s.keep(raw)})
	s.dirty = true
}

// Save writes the store when this run put anything, or left out records
// of the file it read.
func (s *Store) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.dirty && !slices.Contains(s.used, false) {
		return nil
	}
	if err := content.CheckCacheDir(s.root); err != nil {
		return err
	}
	if err := atomicfile.MkdirAll(s.root, content.CacheDir); err != nil {
		return err
	}
	file, offs := s.file()
	if err := atomicfile.Write(s.root, content.CacheDir+"/"+s.name, file); err != nil {
		return err
	}
	s.data, s.offs, s.used, s.first = file, offs, make([]bool, len(offs)), buckets(file, offs)
	s.fresh, s.arena, s.dirty = nil, nil, false
	return nil
}

// file returns the store's file of the records used or made this run,
// sorted by key: the file's records used, with those put in their place,
// and the new ones; and where each key starts in it, as decode would
// find. The file's records, in key order already, are merged with the
// sorted puts as they are written, not gathered first: at a million
// records, a list of them all cost 56 MB more.
func (s *Store) file() ([]byte, []uint32) {
	// Sorted in place: each key once, the list is what the puts left,
	// whatever its order, should the file not be written.
	fresh := s.fresh
	slices.Reverse(fresh)
	slices.SortStableFunc(fresh, func(a, b record) int { return bytes.Compare(a.key[:], b.key[:]) })
	fresh = slices.CompactFunc(fresh, func(a, b record) bool { return a.key == b.key })
	s.fresh = fresh
	// Of the file's records, those used and not put again; j is where
	// the file's i-th key is, or would be, among the puts.
	kept := func(i, j int) bool {
		return s.used[i] && (j >= len(fresh) || fresh[j].key != s.key(i))
	}
	size, count := len(s.magic)+len(s.stamp)+4, len(fresh)
	for _, r := range fresh {
		size += len(r.key) + binary.MaxVarintLen64 + int(r.at.n)
	}
	for i := range s.offs {
		j, _ := slices.BinarySearchFunc(fresh, s.key(i), func(r record, k Key) int { return bytes.Compare(r.key[:], k[:]) })
		if kept(i, j) {
			size += sha256.Size + binary.MaxVarintLen64 + len(s.record(i))
			count++
		}
	}
	b := make([]byte, 0, size)
	b = append(append(b, s.magic...), s.stamp[:]...)
	offs := make([]uint32, 0, count)
	add := func(key Key, raw []byte) {
		offs = append(offs, uint32(len(b)))
		b = append(b, key[:]...)
		b = binary.AppendUvarint(b, uint64(len(raw)))
		b = append(b, raw...)
	}
	j := 0
	for i := range s.offs {
		k := s.key(i)
		for j < len(fresh) && bytes.Compare(fresh[j].key[:], k[:]) < 0 {
			add(fresh[j].key, s.put(fresh[j]))
			j++
		}
		if kept(i, j) {
			add(k, s.record(i))
		}
	}
	for ; j < len(fresh); j++ {
		add(fresh[j].key, s.put(fresh[j]))
	}
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli())), offs
}
