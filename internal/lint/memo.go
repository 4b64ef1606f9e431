package lint

import (
	"crypto/sha256"
	"encoding/binary"
	"strconv"
	"sync"

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
	// itemScope: the findings of an item's translations depend only on
	// its files (source and translations), their states, its slug and
	// the configuration.
	itemScope
	// translationScope: the findings of a translation (any entry not in
	// the source language, an orphan too) depend only on it, its item's
	// source and the configuration, unless the rule says otherwise for
	// one (see checker.volatile).
	translationScope
)

// memoFile is the file in content.CacheDir where the memo is kept (see
// memostore); each record is the findings of a key (see encodeFindings).
const memoFile = "lint"

var memoMagic = []byte("glosa-lint\n\x02")

// Memo remembers the findings of the rules whose findings depend on a
// few files (a pair, one file, a translation and its source, an item's
// files: see memoScope), what the rule says else they read (which
// languages have each slug), and the configuration, so that a warm check
// runs them only where a file changed. It is keyed by the identity of the
// files as glosa's cache vouches for them (see content.Cache.Identity),
// the rule, the languages, the translations' states and the cache's
// stamp, which holds glosa's build and the configuration (the rules'
// options among it). It keeps what a run used or made, so that the findings of
// files gone do not pile up. Safe for the checkers of a wave at once.
type Memo struct {
	root     string
	stamp    [sha256.Size]byte
	identity func(*content.Entry) ([]byte, bool)

	once  sync.Once
	store *memostore.Store
}

// OpenMemo returns the memo kept beside cache, in the repository at root,
// read when a rule first asks it (a command that loads the project
// without checking it never reads it); a missing, damaged or foreign file
// is an empty memo. The cache must not be refused (see
// content.Cache.Refused).
func OpenMemo(root string, cache *content.Cache) *Memo {
	return &Memo{root: root, stamp: cache.Stamp(), identity: cache.Identity}
}

// records returns the memo's store, read on first use.
func (m *Memo) records() *memostore.Store {
	m.once.Do(func() { m.store = memostore.Open(m.root, memoFile, memoMagic, m.stamp) })
	return m.store
}

// get returns the findings remembered under key; false when there are
// none, or their record cannot be read.
func (m *Memo) get(key [sha256.Size]byte) ([]Finding, bool) {
	raw, ok := m.records().Get(key)
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
		m.records().Put(key, raw)
	}
}

// save writes the memo when this run remembered anything new, or left
// out records of the file it read.
func (m *Memo) save() error {
	if m.store == nil { // never read: nothing to write
		return nil
	}
	return m.store.Save()
}

// memoKey returns the key of a rule's findings in files (a pair's source
// and translation, of item and t, or an entry, with item nil): false when
// the cache does not vouch for a file of them. It is the unit's base
// (see memoBase), which the rules of one chunk share, combined with the
// digest of the rule.
func (c *checker) memoKey(rule string, item *status.Item, t *status.Translation, files ...*content.Entry) ([sha256.Size]byte, bool) {
	scope := entryScope
	if item != nil {
		scope = pairScope
	}
	return c.scopedKey(rule, scope, item, t, files)
}

// scopedKey is memoKey for a unit of any scope; an item's key holds the
// states of all its translations.
func (c *checker) scopedKey(rule string, scope memoScope, item *status.Item, t *status.Translation, files []*content.Entry) ([sha256.Size]byte, bool) {
	base, ok := c.memoBase(scope, item, t, files)
	if !ok {
		return [sha256.Size]byte{}, false
	}
	d, ok := c.ruleDigests[rule]
	if !ok {
		if c.ruleDigests == nil {
			c.ruleDigests = map[string][sha256.Size]byte{}
		}
		d = sha256.Sum256([]byte(rule))
		c.ruleDigests[rule] = d
	}
	// The base and the rule's digest, each a SHA-256 digest, combined
	// by exclusive or rather than hashed again: two keys of different
	// bases or rules are the same only if the bases' difference is the
	// rules', as unlikely as two digests equal. Hashing a key per unit and
	// rule again was a quarter of the memo's cost on a warm check.
	for i := range base {
		base[i] ^= d[i]
	}
	return base, true
}

// memoBase returns the hash of what a unit's key holds besides the rule:
// the cache's stamp (glosa's build and the configuration), the source
// language, the languages, each file's path, language, slug and identity
// as the cache vouches for it, and a pair's slug, language and state;
// false when the cache does not vouch for a file. Made once per unit and
// chunk.
func (c *checker) memoBase(scope memoScope, item *status.Item, t *status.Translation, files []*content.Entry) ([sha256.Size]byte, bool) {
	of := memoBaseOf{target: files[len(files)-1], scope: scope}
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
	field(strconv.Itoa(int(scope)))
	switch {
	case scope == itemScope:
		field(item.Slug)
		for _, t := range item.Translations {
			field(t.Lang)
			field(string(t.State))
		}
	case item != nil:
		field(item.Slug)
		field(t.Lang)
		field(string(t.State))
	}
	c.keyBuf = buf
	base := sha256.Sum256(buf)
	if c.memoBases == nil {
		// Sized for each entry of the chunk in two scopes: grown
		// from empty, the map was rehashed a dozen times a chunk.
		c.memoBases = make(map[memoBaseOf][sha256.Size]byte, 2*len(c.chunk.entries))
	}
	c.memoBases[of] = base
	return base, true
}

