package exchange

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp/cmpopts"
)

// ignoreLine leaves Unit.Line out of comparisons of units made in memory
// with units read from a file.
var ignoreLine = cmpopts.IgnoreFields(Unit{}, "Line")

// TestReadLines checks that every reader records each unit's line: the
// line of the file, or the one just before it, names the unit.
func TestReadLines(t *testing.T) {
	for _, s := range Formats() {
		if s.Write == nil || s.Template() {
			continue
		}
		t.Run(string(s.Name), func(t *testing.T) {
			data := export(t, s)
			f, err := Read("upload"+s.Ext(), data)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(data), "\n")
			for _, u := range f.Units {
				if u.Line < 1 || u.Line > len(lines) {
					t.Errorf("unit %s: Line = %d, want a line of the file's %d", u.ID, u.Line, len(lines))
					continue
				}
				near := lines[u.Line-1]
				if u.Line > 1 {
					near = lines[u.Line-2] + "\n" + near
				}
				if !strings.Contains(near, strings.TrimPrefix(u.ID, "llm#")) {
					t.Errorf("unit %s: line %d does not name it:\n%s", u.ID, u.Line, near)
				}
			}
		})
	}
}
