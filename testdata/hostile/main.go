// Command hostile runs glosa on every hostile input of issue 16 and says,
// for each, whether glosa refused it as it must, in how long and in how
// much memory.
//
//	go build -o /tmp/glosa ./cmd/glosa
//	go run ./testdata/hostile -glosa /tmp/glosa [-run REGEXP] [-markdown]
//
// Each case writes its input into a temporary folder at run time (the big
// ones are generated: nothing big is committed), runs the glosa binary on
// it as a child process, and checks what the issue asks of it: the exit
// code, a located error (path:line:col), files outside the repository and
// under .git kept byte for byte, no stdout line a CI runner would take for
// a workflow command, no escape sequence, no spreadsheet formula. The
// child's wall time and peak resident memory (getrusage's maxrss) are
// measured; a child that runs past -timeout is killed and the case fails
// as a hang, and one whose peak memory passes the case's bound
// (max(10 × its input, -floor MB)) fails as a blow-up. Time decides
// nothing else: the 10 s of the issue are for the table to show.
//
// A case glosa does not pass yet on main names its reason in known: it is
// run and printed as "known" (or "fixed?" when it passes), and does not
// make the exit code 1. The table goes to stdout, as text or as Markdown
// (-markdown); the exit code is 1 when a case not known fails.
//
// internal/cli's TestHostile builds glosa and runs this command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

