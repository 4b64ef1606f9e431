package record

import "testing"

// TestSharedReader reads records with NewReader and NewSharedReader: the
// same values, whole or cut anywhere, and the same failures.
func TestSharedReader(t *testing.T) {
	w := &Writer{}
	strs := []string{"", "a", "", "é中文", "a longer string, with \x00 bytes\n", ""}
	for i, s := range strs {
		w.Str(s)
		w.Num(i - 3)
		w.Bool(i%2 == 0)
	}
	for cut := 0; cut <= len(w.Buf); cut++ {
		raw := w.Buf[:cut]
		a, b := NewReader(raw), NewSharedReader(raw)
		for i := range strs {
			if sa, sb := a.Str(), b.Str(); sa != sb {
				t.Fatalf("cut at %d, string %d: %q, shared %q", cut, i, sa, sb)
			}
			if na, nb := a.Num(), b.Num(); na != nb {
				t.Fatalf("cut at %d, number %d: %d, shared %d", cut, i, na, nb)
			}
			if ba, bb := a.Bool(), b.Bool(); ba != bb {
				t.Fatalf("cut at %d, bool %d: %v, shared %v", cut, i, ba, bb)
			}
		}
		if (a.Err() == nil) != (b.Err() == nil) || a.Left() != b.Left() {
			t.Fatalf("cut at %d: %v, %d left; shared %v, %d left", cut, a.Err(), a.Left(), b.Err(), b.Left())
		}
		if cut == len(w.Buf) && a.Err() != nil {
			t.Fatalf("the whole record: %v", a.Err())
		}
	}
}
