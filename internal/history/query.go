package history

import (
	"sort"
	"strings"
)

// Changes returns the changes to the file at path, newest first, following
// renames backwards: a file renamed from old.md also gets old.md's earlier
// changes. The commit that renamed or deleted a file is among that file's
// changes, as in `git log --follow`.
func (ix *Index) Changes(path string) []Change {
	var out []Change
	ix.follow(ix.top(path), func(i int32) bool {
		out = append(out, ix.change(i))
		return true
	})
	return out
}

// LastChange returns the newest change to path (following renames), ok
// false when the file has no history (untracked).
func (ix *Index) LastChange(path string) (Change, bool) {
	var last Change
	found := false
	ix.follow(ix.top(path), func(i int32) bool {
		last, found = ix.change(i), true
		return false
	})
	return last, found
}

// Since returns the changes to the file at path (following renames) in
// commits after commit since, newest first. "After" follows the DAG, not
// timestamps: the changes are those of the commits reachable from HEAD but
// not from since, what `git log since..HEAD --follow -- path` lists (but
// see the package comment on merges).
//
// since may be a full or abbreviated hash (at least 4 hex digits,
// unambiguous among the indexed commits) or any revision git rev-parse
// resolves, which it runs once per distinct since. ok is false when since
// is not a commit of the history: unknown, not an ancestor of HEAD, or cut
// off by a shallow clone.
func (ix *Index) Since(path, since string) (changes []Change, ok bool) {
	s, ok := ix.resolve(since)
	if !ok {
		return nil, false
	}
	ix.follow(ix.top(path), func(i int32) bool {
		if c := ix.changes[i].commit; !ix.reaches(s, c) {
			changes = append(changes, ix.change(i))
		}
		return true
	})
	return changes, true
}

// ChangedAfter reports whether path changed in commits after the last
// commit that changed other (renames followed for both): whether a
// translation at other is older than its source at path. ok is false when
// either has no history.
func (ix *Index) ChangedAfter(path, other string) (changed, ok bool) {
	last, ok := ix.LastChange(other)
	if !ok {
		return false, false
	}
	if _, ok := ix.LastChange(path); !ok {
		return false, false
	}
	after, ok := ix.Since(path, last.Commit)
	return len(after) > 0, ok
}

// RenamedTo returns where a path that no longer exists went: the newest
// rename whose OldPath is path, following chains a→b→c to c. It returns ""
// when the path was not renamed away, exists again, or the chain ends in a
// deletion.
func (ix *Index) RenamedTo(path string) string {
	p := ix.top(path)
	bound := int32(-1) // only changes newer than the rename that led here count
	for {
		var newest *change
		at := int32(-1)
		if l := ix.byPath[p]; len(l) > 0 && (bound < 0 || l[0] < bound) {
			newest, at = &ix.changes[l[0]], l[0]
		}
		switch {
		case newest == nil:
			// Nothing newer than the rename that led to p: p is where the file is.
			if bound < 0 {
				return ""
			}
			return ix.rel(p)
		case newest.status == 'R' && newest.oldPath == p:
			p, bound = newest.path, at
		case newest.status == 'D':
			return ""
		default:
			if bound < 0 {
				return "" // path exists
			}
			return ix.rel(p)
		}
	}
}

// follow calls fn with the indices of the changes to the file at p (top
// relative), newest first, switching to a rename's old path at the rename,
// until fn returns false.
func (ix *Index) follow(p string, fn func(int32) bool) {
	bound := int32(-1) // changes at or before this index are newer than the file's current name
	for {
		next := ""
		for _, i := range ix.byPath[p] {
			if i <= bound {
				continue
			}
			if !fn(i) {
				return
			}
			if ch := &ix.changes[i]; ch.status == 'R' && ch.path == p {
				next, bound = ch.oldPath, i
				break
			}
		}
		if next == "" {
			return
		}
		p = next
	}
}

func (ix *Index) change(i int32) Change {
	ch := &ix.changes[i]
	c := &ix.commits[ch.commit]
	return Change{Commit: c.hash, Time: c.time, Status: ch.status, Path: ix.rel(ch.path), OldPath: ix.rel(ch.oldPath)}
}

// resolve finds the indexed commit a revision names.
func (ix *Index) resolve(rev string) (int32, bool) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return 0, false
	}
	if i, ok := ix.byHash[rev]; ok {
		return i, true
	}
	if h := strings.ToLower(rev); len(h) >= 4 && isHex(h) {
		n := sort.SearchStrings(ix.sorted, h)
		if n < len(ix.sorted) && strings.HasPrefix(ix.sorted[n], h) {
			if n+1 < len(ix.sorted) && strings.HasPrefix(ix.sorted[n+1], h) {
				return 0, false // ambiguous among the commits of the history
			}
			return ix.byHash[ix.sorted[n]], true
		}
	}
	// Not a commit of the history by its hash: a ref, or a commit outside
	// the history (another branch, or cut off by a shallow clone), which
	// git resolves if it has it.
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if i, ok := ix.resolved[rev]; ok {
		return i, i >= 0
	}
	i := int32(-1)
	if ix.head != "" {
		if out, err := ix.git("rev-parse", "--quiet", "--verify", rev+"^{commit}"); err == nil {
			if j, ok := ix.byHash[strings.TrimSpace(string(out))]; ok {
				i = j
			}
		}
	}
	ix.resolved[rev] = i
	return i, i >= 0
}

func isHex(s string) bool {
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// reaches reports whether commit c is reachable from commit s (s itself
// included). In --topo-order no commit comes before a commit it reaches, so
// a commit listed before s is not reachable from it; in a history without
// merges every commit listed after s is. Otherwise the answer comes from
// the set of commits s reaches, computed from the parents once per s.
func (ix *Index) reaches(s, c int32) bool {
	if c < s {
		return false
	}
	if c == s || ix.linear {
		return true
	}
	set := ix.reachable(s)
	return set[c/64]&(1<<(c%64)) != 0
}

func (ix *Index) reachable(s int32) []uint64 {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if set, ok := ix.ancestors[s]; ok {
		return set
	}
	set := make([]uint64, (len(ix.commits)+63)/64)
	stack := []int32{s}
	set[s/64] |= 1 << (s % 64)
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range ix.commits[c].parents {
			if set[p/64]&(1<<(p%64)) == 0 {
				set[p/64] |= 1 << (p % 64)
				stack = append(stack, p)
			}
		}
	}
	ix.ancestors[s] = set
	return set
}

// Short abbreviates a commit hash for people, as git does: its first
// seven digits.
func Short(commit string) string {
	if len(commit) > 7 {
		return commit[:7]
	}
	return commit
}
