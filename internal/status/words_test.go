package status

import "testing"

func TestMessageWords(t *testing.T) {
	tests := map[string]int{
		"{{.Count}} photos":          1,
		"Welcome back, {{.Name}}":    2,
		"%d file deleted":            2,
		"%[1]s has %5.2f%% left":     2,
		"%1$s de %2$s":               1,
		"{{if .Many}}many{{end}} ok": 2,
		"Save the document now":      4,
	}
	for s, want := range tests {
		if got := MessageWords(s); got != want {
			t.Errorf("MessageWords(%q) = %d, want %d", s, got, want)
		}
	}
}
