// Package resultcache keeps what a read-only run printed (its standard
// output, its standard error and its exit code) and gives it back to a
// later run whose inputs are all unchanged, so that such a run costs a
// walk of the project's folders with one lstat per file, and printing.
//
// A replayed result is a promise that a full run would print the same
// bytes now, so the key covers every input a run reads: what the caller
// says shapes the output (the command, its flags, the environment, which
// streams are terminals, glosa's own build), the configuration, the
// listing of every folder under the folders the scans walk and the stat
// data (size, modification and change times, inode, device, mode) of
// every file there, the target of every symbolic link, and git's state:
// HEAD and the ref it names, the index, packed-refs, shallow, the
// repository's and the user's git configuration and ignore files, and the
// .gitignore and .gitattributes files above the walked folders. A file
// whose times are not older than the walk (git's "racy" files: changed
// within the same tick could keep its stat data) keeps the result from
// being stored, so it is never trusted.
//
// Results live in .glosa/cache/result-<key> (see content.CacheDir), one
// file per command and flags, checksummed: a damaged file is not used.
package resultcache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
)

// Request says which run a result is for.
type Request struct {
	// Root is the repository's folder.
	Root string
	// Config is the loaded configuration: its file's name and bytes are
	// part of the key, and its layouts say which folders are walked.
	Config *config.Config
	// Shape is everything besides the files that shapes the output, in
	// the caller's words: the command and its flags, the environment
	// variables it reads, which streams are terminals. Each string is
	// one field of the key.
	Shape []string
}

// Result is what a run printed and how it ended.
type Result struct {
	Stdout, Stderr []byte
	Code           int
	// release lets go of the bytes Lookup read or mapped from the
	// result's file (see readFile); nil for a result made otherwise.
	release func()
}

// Replay writes the result's output to stdout and stderr, then lets go
// of its bytes (see Release). A result Lookup mapped from its file that
// someone cut short meanwhile (glosa replaces its files, never writes
// them in place) is an error, not a crash.
func (r *Result) Replay(stdout, stderr io.Writer) error {
	defer r.Release()
	var err error
	if faulted(func() {
		if _, err = stdout.Write(r.Stdout); err == nil {
			_, err = stderr.Write(r.Stderr)
		}
	}) {
		return errCutShort
	}
	return err
}

// Release lets go of the bytes of a result Lookup returned: its Stdout
// and Stderr must not be read after.
func (r *Result) Release() {
	if r.release != nil {
		r.release()
		r.release = nil
	}
	r.Stdout, r.Stderr = nil, nil
}

// errCutShort is a result file made shorter while it was mapped.
var errCutShort = errors.New("a file of glosa's result cache was cut short while it was read")

// faulted runs f, a fault reading memory in it (a mapped file cut short)
// made a panic that stops it, and reports whether one did; other panics
// go on.
func faulted(f func()) (fault bool) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(interface{ Addr() uintptr }); !ok {
				panic(r)
			}
			fault = true
		}
	}()
	f()
	return false
}

// Snapshot is the state of a run's inputs, taken before the run: what a
// result computed after it is stored under.
type Snapshot struct {
	root string
	name string
	key  [sha256.Size]byte
	// racy is set when a file's times are too recent to be trusted: a
	// result computed now is not stored.
	racy bool
	// files holds, by folder walked (slash-separated, "" for the
	// repository), the name and stat data of everything in it the walk
	// looked at, sorted by name (see Lstat and Files); nil once dropped,
	// or when a folder or file could not be read.
	files map[string][]fileStat
}

// fileStat is a name in a folder and its stat data.
type fileStat struct {
	name string
	info info
}

// Lstat returns the stat data the snapshot took of the regular file rel
// (slash-separated, relative to the repository), as os.Lstat gives them
// on this system; false for any other file, one the walk did not see, or
// once DropStats ran. A scan right after the snapshot takes them rather
// than asking the system again.
func (s *Snapshot) Lstat(rel string) (os.FileInfo, bool) {
	dir, name := path.Split(rel)
	list := s.files[strings.TrimSuffix(dir, "/")]
	i, ok := slices.BinarySearchFunc(list, name, func(f fileStat, name string) int { return strings.Compare(f.name, name) })
	if !ok || list[i].info.link || list[i].info.dir {
		return nil, false
	}
	return fileInfoOf(list[i].name, list[i].info)
}

