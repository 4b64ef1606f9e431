// Package placeholder extracts the placeholders of a catalog message, so that
// a translation can be checked against its source: a translation that drops
// {{.Count}} or swaps %s for %d breaks the program that formats it.
//
// What counts as a placeholder depends on the message's Syntax:
//
//   - Template (go-i18n messages, text/template): every field chain the
//     template reads, wherever it appears — in an action ({{.Name}}), a
//     pipeline ({{.Count | printf "%d"}}), the pipeline of {{if}}, {{with}},
//     {{range}} or {{template}}, a function argument, a parenthesised
//     expression — written relative to dot: ".Name", ".User.Name", "." for
//     {{.}}, and ".Name" for $.Name. Fields read inside {{range}} or {{with}}
//     are relative to the new dot but are compared as written. Variables
//     other than $ ($x, $x.Name), literals and function names are not
//     placeholders. A message without the left delimiter is plain text, as
//     go-i18n treats it. Fields compare as a set: a translation may repeat a
//     field or use it once where the source uses it twice.
//   - CFormat (PO entries flagged c-format): every conversion specification
//     that consumes an argument, as printf(3) and gettext's msgfmt read them:
//     %s, %d, %5.2f, %-10s, %lu, the POSIX positional %1$s, and * or *2$ for
//     a width or precision taken from an argument. %% is literal text and
//     %m (glibc: strerror(errno)) consumes no argument; both are skipped.
//     gettext's system-dependent forms (%<PRId64>) and any other unknown
//     conversion give a *SyntaxError.
//   - GoFormat (PO entries flagged go-format, and fmt strings): every verb of
//     package fmt that consumes an argument: %v %s %d %q %x %T %5.2f %-10s,
//     explicit argument indexes %[1]d, and * widths and precisions. %% is
//     literal text.
//
// Format verbs compare as a multiset of (argument number, type): order does
// not matter, so a translation may reorder arguments with %2$s or %[2]s, but
// the count does, because each verb consumes an argument. The type is the
// conversion letter for Go, and for C the argument type printf reads, as
// msgfmt compares it: %i matches %d, %X matches %u, %e matches %f, and a
// length modifier is part of the type (%ld does not match %d). Flags, width
// and precision are not compared.
package placeholder

import (
	"cmp"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/glosa/glosa/internal/l10n"
)

// Syntax is the placeholder syntax of a message.
type Syntax int

// The syntaxes Extract understands.
const (
	// Template is text/template, as go-i18n formats messages.
	Template Syntax = iota
	// CFormat is printf(3), for PO entries flagged c-format.
	CFormat
	// GoFormat is package fmt, for PO entries flagged go-format.
	GoFormat
)

// String returns the syntax's name as PO flags and glosa's messages write it.
func (s Syntax) String() string {
	switch s {
	case Template:
		return "template"
	case CFormat:
		return "c-format"
	case GoFormat:
		return "go-format"
	}
	return fmt.Sprintf("Syntax(%d)", int(s))
}

// Options says how to read a message.
type Options struct {
	// Syntax is the placeholder syntax; the zero value is Template.
	Syntax Syntax
	// LeftDelim and RightDelim are a Template message's action delimiters,
	// as go-i18n's leftDelim and rightDelim set them; empty means "{{" and
	// "}}".
	LeftDelim, RightDelim string
}

// Placeholder is one placeholder in a message.
type Placeholder struct {
	// Key is what Compare compares: ".User.Name" for a field; for a format
	// verb its argument number and type, "%[2]d" for Go and "%2$d" for C
	// (so %i is keyed "%1$d"), "%[1]*" or "%1$*" for a * width or precision.
	Key string
	// Text is the placeholder as written: ".User.Name", "%-10s", "%[2]d", or
	// "*" for a * width or precision.
	Text string
	// Offset is the byte offset of Text in the message.
	Offset int
}

