//go:build !unix

package cli

import "errors"

// mkfifo makes no FIFO where the system has none.
func mkfifo(string) error { return errors.ErrUnsupported }
