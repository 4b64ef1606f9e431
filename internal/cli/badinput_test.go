package cli

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/testtree"
)

// TestBadInput runs glosa check once over testdata/badinput/repo, a
// repository where malformed files sit beside good ones, plus the inputs
// git cannot hold as plain files (invalid UTF-8, NUL bytes, UTF-16, a 50 MB
// file, a 10 MB line, symlink loops, an unreadable file, a FIFO…), which
// are written here into a copy of it. Every line of
// testdata/badinput/want.txt must be in the findings; glosa must neither
// panic nor fail as a tool (exit 3), must finish in seconds, and the good
// files must keep their states (want-status.txt). Each runtime input's
// expected line is in want.txt too: it names the file the test writes.
func TestBadInput(t *testing.T) {
	src := filepath.Join("..", "..", "testdata", "badinput")
	dir := filepath.Join(t.TempDir(), "repo")
	copyTree(t, filepath.Join(src, "repo"), dir)
	writeRuntimeInputs(t, dir)

	start := time.Now()
	code, stdout, stderr := runGlosa(t, "-C", dir, "check")
	if d := time.Since(start); d > 10*time.Minute {
		// Not a timing test (it takes seconds, a minute under -race on a
		// busy machine, which once failed a one-minute bound): only a run
		// this slow means something went quadratic or exponential (a
		// YAML bomb expanded).
		t.Errorf("glosa check took %v", d)
	} else {
		t.Logf("glosa check took %v", d)
	}
	if code != ExitFailed {
		t.Errorf("glosa check exited with %d, want %d (findings, not a tool failure)\nstderr:\n%s", code, ExitFailed, stderr)
	}
	if strings.Contains(stderr, "panic") || strings.Contains(stdout, "goroutine ") {
		t.Errorf("glosa panicked:\n%s", stderr)
	}
	if os.Getenv("GLOSA_BADINPUT_SHOW") != "" {
		t.Logf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
	checkLines(t, "check", stdout, readLines(t, filepath.Join(src, "want.txt")))
	// Inputs that are odd but right: a PO file in ISO-8859-1, read by
	// decoding it into UTF-8, and front matter whose title comes through a
	// YAML merge key (<<: *base).
	for _, ok := range []string{"locales/po-latin1/", "content/es/merge-key.md"} {
		if strings.Contains(stdout, ok) {
			t.Errorf("glosa check found a problem in %s:\n%s", ok, stdout)
		}
	}

	code, stdout, stderr = runGlosa(t, "-C", dir, "status", "--by", "entry", "--format", "csv")
	if code != ExitOK {
		t.Errorf("glosa status exited with %d, want 0\nstderr:\n%s", code, stderr)
	}
	checkLines(t, "status", stdout, readLines(t, filepath.Join(src, "want-status.txt")))
}

// runGlosa runs glosa in process and returns its exit code, stdout and stderr.
func runGlosa(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	done := make(chan int, 1)
	go func() { done <- Run(ios, args) }()
	select {
	case code := <-done:
		return code, out.String(), errOut.String()
	case <-time.After(2 * time.Minute):
		t.Fatalf("glosa %s did not finish (blocked on a FIFO?)", strings.Join(args, " "))
		return 0, "", ""
	}
}

// checkLines requires every wanted line, exactly, among the lines of got.
func checkLines(t *testing.T, what, got string, want []string) {
	t.Helper()
	have := map[string]bool{}
	for _, l := range strings.Split(got, "\n") {
		have[l] = true
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("glosa %s: missing line\n\t%s", what, w)
		}
	}
}

