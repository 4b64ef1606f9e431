package blockdiff

// op is one step of an edit script: '=' keeps a[A] as b[B], '-' deletes
// a[A] (B is where b stands), '+' inserts b[B] (A is where a stands).
type op struct {
	kind byte
	a, b int
}

// maxEdits bounds the Myers search: its trace takes memory quadratic in
// the number of edits, and past this many a diff is a rewrite anyway.
const maxEdits = 2000

// edits returns a shortest edit script turning a into b (Myers, "An O(ND)
// Difference Algorithm and Its Variations", 1986), with the common prefix
// and suffix taken off first. Written by hand: no well-kept library in
// go.mod does this, and it is a page of code. Past maxEdits edits the rest
// is given as all of a deleted and all of b inserted.
func edits[T comparable](a, b []T) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var out []op
	for i := range pre {
		out = append(out, op{'=', i, i})
	}
	for _, o := range myers(a[pre:len(a)-suf], b[pre:len(b)-suf]) {
		o.a += pre
		o.b += pre
		out = append(out, o)
	}
	for i := range suf {
		out = append(out, op{'=', len(a) - suf + i, len(b) - suf + i})
	}
	return out
}

func myers[T comparable](a, b []T) []op {
	n, m := len(a), len(b)
	if n == 0 && m == 0 {
		return nil
	}
	maxD := n + m
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	// trace[d] holds v[k] for k in -(d+1)..d+1 as it was when step d began.
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		if d > maxEdits {
			return replace(n, m)
		}
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, n, m)
			}
		}
	}
	return replace(n, m)
}

func backtrack(trace [][]int, n, m int) []op {
	var rev []op
	x, y := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		v := trace[d]
		at := func(k int) int { return v[k+d+1] }
		k := x - y
		var prevK int
		if k == -d || k != d && at(k-1) < at(k+1) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := at(prevK)
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			rev = append(rev, op{'=', x - 1, y - 1})
			x--
			y--
		}
		if d > 0 {
			if x == prevX {
				rev = append(rev, op{'+', x, y - 1})
			} else {
				rev = append(rev, op{'-', x - 1, y})
			}
		}
		x, y = prevX, prevY
	}
	out := make([]op, len(rev))
	for i, o := range rev {
		out[len(rev)-1-i] = o
	}
	return out
}

// replace is the script that deletes all of a and inserts all of b.
func replace(n, m int) []op {
	out := make([]op, 0, n+m)
	for i := range n {
		out = append(out, op{'-', i, 0})
	}
	for j := range m {
		out = append(out, op{'+', n, j})
	}
	return out
}
