package history

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/glosa/glosa/internal/atomicfile"
	buildinfo "github.com/glosa/glosa/internal/version"
)

// The cache file (Options.Cache) keeps what `git log` told of HEAD's
// history, parsed: on a repository of twenty thousand commits, reading it
// back takes milliseconds where git takes seconds. Its format, written by
// hand because it is read on every run and must cost next to nothing:
//
//	cacheMagic, the 32-byte key (see cacheKey), HEAD's hash, the paths (a
//	count, then each as a uvarint length and its bytes), the commits in
//	log order (a count, then each one's hash, in hex, as a uvarint length
//	and its bytes, its committer time as a uvarint length
//	and time.Time's binary form, whether it is minor (see Minor) as a
//	byte 0 or 1, its parents as a count and indices, its
//	changes as a count and, for each, the status byte, the path's index
//	and, for a rename, the old path's index), then the CRC-32C of
//	everything before, 4 bytes, big-endian.
//
// A file that does not start so, whose lengths or indices do not fit, or
// whose checksum does not match, is ignored and replaced: the cache is
// never trusted, only checked. Neither the work tree's state (`git
// status`, read every run) nor what Resolve and reaches learn is kept.
var cacheMagic = []byte("glosa-history\n")

// cacheFormat changes whenever the file's format, or what Load keeps of
// the log, changes.
const cacheFormat = 2

// castagnoli is the CRC-32 table of the checksums, made when first used.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

// cacheKey identifies everything besides HEAD that shapes what `git log`
// lists and how glosa reads it, so that a cache made otherwise is not
// used: the cache format and the glosa build, root's place in the work
// tree and the pathspecs, the rule that marks minor commits (see Minor),
// whether the clone is shallow and where it was
// cut (the shallow file), the grafts file, the replace refs (which git log
// follows), git's configuration (diff.renameLimit, for one, changes which
// renames -M finds; any change of it costs one full read) and the GIT_*
// environment variables. gitFiles are the shallow and grafts files as
// `git rev-parse --git-path` names them, relative to root. A key that
// cannot be made (git fails) is the zero key, which no cache file holds.
func (ix *Index) cacheKey(pathspecs, gitFiles []string) [sha256.Size]byte {
	h := sha256.New()
	field := func(s string) {
		h.Write(binary.AppendUvarint(nil, uint64(len(s))))
		h.Write([]byte(s))
	}
	field("format " + strconv.Itoa(cacheFormat))
	if bi, ok := debug.ReadBuildInfo(); ok {
		field(bi.Main.Path + " " + bi.Main.Version + " " + bi.GoVersion)
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				field(s.Key + "=" + s.Value)
			}
		}
	}
	// A release stamps its version and commit with the linker, which the
	// build information does not show.
	info := buildinfo.Get()
	field(info.Version + " " + info.Commit + " " + strconv.FormatBool(info.Modified))
	field(ix.prefix)
	field(ix.minor.key())
	field(strconv.FormatBool(ix.shallow))
	for _, p := range pathspecs {
		field(p)
	}
	// A file is named as git names it, relative to the repository when
	// it is inside: the key does not hold where the clone is, so that a
	// cache restored into another clone of the same commits serves it.
	for _, name := range gitFiles {
		f := name
		if !filepath.IsAbs(f) {
			f = filepath.Join(ix.root, f)
		}
		data, err := os.ReadFile(f)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return [sha256.Size]byte{}
		}
		field(name)
		field(string(data))
	}
	for _, args := range [][]string{
		{"for-each-ref", "--format=%(refname) %(objectname)", "refs/replace/"},
		{"config", "--list", "-z"},
	} {
		out, err := ix.git(args...)
		if err != nil && args[0] != "config" { // config fails when there is none
			return [sha256.Size]byte{}
		}
		field(string(out))
	}
	env := os.Environ()
	slices.Sort(env)
	for _, kv := range env {
		if strings.HasPrefix(kv, "GIT_") {
			field(kv)
		}
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

// readCache returns the history the cache file holds for ix's key; nil
// when there is none, or it is damaged or made for something else. A
// cache file that is not a regular file (a link) is not read.
func (ix *Index) readCache() *Index {
	if ix.key == ([sha256.Size]byte{}) {
		return nil
	}
	p := filepath.Join(ix.root, filepath.FromSlash(ix.cacheFile))
	if fi, err := os.Lstat(p); err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil
	}
	return decodeCache(data, ix.key)
}

// adopt takes the history of old, read from the cache for the same HEAD.
func (ix *Index) adopt(old *Index) {
	ix.commits, ix.changes, ix.linear = old.commits, old.changes, old.linear
	ix.byHash, ix.sorted, ix.byPath = old.byHash, old.sorted, old.byPath
}

