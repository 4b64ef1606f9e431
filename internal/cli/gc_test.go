package cli_test

import (
	"runtime/debug"
	"testing"

	"github.com/glosa/glosa/internal/cli"
)

// TestTuneGC: glosa's settings apply where the environment sets none, the
// environment's stay, and the function returned puts back what was.
func TestTuneGC(t *testing.T) {
	tests := []struct {
		name, gogc, memlimit string
		percent              int
		limit                int64
	}{
		{"defaults", "", "", cli.GCPercent, cli.MemoryLimit},
		{"GOGC", "150", "", 77, cli.MemoryLimit},
		{"GOMEMLIMIT", "", "1GiB", cli.GCPercent, 123 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOGC", tt.gogc)
			t.Setenv("GOMEMLIMIT", tt.memlimit)
			// What the runtime read from the environment at start, here
			// set by hand: TuneGC must leave it.
			defer debug.SetGCPercent(debug.SetGCPercent(77))
			defer debug.SetMemoryLimit(debug.SetMemoryLimit(123 << 20))
			restore := cli.TuneGC()
			percent, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
			debug.SetGCPercent(percent)
			if percent != tt.percent || limit != tt.limit {
				t.Errorf("GC percent, memory limit = %d, %d; want %d, %d", percent, limit, tt.percent, tt.limit)
			}
			restore()
			percent, limit = debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
			debug.SetGCPercent(percent)
			if percent != 77 || limit != 123<<20 {
				t.Errorf("restored: %d, %d; want 77, %d", percent, limit, 123<<20)
			}
		})
	}
}
