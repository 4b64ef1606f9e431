// Package blockdiff compares two versions of a source entry, the one a
// translation was made from and the current one: which front-matter text
// fields and which body blocks (headings, paragraphs, table cells) were
// added, removed or changed, and a unified diff of the files.
//
// Blocks are matched by their normalised text (content.Normalize) with a
// longest common subsequence, so re-wrapping a paragraph is no change.
// Between two matched blocks, an old and a new block of the same kind whose
// words overlap by half or more are one block changed; the others were
// removed or added.
package blockdiff

import (
	"strings"
	"unicode"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/markdown"
)

// Change is what happened to a field or a block.
type Change string

// The changes.
const (
	Added   Change = "added"
	Removed Change = "removed"
	Changed Change = "changed"
)

// Field is a front-matter text field that changed.
type Field struct {
	Path   string // title, sources[1].text
	Change Change
}

// Block is a body block that changed.
type Block struct {
	Change Change
	Kind   string // paragraph, heading, cell
	// Line is where the block starts in the new version; for a removed
	// block, the line of the next block the two versions share (or the
	// end given to Blocks), the place it was removed from.
	Line int
	// OldLine is where the block started in the old version; 0 for an
	// added block.
	OldLine int
	// Text is the block's text: the new one, the old one when removed.
	Text string
	// OldText is the old text of a changed block.
	OldText string
}

// similar is the share of words an old and a new block must have in
// common to be one block changed rather than one removed and one added.
const similar = 0.5

// Fields compares the text fields of two front matters (see
// content.Values): those the new one has, in its order, then those only
// the old one had.
func Fields(old, new []content.Value) []Field {
	oldText := map[string]string{}
	for _, v := range old {
		if v.Kind == config.Text {
			oldText[v.Path] = content.Normalize(v.Node.Value)
		}
	}
	var out []Field
	seen := map[string]bool{}
	for _, v := range new {
		if v.Kind != config.Text {
			continue
		}
		seen[v.Path] = true
		was, ok := oldText[v.Path]
		switch {
		case !ok:
			out = append(out, Field{v.Path, Added})
		case was != content.Normalize(v.Node.Value):
			out = append(out, Field{v.Path, Changed})
		}
	}
	for _, v := range old {
		if v.Kind == config.Text && !seen[v.Path] {
			seen[v.Path] = true
			out = append(out, Field{v.Path, Removed})
		}
	}
	return out
}

// Blocks compares the body blocks of two versions (see markdown.Analyze)
// and returns the changes in the order of the new version; each run of
// blocks between two shared ones lists its changed and added blocks, then
// its removed ones. end is the line a block removed after the last shared
// one is said to be at: the line after the new version's last.
func Blocks(old, new []markdown.Block, end int) []Block {
	a, b := normalize(old), normalize(new)
	ops := edits(a, b)
	var out []Block
	for i := 0; i < len(ops); {
		if ops[i].kind == '=' {
			i++
			continue
		}
		var removed, added []int
		for ; i < len(ops) && ops[i].kind != '='; i++ {
			if ops[i].kind == '-' {
				removed = append(removed, ops[i].a)
			} else {
				added = append(added, ops[i].b)
			}
		}
		at := end
		if i < len(ops) {
			at = new[ops[i].b].Line
		}
		out = append(out, gap(old, new, a, b, removed, added, at)...)
	}
	return out
}

// gap pairs the removed and added blocks of one run, in order: each added
// block takes the first unpaired removed block of its kind, after the
// last one paired, that is similar enough.
func gap(old, new []markdown.Block, a, b []string, removed, added []int, at int) []Block {
	var out []Block
	paired := map[int]bool{}
	// Each removed block is weighed against many added ones: split its
	// words once.
	oldWords := map[int][]string{}
	wordsOf := func(i int) []string {
		w, ok := oldWords[i]
		if !ok {
			w = words(a[i])
			oldWords[i] = w
		}
		return w
	}
	next := 0 // removed blocks before next are paired or passed over
	for _, j := range added {
		blk := Block{Change: Added, Kind: new[j].Kind, Line: new[j].Line, Text: new[j].Text}
		var wb []string
		for r := next; r < len(removed); r++ {
			i := removed[r]
			if old[i].Kind != new[j].Kind {
				continue
			}
			if wb == nil {
				wb = words(b[j])
			}
			if overlap(wordsOf(i), wb) >= similar {
				blk.Change, blk.OldLine, blk.OldText = Changed, old[i].Line, old[i].Text
				paired[r] = true
				next = r + 1
				break
			}
		}
		out = append(out, blk)
	}
	for r, i := range removed {
		if !paired[r] {
			out = append(out, Block{Change: Removed, Kind: old[i].Kind, Line: at, OldLine: old[i].Line, Text: old[i].Text})
		}
	}
	return out
}

func normalize(blocks []markdown.Block) []string {
	out := make([]string, len(blocks))
	for i, blk := range blocks {
		out[i] = blk.Kind + "\x00" + content.Normalize(blk.Text)
	}
	return out
}

// overlap is the share of words two texts have in common (see words):
// the size of the common multiset over the size of the larger one.
func overlap(wa, wb []string) float64 {
	if len(wa) == 0 && len(wb) == 0 {
		return 1
	}
	count := map[string]int{}
	for _, w := range wa {
		count[w]++
	}
	common := 0
	for _, w := range wb {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return float64(common) / float64(max(len(wa), len(wb)))
}

// words splits a text into lower-case runs of letters and digits.
func words(s string) []string {
	if _, t, ok := strings.Cut(s, "\x00"); ok {
		s = t
	}
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Overlap is the share of words two texts have in common, from 0 to 1:
// what Blocks weighs to call an old and a new block one block changed.
func Overlap(a, b string) float64 { return overlap(words(a), words(b)) }
