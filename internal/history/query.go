package history

import (
	"bytes"
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
// see the package comment on merges). since need not be an ancestor of
// HEAD: a commit of a branch that was never merged, or whose merge was a
// squash, has HEAD's commits since it and its branch point after it.
//
// since may be a full or abbreviated hash (at least 4 hex digits,
// unambiguous among the indexed commits) or any revision git resolves.
// Revisions that are not indexed commits are asked of git, two processes
// for all that Resolve is given at once, else for each on first use. ok is
// false when since is not a commit git has (unknown, or cut off by a
// shallow clone).
func (ix *Index) Since(path, since string) (changes []Change, ok bool) {
	tips, ok := ix.resolve(since)
	if !ok {
		return nil, false
	}
	ix.follow(ix.top(path), func(i int32) bool {
		if c := ix.changes[i].commit; !ix.reachesAny(tips, c) {
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

// resolve returns the indexed commits that bound what a revision reaches
// of the history: the commit itself when it is indexed; for a commit off
// HEAD's history, the indexed commits its own history meets (see
// Resolve).
func (ix *Index) resolve(rev string) ([]int32, bool) {
	if i, ok := ix.indexed(rev); ok {
		return []int32{i}, true
	}
	if !resolvable(rev) {
		return nil, false
	}
	ix.Resolve([]string{rev})
	ix.mu.Lock()
	defer ix.mu.Unlock()
	tips, ok := ix.resolved[rev]
	return tips, ok && tips != nil
}

// indexed finds the indexed commit a full or abbreviated hash names.
func (ix *Index) indexed(rev string) (int32, bool) {
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
	return 0, false
}

// resolvable reports whether rev may be given to git: not an option, and
// on one line for the batch protocols.
func resolvable(rev string) bool {
	return rev != "" && !strings.HasPrefix(rev, "-") && !strings.ContainsAny(rev, "\n\r\x00")
}

// Resolve asks git, at once, about the revisions that are not commits of
// the history by their hash — refs, commits of other branches, commits a
// shallow clone cut off, or nothing git has — so that Since answers for
// them without running git again: one `git cat-file --batch-check` finds
// which name commits, and one `git rev-list` walks the history of those
// HEAD does not reach, back to the commits of the index where it meets
// it. A commit off HEAD's history then reaches exactly the indexed commits
// those reach, which is what `since..HEAD` subtracts. Revisions already
// known cost nothing; a failure of git leaves them unknown.
func (ix *Index) Resolve(revs []string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var ask []string
	seen := map[string]bool{}
	for _, rev := range revs {
		if seen[rev] || !resolvable(rev) {
			continue
		}
		seen[rev] = true
		if _, ok := ix.resolved[rev]; ok {
			continue
		}
		if _, ok := ix.indexed(rev); ok {
			continue
		}
		ix.resolved[rev] = nil // unknown unless found below
		if ix.head != "" {
			ask = append(ask, rev)
		}
	}
	if len(ask) == 0 {
		return
	}
	oids := ix.commitsOf(ask)
	var side []string
	for _, rev := range ask {
		oid, ok := oids[rev]
		if !ok {
			continue
		}
		if i, ok := ix.byHash[oid]; ok {
			ix.resolved[rev] = []int32{i}
		} else {
			side = append(side, oid)
		}
	}
	if len(side) == 0 {
		return
	}
	tips := ix.sideTips(side)
	for _, rev := range ask {
		if t, ok := tips[oids[rev]]; ok {
			ix.resolved[rev] = t
		}
	}
}

// commitsOf maps each revision that names a commit to its full hash, with
// one `git cat-file --batch-check`.
func (ix *Index) commitsOf(revs []string) map[string]string {
	var in bytes.Buffer
	for _, rev := range revs {
		in.WriteString(rev + "^{commit}\n")
	}
	out, err := ix.gitIn(&in, "cat-file", "--batch-check=%(objectname) %(objecttype)")
	found := map[string]string{}
	if err != nil {
		return found
	}
	// One line per revision, in order: "<hash> commit", or "<rev> missing",
	// "<rev> ambiguous".
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != len(revs) {
		return found
	}
	for i, line := range lines {
		if oid, typ, ok := strings.Cut(line, " "); ok && typ == "commit" && len(oid) >= 40 && isHex(oid) {
			found[revs[i]] = oid
		}
	}
	return found
}

// sideTips returns, for each commit HEAD does not reach, the indexed
// commits its history meets: the indexed parents of the commits reachable
// from it and not from HEAD, listed by one `git rev-list --parents`. A
// commit whose history ends at a shallow clone's graft before meeting
// HEAD's has no entry: what it reaches cannot be known. One whose history
// never meets HEAD's (an unrelated root) has an empty list: every commit
// of HEAD's history comes after it.
func (ix *Index) sideTips(side []string) map[string][]int32 {
	var in bytes.Buffer
	for _, oid := range side {
		in.WriteString(oid + "\n")
	}
	in.WriteString("^" + ix.head + "\n")
	out, err := ix.gitIn(&in, "rev-list", "--parents", "--stdin")
	if err != nil {
		return nil
	}
	parents := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			parents[f[0]] = f[1:]
		}
	}
	result := map[string][]int32{}
	for _, oid := range side {
		var tips []int32
		known := true
		seen := map[string]bool{oid: true}
		stack := []string{oid}
		for len(stack) > 0 && known {
			c := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			ps, listed := parents[c]
			if !listed || len(ps) == 0 && ix.shallow {
				// Not walked (git failed us), or a graft: the rest of
				// its history is not in the clone.
				known = false
				break
			}
			for _, p := range ps {
				if seen[p] {
					continue
				}
				seen[p] = true
				if i, ok := ix.byHash[p]; ok {
					tips = append(tips, i)
				} else {
					stack = append(stack, p)
				}
			}
		}
		if known {
			if tips == nil {
				tips = []int32{}
			}
			result[oid] = tips
		}
	}
	return result
}

func isHex(s string) bool {
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// reachesAny reports whether commit c is reachable from one of tips.
func (ix *Index) reachesAny(tips []int32, c int32) bool {
	for _, s := range tips {
		if ix.reaches(s, c) {
			return true
		}
	}
	return false
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

// reachable returns the set of commits s reaches. Its walk stops at the
// commits whose sets are known, taking theirs whole: a report asks about
// thousands of commits of one history, and each walk then covers only the
// stretch down to the commits asked about before.
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
			if set[p/64]&(1<<(p%64)) != 0 {
				continue
			}
			if known, ok := ix.ancestors[p]; ok {
				// p and all it reaches; no commit before p is among them.
				for w := p / 64; w < int32(len(set)); w++ {
					set[w] |= known[w]
				}
				continue
			}
			set[p/64] |= 1 << (p % 64)
			stack = append(stack, p)
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
