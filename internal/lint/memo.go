package lint

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/memostore"
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

// memoFile is the file in content.CacheDir where the memo is kept (see
// memostore); each record is the findings of a key (see encodeFindings).
const memoFile = "lint"

var memoMagic = []byte("glosa-lint\n\x01")

// Memo remembers the findings of the rules whose findings depend on one
// pair of files (or one file) and the configuration, so that a warm check
// runs them only where a file changed. It is keyed by the identity of
// the files as glosa's cache vouches for them (see content.Cache.Identity),
// the rule, the languages, the translation's state and the cache's stamp,
// which holds glosa's build and the configuration (the rules' options
// among it). It keeps what a run used or made, so that the findings of
// files gone do not pile up. Safe for the checkers of a wave at once.
type Memo struct {
	stamp    [sha256.Size]byte
	identity func(*content.Entry) ([]byte, bool)
	store    *memostore.Store
}

// OpenMemo reads the memo kept beside cache, in the repository at root;
// a missing, damaged or foreign file is an empty memo. The cache must
// not be refused (see content.Cache.Refused).
func OpenMemo(root string, cache *content.Cache) *Memo {
	return &Memo{stamp: cache.Stamp(), identity: cache.Identity,
		store: memostore.Open(root, memoFile, memoMagic, cache.Stamp())}
}

// get returns the findings remembered under key; false when there are
// none, or their record cannot be read.
func (m *Memo) get(key [sha256.Size]byte) ([]Finding, bool) {
	raw, ok := m.store.Get(key)
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
	if raw, ok := encodeFindings(fs); ok {
		m.store.Put(key, raw)
	}
}

// save writes the memo when this run remembered anything new, or left
// out records of the file it read.
func (m *Memo) save() error { return m.store.Save() }

// memoKey returns the key of a rule's findings in files (a pair's source
// and translation, of item and t, or an entry, with item nil): false when
// the cache does not vouch for a file of them. It is the hash of the
// rule and of the unit's base (see memoBase), which the rules of one
// chunk share.
func (c *checker) memoKey(rule string, item *status.Item, t *status.Translation, files ...*content.Entry) ([sha256.Size]byte, bool) {
	base, ok := c.memoBase(item, t, files)
	if !ok {
		return [sha256.Size]byte{}, false
	}
	buf := append(c.keyBuf[:0], base[:]...)
	buf = binary.AppendUvarint(buf, uint64(len(rule)))
	buf = append(buf, rule...)
	c.keyBuf = buf
	return sha256.Sum256(buf), true
}

// memoBase returns the hash of what a unit's key holds besides the rule:
// the cache's stamp (glosa's build and the configuration), the source
// language, the languages, each file's path, language, slug and identity
// as the cache vouches for it, and a pair's slug, language and state;
// false when the cache does not vouch for a file. Made once per unit and
// chunk.
func (c *checker) memoBase(item *status.Item, t *status.Translation, files []*content.Entry) ([sha256.Size]byte, bool) {
	of := memoBaseOf{target: files[len(files)-1], pair: item != nil}
	if base, ok := c.memoBases[of]; ok {
		return base, true
	}
	m := c.linter.memo
	// The input is written into one buffer, hashed once.
	buf := append(c.keyBuf[:0], m.stamp[:]...)
	field := func(s string) {
		buf = binary.AppendUvarint(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
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
	base := sha256.Sum256(buf)
	if c.memoBases == nil {
		c.memoBases = map[memoBaseOf][sha256.Size]byte{}
	}
	c.memoBases[of] = base
	return base, true
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