// extend reads the history of HEAD when the cache holds that of an
// ancestor of it, old: `git log` lists only the commits HEAD reaches and
// old's HEAD does not, and `git rev-list` the order in which the whole
// history is listed (new commits need not all come before old ones in
// --topo-order: when old's HEAD is a merge's second parent, git lists it
// and its ancestors down to the merge base before the new commits of the
// first parent's side; the test's "a branch that merged main" is such a
// history). It returns false, having changed nothing, when old's HEAD is
// not an ancestor of HEAD (a rebase, a reset, another branch) or git
// fails.
func (ix *Index) extend(old *Index, pathspecs []string) bool {
	if _, err := ix.git("merge-base", "--is-ancestor", old.head, ix.head); err != nil {
		return false
	}
	args := append([]string{"rev-list", "--topo-order", "--full-history", "--sparse", ix.head, "--"}, pathspecs...)
	out, err := ix.git(args...)
	if err != nil {
		return false
	}
	order := strings.Fields(string(out))
	nx := newIndex(ix.root)
	nx.minor = ix.minor
	parents, err := nx.readLog(pathspecs, ix.head, "^"+old.head)
	if err != nil || len(order) != len(nx.commits)+len(old.commits) {
		return false
	}
	added := make(map[string]int32, len(nx.commits))
	for i, c := range nx.commits {
		added[c.hash] = int32(i)
	}
	oldAt, newAt := spans(old), spans(nx)
	commits := make([]commit, 0, len(order))
	changes := make([]change, 0, len(old.changes)+len(nx.changes))
	all := make([][]string, 0, len(order))
	for _, h := range order {
		from, at, ps := nx, newAt, [][]string(nil)
		i, ok := added[h]
		if ok {
			ps = parents
		} else if i, ok = old.byHash[h]; ok {
			from, at = old, oldAt
		} else {
			return false
		}
		c := from.commits[i]
		if ps != nil {
			all = append(all, ps[i])
		} else {
			hs := make([]string, len(c.parents))
			for k, p := range c.parents {
				hs[k] = old.commits[p].hash
			}
			all = append(all, hs)
		}
		n := int32(len(commits))
		commits = append(commits, commit{hash: c.hash, time: c.time, minor: c.minor})
		for _, ch := range from.changes[at[i]:at[i+1]] {
			ch.commit = n
			changes = append(changes, ch)
		}
	}
	ix.commits, ix.changes = commits, changes
	ix.build(all)
	return true
}

// spans returns where each commit's changes start in ix.changes, and
// their end after the last commit: a commit's changes are listed together.
func spans(ix *Index) []int32 {
	at := make([]int32, len(ix.commits)+1)
	n := 0
	for i := range ix.commits {
		at[i] = int32(n)
		for n < len(ix.changes) && ix.changes[n].commit == int32(i) {
			n++
		}
	}
	at[len(ix.commits)] = int32(n)
	return at
}

// SaveCache writes the history to the cache file of Options.Cache, through
// atomicfile, when the file does not hold it yet; it does nothing without
// a cache file. The folder must exist: SaveCache makes none.
func (ix *Index) SaveCache() error {
	if ix.cacheFile == "" || !ix.stale || ix.head == "" || ix.key == ([sha256.Size]byte{}) {
		return nil
	}
	if err := atomicfile.WriteFrom(ix.root, ix.cacheFile, func(w io.Writer) error {
		_, err := w.Write(ix.encodeCache())
		return err
	}); err != nil {
		return err
	}
	ix.stale = false
	return nil
}

// encodeCache returns the cache file's bytes (see cacheMagic).
func (ix *Index) encodeCache() []byte {
	b := append([]byte(nil), cacheMagic...)
	b = append(b, ix.key[:]...)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(ix.head)
	pathID := map[string]uint64{}
	var paths []string
	for _, ch := range ix.changes {
		for _, p := range []string{ch.path, ch.oldPath} {
			if _, ok := pathID[p]; !ok && p != "" {
				pathID[p] = uint64(len(paths))
				paths = append(paths, p)
			}
		}
	}
	b = binary.AppendUvarint(b, uint64(len(paths)))
	for _, p := range paths {
		str(p)
	}
	b = binary.AppendUvarint(b, uint64(len(ix.commits)))
	at := spans(ix)
	for i, c := range ix.commits {
		str(c.hash)
		t, _ := c.time.MarshalBinary()
		str(string(t))
		minor := byte(0)
		if c.minor {
			minor = 1
		}
		b = append(b, minor)
		b = binary.AppendUvarint(b, uint64(len(c.parents)))
		for _, p := range c.parents {
			b = binary.AppendUvarint(b, uint64(p))
		}
		b = binary.AppendUvarint(b, uint64(at[i+1]-at[i]))
		for _, ch := range ix.changes[at[i]:at[i+1]] {
			b = append(b, ch.status)
			b = binary.AppendUvarint(b, pathID[ch.path])
			if ch.status == 'R' {
				b = binary.AppendUvarint(b, pathID[ch.oldPath])
			}
		}
	}
	return appendChecksum(b)
}

