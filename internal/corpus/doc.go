package corpus

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
	"unicode"
	"unicode/utf8"
)

// categories are the values of the category key field, the same in every
// language.
var categories = []string{
	"Basics", "Models", "Techniques", "Advanced Topics", "Formats", "Hardware",
	"Training", "Inference", "Tools", "Datasets", "Evaluation", "Safety",
}

// doc is one entry in the abstract: everything about it but its words.
// Rendering it in a language draws the same random numbers in the same
// order, so every language has the same structure, links, code and
// citations, and only the words differ.
type doc struct {
	slug     string
	seed     int64
	category string
	related  []string
	sources  int
	// size is the body's size in bytes, roughly.
	size int
}

// newDoc draws an entry; index is the source entry's index (-1 for an
// orphan) so that it never relates to itself.
func (g *generator) newDoc(r *rand.Rand, slug string, index int) *doc {
	d := &doc{slug: slug, seed: r.Int63(), category: categories[r.Intn(len(categories))], sources: r.Intn(6)}
	for range r.Intn(5) {
		if j := r.Intn(g.opts.Slugs); j != index {
			d.related = append(d.related, g.slugName(j))
		}
	}
	// Sizes between 1 and 20 KB, small ones more common, as in real
	// documentation.
	d.size = int(1024 * math.Exp(r.Float64()*math.Log(20)))
	return d
}

// file renders the entry with the words of vocab; extra is front matter
// to add at the end (a draft flag or a translation record).
func (d *doc) file(vocab []string, extra string) []byte {
	r := rand.New(rand.NewSource(d.seed))
	w := &writer{r: r, vocab: vocab}
	var b strings.Builder
	b.Grow(d.size + d.size/4 + 1024)
	b.WriteString("---\n")
	fmt.Fprintf(&b, "title: %s\n", quote(w.title(2+r.Intn(4))))
	// Some entries have no description, as some real ones do.
	if r.Intn(10) > 0 {
		fmt.Fprintf(&b, "description: %s\n", quote(w.sentence(8+r.Intn(14))))
	}
	fmt.Fprintf(&b, "category: %s\n", quote(d.category))
	if d.sources > 0 {
		b.WriteString("sources:\n")
		for k := range d.sources {
			fmt.Fprintf(&b, "  - text: %s\n    url: 'https://example.org/papers/%d-%d'\n", quote(w.title(3+r.Intn(8))), d.seed%1000, k+1)
		}
	}
	if len(d.related) > 0 {
		b.WriteString("related:\n")
		for _, s := range d.related {
			b.WriteString("  - " + s + "\n")
		}
	}
	b.WriteString(extra)
	b.WriteString("---\n\n")
	d.body(&b, w)
	return []byte(b.String())
}

// body writes Markdown blocks until the body has about d.size bytes:
// headings, paragraphs with links, emphasis, inline code and citations,
// lists, tables, code blocks and quotes.
func (d *doc) body(b *strings.Builder, w *writer) {
	r := w.r
	// The estimate counts words, not bytes, so that it is the same in
	// every language and so is the number of blocks.
	est := 0
	w.est = &est
	w.paragraph(b, d.sources)
	for est < d.size {
		b.WriteString("\n")
		switch n := r.Intn(100); {
		case n < 12:
			b.WriteString(strings.Repeat("#", 2+r.Intn(2)) + " " + w.title(2+r.Intn(5)) + "\n")
		case n < 55:
			w.paragraph(b, d.sources)
		case n < 68:
			for k := range 3 + r.Intn(5) {
				if r.Intn(2) == 0 {
					fmt.Fprintf(b, "%d. ", k+1)
				} else {
					b.WriteString("- ")
				}
				b.WriteString(w.inline(5+r.Intn(12), d.sources) + "\n")
			}
		case n < 75:
			cols := 2 + r.Intn(3)
			row := func(words int) {
				for range cols {
					b.WriteString("| " + w.title(1+r.Intn(words)) + " ")
				}
				b.WriteString("|\n")
			}
			row(2)
			b.WriteString(strings.Repeat("| --- ", cols) + "|\n")
			for range 2 + r.Intn(6) {
				row(4)
			}
		case n < 88:
			w.code(b)
		case n < 94:
			b.WriteString("> " + w.inline(10+r.Intn(25), d.sources) + "\n")
		default:
			fmt.Fprintf(b, "![%s](/images/%s-%d.png)\n", w.title(2+r.Intn(3)), english[r.Intn(len(english))], r.Intn(100))
		}
	}
}

// writer draws words and builds text from them.
type writer struct {
	r     *rand.Rand
	vocab []string
	est   *int
}

func (w *writer) word() string {
	if w.est != nil {
		*w.est += 9
	}
	return w.vocab[w.r.Intn(vocabSize)]
}

func (w *writer) words(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = w.word()
	}
	return out
}

func (w *writer) title(n int) string {
	ws := w.words(n)
	for i, s := range ws {
		ws[i] = capitalize(s)
	}
	return strings.Join(ws, " ")
}

func (w *writer) sentence(n int) string {
	ws := w.words(n)
	ws[0] = capitalize(ws[0])
	return strings.Join(ws, " ") + "."
}

// inline returns n words with some markup: bold, links, inline code and,
// when the entry has sources, citations [k].
func (w *writer) inline(n, sources int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch k := w.r.Intn(100); {
		case k < 3:
			b.WriteString("**" + w.word() + " " + w.word() + "**")
		case k < 5:
			fmt.Fprintf(&b, "[%s](https://example.org/docs/%s/%d)", w.word(), english[w.r.Intn(len(english))], w.r.Intn(1000))
		case k < 7:
			b.WriteString("`" + english[w.r.Intn(len(english))] + "_" + english[w.r.Intn(len(english))] + "`")
		default:
			b.WriteString(w.word())
		}
	}
	if sources > 0 && w.r.Intn(4) == 0 {
		fmt.Fprintf(&b, " [%d]", 1+w.r.Intn(sources))
	}
	return b.String()
}

// paragraph writes one to six sentences.
func (w *writer) paragraph(b *strings.Builder, sources int) {
	for k := range 1 + w.r.Intn(6) {
		if k > 0 {
			b.WriteByte(' ')
		}
		s := w.inline(6+w.r.Intn(16), sources)
		b.WriteString(capitalize(s) + ".")
	}
	b.WriteString("\n")
}

// code writes a fenced code block: the same in every language, as code is.
func (w *writer) code(b *strings.Builder) {
	lang := []string{"python", "go", "bash", "json", "yaml"}[w.r.Intn(5)]
	b.WriteString("```" + lang + "\n")
	for range 2 + w.r.Intn(12) {
		a, c := english[w.r.Intn(len(english))], english[w.r.Intn(len(english))]
		fmt.Fprintf(b, "%s%s = load(%q, steps=%d)\n", strings.Repeat("    ", w.r.Intn(3)), a, c, w.r.Intn(100))
		if w.est != nil {
			*w.est += 40
		}
	}
	b.WriteString("```\n")
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLetter(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// quote writes s as a single-quoted YAML scalar.
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
