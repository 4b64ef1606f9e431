package term

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/limits"
)

func FuzzReadTBX(f *testing.F) {
	for _, s := range []string{tbxCore, tbxV2,
		// Nesting past limits.Depth, in a term and around it.
		"<tbx>" + strings.Repeat("<a>", limits.Depth+1) + strings.Repeat("</a>", limits.Depth+1) + "</tbx>",
		`<tbx><conceptEntry id="c"><langSec xml:lang="es"><termSec><term>` + strings.Repeat("<b>", limits.Depth) + "x" + strings.Repeat("</b>", limits.Depth) + "</term></termSec></langSec></conceptEntry></tbx>",
		`<tbx><langSec xml:lang="x-?"><termSec><term>a</term></termSec></langSec></tbx>`,
		`<termSec><term>orphan</term></termSec>`,
		"<tbx>\n<conceptEntry>\n<langSec xml:lang=\"es\"><termSec><term>a",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ts, err := ReadTBX(data, 50)
		checkRead(t, data, ts, err, 50)
		again, err2 := ReadTBX(data, 50)
		if diff := cmp.Diff(ts, again); diff != "" || (err == nil) != (err2 == nil) {
			t.Fatalf("a second read differs (-first +second):\n%s", diff)
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{csvWeblate, csvCrowdin, "a,b\nc,d\n", "source,target,flags\nx,y,\"forbidden,read-only\"\n",
		"source\nx\n", "a\"b,c\n", "\"a\nb\",c\n", "target,source\n,\n", ",,,,\n", "\ufeffsource,target\nx,y\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ts, err := ReadCSV(data, "it", "es", 50)
		checkRead(t, data, ts, err, 100) // a row is two terms
		if err != nil {
			return
		}
		// Every concept has its source term, in the source language.
		src := map[string]bool{}
		for _, tm := range ts {
			if tm.Lang == "it" {
				src[tm.Concept] = true
			}
		}
		for _, tm := range ts {
			if !src[tm.Concept] {
				t.Fatalf("concept %q has no source term: %+v", tm.Concept, ts)
			}
		}
	})
}

// checkRead checks what every reader promises: an error is an *l10n.Error
// whose line lies within the file; terms have a text without surrounding
// spaces, a language and a line within the file, at most max of them.
func checkRead(t *testing.T, data []byte, ts []Term, err error, max int) {
	t.Helper()
	lines := bytes.Count(data, []byte("\n")) + 1
	if err != nil {
		var le *l10n.Error
		if !errors.As(err, &le) {
			t.Fatalf("error %v (%T) is no *l10n.Error", err, err)
		}
		if le.Line < 0 || le.Line > lines {
			t.Fatalf("error at line %d of a file of %d lines: %v", le.Line, lines, err)
		}
		if ts != nil {
			t.Fatalf("terms beside an error: %+v", ts)
		}
		return
	}
	if len(ts) > max {
		t.Fatalf("%d terms, more than %d", len(ts), max)
	}
	for _, tm := range ts {
		if tm.Text == "" || tm.Text != strings.TrimSpace(tm.Text) || tm.Lang == "" || tm.Concept == "" {
			t.Fatalf("bad term %+v", tm)
		}
		if tm.Line < 1 || tm.Line > lines {
			t.Fatalf("term %q at line %d of a file of %d lines", tm.Text, tm.Line, lines)
		}
	}
}
