package po

import (
	"strconv"
	"strings"
)

// HeaderField is one "Name: value" line of the header entry's msgstr.
type HeaderField struct {
	Name, Value string
}

// HeaderFields returns the header's fields in file order; lines without a
// colon are skipped. It returns nil when the file has no header.
func (f *File) HeaderFields() []HeaderField {
	h := f.Header()
	if h == nil || len(h.Translations) == 0 {
		return nil
	}
	var fields []HeaderField
	for line := range strings.SplitSeq(h.Translations[0], "\n") {
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		fields = append(fields, HeaderField{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
	}
	return fields
}

// HeaderField returns the value of the first header field with this name,
// compared case-insensitively.
func (f *File) HeaderField(name string) (string, bool) {
	for _, h := range f.HeaderFields() {
		if strings.EqualFold(h.Name, name) {
			return h.Value, true
		}
	}
	return "", false
}

// Language returns the header's Language field, such as "pt_BR", or "".
func (f *File) Language() string {
	v, _ := f.HeaderField("Language")
	return v
}

// PluralForms returns the number of plural forms and the plural expression
// from the header's Plural-Forms field, such as 3 and "(n==1 ? 0 : …)". ok
// is false when the field is missing or malformed.
func (f *File) PluralForms() (nplurals int, expr string, ok bool) {
	v, found := f.HeaderField("Plural-Forms")
	if !found {
		return 0, "", false
	}
	n, haveN, haveExpr := 0, false, false
	for part := range strings.SplitSeq(v, ";") {
		name, value, isSet := strings.Cut(part, "=")
		if !isSet {
			continue
		}
		switch strings.TrimSpace(name) {
		case "nplurals":
			i, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil || i < 1 {
				return 0, "", false
			}
			n, haveN = i, true
		case "plural":
			// Cut stops at the first "=", so the n==1 inside stays whole.
			expr, haveExpr = strings.TrimSpace(value), true
		}
	}
	if !haveN || !haveExpr || expr == "" {
		return 0, "", false
	}
	return n, expr, true
}

// Charset returns the charset named in the header's Content-Type field,
// such as "UTF-8", or "" when there is none.
func (f *File) Charset() string {
	v, _ := f.HeaderField("Content-Type")
	for part := range strings.SplitSeq(v, ";") {
		name, value, ok := strings.Cut(strings.TrimSpace(part), "=")
		if ok && strings.EqualFold(strings.TrimSpace(name), "charset") {
			return strings.TrimSpace(value)
		}
	}
	return ""
}
