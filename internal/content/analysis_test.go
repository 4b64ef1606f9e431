package content

import "testing"

func TestEntryWords(t *testing.T) {
	d := mustParse(t, lines("---",
		"title: Grandes modelos", // 2 words
		"category: Not counted",  // a key
		"sources:",
		"  - text: El artículo original", // 3 words
		"    url: https://example.com/not/counted",
		"---",
		"",
		"Un párrafo de cinco palabras. [1]", // 5 words: a citation is none
		"",
		"```",
		"code is not counted",
		"```",
	))
	e := &Entry{Doc: d}
	if got, want := e.Words(sampleSchema(t)), 2+3+5; got != want {
		t.Errorf("Words = %d, want %d", got, want)
	}
	if got := e.Body().Citations; len(got) != 1 || got[0].Line != 9 {
		t.Errorf("Body citations %+v, want one on line 9 of the file", got)
	}
	// Without a document (a file that cannot be read) there are none.
	if got := (&Entry{}).Words(sampleSchema(t)); got != 0 {
		t.Errorf("Words of an unread entry = %d", got)
	}
}
