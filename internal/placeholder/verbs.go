package placeholder

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/glosa/glosa/internal/l10n"
)

// Verbs returns the format verbs of msg that consume an argument, in the
// order they appear, read as printf(3) (CFormat) or package fmt (GoFormat)
// reads them. A % with no valid verb after it gives a *SyntaxError, as does
// a C string that mixes numbered (%1$s) and unnumbered (%s) arguments, which
// POSIX leaves undefined and msgfmt rejects.
func Verbs(msg string, s Syntax) ([]Placeholder, error) {
	switch s {
	case CFormat:
		return cVerbs(msg)
	case GoFormat:
		return goVerbs(msg)
	}
	return nil, fmt.Errorf("%s messages have no format verbs", s)
}

// goVerbLetters are the verbs package fmt defines.
const goVerbLetters = "vTtbcdoOqxXUeEfFgGspw"

// goVerbs reads msg as package fmt does: flags, an optional [n] argument
// index, a width (digits or *), a precision (. then digits or *, each
// optionally after [n]), an optional [n], and the verb.
func goVerbs(msg string) ([]Placeholder, error) {
	var ps []Placeholder
	arg := 0 // the next argument, 0-based
	for i := 0; i < len(msg); {
		if msg[i] != '%' {
			i++
			continue
		}
		start := i
		i++
		for i < len(msg) && strings.IndexByte("+-# 0", msg[i]) >= 0 {
			i++
		}
		// index reads an optional [n] and points arg at it.
		index := func() error {
			if i >= len(msg) || msg[i] != '[' {
				return nil
			}
			end := strings.IndexByte(msg[i:], ']')
			if end < 0 {
				return &SyntaxError{Offset: i, Text: l10n.Msg("placeholder.unclosedIndex")}
			}
			n, err := strconv.Atoi(msg[i+1 : i+end])
			if err != nil || n < 1 {
				return &SyntaxError{Offset: i, Text: l10n.Msg("placeholder.badIndex", "Index", strconv.Quote(msg[i:i+end+1]))}
			}
			arg = n - 1
			i += end + 1
			return nil
		}
		// number reads a width or precision: digits, or * taking an
		// argument.
		number := func() error {
			if err := index(); err != nil {
				return err
			}
			if i < len(msg) && msg[i] == '*' {
				ps = append(ps, Placeholder{Key: goKey(arg, "*"), Text: "*", Offset: i})
				arg++
				i++
				return nil
			}
			for i < len(msg) && msg[i] >= '0' && msg[i] <= '9' {
				i++
			}
			return nil
		}
		if err := number(); err != nil {
			return nil, err
		}
		if i < len(msg) && msg[i] == '.' {
			i++
			if err := number(); err != nil {
				return nil, err
			}
		}
		if err := index(); err != nil {
			return nil, err
		}
		if i >= len(msg) {
			return nil, &SyntaxError{Offset: start, Text: l10n.Msg("placeholder.noVerb")}
		}
		verb, size := utf8.DecodeRuneInString(msg[i:])
		i += size
		switch {
		case verb == '%':
			// A literal percent sign; it takes no argument.
		case verb < utf8.RuneSelf && strings.IndexByte(goVerbLetters, byte(verb)) >= 0:
			ps = append(ps, Placeholder{Key: goKey(arg, string(verb)), Text: msg[start:i], Offset: start})
			arg++
		default:
			return nil, &SyntaxError{Offset: start, Text: l10n.Msg("placeholder.unknownVerb", "Verb", strconv.QuoteRune(verb), "Text", strconv.Quote(msg[start:i]))}
		}
	}
	// A * comes after its verb's %, so sort.
	slices.SortStableFunc(ps, byOffset)
	return ps, nil
}

func goKey(arg int, verb string) string {
	return "%[" + strconv.Itoa(arg+1) + "]" + verb
}

// cLengths are printf's length modifiers, longest first.
var cLengths = []string{"hh", "ll", "h", "l", "q", "j", "z", "t", "L"}

