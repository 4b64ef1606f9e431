package markdown

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark/ast"
)

// outline lists the blocks of a body read in dialect d, one per line,
// indented by their depth: a heading with its text, a JSX element with its
// name, a code block with its first line. It is what a reader of the page
// sees of its structure.
func outline(d Dialect, body string) []string {
	src := []byte(body)
	var out []string
	depth := 0
	_ = ast.Walk(d.Parse(src), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() != ast.TypeBlock || n.Kind() == ast.KindDocument {
			return ast.WalkContinue, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		line := strings.Repeat(". ", depth) + n.Kind().String()
		switch n := n.(type) {
		case *ast.Heading:
			line += " " + string(n.Lines().Value(src))
		case *JSX:
			if n.Element {
				line += " <" + n.Name + ">"
			}
		case *ast.FencedCodeBlock:
			if n.Lines().Len() > 0 {
				seg := n.Lines().At(0)
				line += " " + strings.TrimSpace(string(seg.Value(src)))
			}
		}
		out = append(out, line)
		depth++
		return ast.WalkContinue, nil
	})
	return out
}

// blockTexts lists a summary's blocks as "kind: text".
func blockTexts(s *Summary) []string {
	var out []string
	for _, b := range s.Blocks {
		out = append(out, b.Kind+": "+b.Text)
	}
	return out
}

// The tests' pages are invented, in the shapes of the pages of Starlight,
// Docusaurus and nodejs.org sites where CommonMark misreads MDX.

// A Starlight tutorial page: imports, a component right before a heading
// or a code fence with no blank line between, steps whose items hold
// indented code, a quiz.
const tutorialPage = `import { Steps } from '@astrojs/starlight/components';
import Box from '~/components/tutorial/Box.astro';
import Option from '~/components/tutorial/Option.astro'

Pages can be written in Markdown, too.

<Box icon="list">
## Before you start
- make a folder
- write a post
</Box>

<Steps>
1. Create the folder ` + "`src/posts/`" + `.

2. Add this text to it:

    ` + "```markdown" + `
    # My first post

        indented inside the code
    ` + "```" + `

3. Open the page in a browser.
</Steps>

<Box icon="question">
### Quiz

<Option isCorrect>Markdown</Option>
</Box>
`

// A page whose components are indented, as nodejs.org's download page
// is: four spaces do not make code in MDX.
const indentedPage = `<section>
  Get the runtime <Release.VersionDropdown /> for your system.

<Release.ReleaseCodeBox />

  <Release.Provider>
    Or get a prebuilt binary for <Release.PlatformDropdown /> machines.

    <Release.PrebuiltDownloadButtons />

  </Release.Provider>
</section>

<section className="mt-3">
  <h2 className='text-center'>Supported by our partners</h2>
    <PartnersList size="large" length={3} />
</section>
`

// A page with a code fence inside a component inside a list item, tabs
// written on one line, a multi-line tag, a comment, expressions.
const tabsPage = `Install it with your package manager.

<Tabs>
  <TabItem label="npm">
    ` + "```sh" + `
    npm install thing
    ` + "```" + `
  </TabItem>
  <TabItem label="pnpm">
  ` + "```sh" + `
  pnpm add thing
    ` + "```" + `
  </TabItem>
</Tabs>

{/* The options come from the schema. */}

<Code
  code={` + "`const a = { b: 1 };`" + `}
  lang="js"
/>

The value is {props.value} and <kbd>Ctrl</kbd> opens it.

export const meta = {
  title: 'Thing',

  tags: ['a', 'b'],
};

## Next steps
`

