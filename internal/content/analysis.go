package content

import (
	"crypto/sha256"
	"runtime"
	"slices"
	"sync"
	"unicode"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/markdown"
)

// derived is what glosa computes from an entry's text once and keeps:
// the Markdown summary of the body and the digests the state decision
// compares. Each part is computed on first use, so that entries nobody
// asks about cost nothing, and Prepare can compute them in parallel.
//
// The digests and the words are small and stay; the summaries and the
// front-matter values, which make most of an entry's memory, are in
// heavy, which Release drops and the accessors compute again.
type derived struct {
	// mu guards h, Doc and released against Load and Release.
	mu sync.Mutex
	h  *heavy

	textOnce sync.Once
	// hash is the source hash; text and body are SHA-256 digests of the
	// entry's text and of its body as SameText compares them (see
	// sameDigests).
	hash       string
	text, body [sha256.Size]byte

	// prose says which parts of the entry hold prose (see Prose).
	proseOnce  sync.Once
	prose      Prose
	proseKnown bool

	wordsOnce  sync.Once
	words      int
	wordsKnown bool
}

// heavy is the part of derived that Release drops.
type heavy struct {
	bodyOnce sync.Once
	body     *markdown.Summary

	// fullOnce guards full: the summary of the file read again, for an
	// entry from the cache whose summary lacks what a caller needs.
	fullOnce sync.Once
	full     *markdown.Summary

	valuesOnce sync.Once
	values     []Value

	// letters counts the letters of the prose of each block of body (see
	// BlockLetters): the cache's, or counted on first use.
	lettersOnce sync.Once
	letters     []int
}

// heavy returns the entry's heavy part, loading the entry again first if
// it was released.
func (e *Entry) heavy() *heavy {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.loadLocked()
	if e.h == nil {
		e.h = &heavy{}
	}
	return e.h
}

// Body returns the Markdown summary of the entry's body, computed on first
// use and kept.
func (e *Entry) Body() *markdown.Summary {
	return e.analyzeBody(true)
}

func (e *Entry) analyzeBody(words bool) *markdown.Summary {
	h := e.heavy()
	h.bodyOnce.Do(func() {
		switch {
		case e.cached: // the cache had no summary: read the file
			h.body = e.reread()
		case e.Doc == nil:
			h.body = &markdown.Summary{}
		case words && !e.wordsKnown && !e.wordless: // counted once: Words keeps them
			h.body = e.dialect().Analyze(e.Doc.Body, e.Doc.BodyLine)
		default:
			h.body = e.dialect().AnalyzeWithoutWords(e.Doc.Body, e.Doc.BodyLine)
		}
		// The blocks' digests are what same-as-source compares; computed
		// here, they are computed once per entry, in parallel.
		for i := range h.body.Blocks {
			h.body.Blocks[i].Digest = BlockDigest(h.body.Blocks[i])
		}
	})
	return h.body
}

// Words counts the words of the entry's translatable text: its text fields
// and the prose of its body. It is computed once and kept.
func (e *Entry) Words(schema *config.Field) int {
	e.wordsOnce.Do(func() {
		n := e.Body().Words
		doc := e.document()
		if doc == nil {
			e.words, e.wordsKnown = n, true
			return
		}
		if n < 0 { // prepared as a translation, whose words nobody counts
			n = e.reread().Words
		}
		for _, v := range Values(doc.Front, schema) {
			if v.Kind == config.Text {
				n += markdown.CountWords(v.Node.Value)
			}
		}
		e.words, e.wordsKnown = n, true
	})
	return e.words
}

// document returns the entry's Doc, loading the entry again first if it
// was released.
func (e *Entry) document() *Document {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.loadLocked()
	return e.Doc
}

