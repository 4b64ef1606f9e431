// Package prose tells the words a translator translates from what only
// looks like words: code, URLs, file paths, identifiers, placeholders,
// template and shortcode calls, markup and numbers. The rule
// same-as-source calls text identical to its source "left untranslated"
// only when it holds enough words of prose: a command, a URL, a link to
// an API name or a shortcode is rightly the same in every language.
//
// The words are counted with Unicode word segmentation (UAX #29), so that
// scripts written without spaces count as they do elsewhere in glosa; a
// segment is a word when it holds a letter (numbers are not words here).
// What is code is recognised by its shape, by hand: no library tells a
// code-like token from a word, and the shapes are few (see codeLike).
package prose

import (
	"html"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Words counts the words of prose of a plain text, one whose markup (of
// Markdown, HTML or a catalog's) is already gone: template actions and
// shortcodes ({{.Name}}, {{< x >}}, {{% x %}}, {% x %}), attribute lists
// ({.class #id key=val}), placeholders (%s, %(name)s, %1$d, {name}, {0}),
// tokens shaped like code, URLs or paths, numbers, words with digits
// (utf8, x86) and words in capitals (API, NOTE) are left out.
func Words(s string) int { return len(scan(s)) }

// Names reports whether the prose of a plain text only names things, as a
// translation rightly keeps them: its two or more words all start with a
// capital letter, but for the particles of names and bylines (Guido van
// Rossum, The GNOME Project, Creative Commons License, by Ada Lovelace),
// or it is a list of single words (asyncore, asynchat, smtpd), or it
// names a C type (unsigned long long, const char).
func Names(s string) bool {
	words := scan(s)
	if len(words) == 0 {
		return false
	}
	capitals, types, items := true, true, map[int]int{}
	for _, w := range words {
		capitals = capitals && (w.capital || particles[w.text])
		types = types && cTypes[w.text]
		items[w.item]++
	}
	// One word starts with a capital letter in any sentence.
	if capitals && len(words) > 1 || types {
		return true
	}
	if len(items) < 2 {
		return false
	}
	for _, n := range items {
		if n > 1 {
			return false
		}
	}
	return true
}

// particles are the lowercase words of people's names, of lists of them
// and of bylines (Andrew Dalke and Raymond Hettinger, T. Dierks et al., by
// Ada Lovelace).
var particles = map[string]bool{
	"van": true, "von": true, "der": true, "den": true, "de": true, "da": true, "das": true, "do": true, "dos": true,
	"di": true, "del": true, "della": true, "du": true, "la": true, "le": true, "bin": true, "ibn": true, "al": true, "y": true,
	"et": true, "and": true, "by": true,
}

// cTypes are the words of C's type names, which documentation of C
// interfaces writes without markup.
var cTypes = map[string]bool{
	"signed": true, "unsigned": true, "short": true, "long": true, "int": true, "char": true, "const": true,
	"double": true, "float": true, "void": true, "bool": true, "volatile": true, "struct": true, "enum": true, "union": true,
}

// word is a word of prose: its text, whether it starts with a capital
// letter, and the item of a list (separated by commas or semicolons) it
// is in.
type word struct {
	text    string
	capital bool
	item    int
}

// scan returns the words of prose of s.
func scan(s string) []word {
	s = Strip(s)
	fields := strings.Fields(s)
	for _, f := range fields {
		if operators[f] {
			return nil // a formula or code: x = a + b
		}
	}
	var out []word
	item := 0
	part := func(p string) {
		for _, tok := range splitWide(p) {
			if !codeLike(tok) {
				out = appendWords(out, tok, item)
			}
		}
	}
	args := 0 // the parentheses a call opened, whose arguments are code
	for _, field := range fields {
		open := strings.Count(field, "(") - strings.Count(field, ")")
		if args > 0 || open > 0 && codeLike(field) {
			args = max(0, args+open)
			continue
		}
		// A comma or a semicolon ends an item of a list, also inside a
		// field (GNOME's keywords: "time;timer;alarm;").
		start := 0
		for i, r := range field {
			if isSeparator(r) {
				part(field[start:i])
				item++
				start = i + utf8.RuneLen(r)
			}
		}
		part(field[start:])
	}
	return out
}

// operators are tokens that make a text a formula or code when they stand
// between spaces.
var operators = map[string]bool{
	"=": true, "==": true, "!=": true, ":=": true, "+=": true, "-=": true, "=>": true, "->": true,
	"<=": true, ">=": true, "&&": true, "||": true, "+": true,
}

// splitWide cuts a field where text written without spaces (Chinese,
// Japanese, Thai…) meets other text, so that "使用Node.js的" is three
// tokens and the code among the words does not hide them.
func splitWide(field string) []string {
	var out []string
	start, prevWide := 0, false
	for i, r := range field {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		w := wide(r)
		if i > 0 && w != prevWide {
			out = append(out, field[start:i])
			start = i
		}
		prevWide = w
	}
	return append(out, field[start:])
}

// wide reports whether r belongs to a script written without spaces
// between words.
func wide(r rune) bool {
	return r >= 0x0E00 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

func isSeparator(r rune) bool {
	return r == ',' || r == ';' || r == '，' || r == '、' || r == '；'
}

// Strip returns s with its template actions, shortcodes, attribute lists
// and placeholders replaced by spaces: what Words does before it looks at
// the tokens.
func Strip(s string) string {
	if !strings.ContainsAny(s, "{%") {
		return s
	}
	return placeholderRE().ReplaceAllString(s, " ")
}

// placeholderRE matches what a translator keeps as it is, whatever the
// words inside: template actions and Hugo shortcodes ({{…}} in any of its
// forms, and a {{< comment >}} shortcode with its content), MDX comments
// ({/* … */}), Jinja and Liquid tags ({% … %}), Markdown attribute lists
// ({.notranslate}, {#id .class key=value}), printf verbs (%s, %5.2f,
// %1$s, %[1]d; not "50% of", whose space is no flag) and Python's
// %(name)s, and brace placeholders of Python's str.format, ICU and many
// i18n libraries ({name}, {0}, {count!r:>4}).
var placeholderRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?s)` +
		`\{\{<\s*comment\s*>\}\}.*?\{\{<\s*/comment\s*>\}\}` +
		`|\{/\*.*?\*/\}` +
		`|\{\{.*?\}\}` +
		`|\{%.*?%\}` +
		`|\{\s*(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}]*))(?:\s+(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s{}]*)))*\s*\}` +
		`|%(?:\(\w+\))?(?:\[\d+\]|\d+\$)?[-+#0]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[a-zA-Z%]` +
		`|\{\w*(?:\.\w+|\[\w+\])*(?:![rsa])?(?::[^{}\s]*)?\}`)
})

