package goi18n

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/glosa/glosa/internal/l10n"
)

// checkShape rejects what go-i18n would read wrongly or word as its own
// internals ("unsupported file format float64"): a file that is neither a
// mapping of message IDs nor a go-i18n v1 list of messages, and a value
// that is not text where a message or a group of messages belongs. It
// follows go-i18n's reading of a decoded file (recGetMessages) and leaves
// to go-i18n what go-i18n words well itself, such as a message mixing
// reserved and plain keys. Errors are *l10n.Error values, located with the keys
// the position pass found.
func checkShape(data []byte, raw any, es entries) error {
	switch v := raw.(type) {
	case map[string]any, map[any]any:
		return checkGroup("", true, v, es)
	case []any:
		if listOfMessages(v) {
			offs := listItems(data)
			return checkList(v, func(i int) (int, int) {
				if i < len(offs) {
					return lineCol(data, offs[i])
				}
				return 1, 1
			})
		}
	}
	line, col := lineCol(data, firstValue(data))
	return l10n.At(line, col, l10n.Msg("catalog.notMapping"))
}

// checkGroup checks the members of a mapping that is not itself a message.
func checkGroup(prefix string, top bool, group any, es entries) error {
	var err error
	members(group, func(key string, v any) {
		if err == nil {
			err = checkValue(join(prefix, key, top), v, es)
		}
	})
	return err
}

// checkValue checks the value of the message or group with this ID.
func checkValue(id string, v any, es entries) error {
	switch v := v.(type) {
	case nil, string:
		return nil
	case map[string]any, map[any]any:
		if isMessage(v) {
			return checkFields(id, v, es)
		}
		return checkGroup(id, false, v, es)
	case []any:
		// go-i18n reads a list of v1 messages anywhere.
		if listOfMessages(v) {
			return checkList(v, func(int) (int, int) { return position(id, es) })
		}
	}
	line, col := position(id, es)
	return l10n.At(line, col, l10n.Msg("catalog.notText", "ID", id, "What", kind(v)))
}

// checkFields rejects a message with one field written twice in different
// cases (other and Other): go-i18n reads field names in any case, and which
// of the two it keeps is left to chance.
func checkFields(id string, m any, es entries) error {
	byName := map[string][]string{}
	members(m, func(key string, _ any) {
		byName[strings.ToLower(key)] = append(byName[strings.ToLower(key)], key)
	})
	for _, keys := range byName {
		if len(keys) < 2 {
			continue
		}
		at := func(key string) (int, int) { return position(join(id, key, false), es) }
		slices.SortFunc(keys, func(a, b string) int {
			al, ac := at(a)
			bl, bc := at(b)
			return cmp.Or(cmp.Compare(al, bl), cmp.Compare(ac, bc))
		})
		first, _ := at(keys[0])
		line, col := at(keys[1])
		return l10n.At(line, col, l10n.Msg("catalog.sameField", "Key", keys[1], "First", keys[0], "Line", first))
	}
	return nil
}

// members calls fn for each key and value of a decoded mapping; yaml.v3
// decodes a mapping with a key that is not a string as map[any]any.
func members(m any, fn func(key string, v any)) {
	switch m := m.(type) {
	case map[string]any:
		for k, v := range m {
			fn(k, v)
		}
	case map[any]any:
		for k, v := range m {
			fn(fmt.Sprint(k), v)
		}
	}
}

// isMessage reports whether go-i18n reads a mapping as one message: it has
// a reserved key (other, one, description…) with a text value, or a v1
// translation key.
func isMessage(m any) bool {
	found := false
	members(m, func(key string, v any) {
		_, text := v.(string)
		switch strings.ToLower(key) {
		case "id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other":
			found = found || text
		}
		found = found || key == "translation"
	})
	return found
}

// listOfMessages reports whether a list is a go-i18n v1 file's: a list of
// mappings, each a message with an id.
func listOfMessages(list []any) bool {
	for _, item := range list {
		switch item.(type) {
		case map[string]any, map[any]any:
		default:
			return false
		}
	}
	return true
}

