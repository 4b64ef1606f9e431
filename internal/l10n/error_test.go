package l10n

import (
	"errors"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/language"
)

func TestErrorWords(t *testing.T) {
	es := New(language.Spanish)
	tests := []struct {
		name        string
		err         *Error
		where       string
		english, es string
	}{
		{"path, line and column", &Error{Path: "po/es.po", Line: 3, Column: 7, Text: Msg("err.invalidUTF8")},
			"po/es.po:3:7", "po/es.po:3:7: invalid UTF-8", "po/es.po:3:7: UTF-8 no válido"},
		{"no column", &Error{Path: "glosa.yaml", Line: 3, Text: Raw("bad")},
			"glosa.yaml:3", "glosa.yaml:3: bad", "glosa.yaml:3: bad"},
		{"column without a line", &Error{Path: "glosa.yaml", Column: 3, Text: Raw("bad")},
			"glosa.yaml", "glosa.yaml: bad", "glosa.yaml: bad"},
		{"no path", At(2, 1, Raw("bad")), "2:1", "2:1: bad", "2:1: bad"},
		{"nowhere", &Error{Text: Raw("bad")}, "", "bad", "bad"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []string{tt.err.Where(), tt.err.Error(), es.Error(tt.err), English().Text(TextOf(tt.err))}
			want := []string{tt.where, tt.english, tt.es, tt.english}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Where, Error, es, TextOf (-want +got):\n%s", diff)
			}
		})
	}
}

func TestInFile(t *testing.T) {
	sentinel := errors.New("sentinel")
	own := &Error{Path: "other.po", Line: 1, Text: Raw("b")}
	bare := &Error{Line: 2, Column: 3, Text: Raw("a"), Err: sentinel}
	tests := []struct {
		name string
		err  error
		want []Error // the *Error values of the result, in order
	}{
		{"sets the path", bare, []Error{{Path: "es.po", Line: 2, Column: 3, Text: Raw("a"), Err: sentinel}}},
		{"keeps a path", own, []Error{*own}},
		{"each of a join", errors.Join(bare, own), []Error{{Path: "es.po", Line: 2, Column: 3, Text: Raw("a"), Err: sentinel}, *own}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := InFile("es.po", tt.err)
			errs := []error{got}
			if j, ok := got.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			}
			var have []Error
			for _, e := range errs {
				have = append(have, *e.(*Error))
			}
			if diff := cmp.Diff(tt.want, have, cmpopts.EquateErrors()); diff != "" {
				t.Errorf("InFile (-want +got):\n%s", diff)
			}
		})
	}
	if bare.Path != "" {
		t.Errorf("InFile changed its argument: %+v", bare)
	}
	if other := errors.New("x"); InFile("es.po", other) != other {
		t.Errorf("InFile changed an error that is not an *Error")
	}
}

func TestFileError(t *testing.T) {
	sentinel := errors.New("sentinel")
	wrapped := fmt.Errorf("reading: %w", At(4, 2, Raw("a")))
	tests := []struct {
		name string
		err  error
		want Error
	}{
		{"an *Error", At(4, 2, Raw("a")), Error{Path: "es.po", Line: 4, Column: 2, Text: Raw("a")}},
		{"a wrapped *Error", wrapped, Error{Path: "es.po", Line: 4, Column: 2, Text: Raw("a")}},
		{"another error", sentinel, Error{Path: "es.po", Text: Raw("sentinel"), Err: sentinel}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, *FileError("es.po", tt.err), cmpopts.EquateErrors()); diff != "" {
				t.Errorf("FileError (-want +got):\n%s", diff)
			}
		})
	}
	if !errors.Is(FileError("es.po", &Error{Text: Raw("a"), Err: sentinel}), sentinel) {
		t.Error("FileError lost the sentinel its *Error wraps")
	}
}
