package status

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestSortMessages compares sortMessages with sort.SliceStable by domain
// and ID, on messages with equal keys whose order (their lines) must stay.
func TestSortMessages(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 200 {
		var ms []Message
		for i := range rng.IntN(60) {
			ms = append(ms, Message{Domain: string(rune('a' + rng.IntN(3))), ID: string(rune('x' + rng.IntN(3))), Line: i})
		}
		want := slices.Clone(ms)
		sort.SliceStable(want, func(a, b int) bool {
			if want[a].Domain != want[b].Domain {
				return want[a].Domain < want[b].Domain
			}
			return want[a].ID < want[b].ID
		})
		got := sortMessages(ms)
		if !slices.EqualFunc(got, want, func(a, b Message) bool { return a.Domain == b.Domain && a.ID == b.ID && a.Line == b.Line }) {
			t.Fatalf("sortMessages(%v) = %v, want %v", ms, got, want)
		}
	}
}
