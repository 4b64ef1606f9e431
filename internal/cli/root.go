// Package cli is glosa's command line: the root command, one file per verb,
// and Main, the one place where errors become exit codes. Only this package
// imports cobra, touches the process's streams or exits.
//
// Output rules: stdout is data, sorted and stable; talk goes to stderr as
// "glosa: error: …", "glosa: warning: …" or "glosa: hint: …", lowercase,
// no final period.
package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"

	"github.com/glosa/glosa/internal/atomicfile"
	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/iostreams"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/printable"
	"github.com/glosa/glosa/internal/progress"
	"github.com/glosa/glosa/internal/resultcache"
	buildinfo "github.com/glosa/glosa/internal/version"
)

// Exit codes.
const (
	ExitOK     = 0 // nothing at or above the failing threshold
	ExitFailed = 1 // findings or coverage below the threshold
	ExitUsage  = 2 // usage or configuration error
	ExitTool   = 3 // the tool failed: I/O, unreadable input
)

// version returns glosa's version alone (v1.2.3), as SARIF logs, the
// dashboard and the replay key name it; glosa --version shows the commit
// and date too.
func version() string { return buildinfo.Get().Version }

// usageError is a mistake in how glosa was called.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usage returns a usage error worded by the localizer: the message id
// filled with data (pairs of field names and values).
func usage(l *l10n.Localizer, id string, data ...any) error {
	return &usageError{errors.New(l.T(id, data...))}
}

// errFailed reports a check or command that ran and found what fails it;
// its details are already printed.
var errFailed = errors.New("failed")

// globals are the flags every command shares.
type globals struct {
	dir     string
	config  string
	noColor bool
	noCache bool
	// snapshot is the whole-result cache's snapshot of the run's inputs,
	// while a run it did not replay loads the project (see replayed).
	snapshot *resultcache.Snapshot
	// progress is where a progress bar goes, nil for none: a terminal's
	// stderr, for a human format.
	progress io.Writer
	// l words human-facing output in the user's language.
	l *l10n.Localizer
	// closers are run when the command is done (see onDone).
	closers []func()
	// gcTuned is true in a glosa process (Main), where the garbage
	// collector's target is chosen by command (see gcHungry).
	gcTuned bool
	// errOut is where warnings go; start is when the run started.
	errOut io.Writer
	start  time.Time
	// bareErr, when not nil, is stderr without the capture of a run whose
	// output is kept (see replayed): the progress bar's redraws are not
	// output.
	bareErr io.Writer
	// args are the arguments glosa was run with.
	args []string
	// root is the repository's folder once the flags are read, for the
	// cleanup after an interruption, which runs on another goroutine.
	root atomic.Pointer[string]
}

// newGlobals returns the globals of a run starting now.
func newGlobals(ios *iostreams.IOStreams) *globals {
	return &globals{l: l10n.FromEnv(os.Getenv), errOut: ios.ErrOut, start: time.Now()}
}

// onDone has f run when the command is done, whatever its outcome.
func (g *globals) onDone(f func()) { g.closers = append(g.closers, f) }

// close runs what onDone was given, last first.
func (g *globals) close() {
	for i := len(g.closers) - 1; i >= 0; i-- {
		g.closers[i]()
	}
	g.closers = nil
}

// Main runs glosa with the process's streams and returns the exit code.
func Main(args []string) int {
	TuneGC()
	ios := iostreams.System()
	g := newGlobals(ios)
	g.gcTuned = os.Getenv("GOGC") == ""
	return runInterruptible(func() int { return g.run(ios, args) }, func() {
		stopWrites(5 * time.Second)
		atomicfile.Stop() // the cache's writes too: none starts after the clean-up looked
		removeOwnTemps()
		if root := g.root.Load(); root != nil {
			removeRunTemps(*root, g.start)
		}
		fmt.Fprintf(ios.ErrOut, "\nglosa: %s\n", g.l.T("interrupted"))
	})
}

// MemoryLimit is the Go runtime's soft memory limit for a glosa process,
// unless GOMEMLIMIT sets another: the garbage collector works harder as
// the heap nears it, instead of letting it grow to what GCPercent allows,
// which on a big repository is most of the peak. It is soft: a run that
// needs more gets more. Below it, it costs nothing; on 100,000 files,
// where the live heap is about 150 MB, it costs a warm check a third more
// CPU and saves a third of its peak memory.
const MemoryLimit = 256 << 20

