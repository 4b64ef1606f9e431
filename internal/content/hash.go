package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/glosa/glosa/internal/config"
)

// HashPrefix starts every source hash; it names the algorithm so that a
// later definition can be told apart.
const HashPrefix = "sha256-"

// Hash returns the source hash of a document: what a translation records
// to know later whether the source it was made from has changed. It covers
// the text fields of the schema and the body, normalised (see HashInput);
// keys, slugs, urls, other front matter and the translation record are
// outside it.
func Hash(d *Document, schema *config.Field) string { return hashOf(HashInput(d, schema)) }

func hashOf(input []byte) string {
	sum := sha256.Sum256(input)
	return HashPrefix + hex.EncodeToString(sum[:8])
}

// HashInput returns the canonical text the source hash is computed from.
// It is a sequence of lines, each ending in "\n":
//
//   - one line "field\t<path>\t<value>" for every text field present in the
//     front matter, in schema order (object members sorted by name, list
//     items in order; paths like title or sources[1].text);
//   - one line "block\t<text>" for every block of the body, a block being a
//     run of lines between blank lines (a blank line holds only whitespace).
//
// Every value and block is normalised: Unicode NFC, every run of white
// space (line breaks included) replaced by one space, no white space at
// either end. So line endings, a BOM, trailing spaces, indentation and
// re-wrapping a paragraph leave the hash unchanged, while any change of
// wording, punctuation or block structure changes it.
func HashInput(d *Document, schema *config.Field) []byte {
	return hashInput(d, schema, BodyBlocks(d.Body))
}

// hashInput is HashInput with the body's blocks already found.
func hashInput(d *Document, schema *config.Field, blocks []string) []byte {
	var b bytes.Buffer
	for _, v := range Values(d.Front, schema) {
		if v.Kind != config.Text {
			continue
		}
		b.WriteString("field\t")
		b.WriteString(v.Path)
		b.WriteByte('\t')
		b.WriteString(Normalize(v.Node.Value))
		b.WriteByte('\n')
	}
	for _, block := range blocks {
		b.WriteString("block\t")
		b.WriteString(block)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// BodyBlocks returns the normalised blocks of a Markdown body as the hash
// sees them: runs of non-blank lines, each normalised.
func BodyBlocks(body []byte) []string {
	body = bytes.TrimPrefix(body, bom)
	var blocks []string
	start := -1 // where the current block starts, -1 between blocks
	for off := 0; off < len(body); {
		end := bytes.IndexByte(body[off:], '\n') + off + 1
		if end == off { // the last line, without a line ending
			end = len(body)
		}
		blank := len(bytes.TrimFunc(body[off:end], unicode.IsSpace)) == 0
		switch {
		case blank && start >= 0:
			// The lines' breaks are white space, which Normalize
			// collapses as joining them with spaces would.
			blocks = append(blocks, Normalize(string(body[start:off])))
			start = -1
		case !blank && start < 0:
			start = off
		}
		off = end
	}
	if start >= 0 {
		blocks = append(blocks, Normalize(string(body[start:])))
	}
	return blocks
}

// Normalize puts text in the form the hash and the comparisons use: NFC,
// white-space runs collapsed to one space, trimmed.
func Normalize(s string) string {
	switch asciiForm(s) {
	case asciiNormal:
		// Most blocks: nothing to compose, no blank to collapse.
		return s
	case asciiBlanks:
		return collapseASCII(s)
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a run of white space is pending
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
		} else {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// The forms asciiForm tells apart.
const (
	asciiOther  = iota // a byte above ASCII: NFC may change the text
	asciiBlanks        // ASCII, already NFC, with blanks to collapse or trim
	asciiNormal        // ASCII, and Normalize would return it as it is
)

// asciiForm reports whether s is ASCII, which NFC leaves as it is, and
// whether its blanks are already single spaces between other bytes.
func asciiForm(s string) int {
	form := asciiNormal
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return asciiOther
		case c == ' ':
			if i == 0 || i == len(s)-1 || isASCIISpace(s[i+1]) {
				form = asciiBlanks
			}
		case isASCIISpace(c):
			form = asciiBlanks
		}
	}
	return form
}

// collapseASCII is Normalize for ASCII text: the fields between blanks,
// joined by one space.
func collapseASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if isASCIISpace(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && !isASCIISpace(s[j]) {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[i:j])
		i = j
	}
	return b.String()
}

// isASCIISpace is unicode.IsSpace for an ASCII byte.
func isASCIISpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

// Excerpt returns the start of a text, normalised to one line, at most n
// characters long: for showing a block to people.
func Excerpt(text string, n int) string {
	text = Normalize(text)
	if r := []rune(text); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return text
}
