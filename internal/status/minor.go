package status

import (
	"strings"
	"sync"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/history"
)

// A MinorHistory is a History that knows which commits are minor (see
// history.Minor): their changes to a source need no re-translation, and a
// translation current before them stays current (MinorEdit).
type MinorHistory interface {
	// SinceMinor is Since with the minor commits apart: n counts the
	// others, minor lists the minor ones, newest first.
	SinceMinor(path, commit string) (n int, minor []string, ok bool)
	// BeforeMinor returns the versions of path before its newest minor
	// commits (see history.Index.BeforeMinor).
	BeforeMinor(path string) []history.Earlier
}

// minorMemo holds, by source, its versions before its newest minor
// commits, read once for all its languages.
type minorMemo struct {
	mu       sync.Mutex
	versions map[*content.Entry][]minorVersion
}

// minorVersion is a source's version before minor commits, by its hash.
type minorVersion struct {
	hash  string
	minor []string
}

// minorBefore returns the minor commits that separate the source src from
// a version of it whose hash is hash, nil when none does: the history
// knows no minor commits, the source's newest change is not minor or it
// differs from HEAD, or no version before its minor commits has the hash.
// The versions of a source are read and hashed once, for all its
// languages.
func (r *Report) minorBefore(src *content.Entry, hash string) []string {
	mh, ok := r.History.(MinorHistory)
	if !ok {
		return nil
	}
	m := r.minor
	if m == nil { // a Report not made by ComputeWith
		m = &minorMemo{}
		r.minor = m
	}
	m.mu.Lock()
	versions, ok := m.versions[src]
	m.mu.Unlock()
	if !ok {
		schema := r.Repo.Schema(src)
		for _, v := range mh.BeforeMinor(src.Path) {
			if doc, err := content.Parse(v.Data); err == nil {
				versions = append(versions, minorVersion{hash: content.Hash(doc, schema), minor: v.Minor})
			}
		}
		m.mu.Lock()
		if m.versions == nil {
			m.versions = map[*content.Entry][]minorVersion{}
		}
		m.versions[src] = versions
		m.mu.Unlock()
	}
	for _, v := range versions {
		if v.hash == hash {
			return v.minor
		}
	}
	return nil
}

// shortList names commits for people: their short hashes, comma-separated.
func shortList(commits []string) string {
	short := make([]string, len(commits))
	for i, c := range commits {
		short[i] = history.Short(c)
	}
	return strings.Join(short, ", ")
}