// cType gives the argument type a C conversion reads, as msgfmt compares
// them: signed integers, unsigned integers and floating point each form one
// type; %C and %S are %lc and %ls.
func cType(conv byte) (string, bool) {
	switch conv {
	case 'd', 'i':
		return "d", true
	case 'o', 'u', 'x', 'X':
		return "u", true
	case 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A':
		return "f", true
	case 'c', 's', 'p', 'n':
		return string(conv), true
	case 'C':
		return "lc", true
	case 'S':
		return "ls", true
	}
	return "", false
}

// cVerbs reads msg as printf(3) does: an optional n$, flags, a width (digits,
// * or *m$), a precision (. then digits, * or *m$), a length modifier and a
// conversion.
func cVerbs(msg string) ([]Placeholder, error) {
	var ps []Placeholder
	next := 0 // the next unnumbered argument, 0-based
	numbered, unnumbered := false, false
	// dollar reads digits followed by $ at i, returning the 0-based argument
	// and the position after $, or ok false, leaving i alone.
	dollar := func(i int) (arg, after int, ok bool) {
		j := i
		for j < len(msg) && msg[j] >= '0' && msg[j] <= '9' {
			j++
		}
		if j == i || j >= len(msg) || msg[j] != '$' {
			return 0, i, false
		}
		n, err := strconv.Atoi(msg[i:j])
		if err != nil || n < 1 {
			return 0, i, false
		}
		return n - 1, j + 1, true
	}
	for i := 0; i < len(msg); {
		if msg[i] != '%' {
			i++
			continue
		}
		start := i
		i++
		if i < len(msg) && msg[i] == '%' {
			i++
			continue
		}
		arg, after, isNumbered := dollar(i)
		i = after
		for i < len(msg) && strings.IndexByte("-+ #0'I", msg[i]) >= 0 {
			i++
		}
		var stars []Placeholder
		// number reads a width or precision.
		number := func() {
			if i < len(msg) && msg[i] == '*' {
				p := Placeholder{Text: "*", Offset: i}
				i++
				if a, after, ok := dollar(i); ok {
					p.Key = cKey(a, "*")
					numbered = true
					i = after
				} else {
					p.Key = cKey(next, "*")
					next++
					unnumbered = true
				}
				stars = append(stars, p)
				return
			}
			for i < len(msg) && msg[i] >= '0' && msg[i] <= '9' {
				i++
			}
		}
		number()
		if i < len(msg) && msg[i] == '.' {
			i++
			number()
		}
		length := ""
		for _, l := range cLengths {
			if strings.HasPrefix(msg[i:], l) {
				length = l
				i += len(l)
				break
			}
		}
		if length == "q" {
			length = "ll"
		}
		if i >= len(msg) {
			return nil, &SyntaxError{Offset: start, Text: l10n.Msg("placeholder.noConversion")}
		}
		conv := msg[i]
		i++
		ps = append(ps, stars...)
		if conv == 'm' && length == "" {
			// glibc's %m prints strerror(errno) and takes no argument.
			continue
		}
		typ, ok := cType(conv)
		if !ok {
			_, size := utf8.DecodeRuneInString(msg[i-1:])
			return nil, &SyntaxError{Offset: start, Text: l10n.Msg("placeholder.unknownConversion", "Conversion", strconv.Quote(msg[start:i-1+size]))}
		}
		if isNumbered {
			numbered = true
		} else {
			arg = next
			next++
			unnumbered = true
		}
		ps = append(ps, Placeholder{Key: cKey(arg, length+typ), Text: msg[start:i], Offset: start})
		if numbered && unnumbered {
			return nil, &SyntaxError{Offset: start, Text: l10n.Msg("placeholder.mixedArguments")}
		}
	}
	slices.SortStableFunc(ps, byOffset)
	return ps, nil
}

func cKey(arg int, typ string) string {
	return "%" + strconv.Itoa(arg+1) + "$" + typ
}
