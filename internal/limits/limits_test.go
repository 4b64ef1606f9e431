package limits

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/testtree"
)

// heapGuard fails t when running f grows the heap by more than ten times
// size bytes (and 16 MB of slack): hostile input must cost in proportion.
func heapGuard(t *testing.T, size int, f func()) {
	t.Helper()
	if grew := testtree.Allocated(f); grew > uint64(10*size+16<<20) {
		t.Errorf("allocated %d bytes for %d bytes of input", grew, size)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.po")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// Sparse: a gigabyte that takes no room, and must not be read.
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	heapGuard(t, 0, func() {
		_, err = ReadFile(big, ImportSize)
	})
	var le *l10n.Error
	if !errors.As(err, &le) || le.Text.ID != "err.tooBig" {
		t.Errorf("ReadFile(1 GB) = %v, want err.tooBig", err)
	}

	small := filepath.Join(dir, "small.po")
	if err := os.WriteFile(small, []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(small, 4); !errors.As(err, &le) || le.Text.ID != "err.tooBig" {
		t.Errorf("ReadFile(5 bytes, max 4) = %v, want err.tooBig", err)
	}
	if got, err := ReadFile(small, 5); err != nil || string(got) != "12345" {
		t.Errorf("ReadFile(5 bytes, max 5) = %q, %v", got, err)
	}
	if _, err := ReadFile(dir, 5); !errors.As(err, &le) || le.Text.ID != "err.notRegular" {
		t.Errorf("ReadFile(dir) = %v, want err.notRegular", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		heapGuard(t, 0, func() {
			_, err = ReadFile("/dev/zero", ImportSize)
		})
		if !errors.As(err, &le) || le.Text.ID != "err.notRegular" {
			t.Errorf("ReadFile(/dev/zero) = %v, want err.notRegular", err)
		}
	}
	if _, err := ReadFile(filepath.Join(dir, "none"), 5); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFile(missing) = %v, want ErrNotExist", err)
	}
}

func TestCheckTOML(t *testing.T) {
	deep := func(open, close string, n int) string {
		return "x = " + strings.Repeat(open, n) + "1" + strings.Repeat(close, n) + "\n"
	}
	type place struct {
		ID           string
		Line, Column int
	}
	tests := []struct {
		name string
		text string
		keys int
		want *place
	}{
		{"at the limit", deep("{a=", "}", Depth), 0, nil},
		{"inline tables too deep", deep("{a=", "}", Depth+1), 0, &place{"err.tooDeep", 1, 5 + 3*Depth}},
		{"arrays too deep", "# ü\n" + deep("[", "]", 10*Depth), 0, &place{"err.tooDeep", 2, 5 + Depth}},
		{"brackets in strings", `a = "` + strings.Repeat("[{", 2*Depth) + `"` + "\n" +
			"b = '" + strings.Repeat("[", 2*Depth) + "'\n" +
			`c = """` + "\n" + strings.Repeat(`[\"""`, 2*Depth) + `"""` + "\n" +
			"# " + strings.Repeat("{", 2*Depth) + "\n" +
			"d = [[1]]\n", 0, nil},
		{"after a multi-line string", "a = '''\n\n'''\n" + deep("[", "]", Depth+1), 0, &place{"err.tooDeep", 4, 5 + Depth}},
		{"keys at the limit", "a = 1\n[t]\nb = 1\n", 3, nil},
		{"too many keys", "a = 1\n[t]\nb = {c = 1}\n", 3, &place{"err.tooManyKeys", 3, 8}},
		{"too many tables", "[a]\n[b]\n", 1, &place{"err.tooManyKeys", 2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			heapGuard(t, len(tt.text), func() { err = CheckTOML([]byte(tt.text), tt.keys) })
			var got *place
			var le *l10n.Error
			if errors.As(err, &le) {
				got = &place{le.Text.ID, le.Line, le.Column}
			} else if err != nil {
				t.Fatalf("CheckTOML: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("CheckTOML (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadAll checks that readAll reads everything whatever its size hint:
// the file may have grown or shrunk since Stat.
func TestReadAll(t *testing.T) {
	text := strings.Repeat("glosa ", 1000)
	for _, size := range []int64{0, 1, 100, int64(len(text)), int64(len(text)) + 1, 10000} {
		for name, r := range map[string]func() io.Reader{
			"whole":    func() io.Reader { return strings.NewReader(text) },
			"one byte": func() io.Reader { return iotest.OneByteReader(strings.NewReader(text)) },
		} {
			got, err := readAll(r(), size)
			if err != nil {
				t.Fatalf("readAll(%s, %d): %v", name, size, err)
			}
			if diff := cmp.Diff(text, string(got)); diff != "" {
				t.Errorf("readAll(%s, %d) (-want +got):\n%s", name, size, diff)
			}
		}
	}
	if _, err := readAll(iotest.ErrReader(os.ErrClosed), 10); !errors.Is(err, os.ErrClosed) {
		t.Errorf("readAll of a failing reader: %v, want %v", err, os.ErrClosed)
	}
}