// readLines returns the lines of a want file that are not blank or # comments.
func readLines(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	return lines
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// good is a valid source entry, written for each runtime input's slug so
// that the bad translation is not also an orphan.
func good(title string) string { return "---\ntitle: " + title + "\n---\n\nBody of " + title + ".\n" }

// writeRuntimeInputs writes the inputs that cannot live in git as plain
// files into the repository at dir.
func writeRuntimeInputs(t *testing.T, dir string) {
	t.Helper()
	write := func(rel string, data []byte) {
		t.Helper()
		testtree.WriteFile(t, dir, rel, data)
	}
	es := func(slug string, data []byte) {
		t.Helper()
		write("content/en/"+slug+".md", []byte(good(slug)))
		write("content/es/"+slug+".md", data)
	}
	front := "---\ntitle: Malo\n---\n\n"

	es("invalid-utf8", []byte(front+"Cuerpo con un byte \xff malo.\n"))
	es("invalid-utf8-front", []byte("---\ntitle: Ma\xc3lo\n---\n\nCuerpo.\n"))
	es("nul", []byte(front+"Cuerpo \x00 nulo.\n"))
	es("nul-front", []byte("---\ntitle: Nu\x00lo\n---\n\nCuerpo.\n"))
	es("control-char", []byte("---\ntitle: \"Con\x01trol\"\n---\n\nCuerpo.\n"))
	es("mixed-crlf", []byte("---\r\ntitle: Mixto\n---\r\n\r\nCuerpo.\n"))
	es("lone-cr", []byte("---\rtitle: Retorno\r---\r\rCuerpo.\r"))
	es("utf16-bom", utf16LE("\ufeff"+front+"Cuerpo.\n"))
	es("utf16be-bom", utf16BE("\ufeff"+front+"Cuerpo.\n"))

	// A 50 MB file, written sparsely: front matter, then zeros. It is over
	// the size limit of an entry (internal/limits), so glosa refuses it
	// before reading it, not after parsing 50 MB of Markdown.
	es("huge-file", []byte(front+"Cuerpo.\n"))
	if err := os.Truncate(filepath.Join(dir, "content", "es", "huge-file.md"), 50<<20); err != nil {
		t.Fatal(err)
	}
	es("long-line", append(append([]byte(front), bytes.Repeat([]byte("x"), 10<<20)...), '\n'))
	es("long-front-line", append(append([]byte("---\ntitle: "), bytes.Repeat([]byte("y"), 10<<20)...), "\n---\n\nCuerpo.\n"...))
	es("deep-nesting", []byte("---\ntitle: Hondo\nx: "+strings.Repeat("[", 10000)+strings.Repeat("]", 10000)+"\n---\n\nCuerpo.\n"))
	es("deep-mapping", []byte("---\ntitle: Hondo\nx: "+strings.Repeat("{a: ", 10000)+"b"+strings.Repeat("}", 10000)+"\n---\n\nCuerpo.\n"))
	es("big-list", []byte("---\ntitle: Lista\nx:\n"+strings.Repeat("  - item\n", 100000)+"---\n\nCuerpo.\n"))

	// Catalog files with invalid UTF-8, a NUL byte, in ISO-8859-1 (read),
	// in Shift_JIS (refused) and in UTF-16.
	write("locales/json-utf8/en.json", []byte(`{"hello": "Hello"}`+"\n"))
	write("locales/json-utf8/es.json", []byte("{\"hello\": \"Hol\xe1\"}\n"))
	write("locales/po-nul/en.po", []byte("msgid \"Hello\"\nmsgstr \"\"\n"))
	write("locales/po-nul/es.po", []byte("msgid \"Hello\"\nmsgstr \"Ho\x00la\"\n"))
	write("locales/po-latin1/en.po", []byte("msgid \"Hello\"\nmsgstr \"\"\n"))
	write("locales/po-latin1/es.po", []byte("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n\nmsgid \"Bye\"\nmsgstr \"Adi\xf3s\"\n"))
	write("locales/po-sjis/en.po", []byte("msgid \"Hello\"\nmsgstr \"\"\n"))
	write("locales/po-sjis/es.po", []byte("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=Shift_JIS\\n\"\n\nmsgid \"Hello\"\nmsgstr \"\x82\xb1\x82\xf1\"\n"))
	write("locales/po-utf16/en.po", []byte("msgid \"Hello\"\nmsgstr \"\"\n"))
	write("locales/po-utf16/es.po", utf16LE("\ufeffmsgid \"Hello\"\nmsgstr \"Hola\"\n"))
	cfg := filepath.Join(dir, "glosa.yaml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"json-utf8/{lang}.json", "po-nul/{lang}.po", "po-latin1/{lang}.po", "po-sjis/{lang}.po", "po-utf16/{lang}.po"} {
		data = append(data, "  - path: locales/"+p+"\n"...)
	}
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}

	// A directory named like a file.
	write("content/en/dir-named-md.md", []byte(good("dir")))
	if err := os.MkdirAll(filepath.Join(dir, "content", "es", "dir-named-md.md"), 0o755); err != nil {
		t.Fatal(err)
	}

	if runtime.GOOS == "windows" {
		return
	}
	symlink := func(target, rel string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []string{"loop-a", "loop-b", "loop-self", "outside", "outside-abs", "dir-loop"} {
		write("content/en/"+s+".md", []byte(good(s)))
	}
	symlink("loop-b.md", "content/es/loop-a.md")
	symlink("loop-a.md", "content/es/loop-b.md")
	symlink("loop-self.md", "content/es/loop-self.md")
	outside := filepath.Join(filepath.Dir(dir), "outside.md")
	if err := os.WriteFile(outside, []byte(good("secret")), 0o644); err != nil {
		t.Fatal(err)
	}
	symlink("../../../outside.md", "content/es/outside.md")
	symlink(outside, "content/es/outside-abs.md")
	// A folder that contains a link to itself: a walk that follows it
	// never ends.
	if err := os.MkdirAll(filepath.Join(dir, "content", "es", "nested"), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink("..", "content/es/nested/up")

	// A FIFO named like a file: opening it for reading blocks until a
	// writer comes, which none will.
	write("content/en/fifo.md", []byte(good("fifo")))
	if err := mkfifo(filepath.Join(dir, "content", "es", "fifo.md")); err != nil {
		t.Fatal(err)
	}

	// chmod does not stop root from reading.
	if os.Geteuid() != 0 {
		write("content/en/unreadable.md", []byte(good("unreadable")))
		write("content/es/unreadable.md", []byte(front+"Cuerpo.\n"))
		if err := os.Chmod(filepath.Join(dir, "content", "es", "unreadable.md"), 0); err != nil {
			t.Fatal(err)
		}
	}
}

func utf16LE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16BE(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}
