//go:build !unix

package resultcache

import (
	"errors"
	"os"
)

// mapFile is not done on this system: the file is read.
func mapFile(*os.File, int) ([]byte, func(), error) {
	return nil, nil, errors.New("not mapped on this system")
}
