package history

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"strconv"
	"strings"
	"sync"
)

// errClosed is returned by Show after Close.
var errClosed = errors.New("history index closed")

// catFiles is how many `git cat-file --batch` processes answer Show:
// callers on several goroutines (status reading the versions stale
// translations were made from) are answered at once, git's reading and
// inflating of objects being most of an answer's time.
const catFiles = 2

// catFile is one `git cat-file --batch` process.
type catFile struct {
	ix *Index

	mu     sync.Mutex
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	closed bool
}

// Show returns the file's content at a commit (a hash, abbreviated or not,
// or any revision git knows). An error wrapping fs.ErrNotExist means the
// file did not exist at that commit, or the commit is unknown.
//
// Every call is answered by one `git cat-file --batch` process, started on
// first use and stopped by Close.
func (ix *Index) Show(commit, path string) ([]byte, error) {
	name := commit + ":" + ix.top(path)
	if strings.ContainsAny(name, "\n") || strings.HasPrefix(commit, "-") {
		// The batch protocol is line based: ask git on its own.
		if strings.HasPrefix(commit, "-") {
			return nil, fmt.Errorf("showing %s at %s: %w", path, commit, fs.ErrNotExist)
		}
		out, err := ix.git("cat-file", "blob", name)
		if err != nil {
			return nil, fmt.Errorf("showing %s at %s: %w (%v)", path, commit, fs.ErrNotExist, err)
		}
		return out, nil
	}
	b, err := ix.idleCat().get(name)
	if err != nil {
		return nil, fmt.Errorf("showing %s at %s: %w", path, commit, err)
	}
	return b, nil
}

// Close stops the processes Show started. The Index answers every other
// question after Close; Show fails.
func (ix *Index) Close() error {
	var errs []error
	for i := range ix.cats {
		errs = append(errs, ix.cats[i].close())
	}
	return errors.Join(errs...)
}

// idleCat returns the process to ask, locked: the first idle one, else
// the first, when it is free.
func (ix *Index) idleCat() *catFile {
	for i := range ix.cats {
		if ix.cats[i].mu.TryLock() {
			return &ix.cats[i]
		}
	}
	ix.cats[0].mu.Lock()
	return &ix.cats[0]
}

// get asks the process for name; c is locked (see Index.catFile), and
// unlocked when it returns.
func (c *catFile) get(name string) ([]byte, error) {
	defer c.mu.Unlock()
	if c.closed {
		return nil, errClosed
	}
	if c.cmd == nil {
		if err := c.start(); err != nil {
			return nil, err
		}
	}
	b, err := c.query(name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		// The protocol is out of step or the process died: start afresh next time.
		c.stop()
	}
	return b, err
}

func (c *catFile) start() error {
	cmd := exec.Command("git", "-C", c.ix.root, "cat-file", "--batch")
	in, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	c.cmd, c.in, c.out = cmd, in, bufio.NewReaderSize(out, 64<<10)
	return nil
}

// query sends one object name and reads git's answer: "OID TYPE SIZE\n"
// followed by the content and a newline, or "NAME missing\n" (or
// "ambiguous").
func (c *catFile) query(name string) ([]byte, error) {
	if _, err := io.WriteString(c.in, name+"\n"); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	line, err := c.out.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	line = strings.TrimSuffix(line, "\n")
	if strings.HasSuffix(line, " missing") || strings.HasSuffix(line, " ambiguous") {
		return nil, fs.ErrNotExist
	}
	f := strings.Fields(line)
	if len(f) != 3 {
		return nil, fmt.Errorf("git cat-file: unexpected answer %q", line)
	}
	size, err := strconv.ParseInt(f[2], 10, 64)
	if err != nil {
		return nil, fmt.Errorf("git cat-file: unexpected answer %q", line)
	}
	b := make([]byte, size+1)
	if _, err := io.ReadFull(c.out, b); err != nil {
		return nil, fmt.Errorf("git cat-file: %w", err)
	}
	if f[1] != "blob" {
		return nil, fmt.Errorf("a %s, not a file: %w", f[1], fs.ErrNotExist)
	}
	return b[:size], nil
}

func (c *catFile) stop() error {
	if c.cmd == nil {
		return nil
	}
	c.in.Close()
	// Drain what git still writes so that it can exit.
	_, _ = io.Copy(io.Discard, c.out)
	err := c.cmd.Wait()
	c.cmd, c.in, c.out = nil, nil, nil
	return err
}

func (c *catFile) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	if err := c.stop(); err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	return nil
}
