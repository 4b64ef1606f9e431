package lang

import "testing"

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{in: "es", want: "es"},
		{in: "pt_BR", want: "pt-BR"},
		{in: "pt-br", want: "pt-BR"},
		{in: "es-419", want: "es-419"},
		{in: "EN", want: "en"},
		{in: "", bad: true},
		{in: "images", bad: true},
		{in: "e", bad: true},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("Parse(%q) = %q, want error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestName(t *testing.T) {
	for code, want := range map[string]string{"es": "español", "it": "italiano", "en": "English", "zz-invalid": "zz-invalid"} {
		if got := Name(code); got != want {
			t.Errorf("Name(%q) = %q, want %q", code, got, want)
		}
	}
}
