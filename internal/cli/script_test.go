// The testscripts in testdata/script cover every user-visible behaviour of
// glosa: stdout, stderr, exit codes and the files it writes. Besides
// testscript's own commands, scripts have:
//
//	exitcode N PROG ARGS...  run PROG like exec and require exit code N
//	replace FILE OLD NEW     edit a file; OLD and NEW take Go escapes (\n, \xff)
//	rename OLD NEW           rename a file; NEW takes Go escapes (\r)
//	bom FILE...              put a UTF-8 byte order mark in front of files
//	cpsample DIR             copy the sample (glosa.yaml, content/, locales/) into DIR
//
// and testscript's unix2dos gives a file CRLF line endings. A plain
// "exec glosa ..." requires exit code 0.
package cli_test

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/glosa/glosa/internal/cli"
	"github.com/glosa/glosa/internal/iostreams"
)

var update = flag.Bool("update", false, "rewrite the golden sections of the testscript files that cmp finds different")

// TestMain makes the test binary double as the glosa command: testscript
// puts it on $PATH under that name, and scripts run it with exec, as a
// user would run the real binary.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"glosa": func() {
			if os.Getenv("GLOSA_TEST_TTY") == "1" {
				os.Exit(cli.Run(terminalStreams(), os.Args[1:]))
			}
			os.Exit(cli.Main(os.Args[1:]))
		},
	})
}

// terminalStreams are the process's streams with stdout and stderr taken
// for terminals. Under testscript they are always pipes, so without this
// colour, and turning it off with NO_COLOR or --no-color, could not be
// tested. GLOSA_TEST_TTY=1 asks for it; the switch exists in this test
// binary only, the real glosa has none.
func terminalStreams() *iostreams.IOStreams {
	ios := iostreams.System()
	ios.SetTTY(true)
	return ios
}

// TestScript runs testdata/script/*.txtar. Each script builds a small
// repository in its archive, runs glosa in it and checks stdout, stderr,
// the exit code and the files written. Run with -update to rewrite the
// golden sections that cmp finds different, then review the diff as code.
func TestScript(t *testing.T) {
	sample, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			// Under -race every glosa process would otherwise sleep a
			// second at exit (the race detector's atexit_sleep_ms), which
			// makes the suite crawl; races are still reported, and fail
			// the script through the exit code (66).
			env.Setenv("GORACE", strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
			env.Setenv("SCHEMAS", schemasDir(sample))
			env.Setenv("TTPYTHON", toolkitPython())
			// Scripts that build git repositories get the same commits
			// whatever the machine's git configuration.
			for k, v := range map[string]string{
				"GIT_CONFIG_GLOBAL": os.DevNull, "GIT_CONFIG_NOSYSTEM": "1",
				"GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.org",
				"GIT_COMMITTER_NAME": "Ada", "GIT_COMMITTER_EMAIL": "ada@example.org",
				"GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
			} {
				env.Setenv(k, v)
			}
			return nil
		},
		Condition: toolCondition,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitcode,
			"bom":      cmdBOM,
			"replace":  cmdReplace,
			"rename":   cmdRename,
			"gen":      cmdGen,
			"cpsample": func(ts *testscript.TestScript, neg bool, args []string) { cmdCpsample(ts, neg, args, sample) },
		},
	})
}

// cmdGen writes a file of n messages, for the count limits, or a folder
// of n pages, for the chunks check's rules run on, instead of committing
// big files:
//
//	gen po 75001 es.po      # a PO file in Spanish, msgid "m0"…
//	gen yaml 75001 es.yaml  # a go-i18n YAML catalog, m0: text 0…
//	gen md 300 content/es   # p0.md … p299.md, each with a title and a paragraph
func cmdGen(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: gen po|yaml|md N file")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	var b strings.Builder
	switch args[0] {
	case "md":
		ts.Check(os.MkdirAll(ts.MkAbs(args[2]), 0o755))
		for i := range n {
			writeFile(ts, fmt.Sprintf("%s/p%d.md", args[2], i), fmt.Sprintf("---\ntitle: Page %d\n---\n\nText %d.\n", i, i))
		}
		return
	case "po":
		b.WriteString("msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n")
		for i := range n {
			fmt.Fprintf(&b, "\nmsgid \"m%d\"\nmsgstr \"t%d\"\n", i, i)
		}
	case "yaml":
		for i := range n {
			fmt.Fprintf(&b, "m%d: text %d\n", i, i)
		}
	default:
		ts.Fatalf("gen: unknown kind %q", args[0])
	}
	writeFile(ts, args[2], b.String())
}

// cmdExitcode runs a program and checks its exact exit code:
//
//	exitcode 2 glosa check --format xml
//
// testscript's own "! exec" only says that a program failed, and glosa's
// exit codes (1 failed check, 2 usage or configuration, 3 tool failure) are
// part of its interface. The program runs through ts.Exec, exactly as exec
// runs it, so the stdout and stderr assertions that follow see its output.
func cmdExitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("usage: exitcode N program [args...] (no !: the code says what is expected)")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %q is not a number", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exitcode: running %s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with code %d, want %d", args[1], got, want)
	}
}

