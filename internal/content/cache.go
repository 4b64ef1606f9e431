package content

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/record"
	buildinfo "github.com/glosa/glosa/internal/version"
)

// CacheDir is where glosa keeps its cache, relative to the repository
// root. It holds a .gitignore of its own, so that git ignores it without
// anyone editing the repository's.
const CacheDir = ".glosa/cache"

// cacheFile is the file of the content cache in CacheDir. Its format:
//
//	"glosa-cache\n", the 32-byte stamp (see cacheStamp), then for each
//	file its path and its record (see cachecodec.go), each as a varint
//	length and the bytes, then the CRC-32C of everything before, 4 bytes.
//
// A path may come again: its last record is the one that counts, and an
// empty one says the file is gone (see cachelog.go: a run that changed a
// few records appends them rather than writing the file again).
//
// A file that does not start so, or whose checksum does not match, is
// ignored and replaced: the cache is never trusted, only checked. The
// checksum finds damage; nobody but the user writes in the repository.
const cacheFile = "content"

var cacheMagic = []byte("glosa-cache\n")

// cacheFormat changes whenever what is cached, or how glosa computes it,
// changes in a way the build identity would not show.
const cacheFormat = 14

// racyWindow is how recent a file's modification time may be for the
// file to be cached: a file written again within the same clock tick,
// with the same size, would look unchanged (git's "racily clean" files).
const racyWindow = 2 * time.Second

// Cache remembers, for each content file of a repository, what glosa
// learnt by reading it: its parsed front matter, its body summary and its
// digests. A file whose size, times, inode and mode are those remembered
// is not read again. The results are the same with or without the cache.
type Cache struct {
	root  string
	stamp [sha256.Size]byte
	// old is the cache file read, nil when there is none (or it was not
	// this glosa's, or damaged); index locates each path's record in it.
	// Records are read from the file when their entry is looked up or
	// loaded: the cache of a big repository is never all in memory.
	old   *os.File
	index map[string]span
	// lights holds the start of each record of old, what a lookup decodes
	// (see decodeLight), kept when readIndex reads the file through, so
	// that a lookup reads nothing from the file: in blocks of lightBlock
	// bytes, which a start never crosses, so that none is copied again as
	// they grow.
	lights [][]byte
	// log is what appending to the cache file needs to know of it (see
	// appendLog).
	log logState
	// bodies asks for every body summary, not only the sources' (check
	// lints them); a remembered file without one is read again.
	bodies bool

	mu sync.Mutex
	// fresh are the entries read this run or found in the cache, each
	// once, with the stat data of its file in Entry.key: a list, not a
	// map, as a 100,000-entry map cost a warm run 60 ms to fill.
	fresh []*Entry
	// spool holds the records made this run of the entries read (see
	// keep), at kept, for Save and for Load; nil until the first one, or
	// when it cannot be made (those entries are then read again).
	spool     *os.File
	spoolSize int64
	spoolErr  bool
	// refused, when not nil, says why the cache is neither read nor
	// written: a link was planted in its folder (see CheckCacheDir).
	refused error
	kept    map[*Entry]span
	hits    int
	skipped bool // a file was not cacheable, or a record was dropped
}

// span is where a record is in a file; for one of the cache file, light
// and lightN say where its start (see decodeLight) is in Cache.lights.
type span struct {
	off           int64
	n             int
	light, lightN int
}

// fileKey is what tells a file unchanged.
type fileKey struct {
	Size, Mtime, Ctime int64
	Ino, Dev           uint64
	Mode               uint32
}

// cached is what the cache remembers of one file.
type cached struct {
	Key fileKey
	// Sum is the SHA-256 digest of the file's bytes.
	Sum [sha256.Size]byte
	// What the front matter says of the entry (see Entry.fromDocument),
	// and its words, -1 when they were not counted.
	Slug    string
	KeyLine int
	Draft   bool
	Record  *Record
	Words   int
	// HasBody reports a record with a body summary, which Body is when
	// the whole record is read.
	HasBody bool
	// Meta is MetaOf the document, read without it (see metaOf).
	Meta Meta
	Doc  cachedDoc
	Body *markdown.Summary // nil when it was not computed
	// BlockLetters counts the letters of the prose of each of Body's
	// blocks (see Entry.BlockLetters).
	BlockLetters []int
	// The digests (see derived), and which parts hold prose (see Prose;
	// -1 when it was not computed).
	Hash               string
	SameText, SameBody [sha256.Size]byte
	Prose              int
	// Marked is Entry.Marked.
	Marked bool
}

