package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// CountWords counts words with Unicode word segmentation (UAX #29): a
// segment is a word when it holds a letter or a digit. Scripts written
// without spaces count one word per segment the algorithm finds.
//
// Most prose is ASCII or Latin, for which the segmentation reduces to a
// few rules a byte loop applies exactly: CountWords splits the text into
// tokens at spaces, tabs and line breaks, where UAX #29 always breaks,
// counts the tokens of ASCII and Latin letters, digits and punctuation
// itself, and gives every other token to uniseg, which stays the
// reference (words_test.go compares the two on every script).
func CountWords(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if isSeparator(s[i]) {
			i++
			continue
		}
		start := i
		for i < len(s) && !isSeparator(s[i]) {
			i++
		}
		if c, ok := countLatin(s[start:i]); ok {
			n += c
			continue
		}
		// A token that starts with a combining mark, a format character
		// or a wide space may belong with the blanks before it (WB3d,
		// WB4): segment it together with them.
		from := start
		if s[start] >= utf8.RuneSelf {
			for from > 0 && isSeparator(s[from-1]) {
				from--
			}
		}
		n += countSegments(s[from:i])
	}
	return n
}

// countSegments counts words the reference way: UAX #29 segments that
// hold a letter or a digit.
func countSegments(s string) int {
	n := 0
	state := -1
	var word string
	for len(s) > 0 {
		word, s, state = uniseg.FirstWordInString(s, state)
		for _, r := range word {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
				break
			}
		}
	}
	return n
}

// isSeparator reports whether UAX #29 breaks on both sides of the byte
// whatever surrounds it, but for the blanks and marks that may follow it
// (see CountWords): a space (WSegSpace), a tab (Other) or a line break
// (WB3a, WB3b).
func isSeparator(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\v', '\f':
		return true
	}
	return false
}

// The word-break classes a token of the fast path holds (UAX #29,
// WordBreakProperty.txt).
const (
	wbOther        = iota
	wbLetter       // ALetter: A-Z, a-z, Latin letters with diacritics
	wbNumeric      // 0-9
	wbExtendNumLet // _
	wbMidLetter    // :
	wbMidNumLet    // . and ' (MidNumLetQ)
	wbMidNum       // , ;
)

// latinClass returns the word-break class of r, and false for a rune the
// fast path leaves to uniseg. Latin-1 Supplement and Latin Extended-A/B
// letters are ALetter and letters for unicode.IsLetter; their symbols,
// spaces and format characters are not all Other, so they go to uniseg.
func latinClass(r rune) (int, bool) {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z':
		return wbLetter, true
	case '0' <= r && r <= '9':
		return wbNumeric, true
	case r == '_':
		return wbExtendNumLet, true
	case r == ':':
		return wbMidLetter, true
	case r == '.', r == '\'':
		return wbMidNumLet, true
	case r == ',', r == ';':
		return wbMidNum, true
	case r < utf8.RuneSelf:
		return wbOther, true
	case 0xC0 <= r && r <= 0x24F && r != 0xD7 && r != 0xF7:
		return wbLetter, true
	}
	return wbOther, false
}

// countLatin counts the words of a token without separators when all its
// runes are ASCII or Latin letters; false when it holds another rune.
// Letters, digits and underscores join (WB5, WB8-WB10, WB13a, WB13b); a
// colon, period or apostrophe joins two letters (WB6, WB7) and a comma,
// semicolon, period or apostrophe two digits (WB11, WB12); anything else
// breaks (WB999). A run counts when it holds a letter or a digit.
func countLatin(tok string) (int, bool) {
	n := 0
	inRun := false // the rune before belongs to a run of word characters
	counted := false
	prev := wbOther
	for i := 0; i < len(tok); {
		r, size := rune(tok[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(tok[i:])
		}
		class, ok := latinClass(r)
		if !ok {
			return 0, false
		}
		switch class {
		case wbLetter, wbNumeric:
			if !inRun {
				inRun, counted = true, false
			}
			if !counted {
				n++
				counted = true
			}
		case wbExtendNumLet:
			if !inRun {
				inRun, counted = true, false
			}
		case wbMidLetter, wbMidNumLet, wbMidNum:
			inRun = inRun && joins(prev, class, tok[i+size:])
		default:
			inRun = false
		}
		prev = class
		i += size
	}
	return n, true
}

// joins reports whether the middle character mid, after a rune of class
// prev, joins it to the rune that starts rest (WB6, WB7, WB11, WB12).
func joins(prev, mid int, rest string) bool {
	if rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	next, ok := latinClass(r)
	if !ok {
		// Not reached for a whole token of the fast path: the next rune
		// sends it to uniseg.
		return false
	}
	switch {
	case prev == wbLetter && next == wbLetter:
		return mid == wbMidLetter || mid == wbMidNumLet
	case prev == wbNumeric && next == wbNumeric:
		return mid == wbMidNum || mid == wbMidNumLet
	}
	return false
}