// appendChecksum appends the CRC-32C of b to it.
func appendChecksum(b []byte) []byte {
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli()))
}

// errCache is any fault found in a cache file.
var errCache = errors.New("damaged history cache")

// decoder reads the cache file's fields, remembering the first fault.
type decoder struct {
	buf []byte
	off int
	err error
}

func (d *decoder) uint(max uint64) uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.buf[d.off:])
	if n <= 0 || v > max {
		d.err = errCache
		return 0
	}
	d.off += n
	return v
}

// bytes returns the next length-prefixed field, aliasing the buffer.
func (d *decoder) bytes() []byte {
	n := d.uint(uint64(len(d.buf)))
	if d.err == nil && n > uint64(len(d.buf)-d.off) {
		d.err = errCache
	}
	if d.err != nil {
		return nil
	}
	b := d.buf[d.off : d.off+int(n)]
	d.off += int(n)
	return b
}

func (d *decoder) byte() byte {
	if d.err != nil || d.off >= len(d.buf) {
		d.err = errCache
		return 0
	}
	d.off++
	return d.buf[d.off-1]
}

// index returns the next field as an index below n; 0 after a fault, when
// n is not 0.
func (d *decoder) index(n uint64) uint64 {
	v := d.uint(n)
	if v >= n && d.err == nil {
		d.err = errCache
	}
	if d.err != nil {
		return 0
	}
	return v
}

// decodeCache returns the history a cache file holds, its byHash, sorted
// and byPath built; nil when data is not a whole cache file made for key.
// Its strings are two allocations, sliced: one for the paths, one for the
// hashes.
func decodeCache(data []byte, key [sha256.Size]byte) *Index {
	head := len(cacheMagic) + len(key)
	if len(data) < head+4 || !bytes.HasPrefix(data, cacheMagic) || !bytes.Equal(data[len(cacheMagic):head], key[:]) {
		return nil
	}
	body := data[:len(data)-4]
	if crc32.Checksum(body, castagnoli()) != binary.BigEndian.Uint32(data[len(body):]) {
		return nil
	}
	d := &decoder{buf: body, off: head}
	ix := newIndex("")
	ix.head = string(d.bytes())
	npaths := d.uint(uint64(len(body)))
	start := d.off
	bounds := make([][2]int, 0, npaths)
	for range npaths {
		b := d.bytes()
		bounds = append(bounds, [2]int{d.off - len(b) - start, d.off - start})
	}
	if d.err != nil {
		return nil
	}
	all := string(body[start:d.off])
	paths := make([]string, npaths)
	for i, b := range bounds {
		paths[i] = all[b[0]:b[1]]
	}
	ncommits := d.uint(uint64(len(body)))
	if d.err != nil {
		return nil
	}
	ix.commits = make([]commit, ncommits)
	var hexes []byte
	hashEnds := make([]int, ncommits)
	for i := range ix.commits {
		c := &ix.commits[i]
		hexes = append(hexes, d.bytes()...)
		hashEnds[i] = len(hexes)
		if err := c.time.UnmarshalBinary(d.bytes()); err != nil && d.err == nil {
			d.err = errCache
		}
		switch d.byte() {
		case 0:
		case 1:
			c.minor = true
		default:
			if d.err == nil {
				d.err = errCache
			}
		}
		for range d.uint(ncommits) {
			// In --topo-order a parent comes after its children.
			p := d.index(ncommits)
			if p <= uint64(i) && d.err == nil {
				d.err = errCache
			}
			c.parents = append(c.parents, int32(p))
		}
		for range d.uint(uint64(len(body))) {
			ch := change{commit: int32(i), status: d.byte()}
			if npaths == 0 {
				return nil
			}
			ch.path = paths[d.index(npaths)]
			if ch.status == 'R' {
				ch.oldPath = paths[d.index(npaths)]
			}
			if d.err != nil {
				return nil
			}
			ix.changes = append(ix.changes, ch)
		}
		if d.err != nil {
			return nil
		}
	}
	if d.off != len(body) {
		return nil
	}
	hashes := string(hexes)
	prev := 0
	for i, end := range hashEnds {
		ix.commits[i].hash = hashes[prev:end]
		prev = end
	}
	ix.build(nil)
	return ix
}
