package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	in := "goos: linux\n" +
		"BenchmarkCheck/files=1000/cold-2   3   812345678 ns/op   1069 files   1316 files/s   150.0 peak-RSS-MB   790.4 best-ms   9.1 x-walkread   40.2 x-find   12345 B/op  100 allocs/op\n" +
		"BenchmarkReplay/files=10000/check_--format_json-2  10  52345678 ns/op  9362 files  1.63 x-gitstatus\n" +
		"BenchmarkWarmEdit/files=10000/status-2  3  612345678 ns/op  9362 files  15.2 x-replay\n" +
		"PASS\n"
	got, err := render(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := "| run | files | time | best | × walk-read | × git status | × replayed | peak MB |\n|---|--:|--:|--:|--:|--:|--:|--:|\n" +
		"| check cold | 1069 | 812ms | 790ms | 9.1 |  |  | 150 |\n" +
		"| warm, replayed: check --format json | 9362 | 52ms |  |  | 1.63 |  |  |\n" +
		"| warm, one file edited: status | 9362 | 612ms |  |  |  | 15.2 |  |\n"
	if got != want {
		t.Errorf("render:\n%s\nwant:\n%s", got, want)
	}
	if _, err := render(strings.NewReader("PASS\n")); err == nil {
		t.Error("no benchmark lines: no error")
	}
	if _, err := render(strings.NewReader("BenchmarkX-2 3 abc ns/op\n")); err == nil {
		t.Error("a metric that is not a number: no error")
	}
}

func TestReplace(t *testing.T) {
	p := filepath.Join(t.TempDir(), "README.md")
	if err := os.WriteFile(p, []byte("# x\n"+begin+"\nold\n"+end+"\nafter\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := replace(p, "| new |\n"); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if want := "# x\n" + begin + "\n| new |\n" + end + "\nafter\n"; string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if err := os.WriteFile(p, []byte("no markers\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := replace(p, "x"); err == nil {
		t.Error("no markers: no error")
	}
}
