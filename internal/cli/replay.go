package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/resultcache"
	"github.com/glosa/glosa/internal/workspace"
)

// replayed runs run, a command that only reads and prints, through glosa's
// whole-result cache (see internal/resultcache): when nothing it reads has
// changed since a run with the same arguments, environment and terminals,
// what that run printed is printed again and its exit code returned,
// without loading the project; otherwise run runs, its output is kept,
// and stored when it ended with exit code 0 or 1. extra are further fields
// of the key: the files a flag names. --no-cache, and an environment that
// moves git's files where the cache does not look, run run alone.
func (g *globals) replayed(ios *iostreams.IOStreams, run func() error, extra ...string) error {
	if g.noCache || resultcache.Unsafe(os.Getenv) != "" {
		return run()
	}
	root, err := g.rootDir()
	if err != nil {
		return run()
	}
	if workspace.FromSite(root, g.configFile()) {
		// The key would not hold the site's configuration it is read from.
		return run()
	}
	cfg, err := config.Load(root, g.configFile())
	if err != nil {
		return run() // which reports it
	}
	req := resultcache.Request{Root: root, Config: cfg, Shape: append(g.shape(ios), extra...)}
	res, snap, err := resultcache.Lookup(req)
	if err != nil {
		return run()
	}
	if res != nil {
		if err := res.Replay(ios.Out, ios.ErrOut); err != nil {
			return err
		}
		if res.Code == ExitFailed {
			return errFailed
		}
		return nil
	}
	g.snapshot = snap
	defer func() { g.snapshot = nil }()
	var out, errOut resultcache.Buffer
	stdout, stderr, talk := ios.Out, ios.ErrOut, g.errOut
	ios.Out, ios.ErrOut = io.MultiWriter(stdout, &out), io.MultiWriter(stderr, &errOut)
	g.errOut, g.bareErr = ios.ErrOut, stderr
	defer func() { ios.Out, ios.ErrOut, g.errOut, g.bareErr = stdout, stderr, talk, nil }()
	err = run()
	code := ExitOK
	switch {
	case err == nil:
	case errors.Is(err, errFailed):
		code = ExitFailed
	default:
		return err
	}
	// A cache that cannot be written costs speed, not results.
	_ = snap.SaveOutput(&out, &errOut, code)
	return err
}

// shape returns what, besides the files, shapes a run's output: glosa's
// build, the arguments but -C (the repository's folder is in the key),
// the working folder (relative file names), the environment variables
// glosa or git read, and which streams are terminals and coloured.
func (g *globals) shape(ios *iostreams.IOStreams) []string {
	wd, _ := os.Getwd()
	out := []string{"build " + version() + " " + resultcache.Build(), "wd " + wd,
		"args " + strings.Join(withoutDir(g.args), "\x00"),
		"tty " + strconv.FormatBool(ios.IsStdoutTTY()) + " " + strconv.FormatBool(ios.IsStderrTTY()) + " " + strconv.FormatBool(ios.ColorEnabled())}
	env := os.Environ()
	slices.Sort(env)
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(name, "LC_"), strings.HasPrefix(name, "GLOSA_"), strings.HasPrefix(name, "GIT_"),
			slices.Contains([]string{"LANG", "LANGUAGE", "NO_COLOR", "TERM", "PATH", "HOME", "XDG_CONFIG_HOME", "PREFIX"}, name):
			out = append(out, "env "+kv)
		}
	}
	return out
}

// withoutDir returns args without -C DIR (--directory), which the key
// holds as the repository's folder.
func withoutDir(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return append(out, args[i:]...)
		case a == "-C" || a == "--directory":
			i++
		case strings.HasPrefix(a, "--directory="), strings.HasPrefix(a, "-C") && len(a) > 2:
		default:
			out = append(out, a)
		}
	}
	return out
}

// fileField returns a key field for the file a flag names: its bytes'
// hash; false when it cannot be read (the run reports that).
func fileField(flag, name string) (string, bool) {
	data, err := os.ReadFile(name)
	if err != nil {
		return "", false
	}
	sum := sha256.Sum256(data)
	return flag + " " + name + " " + hex.EncodeToString(sum[:]), true
}