// prepare computes the entry's digests (with digests) and, for a source
// (words) or when bodies are asked for, its body summary; a source's words
// are counted. Without a translation language nothing reads a source's
// words or digests: the accessors compute them if something asks.
func (e *Entry) prepare(words, digests, bodies bool, schema *config.Field) {
	e.wordless = digests && !words
	if e.released { // from the cache, which gave the digests and words
		if words {
			e.Words(schema)
			e.Prose(schema)
		}
		return
	}
	if words || bodies {
		e.analyzeBody(words)
	}
	if words {
		e.Words(schema)
		e.Prose(schema)
	}
	if digests {
		e.digest(schema)
	}
}

// Release drops what the entry can give again from its file or glosa's
// cache — its parsed front matter, its body summary, its front-matter
// values — keeping its identity, record, digests and words: what the
// state decisions read. The accessors (Body, Values, BlockText, Words)
// and Load bring the rest back when asked. Only entries of a scan with
// ScanOptions.Release are released; others keep everything. Release must
// not run while the entry is in use.
func (e *Entry) Release() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.releasable || e.Err != nil || e.Doc == nil {
		return
	}
	if e.firstBody == 0 {
		e.firstBody = e.Doc.FirstBodyLine()
	}
	e.Doc, e.h, e.released = nil, nil, true
}

// Load brings back what Release dropped: the entry's Doc is set again.
func (e *Entry) Load() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.loadLocked()
}

// CachedMeta returns MetaOf the document of a released entry from the
// record glosa's cache keeps of it, without reading the document or
// loading the entry; false when the entry is loaded or the cache has no
// record of it.
func (e *Entry) CachedMeta() (Meta, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if !e.released || e.cache == nil {
		return Meta{}, false
	}
	return e.cache.metaOf(e)
}

// Load loads every entry again, in parallel; see Entry.Load.
func Load(entries []*Entry) {
	work := make(chan *Entry)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for e := range work {
				e.Load()
			}
		})
	}
	for _, e := range entries {
		work <- e
	}
	close(work)
	wg.Wait()
}

// loadLocked is Load with e.mu held. A released entry comes back from the
// record glosa's cache keeps of it, or else from its file read again
// (which, changed since the scan, gives what the file says now).
func (e *Entry) loadLocked() {
	if !e.released {
		return
	}
	e.released = false
	e.h = &heavy{}
	if e.cache != nil {
		if rec := e.cache.recordOf(e); rec != nil {
			if doc := rec.Doc.document(); doc != nil {
				doc.Dialect = e.dialect()
				e.Doc, e.cached = doc, true
				if rec.Body != nil {
					e.h.bodyOnce.Do(func() { e.h.body = rec.Body })
					if len(rec.BlockLetters) == len(rec.Body.Blocks) {
						e.h.lettersOnce.Do(func() { e.h.letters = rec.BlockLetters })
					}
				}
				return
			}
		}
	}
	e.cached = false
	e.Doc = &Document{}
	data, err := e.Read()
	if err != nil {
		return
	}
	if doc, err := ParseFile(e.Path, data); err == nil {
		e.Doc = doc
	}
}

// dialect returns the Markdown dialect of the entry's body, which its
// file's name tells.
func (e *Entry) dialect() markdown.Dialect { return markdown.DialectOf(e.Path) }

// FirstBodyLine returns the line of the first non-blank line of the body
// (see Document.FirstBodyLine), also for an entry whose body is not kept.
func (e *Entry) FirstBodyLine() int {
	if e.firstBody > 0 {
		return e.firstBody
	}
	return e.document().FirstBodyLine()
}

// Values returns Values(e.Doc.Front, schema), computed once: the schema
// is the entry's layout's, the same at every call.
func (e *Entry) Values(schema *config.Field) []Value {
	h := e.heavy()
	h.valuesOnce.Do(func() {
		if e.Doc != nil {
			h.values = Values(e.Doc.Front, schema)
		}
	})
	return h.values
}

// bodyDone reports whether the body's summary has been computed.
func (e *Entry) bodyDone() bool { return e.h != nil && e.h.body != nil }

