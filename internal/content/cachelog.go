package content

import (
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"sort"

	"github.com/glosa/glosa/internal/record"
)

// The cache file is a log: a run that read a few files again appends
// their records, and an empty record for each file gone, after the
// records they replace, instead of writing the whole file again (49 MB at
// ten thousand files, for one edited page). The checksum at the end is
// carried on over the appended bytes (CRC-32C continues from its value),
// so that the old bytes are neither read nor written again. When the
// records no longer counted would make up more than half of the file, it
// is written anew, compact (see Save).
//
// An append is not atomic as a rename is: a run killed while appending
// leaves a file whose checksum does not match, which the next run ignores
// and replaces, as any damaged cache. Of two runs appending at once, the
// last write wins whole (the records of the other are missing: their
// files are read again next time) or leaves a checksum that does not
// match. A run appends only to the file it read, as it read it (see
// appendLog).

// logState is what appending to the cache file read needs to know of it.
type logState struct {
	// sum is the CRC-32C of the file before its last 4 bytes, size the
	// file's size.
	sum  uint32
	size int64
	// frames counts the bytes of the paths and records, dead those of
	// the records a later one replaced and of the empty ones.
	frames, dead int64
}

// frameSize returns the bytes a path and a record of n bytes take in the
// cache file.
func frameSize(path string, n int) int64 {
	return int64(uvarintLen(uint64(len(path))) + len(path) + uvarintLen(uint64(n)) + n)
}

func uvarintLen(v uint64) int {
	var b [binary.MaxVarintLen64]byte
	return binary.PutUvarint(b[:], v)
}

// appendFrame appends a path and its record, as the cache file holds
// them, to buf.
func appendFrame(buf []byte, path string, raw []byte) []byte {
	w := &record.Writer{Buf: buf}
	w.Str(path)
	w.Uint(uint64(len(raw)))
	return append(w.Buf, raw...)
}

// recordFor returns the record of an entry to save: the one of the cache
// file or of the spool, or one made now; nil when it cannot be cached.
func (c *Cache) recordFor(e *Entry, repo *Repo) []byte {
	if raw := c.raw(e); raw != nil {
		if e.rekey { // adopted: its file's stat data are new
			return rekeyed(raw, e.key)
		}
		return raw
	}
	k, _ := c.freshKey(e)
	return c.encode(e, k, repo.Schema(e))
}

// appendLog saves the cache by appending to the cache file read, when
// there is one and it would not become more than half records no longer
// counted; false when the file must be written whole. entries are those
// Save keeps, in any order: the records appended are sorted by path.
func (c *Cache) appendLog(entries []*Entry, repo *Repo) bool {
	if c.old == nil {
		return false
	}
	// savedOld counts the file's paths that keep a record: when it is all
	// of them, none is gone, and the paths need no set to find which.
	var changed, savedNew []*Entry
	savedOld := 0
	for _, e := range entries {
		if _, old := c.index[e.Path]; e.hit && old && !e.rekey {
			savedOld++
		} else {
			changed = append(changed, e)
		}
	}
	sort.Slice(changed, func(i, j int) bool { return changed[i].Path < changed[j].Path })
	// What is appended is held in memory: when many files changed (a
	// checkout of another branch), the file is written whole, as it is
	// made, instead.
	limit := max(1<<20, c.log.frames/16)
	var buf []byte
	dead := c.log.dead
	for _, e := range changed {
		at, old := c.index[e.Path]
		raw := c.recordFor(e, repo)
		if raw == nil {
			continue // the path's old record, if any, goes below
		}
		savedNew = append(savedNew, e)
		if old {
			savedOld++
			dead += frameSize(e.Path, at.n)
		}
		if buf = appendFrame(buf, e.Path, raw); int64(len(buf)) > limit {
			return false
		}
	}
	var gone []string
	if savedOld < len(c.index) {
		saved := make(map[string]bool, len(entries))
		for _, e := range entries {
			if _, old := c.index[e.Path]; e.hit && old && !e.rekey {
				saved[e.Path] = true
			}
		}
		for _, e := range savedNew {
			saved[e.Path] = true
		}
		for p := range c.index {
			if !saved[p] {
				gone = append(gone, p)
			}
		}
	}
	sort.Strings(gone)
	for _, p := range gone {
		dead += frameSize(p, c.index[p].n) + frameSize(p, 0)
		buf = appendFrame(buf, p, nil)
	}
	if len(buf) == 0 {
		return true // the file holds what it would be written with
	}
	if frames := c.log.frames + int64(len(buf)); dead*2 > frames {
		return false
	}
	f, err := os.OpenFile(filepath.Join(c.root, filepath.FromSlash(CacheDir), cacheFile), os.O_WRONLY|noFollow, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	// The file must be the one read, as it was read: another run may
	// have replaced it since.
	now, err1 := f.Stat()
	was, err2 := c.old.Stat()
	if err1 != nil || err2 != nil || !os.SameFile(now, was) || now.Size() != c.log.size {
		return false
	}
	sum := crc32.Update(c.log.sum, castagnoli(), buf)
	buf = binary.BigEndian.AppendUint32(buf, sum)
	// The new records go where the old checksum was.
	if _, err := f.WriteAt(buf, c.log.size-4); err != nil {
		return false // the damaged file is written whole
	}
	return true
}
