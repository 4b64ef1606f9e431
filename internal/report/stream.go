package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// writeJSONStreamed writes doc as WriteJSON does, but with the elements of
// its top-level array field key written one at a time as each yields them:
// doc holds that field as an empty array. A big document (status on
// 38,000 pages in 39 languages: 65 MB) is never in memory whole, neither
// as values nor as text, only its head and one element at a time. more
// are further such fields, after key in the document, in its order.
func writeJSONStreamed(w io.Writer, doc any, key string, each func(emit func(any) error) error, more ...streamed) error {
	var head bytes.Buffer
	if err := WriteJSON(&head, doc); err != nil {
		return err
	}
	rest := head.Bytes()
	bw := bufio.NewWriterSize(w, 64<<10)
	var elem bytes.Buffer
	enc := json.NewEncoder(&elem)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	var fast []byte
	for _, sec := range append([]streamed{{key, each}}, more...) {
		// A JSON string holds no raw newline: only the top level's own
		// field starts a line with two spaces and its quoted key.
		field := "\n  " + strconv.Quote(sec.key) + ": ["
		before, after, ok := bytes.Cut(rest, []byte(field+"]"))
		if !ok {
			return fmt.Errorf("streaming JSON: the document has no empty %q array", sec.key)
		}
		bw.Write(before)
		bw.WriteString(field)
		n := 0
		err := sec.each(func(v any) error {
			var out []byte
			sep := ",\n    "
			if n == 0 {
				sep = "\n    "
			}
			switch e := v.(type) {
			case EntryJSON:
				fast = appendEntryJSON(fast[:0], &e)
				out = fast
			case FindingJSON:
				fast = appendFindingJSON(fast[:0], &e)
				out = fast
			case catalogOut:
				// Written as it is made: a catalog can be most of the
				// document.
				var err error
				fast = append(fast[:0], sep...)
				if fast, err = e.write(fast, func(b []byte) error { _, err := bw.Write(b); return err }); err != nil {
					return err
				}
				n++
				_, err = bw.Write(fast)
				return err
			default:
				elem.Reset()
				if err := enc.Encode(v); err != nil {
					return err
				}
				out = bytes.TrimSuffix(elem.Bytes(), []byte("\n"))
			}
			bw.WriteString(sep)
			n++
			_, err := bw.Write(out)
			return err
		})
		if err != nil {
			return err
		}
		if n > 0 {
			bw.WriteString("\n  ")
		}
		bw.WriteString("]")
		rest = after
	}
	bw.Write(rest)
	return bw.Flush()
}

// streamed is a top-level array field of a document writeJSONStreamed
// writes, and what yields its elements.
type streamed struct {
	key  string
	each func(emit func(any) error) error
}