// DropStats lets go of the stat data Lstat gives.
func (s *Snapshot) DropStats() { s.files = nil }

// MaxResults is how many results the cache folder keeps: one per command
// and flags used lately.
const MaxResults = 8

// maxSize is the largest result stored, in bytes of output.
const maxSize = 256 << 20

// Lookup takes the snapshot of req's inputs and returns the result stored
// for it, nil when there is none (a miss), with the snapshot to Save the
// run's result under. A snapshot that cannot be taken (a folder that
// cannot be read is recorded as such; only a failure to name the
// repository or its git folder) is an error: the run goes on uncached.
func Lookup(req Request) (*Result, *Snapshot, error) {
	s, err := snapshot(req, time.Now())
	if err != nil {
		return nil, nil, err
	}
	if err := content.CheckCacheDir(req.Root); err != nil {
		return nil, nil, err
	}
	data, release, err := readFile(filepath.Join(req.Root, filepath.FromSlash(content.CacheDir), s.name))
	if err != nil {
		return nil, s, nil
	}
	var res *Result
	if faulted(func() { res = decode(data, s.key) }) || res == nil {
		release()
		return nil, s, nil
	}
	res.release = release
	return res, s, nil
}

// Save stores res under the snapshot taken before it was computed, unless
// a file of the snapshot was too recent to be trusted, the cache folder
// holds a link, or res is too large. It removes the oldest results past
// MaxResults.
func (s *Snapshot) Save(res Result) error {
	var out, errOut Buffer
	out.Write(res.Stdout)
	errOut.Write(res.Stderr)
	return s.SaveOutput(&out, &errOut, res.Code)
}

// SaveOutput is Save for a result whose output a run wrote into Buffers
// as it went: it is written out from them, never joined in memory.
func (s *Snapshot) SaveOutput(stdout, stderr *Buffer, code int) error {
	if s.racy || stdout.Len()+stderr.Len() > maxSize {
		return nil
	}
	if err := content.CheckCacheDir(s.root); err != nil {
		return err
	}
	if err := atomicfile.MkdirAll(s.root, content.CacheDir); err != nil {
		return err
	}
	err := atomicfile.WriteFrom(s.root, content.CacheDir+"/"+s.name, func(w io.Writer) error {
		return writeResult(w, s.key, stdout, stderr, code)
	})
	if err != nil {
		return err
	}
	return prune(s.root)
}

// Buffer keeps what a run writes, for SaveOutput: in blocks that are
// added as it grows, so that a big output (status --format json on
// 38,000 pages: 65 MB) is neither copied nor cleared again at each
// doubling, as a bytes.Buffer would.
type Buffer struct {
	blocks [][]byte
	n      int
}

// Write appends p.
func (b *Buffer) Write(p []byte) (int, error) {
	b.n += len(p)
	rest := p
	for len(rest) > 0 {
		if k := len(b.blocks); k > 0 {
			last := b.blocks[k-1]
			if room := cap(last) - len(last); room > 0 {
				m := min(room, len(rest))
				b.blocks[k-1] = append(last, rest[:m]...)
				rest = rest[m:]
				continue
			}
		}
		size := 64 << 10
		if k := len(b.blocks); k > 0 {
			size = min(2*cap(b.blocks[k-1]), 4<<20)
		}
		b.blocks = append(b.blocks, make([]byte, 0, size))
	}
	return len(p), nil
}

// Len returns how many bytes were written.
func (b *Buffer) Len() int { return b.n }

// Bytes returns what was written, joined.
func (b *Buffer) Bytes() []byte {
	out := make([]byte, 0, b.n)
	for _, blk := range b.blocks {
		out = append(out, blk...)
	}
	return out
}

