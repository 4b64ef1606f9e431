package workspace

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/content"
)

// wordsFile is the file in content.CacheDir where glosa remembers the
// words left in stale translations and drafts (see status.Memo). Its
// format: wordsMagic, the content cache's stamp, then for each
// translation a 32-byte key and the words as a uvarint. A file that does
// not start so is ignored and replaced.
const wordsFile = "words"

var wordsMagic = []byte("glosa-words\n")

// wordsMemo is a status.Memo kept in wordsFile. It keeps the counts this
// run asked for or made, so that counts of versions gone do not pile up.
type wordsMemo struct {
	root  string
	stamp [sha256.Size]byte
	old   map[[sha256.Size]byte]int
	// mu guards used and dirty: Revise's finders ask and tell at once.
	mu    sync.Mutex
	used  map[[sha256.Size]byte]int
	dirty bool
}

// openWordsMemo reads the memo kept beside cache; an unreadable or
// foreign file is an empty memo.
func openWordsMemo(root string, cache *content.Cache) *wordsMemo {
	m := &wordsMemo{root: root, stamp: cache.Stamp(), old: map[[sha256.Size]byte]int{}, used: map[[sha256.Size]byte]int{}}
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(content.CacheDir), wordsFile))
	head := append(append([]byte{}, wordsMagic...), m.stamp[:]...)
	if err != nil || !bytes.HasPrefix(data, head) {
		return m
	}
	r := bytes.NewReader(data[len(head):])
	for {
		var key [sha256.Size]byte
		if _, err := io.ReadFull(r, key[:]); err != nil {
			return m
		}
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return m
		}
		m.old[key] = int(n)
	}
}

func (m *wordsMemo) Words(key [sha256.Size]byte) (int, bool) {
	n, ok := m.old[key]
	if ok {
		m.mu.Lock()
		m.used[key] = n
		m.mu.Unlock()
	}
	return n, ok
}

func (m *wordsMemo) Remember(key [sha256.Size]byte, words int) {
	m.mu.Lock()
	m.used[key] = words
	m.dirty = true
	m.mu.Unlock()
}

// draftsOnly is a words memo for a run without the whole git history:
// it gives and keeps the drafts' counts only (see status.Memo).
type draftsOnly struct{ *wordsMemo }

// DraftsOnly says so to status.Revise.
func (draftsOnly) DraftsOnly() bool { return true }

// noVersionKey is the key under which the memo remembers that FindVersion
// found no version of src for rec: what its answer depends on, the
// configuration aside, which the memo's stamp holds.
func (m *wordsMemo) noVersionKey(srcHash string, src *content.Entry, rec *content.Record, head string) [sha256.Size]byte {
	return sha256.Sum256(fmt.Appendf(nil, "no version\x00%s\x00%t\x00%s\x00%s\x00%s\x00%s",
		src.Path, src.Err == nil, srcHash, rec.Commit, rec.Hash, head))
}

// save writes the memo when this run counted anything new, or left out
// counts it no longer needs.
func (m *wordsMemo) save() error {
	if !m.dirty && len(m.used) == len(m.old) {
		return nil
	}
	return atomicfile.WriteFrom(m.root, content.CacheDir+"/"+wordsFile, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		bw.Write(wordsMagic)
		bw.Write(m.stamp[:])
		var buf [binary.MaxVarintLen64]byte
		for key, n := range m.used {
			bw.Write(key[:])
			bw.Write(buf[:binary.PutUvarint(buf[:], uint64(n))])
		}
		return bw.Flush()
	})
}
