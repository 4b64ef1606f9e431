// Package l10n words glosa's human-facing output in the user's language:
// table headings, state names, reasons, summaries and warnings. The
// catalogs are go-i18n files in locales/, embedded in the binary; English
// is the source and the fallback. Machine formats (JSON, CSV, GitHub
// annotations) never go through this package.
package l10n

import (
	"errors"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/glosa/glosa/internal/printable"
	"github.com/glosa/glosa/locales"
)

// Localizer gives messages in one language.
type Localizer struct {
	lang string
	loc  func() *i18n.Localizer
}

// Supported lists the languages glosa's interface speaks, English first:
// one for each catalog embedded from locales/ (active.LANG.yaml), so that
// adding a language is adding its file.
func Supported() []language.Tag { return slices.Clone(supported()) }

var supported = sync.OnceValue(func() []language.Tag {
	tags := []language.Tag{language.English}
	files, _ := fs.Glob(locales.FS, "active.*.yaml")
	for _, f := range files {
		code := strings.TrimSuffix(strings.TrimPrefix(f, "active."), ".yaml")
		if code == "en" {
			continue
		}
		// A file named after no language is a bug in glosa, caught by
		// TestCatalogs.
		tags = append(tags, language.MustParse(code))
	}
	return tags
})

// New returns a localizer for the supported language closest to tag,
// English when none is close.
func New(tag language.Tag) *Localizer {
	best := language.English
	if _, i, conf := language.NewMatcher(Supported()).Match(tag); conf != language.No {
		best = Supported()[i]
	}
	l := &Localizer{lang: best.String()}
	// The catalogs are parsed on the first message asked for: a run that
	// replays its last result (see internal/resultcache) asks for none.
	l.loc = sync.OnceValue(func() *i18n.Localizer { return localizer(best) })
	return l
}

// localizer returns a go-i18n localizer for lang with English, the
// fallback of every message, and lang's own catalog: parsing the other
// catalogs cost every run milliseconds for nothing.
func localizer(lang language.Tag) *i18n.Localizer {
	bundle := i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
	files := []string{"active.en.yaml"}
	if lang != language.English {
		files = append(files, "active."+lang.String()+".yaml")
	}
	for _, f := range files {
		// The catalogs are part of the binary and tested: a broken one
		// is a bug in glosa, caught by TestCatalogs.
		if _, err := bundle.LoadMessageFileFS(locales.FS, f); err != nil {
			panic(fmt.Sprintf("glosa's catalog %s: %v", f, err))
		}
	}
	return i18n.NewLocalizer(bundle, lang.String())
}

// FromEnv chooses the language as POSIX does for messages: the first of
// LC_ALL, LC_MESSAGES and LANG that is set and not empty. Its value looks
// like es_ES.UTF-8 or it_IT@euro; C, POSIX, an unknown language or nothing
// at all mean English.
func FromEnv(getenv func(string) string) *Localizer {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return New(posixTag(v))
		}
	}
	return New(language.English)
}

// posixTag reads a POSIX locale name (language[_territory][.codeset][@modifier]).
func posixTag(v string) language.Tag {
	if i := strings.IndexAny(v, ".@"); i >= 0 {
		v = v[:i]
	}
	if v == "C" || v == "POSIX" || v == "" {
		return language.English
	}
	t, err := language.Parse(strings.ReplaceAll(v, "_", "-"))
	if err != nil {
		return language.English
	}
	return t
}

// Lang returns the language the localizer speaks.
func (l *Localizer) Lang() string { return l.lang }

// LangName names a language in the interface's language: "French" in
// English, "francés" in Spanish; the tag itself when no name is known.
func (l *Localizer) LangName(code string) string {
	t, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.Tags(language.MustParse(l.lang)).Name(t); n != "" {
		return n
	}
	return code
}

// T returns the message id filled with data (pairs of field names and
// values: "Slug", "llm").
func (l *Localizer) T(id string, data ...any) string {
	return l.localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: pairs(data)})
}

// N returns the plural message id for count, filled with data; Count is
// set to count.
func (l *Localizer) N(id string, count int, data ...any) string {
	m := pairs(data)
	m["Count"] = count
	return l.localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: m})
}

// localize words c. Every string in its data is shown through
// printable.String first: data are values, often read from files (paths,
// slugs, field values, catalog texts), and glosa's own words around them
// must stay the only layout of the line (see package printable).
func (l *Localizer) localize(c *i18n.LocalizeConfig) string {
	if data, ok := c.TemplateData.(map[string]any); ok {
		for k, v := range data {
			if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
				data[k] = printable.String(rv.String())
			}
		}
	}
	s, err := l.loc().Localize(c)
	if err != nil && s == "" {
		return c.MessageID // never hide output behind a missing message
	}
	return s
}

func pairs(data []any) map[string]any {
	m := make(map[string]any, len(data)/2+1)
	for i := 0; i+1 < len(data); i += 2 {
		if k, ok := data[i].(string); ok { // as every caller names them
			m[k] = data[i+1]
		} else {
			m[fmt.Sprint(data[i])] = data[i+1]
		}
	}
	return m
}

// Text is something glosa will say, held until it is known in which
// language: a message ID from locales/ and its template data. Findings and
// errors carry a Text so that the terminal shows them in the user's
// language while JSON keeps the English of String.
//
// In Data, a Lang value is shown as the language's name, a Text is worded
// itself, and a []Text is worded item by item and joined with ", ".
type Text struct {
	ID   string
	Data map[string]any
	// Raw is shown when ID is empty: words that are not glosa's, such as a
	// YAML parser's message, through printable.String like data.
	Raw string
	// Count chooses the plural form when Plural is set.
	Count  int
	Plural bool
}