// cmdBOM puts a UTF-8 byte order mark at the start of files: bom FILE...
func cmdBOM(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: bom FILE...")
	}
	for _, name := range args {
		writeFile(ts, name, "\ufeff"+ts.ReadFile(name))
	}
}

// cmdReplace edits a file in place, as a translator or an editor would:
//
//	replace FILE OLD NEW
//
// replaces every OLD with NEW; both may use Go escapes (\n, \r, \t, \xff,
// \u00e9), so a script can also write bytes a txtar archive should not
// hold, such as invalid UTF-8. OLD must occur in the file.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	old, err := unescape(args[1])
	ts.Check(err)
	repl, err := unescape(args[2])
	ts.Check(err)
	data := ts.ReadFile(args[0])
	if !strings.Contains(data, old) {
		ts.Fatalf("replace: %s does not contain %q", args[0], old)
	}
	writeFile(ts, args[0], strings.ReplaceAll(data, old, repl))
}

// cmdRename renames a file; both names may hold Go escapes, for names a
// script cannot write otherwise (a carriage return): rename OLD NEW
func cmdRename(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: rename OLD NEW")
	}
	old, err := unescape(args[0])
	ts.Check(err)
	name, err := unescape(args[1])
	ts.Check(err)
	ts.Check(os.Rename(ts.MkAbs(old), ts.MkAbs(name)))
}

// unescape interprets Go escape sequences; \xHH writes the byte HH, even
// when it is not valid UTF-8.
func unescape(s string) (string, error) {
	var b []byte
	for s != "" {
		r, multibyte, tail, err := strconv.UnquoteChar(s, 0)
		if err != nil {
			return "", fmt.Errorf("bad escape in %q: %v", s, err)
		}
		if multibyte {
			b = utf8.AppendRune(b, r)
		} else {
			b = append(b, byte(r))
		}
		s = tail
	}
	return string(b), nil
}

func writeFile(ts *testscript.TestScript, name, data string) {
	ts.Check(os.WriteFile(ts.MkAbs(name), []byte(data), 0o644))
}

// cmdCpsample copies the sample repository at the module root (glosa.yaml
// and content/, with its term files, and locales/) into a folder of the script's work directory, so that a
// script can run glosa on it without any chance of changing it:
// cpsample DIR
func cmdCpsample(ts *testscript.TestScript, neg bool, args []string, root string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: cpsample DIR")
	}
	dst := ts.MkAbs(args[0])
	copyFile := func(rel string) {
		data, err := os.ReadFile(filepath.Join(root, rel))
		ts.Check(err)
		p := filepath.Join(dst, rel)
		ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
		ts.Check(os.WriteFile(p, data, 0o644))
	}
	copyFile("glosa.yaml")
	for _, dir := range []string{"content", "locales"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".yaml") && !strings.HasSuffix(p, ".csv") {
				return err
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			copyFile(rel)
			return nil
		})
		ts.Check(err)
	}
}

// toolCondition answers a script's [tool:NAME] condition: whether the
// program NAME is installed. Under CI (.ci/run installs them) a missing
// tool fails the script instead of skipping it, so that a check never
// silently stops running.
func toolCondition(cond string) (bool, error) {
	if cond == "schemas" {
		return schemasCondition()
	}
	name, ok := strings.CutPrefix(cond, "tool:")
	if !ok {
		return false, fmt.Errorf("unknown condition %q", cond)
	}
	if _, err := exec.LookPath(name); err != nil {
		if os.Getenv("CI") != "" {
			return false, fmt.Errorf("%s is not installed, and CI needs it (.ci/run installs it)", name)
		}
		return false, nil
	}
	return true, nil
}

// toolkitPython is the Python that runs Translate Toolkit's po2tmx (its
// #! line), whose library scripts import (translate.storage) to read
// glosa's files back; "python3" when po2tmx is not installed or names
// none.
func toolkitPython() string {
	path, err := exec.LookPath("po2tmx")
	if err != nil {
		return "python3"
	}
	f, err := os.Open(path)
	if err != nil {
		return "python3"
	}
	defer f.Close()
	line, _ := bufio.NewReader(f).ReadString('\n')
	if py, ok := strings.CutPrefix(strings.TrimSpace(line), "#!"); ok && filepath.IsAbs(py) && !strings.Contains(py, " ") {
		return py
	}
	return "python3"
}

// schemasDir is where the schemas glosa's output is validated against
// are: $GLOSA_SCHEMAS, else ../shared/schemas beside the repository
// (where CI has them, see ../shared/schemas/README.md). Scripts find it
// in $SCHEMAS.
func schemasDir(repo string) string {
	if d := os.Getenv("GLOSA_SCHEMAS"); d != "" {
		return d
	}
	return filepath.Join(repo, "..", "shared", "schemas")
}

// schemasCondition answers a script's [schemas] condition: whether the
// schemas are there; under CI their absence fails the script.
func schemasCondition() (bool, error) {
	repo, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return false, err
	}
	if _, err := os.Stat(schemasDir(repo)); err != nil {
		if os.Getenv("CI") != "" {
			return false, fmt.Errorf("the schemas are missing, and CI needs them: %v", err)
		}
		return false, nil
	}
	return true, nil
}