// volatile marks a translation whose findings, this run, the rule read
// from more than its unit (see translationScope): they are not
// remembered.
func (c *checker) volatile(e *content.Entry) {
	if c.linter.memo == nil {
		return
	}
	if c.volatiles == nil {
		c.volatiles = map[*content.Entry]bool{}
	}
	c.volatiles[e] = true
}

// memoUnit is what a memoised rule finds its findings of: a pair, or an
// entry (target is the file its findings are in), with its key.
type memoUnit struct {
	target *content.Entry
	// also are an item's translations, whose findings are the unit's
	// (target is then the item's source); files are those of the key,
	// which the rule reads.
	also, files []*content.Entry
	key         [sha256.Size]byte
	keyed       bool
	found       []Finding
	hit         bool
}

// memoized runs a rule of pairScope or entryScope through the memo: the
// pairs (or entries) of the chunk whose findings it remembers are left
// out of the rule's run (see checker.skip), and their findings emitted
// in their place, in the order the rule would have found them, so that
// the findings are the same with or without the memo. What the rule
// finds of the others is remembered.
func (c *checker) memoized(r Rule, emit func(Finding)) {
	m := c.linter.memo
	rule := r.ID
	if r.memoGlobal != nil {
		rule += "\x00" + r.memoGlobal(c)
	}
	var units []*memoUnit
	switch r.memo {
	case pairScope:
		for _, p := range c.pairs() {
			key, ok := c.memoKey(rule, p.item, p.t, p.src, p.entry)
			units = append(units, &memoUnit{target: p.entry, files: []*content.Entry{p.src, p.entry}, key: key, keyed: ok})
		}
	case itemScope:
		for _, it := range c.chunk.items {
			if it.Source == nil || it.Source.Err != nil {
				continue
			}
			files := []*content.Entry{it.Source}
			var targets []*content.Entry
			for _, t := range it.Translations {
				if t.Entry != nil && t.Entry.Err == nil {
					files = append(files, t.Entry)
					targets = append(targets, t.Entry)
				}
			}
			if len(targets) == 0 {
				continue
			}
			key, ok := c.scopedKey(rule, itemScope, it, nil, files)
			units = append(units, &memoUnit{target: it.Source, also: targets, files: files, key: key, keyed: ok})
		}
	case translationScope:
		sources := map[*content.Entry]*content.Entry{}
		for _, it := range c.chunk.items {
			for _, t := range it.Translations {
				if t.Entry != nil && it.Source != nil && it.Source.Err == nil {
					sources[t.Entry] = it.Source
				}
			}
		}
		for _, e := range c.entries() {
			if e.Lang == c.repo.Source {
				continue
			}
			files := []*content.Entry{e}
			if src := sources[e]; src != nil {
				files = []*content.Entry{src, e}
			}
			key, ok := c.scopedKey(rule, translationScope, nil, nil, files)
			units = append(units, &memoUnit{target: e, files: files, key: key, keyed: ok})
		}
	default:
		for _, e := range c.entries() {
			key, ok := c.memoKey(rule, nil, nil, e)
			units = append(units, &memoUnit{target: e, files: []*content.Entry{e}, key: key, keyed: ok})
		}
	}
	c.skip, c.volatiles = make(map[*content.Entry]bool, len(units)), nil
	var byPath map[string]*memoUnit
	for _, u := range units {
		if u.keyed {
			u.found, u.hit = m.get(u.key)
		}
		files := append([]*content.Entry{u.target}, u.also...)
		if r.memo == itemScope {
			files = u.also // the source's findings are not the rule's
		}
		for _, e := range files {
			if u.hit {
				c.skip[e] = true
			} else {
				if byPath == nil {
					byPath = map[string]*memoUnit{}
				}
				byPath[e.Path] = u
			}
		}
	}
	// The entries of what the memo does not give are loaded (a wave with
	// a memo loads none; see Check), the others not.
	var load []*content.Entry
	var loading map[*content.Entry]bool
	for _, u := range units {
		if u.hit {
			continue
		}
		if loading == nil {
			loading = map[*content.Entry]bool{}
		}
		for _, e := range u.files {
			if !loading[e] {
				loading[e] = true
				load = append(load, e)
			}
		}
	}
	content.Load(load)
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
	volatiles := c.volatiles
	c.volatiles = nil
	for _, u := range units {
		// A finding in a file of no unit of the chunk would say the rule
		// is not of its scope: then nothing of this run is remembered.
		// Nor is what a rule found by reading more than the unit.
		if !u.hit && u.keyed && len(stray) == 0 && !volatiles[u.target] {
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