// SyntaxError is a message whose placeholders cannot be read: a template
// that does not parse, a % with no verb after it. It is a place inside a
// message, not in a file, so it is not an *l10n.Error: the message's own
// position in its file is the caller's, which words both (see Column).
type SyntaxError struct {
	// Offset is the byte offset in the message where the problem is found.
	// text/template reports only a line, so for a template it is the start
	// of the action that fails alone, of an action left unclosed, or else
	// of the line the parser names.
	Offset int
	// Text says what is wrong, in the reader's language; a template's
	// problem is text/template's own words.
	Text l10n.Text
}

// Error returns the offset and the problem, in English.
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("offset %d: %s", e.Offset, e.Text)
}

// Column returns the 1-based character of msg, the message that gave e,
// where the problem is: the offset as a reader counts.
func (e *SyntaxError) Column(msg string) int {
	return 1 + utf8.RuneCountInString(msg[:min(e.Offset, len(msg))])
}

// Extract returns the placeholders of msg in the order they appear.
func Extract(msg string, o Options) ([]Placeholder, error) {
	switch o.Syntax {
	case Template:
		return Fields(msg, o.LeftDelim, o.RightDelim)
	case CFormat, GoFormat:
		return Verbs(msg, o.Syntax)
	}
	return nil, fmt.Errorf("unknown placeholder syntax %d", int(o.Syntax))
}

// Diff is what a translation lacks and adds relative to its source.
type Diff struct {
	// Missing are placeholders of the source the translation lacks; their
	// offsets are in the source.
	Missing []Placeholder
	// Extra are placeholders of the translation the source lacks; their
	// offsets are in the translation.
	Extra []Placeholder
}

// Empty reports whether source and translation have the same placeholders.
func (d Diff) Empty() bool { return len(d.Missing) == 0 && len(d.Extra) == 0 }

// MessageError is a syntax error in one of the two messages given to
// Compare.
type MessageError struct {
	// Translation is true when the translation is at fault, false when the
	// source is.
	Translation bool
	// Err is the *SyntaxError.
	Err error
}

// Error names the message and the problem.
func (e *MessageError) Error() string {
	if e.Translation {
		return "translation: " + e.Err.Error()
	}
	return "source: " + e.Err.Error()
}

// Unwrap returns the *SyntaxError.
func (e *MessageError) Unwrap() error { return e.Err }

// Compare extracts the placeholders of source and translation and returns
// those that differ: fields as a set, format verbs as a multiset (see the
// package documentation). A message that cannot be read gives a
// *MessageError.
func Compare(source, translation string, o Options) (Diff, error) {
	src, err := Extract(source, o)
	if err != nil {
		return Diff{}, &MessageError{Err: err}
	}
	tr, err := Extract(translation, o)
	if err != nil {
		return Diff{}, &MessageError{Translation: true, Err: err}
	}
	if o.Syntax == Template {
		return Diff{Missing: minusSet(src, tr), Extra: minusSet(tr, src)}, nil
	}
	return Diff{Missing: minusMulti(src, tr), Extra: minusMulti(tr, src)}, nil
}

// minusSet returns the first placeholder of a for each key b lacks.
func minusSet(a, b []Placeholder) []Placeholder {
	var out []Placeholder
	for _, p := range a {
		if !hasKey(b, p.Key) && !hasKey(out, p.Key) {
			out = append(out, p)
		}
	}
	return out
}

// minusMulti returns the placeholders of a left over once each one of b has
// cancelled one of a with the same key, earliest first, in a's order.
func minusMulti(a, b []Placeholder) []Placeholder {
	left := make(map[string]int)
	for _, p := range b {
		left[p.Key]++
	}
	var out []Placeholder
	for _, p := range a {
		if left[p.Key] > 0 {
			left[p.Key]--
			continue
		}
		out = append(out, p)
	}
	return out
}

func hasKey(ps []Placeholder, key string) bool {
	return slices.ContainsFunc(ps, func(p Placeholder) bool { return p.Key == key })
}

func byOffset(a, b Placeholder) int { return cmp.Compare(a.Offset, b.Offset) }