// GCPercent is the garbage collector's target for a glosa process,
// unless GOGC sets another: the heap may grow to three times what is live
// before a collection, not twice (Go's default). A run's live heap is
// small (a few MB while the files are read, up to about 100 MB while the
// rules run at 10,000 files): the default collected about 270 times in a
// cold check at 10,000 files, 200 about 125 times, for 12% less CPU. The
// memory limit still bounds the peak (at 100,000 files it is what decides
// when to collect, whatever this). 400 saves little more CPU and adds
// most of the limit to the peaks of small runs: an import of 70,000
// refused units peaked at 212 MB, over the 200 MB its test allows (at
// 200, 186–193 MB: too near). Only the
// commands of gcHungry keep it; the others go back to Go's default.
const GCPercent = 200

// gcHungry are the commands that read a whole project and keep little of
// it, for which GCPercent pays; the others (import, export, sync, stamp…)
// hold what they read and run with Go's default target, which keeps
// their peaks where their tests bound them.
var gcHungry = map[string]bool{"status": true, "check": true, "report": true, "diff": true}

// TuneGC sets the Go runtime's garbage collector as a glosa process wants
// it, MemoryLimit and GCPercent, where the environment's GOMEMLIMIT and
// GOGC do not set them, and returns a function that restores what it
// changed.
func TuneGC() (restore func()) {
	limit := debug.SetMemoryLimit(-1) // a negative limit only reads it
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
	percent := -2 // unchanged
	if os.Getenv("GOGC") == "" {
		percent = debug.SetGCPercent(GCPercent)
	}
	return func() {
		debug.SetMemoryLimit(limit)
		if percent != -2 {
			debug.SetGCPercent(percent)
		}
	}
}

// Run runs glosa with the given streams and arguments and returns the exit
// code; tests call it directly.
// The interface language comes from LC_ALL, LC_MESSAGES or LANG.
func Run(io *iostreams.IOStreams, args []string) int { return newGlobals(io).run(io, args) }

func (g *globals) run(io *iostreams.IOStreams, args []string) int {
	root := newRootCmd(io, g)
	g.args = args
	root.SetArgs(args)
	err := root.Execute()
	g.close()
	return exitCode(io.ErrOut, g.l, err)
}

func exitCode(w io.Writer, l *l10n.Localizer, err error) int {
	if err == nil {
		return ExitOK
	}
	if errors.Is(err, errFailed) {
		return ExitFailed
	}
	var ue *usageError
	switch {
	case errors.As(err, &ue):
		msg := printable.String(err.Error()) // cobra's words quote arguments
		if err == error(ue) {
			msg = l.Error(ue.err) // an *l10n.Error in the user's language
		}
		fmt.Fprintf(w, "glosa: error: %s\nglosa: hint: %s\n", msg, l.T("hint.help"))
		return ExitUsage
	case errors.Is(err, config.ErrInvalid):
		for _, e := range joined(err) {
			fmt.Fprintf(w, "glosa: error: %s\n", l.Error(e))
		}
		return ExitUsage
	case strings.HasPrefix(err.Error(), "unknown command"):
		// cobra appends its suggestions on lines of their own ("Did you
		// mean this?\n\tstatus"); turn them into one hint.
		msg, rest, _ := strings.Cut(err.Error(), "\n")
		var suggestions []string
		for _, line := range strings.Split(rest, "\n") {
			if s, ok := strings.CutPrefix(line, "\t"); ok {
				suggestions = append(suggestions, "glosa "+s)
			}
		}
		fmt.Fprintf(w, "glosa: error: %s\n", printable.String(msg))
		if len(suggestions) > 0 {
			fmt.Fprintf(w, "glosa: hint: %s\n", l.T("hint.didYouMean", "Commands", strings.Join(suggestions, l.T("hint.or"))))
		} else {
			fmt.Fprintf(w, "glosa: hint: %s\n", l.T("hint.help"))
		}
		return ExitUsage
	case strings.HasPrefix(err.Error(), "unknown flag"):
		fmt.Fprintf(w, "glosa: error: %s\nglosa: hint: %s\n", printable.String(err.Error()), l.T("hint.help"))
		return ExitUsage
	}
	// One line per joined error: each is worded on one line (see
	// printable.String), so that a value from a file cannot start one.
	for _, e := range joined(err) {
		fmt.Fprintf(w, "glosa: error: %s\n", l.Error(e))
	}
	return ExitTool
}

