package prose

import (
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"Install the package first.", 4},
		{"well-known words", 2},
		{"apt-add-repository", 1},
		{"l'homme et la femme", 4},
		// Code, URLs, paths, identifiers.
		{"tldr docker container rm", 4}, // no markup: words
		{"getStaticPaths() returns", 1},
		{"snake_case and camelCase and JavaScript", 2},
		{"Node.js, config.yaml, os.path", 0},
		{"see https://example.com/a or www.example.org", 2},
		{"path/to/file and and/or", 1},
		{"--help -v -", 0},
		{"$HOME @user a=b x->y a::b", 0},
		{"f(x) setsockopt(level, optname, None) form added.", 2},
		{"start, start+step, start+2*step", 1},
		// Placeholders, shortcodes, attributes.
		{"{{< figure src=\"a.png\" >}} {{% param x %}} {{.Name}}", 0},
		{"Hello %s, you have %(count)d new {items} in {0}", 5},
		{"50% of users", 2},
		{"Heading {#anchor .class key=val}", 1},
		{"{{< comment >}} hidden words here {{< /comment >}} shown", 1},
		{"{/* an MDX comment */} shown", 1},
		// Numbers, digits and capitals.
		{"Version 2.0 released in 2024", 3},
		{"utf-8, latin1, cp819, L8, x86", 0},
		{"NOTE: the API and HTTP", 2},
		{"I saw a cat", 4},
		// Literal values in quotes.
		{`"resizemode": "auto" or "user" or "noresize"`, 2},
		{`Click "Save" to keep the "draft copy"`, 6}, // "Save" is a label; a quote of words is prose
		// A formula.
		{"y = slope * x + intercept", 0},
		// Scripts without spaces.
		{"これはNode.jsのドキュメントです", 7}, // Node.js left out, the rest as CountWords segments it
		{"这是一个测试", 6},              // one word per ideograph, as CountWords
	}
	for _, tt := range tests {
		if got := Words(tt.in); got != tt.want {
			t.Errorf("Words(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Guido van Rossum", true},
		{"The GNOME Project", true},
		{"Andrew Dalke and Raymond Hettinger", true},
		{"T. Dierks et al.", true},
		{"by Ada Lovelace, Example Corp; Alan Turing", true},
		{"Creative Commons Attribution-ShareAlike 3.0 Unported License", true},
		{"asynchat, asyncore, smtpd", true},
		{"unsigned long long", true},
		{"const char \\*buffer", true},
		{"Go to the World Section", false},
		{"Install the package first.", false},
		{"time;timer;alarm;world clock;stopwatch;time zone;", false},
		{"First, install it", false},
		{"这是一个测试", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := Names(tt.in); got != tt.want {
			t.Errorf("Names(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestMessage(t *testing.T) {
	tests := []struct {
		in   string
		want int // Words(Message(in))
	}{
		// reStructuredText (Sphinx).
		{"``str(accept={robuffer}, zeroes=True)``", 0},
		{"``Y`` (:class:`bytearray`) [PyByteArrayObject \\*]", 0},
		{":meth:`assertNotRegex(s, r) <TestCase.assertNotRegex>`", 0},
		{":ref:`sqlite3-connection-context-manager`", 0},
		{"See the :ref:`tasks documentation page <coroutine>`.", 5},
		{":term:`abstract base class`", 3},
		{"`Tix Programming Guide <https://tix.example.org/guide.html>`_", 0},
		{"`the next section <#next>`_ explains", 4},
		{"The address (:class:`IPv4Address`) without network information.", 5},
		{"|version| released", 1},
		// HTML, DocBook, Mallard.
		{"Press <gui style=\"button\">Add</gui> to finish adding the city.", 7},
		{"<link xref=\"world-check\">check the sunrise times</link>", 4},
		{"Run <cmd>gnome-clocks --help</cmd> in a <sys>terminal</sys>", 3},
		{"external ref='figures/clocks-add.png' md5='0123abcd'", 1},
		{"<media type=\"image\" src=\"figures/a.png\"/>", 0},
		{"Tom &amp; Jerry &lt;3", 2},
	}
	for _, tt := range tests {
		m := Message(tt.in)
		if got := Words(m); got != tt.want {
			t.Errorf("Words(Message(%q)) = %d, want %d (prose %q)", tt.in, got, tt.want, m)
		}
	}
}

// TestInLanguage: a text in a script the language is not written in is
// not that language's; Latin tells nothing.
func TestInLanguage(t *testing.T) {
	for _, c := range []struct {
		text, lang string
		want       bool
	}{
		{"High performance and low latency file storage", "zh", false},
		{"高性能 file storage", "zh", true},
		{"RocketMQ 5.0", "zh", false},
		{"Напишите код", "ru", true},
		{"Write the code", "ru", false},
		{"Write the code", "uk", false},
		{"コードを書く", "ja", true},
		{"漢字だけ", "ja", true},
		{"Write the code", "ja", false},
		{"코드", "ko", true},
		{"Write the code", "it", true}, // Latin: the script tells nothing
		{"Write the code", "sr-Latn", true},
		{"Write the code", "x-bogus-", true}, // not a tag
		{"2025", "zh", true},                 // no letters: nothing to say
	} {
		if got := InLanguage(c.text, c.lang); got != c.want {
			t.Errorf("InLanguage(%q, %q) = %v, want %v", c.text, c.lang, got, c.want)
		}
	}
}
