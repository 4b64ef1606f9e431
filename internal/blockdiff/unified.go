package blockdiff

import (
	"fmt"
	"strings"
)

// Unified returns a unified diff of two texts, as diff -u and git diff
// write it: "--- oldName" and "+++ newName" headers, hunks with context
// lines of context, and "\ No newline at end of file" after a last line
// without one. Equal texts give "".
func Unified(oldName, newName string, old, new []byte, context int) string {
	a, b := splitLines(string(old)), splitLines(string(new))
	ops := edits(a, b)
	var w strings.Builder
	for i := 0; i < len(ops); {
		if ops[i].kind == '=' {
			i++
			continue
		}
		// A hunk: changes whose gaps of kept lines are at most 2*context,
		// with context lines either side.
		start := max(i-context, 0)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != '=' {
				end = j
				continue
			}
			if j-end > 2*context {
				break
			}
		}
		stop := min(end+context+1, len(ops))
		if w.Len() == 0 {
			fmt.Fprintf(&w, "--- %s\n+++ %s\n", oldName, newName)
		}
		writeHunk(&w, ops[start:stop], a, b)
		i = stop
	}
	return w.String()
}

func writeHunk(w *strings.Builder, ops []op, a, b []string) {
	oldN, newN := 0, 0
	for _, o := range ops {
		if o.kind != '+' {
			oldN++
		}
		if o.kind != '-' {
			newN++
		}
	}
	fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(ops[0].a, oldN), hunkRange(ops[0].b, newN))
	for _, o := range ops {
		line := ""
		switch o.kind {
		case '=':
			line = " " + a[o.a]
		case '-':
			line = "-" + a[o.a]
		case '+':
			line = "+" + b[o.b]
		}
		w.WriteString(line)
		if !strings.HasSuffix(line, "\n") {
			w.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange writes a hunk's start and length: an empty range starts at
// the line before it, and a length of 1 is left out.
func hunkRange(start, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines splits text into lines that keep their "\n", so that a last
// line without one differs from the same line with one.
func splitLines(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}