// joined returns the errors err joins, in order, or err alone: the
// configuration's problems are reported all at once, one line each.
func joined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, joined(e)...)
		}
		return out
	}
	return []error{err}
}

// Command returns glosa's command tree, built with test streams and English
// messages and never run: what internal/docgen reads to write the command
// reference.
func Command() *cobra.Command {
	ios, _, _, _ := iostreams.Test()
	return newRootCmd(ios, &globals{l: l10n.English()})
}

func newRootCmd(ios *iostreams.IOStreams, g *globals) *cobra.Command {
	root := &cobra.Command{
		Use:   "glosa",
		Short: "glosa keeps a multilingual content repository honest",
		Long: `glosa tracks every entry (Markdown with YAML front matter, paired across
languages by slug) in every language: what is current, stale, missing,
untranslated, unverified or orphaned; it lints translations for what only a
comparison with the source shows, and records finished translations.`,
		Version:       buildinfo.Get().String(),
		SilenceErrors: true,
		SilenceUsage:  true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if g.gcTuned && !gcHungry[cmd.Name()] {
				debug.SetGCPercent(100)
			}
			if g.noColor {
				ios.DisableColor()
			}
			if g.dir != "" {
				fi, err := os.Stat(g.dir)
				switch {
				case errors.Is(err, fs.ErrNotExist):
					return usage(g.l, "usage.dirMissing", "Dir", g.dir)
				case err != nil:
					return usage(g.l, "usage.dirError", "Dir", g.dir, "Error", err)
				case !fi.IsDir():
					return usage(g.l, "usage.notDir", "Dir", g.dir)
				}
			}
			if root, err := g.rootDir(); err == nil {
				g.root.Store(&root)
			}
			return nil
		},
	}
	root.SetOut(ios.Out)
	root.SetErr(ios.ErrOut)
	g.errOut = ios.ErrOut
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		var ue *usageError
		if errors.As(err, &ue) {
			return ue // an enum flag's value, worded already
		}
		return &usageError{err}
	})
	pf := root.PersistentFlags()
	pf.StringVarP(&g.dir, "directory", "C", "", "run as if glosa was started in `DIR`")
	pf.StringVar(&g.config, "config", "", "read the configuration from `FILE` instead of glosa.yaml")
	pf.BoolVar(&g.noColor, "no-color", false, "never colour the output (NO_COLOR does the same)")
	pf.BoolVar(&g.noCache, "no-cache", false, "neither read nor write glosa's cache (.glosa/cache)")
	root.AddCommand(newStatusCmd(ios, g), newCheckCmd(ios, g), newStampCmd(ios, g), newSyncCmd(ios, g), newRulesCmd(ios, g),
		newExportCmd(ios, g), newImportCmd(ios, g))
	root.AddCommand(newDiffCmd(ios, g))
	root.AddCommand(newReportCmd(ios, g))
	root.AddCommand(newInitCmd(ios, g))
	completeLangs(root, g)
	return root
}

// showProgress asks for a progress bar on stderr for long runs, when it
// is a terminal and the output is for a human.
func (g *globals) showProgress(ios *iostreams.IOStreams, format string) {
	if ios.IsStderrTTY() && (format == "text" || format == "markdown") {
		g.progress = ios.ErrOut
		if g.bareErr != nil {
			g.progress = g.bareErr
		}
	}
}

// startProgress starts the progress bar showProgress asked for, its line
// worded by the message id ("reading {{.Done}} of {{.Count}} files"); nil,
// which counts nothing, when it did not.
func (g *globals) startProgress(id string) *progress.Bar {
	if g.progress == nil {
		return nil
	}
	return progress.Start(g.progress, func(done, total int) string { return g.l.N(id, total, "Done", done) })
}

// rootDir returns the repository root: -C DIR or the working directory.
func (g *globals) rootDir() (string, error) {
	if g.dir != "" {
		return g.dir, nil
	}
	return os.Getwd()
}

// noArgs refuses positional arguments as a usage error.
func (g *globals) noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usage(g.l, "usage.noArgs", "Command", cmd.CommandPath(), "Args", fmt.Sprintf("%q", strings.Join(args, " ")))
	}
	return nil
}
