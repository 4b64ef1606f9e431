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

func TestBaseRegionEnglishName(t *testing.T) {
	tests := []struct {
		code, base, region, english string
	}{
		{"es", "es", "", "Spanish"},
		{"es-419", "es", "419", "Latin American Spanish"},
		{"pt-BR", "pt", "BR", "Brazilian Portuguese"},
		{"zh-Hant-TW", "zh", "TW", "Traditional Chinese (Taiwan)"},
		{"en-US", "en", "US", "American English"},
		{"it", "it", "", "Italian"},
	}
	for _, tt := range tests {
		if got := Base(tt.code); got != tt.base {
			t.Errorf("Base(%q) = %q, want %q", tt.code, got, tt.base)
		}
		if got := Region(tt.code); got != tt.region {
			t.Errorf("Region(%q) = %q, want %q", tt.code, got, tt.region)
		}
		if got := EnglishName(tt.code); got != tt.english {
			t.Errorf("EnglishName(%q) = %q, want %q", tt.code, got, tt.english)
		}
	}
	if got := EnglishName("not a tag!"); got != "not a tag!" {
		t.Errorf("EnglishName of junk = %q", got)
	}
	if got := Region("not a tag!"); got != "" {
		t.Errorf("Region of junk = %q", got)
	}
}
