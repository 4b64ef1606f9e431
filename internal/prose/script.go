package prose

import (
	"unicode"

	"golang.org/x/text/language"
)

// InLanguage reports whether text can be in the language of the BCP 47
// tag lang by the script it is written in: false when the language is
// written in a script other than Latin (CLDR's likely script: zh → Hans,
// ja → Jpan, ru → Cyrl) and the text has letters, none of them in that
// script. A Chinese source's table cell that is already English ("High
// performance and low latency") is not Chinese text a translation into
// English left untranslated. For a language written in Latin letters, or
// one whose script glosa does not know, the script tells nothing: true.
func InLanguage(text, lang string) bool {
	tag, err := language.Parse(lang)
	if err != nil {
		return true
	}
	script, _ := tag.Script()
	tables, ok := scriptTables[script.String()]
	if !ok {
		return true
	}
	letters := false
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters = true
		if unicode.In(r, tables...) {
			return true
		}
	}
	return !letters
}

// scriptTables maps ISO 15924 codes, as x/text's likely subtags give them,
// to the Unicode script tables of their letters. Written by hand: x/text
// names scripts by ISO 15924 code and the unicode package by Unicode
// script name, and nothing maps one to the other. Latin is left out on
// purpose (see InLanguage), as are scripts of no language CLDR writes in.
var scriptTables = map[string][]*unicode.RangeTable{
	"Arab": {unicode.Arabic},
	"Armn": {unicode.Armenian},
	"Beng": {unicode.Bengali},
	"Cyrl": {unicode.Cyrillic},
	"Deva": {unicode.Devanagari},
	"Ethi": {unicode.Ethiopic},
	"Geor": {unicode.Georgian},
	"Grek": {unicode.Greek},
	"Gujr": {unicode.Gujarati},
	"Guru": {unicode.Gurmukhi},
	"Hans": {unicode.Han},
	"Hant": {unicode.Han},
	"Hebr": {unicode.Hebrew},
	"Jpan": {unicode.Han, unicode.Hiragana, unicode.Katakana},
	"Khmr": {unicode.Khmer},
	"Knda": {unicode.Kannada},
	"Kore": {unicode.Hangul, unicode.Han},
	"Laoo": {unicode.Lao},
	"Mlym": {unicode.Malayalam},
	"Mymr": {unicode.Myanmar},
	"Orya": {unicode.Oriya},
	"Sinh": {unicode.Sinhala},
	"Taml": {unicode.Tamil},
	"Telu": {unicode.Telugu},
	"Thaa": {unicode.Thaana},
	"Thai": {unicode.Thai},
	"Tibt": {unicode.Tibetan},
}
