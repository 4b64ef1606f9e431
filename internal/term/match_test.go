package term

import (
	stdcmp "cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestForms(t *testing.T) {
	tests := []struct {
		text  string
		rules []string
		want  []string
	}{
		{"token", DefaultPlurals["en"], []string{"token", "tokens", "tokenes"}},
		{"proxy", []string{"y>ies"}, []string{"proxy", "proxies"}},
		{"modello linguistico", DefaultPlurals["it"], []string{"modello linguistico", "modello linguistici", "modelli linguistico", "modelli linguistici"}},
		{"modello di base", []string{"o>i"}, []string{"modello di base", "modelli di base"}},
		{"LLM", DefaultPlurals["en"], []string{"LLM"}},
		{"di", []string{"s"}, []string{"di"}},
		{"ajuste fino", nil, []string{"ajuste fino"}},
		{"", []string{"s"}, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Forms(tt.text, tt.rules)); diff != "" {
				t.Errorf("Forms(%q, %q) (-want +got):\n%s", tt.text, tt.rules, diff)
			}
		})
	}
}

func TestMatcher(t *testing.T) {
	terms := []Term{
		{Text: "language model", Concept: "lm"},
		{Text: "large language model", Concept: "llm"},
		{Text: "token", Concept: "token"},
		{Text: "GGUF", Concept: "gguf", CaseSensitive: true},
		{Text: "模型", Concept: "model"},
		{Text: "トークン", Concept: "token-ja"},
		{Text: "ajuste", Concept: "ajuste"},
		{Text: "prop", Concept: "prop"},
		{Text: "props", Concept: "props"},
	}
	m := NewMatcher(terms, []string{"s"})
	type found struct {
		Concept    string
		Start, End int
	}
	tests := []struct {
		name, text string
		want, all  []found
	}{
		{"inside a longer term", "A large language model.", []found{{"llm", 2, 22}}, []found{{"llm", 2, 22}, {"lm", 8, 22}}},
		{"inflected, any case", "Tokens and Language Models", []found{{"token", 0, 6}, {"lm", 11, 26}}, nil},
		{"not inside a word nor a compound", "tokenizer, subtoken, token-based, service.token, CI/token, a token.", []found{{"token", 61, 66}}, nil},
		{"case-sensitive", "gguf GGUF Gguf", []found{{"gguf", 5, 9}}, nil},
		{"Han next to Han", "大模型的", []found{{"model", 1, 3}}, nil},
		{"Katakana in Japanese text", "これはトークンです", []found{{"token-ja", 3, 7}}, nil},
		{"accented letter is a word's", "reajuste ajustes ajusteé", []found{{"ajuste", 9, 16}}, nil},
		{"an anchor, a tag, a scope", "Token {#token} #token @token/x token=1 for.*token", []found{{"token", 0, 5}}, nil},
		{"a term as written, not another's form", "props", []found{{"props", 0, 5}}, []found{{"prop", 0, 5}, {"props", 0, 5}}},
		{"combining mark is a word's", "token\u0301", nil, nil},
		{"punctuation is a boundary", "(token).", []found{{"token", 1, 6}}, nil},
		{"nothing", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conv := func(ms []Match) []found {
				var out []found
				for _, x := range ms {
					out = append(out, found{x.Term.Concept, x.Start, x.End})
				}
				return out
			}
			if diff := cmp.Diff(tt.want, conv(m.Find(tt.text))); diff != "" {
				t.Errorf("Find(%q) (-want +got):\n%s", tt.text, diff)
			}
			if tt.all != nil {
				if diff := cmp.Diff(tt.all, conv(m.FindAll(tt.text))); diff != "" {
					t.Errorf("FindAll(%q) (-want +got):\n%s", tt.text, diff)
				}
			}
		})
	}
	if !NewMatcher(nil, nil).Empty() || (*Matcher)(nil).Find("x") != nil {
		t.Error("a matcher without terms finds something")
	}
}

func TestBase(t *testing.T) {
	b := New("it", nil)
	b.Add(
		Term{Text: "modello", Lang: "it", Concept: "m"},
		Term{Text: "modelo", Lang: "es", Concept: "m"},
		Term{Text: "modelo lingual", Lang: "es", Concept: "m", Status: Forbidden},
		Term{Text: "llama.cpp", Lang: "it", Concept: "l", DoNotTranslate: true},
		Term{Text: "addestramento", Lang: "it", Concept: "a"},
		Term{Text: "entrenamiento", Lang: "es", Concept: "a", Status: Admitted},
		Term{Text: "capacitación", Lang: "es", Concept: "a", Status: Admitted},
		Term{Text: "solo italiano", Lang: "it", Concept: "s"},
		Term{Text: "  ", Lang: "en", Concept: "s"},
	)
	covered, total := b.Coverage([]string{"it", "es", "en"})
	if diff := cmp.Diff(map[string]int{"it": 4, "es": 3, "en": 1}, covered); diff != "" || total != 4 {
		t.Errorf("coverage of %d concepts (-want +got):\n%s", total, diff)
	}
	texts := func(ts []Term) []string {
		var out []string
		for _, t := range ts {
			out = append(out, t.Text)
		}
		return out
	}
	if diff := cmp.Diff([]string{"modelo"}, texts(b.Allowed("m", "es"))); diff != "" {
		t.Errorf("Allowed(m, es): %s", diff)
	}
	if diff := cmp.Diff([]string{"llama.cpp"}, texts(b.Allowed("l", "en"))); diff != "" {
		t.Errorf("Allowed(l, en), not to translate: %s", diff)
	}
	if got := b.Matcher("es", Forbidden).Find("un modelo lingual"); len(got) != 1 || got[0].Term.Concept != "m" {
		t.Errorf("forbidden matcher found %v", got)
	}
	if first := b.Matcher("es", Forbidden); first != b.Matcher("es", Forbidden) {
		t.Error("a matcher is made twice")
	}
}

