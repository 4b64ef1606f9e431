// Command speedtable turns the output of glosa's corpus benchmarks into
// the Markdown table of the README's "Speed" section, between the markers
// <!-- speed-table --> and <!-- /speed-table -->:
//
//	go test ./internal/corpus -run '^$' -bench 'Check$|Status$|Replay|WarmEdit' -benchtime 3x | tee bench.txt
//	go run ./internal/corpus/cmd/speedtable -write README.md < bench.txt
//
// Each row is one benchmark: the files of the generated corpus, the mean
// time of a run and the best run's, and the best run's ratio to the best
// of three runs of the baselines measured in the same benchmark run (a
// bare parallel walk-and-read of the tree, git status --porcelain, a
// replayed run), with the peak memory where the benchmark reports it.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

const (
	begin = "<!-- speed-table -->"
	end   = "<!-- /speed-table -->"
)

func main() {
	write := flag.String("write", "", "replace the table between the markers in this `file` (default: print it)")
	flag.Parse()
	table, err := render(os.Stdin)
	if err == nil && *write != "" {
		err = replace(*write, table)
	} else if err == nil {
		_, err = os.Stdout.WriteString(table)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "speedtable:", err)
		os.Exit(1)
	}
}

// result is one benchmark line: its name and its metrics by unit.
type result struct {
	name    string
	metrics map[string]float64
}

// parse reads the benchmark lines of go test -bench output.
func parse(r io.Reader) ([]result, error) {
	var out []result
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		res := result{name: strings.TrimPrefix(f[0], "Benchmark"), metrics: map[string]float64{}}
		if i := strings.LastIndexByte(res.name, '-'); i > 0 {
			res.name = res.name[:i] // the GOMAXPROCS suffix
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("%s: %q is not a number", f[0], f[i])
			}
			res.metrics[f[i+1]] = v
		}
		out = append(out, res)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("no benchmark lines in the input")
	}
	return out, nil
}

// render returns the table of the benchmark output read from r.
func render(r io.Reader) (string, error) {
	results, err := parse(r)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("| run | files | time | best | × walk-read | × git status | × replayed | peak MB |\n|---|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, res := range results {
		m := res.metrics
		best := ""
		if v, ok := m["best-ms"]; ok {
			best = time.Duration(v * float64(time.Millisecond)).Round(time.Millisecond).String()
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", label(res.name), num(m, "files", "%.0f"),
			time.Duration(m["ns/op"]).Round(time.Millisecond), best, num(m, "x-walkread", "%.1f"), num(m, "x-gitstatus", "%.2f"),
			num(m, "x-replay", "%.1f"), num(m, "peak-RSS-MB", "%.0f"))
	}
	return b.String(), nil
}

// label words a benchmark's name: Check/files=10000/warm → "check, warm".
func label(name string) string {
	parts := strings.Split(name, "/")
	var words []string
	for i, p := range parts {
		if strings.HasPrefix(p, "files=") {
			continue
		}
		if i == 0 {
			p = strings.ToLower(p)
			switch p {
			case "replay":
				p = "warm, replayed:"
			case "warmedit":
				p = "warm, one file edited:"
			}
		}
		words = append(words, strings.ReplaceAll(p, "_", " "))
	}
	return strings.Join(words, " ")
}

// num formats metric unit of m, or "" when the benchmark has none.
func num(m map[string]float64, unit, format string) string {
	v, ok := m[unit]
	if !ok {
		return ""
	}
	return fmt.Sprintf(format, v)
}

// replace puts table between the markers of file.
func replace(file, table string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	i, j := bytes.Index(data, []byte(begin)), bytes.Index(data, []byte(end))
	if i < 0 || j < i {
		return fmt.Errorf("%s has no %s … %s markers", file, begin, end)
	}
	var out bytes.Buffer
	out.Write(data[:i+len(begin)])
	out.WriteString("\n")
	out.WriteString(table)
	out.Write(data[j:])
	return os.WriteFile(file, out.Bytes(), 0o644)
}
