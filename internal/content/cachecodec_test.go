package content

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/record"
)

// TestSkipLight checks that skipLight reads what decodeLight reads: the
// same length of every record, and an error on the same cut ones, so
// that the starts readIndex keeps are what lookups decode.
func TestSkipLight(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string { return strings.Repeat("é", rng.IntN(3)) + strings.Repeat("x", rng.IntN(200)) }
	for i := range 500 {
		c := &cached{
			Key:   fileKey{Size: rng.Int64N(1 << 40), Mtime: -rng.Int64(), Ctime: rng.Int64(), Ino: rng.Uint64(), Dev: rng.Uint64(), Mode: rng.Uint32()},
			Slug:  word(),
			Words: rng.IntN(5) - 1, Prose: rng.IntN(4) - 1, Hash: word(),
			Draft: rng.IntN(2) == 0, Marked: rng.IntN(2) == 0, KeyLine: rng.IntN(100),
			Doc: cachedDoc{Head: []byte(word()), FirstBody: rng.IntN(50), Front: []flatNode{{Value: word(), Alias: -1}}},
		}
		for j := range c.SameText {
			c.SameText[j] = byte(rng.Uint32())
		}
		if rng.IntN(2) == 0 {
			c.Record = &Record{Source: word(), Hash: word(), Commit: word(), Line: rng.IntN(9), Foreign: word()}
		}
		if rng.IntN(2) == 0 {
			c.Body = &markdown.Summary{Words: 3, Blocks: []markdown.Block{{Kind: "paragraph", Text: word()}}}
			c.HasBody = true
		}
		w := &record.Writer{}
		encodeCached(w, c)
		raw := w.Buf
		r := record.NewReader(raw)
		decodeLight(r)
		if r.Err() != nil {
			t.Fatalf("record %d: %v", i, r.Err())
		}
		want := len(raw) - r.Left()
		if got := lightLen(raw); got != want {
			t.Fatalf("record %d: lightLen = %d, decodeLight reads %d", i, got, want)
		}
		// Cut anywhere inside the start, both fail; after it, both read it.
		cut := rng.IntN(len(raw) + 1)
		r = record.NewReader(raw[:cut])
		decodeLight(r)
		if (r.Err() == nil) != (lightLen(raw[:cut]) > 0) || (r.Err() == nil) != (cut >= want) {
			t.Fatalf("record %d cut at %d of %d (start %d): decodeLight err %v, lightLen %d", i, cut, len(raw), want, r.Err(), lightLen(raw[:cut]))
		}
	}
}