// cachedDoc is a Document without its body: the bytes up to the body,
// which positions in the front matter are read against, and the front
// matter as a flat list of nodes.
type cachedDoc struct {
	Head                                      []byte
	BOM, CRLF                                 bool
	FrontStart, FrontEnd, BodyLine, FirstBody int
	Front                                     []flatNode
}

// flatNode is a yaml.Node in a pre-order list: Children counts the nodes
// of its Content that follow it, Alias is the index of the node an alias
// refers to, or -1. Comments are not kept: nothing that reads the cache
// edits files.
type flatNode struct {
	Kind                yaml.Kind
	Style               yaml.Style
	Tag, Value, Anchor  string
	Line, Column, Alias int
	Children            int
}

// OpenCache opens the cache of the repository at root for a
// configuration; a missing, damaged or foreign cache file is an empty
// cache. bodies says whether the run needs every body's summary. A cache
// folder that holds a link is an empty cache that is never written (see
// Refused). Close it when done.
func OpenCache(root string, cfg *config.Config, bodies bool) *Cache {
	c := &Cache{root: root, stamp: cacheStamp(cfg), bodies: bodies, kept: map[*Entry]span{}}
	if err := CheckCacheDir(root); err != nil {
		c.refused, c.spoolErr = err, true
		return c
	}
	f, err := os.OpenFile(filepath.Join(root, filepath.FromSlash(CacheDir), cacheFile), os.O_RDONLY|noFollow, 0)
	if err != nil {
		return c
	}
	if c.index = c.readIndex(f); c.index == nil {
		f.Close()
		return c
	}
	c.old = f
	return c
}

// Refused returns why the cache is not used, an error wrapping
// ErrCacheLink; nil when it is.
func (c *Cache) Refused() error { return c.refused }

// Close closes the cache's files; the cache is then empty.
func (c *Cache) Close() {
	if c.old != nil {
		c.old.Close()
	}
	if c.spool != nil {
		c.spool.Close()
	}
	c.old, c.index, c.lights, c.spool, c.kept = nil, nil, nil, nil, map[*Entry]span{}
}

// castagnoli is the CRC-32 table of the checksums, made when first used.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

// readIndex reads the cache file f through, checking it, and returns where
// each path's record is; nil when f is not a complete cache file of this
// glosa and configuration.
func (c *Cache) readIndex(f *os.File) map[string]span {
	fi, err := f.Stat()
	head := int64(len(cacheMagic) + len(c.stamp))
	if err != nil || fi.Size() < head+4 {
		return nil
	}
	size := fi.Size() - 4
	sum := crc32.New(castagnoli())
	r := &countReader{r: bufio.NewReaderSize(io.TeeReader(io.NewSectionReader(f, 0, size), sum), 1<<16)}
	start := make([]byte, head)
	if _, err := io.ReadFull(r, start); err != nil || !bytes.HasPrefix(start, cacheMagic) ||
		!bytes.Equal(start[len(cacheMagic):], c.stamp[:]) {
		return nil
	}
	out := map[string]span{}
	var path, frame []byte
	var dead int64
	c.lights = nil
	for r.n < size {
		n, err := binary.ReadUvarint(r)
		if err != nil || n > uint64(size-r.n) {
			return nil
		}
		path = slices.Grow(path[:0], int(n))[:n]
		if _, err := io.ReadFull(r, path); err != nil {
			return nil
		}
		if n, err = binary.ReadUvarint(r); err != nil || n > uint64(size-r.n) {
			return nil
		}
		if at, ok := out[string(path)]; ok {
			dead += frameSize(string(path), at.n)
		}
		if n == 0 { // the file is gone
			dead += frameSize(string(path), 0)
			delete(out, string(path))
			continue
		}
		at := span{off: r.n, n: int(n)}
		// A record that fits the reader's buffer is read where it lies
		// there, not copied.
		rec, err := r.next(int(n), &frame)
		if err != nil {
			return nil
		}
		// A record whose start does not decode is kept without it: its
		// lookup fails as reading it would.
		if m := lightLen(rec); m > 0 {
			at.light, at.lightN = c.keepLight(rec[:m]), m
		}
		out[string(path)] = at
	}
	var tail [4]byte
	if _, err := f.ReadAt(tail[:], size); err != nil || binary.BigEndian.Uint32(tail[:]) != sum.Sum32() {
		return nil
	}
	c.log = logState{sum: sum.Sum32(), size: fi.Size(), frames: size - head, dead: dead}
	return out
}

