package editdistance

import "testing"

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"same", "same", 0}, {"flaw", "lawn", 2},
	}
	for _, tt := range tests {
		if got := Distance([]byte(tt.a), []byte(tt.b)); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	if got := Distance([]string{"list", "every", "pod"}, []string{"list", "each", "pod", "now"}); got != 2 {
		t.Errorf("word distance = %d, want 2", got)
	}
}
