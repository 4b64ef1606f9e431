package content

import (
	"crypto/sha256"
	"runtime"
	"sync"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/markdown"
)

// derived is what glosa computes from an entry's text once and keeps:
// the Markdown summary of the body and the digests the state decision
// compares. Each part is computed on first use, so that entries nobody
// asks about cost nothing, and Prepare can compute them in parallel.
type derived struct {
	bodyOnce sync.Once
	body     *markdown.Summary

	textOnce sync.Once
	// hash is the source hash; input and blocks are SHA-256 digests of
	// HashInput and of BodyBlocks, nblocks the number of blocks.
	hash          string
	input, blocks [sha256.Size]byte
	nblocks       int
}

// Body returns the Markdown summary of the entry's body, computed on first
// use and kept.
func (e *Entry) Body() *markdown.Summary {
	e.analyzeBody(true)
	return e.body
}

func (e *Entry) analyzeBody(words bool) {
	e.bodyOnce.Do(func() {
		switch {
		case e.Doc == nil:
			e.body = &markdown.Summary{}
		case words:
			e.body = markdown.Analyze(e.Doc.Body, e.Doc.BodyLine)
		default:
			e.body = markdown.AnalyzeWithoutWords(e.Doc.Body, e.Doc.BodyLine)
		}
	})
}

// Words counts the words of the entry's translatable text: its text fields
// and the prose of its body.
func (e *Entry) Words(schema *config.Field) int {
	n := e.Body().Words
	if e.Doc == nil {
		return n
	}
	if n < 0 { // prepared as a translation, whose words nobody counts
		n = markdown.Analyze(e.Doc.Body, e.Doc.BodyLine).Words
	}
	for _, v := range Values(e.Doc.Front, schema) {
		if v.Kind == config.Text {
			n += markdown.CountWords(v.Node.Value)
		}
	}
	return n
}

func (e *Entry) digest(schema *config.Field) {
	e.textOnce.Do(func() {
		if e.Doc == nil {
			return
		}
		blocks := BodyBlocks(e.Doc.Body)
		input := hashInput(e.Doc, schema, blocks)
		e.hash = hashOf(input)
		e.input = sha256.Sum256(input)
		h := sha256.New()
		for _, b := range blocks {
			h.Write([]byte(b))
			h.Write([]byte{0})
			e.nblocks++
		}
		h.Sum(e.blocks[:0])
	})
}

// Hash returns the entry's source hash (see Hash), computed once.
func (e *Entry) Hash(schema *config.Field) string {
	e.digest(schema)
	return e.hash
}

// SameText reports whether two entries' texts are the same: their bodies
// (when not empty) have the same blocks, or their whole hash inputs are
// equal, after normalisation.
func SameText(e, src *Entry, repo *Repo) bool {
	e.digest(repo.Schema(e))
	src.digest(repo.Schema(src))
	if src.nblocks > 0 && e.blocks == src.blocks {
		return true
	}
	return e.input == src.input
}

// Prepare computes in parallel what the state decisions read of every
// entry — its digests, and the body summary with its words for the source
// language's — and with bodies the body summaries of all, which the lint
// rules read, so that the sequential passes after it find them ready.
func (r *Repo) Prepare(bodies bool) {
	work := make(chan *Entry)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for e := range work {
				if e.Lang == r.Source {
					e.analyzeBody(true)
				} else if bodies {
					e.analyzeBody(false)
				}
				e.digest(r.Schema(e))
			}
		})
	}
	for _, e := range r.Entries {
		work <- e
	}
	close(work)
	wg.Wait()
}
