package content

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
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
func Hash(d *Document, schema *config.Field) string { return hashOf(d, schema, BodyBlocks(d.Body)) }

// hashOf is Hash with the body's blocks already found. The input goes to
// the digest as it is written, never whole in memory.
func hashOf(d *Document, schema *config.Field, blocks []string) string {
	h := sha256.New()
	writeHashInput(h, d, schema, blocks)
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
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
	var b bytes.Buffer
	writeHashInput(&b, d, schema, BodyBlocks(d.Body))
	return b.Bytes()
}

// writeHashInput writes HashInput to w, with the body's blocks already
// found.
func writeHashInput(w io.Writer, d *Document, schema *config.Field, blocks []string) {
	b := bufio.NewWriter(w)
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
	// A hash or a bytes.Buffer takes every write.
	_ = b.Flush()
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
	switch latinForm(s) {
	case formNormal:
		// Most blocks: nothing to compose, no blank to collapse.
		return s
	case formBlanks:
		return collapse(s)
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return collapse(s)
}

// The forms latinForm tells apart.
const (
	formOther  = iota // a rune NFC may change, or a byte that is not UTF-8
	formBlanks        // already NFC, with blanks to collapse or trim
	formNormal        // already NFC, and Normalize would return it as it is
)

// nfcStable is the first rune NFC may change or compose with what comes
// before it: U+0300, the first combining mark. Every rune below it is a
// starter that NFC's quick check answers Yes for, so that a string of
// them is NFC as it is: ASCII and the Latin letters of Latin-1 and Latin
// Extended-A and B, most of the prose of European languages.
const nfcStable = 0x300

// latinForm reports whether s holds only runes below nfcStable, which NFC
// leaves as they are, and whether its blanks are already single spaces
// between other runes. It reads bytes and decodes only those above ASCII,
// so that it costs a fraction of NFC's quick check; once it has found a
// blank to collapse, only a rune NFC may change can change its answer,
// and it looks for bytes above ASCII eight at a time.
func latinForm(s string) int {
	for i := 0; i < len(s); {
		c := s[i]
		switch byteClass[c] {
		case plainByte:
			i++
			continue
		case spaceByte:
			if i == 0 || i == len(s)-1 || isASCIISpace(s[i+1]) {
				return blanksForm(s, i)
			}
			i++
		case blankByte:
			return blanksForm(s, i)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r >= nfcStable || size == 1 {
				return formOther
			}
			if unicode.IsSpace(r) { // U+0085, U+00A0
				return blanksForm(s, i)
			}
			i += size
		}
	}
	return formNormal
}

// blanksForm is latinForm's answer for s, which has a blank to collapse
// at from: formBlanks, unless a rune at or after from is one NFC may
// change (or a byte that is not UTF-8).
func blanksForm(s string, from int) int {
	i := from
	for i < len(s) {
		if i+8 <= len(s) {
			if w := s[i : i+8]; (w[0]|w[1]|w[2]|w[3]|w[4]|w[5]|w[6]|w[7])&0x80 == 0 {
				i += 8
				continue
			}
		}
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= nfcStable || size == 1 {
			return formOther
		}
		i += size
	}
	return formBlanks
}

// The classes of bytes latinForm tells apart.
const (
	plainByte = iota // ASCII, not white space
	spaceByte        // ' '
	blankByte        // the other ASCII white space: \t \n \v \f \r
	highByte         // above ASCII: part of a longer rune, or not UTF-8
)

// byteClass is each byte's class.
var byteClass = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = highByte
		case c == ' ':
			t[c] = spaceByte
		case isASCIISpace(byte(c)):
			t[c] = blankByte
		}
	}
	return t
}()

// collapse is Normalize for text already NFC: the runs between white
// space, joined by one space.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	start := -1 // where the run being read starts, -1 in white space
	for i := 0; i < len(s); {
		c, size := s[i], 1
		var space bool
		if c < utf8.RuneSelf {
			space = isASCIISpace(c)
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && start >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[start:i])
			start = -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[start:])
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
