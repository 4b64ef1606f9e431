package suppress

import (
	"strings"
	"testing"
)

// FuzzContent reads any text as a Markdown file with front matter: it must
// not panic, every directive and problem is on a line of the file, a scope
// covers lines at or after its directive's (or the whole file), and the
// rules it names are words without spaces or commas.
func FuzzContent(f *testing.F) {
	f.Add("---\n# glosa-disable-next-line same-as-source\ntitle: x\n---\n<!-- glosa-disable structure -->\ntext\n<!-- glosa-enable -->\n")
	f.Add("{/* glosa-disable-file */}\n```\n<!-- glosa-disable -->\n```\n<!-- glosa-disable-next-line a, b -- why -->\n\npara\n")
	f.Add("<!-- glosa-enable x --><!-- glosa-disable-line --><!-- glosa- -->")
	f.Fuzz(func(t *testing.T, text string) {
		lines := strings.Count(text, "\n") + 1
		front := min(3, lines)
		file := Content([]byte(text), []Region{{From: 1, To: front, Syntax: Hash}, {From: front + 1, To: lines, Syntax: Markdown}})
		for _, d := range file.Directives {
			if d.Line < 1 || d.Line > lines || d.Column < 1 {
				t.Fatalf("directive %+v outside the file", d)
			}
			for _, r := range d.Rules {
				if r == "" || strings.ContainsAny(r, " ,\t") {
					t.Fatalf("directive %+v names rule %q", d, r)
				}
			}
		}
		for _, p := range file.Problems {
			if p.Line < 1 || p.Line > lines {
				t.Fatalf("problem %+v outside the file", p)
			}
		}
		for _, s := range file.Scopes {
			d := file.Directives[s.Directive]
			if s.From != 0 && s.From < d.Line {
				t.Fatalf("scope %+v starts before its directive %+v", s, d)
			}
			if s.To < s.From-1 {
				t.Fatalf("scope %+v ends before it starts", s)
			}
		}
	})
}