// Lang is a language code that a Text shows as the language's name.
type Lang string

// Msg returns the Text of message id with data given as pairs of field
// names and values.
func Msg(id string, data ...any) Text { return Text{ID: id, Data: pairs(data)} }

// Plural returns the Text of plural message id for count; Count is set in
// its data too.
func Plural(id string, count int, data ...any) Text {
	m := pairs(data)
	m["Count"] = count
	return Text{ID: id, Data: m, Count: count, Plural: true}
}

// Raw returns a Text that shows s as it is, in every language, its
// control characters escaped (see printable.String).
func Raw(s string) Text { return Text{Raw: s} }

// TextOf returns what err says: for an *Error, its Text after its place
// (see Error.Said); the error's own words otherwise.
func TextOf(err error) Text {
	if e, ok := err.(*Error); ok {
		return e.Said()
	}
	return Raw(err.Error())
}

// IsZero reports whether t says nothing.
func (t Text) IsZero() bool { return t.ID == "" && t.Raw == "" }

// String words t in English, glosa's language for machine output.
func (t Text) String() string { return English().Text(t) }

// English returns the English localizer, built once.
var English = sync.OnceValue(func() *Localizer { return New(language.English) })

// Text words t in the localizer's language.
func (l *Localizer) Text(t Text) string {
	if t.ID == "" {
		return printable.String(t.Raw)
	}
	data := make(map[string]any, len(t.Data))
	for k, v := range t.Data {
		switch v := v.(type) {
		case Lang:
			data[k] = l.LangName(string(v))
		case Text:
			data[k] = l.Text(v)
		case []Text:
			words := make([]string, len(v))
			for i, item := range v {
				words[i] = l.Text(item)
			}
			data[k] = strings.Join(words, ", ")
		default:
			data[k] = v
		}
	}
	c := &i18n.LocalizeConfig{MessageID: t.ID, TemplateData: data}
	if t.Plural {
		c.PluralCount = t.Count
	}
	return l.localize(c)
}

// Error is an error glosa words in the reader's language, at a place in a
// file when it is about one: Error gives the English, and the command line
// shows it in the user's language, as "path:line:col: text". It is the one
// error type of every parser and of the configuration, so that every
// problem in a file reads the same way. Err, when set, is the error it
// wraps, for errors.Is and errors.As on sentinels such as po.ErrUTF16.
type Error struct {
	// Path is the file, as the user would name it; empty when the error is
	// not about a file, or when the parser that made it did not know the
	// path (see InFile).
	Path string
	// Line and Column are 1-based; 0 is unknown.
	Line, Column int
	Text         Text
	Err          error
}

// Errorf returns an *Error saying message id with data as pairs.
func Errorf(id string, data ...any) error { return &Error{Text: Msg(id, data...)} }

// Wrap returns an *Error saying message id with data as pairs, wrapping
// err. The message says what err means itself: often it holds err's Text
// as one of its values.
func Wrap(err error, id string, data ...any) error {
	return &Error{Text: Msg(id, data...), Err: err}
}

// At returns an *Error saying t at a 1-based line and column of a file
// whose path the caller may set later (see InFile).
func At(line, column int, t Text) *Error {
	return &Error{Line: line, Column: column, Text: t}
}

// Where returns the place e is about: "path:line:col", "path:line",
// "path", "line:col" or "", leaving out what is unknown.
func (e *Error) Where() string {
	var b strings.Builder
	b.WriteString(e.Path)
	if e.Line > 0 {
		if b.Len() > 0 {
			b.WriteByte(':')
		}
		b.WriteString(strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Column))
		}
	}
	return b.String()
}

// Said returns what e says, after its place when it has one: the Text of
// "path:line:col: text".
func (e *Error) Said() Text {
	if where := e.Where(); where != "" {
		return Msg("err.prefixed", "Prefix", where, "Error", e.Text)
	}
	return e.Text
}

func (e *Error) Error() string { return e.Said().String() }

// Error words err in the localizer's language: an *Error as
// "path:line:col: text" (see Error.Said), any other error in its own words.
func (l *Localizer) Error(err error) string { return l.Text(TextOf(err)) }

func (e *Error) Unwrap() error { return e.Err }

// InFile returns err with path set as the file of the *Error it is, or of
// each *Error it joins, when that has none: a parser that reads bytes does
// not know their path, and its caller does. Other errors are returned as
// they are. err itself is not changed.
func InFile(path string, err error) error {
	switch e := err.(type) {
	case *Error:
		if e.Path == "" {
			c := *e
			c.Path = path
			return &c
		}
	case interface{ Unwrap() []error }:
		errs := e.Unwrap()
		out := make([]error, len(errs))
		for i, err := range errs {
			out[i] = InFile(path, err)
		}
		return errors.Join(out...)
	}
	return err
}

// FileError returns err as one *Error about the file at path: the *Error
// err is or wraps, with path set when it has none, or else an *Error
// saying err's own words and wrapping it. err itself is not changed.
func FileError(path string, err error) *Error {
	var e *Error
	if !errors.As(err, &e) {
		return &Error{Path: path, Text: Raw(err.Error()), Err: err}
	}
	c := *e
	if c.Path == "" {
		c.Path = path
	}
	return &c
}
