package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

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
func Hash(d *Document, schema *config.Field) string {
	sum := sha256.Sum256(HashInput(d, schema))
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
	for _, block := range BodyBlocks(d.Body) {
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
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, Normalize(strings.Join(cur, " ")))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(string(body), "\n") {
		if strings.TrimFunc(line, unicode.IsSpace) == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()
	return blocks
}

// Normalize puts text in the form the hash and the comparisons use: NFC,
// white-space runs collapsed to one space, trimmed.
func Normalize(s string) string {
	s = norm.NFC.String(s)
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
