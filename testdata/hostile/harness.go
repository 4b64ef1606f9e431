package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// baseConfig is the repository of every case that does not bring its own:
// English sources, Spanish translations, a go-i18n catalog.
const baseConfig = `source: en
languages: [en, es]
content:
  - path: content/{lang}/{slug}.md
    fields: {title: text, related: slugs}
locales:
  - path: locales/{lang}.yaml
`

// baseProject writes the base repository, a git work tree whose one entry
// is translated and stamped current.
func (h *harness) baseProject() error {
	if err := h.write("glosa.yaml", baseConfig); err != nil {
		return err
	}
	if err := h.write("content/en/a.md", "---\ntitle: A\n---\n\nText one.\n\nText two.\n"); err != nil {
		return err
	}
	if err := h.write("content/es/a.md", "---\ntitle: A\n---\n\nTexto uno.\n\nTexto dos.\n"); err != nil {
		return err
	}
	if err := h.write("locales/en.yaml", "hello: Hello\n"); err != nil {
		return err
	}
	if err := h.write("locales/es.yaml", "hello: Hola\n"); err != nil {
		return err
	}
	if out, err := exec.Command("git", "init", "-q", h.dir).CombinedOutput(); err != nil {
		return fmt.Errorf("git init: %v: %s", err, out)
	}
	_, err := h.glosa(nil, "--no-cache", "stamp", "--all")
	return err
}

// path is name (slash-separated, relative to the repository) as a path.
func (h *harness) path(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(h.dir, filepath.FromSlash(name))
}

// write writes a file of the repository, making its folder.
func (h *harness) write(name, data string) error {
	return h.writeBytes(name, []byte(data))
}

func (h *harness) writeBytes(name string, data []byte) error {
	p := h.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// symlink makes name a link to target (as written, relative to name's
// folder).
func (h *harness) symlink(name, target string) error {
	p := h.path(name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.Symlink(target, p)
}

// mustKeep says that the files named (repository-relative or absolute)
// must have the same bytes after the run; mustNotExist that they must not
// exist.
func (h *harness) mustKeep(names ...string) { h.keep = append(h.keep, names...) }

func (h *harness) mustNotExist(names ...string) { h.absent = append(h.absent, names...) }

// snapshot reads the files mustKeep named, before the run.
func (h *harness) snapshot() error {
	h.kept = map[string][]byte{}
	for _, n := range h.keep {
		data, err := os.ReadFile(h.path(n))
		if err != nil {
			return err
		}
		h.kept[n] = data
	}
	return nil
}

// untouched says which file mustKeep or mustNotExist named the run changed.
func (h *harness) untouched() error {
	for _, n := range h.keep {
		data, err := os.ReadFile(h.path(n))
		if err != nil {
			return fmt.Errorf("%s: %v after the run", n, err)
		}
		if !bytes.Equal(data, h.kept[n]) {
			return fmt.Errorf("%s was changed", n)
		}
	}
	for _, n := range h.absent {
		if _, err := os.Lstat(h.path(n)); err == nil {
			return fmt.Errorf("%s was made", n)
		}
	}
	return nil
}

// checks combines checks: the first that fails says why.
func checks(cs ...func(h *harness, o *outcome) error) func(h *harness, o *outcome) error {
	return func(h *harness, o *outcome) error {
		for _, c := range cs {
			if err := c(h, o); err != nil {
				return err
			}
		}
		return nil
	}
}

// exit wants one of the exit codes.
func exit(codes ...int) func(*harness, *outcome) error {
	return func(_ *harness, o *outcome) error {
		if slices.Contains(codes, o.code) {
			return nil
		}
		return fmt.Errorf("exit %d, want %v", o.code, codes)
	}
}

// locatedIn wants an error or finding at a line (and column) of the file
// named.
func locatedIn(name string) func(*harness, *outcome) error {
	re := regexp.MustCompile(`(?m)^(glosa: (error|warning): )?` + regexp.QuoteMeta(name) + `:\d+(:\d+)?: `)
	return func(_ *harness, o *outcome) error {
		if re.MatchString(o.stderr) || re.MatchString(o.stdout) {
			return nil
		}
		return fmt.Errorf("no error located in %s (path:line:col)", name)
	}
}

// says wants a line of stderr or stdout matching the expression.
func says(expr string) func(*harness, *outcome) error {
	re := regexp.MustCompile(`(?m)` + expr)
	return func(_ *harness, o *outcome) error {
		if re.MatchString(o.stderr) || re.MatchString(o.stdout) {
			return nil
		}
		return fmt.Errorf("no line matches %s", expr)
	}
}

// quiet wants no text matching the expression anywhere in the output.
func quiet(expr string) func(*harness, *outcome) error {
	re := regexp.MustCompile(`(?m)` + expr)
	return func(_ *harness, o *outcome) error {
		if m := re.FindString(o.stderr + "\n" + o.stdout); m != "" {
			return fmt.Errorf("the output has %q", m)
		}
		return nil
	}
}

// githubAnnotation is a workflow command glosa writes itself (-format
// github): its properties, then its message, on one line.
var githubAnnotation = regexp.MustCompile(`^::(error|warning|notice) file=[^,:]*(,line=\d+)?(,col=\d+)?(,endLine=\d+)?(,title=[^:]*)?::`)

// noWorkflowCommand wants no line of stdout or stderr that a GitHub runner
// would execute (one starting with "::") except glosa's own annotations,
// and none anywhere with the injected one's text at its start.
func noWorkflowCommand(h *harness, o *outcome) error {
	for _, l := range strings.Split(o.stdout+"\n"+o.stderr, "\n") {
		if strings.HasPrefix(l, "::") && (!githubAnnotation.MatchString(l) || strings.HasPrefix(l, injected)) {
			return fmt.Errorf("a line is a workflow command: %q", l)
		}
	}
	return nil
}

// injected is the workflow command the hostile values carry.
const injected = "::error title=INJECTED::"

// noEscape wants no ESC, BEL or C1 control in stdout or stderr: nothing a
// terminal would act on.
func noEscape(h *harness, o *outcome) error {
	for _, s := range []string{o.stdout, o.stderr} {
		if i := strings.IndexAny(s, "\x1b\x07\u009b\u009d"); i >= 0 {
			return fmt.Errorf("the output has a control character: %q", s[max(0, i-20):min(len(s), i+20)])
		}
	}
	return nil
}

// noFormula wants every CSV cell of stdout (or of the file named, when
// not "") to be one a spreadsheet does not take for a formula.
func noFormula(file string) func(*harness, *outcome) error {
	return func(h *harness, o *outcome) error {
		data := o.stdout
		if file != "" {
			b, err := os.ReadFile(h.path(file))
			if err != nil {
				return err
			}
			data = string(b)
		}
		r := csv.NewReader(strings.NewReader(data))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			return fmt.Errorf("CSV: %v", err)
		}
		if len(recs) < 2 {
			return errors.New("CSV: no rows")
		}
		for _, rec := range recs {
			for _, c := range rec {
				if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
					return fmt.Errorf("CSV cell %q starts a formula", c)
				}
			}
		}
		return nil
	}
}
