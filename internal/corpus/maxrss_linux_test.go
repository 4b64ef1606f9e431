package corpus

import (
	"os"
	"syscall"
)

// maxRSS returns the peak resident memory of a process that ended, in kB.
func maxRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss // kB on Linux
	}
	return 0
}