// TestOutermost compares outermost with its definition, on random sets of
// matches: a match is dropped when another contains it and is longer, or
// has its span and concept and comes first, or has its span and is not
// inflected where it is.
func TestOutermost(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var ms []Match
		for range r.IntN(12) {
			s := r.IntN(8)
			ms = append(ms, Match{Term: &Term{Concept: string(rune('a' + r.IntN(3)))}, Start: s, End: s + 1 + r.IntN(4), Inflected: r.IntN(3) == 0})
		}
		var want []Match
		for i, a := range ms {
			inside := false
			for j, b := range ms {
				if i != j && b.Start <= a.Start && a.End <= b.End && (b.End-b.Start > a.End-a.Start || j < i && b.Start == a.Start && b.End == a.End && b.Term.Concept == a.Term.Concept ||
					a.Inflected && !b.Inflected && b.Start == a.Start && b.End == a.End) {
					inside = true
				}
			}
			if !inside {
				want = append(want, a)
			}
		}
		if diff := cmp.Diff(want, outermost(ms), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("outermost(%v) (-want +got):\n%s", ms, diff)
		}
	}
}

// naiveFindAll is the reference FindAll is compared with: every form of
// every term tried at every rune of the text, on the text's runes.
func naiveFindAll(m *Matcher, text string) []Match {
	runes := []rune(text)
	type hit struct {
		Match
		p int
	}
	var hits []hit
	for p, pat := range m.pats {
		n := len(pat.folded)
		for start := 0; start+n <= len(runes); start++ {
			same := true
			for k, r := range pat.folded {
				if unicode.ToLower(runes[start+k]) != r {
					same = false
					break
				}
			}
			t := &m.terms[pat.term]
			if !same || !boundary(runes, start, start+n) || t.CaseSensitive && string(runes[start:start+n]) != pat.written {
				continue
			}
			hits = append(hits, hit{Match{Term: t, Start: start, End: start + n, Inflected: pat.inflected}, p})
		}
	}
	// The automaton's order: by end, then the longest, then as the
	// patterns were given.
	slices.SortFunc(hits, func(a, b hit) int {
		return stdcmp.Or(stdcmp.Compare(a.End, b.End), stdcmp.Compare(b.End-b.Start, a.End-a.Start), stdcmp.Compare(a.p, b.p))
	})
	var out []Match
	for _, h := range hits {
		out = append(out, h.Match)
	}
	return out
}

// FuzzFindAll compares FindAll, which reads the text once by bytes, with
// naiveFindAll on the text's runes.
func FuzzFindAll(f *testing.F) {
	long := strings.Repeat("very ", 15) + "long term" // longer than FindAll's stack ring
	terms := []Term{
		{Text: "language model", Concept: "lm"},
		{Text: "large language model", Concept: "llm"},
		{Text: "token", Concept: "token"},
		{Text: "GGUF", Concept: "gguf", CaseSensitive: true},
		{Text: "Straße", Concept: "strasse", CaseSensitive: true},
		{Text: "模型", Concept: "model"},
		{Text: "トークン", Concept: "token-ja"},
		{Text: "ajuste fino", Concept: "ajuste"},
		{Text: "İstanbul", Concept: "ist"},
		{Text: long, Concept: "long"},
		{Text: "a", Concept: "a"},
	}
	m := NewMatcher(terms, DefaultPlurals["en"])
	for _, s := range []string{
		"A large language model.", "Tokens and Language Models", "tokenizer, subtoken, token-based, service.token, CI/token, a token.",
		"gguf GGUF Gguf", "大模型的", "İSTANBUL istanbul İstanbul", "STRASSE Straße straße", "#token @token token= (token)",
		"a " + long + " b " + strings.ToUpper(long) + "s", "\xe2\x82token\xff token", "ajuste fino, ajustes finos", "a-a a.a a/a",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := m.FindAll(text), naiveFindAll(m, text)
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("FindAll(%q) (-naive +got):\n%s", text, diff)
		}
	})
}
