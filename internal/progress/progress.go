// Package progress draws a progress bar on a terminal for runs long
// enough to wonder about: it stays silent for the first second, then
// redraws one line of stderr a few times a second, and wipes it when the
// work is done, so that nothing of it stays in the output.
package progress

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Delay is how long a run goes before the bar shows; Tick how often it is
// redrawn. Tests shorten them.
var (
	Delay = time.Second
	Tick  = 100 * time.Millisecond
)

// width is the bar's width in cells.
const width = 30

// Bar counts work done of a total and draws it. A nil *Bar does nothing,
// so that callers need not ask whether there is one.
type Bar struct {
	w     io.Writer
	label func(done, total int) string
	done  atomic.Int64
	total atomic.Int64

	stop    chan struct{}
	stopped sync.WaitGroup
	drawn   bool // a line was drawn and must be wiped
}

// Start returns a bar drawing on w, which should be a terminal, from
// Delay on; label words the count ("reading 120/9000 files"). Call Done
// when the work is over.
func Start(w io.Writer, label func(done, total int) string) *Bar {
	b := &Bar{w: w, label: label, stop: make(chan struct{})}
	b.stopped.Add(1)
	go b.run(time.NewTimer(Delay), time.NewTicker(Tick))
	return b
}

// SetTotal sets how much work there is.
func (b *Bar) SetTotal(n int) {
	if b != nil {
		b.total.Store(int64(n))
	}
}

// Add counts n more done.
func (b *Bar) Add(n int) {
	if b != nil {
		b.done.Add(int64(n))
	}
}

// Done stops the bar and wipes its line.
func (b *Bar) Done() {
	if b == nil {
		return
	}
	close(b.stop)
	b.stopped.Wait()
}

func (b *Bar) run(delay *time.Timer, tick *time.Ticker) {
	defer b.stopped.Done()
	defer tick.Stop()
	defer delay.Stop()
	select {
	case <-b.stop:
		return
	case <-delay.C:
	}
	for {
		b.draw()
		select {
		case <-b.stop:
			if b.drawn {
				fmt.Fprint(b.w, "\r\x1b[K")
			}
			return
		case <-tick.C:
		}
	}
}

func (b *Bar) draw() {
	done, total := int(b.done.Load()), int(b.total.Load())
	if total <= 0 {
		return
	}
	done = min(done, total)
	full := done * width / total
	bar := strings.Repeat("█", full) + strings.Repeat("░", width-full)
	fmt.Fprintf(b.w, "\r\x1b[Kglosa: %s %3d%% %s", bar, done*100/total, b.label(done, total))
	b.drawn = true
}
