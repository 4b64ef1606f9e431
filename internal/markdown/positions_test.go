package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// TestPositionsLongLine: the columns of many links on one line, and of
// those on the lines after it, are those a reader counts in runes,
// whatever order they are asked in (the memo of the last answer only
// serves a later place on the same line).
func TestPositionsLongLine(t *testing.T) {
	var b strings.Builder
	for i := range 500 {
		fmt.Fprintf(&b, "é [l%d](/p%d) ", i, i)
	}
	body := "Intro.\n\n" + b.String() + "\n\nLast [x](/x).\n"
	s := Analyze([]byte(body), 5)
	if len(s.Links) != 501 {
		t.Fatalf("%d links, want 501", len(s.Links))
	}
	line := strings.Split(body, "\n")[2]
	for i, l := range s.Links[:500] {
		// A link's place is its destination's.
		want := 1 + len([]rune(line[:strings.Index(line, fmt.Sprintf("(/p%d)", i))+1]))
		if l.Line != 7 || l.Col != want {
			t.Fatalf("link %d at %d:%d, want 7:%d", i, l.Line, l.Col, want)
		}
	}
	if last := s.Links[500]; last.Line != 9 || last.Col != 10 {
		t.Errorf("last link at %d:%d, want 9:10", last.Line, last.Col)
	}
	p := newPositions([]byte("ab\ncdé f\n"), 1)
	for _, tc := range []struct{ off, line, col int }{{7, 2, 4}, {3, 2, 1}, {8, 2, 5}, {1, 1, 2}, {8, 2, 5}} {
		if line, col := p.at(tc.off); line != tc.line || col != tc.col {
			t.Errorf("at(%d) = %d:%d, want %d:%d", tc.off, line, col, tc.line, tc.col)
		}
	}
}