// reread returns the summary of the body with its words, from the file
// read again when the entry came from the cache (whose Doc has no body),
// computed once.
func (e *Entry) reread() *markdown.Summary {
	h := e.heavy()
	h.fullOnce.Do(func() {
		h.full = &markdown.Summary{}
		switch {
		case !e.cached:
			if e.Doc != nil {
				h.full = e.dialect().Analyze(e.Doc.Body, e.Doc.BodyLine)
			}
		default:
			data, err := e.Read()
			if err != nil {
				return
			}
			if doc, err := ParseFile(e.Path, data); err == nil {
				h.full = doc.Dialect.Analyze(doc.Body, doc.BodyLine)
			}
		}
	})
	return h.full
}

// BlockLetters returns how many letters the prose of the entry's i-th
// body block holds (of e.Block(i).Prose), which glosa's cache keeps: each
// word of prose holds one (see prose.Words), so that a rule that needs a
// block's texts only when it holds enough words reads the file again
// only for a block with as many letters. Letters, not words: counting
// them costs a fraction of segmenting the text into words.
func (e *Entry) BlockLetters(i int) int {
	if n := e.blockLetters(); i < len(n) {
		return n[i]
	}
	return 0
}

// blockLetters returns the letters of the prose of each body block,
// counted once.
func (e *Entry) blockLetters() []int {
	blocks := len(e.Body().Blocks)
	h := e.heavy()
	h.lettersOnce.Do(func() {
		h.letters = make([]int, blocks)
		for i := range h.letters {
			for _, r := range e.Block(i).Prose {
				if unicode.IsLetter(r) {
					h.letters[i]++
				}
			}
		}
	})
	return h.letters
}

// BlockText returns the text of the entry's i-th body block (of
// Body().Blocks), reading the file again when the entry came from the
// cache, which keeps no block texts but a heading's.
func (e *Entry) BlockText(i int) string { return e.Block(i).Text }

// Block returns the entry's i-th body block (of Body().Blocks) with its
// texts (Text, Plain, Prose), reading the file again when the entry came
// from the cache, which keeps none but a heading's; the zero Block when
// there is no such block.
func (e *Entry) Block(i int) markdown.Block {
	if b := e.Body().Blocks; i < len(b) && (b[i].Text != "" || !e.cached) {
		return b[i]
	}
	if b := e.reread().Blocks; i < len(b) {
		return b[i]
	}
	return markdown.Block{}
}

func (e *Entry) digest(schema *config.Field) {
	e.textOnce.Do(func() {
		doc := e.document()
		if doc == nil {
			return
		}
		blocks := BodyBlocks(doc.Body)
		e.hash = hashOf(doc, schema, blocks)
		e.text, e.body = sameDigests(doc, schema, blocks)
	})
}

// Hash returns the entry's source hash (see Hash), computed once.
func (e *Entry) Hash(schema *config.Field) string {
	e.digest(schema)
	return e.hash
}

// Prepare computes in parallel what the state decisions read of every
// entry — its digests, and the body summary with its words for the source
// language's — and with bodies the body summaries of all, which the lint
// rules read, so that the sequential passes after it find them ready.
func (r *Repo) Prepare(bodies bool) {
	translated := slices.ContainsFunc(r.Languages, func(code string) bool { return code != r.Source })
	work := make(chan *Entry)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for e := range work {
				e.prepare(translated && e.Lang == r.Source, translated, bodies, r.Schema(e))
			}
		})
	}
	for _, e := range r.Entries {
		work <- e
	}
	close(work)
	wg.Wait()
}

// CodeBlocks returns the text of the body's code blocks (see
// markdown.Summary.Code), read in the entry's dialect. The cache keeps no
// code: an entry it gave is read again from its file, once (see reread),
// so that a warm run sees what a cold one does.
func (e *Entry) CodeBlocks() string {
	if e.cached {
		return e.reread().Code
	}
	return e.Body().Code
}