// appendWords appends the words of a token: its word segments (UAX #29)
// that hold a letter, no digit and a lowercase letter unless they are one
// letter long (so not 42, utf8 or NOTE, but I and a). A hyphen or an
// apostrophe joins two segments into one word, so that a compound
// (well-known, apt-add-repository) or an elision (l'homme) is one word,
// as a reader counts them, not the two or three UAX #29 finds.
func appendWords(out []word, tok string, item int) []word {
	state := -1
	var seg string
	counted := false // the segment before is a word, counted
	joined := false  // the segment before is a hyphen or an apostrophe after a word
	for len(tok) > 0 {
		seg, tok, state = uniseg.FirstWordInString(tok, state)
		if !hasLetter(seg) {
			joined = counted && (seg == "-" || seg == "'" || seg == "’")
			counted = false
			continue
		}
		counted = joined || isWord(seg)
		if !joined && counted {
			r, _ := utf8.DecodeRuneInString(seg)
			out = append(out, word{text: seg, capital: unicode.IsUpper(r) || unicode.IsTitle(r), item: item})
		}
		joined = false
	}
	return out
}

// isWord reports whether a word segment holding a letter is a word of
// prose: without digits, and not in capitals unless one letter long.
func isWord(seg string) bool {
	letters, upper := 0, true
	for _, r := range seg {
		if unicode.IsDigit(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
			upper = upper && !unicode.IsLower(r)
		}
	}
	// A script without case (Chinese, Arabic) has no lowercase letters:
	// it is prose whatever IsLower says.
	return letters == 1 || !upper || !hasCase(seg)
}

