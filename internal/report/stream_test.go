package report

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestStreamedLikeWhole: a document written with its array streamed is
// byte for byte what WriteJSON writes of the whole.
func TestStreamedLikeWhole(t *testing.T) {
	type row struct {
		Name  string   `json:"name"`
		Tags  []string `json:"tags"`
		Empty []int    `json:"empty"`
	}
	type doc struct {
		Version int    `json:"version"`
		Rows    []row  `json:"rows"`
		Note    string `json:"note"`
		Tail    *row   `json:"tail,omitempty"`
	}
	rows := []row{
		{Name: "a <b> & \"c\"\n  \"rows\": []", Tags: []string{"x", "y"}, Empty: []int{}},
		{Name: "é", Tags: nil},
		{Name: "", Tags: []string{}, Empty: []int{1, 2}},
	}
	for n := range len(rows) + 1 {
		t.Run("", func(t *testing.T) {
			whole := doc{Version: 1, Rows: append([]row{}, rows[:n]...), Note: "\n  \"rows\": []", Tail: &row{Name: "t"}}
			var want, got bytes.Buffer
			if err := WriteJSON(&want, whole); err != nil {
				t.Fatal(err)
			}
			head := whole
			head.Rows = []row{}
			err := writeJSONStreamed(&got, head, "rows", func(emit func(any) error) error {
				for _, r := range rows[:n] {
					if err := emit(r); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(want.String(), got.String()); d != "" {
				t.Errorf("%d rows (-whole +streamed):\n%s", n, d)
			}
		})
	}
}

// TestStreamedTwoFields: two top-level arrays streamed, in the document's
// order, are what WriteJSON writes of the whole; out of order, an error.
func TestStreamedTwoFields(t *testing.T) {
	type doc struct {
		Rows  []string `json:"rows"`
		Note  string   `json:"note"`
		Extra []int    `json:"extra"`
		Tail  string   `json:"tail"`
	}
	whole := doc{Rows: []string{"a", "\n  \"extra\": []"}, Note: "n", Extra: []int{1, 2, 3}, Tail: "t"}
	var want, got bytes.Buffer
	if err := WriteJSON(&want, whole); err != nil {
		t.Fatal(err)
	}
	yield := func(vs ...any) func(func(any) error) error {
		return func(emit func(any) error) error {
			for _, v := range vs {
				if err := emit(v); err != nil {
					return err
				}
			}
			return nil
		}
	}
	head := doc{Rows: []string{}, Note: "n", Extra: []int{}, Tail: "t"}
	if err := writeJSONStreamed(&got, head, "rows", yield("a", "\n  \"extra\": []"), streamed{"extra", yield(1, 2, 3)}); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want.String(), got.String()); d != "" {
		t.Errorf("(-whole +streamed):\n%s", d)
	}
	if err := writeJSONStreamed(&bytes.Buffer{}, head, "extra", yield(), streamed{"rows", yield()}); err == nil {
		t.Error("fields out of the document's order: no error")
	}
}
