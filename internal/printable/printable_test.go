package printable

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestString(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "content/es/llm.md", "content/es/llm.md"},
		{"letters of any script", "año ñandú 日本語 العربية", "año ñandú 日本語 العربية"},
		{"a workflow command after a newline", "x\n::error::pwned", `x\n::error::pwned`},
		{"CR and tab", "a\r\tb", `a\r\tb`},
		{"an ANSI colour", "\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"an OSC title", "\x1b]0;owned\x07", `\x1b]0;owned\x07`},
		{"NUL and DEL", "a\x00b\x7f", `a\x00b\x7f`},
		{"C1 CSI", "a\u009b31m", `a\u009b31m`},
		{"bytes that are not UTF-8", "a\xff\xc3", `a\xff\xc3`},
		{"a backslash is kept", `C:\dir\n`, `C:\dir\n`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := String(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("String(%q) (-want +got):\n%s", tt.in, diff)
			}
			if again := String(got); again != got {
				t.Errorf("String is not idempotent: %q then %q", got, again)
			}
		})
	}
}

func FuzzString(f *testing.F) {
	f.Add("x\n::error::a\x1b[31m\u009b\xff")
	f.Fuzz(func(t *testing.T, s string) {
		got := String(s)
		if firstUnsafe(got) >= 0 {
			t.Fatalf("String(%q) = %q still holds a control character", s, got)
		}
		if String(got) != got {
			t.Fatalf("String(%q) = %q is not a fixed point", s, got)
		}
	})
}
