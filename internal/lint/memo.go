package lint

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
	"github.com/glosa/glosa/internal/status"
)

// memoScope says what a rule's findings depend on, when glosa's cache may
// remember them (see Memo).
type memoScope int

const (
	// anyScope: the rule reads more than one pair or entry (indexes of
	// the repository, the termbase, other languages); it always runs.
	anyScope memoScope = iota
	// pairScope: the findings of a translation depend only on it, its
	// source, its state, its item's slug and the configuration.
	pairScope
	// entryScope: the findings of an entry depend only on it and the
	// configuration.
	entryScope
)

// memoFile is the file in content.CacheDir where the memo is kept. Its
// format: memoMagic (whose last byte is the format's version), the
// content cache's stamp (glosa's build and the configuration's bytes),
// then for each key its 32 bytes and its findings (see encodeFindings)
// as a uvarint length and the bytes, then the CRC-32C of everything
// before, 4 bytes. A file that does not start so, or whose checksum does
// not match, is an empty memo, replaced when the memo is saved.
const memoFile = "lint"

var memoMagic = []byte("glosa-lint\n\x01")

// maxMemo is the largest memo file read.
const maxMemo = 1 << 30

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Memo remembers the findings of the rules whose findings depend on one
// pair of files (or one file) and the configuration, so that a warm check
// runs them only where a file changed. It is keyed by the identity of
// the files as glosa's cache vouches for them (see content.Cache.Identity),
// the rule, the languages, the translation's state and the cache's stamp,
// which holds glosa's build and the configuration (the rules' options
// among it). It keeps what a run used or made, so that the findings of
// files gone do not pile up. Safe for the checkers of a wave at once.
type Memo struct {
	root     string
	stamp    [sha256.Size]byte
	identity func(*content.Entry) ([]byte, bool)

	mu    sync.Mutex
	old   map[[sha256.Size]byte][]byte
	used  map[[sha256.Size]byte][]byte
	dirty bool
}

// OpenMemo reads the memo kept beside cache, in the repository at root;
// a missing, damaged or foreign file is an empty memo. The cache must
// not be refused (see content.Cache.Refused).
func OpenMemo(root string, cache *content.Cache) *Memo {
	m := &Memo{root: root, stamp: cache.Stamp(), identity: cache.Identity,
		old: map[[sha256.Size]byte][]byte{}, used: map[[sha256.Size]byte][]byte{}}
	p := filepath.Join(root, filepath.FromSlash(content.CacheDir), memoFile)
	if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() || fi.Size() > maxMemo {
		return m
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return m
	}
	if old, err := decodeMemo(data, m.stamp); err == nil {
		m.old = old
	}
	return m
}

// errMemo is a memo file that is not whole, not this glosa's or damaged.
var errMemo = errors.New("not a lint memo of this glosa and configuration")

// decodeMemo returns the records of a memo file written under stamp.
func decodeMemo(data []byte, stamp [sha256.Size]byte) (map[[sha256.Size]byte][]byte, error) {
	head := len(memoMagic) + len(stamp)
	if len(data) < head+4 || !bytes.HasPrefix(data, memoMagic) || !bytes.Equal(data[len(memoMagic):head], stamp[:]) {
		return nil, errMemo
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli) != binary.BigEndian.Uint32(data[len(data)-4:]) {
		return nil, errMemo
	}
	out := map[[sha256.Size]byte][]byte{}
	for rest := body[head:]; len(rest) > 0; {
		if len(rest) < sha256.Size {
			return nil, errMemo
		}
		key := [sha256.Size]byte(rest[:sha256.Size])
		rest = rest[sha256.Size:]
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)-k) {
			return nil, errMemo
		}
		out[key] = rest[k : k+int(n) : k+int(n)]
		rest = rest[k+int(n):]
	}
	return out, nil
}

// get returns the findings remembered under key; false when there are
// none, or their record cannot be read.
func (m *Memo) get(key [sha256.Size]byte) ([]Finding, bool) {
	m.mu.Lock()
	raw, ok := m.old[key]
	if ok {
		m.used[key] = raw
	}
	m.mu.Unlock()
	if !ok {
		return nil, false
	}
	fs, err := decodeFindings(raw)
	return fs, err == nil
}

// put remembers the findings of key; findings it cannot write (a Text
// whose data holds a kind of value the format has not) are not
// remembered, and run again next time.
func (m *Memo) put(key [sha256.Size]byte, fs []Finding) {
	raw, ok := encodeFindings(fs)
	if !ok {
		return
	}
	m.mu.Lock()
	m.used[key] = raw
	m.dirty = true
	m.mu.Unlock()
}

