package limits

import (
	"bytes"
	"unicode/utf8"

	"github.com/glosa/glosa/internal/l10n"
)

// CheckTOML refuses TOML text whose inline tables and arrays nest deeper
// than Depth, at the line and column (1-based, counted in runes) of the
// first bracket too deep, before the text reaches a TOML library:
// BurntSushi/toml's time and memory grow with the cube of the depth of
// inline tables (x = {a={a=…}} 8,000 deep, 32 KB, took 57 s and 1.4 GB).
// It is a scan of brackets outside strings and comments, written by hand
// because no TOML library offers the bound; TOML that is not well formed
// is left for the library to refuse.
//
// With maxKeys > 0 it also refuses text of more than maxKeys keys and
// tables (counted as the equal signs and the brackets outside any other),
// at the first one too many: go-toml's decoder checks each key against its
// siblings one by one, so that 200,000 tables of front matter took minutes.
func CheckTOML(data []byte, maxKeys int) error {
	depth, keys := 0, 0
	tooMany := func(i int) bool {
		keys++
		return maxKeys > 0 && keys > maxKeys
	}
	line, lineStart := 1, 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			line, lineStart = line+1, i+1
		case '#':
			if j := bytes.IndexByte(data[i:], '\n'); j >= 0 {
				i += j - 1 // the newline is counted in the next round
			} else {
				i = len(data)
			}
		case '"', '\'':
			end := stringEnd(data, i)
			// A multi-line string holds newlines: count them.
			for j := i; j < end; j++ {
				if data[j] == '\n' {
					line, lineStart = line+1, j+1
				}
			}
			i = end - 1
		case '=':
			if tooMany(i) {
				return l10n.At(line, utf8.RuneCount(data[lineStart:i])+1, l10n.Msg("err.tooManyKeys", "Max", maxKeys))
			}
		case '{', '[':
			if depth == 0 && c == '[' && tooMany(i) {
				return l10n.At(line, utf8.RuneCount(data[lineStart:i])+1, l10n.Msg("err.tooManyKeys", "Max", maxKeys))
			}
			if depth++; depth > Depth {
				return l10n.At(line, utf8.RuneCount(data[lineStart:i])+1, l10n.Msg("err.tooDeep", "Max", Depth))
			}
		case '}', ']':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}

// stringEnd returns the offset just past the TOML string that opens at
// data[i] (a quote), or len(data) for one never closed.
func stringEnd(data []byte, i int) int {
	q := data[i]
	if bytes.HasPrefix(data[i:], []byte{q, q, q}) {
		// Multi-line: ends at the next three quotes not escaped (up to
		// two more quotes may belong to the string).
		for j := i + 3; j < len(data); j++ {
			switch {
			case q == '"' && data[j] == '\\':
				j++
			case bytes.HasPrefix(data[j:], []byte{q, q, q}):
				k := j + 3
				for k < len(data) && k < j+5 && data[k] == q {
					k++
				}
				return k
			}
		}
		return len(data)
	}
	for j := i + 1; j < len(data); j++ {
		switch {
		case q == '"' && data[j] == '\\':
			j++
		case data[j] == q, data[j] == '\n':
			return j + 1
		}
	}
	return len(data)
}
