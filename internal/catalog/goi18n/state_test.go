package goi18n

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

func TestHash(t *testing.T) {
	// Hashes goi18n merge v2.7.0 wrote in testdata/merge/out.
	tests := []struct {
		m    *Message
		want string
	}{
		{&Message{Description: "Greeting on the home page", Text: map[Form]string{Other: "Welcome back, {{.Name}}"}}, "sha1-afc4d77c0f7d8f415ab453308efc4da7d4d02f30"},
		{&Message{Description: "Count of unread emails", Text: map[Form]string{One: "{{.Count}} unread email", Other: "{{.Count}} unread emails"}}, "sha1-0ff2cf5a757470e0a1217d094b8f30f640ecc83e"},
		{&Message{Text: map[Form]string{Other: "Terms"}}, "sha1-a55a275aa676930d9258569485d5b38eb1196630"},
	}
	for _, tt := range tests {
		if got := Hash(tt.m); got != tt.want {
			t.Errorf("Hash(%v) = %s, want %s", tt.m, got, tt.want)
		}
	}
}

func TestStateOf(t *testing.T) {
	src := &Message{ID: "m", Description: "d", Text: map[Form]string{One: "one", Other: "many"}}
	h := Hash(src)
	text := map[Form]string{Other: "muchos"}
	tests := []struct {
		name   string
		source *Message
		tr     *Message
		want   State
		need   bool
	}{
		{"current", src, &Message{Hash: h, Text: map[Form]string{One: "uno", Many: "x", Other: "muchos"}}, Current, false},
		{"current but a form short", src, &Message{Hash: h, Text: text}, Current, true},
		{"same as source is current", src, &Message{Hash: h, Text: map[Form]string{One: "one", Many: "many", Other: "many"}}, Current, false},
		{"stale", src, &Message{Hash: "sha1-old", Text: text}, Stale, true},
		{"untranslated beats stale", src, &Message{Hash: "sha1-old", Text: map[Form]string{}}, Untranslated, true},
		{"untranslated", src, &Message{Hash: h}, Untranslated, true},
		{"other empty is untranslated", src, &Message{Text: map[Form]string{One: "uno"}}, Untranslated, true},
		{"unverified", src, &Message{Text: map[Form]string{One: "uno", Many: "x", Other: "muchos"}}, Unverified, false},
		{"missing", src, nil, Missing, true},
		{"orphan", nil, &Message{Text: text}, Orphan, false},
	}
	esForms := []Form{One, Many, Other}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := StateOf(tt.source, tt.tr); got != tt.want {
				t.Errorf("StateOf = %v, want %v", got, tt.want)
			}
			if got := NeedsTranslation(tt.source, tt.tr, esForms); got != tt.need {
				t.Errorf("NeedsTranslation = %v, want %v", got, tt.need)
			}
		})
	}
}

func TestPluralForms(t *testing.T) {
	tests := []struct {
		lang string
		want []Form
		ok   bool
	}{
		{"en", []Form{One, Other}, true},
		{"de", []Form{One, Other}, true},
		{"es", []Form{One, Many, Other}, true},
		{"fr", []Form{One, Many, Other}, true},
		{"it", []Form{One, Many, Other}, true},
		{"pt-BR", []Form{One, Many, Other}, true},
		{"ru", []Form{One, Few, Many, Other}, true},
		{"lt", []Form{One, Few, Many, Other}, true},
		{"ar", []Form{Zero, One, Two, Few, Many, Other}, true},
		{"ja", []Form{Other}, true},
		{"zh-Hant", []Form{Other}, true},
		{"tlh", nil, false},
	}
	for _, tt := range tests {
		got, ok := PluralForms(language.MustParse(tt.lang))
		if ok != tt.ok || !cmp.Equal(got, tt.want) {
			t.Errorf("PluralForms(%s) = %v, %v; want %v, %v", tt.lang, got, ok, tt.want, tt.ok)
		}
	}
}

func TestStub(t *testing.T) {
	src := &Message{ID: "m", Description: "d", Text: map[Form]string{One: "a file", Other: "files"}}
	got := Stub(src, []Form{One, Many, Other})
	want := &Message{ID: "m", Description: "d", Hash: Hash(src), Text: map[Form]string{One: "", Many: "", Other: ""}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Stub (-want +got):\n%s", diff)
	}
	if s := StateOf(src, got); s != Untranslated {
		t.Errorf("a stub is %v, want untranslated", s)
	}
	if c := SourceComment("en", src); c != "en (one): a file\nen (other): files" {
		t.Errorf("SourceComment = %q", c)
	}
}