// countReader counts the bytes read through it.
type countReader struct {
	r *bufio.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// next returns the next n bytes: in the reader's buffer, valid until the
// next read, when they fit it, else read into *buf, grown as needed.
func (c *countReader) next(n int, buf *[]byte) ([]byte, error) {
	if n <= c.r.Size() {
		b, err := c.r.Peek(n)
		if err != nil {
			return nil, err
		}
		_, err = c.r.Discard(n)
		c.n += int64(n)
		return b, err
	}
	*buf = slices.Grow((*buf)[:0], n)[:n]
	_, err := io.ReadFull(c, *buf)
	return *buf, err
}

func (c *countReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// read returns the bytes of a record of f, nil when they cannot be read.
func read(f *os.File, at span) []byte {
	if f == nil {
		return nil
	}
	buf := make([]byte, at.n)
	if _, err := f.ReadAt(buf, at.off); err != nil {
		return nil
	}
	return buf
}

// lookedUp lets go of the records' starts, once the scan has looked up
// every file.
func (c *Cache) lookedUp() { c.lights = nil }

// lightBlock is the size of a block of Cache.lights.
const lightBlock = 1 << 16

// keepLight keeps the start of a record in c.lights and returns where it
// is: the block's index times lightBlock, plus its offset in the block.
func (c *Cache) keepLight(b []byte) int {
	last := len(c.lights) - 1
	if last < 0 || len(c.lights[last])+len(b) > cap(c.lights[last]) {
		c.lights = append(c.lights, make([]byte, 0, max(lightBlock, len(b))))
		last++
	}
	at := last*lightBlock + len(c.lights[last])
	c.lights[last] = append(c.lights[last], b...)
	return at
}

// light decodes the start of the record of the cache file at at (see
// decodeLight) from what readIndex kept of it, nil when it cannot.
func (c *Cache) light(at span) *cached {
	if at.lightN == 0 || c.lights == nil {
		return nil
	}
	block, off := c.lights[at.light/lightBlock], at.light%lightBlock
	r := record.NewReader(block[off : off+at.lightN])
	rec := decodeLight(r)
	if r.Err() != nil || r.Left() > 0 {
		return nil
	}
	return rec
}

// lightLen returns the length of the start of the record raw that
// decodeLight reads, 0 when it cannot be read.
func lightLen(raw []byte) int {
	r := record.NewReader(raw)
	skipLight(r)
	if r.Err() != nil {
		return 0
	}
	return len(raw) - r.Left()
}

// decodeRecord decodes a record's bytes, nil when they are not one.
func decodeRecord(raw []byte) *cached {
	if raw == nil {
		return nil
	}
	r := record.NewReader(raw)
	rec := decodeCached(r)
	if r.Err() != nil || r.Left() > 0 {
		return nil
	}
	return rec
}

// namedBuild reports whether a build's sources are named by what it
// knows of itself: a commit without modifications, or a module version
// (go install …@v1.2.3).
func namedBuild(info buildinfo.Info) bool {
	if info.Commit != "" {
		return !info.Modified
	}
	return info.Version != "dev" && !strings.HasSuffix(info.Version, "+dirty")
}

// Stamp identifies what the cached results were computed by and for (see
// cacheStamp): a cache of other results kept beside this one keys them
// with it.
func (c *Cache) Stamp() [sha256.Size]byte { return c.stamp }

// cacheStamp identifies what the cached results were computed by and
// for: the cache format, the glosa program (its version, its commit and,
// for a build from changed sources, the executable's size and time) and
// the configuration's bytes.
func cacheStamp(cfg *config.Config) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte("format " + strconv.Itoa(cacheFormat) + "\n"))
	if bi, ok := debug.ReadBuildInfo(); ok {
		h.Write([]byte(bi.Path + " " + bi.Main.Path + " " + bi.Main.Version + " " + bi.GoVersion + "\n"))
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				h.Write([]byte(s.Key + "=" + s.Value + "\n"))
			}
		}
	}
	// A build whose sources are not a commit's or a version's (go run, go
	// test, a modified tree) is told apart by its executable. One that is
	// is not: the same release, downloaded again for each CI run, keeps
	// the cache a run before it restored.
	info := buildinfo.Get()
	h.Write([]byte("glosa " + info.Version + " " + info.Commit + " " + strconv.FormatBool(info.Modified) + "\n"))
	if !namedBuild(info) {
		if exe, err := os.Executable(); err == nil {
			if fi, err := os.Stat(exe); err == nil {
				h.Write([]byte(exe + " " + strconv.FormatInt(fi.Size(), 10) + " " + fi.ModTime().UTC().String() + "\n"))
			}
		}
	}
	h.Write([]byte("config " + cfg.File + "\n"))
	h.Write(cfg.Digest[:])
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}

