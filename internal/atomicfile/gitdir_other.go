//go:build !unix

package atomicfile

import "os"

// inGit is where the system has no openat: the checks (Writable) alone
// keep writes out of .git.
func inGit(root, dir *os.Root) bool { return false }
