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