// lookup fills e, which holds the path, language, slug and layout the
// walk found, with what the cache remembers of its file, whose key is k;
// false when the file must be read. needBody says whether the run needs
// the entry's body summary. A released entry (see Entry.Release) gets
// only what the states read, from the start of its record; the rest is
// read when the entry is loaded.
func (c *Cache) lookup(e *Entry, k fileKey, needBody, release bool) bool {
	at, ok := c.index[e.Path]
	if !ok {
		return false
	}
	rec := c.light(at)
	if rec == nil || rec.Key != k || !rec.HasBody && (c.bodies || needBody) || !c.take(e, rec, release) {
		return false
	}
	c.mu.Lock()
	c.hits++
	c.setFresh(e, k, rec.Sum)
	c.mu.Unlock()
	return true
}

// adopt is lookup for a file whose stat data are not those the cache
// remembers, read this run as bytes whose digest is sum: when they are
// the bytes its record was made of, the record stands (a fresh clone, a
// checkout, a copy, a restored CI cache: new inodes and times, the same
// bytes), and is saved again under k, unless trusted is false (the file
// changed too recently for k to be trusted, see cacheable): then the
// record serves this run only.
func (c *Cache) adopt(e *Entry, k fileKey, sum [sha256.Size]byte, needBody, release, trusted bool) bool {
	at, ok := c.index[e.Path]
	if !ok {
		return false
	}
	rec := c.light(at)
	if rec == nil || rec.Sum != sum || rec.Key.Size != k.Size || !rec.HasBody && (c.bodies || needBody) || !c.take(e, rec, release) {
		return false
	}
	c.mu.Lock()
	if trusted {
		c.setFresh(e, k, sum)
		e.rekey = true
	} else {
		c.skipped = true
	}
	c.mu.Unlock()
	return true
}

// take gives e what the start of its record rec says, as found in the
// cache; false when the record's front matter is damaged.
func (c *Cache) take(e *Entry, rec *cached, release bool) bool {
	e.cached, e.hit, e.cache = true, true, c
	e.firstBody = rec.Doc.FirstBody
	e.Slug, e.keyLine, e.Draft, e.Record, e.marked = rec.Slug, rec.KeyLine, rec.Draft, rec.Record, rec.Marked
	if rec.Words >= 0 {
		e.wordsOnce.Do(func() { e.words, e.wordsKnown = rec.Words, true })
	}
	e.textOnce.Do(func() {
		e.hash, e.text, e.body = rec.Hash, rec.SameText, rec.SameBody
	})
	if rec.Prose >= 0 {
		e.proseOnce.Do(func() { e.prose, e.proseKnown = Prose(rec.Prose), true })
	}
	e.releasable, e.released = true, true
	if !release {
		e.Load()
		e.releasable = false
		if e.Doc == nil || !e.cached {
			return false // the record's front matter is damaged
		}
	}
	return true
}