// save writes the memo when this run remembered anything new, or left
// out records of the file it read.
func (m *Memo) save() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.dirty && len(m.used) == len(m.old) {
		return nil
	}
	if err := content.CheckCacheDir(m.root); err != nil {
		return err
	}
	if err := atomicfile.MkdirAll(m.root, content.CacheDir); err != nil {
		return err
	}
	if err := atomicfile.Write(m.root, content.CacheDir+"/"+memoFile, m.file()); err != nil {
		return err
	}
	m.old, m.used, m.dirty = m.used, map[[sha256.Size]byte][]byte{}, false
	return nil
}

// file returns the memo file of the records used or made this run,
// sorted by key.
func (m *Memo) file() []byte {
	keys := make([][sha256.Size]byte, 0, len(m.used))
	size := len(memoMagic) + len(m.stamp) + 4
	for k, raw := range m.used {
		keys = append(keys, k)
		size += len(k) + binary.MaxVarintLen64 + len(raw)
	}
	slices.SortFunc(keys, func(a, b [sha256.Size]byte) int { return bytes.Compare(a[:], b[:]) })
	b := make([]byte, 0, size)
	b = append(append(b, memoMagic...), m.stamp[:]...)
	for _, k := range keys {
		b = append(b, k[:]...)
		b = binary.AppendUvarint(b, uint64(len(m.used[k])))
		b = append(b, m.used[k]...)
	}
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli))
}

// memoKey returns the key of a rule's findings in files (a pair's source
// and translation, of item and t, or an entry, with item nil): false when
// the cache does not vouch for a file of them.
func (c *checker) memoKey(rule string, item *status.Item, t *status.Translation, files ...*content.Entry) ([sha256.Size]byte, bool) {
	m := c.linter.memo
	// The key's input is written into one buffer, hashed once: a warm
	// check makes a key for every pair and every memoised rule.
	buf := append(c.keyBuf[:0], m.stamp[:]...)
	field := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	field(rule)
	field(c.repo.Source)
	// The languages, joined with commas.
	n := max(0, len(c.repo.Languages)-1)
	for _, l := range c.repo.Languages {
		n += len(l)
	}
	buf = binary.AppendUvarint(buf, uint64(n))
	for i, l := range c.repo.Languages {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, l...)
	}
	for _, e := range files {
		id, ok := m.identity(e)
		if !ok {
			return [sha256.Size]byte{}, false
		}
		field(e.Path)
		field(e.Lang)
		field(e.Slug)
		field(string(id))
	}
	if item != nil {
		field(item.Slug)
		field(t.Lang)
		field(string(t.State))
	}
	c.keyBuf = buf
	return sha256.Sum256(buf), true
}

// memoUnit is what a memoised rule finds its findings of: a pair, or an
// entry (target is the file its findings are in), with its key.
type memoUnit struct {
	target *content.Entry
	key    [sha256.Size]byte
	keyed  bool
	found  []Finding
	hit    bool
}

// memoized runs a rule of pairScope or entryScope through the memo: the
// pairs (or entries) of the chunk whose findings it remembers are left
// out of the rule's run (see checker.skip), and their findings emitted
// in their place, in the order the rule would have found them, so that
// the findings are the same with or without the memo. What the rule
// finds of the others is remembered.
func (c *checker) memoized(r Rule, emit func(Finding)) {
	m := c.linter.memo
	var units []*memoUnit
	if r.memo == pairScope {
		for _, p := range c.pairs() {
			key, ok := c.memoKey(r.ID, p.item, p.t, p.src, p.entry)
			units = append(units, &memoUnit{target: p.entry, key: key, keyed: ok})
		}
	} else {
		for _, e := range c.entries() {
			key, ok := c.memoKey(r.ID, nil, nil, e)
			units = append(units, &memoUnit{target: e, key: key, keyed: ok})
		}
	}
	c.skip = map[*content.Entry]bool{}
	byPath := map[string]*memoUnit{}
	for _, u := range units {
		if u.keyed {
			u.found, u.hit = m.get(u.key)
		}
		if u.hit {
			c.skip[u.target] = true
		} else {
			byPath[u.target.Path] = u
		}
	}
	var stray []Finding
	if len(byPath) > 0 {
		r.check(c, func(f Finding) {
			if u := byPath[f.Path]; u != nil {
				u.found = append(u.found, f)
			} else {
				stray = append(stray, f)
			}
		})
	}
	c.skip = nil
	for _, u := range units {
		// A finding in a file of no unit of the chunk would say the rule
		// is not of its scope: then nothing of this run is remembered.
		if !u.hit && u.keyed && len(stray) == 0 {
			m.put(u.key, u.found)
		}
		for _, f := range u.found {
			emit(f)
		}
	}
	for _, f := range stray {
		emit(f)
	}
}
