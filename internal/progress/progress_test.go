package progress

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer the bar's goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func label(done, total int) string { return "" }

// TestQuickRunSilent: work done within the delay draws nothing.
func TestQuickRunSilent(t *testing.T) {
	var w syncBuffer
	b := Start(&w, label)
	b.SetTotal(10)
	b.Add(10)
	b.Done()
	if w.String() != "" {
		t.Errorf("a quick run drew %q", w.String())
	}
}

// TestLongRunDrawsAndWipes: past the delay the bar shows the count, and
// Done wipes the line.
func TestLongRunDrawsAndWipes(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the delay")
	}
	var w syncBuffer
	b := Start(&w, func(done, total int) string { return "reading files" })
	b.SetTotal(200)
	b.Add(50)
	time.Sleep(Delay + 3*Tick)
	b.Done()
	out := w.String()
	if !strings.Contains(out, " 25% reading files") {
		t.Errorf("no 25%% line in %q", out)
	}
	if !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("the line is not wiped at the end: %q", out)
	}
	if strings.Contains(out, "\n") {
		t.Errorf("the bar wrote a line break: %q", out)
	}
}

// TestNilBar: a nil bar does nothing, whatever is called.
func TestNilBar(t *testing.T) {
	var b *Bar
	b.SetTotal(3)
	b.Add(1)
	b.Done()
}