// hasCase reports whether s holds a letter of a script with case.
func hasCase(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// codeLike reports whether a token (a run of non-space characters) is
// shaped like code rather than a word: a URL or an e-mail address, a path
// (a/b), a dotted name between letters or digits (Node.js, config.yaml,
// os.path), an operator between them (a+b, 2*x), a name with _ or $
// (snake_case, $HOME), a camelCase name (getStaticPaths, JavaScript), a
// name with digits (utf-8, x86, latin1), a call (f(), f(x)), an option
// (-v, --help), a word in straight double quotes ("auto", "key":), or a
// token with a character prose does not use (=, <, >, @, \, |, ~, {, },
// [, ], ^, #, `).
func codeLike(tok string) bool {
	if strings.HasPrefix(tok, `"`) && strings.Count(tok, `"`) >= 2 {
		return true // "auto", "key": a literal value or a key
	}
	t := strings.Trim(tok, "\"'“”‘’«»„()[]{},;:!?¿¡.…*")
	if t == "" {
		return false
	}
	if strings.Contains(t, "://") || strings.HasPrefix(strings.ToLower(t), "www.") || strings.HasPrefix(t, "mailto:") {
		return true
	}
	if len(t) > 1 && t[0] == '-' && (t[1] == '-' || isAlnum(rune(t[1]))) {
		return true // -v, --help; a dash between words stands alone
	}
	if strings.Contains(tok, "()") || strings.ContainsAny(t, "_$=<>@\\|~{}[]`^#") || strings.Contains(t, "::") {
		return true
	}
	letters, digits := false, false
	var prev rune
	for i, r := range t {
		letters = letters || unicode.IsLetter(r)
		digits = digits || unicode.IsDigit(r)
		if i > 0 {
			_, size := utf8.DecodeRuneInString(t[i:])
			next, _ := utf8.DecodeRuneInString(t[i+size:])
			switch r {
			case '.', '/', '+', '*', '%', '&':
				if isAlnum(prev) && isAlnum(next) {
					return true
				}
			case '(':
				if isAlnum(prev) {
					return true // f(x)
				}
			}
			if unicode.IsLower(prev) && unicode.IsUpper(r) && prev < unicode.MaxLatin1 && r < unicode.MaxLatin1 {
				return true // camelCase; not across scripts or in Greek
			}
		}
		prev = r
	}
	return letters && digits
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Message returns the prose of a catalog message, whose markup is that of
// the documents it was extracted from: HTML or XML (DocBook, Mallard), in
// which tags and their attributes are not prose and the content of the
// elements for code, commands, files, keys and applications neither; and
// reStructuredText (Sphinx), in which literals (x between double
// backquotes), interpreted text (`x`), substitutions (|x|) and roles are
// not prose, but the title of a cross-reference (:ref:`the title <target>`, :doc:, :term:) and the
// text of a hyperlink within the document (`the text <#target>`_) are;
// the text of a hyperlink to another site (`Tix Programming Guide
// <https://…>`_) names what it links to, as that site does, and is not.
// What is left is for Words to count.
func Message(s string) string {
	if strings.Contains(s, "`") {
		s = rstRE().ReplaceAllStringFunc(s, rstText)
		s = strings.ReplaceAll(s, "`", " ")
	}
	if strings.Contains(s, "|") {
		s = substitutionRE().ReplaceAllString(s, " ")
	}
	if strings.ContainsAny(s, "<=") {
		s = stripTags(s)
	}
	if strings.Contains(s, "&") {
		s = html.UnescapeString(s)
	}
	return s
}

// rstRE matches reStructuredText inline markup that holds code or a
// reference: a role with its interpreted text (:ref:`x`, :py:func:`x`), a
// literal (x between double backquotes), a hyperlink reference (`text <url>`_, `name`_), and
// interpreted text in the default role (`x`).
var rstRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("(:[\\w.+-]+(?::[\\w.+-]+)*:)?``?([^`]*)``?(_{0,2})") })