// setFresh notes the entry e as read with, or found in the cache by, the
// stat data k, its bytes' digest sum; c.mu is held.
func (c *Cache) setFresh(e *Entry, k fileKey, sum [sha256.Size]byte) {
	if !e.fresh {
		c.fresh = append(c.fresh, e)
	}
	e.key, e.sum, e.fresh = k, sum, true
}

// freshKey returns the stat data of the entry e, if it is fresh.
func (c *Cache) freshKey(e *Entry) (fileKey, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !e.fresh || e.cache != nil && e.cache != c {
		return fileKey{}, false
	}
	return e.key, true
}

// remember notes that the entry e was read from a file with key k, its
// bytes' digest sum, to be cached when the run saves the cache.
func (c *Cache) remember(e *Entry, k fileKey, sum [sha256.Size]byte, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !ok {
		c.skipped = true
		return
	}
	c.setFresh(e, k, sum)
}

// keep makes the record of an entry read this run, before the entry is
// released, and puts it in the spool: Save writes it and Load reads the
// entry back from it.
func (c *Cache) keep(e *Entry, schema *config.Field) {
	k, ok := c.freshKey(e)
	if !ok || e.hit {
		return
	}
	raw := c.encode(e, k, schema)
	if raw == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.spool == nil && !c.spoolErr {
		c.spool = c.openSpool()
		c.spoolErr = c.spool == nil
	}
	if c.spool == nil {
		return
	}
	if _, err := c.spool.WriteAt(raw, c.spoolSize); err != nil {
		return
	}
	c.kept[e] = span{off: c.spoolSize, n: len(raw)}
	c.spoolSize += int64(len(raw))
	e.cache = c
}

// openSpool makes the spool: a file in the cache folder, removed at once
// (its descriptor is what is read and written), so that nothing is left
// behind, even when glosa is killed.
func (c *Cache) openSpool() *os.File {
	if err := makeCacheDir(c.root); err != nil {
		return nil
	}
	f, err := atomicfile.Scratch(c.root, CacheDir, ".spool-")
	if err != nil {
		return nil
	}
	return f
}

// encode returns the record of an entry read this run, whose file has key
// k; nil when it cannot be cached.
func (c *Cache) encode(e *Entry, k fileKey, schema *config.Field) []byte {
	if e.Err != nil || e.Doc == nil {
		return nil
	}
	doc := flattenDocument(e.Doc, e.FirstBodyLine())
	if doc == nil {
		return nil
	}
	r := &cached{Key: k, Sum: e.sum, Doc: *doc, Meta: MetaOf(e.Doc), Slug: e.Slug, KeyLine: e.keyLine, Draft: e.Draft, Record: e.Record, Words: -1, Prose: -1, Marked: e.marked}
	if e.wordsKnown {
		r.Words = e.words
	}
	if e.proseKnown {
		r.Prose = int(e.prose)
	}
	if e.bodyDone() {
		r.Body = cacheSummary(e.h.body)
		r.BlockLetters = e.blockLetters()
	}
	e.digest(schema)
	r.Hash, r.SameText, r.SameBody = e.hash, e.text, e.body
	w := &record.Writer{}
	encodeCached(w, r)
	return w.Buf
}

// raw returns the bytes of the record the cache keeps of an entry: the one
// of the cache file, or the one made this run; nil when there is none.
func (c *Cache) raw(e *Entry) []byte {
	f, at, ok := c.locate(e)
	if !ok {
		return nil
	}
	return read(f, at)
}

// locate returns the file and span of the record the cache keeps of an
// entry (see raw); false when there is none.
func (c *Cache) locate(e *Entry) (*os.File, span, bool) {
	if at, ok := c.index[e.Path]; e.hit && ok {
		return c.old, at, true
	}
	c.mu.Lock()
	at, ok := c.kept[e]
	c.mu.Unlock()
	return c.spool, at, ok
}