// writeResult writes the file of a result stored under key: magic, key,
// the exit code, stdout's and stderr's lengths and bytes, and a CRC-32 (IEEE) of
// all that, computed as it goes.
func writeResult(w io.Writer, key [sha256.Size]byte, stdout, stderr *Buffer, code int) error {
	crc := crc32.NewIEEE()
	bw := bufio.NewWriterSize(io.MultiWriter(w, crc), 64<<10)
	var num [binary.MaxVarintLen64]byte
	bw.Write(magic)
	bw.Write(key[:])
	bw.Write(binary.AppendUvarint(num[:0], uint64(code)))
	for _, b := range []*Buffer{stdout, stderr} {
		bw.Write(binary.AppendUvarint(num[:0], uint64(b.n)))
		for _, blk := range b.blocks {
			bw.Write(blk)
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	_, err := w.Write(binary.BigEndian.AppendUint32(nil, crc.Sum32()))
	return err
}

// prune removes the oldest results past MaxResults.
func prune(root string) error {
	dir := filepath.Join(root, filepath.FromSlash(content.CacheDir))
	list, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	type file struct {
		name string
		t    time.Time
	}
	var results []file
	for _, d := range list {
		if !strings.HasPrefix(d.Name(), filePrefix) {
			continue
		}
		if fi, err := d.Info(); err == nil {
			results = append(results, file{d.Name(), fi.ModTime()})
		}
	}
	if len(results) <= MaxResults {
		return nil
	}
	sort.Slice(results, func(i, j int) bool { return results[i].t.After(results[j].t) })
	for _, f := range results[MaxResults:] {
		if err := atomicfile.Remove(root, content.CacheDir+"/"+f.name); err != nil {
			return err
		}
	}
	return nil
}

// filePrefix starts the name of every result file.
const filePrefix = "result-"

// magic starts every result file; its last byte is the format's version:
// 2 since the checksum is CRC-32 IEEE, which, unlike Castagnoli, needs
// no tables made when a replay starts (0.15 ms).
var magic = []byte("glosa result\x00\x02")

// decode returns the result data holds for key; nil when data is not a
// whole result file, is damaged or was stored for another key.
func decode(data []byte, key [sha256.Size]byte) *Result {
	head := len(magic) + len(key)
	if len(data) < head+4 || !bytes.HasPrefix(data, magic) || !bytes.Equal(data[len(magic):head], key[:]) {
		return nil
	}
	body, sum := data[:len(data)-4], binary.BigEndian.Uint32(data[len(data)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil
	}
	rest := body[head:]
	next := func() (uint64, bool) {
		v, n := binary.Uvarint(rest)
		if n <= 0 {
			return 0, false
		}
		rest = rest[n:]
		return v, true
	}
	bytesOf := func() ([]byte, bool) {
		n, ok := next()
		if !ok || n > uint64(len(rest)) {
			return nil, false
		}
		out := rest[:n:n]
		rest = rest[n:]
		return out, true
	}
	code, ok := next()
	if !ok || code > 255 {
		return nil
	}
	res := &Result{Code: int(code)}
	if res.Stdout, ok = bytesOf(); !ok {
		return nil
	}
	if res.Stderr, ok = bytesOf(); !ok || len(rest) != 0 {
		return nil
	}
	return res
}

// mapMin is the size from which a result file is mapped into memory
// rather than read: status --format json on 38,000 pages, 65 MB, took
// 10–39 ms to read into memory (most of it the new memory's first
// touch), 3 ms mapped and checked; mapping a small file costs more than
// reading it.
const mapMin = 1 << 20

// readFile returns the bytes of a result file, refusing anything but a
// regular file, and the function that lets go of them: mapped into
// memory from mapMin bytes where the system can, else read.
func readFile(p string) ([]byte, func(), error) {
	fi, err := os.Lstat(p)
	if err != nil {
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() || fi.Size() > maxSize+1<<20 {
		return nil, nil, errNotResult
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	// The file opened is the one looked at, not a link put in its place.
	if open, err := f.Stat(); err != nil || !os.SameFile(fi, open) {
		return nil, nil, errNotResult
	}
	size := int(fi.Size())
	if size >= mapMin {
		if data, release, err := mapFile(f, size); err == nil {
			return data, release, nil
		}
	}
	data := make([]byte, size)
	if _, err := io.ReadFull(f, data); err != nil {
		return nil, nil, err
	}
	return data, func() {}, nil
}

// errNotResult is a result file's name given to something else.
var errNotResult = errors.New("not a result file")

// Build returns what tells glosa's builds apart: the module and Go
// versions, the commit and whether the sources were modified, and, for
// a build whose sources are not a commit's (go run, go test, a modified
// tree), the executable's path, size and times.
func Build() string {
	var b strings.Builder
	if bi, ok := debug.ReadBuildInfo(); ok {
		b.WriteString(bi.Path + " " + bi.Main.Path + " " + bi.Main.Version + " " + bi.GoVersion)
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
				b.WriteString(" " + s.Key + "=" + s.Value)
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			b.WriteString(" " + exe + " " + statString(fi))
		}
	}
	return b.String()
}

// snapshot takes the state of req's inputs at now.
func snapshot(req Request, now time.Time) (*Snapshot, error) {
	root, err := filepath.Abs(req.Root)
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	field := func(s string) {
		h.Write([]byte(strconv.Itoa(len(s))))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	field(string(magic))
	field(root)
	field(req.Config.File)
	for _, s := range req.Shape {
		field(s)
	}
	// The name is the request's: the same command and flags on the same
	// project replace their result.
	var name [sha256.Size]byte
	h.Sum(name[:0])
	s := &Snapshot{root: req.Root, name: filePrefix + hex.EncodeToString(name[:12])}
	h.Write(req.Config.Digest[:])
	w := &walker{root: root, since: now, files: map[string][]fileStat{}}
	gitState(w, root)
	w.walk(Roots(req.Config))
	if !w.unread {
		s.files = w.files
	}
	for _, p := range req.Config.Inputs() {
		w.statNamed(filepath.Join(root, filepath.FromSlash(p)))
	}
	for _, r := range w.records {
		field(r)
	}
	s.racy = w.racy
	h.Sum(s.key[:0])
	return s, nil
}

// Roots returns the folders the content and catalog scans walk, relative
// to the repository and slash-separated, sorted, none inside another; ""
// is the repository itself.
func Roots(cfg *config.Config) []string {
	var dirs []string
	for _, l := range cfg.Content {
		dirs = append(dirs, l.Patterns.Roots()...)
	}
	for _, l := range cfg.Locales {
		dirs = append(dirs, l.Pattern.Root())
		if l.Template != nil {
			dirs = append(dirs, l.Template.Root())
		}
	}
	slices.Sort(dirs)
	dirs = slices.Compact(dirs)
	var out []string
	for _, d := range dirs {
		covered := slices.ContainsFunc(out, func(w string) bool { return w == "" || strings.HasPrefix(d, w+"/") })
		if !covered {
			out = append(out, d)
		}
	}
	return out
}

// walker gathers the records of a snapshot: one string per file or
// folder, sorted before they are hashed.
type walker struct {
	root  string
	since time.Time
	mu    sync.Mutex
	// records are "path\x00what": a file's stat data, a folder's
	// listing, a link's target.
	records []string
	racy    bool
	// files gathers what each folder holds (see Snapshot.files); unread
	// is set when a folder or a file could not be read.
	files  map[string][]fileStat
	unread bool
}

// add records what is known of rel.
func (w *walker) add(recs ...string) {
	w.mu.Lock()
	w.records = append(w.records, recs...)
	w.mu.Unlock()
}

// statOf returns fi's stat data as a record, with the target's when fi,
// at p, is a link, and notes a racy one.
func (w *walker) statOf(fi os.FileInfo, p string) string {
	return string(w.appendInfo(nil, infoOf(fi), p, ""))
}

// appendInfo appends the stat data i of the file name in the folder dir
// (or at dir, name ""), with its target's when it is a link, and notes a
// racy one.
func (w *walker) appendInfo(b []byte, i info, dir, name string) []byte {
	if w.tooRecent(i) {
		w.mu.Lock()
		w.racy = true
		w.mu.Unlock()
	}
	b = i.append(b)
	if i.link {
		p := dir
		if name != "" {
			p = filepath.Join(dir, name)
		}
		target, _ := os.Readlink(p)
		real, err := filepath.EvalSymlinks(p)
		if err != nil {
			real = "error " + err.Error()
		}
		b = append(b, " -> "+target+" = "+real...)
		if ti, err := os.Stat(p); err == nil {
			b = w.appendInfo(b, infoOf(ti), "", "")
		}
	}
	return b
}

// info is the stat data of a file.
type info struct {
	size         int64
	mode         uint32
	mtime, ctime int64 // nanoseconds since 1970
	ino, dev     uint64
	dir, link    bool
}

// append appends i's fields.
func (i info) append(b []byte) []byte {
	b = binary.AppendVarint(b, i.size)
	b = binary.AppendUvarint(b, uint64(i.mode))
	b = binary.AppendVarint(b, i.mtime)
	b = binary.AppendVarint(b, i.ctime)
	b = binary.AppendUvarint(b, i.ino)
	return binary.AppendUvarint(b, i.dev)
}

// Racy margins: a file time on a file system that keeps nanoseconds is
// trusted when it is older than the walk by fineMargin (the kernel stamps
// files with a clock that can lag the one Go reads by a tick); one with
// no sub-second part may come from a file system that keeps seconds or
// two, and needs coarseMargin.
const (
	fineMargin   = 50 * time.Millisecond
	coarseMargin = 2 * time.Second
)

// tooRecent reports whether i's times are too close to the walk for its
// stat data to show a change made within the same tick.
func (w *walker) tooRecent(i info) bool {
	for _, t := range []int64{i.mtime, i.ctime} {
		margin := fineMargin
		if t%int64(time.Second) == 0 {
			margin = coarseMargin
		}
		if t >= w.since.Add(-margin).UnixNano() {
			return true
		}
	}
	return false
}

// walk records every folder under roots (their listings, hidden folders
// and node_modules named but not entered, as the scans do) and every file
// in them, on as many goroutines as there are cores.
func (w *walker) walk(roots []string) {
	jobs := make(chan string, 1024)
	var pending sync.WaitGroup
	var workers sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for dir := range jobs {
				for _, sub := range w.dir(dir) {
					pending.Add(1)
					select {
					case jobs <- sub:
					default:
						// The queue is full: walk it here rather than
						// wait on a worker that may be waiting on us.
						w.walkHere(sub, &pending)
					}
				}
				pending.Done()
			}
		}()
	}
	for _, r := range roots {
		pending.Add(1)
		jobs <- r
	}
	pending.Wait()
	close(jobs)
	workers.Wait()
	sort.Strings(w.records)
}

// walkHere walks dir and its subfolders on this goroutine.
func (w *walker) walkHere(dir string, pending *sync.WaitGroup) {
	for _, sub := range w.dir(dir) {
		pending.Add(1)
		w.walkHere(sub, pending)
	}
	pending.Done()
}

// dir records the folder rel and its files and returns its subfolders to
// walk.
func (w *walker) dir(rel string) []string {
	p := filepath.Join(w.root, filepath.FromSlash(rel))
	f, err := os.Open(p)
	if err != nil {
		w.add(rel + "/\x00" + errString(err))
		if !errors.Is(err, fs.ErrNotExist) {
			// A folder that is not there is not listed: a walk of it
			// reads the disk, which says so.
			w.failed()
		}
		return nil
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		w.add(rel + "/\x00" + errString(err))
		w.failed()
		return nil
	}
	slices.Sort(names)
	// Hidden files and folders are not read by the scans (nor is
	// .glosa, which a run makes): only git's files among them, and
	// glosa's temporary files, which a run removes.
	visible := names[:0:0]
	for _, name := range names {
		if !strings.HasPrefix(name, ".") || name == ".gitignore" || name == ".gitattributes" || content.IsTemp(name) {
			visible = append(visible, name)
		}
	}
	names = visible
	// The folder's record is a digest of its listing and of its files'
	// stat data, in the order of their names.
	rec := make([]byte, 0, 64*len(names))
	var subs []string
	files := make([]fileStat, 0, len(names))
	for _, name := range names {
		rec = append(rec, name...)
		rec = append(rec, 0)
		i, err := statAt(f, p, name)
		if err != nil {
			rec = append(rec, errString(err)...)
			w.failed()
			continue
		}
		files = append(files, fileStat{name: name, info: i})
		if content.IsTemp(name) {
			// A run removes stray temporary files: leave that to it.
			w.mu.Lock()
			w.racy = true
			w.mu.Unlock()
		}
		if i.dir {
			if name != "node_modules" && !strings.HasPrefix(name, ".") {
				subs = append(subs, path.Join(rel, name))
			}
			continue
		}
		rec = w.appendInfo(rec, i, p, name)
	}
	sum := sha256.Sum256(rec)
	w.add(rel + "/\x00" + string(sum[:]))
	if w.files != nil {
		w.mu.Lock()
		w.files[rel] = files
		w.mu.Unlock()
	}
	return subs
}

// failed notes that a folder or a file could not be read: the snapshot
// then gives no listing (see Snapshot.Files), and the scans read the
// disk, which says what is wrong.
func (w *walker) failed() {
	w.mu.Lock()
	w.unread = true
	w.mu.Unlock()
}

// errString is err without the path, which the record names.
func errString(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return "error " + pe.Err.Error()
	}
	return "error " + err.Error()
}

// gitState records what git's answers depend on besides the work tree's
// files, which the walk records: the git folder's HEAD and the ref it
// names, the index, packed-refs, shallow, grafts and replacements,
// configuration and ignore files, and the .gitignore and .gitattributes
// files of every folder from the top level down to root.
func gitState(w *walker, root string) {
	top, gitDir, common := findGit(root)
	w.add("\x00git " + top + " " + gitDir + " " + common)
	if gitDir == "" {
		return
	}
	head, _ := os.ReadFile(filepath.Join(gitDir, "HEAD"))
	w.add("\x00git HEAD " + string(head))
	if ref, ok := strings.CutPrefix(strings.TrimSpace(string(head)), "ref: "); ok && !strings.Contains(ref, "..") {
		for _, dir := range []string{gitDir, common} {
			data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(ref)))
			if err == nil {
				w.add("\x00git ref " + dir + " " + string(data))
			}
		}
	}
	abs := func(dir, rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	for _, p := range []string{abs(gitDir, "index"), abs(gitDir, "HEAD"),
		abs(common, "packed-refs"), abs(common, "shallow"), abs(common, "info/exclude"),
		abs(common, "info/grafts"), abs(common, "info/attributes"), abs(common, "objects/info/alternates"),
		abs(common, "refs/replace")} {
		w.statAbs(p)
	}
	configs := append([]string{abs(common, "config"), abs(gitDir, "config.worktree")}, userGitFiles()...)
	for _, p := range configs {
		w.statAbs(p)
		w.namedIn(p)
	}
	// Ignore and attribute files from the top level down to root (those
	// inside the walked folders are in their listings and records).
	if rel, err := filepath.Rel(top, root); err == nil && !strings.HasPrefix(rel, "..") {
		dir := top
		for _, part := range append([]string{""}, strings.Split(filepath.ToSlash(rel), "/")...) {
			if part != "" && part != "." {
				dir = filepath.Join(dir, part)
			}
			w.statAbs(filepath.Join(dir, ".gitignore"))
			w.statAbs(filepath.Join(dir, ".gitattributes"))
		}
	}
}

// statAbs records the stat data of the file at the absolute path p, of
// a link itself.
func (w *walker) statAbs(p string) { w.statWith("abs", os.Lstat, p) }

// statNamed records the stat data of a file the configuration names, at
// the absolute path p, through a link as the run reads it.
func (w *walker) statNamed(p string) { w.statWith("named", os.Stat, p) }

// statWith records, under label, what stat says of the file at p.
func (w *walker) statWith(label string, stat func(string) (os.FileInfo, error), p string) {
	fi, err := stat(p)
	if err != nil {
		w.add("\x00" + label + " " + p + " missing")
		return
	}
	w.add("\x00" + label + " " + p + " " + w.statOf(fi, p))
}

// namedIn records the files a git configuration file at p names for
// ignore and attribute patterns (core.excludesFile, core.attributesFile);
// one that includes others is never trusted.
func (w *walker) namedIn(p string) {
	data, err := os.ReadFile(p)
	if err != nil || len(data) > 1<<20 {
		return
	}
	for _, line := range strings.Split(string(data), "\n") {
		key, value, ok := strings.Cut(strings.TrimSpace(line), "=")
		key = strings.ToLower(strings.TrimSpace(key))
		switch {
		case strings.HasPrefix(key, "[include"):
			w.mu.Lock()
			w.racy = true
			w.mu.Unlock()
		case ok && (key == "excludesfile" || key == "attributesfile"):
			name := strings.Trim(strings.TrimSpace(value), `"`)
			if rest, ok := strings.CutPrefix(name, "~/"); ok {
				home, _ := os.UserHomeDir()
				name = filepath.Join(home, rest)
			}
			if !filepath.IsAbs(name) {
				name = filepath.Join(w.root, name)
			}
			w.statAbs(name)
		}
	}
}

// findGit returns the top level of the work tree that holds root, its git
// folder and the common folder of its worktrees (the git folder itself
// but in a linked worktree); all "" outside a work tree.
func findGit(root string) (top, gitDir, common string) {
	for dir := root; ; {
		p := filepath.Join(dir, ".git")
		if fi, err := os.Stat(p); err == nil {
			gitDir = p
			if !fi.IsDir() {
				data, err := os.ReadFile(p)
				if err != nil {
					return dir, "", ""
				}
				g, ok := strings.CutPrefix(strings.TrimSpace(string(data)), "gitdir: ")
				if !ok {
					return dir, "", ""
				}
				if !filepath.IsAbs(g) {
					g = filepath.Join(dir, g)
				}
				gitDir = g
			}
			common = gitDir
			if data, err := os.ReadFile(filepath.Join(gitDir, "commondir")); err == nil {
				c := strings.TrimSpace(string(data))
				if !filepath.IsAbs(c) {
					c = filepath.Join(gitDir, c)
				}
				common = filepath.Clean(c)
			}
			return dir, gitDir, common
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", "", ""
		}
		dir = parent
	}
}

// userGitFiles are the user's and the system's git configuration and
// ignore files (those GIT_CONFIG_GLOBAL and GIT_CONFIG_SYSTEM name too),
// and the git program.
func userGitFiles() []string {
	var out []string
	home, _ := os.UserHomeDir()
	xdg := os.Getenv("XDG_CONFIG_HOME")
	if xdg == "" && home != "" {
		xdg = filepath.Join(home, ".config")
	}
	if home != "" {
		out = append(out, filepath.Join(home, ".gitconfig"))
	}
	if xdg != "" {
		out = append(out, filepath.Join(xdg, "git", "config"), filepath.Join(xdg, "git", "ignore"), filepath.Join(xdg, "git", "attributes"))
	}
	out = append(out, "/etc/gitconfig")
	for _, v := range []string{"GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM"} {
		if p := os.Getenv(v); p != "" {
			out = append(out, p)
		}
	}
	if git, err := lookGit(); err == nil {
		out = append(out, git)
	}
	return out
}

// statString is fi's stat data: size, mode, times, inode and device.
func statString(fi os.FileInfo) string { return string(infoOf(fi).append(nil)) }

// Unsafe reports why no result should be stored or replayed for a run
// with this environment, "" when none: git variables that move the
// repository, its index or its objects elsewhere, which the snapshot
// would not look at.
func Unsafe(getenv func(string) string) string {
	for _, v := range []string{"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY",
		"GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CEILING_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_COUNT", "GIT_GRAFT_FILE", "GIT_REPLACE_REF_BASE", "GIT_NO_REPLACE_OBJECTS"} {
		if getenv(v) != "" {
			return v
		}
	}
	return ""
}