func TestMDXOutline(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"tutorial", tutorialPage, []string{
			"ESM",
			"Paragraph",
			"JSX <Box>",
			". Heading Before you start",
			". List",
			". . ListItem", ". . . TextBlock",
			". . ListItem", ". . . TextBlock",
			"JSX <Steps>",
			". List",
			". . ListItem", ". . . Paragraph",
			". . ListItem", ". . . Paragraph", ". . . FencedCodeBlock # My first post",
			". . ListItem", ". . . Paragraph",
			"JSX <Box>",
			". Heading Quiz",
			". Paragraph",
		}},
		{"indented", indentedPage, []string{
			"JSX <section>",
			". Paragraph",
			". JSX",
			". JSX <Release.Provider>",
			". . Paragraph",
			". . JSX",
			"JSX <section>",
			". Paragraph",
			". JSX",
		}},
		{"tabs", tabsPage, []string{
			"Paragraph",
			"JSX <Tabs>",
			". JSX <TabItem>",
			". . FencedCodeBlock npm install thing",
			". JSX <TabItem>",
			". . FencedCodeBlock pnpm add thing",
			"Expression",
			"JSX",
			"Paragraph",
			"ESM",
			"Heading Next steps",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, outline(MDX, tt.body)); diff != "" {
				t.Errorf("outline (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMDXSummary checks what the rules read of MDX pages: the structure
// counts, and the blocks of text; and that CommonMark reads the same pages
// otherwise (which is why .mdx files need MDX).
func TestMDXSummary(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		mdx, cm  Structure
		blocks   []string
		cmBlocks int
	}{
		{
			name: "tutorial", body: tutorialPage,
			mdx: Structure{Headings: 2, CodeBlocks: 1, ListItems: 5},
			// CommonMark: the headings after <Box>, the first list and the
			// first step are HTML, the steps' code is indented code.
			cm: Structure{CodeBlocks: 1, ListItems: 2},
			blocks: []string{
				"paragraph: Pages can be written in Markdown, too.",
				"heading: Before you start",
				"paragraph: make a folder",
				"paragraph: write a post",
				"paragraph: Create the folder `src/posts/`.",
				"paragraph: Add this text to it:",
				"paragraph: Open the page in a browser.",
				"heading: Quiz",
				"paragraph: <Option isCorrect>Markdown</Option>",
			},
		},
		{
			name: "indented", body: indentedPage,
			// CommonMark: the indented button is a code block.
			cm: Structure{CodeBlocks: 1},
			blocks: []string{
				"paragraph: Get the runtime <Release.VersionDropdown /> for your system.",
				"paragraph: Or get a prebuilt binary for <Release.PlatformDropdown /> machines.",
				"paragraph: <h2 className='text-center'>Supported by our partners</h2>",
			},
		},
		{
			name: "tabs", body: tabsPage,
			mdx: Structure{Headings: 1, CodeBlocks: 2},
			// CommonMark: the tabs are one HTML block, code included.
			cm: Structure{Headings: 1},
			blocks: []string{
				"paragraph: Install it with your package manager.",
				"paragraph: The value is {props.value} and <kbd>Ctrl</kbd> opens it.",
				"heading: Next steps",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := MDX.Analyze([]byte(tt.body), 1)
			if diff := cmp.Diff(tt.mdx, s.Structure); diff != "" {
				t.Errorf("MDX structure (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.blocks, blockTexts(s)); diff != "" {
				t.Errorf("MDX blocks (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.cm, CommonMark.Analyze([]byte(tt.body), 1).Structure); diff != "" {
				t.Errorf("CommonMark structure (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMDXWords checks that JSX and expressions in text are not words: a
// paragraph counts as the same paragraph without them.
func TestMDXWords(t *testing.T) {
	tests := []struct{ mdx, plain string }{
		{"Get it <Release.VersionDropdown /> for <Release.OperatingSystemDropdown /> now.", "Get it for now."},
		{"Read the <Release.ChangelogLink>changelog</Release.ChangelogLink> first.", "Read the changelog first."},
		{"The value is {props.value ?? 'none'} today.", "The value is today."},
		{"{/* a comment of five words */}\n\nOne two.", "One two."},
		{"import A from 'a'\nexport const b = 1\n\nOne two.", "One two."},
		{"<Code code={`const a = 1`} lang=\"js\" />\n\nOne two.", "One two."},
		{"<Aside type=\"tip\">\nOne two three.\n</Aside>", "One two three."},
		{"<!-- a comment -->\nOne two.", "One two."},
	}
	for _, tt := range tests {
		got, want := MDX.Analyze([]byte(tt.mdx), 1).Words, CommonMark.Analyze([]byte(tt.plain), 1).Words
		if got != want {
			t.Errorf("Words of %q = %d, want %d (as %q)", tt.mdx, got, want, tt.plain)
		}
	}
}

// TestMDXLines checks the lines of the parts of MDX that are not Markdown,
// and that every Markdown block keeps its position.
func TestMDXLines(t *testing.T) {
	body := lines(
		"import A from 'a'", // 10
		"",
		"<Aside>", // 12
		"  Inside the aside.",
		"</Aside>",
		"",
		"{x}",                                  // 16
		"<Card title=\"A\"",                    // 17
		"      icon=\"b\" />",                  // 18
		"Text [1] and [a](b).",                 // 19
		"<Aside>",                              // 20
		"# Title <span title=\"[2]\">x</span>", // 21
		"</Aside>",
	)
	s := MDX.Analyze([]byte(body), 10)
	var got []string
	for _, b := range s.Blocks {
		got = append(got, b.Kind+" "+strconv.Itoa(b.Line)+":"+strconv.Itoa(b.Col))
	}
	want := []string{"paragraph 13:3", "paragraph 19:1", "heading 21:3"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	if len(s.Citations) != 1 || s.Citations[0].Line != 19 {
		t.Errorf("Citations = %+v, want the [1] of line 19 only", s.Citations)
	}
	if len(s.Links) != 1 || s.Links[0].Line != 19 || s.Links[0].Col != 18 {
		t.Errorf("Links = %+v, want b at 19:18", s.Links)
	}
}

// TestMDXElements checks how elements hold their blocks: nested elements
// of the same name, tags opened and closed on one line, closing tags that
// close more than one element, a closing tag left over, an element never
// closed, a tag inside code.
func TestMDXElements(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"same name nested", lines("<div>", "<div>", "a", "</div>", "b", "</div>", "c"), []string{
			"JSX <div>", ". JSX <div>", ". . Paragraph", ". Paragraph", "Paragraph",
		}},
		{"two on a line", lines("<Tabs><TabItem label=\"a\">", "a", "</TabItem></Tabs>", "b"), []string{
			"JSX <Tabs>", ". JSX <TabItem>", ". . Paragraph", "Paragraph",
		}},
		{"closed on its line", lines("<p><Since v=\"5.0.0\" /></p>", "# Title"), []string{
			"JSX", "Heading Title",
		}},
		{"closing then opening", lines("<Tabs>", "<Tab>", "a", "</Tab><Tab>", "b", "</Tab>", "</Tabs>"), []string{
			"JSX <Tabs>", ". JSX <Tab>", ". . Paragraph", ". JSX <Tab>", ". . Paragraph",
		}},
		{"left over", lines("a", "</Aside>", "b"), []string{
			"Paragraph", "JSX", "Paragraph",
		}},
		{"never closed", lines("<Aside>", "# Title", "", "a"), []string{
			"JSX <Aside>", ". Heading Title", ". Paragraph",
		}},
		{"tag in code", lines("<Aside>", "```html", "</Aside>", "```", "</Aside>", "a"), []string{
			"JSX <Aside>", ". FencedCodeBlock </Aside>", "Paragraph",
		}},
		{"fragment", lines("<>", "a", "</>", "b"), []string{
			"JSX <>", ". Paragraph", "Paragraph",
		}},
		{"interrupts a paragraph", lines("a", "<Aside>", "b", "</Aside>"), []string{
			"Paragraph", "JSX <Aside>", ". Paragraph",
		}},
		{"text after a tag", lines("<Badge text=\"new\" /> is text", "<b>bold</b>"), []string{
			"Paragraph",
		}},
		{"not a tag", lines("1 < 2 and", "< b >"), []string{"Paragraph"}},
		{"expression over lines", lines("{[", "  'a',", "  '}',", "].join()}", "# T"), []string{
			"Expression", "Heading T",
		}},
		{"JSX text in an expression", lines("{cond && <p>Don't</p>}", "# T"), []string{
			"Expression", "Heading T",
		}},
		{"export over a blank line", lines("export const a = {", "", "  b: 1,", "}", "", "# T"), []string{
			"ESM", "Heading T",
		}},
		{"import only at the top", lines("- import a from 'b'", "", "  import c from 'd'"), []string{
			"List", ". ListItem", ". . Paragraph", ". . Paragraph",
		}},
		{"indented list and heading", lines("<A>", "        - one", "        - two", "", "    ## Deep", "</A>"), []string{
			"JSX <A>", ". List", ". . ListItem", ". . . TextBlock", ". . ListItem", ". . . TextBlock", ". Heading Deep",
		}},
		{"tabs in a list", lines("- a", "- b", "\t\t- c", "\t\t- d"), []string{
			"List", ". ListItem", ". . TextBlock", ". ListItem", ". . TextBlock", ". . List",
			". . . ListItem", ". . . . TextBlock", ". . . ListItem", ". . . . TextBlock",
		}},
		{"comment", lines("<!-- a", "b -->", "# T"), []string{"HTMLBlock", "Heading T"}},
		{"CRLF", "<Aside>\r\n# T\r\n</Aside>\r\n", []string{"JSX <Aside>", ". Heading T"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, outline(MDX, tt.body)); diff != "" {
				t.Errorf("outline (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDialectOf(t *testing.T) {
	for name, want := range map[string]Dialect{
		"src/content/docs/en/index.mdx": MDX,
		"a/B.MDX":                       MDX,
		"content/en/llm.md":             CommonMark,
		"mdx":                           CommonMark,
		"a.mdx.md":                      CommonMark,
	} {
		if got := DialectOf(name); got != want {
			t.Errorf("DialectOf(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestMDXBadInput reads MDX made to be slow: deep nesting, braces, quotes
// and comments never closed, an export with many blank lines. Each takes
// milliseconds; a hang here means some reading went quadratic again (the
// test is not timed: go test's own timeout catches it).
func TestMDXBadInput(t *testing.T) {
	const n = 10000
	for name, body := range map[string]string{
		"nested elements":  strings.Repeat("<A>\n", n) + strings.Repeat("</A>\n", n),
		"nested fences":    strings.Repeat("<A>\n    ```\n", n),
		"closing lines":    strings.Repeat("<A>\n", 100) + strings.Repeat("</A></A></A></A>\n", n),
		"open export":      "export {\n" + strings.Repeat("a\n\n", n),
		"open braces":      strings.Repeat("{\n", n),
		"open tags":        strings.Repeat("<a b\n", n),
		"open expressions": strings.Repeat("a <b c={d ", n),
		"open strings":     strings.Repeat("a <b c=\"d ", n),
		"open comments":    strings.Repeat("<!--\n", n),
		"long tag":         "<A " + strings.Repeat("b ", 20*n) + "\n",
	} {
		s := MDX.Analyze([]byte(body), 1)
		if s.Words < 0 {
			t.Errorf("%s: Words = %d", name, s.Words)
		}
	}
}

// TestMDXBlockTexts checks the Plain and Prose texts of MDX blocks: tags
// and expressions in text are neither, and an element marked not to
// translate keeps the blocks it holds.
func TestMDXBlockTexts(t *testing.T) {
	type texts struct{ Plain, Prose string }
	tests := []struct {
		name string
		body string
		want []texts
	}{
		{"tags and expressions", "Get <Release.VersionDropdown /> in {year} now\n", []texts{{"Get   in   now", "Get   in   now"}}},
		{"element marked not to translate", "<div translate=\"no\">\nKept paragraph here.\n</div>\n\nTranslated paragraph.\n",
			[]texts{{"Kept paragraph here.", ""}, {"Translated paragraph.", "Translated paragraph."}}},
		{"nested elements of its name", "<div class=\"notranslate\">\n<div>\nKept.\n</div>\nKept too.\n</div>\nTranslated.\n",
			[]texts{{"Kept.", ""}, {"Kept too.", ""}, {"Translated.", "Translated."}}},
		{"an element on one line", "<span translate=\"no\"></span>\nTranslated.\n", []texts{{"Translated.", "Translated."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []texts
			for _, b := range MDX.Analyze([]byte(tt.body), 1).Blocks {
				got = append(got, texts{b.Plain, b.Prose})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q: (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}

// TestCodeInComponents: the code of a fence inside MDX components is code
// (Summary.Code), as a reader sees it; CommonMark reads the same lines as
// an HTML block.
func TestCodeInComponents(t *testing.T) {
	body := []byte("<Tabs>\n  <TabItem label=\"npm\">\n    ```sh\n    npm install thing\n    ```\n  </TabItem>\n</Tabs>\n")
	if got := MDX.Analyze(body, 1).Code; !strings.Contains(got, "npm install thing") {
		t.Errorf("MDX: Code = %q, want the fence's line", got)
	}
	if got := CommonMark.Analyze(body, 1).Code; got != "" {
		t.Errorf("CommonMark: Code = %q, want none (an HTML block)", got)
	}
}
