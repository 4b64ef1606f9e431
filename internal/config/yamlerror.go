package config

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
)

// locateBudget bounds the bytes LocateYAMLError parses line by line before
// it narrows the search by halves: all of any real front matter or
// configuration (a few milliseconds), and no quadratic time on a huge
// broken one. yaml.v3 reads a few megabytes a second.
const locateBudget = 256 << 10

// LocateYAMLError returns the 1-based line and column of data where the
// YAML syntax error err lies, and err's message without yaml.v3's "yaml:
// line N:" prefix, with a hint for the commonest mistakes. data must be the
// text given to yaml.Unmarshal.
//
// yaml.v3 does not say where an error is: it reports the line where the
// enclosing construct began (the whole front matter, for a stray "- x"),
// and for parser errors one line too early. So the line is found here: it
// is the first line from which every longer prefix of data fails to parse.
// A construct still open at the end of a prefix (a quoted value or a
// [list] spanning lines) fails too, which is why a prefix that fails is
// not enough; for an unclosed quote or bracket the line found is the one
// where it opens.
func LocateYAMLError(data []byte, err error) (line, col int, msg string) {
	line, msg = locate(data, err)
	col, msg = explain(lineAt(data, line), msg)
	return line, col, msg
}

func locate(data []byte, err error) (line int, msg string) {
	hint, msg := splitYAMLError(err)
	starts := []int{0} // starts[k] is the offset of line k+1
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	fails := func(lines int) bool {
		end := len(data)
		if lines < len(starts) {
			end = starts[lines]
		}
		var n yaml.Node
		return yaml.Unmarshal(data[:end], &n) != nil
	}
	// Walk back from the whole text while prefixes keep failing.
	spent := 0
	k := len(starts) - 1 // the prefix of k lines is the next to try
	for ; k > 0; k-- {
		if spent > locateBudget {
			break
		}
		spent += starts[k]
		if !fails(k) {
			return k + 1, msg
		}
	}
	if k == 0 {
		return 1, msg
	}
	// Over budget: bisect between the empty prefix, which parses, and the
	// prefix of k lines, which fails. yaml.v3's own line, when it has
	// one, is where the failing construct began: the answer is not before.
	lo, hi := 0, k
	if hint > 1 && hint-1 < hi && !fails(hint-1) {
		lo = hint - 1
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, msg
}

// splitYAMLError extracts the line number and message from a yaml.v3
// error. The line is 0 when the error does not carry one.
func splitYAMLError(err error) (line int, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = strings.TrimPrefix(te.Errors[0], "yaml: ")
	}
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		var n int
		if _, err := fmt.Sscanf(rest, "%d:", &n); err == nil {
			if _, after, ok := strings.Cut(rest, ": "); ok {
				return n, after
			}
		}
	}
	return 0, msg
}

// explain finds the column of an error on its line, text, and adds a hint
// to messages that leave a translator guessing. The column is that of the
// first character that is not blank, or, for the errors it knows, of the
// character at fault: a tab, the * of an unknown alias, the second colon of "key: value: more" (YAML's
// commonest trap), the quote or bracket that is never closed. A line that
// holds a path pattern gets the hint to quote it.
func explain(text, msg string) (col int, _ string) {
	col = 1 + len(text) - len(strings.TrimLeft(text, " \t"))
	if col > len(text) {
		col = 1
	}
	switch {
	case strings.Contains(msg, "tab character"):
		if i := strings.IndexByte(text, '\t'); i >= 0 {
			col = 1 + utf8.RuneCountInString(text[:i])
		}
	case msg == "mapping values are not allowed in this context":
		first := strings.Index(text, ": ")
		if first < 0 {
			break
		}
		if second := strings.Index(text[first+2:], ":"); second >= 0 {
			at := first + 2 + second
			col = 1 + utf8.RuneCountInString(text[:at])
			msg += `; a value that contains ": " must be quoted`
		}
	case msg == "found unexpected end of stream" && strings.ContainsAny(text, `'"`):
		col = 1 + utf8.RuneCountInString(text[:strings.IndexAny(text, `'"`)])
		msg += "; is a quote opened here never closed?"
	case strings.HasPrefix(msg, "unknown anchor "):
		if i := strings.IndexByte(text, '*'); i >= 0 {
			col = 1 + utf8.RuneCountInString(text[:i])
		}
	case strings.Contains(text, "{slug}") || strings.Contains(text, "{lang}"):
		// A path pattern in a flow mapping: paths: {en: docs/{slug}.md}.
		msg += "; inside {…} or […] quote patterns that hold {lang} or {slug}, e.g. paths: {en: 'docs/{slug}.md'}"
	case strings.HasPrefix(msg, "did not find expected ',' or "):
		open := "["
		if strings.HasSuffix(msg, "'}'") {
			open = "{"
		}
		if i := strings.LastIndex(text, open); i >= 0 {
			col = 1 + utf8.RuneCountInString(text[:i])
			msg += "; is the " + open + " opened here never closed?"
		}
	}
	return col, msg
}

// lineAt returns the 1-based line of data without its line ending.
func lineAt(data []byte, line int) string {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return ""
		}
		off += i + 1
	}
	text := data[off:]
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return string(bytes.TrimSuffix(text, []byte("\r")))
}

// LoneCR returns the offset of the first carriage return of data that is
// not followed by a line feed, or -1. YAML and Markdown take a lone CR for
// a line break; editors and glosa's line numbers do not, so positions would
// disagree: glosa rejects such files.
func LoneCR(data []byte) int {
	for off := 0; ; {
		i := bytes.IndexByte(data[off:], '\r')
		if i < 0 {
			return -1
		}
		off += i
		if off+1 >= len(data) || data[off+1] != '\n' {
			return off
		}
		off++
	}
}

// UTF16 reports a UTF-16 byte order mark at the start of data: yaml.v3
// would decode it, glosa reads UTF-8 only.
func UTF16(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff"))
}

// LineSeparator returns the offset in the UTF-8 text data of the first
// NEL (U+0085), LINE SEPARATOR (U+2028) or PARAGRAPH SEPARATOR (U+2029),
// and its name; or -1. yaml.v3 takes them for line breaks, which editors
// and glosa's line numbers do not: positions would disagree.
func LineSeparator(data []byte) (int, l10n.Text) {
	for i, r := range string(data) {
		switch r {
		case '\u0085':
			return i, l10n.Msg("char.nextLine")
		case '\u2028':
			return i, l10n.Msg("char.lineSeparator")
		case '\u2029':
			return i, l10n.Msg("char.paragraphSeparator")
		}
	}
	return -1, l10n.Text{}
}

// Position returns the 1-based line and column of the byte offset off of
// data, the column counted in characters, as editors and yaml.v3 count
// them: a UTF-8 byte order mark at the start of data is not one.
func Position(data []byte, off int) (line, col int) {
	off = min(off, len(data))
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	lineStart := bytes.LastIndexByte(data[:off], '\n') + 1
	col = 1 + utf8.RuneCount(data[lineStart:off])
	if line == 1 && bytes.HasPrefix(data, bom) && off >= len(bom) {
		col--
	}
	return line, col
}

// bom is the UTF-8 byte order mark.
var bom = []byte("\xef\xbb\xbf")