// proseRoles are the Sphinx roles whose text is words for a reader: a
// cross-reference's title, a glossary term, a GUI label, an abbreviation.
var proseRoles = map[string]bool{
	":ref:": true, ":doc:": true, ":term:": true, ":numref:": true, ":guilabel:": true,
	":menuselection:": true, ":abbr:": true, ":dfn:": true, ":title-reference:": true,
}

// rstText returns the prose of one match of rstRE().
func rstText(m string) string {
	sub := rstRE().FindStringSubmatch(m)
	role, text, link := sub[1], sub[2], sub[3]
	switch {
	case strings.HasPrefix(m[len(role):], "``"):
		return " " // a literal
	case link != "" && externalRE().MatchString(text):
		return " " // a link to another site names what it links to
	case link != "": // a hyperlink: its text, without its target
		return " " + strings.TrimSpace(targetRE().ReplaceAllString(text, "")) + " "
	case proseRoles[role] && targetRE().MatchString(text):
		return " " + strings.TrimSpace(targetRE().ReplaceAllString(text, "")) + " "
	case role == ":term:" || role == ":guilabel:" || role == ":menuselection:" || role == ":dfn:":
		return " " + text + " "
	}
	return " "
}

// externalRE matches a hyperlink's text whose target is on another site.
var externalRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<(?:[a-zA-Z][\w+.-]*:|//)[^<>]*>\s*$`) })

// targetRE matches the explicit target of a reStructuredText reference:
// "title <target>".
var targetRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s*<[^<>]*>\s*$`) })

// substitutionRE matches a reStructuredText substitution reference: |name|.
var substitutionRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\|[^|\s][^|]*\|`) })

// codeElements are the HTML, DocBook and Mallard elements whose content is
// code, a command, a file, a key or an application's name: not prose.
var codeElements = map[string]bool{
	"code": true, "tt": true, "kbd": true, "samp": true, "var": true, "pre": true,
	"cmd": true, "sys": true, "file": true, "input": true, "output": true, "key": true, "keyseq": true,
	"screen": true, "app": true, "em-code": true,
	"literal": true, "command": true, "filename": true, "userinput": true, "computeroutput": true,
	"envar": true, "option": true, "replaceable": true, "varname": true, "function": true,
	"parameter": true, "classname": true, "methodname": true, "systemitem": true, "keycap": true,
	"keycombo": true, "application": true, "programlisting": true, "uri": true, "email": true,
}

// tagRE matches an HTML or XML start, end or empty tag; attrRE an
// attribute, which a message may hold without its tag (GNOME's help
// catalogs give an image as "external ref='figures/a.png' md5='…'").
var (
	tagRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<(/?)([A-Za-z][\w:.-]*)(?:\s[^<>]*)?>`) })
	attrRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*')`) })
)

// stripTags blanks the tags and attributes of s, and the content of the
// code elements.
func stripTags(s string) string {
	var b strings.Builder
	skip := "" // the code element whose content is being skipped
	depth := 0
	last := 0
	for _, m := range tagRE().FindAllStringSubmatchIndex(s, -1) {
		closing, name := m[3] > m[2], strings.ToLower(s[m[4]:m[5]])
		selfClosing := strings.HasSuffix(s[m[0]:m[1]], "/>")
		if skip == "" {
			b.WriteString(s[last:m[0]])
		}
		b.WriteByte(' ')
		last = m[1]
		switch {
		case skip == "" && !closing && !selfClosing && codeElements[name]:
			skip, depth = name, 1
		case skip == "" || name != skip || selfClosing:
		case closing:
			if depth--; depth == 0 {
				skip = ""
			}
		default:
			depth++
		}
	}
	if skip == "" {
		b.WriteString(s[last:])
	}
	return attrRE().ReplaceAllString(b.String(), " ")
}