// recordOf returns the record the cache keeps of an entry, nil when there
// is none.
func (c *Cache) recordOf(e *Entry) *cached { return decodeRecord(c.raw(e)) }

// metaOf returns the Meta the cache keeps of an entry, false when it has
// no record of it. It reads the record's start and Meta only, most often
// well under metaRead bytes, into a buffer used again for the next: a
// report reads every entry's, and decoding or even reading the whole
// records (the document and body summary behind) cost seconds at 100,000
// files.
func (c *Cache) metaOf(e *Entry) (Meta, bool) {
	f, at, ok := c.locate(e)
	if !ok || f == nil {
		return Meta{}, false
	}
	bp := scratch.Get().(*[]byte)
	defer scratch.Put(bp)
	n := min(at.n, metaRead)
	for {
		if cap(*bp) < n {
			*bp = make([]byte, n)
		}
		raw := (*bp)[:n]
		if _, err := f.ReadAt(raw, at.off); err != nil {
			return Meta{}, false
		}
		r := record.NewReader(raw)
		skipLight(r)
		m := decodeMeta(r) // its strings are copies
		if r.Err() == nil {
			return m, true
		}
		if n == at.n {
			return Meta{}, false
		}
		n = at.n
	}
}

// metaRead is how much of a record metaOf reads first.
const metaRead = 512

// scratch holds the buffers metaOf reads records into.
var scratch = sync.Pool{New: func() any { return new([]byte) }}

// Save writes the cache with the entries of repo, when anything changed
// since it was read: the files read this run replace their records, the
// files gone lose theirs. Entries with errors are not cached: they are
// read every time, so that their errors are always reported afresh.
// Save is for after Prepare, so that the summaries are there. The file is
// written as it is made, never held whole in memory.
func (c *Cache) Save(repo *Repo) error {
	if c.refused != nil {
		return c.refused
	}
	if c.hits == len(c.fresh) && c.hits == len(c.index) && !c.skipped {
		return nil // nothing new: every file came from the cache
	}
	entries := make([]*Entry, 0, len(c.fresh))
	for _, e := range c.fresh {
		if e.Err == nil && (e.Doc != nil || e.released) {
			entries = append(entries, e)
		}
	}
	if err := CheckCacheDir(c.root); err != nil {
		return err
	}
	if err := makeCacheDir(c.root); err != nil {
		return err
	}
	ignore := filepath.Join(c.root, filepath.FromSlash(CacheDir), ".gitignore")
	if _, err := os.Lstat(ignore); errors.Is(err, fs.ErrNotExist) {
		if err := atomicfile.Write(c.root, CacheDir+"/.gitignore", []byte("# glosa's cache: safe to delete, never to commit.\n*\n")); err != nil {
			return err
		}
	}
	if c.appendLog(entries, repo) {
		return nil
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Path < entries[j].Path })
	return atomicfile.WriteFrom(c.root, CacheDir+"/"+cacheFile, func(out io.Writer) error {
		sum := crc32.New(castagnoli())
		w := io.MultiWriter(out, sum)
		var head []byte
		head = append(head, cacheMagic...)
		head = append(head, c.stamp[:]...)
		if _, err := w.Write(head); err != nil {
			return err
		}
		var frame []byte
		for _, e := range entries {
			raw := c.recordFor(e, repo)
			if raw == nil {
				continue
			}
			frame = appendFrame(frame[:0], e.Path, raw)
			if _, err := w.Write(frame); err != nil {
				return err
			}
		}
		_, err := out.Write(binary.BigEndian.AppendUint32(nil, sum.Sum32()))
		return err
	})
}

// cacheable reports whether a file with key k may be cached now: not when
// it was modified so recently that another change within the same clock
// tick, keeping the size, would go unnoticed. (Its change time is part of
// the key, not of this test: setting a file's times, as a test or a
// checkout does, changes it.)
func cacheable(k fileKey, now time.Time) bool {
	return now.Sub(time.Unix(0, k.Mtime)) > racyWindow
}