func main() {
	code, err := run(os.Args[1:], os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

// options are the command's flags.
type options struct {
	glosa    string
	run      *regexp.Regexp
	markdown bool
	timeout  time.Duration
	floor    int64 // bytes
	keep     bool
	verbose  bool
}

func run(args []string, out io.Writer) (int, error) {
	fs := flag.NewFlagSet("hostile", flag.ContinueOnError)
	glosa := fs.String("glosa", "", "the glosa binary to run (required)")
	only := fs.String("run", "", "run only the cases whose name matches `REGEXP`")
	markdown := fs.Bool("markdown", false, "print the table as Markdown")
	timeout := fs.Duration("timeout", 60*time.Second, "kill a glosa run after this long and fail the case as a hang")
	// 100 MB: glosa's baseline is about 20 MB resident (the Go runtime
	// and a 19 MB binary, partly mapped) on a one-entry repository, and
	// a refused file may be read up to its limit (16 MB for an entry,
	// 64 MB for a catalog or an import) before the limit is known to be
	// passed; 10 × a small input is far below both.
	floor := fs.Int64("floor", 100, "the least memory bound of a case, in `MB`")
	keep := fs.Bool("keep", false, "keep each case's folder and print where")
	verbose := fs.Bool("v", false, "print the output of every case that does not pass")
	slow := fs.Bool("slow", true, "run the slow cases (the 2,000-slug corpus)")
	known := fs.Bool("known", true, "run the cases known to fail")
	if err := fs.Parse(args); err != nil {
		return 2, err
	}
	if *glosa == "" || fs.NArg() > 0 {
		return 2, errors.New("usage: hostile -glosa BIN [-run REGEXP] [-markdown] [-timeout D] [-floor MB]")
	}
	bin, err := exec.LookPath(*glosa)
	if err != nil {
		return 2, err
	}
	if bin, err = filepath.Abs(bin); err != nil {
		return 2, err
	}
	opts := options{glosa: bin, markdown: *markdown, timeout: *timeout, floor: *floor << 20, keep: *keep, verbose: *verbose}
	if *only != "" {
		if opts.run, err = regexp.Compile(*only); err != nil {
			return 2, err
		}
	}
	var rows []row
	failed := false
	for _, c := range cases {
		if opts.run != nil && !opts.run.MatchString(c.name) || c.slow && !*slow || c.known != "" && !*known {
			continue
		}
		r := runCase(opts, c)
		if r.result == "FAIL" {
			failed = true
		}
		rows = append(rows, r)
	}
	if len(rows) == 0 {
		return 2, errors.New("no case matches -run")
	}
	printRows(out, rows, opts.markdown)
	if failed {
		return 1, nil
	}
	return 0, nil
}

// A testCase is one hostile input and what glosa must do with it.
type testCase struct {
	name string
	// item is the numbered finding the case comes from.
	item string
	// known, when set, says why glosa does not pass the case yet: it is
	// printed as known and does not fail the run.
	known string
	// setup writes the input into dir (the repository, a git work tree
	// with a one-entry project unless bare) and returns the glosa run to
	// measure. It may run glosa itself (h.glosa) to prepare.
	setup func(h *harness) (step, error)
	// bare: dir starts empty instead of holding the base project.
	bare bool
	// slow: the case takes most of a minute on a busy machine (with its
	// generation), too long for every go test; -slow=false leaves it out.
	// Its run may take five times -timeout before it counts as a hang.
	slow bool
	// check says what is wrong with the run, or nil.
	check func(h *harness, o *outcome) error
}

// A step is the glosa run a case measures.
type step struct {
	args []string
	// note describes the input in the table; "" prints its size.
	note string
}

// An outcome is what one glosa run did.
type outcome struct {
	code           int
	stdout, stderr string
	elapsed        time.Duration
	maxRSS         int64 // bytes
	timedOut       bool
}

// A row is one line of the table.
type row struct {
	name, item, input, exit, time, mem, result, detail string
}

func runCase(opts options, c testCase) row {
	r := row{name: c.name, item: c.item}
	tmp, err := os.MkdirTemp("", "hostile-")
	if err != nil {
		r.result, r.detail = "FAIL", err.Error()
		return r
	}
	if opts.keep {
		fmt.Fprintf(os.Stderr, "hostile: %s in %s\n", c.name, tmp)
	} else {
		defer removeAll(tmp)
	}
	h := &harness{opts: opts, root: tmp, dir: filepath.Join(tmp, "repo")}
	// A case that cannot be set up fails, known or not: the harness
	// is wrong.
	fail := func(err error) row {
		r.result, r.detail = "FAIL", err.Error()
		return r
	}
	if err := os.Mkdir(h.dir, 0o755); err != nil {
		return fail(err)
	}
	if !c.bare {
		if err := h.baseProject(); err != nil {
			return fail(fmt.Errorf("setup: %w", err))
		}
	}
	s, err := c.setup(h)
	if err != nil {
		if errors.Is(err, errSkip) {
			r.result, r.detail = "skip", err.Error()
			return r
		}
		return fail(fmt.Errorf("setup: %w", err))
	}
	// The memory bound is computed from what the case wrote.
	size := treeSize(tmp)
	r.input = s.note
	if r.input == "" {
		r.input = formatBytes(size)
	}
	if err := h.snapshot(); err != nil {
		return fail(fmt.Errorf("setup: %w", err))
	}
	timeout := opts.timeout
	if c.slow {
		timeout *= 5
	}
	o := h.exec(h.dir, s.args, timeout)
	r.exit = fmt.Sprint(o.code)
	r.time = fmt.Sprintf("%.2f s", o.elapsed.Seconds())
	r.mem = fmt.Sprintf("%.0f", float64(o.maxRSS)/(1<<20))
	r.detail = firstError(o)
	bound := max(10*size, opts.floor)
	switch {
	case o.timedOut:
		r.exit = "killed"
		err = fmt.Errorf("hang: killed after %v", timeout)
	case o.maxRSS > bound:
		err = fmt.Errorf("peak memory %d MB > bound %d MB", o.maxRSS>>20, bound>>20)
	case strings.Contains(o.stderr, "goroutine ") || strings.Contains(o.stderr, "fatal error:"):
		err = errors.New("crash: " + firstLine(o.stderr))
	default:
		err = c.check(h, o)
		if err == nil {
			err = h.untouched()
		}
	}
	if err != nil {
		if opts.verbose {
			fmt.Fprintf(os.Stderr, "== %s: %v\n-- stdout --\n%s\n-- stderr --\n%s\n", c.name, err, o.stdout, o.stderr)
		}
		r.result, r.detail = verdict(c, err)
		return r
	}
	r.result = "ok"
	if c.known != "" {
		r.result = "fixed?"
	}
	return r
}

// verdict is the result and detail of a case that did not pass.
func verdict(c testCase, err error) (string, string) {
	if c.known != "" {
		return "known", c.known + " (" + err.Error() + ")"
	}
	return "FAIL", err.Error()
}

// errSkip is returned by a setup that cannot make its input here.
var errSkip = errors.New("skipped")

// A harness is one case's folder and the glosa it runs.
type harness struct {
	opts options
	root string // the case's folder
	dir  string // the repository, root/repo
	// kept are files that must keep their bytes (absolute paths), and
	// their bytes before the run; absent lists files that must not exist
	// after it.
	keep   []string
	kept   map[string][]byte
	absent []string
}

// exec runs glosa in dir and measures it.
func (h *harness) exec(dir string, args []string, timeout time.Duration) *outcome {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, h.opts.glosa, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LANG=C", "LC_ALL=", "LANGUAGE=", "NO_COLOR=1", "GITHUB_ACTIONS=")
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr strings.Builder
	cmd.Stdout = &limitedWriter{w: &stdout, n: 4 << 20}
	cmd.Stderr = &limitedWriter{w: &stderr, n: 4 << 20}
	resetPeak()
	start := time.Now()
	err := cmd.Run()
	o := &outcome{elapsed: time.Since(start), stdout: stdout.String(), stderr: stderr.String()}
	if ctx.Err() != nil {
		o.timedOut = true
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		o.code = ee.ExitCode()
	default:
		o.code = -1
		o.stderr += "\nhostile: " + err.Error()
	}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			o.maxRSS = int64(ru.Maxrss) << 10 // kilobytes on Linux
		}
	}
	return o
}

