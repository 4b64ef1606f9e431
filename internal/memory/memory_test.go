package memory

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExact(t *testing.T) {
	m := New(DefaultMinScore)
	m.Add(Pair{Source: "More information:  see the docs.", Target: "Más información: vea la documentación.", Origin: "a.md:3"})
	m.Add(Pair{Source: "More information: see the docs.", Target: "Más información: consulte la documentación.", Origin: "b.md:3"})
	m.Add(Pair{Source: "More information: see the docs.", Target: "Más información: consulte la documentación.", Origin: "c.md:3"})
	m.Add(Pair{Source: "Note", Target: "Nota", Origin: "d.md:1"})
	m.Add(Pair{Source: "{{< tabpane text=true >}} {{% tab Erlang %}}", Target: "{{< tabpane text=true >}} {{% tab Erlang %}}", Origin: "f.md:1"})
	m.Add(Pair{Source: "An empty one here", Target: " ", Origin: "e.md:1"})
	tests := []struct {
		source string
		best   string
		others []string
		ok     bool
	}{
		{"More information: see\nthe docs.", "Más información: consulte la documentación.", []string{"Más información: vea la documentación."}, true},
		{"Note", "", nil, false}, // too short to trust
		{"{{< tabpane text=true >}} {{% tab Erlang %}}", "", nil, false}, // shortcodes only
		{"An empty one here", "", nil, false},                            // no target
		{"more information: see the docs.", "", nil, false},              // case counts
	}
	for _, tt := range tests {
		best, others, ok := m.Exact(tt.source)
		var got []string
		for _, o := range others {
			got = append(got, o.Target)
		}
		if ok != tt.ok || best.Target != tt.best || !cmp.Equal(got, tt.others) {
			t.Errorf("Exact(%q) = %q, %q, %v; want %q, %q, %v", tt.source, best.Target, got, ok, tt.best, tt.others, tt.ok)
		}
	}
	if best, _, _ := m.Exact("More information: see the docs."); best.Origin != "b.md:3" {
		t.Errorf("the most frequent translation comes from %s, want its first place b.md:3", best.Origin)
	}
}

func TestNear(t *testing.T) {
	m := New(DefaultMinScore)
	m.Add(Pair{Source: "Use the kubectl command to list every pod.", Target: "Use kubectl para listar cada pod.", Origin: "a.md:1"})
	m.Add(Pair{Source: "Use the kubectl command to list every node.", Target: "Use kubectl para listar cada nodo.", Origin: "b.md:1"})
	m.Add(Pair{Source: "Use the kubectl command to list every node.", Target: "Use kubectl para listar cada nodo.", Origin: "c.md:1"})
	m.Add(Pair{Source: "Something else entirely, unrelated to it.", Target: "Otra cosa.", Origin: "d.md:1"})
	got := m.Near("Use the kubectl command to list every service.", 3)
	want := []Match{
		{Pair{Source: "Use the kubectl command to list every pod.", Target: "Use kubectl para listar cada pod.", Origin: "a.md:1"}, 87},
		{Pair{Source: "Use the kubectl command to list every node.", Target: "Use kubectl para listar cada nodo.", Origin: "b.md:1"}, 87},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Near (-want +got):\n%s", diff)
	}
	if got := m.Near("Use the kubectl command to list every pod.", 3); len(got) != 1 || got[0].Score != 87 {
		t.Errorf("an exact match is Exact's, not Near's: %v", got)
	}
}

// TestNearIndex checks the index against comparing every pair.
func TestNearIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("the a pod node service list every use command kubectl run deploy get set of to in and or")
	text := func() string {
		n := 3 + r.IntN(8)
		var w []string
		for range n {
			w = append(w, words[r.IntN(len(words))])
		}
		return strings.Join(w, " ")
	}
	m := New(DefaultMinScore)
	for i := range 500 {
		m.Add(Pair{Source: text(), Target: "t", Origin: fmt.Sprint(i)})
	}
	for range 200 {
		q := text()
		got := m.Near(q, 1000)
		m.build()
		qt := m.tokenIDs(tokens(q), false)
		n := 0
		seen := map[string]bool{}
		for i, p := range m.pairs {
			s := ratio(qt, m.toks[i])
			if s >= DefaultMinScore && s < 100 && !seen[p.Source] {
				seen[p.Source] = true
				n++
			}
		}
		if len(got) != n {
			t.Fatalf("Near(%q) found %d pairs, a full scan %d", q, len(got), n)
		}
	}
}

func BenchmarkNear(b *testing.B) { benchNear(b, false) }

// BenchmarkNearScan is what Near would cost comparing every pair.
func BenchmarkNearScan(b *testing.B) { benchNear(b, true) }

func benchNear(b *testing.B, scan bool) {
	r := rand.New(rand.NewPCG(1, 2))
	var words []string
	for i := range 5000 {
		words = append(words, fmt.Sprintf("w%d", i))
	}
	text := func() string {
		n := 5 + r.IntN(30)
		var w []string
		for range n {
			// Zipf-like: common words often, rare words seldom.
			w = append(w, words[int(float64(len(words))*r.Float64()*r.Float64()*r.Float64())])
		}
		return strings.Join(w, " ")
	}
	m := New(DefaultMinScore)
	for i := range 30000 {
		m.Add(Pair{Source: text(), Target: "t", Origin: fmt.Sprint(i)})
	}
	m.build()
	qs := make([]string, 1000)
	for i := range qs {
		qs[i] = text()
	}
	b.ResetTimer()
	for i := range b.N {
		if !scan {
			m.Near(qs[i%len(qs)], 3)
			continue
		}
		q := m.tokenIDs(tokens(qs[i%len(qs)]), false)
		for _, c := range m.toks {
			if m.lengthsFit(len(q), len(c)) {
				ratio(q, c)
			}
		}
	}
}
