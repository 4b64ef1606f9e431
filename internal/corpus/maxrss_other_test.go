//go:build !linux

package corpus

import "os"

// maxRSS returns 0: the peak memory of a process is read on Linux only.
func maxRSS(*os.ProcessState) int64 { return 0 }