// glosa runs glosa in the repository to prepare a case, and fails unless
// it exits with one of codes (0 when none are given).
func (h *harness) glosa(codes []int, args ...string) (*outcome, error) {
	o := h.exec(h.dir, args, h.opts.timeout)
	if len(codes) == 0 {
		codes = []int{0}
	}
	for _, c := range codes {
		if o.code == c {
			return o, nil
		}
	}
	return o, fmt.Errorf("glosa %s exited with %d: %s", strings.Join(args, " "), o.code, firstLine(o.stderr))
}

// resetPeak makes this process's peak resident memory its current one,
// and that small. os/exec starts a child sharing this process's memory
// until it execs glosa, and Linux counts that memory's peak in the child's
// maxrss: without a reset, a case's maxrss would be at least the most this
// harness ever held (a generated input of 50 MB and more). After it, the
// harness's few MB are the error of the measure, far below any bound.
func resetPeak() {
	debug.FreeOSMemory()
	// Since Linux 4.0; elsewhere the measure is an upper bound.
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// limitedWriter keeps the first n bytes written to it and drops the rest:
// a run that prints a line per refused unit of a million must not make the
// harness's own memory the measure.
type limitedWriter struct {
	w *strings.Builder
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if room := l.n - l.w.Len(); room > 0 {
		l.w.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

// removeAll removes a case's folder, first making readable what a case
// made unreadable.
func removeAll(dir string) {
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if d != nil && d.IsDir() {
			os.Chmod(p, 0o755)
		}
		return nil
	})
	os.RemoveAll(dir)
}

// treeSize is the bytes of the files under dir (.git left out), each
// counted as the blocks it holds on disk when fewer than its length: a
// sparse gigabyte is an input of almost nothing.
func treeSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && d.Name() == ".git" {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() {
			return nil
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil
		}
		size := fi.Size()
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			size = min(size, st.Blocks*512)
		}
		n += size
		return nil
	})
	return n
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// located matches an error or finding placed in a file: path:line: or
// path:line:col:, after glosa's "glosa: error: " if any.
var located = regexp.MustCompile(`(?m)^(glosa: (error|warning): )?[^\s:][^:\n]*:\d+(:\d+)?: `)

// firstError is the line of the run's output the table shows: the first
// error or warning, else the first line of stderr or stdout.
func firstError(o *outcome) string {
	for _, l := range strings.Split(o.stderr+"\n"+o.stdout, "\n") {
		if strings.HasPrefix(l, "glosa: error: ") || strings.HasPrefix(l, "glosa: warning: ") || located.MatchString(l) ||
			strings.Contains(l, ": error: ") || strings.Contains(l, ": warning: ") || githubAnnotation.MatchString(l) {
			return l
		}
	}
	if s := firstLine(o.stderr); s != "" {
		return s
	}
	return firstLine(o.stdout)
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

func printRows(out io.Writer, rows []row, markdown bool) {
	head := row{"case", "item", "input", "exit", "time", "peak MB", "result", "first error line"}
	if markdown {
		cell := func(s string) string {
			s = strings.ReplaceAll(s, "|", `\|`)
			s = strings.ReplaceAll(s, "`", "'")
			if len(s) > 160 {
				s = s[:160] + "…"
			}
			return s
		}
		fmt.Fprintln(out, "| "+strings.Join(head.cells(), " | ")+" |")
		fmt.Fprintln(out, "|---|---|--:|--:|--:|--:|---|---|")
		for _, r := range rows {
			cs := r.cells()
			for i := range cs {
				cs[i] = cell(cs[i])
			}
			cs[7] = "`" + cs[7] + "`"
			if cs[7] == "``" {
				cs[7] = ""
			}
			fmt.Fprintln(out, "| "+strings.Join(cs, " | ")+" |")
		}
		return
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	for _, r := range append([]row{head}, rows...) {
		cs := r.cells()
		if len(cs[7]) > 120 {
			cs[7] = cs[7][:120] + "…"
		}
		fmt.Fprintln(tw, strings.Join(cs, "\t"))
	}
	tw.Flush()
}

func (r row) cells() []string {
	return []string{r.name, r.item, r.input, r.exit, r.time, r.mem, r.result, strings.Map(printable, r.detail)}
}

// printable shows a control character of glosa's output as a middle dot:
// the table must not carry what the cases check glosa does not print.
func printable(r rune) rune {
	if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
		return '·'
	}
	return r
}