// cacheSummary returns a copy of s for the cache: the blocks keep their
// kind, position, markup and the digest of their normalised plain text,
// not their texts, which would make the cache as big as the repository;
// but a heading keeps its texts, short, which the rules read of every
// heading identical to the source's (a page's name, in most languages)
// and of a link's anchor.
func cacheSummary(s *markdown.Summary) *markdown.Summary {
	out := *s
	out.Blocks = make([]markdown.Block, len(s.Blocks))
	for i, b := range s.Blocks {
		b.Digest = BlockDigest(b)
		if b.Kind != "heading" {
			b.Text, b.Plain, b.Prose = "", "", "" // Block reads them again when asked
		}
		out.Blocks[i] = b
	}
	return &out
}

// BlockDigest returns the digest of a body block's normalised plain text
// (markdown.Block.Plain: escapes resolved, link destinations and tags
// left out), so that \* and * compare equal: the digest the cache keeps,
// or the one of its text.
func BlockDigest(b markdown.Block) [16]byte {
	if b.Digest != ([16]byte{}) {
		return b.Digest
	}
	sum := sha256.Sum256([]byte(Normalize(b.Plain)))
	var out [16]byte
	copy(out[:], sum[:])
	return out
}

// flattenDocument returns what the cache keeps of d, nil when it cannot
// keep it.
func flattenDocument(d *Document, firstBody int) *cachedDoc {
	head := len(d.Raw) - len(d.Body)
	if head < 0 || !bytes.Equal(d.Raw[head:], d.Body) {
		return nil
	}
	out := &cachedDoc{Head: d.Raw[:head], BOM: d.BOM, CRLF: d.CRLF,
		FrontStart: d.FrontStart, FrontEnd: d.FrontEnd, BodyLine: d.BodyLine, FirstBody: firstBody}
	if d.Front != nil {
		index := map[*yaml.Node]int{}
		var flatten func(n *yaml.Node) bool
		flatten = func(n *yaml.Node) bool {
			index[n] = len(out.Front)
			out.Front = append(out.Front, flatNode{Kind: n.Kind, Style: n.Style, Tag: n.Tag, Value: n.Value,
				Anchor: n.Anchor, Line: n.Line, Column: n.Column, Alias: -1, Children: len(n.Content)})
			at := len(out.Front) - 1
			if n.Alias != nil {
				i, ok := index[n.Alias]
				if !ok {
					return false // an alias to a node not met before: not kept
				}
				out.Front[at].Alias = i
			}
			for _, c := range n.Content {
				if !flatten(c) {
					return false
				}
			}
			return true
		}
		if !flatten(d.Front) {
			return nil
		}
	}
	return out
}

// document rebuilds the Document the cache kept, without its body; nil
// when the list of nodes is not a well-formed tree.
func (cd *cachedDoc) document() *Document {
	d := &Document{Raw: cd.Head, BOM: cd.BOM, CRLF: cd.CRLF, FrontStart: cd.FrontStart,
		FrontEnd: cd.FrontEnd, BodyLine: cd.BodyLine, Body: cd.Head[len(cd.Head):]}
	if len(cd.Front) == 0 {
		return d
	}
	nodes := make([]yaml.Node, len(cd.Front))
	next := 0
	var build func() *yaml.Node
	build = func() *yaml.Node {
		if next >= len(nodes) {
			return nil
		}
		i := next
		next++
		f, n := cd.Front[i], &nodes[i]
		*n = yaml.Node{Kind: f.Kind, Style: f.Style, Tag: f.Tag, Value: f.Value, Anchor: f.Anchor, Line: f.Line, Column: f.Column}
		if f.Alias >= 0 {
			if f.Alias >= i {
				return nil
			}
			n.Alias = &nodes[f.Alias]
		}
		if f.Children > 0 {
			n.Content = make([]*yaml.Node, 0, min(f.Children, len(nodes)))
			for range f.Children {
				c := build()
				if c == nil {
					return nil
				}
				n.Content = append(n.Content, c)
			}
		}
		return n
	}
	d.Front = build()
	if d.Front == nil || next != len(nodes) {
		return nil
	}
	return d
}
