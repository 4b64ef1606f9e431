// Package iostreams owns glosa's standard streams: where data and talk go,
// whether each is a terminal, and whether to colour. Output rules: stdout
// carries data only; everything else (warnings, hints, progress) goes to
// stderr, prefixed "glosa: ", lowercase, no final period.
package iostreams

import (
	"bytes"
	"io"
	"os"

	"golang.org/x/term"
)

// IOStreams are the streams a command reads and writes.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	outTTY, errTTY bool
	noColor        bool
}

// System returns the process's streams, with terminal detection and the
// NO_COLOR convention (https://no-color.org: a non-empty value) applied.
func System() *IOStreams {
	noColor := os.Getenv("NO_COLOR") != "" // set but empty does not count
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		outTTY:  isTerminal(os.Stdout),
		errTTY:  isTerminal(os.Stderr),
		noColor: noColor || os.Getenv("TERM") == "dumb",
	}
}

func isTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// Test returns streams backed by buffers, not terminals: in, out, errOut.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// SetTTY makes the streams behave as terminals, or not, for tests.
func (s *IOStreams) SetTTY(tty bool) { s.outTTY, s.errTTY = tty, tty }

// IsStdoutTTY reports whether stdout is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.outTTY }

// IsStderrTTY reports whether stderr is a terminal.
func (s *IOStreams) IsStderrTTY() bool { return s.errTTY }

// DisableColor turns colour off, as --no-color does.
func (s *IOStreams) DisableColor() { s.noColor = true }

// ColorEnabled reports whether stdout gets colour: a terminal, and neither
// NO_COLOR nor --no-color.
func (s *IOStreams) ColorEnabled() bool { return s.outTTY && !s.noColor }
