package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// version changes whenever Generate writes other bytes for the same
// Options, so that cached corpora of an older generator are not reused.
const version = 1

// Cached returns a corpus for opts under os.TempDir()/glosa-corpus,
// generating it only when it is not there yet: benchmarks would otherwise
// spend most of their time writing files. A corpus is generated into a
// temporary folder and renamed into place, so an interrupted generation or
// two processes at once never leave a partial corpus behind; its summary
// is written beside it last, and a corpus without one is generated again.
func Cached(opts Options) (string, *Summary, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return "", nil, err
	}
	base := filepath.Join(os.TempDir(), "glosa-corpus")
	name := fmt.Sprintf("v%d-s%d-l%d-m%d-k%d-seed%d", version, opts.Slugs, opts.Langs, opts.Messages, opts.Sections, opts.Seed)
	dir, sumFile := filepath.Join(base, name), filepath.Join(base, name+".json")
	if data, err := os.ReadFile(sumFile); err == nil {
		var sum Summary
		if json.Unmarshal(data, &sum) == nil {
			if _, err := os.Stat(dir); err == nil {
				return dir, &sum, nil
			}
		}
	}
	if err := os.MkdirAll(base, 0o755); err != nil {
		return "", nil, err
	}
	tmp, err := os.MkdirTemp(base, name+".tmp-")
	if err != nil {
		return "", nil, err
	}
	defer os.RemoveAll(tmp)
	sum, err := Generate(tmp, opts)
	if err != nil {
		return "", nil, err
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", nil, err
	}
	if err := os.Rename(tmp, dir); err != nil && !errors.Is(err, fs.ErrExist) {
		return "", nil, err
	}
	data, err := json.Marshal(sum)
	if err != nil {
		return "", nil, err
	}
	tmpSum := fmt.Sprintf("%s.tmp-%d", sumFile, os.Getpid())
	if err := os.WriteFile(tmpSum, data, 0o644); err != nil {
		return "", nil, err
	}
	if err := os.Rename(tmpSum, sumFile); err != nil {
		return "", nil, err
	}
	return dir, sum, nil
}