// checkList checks a list of go-i18n v1 messages ({"id": …, "translation":
// …}), item i of which is at at(i): an ID given twice (go-i18n keeps the
// last, and a translation is lost) and a value that is not text (go-i18n
// says "unsupported type" and nowhere).
func checkList(list []any, at func(i int) (int, int)) error {
	first := map[string]int{}
	for i, item := range list {
		id := ""
		members(item, func(key string, v any) {
			if s, ok := v.(string); ok && strings.EqualFold(key, "id") {
				id = s
			}
		})
		var bad error
		members(item, func(key string, v any) {
			if bad == nil && !v1Text(key, v) {
				line, col := at(i)
				bad = l10n.At(line, col, l10n.Msg("catalog.notText", "ID", cmp.Or(id, key), "What", kind(v)))
			}
		})
		if bad != nil {
			return bad
		}
		if id == "" {
			continue
		}
		if j, dup := first[id]; dup {
			fl, _ := at(j)
			line, col := at(i)
			return l10n.At(line, col, l10n.Msg("catalog.duplicateID", "ID", id, "Line", fl))
		}
		first[id] = i
	}
	return nil
}

// v1Text reports whether a field of a v1 message has a value go-i18n
// reads: text, or for translation plural forms of text.
func v1Text(key string, v any) bool {
	switch v := v.(type) {
	case nil, string:
		return true
	case map[string]any, map[any]any:
		if key != "translation" {
			return false
		}
		ok := true
		members(v, func(_ string, form any) {
			_, text := form.(string)
			ok = ok && (text || form == nil)
		})
		return ok
	}
	return false
}

// listItems returns the offsets of the items of the list a JSON file
// holds, nil for a file of another syntax or shape: a YAML or TOML list's
// items are reported at its first line.
func listItems(data []byte) []int {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return nil
	}
	var offs []int
	for dec.More() {
		off := int(dec.InputOffset())
		for off < len(data) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
			off++
		}
		offs = append(offs, off)
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	return offs
}

// position returns where the key of the message or group id is written,
// or that of the nearest enclosing key; 1:1 when none is known.
func position(id string, es entries) (line, col int) {
	for ; id != ""; id = parentID(id) {
		if e, ok := es[id]; ok {
			return e.line, e.col
		}
	}
	return 1, 1
}

// firstValue returns the offset of the first byte of data that is not
// white space, a comment or a byte order mark: where the top-level value
// starts.
func firstValue(data []byte) int {
	rest := bytes.TrimPrefix(data, []byte("\ufeff"))
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		if len(rest) == 0 || rest[0] != '#' {
			return len(data) - len(rest)
		}
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			rest = rest[i:]
		} else {
			rest = nil
		}
	}
}

// kind names the kind of a decoded value for a message that says what a
// value should not be: "a number", "a list", "a mapping".
func kind(v any) l10n.Text {
	switch v.(type) {
	case int, int64, uint64, float64:
		return l10n.Msg("kind.number")
	case bool:
		return l10n.Msg("kind.bool")
	case time.Time:
		return l10n.Msg("kind.date")
	case []any, []map[string]any:
		return l10n.Msg("kind.list")
	case map[string]any, map[any]any:
		return l10n.Msg("kind.mapping")
	}
	if _, ok := v.(fmt.Stringer); ok {
		// TOML's local dates and times.
		return l10n.Msg("kind.date")
	}
	return l10n.Msg("kind.other")
}

// checkUTF8 returns an error at the first byte of data that is not UTF-8.
// encoding/json would read it as U+FFFD without a word: a translation
// silently damaged.
func checkUTF8(data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	off := 0
	for off < len(data) {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	line, col := lineCol(data, off)
	return l10n.At(line, col, l10n.Msg("err.invalidUTF8"))
}

// checkSurrogates rejects a JSON \u escape of half a UTF-16 surrogate pair
// without its other half ("\udc00"): encoding/json reads it as U+FFFD
// without a word, and the text is not what the translator wrote.
func checkSurrogates(data []byte) error {
	in := false
	for i := 0; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			in = !in
		case c == '\\' && in && i+1 < len(data):
			if data[i+1] != 'u' {
				i++
				continue
			}
			r, ok := hex4(data, i+2)
			switch {
			case !ok || !utf16.IsSurrogate(r):
			case r < 0xdc00: // a high half: a low one must follow
				if lo, ok := hex4(data, i+8); ok && i+7 < len(data) && data[i+6] == '\\' && data[i+7] == 'u' && lo >= 0xdc00 && lo <= 0xdfff {
					i += 6
					break
				}
				fallthrough
			default:
				line, col := lineCol(data, i)
				return l10n.At(line, col, l10n.Msg("catalog.surrogate", "Escape", string(data[i:i+6])))
			}
			i += 5
		}
	}
	return nil
}

// hex4 returns the value of the four hex digits at data[i:].
func hex4(data []byte, i int) (rune, bool) {
	if i+4 > len(data) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(data[i:i+4]), 16, 16)
	return rune(v), err == nil
}
