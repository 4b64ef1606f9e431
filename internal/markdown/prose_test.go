package markdown

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestBlockTexts checks each block's Plain text (what a reader sees) and
// Prose (what a translator translates).
func TestBlockTexts(t *testing.T) {
	type texts struct{ Plain, Prose string }
	tests := []struct {
		name string
		body string
		want []texts
	}{
		{"escapes resolved", "Use \\*bold\\* &amp; \\_x\\_ &#42;\n", []texts{{"Use *bold* & _x_ *", "Use *bold* & _x_ *"}}},
		{"code is plain, not prose", "Run `npm install` now\n", []texts{{"Run npm install now", "Run   now"}}},
		{"link text is prose, its destination is not", "See [the guide](/en/guide/).\n", []texts{{"See the guide.", "See the guide."}}},
		{"a link to another site names it", "By [Ada Lovelace](https://example.com/ada)\n", []texts{{"By Ada Lovelace", "By  "}}},
		{"image alt text is not prose", "![A diagram](/img/a.svg) shown\n", []texts{{"A diagram shown", "  shown"}}},
		{"autolink", "Go to <https://example.com> now\n", []texts{{"Go to https://example.com now", "Go to   now"}}},
		{"raw HTML tags are neither", "Press <kbd>Ctrl</kbd> key\n", []texts{{"Press  Ctrl  key", "Press  Ctrl  key"}}},
		{"translate=no inline", "Keep <span translate=\"no\">this name</span> here\n", []texts{{"Keep  this name  here", "Keep     here"}}},
		{"class notranslate inline", "Keep <b class='x notranslate'>A B</b>.\n", []texts{{"Keep  A B .", "Keep    ."}}},
		{"translate=no around blocks", "<div translate=\"no\">\n\nKept paragraph here.\n\n</div>\n\nTranslated paragraph.\n",
			[]texts{{"Kept paragraph here.", ""}, {"Translated paragraph.", "Translated paragraph."}}},
		{"notranslate attribute on a heading", "## Kept heading {.notranslate}\n\n## Other {#id}\n",
			[]texts{{"Kept heading {.notranslate}", ""}, {"Other {#id}", "Other {#id}"}}},
		{"notranslate attribute after a paragraph", "Kept words here\n{.notranslate lang=en}\n", []texts{{"Kept words here\n{.notranslate lang=en}", ""}}},
		{"MDX import", "import { Steps } from '@astrojs/starlight/components';\nimport Tabs from './Tabs.astro';\n\nimport the file from the menu.\n",
			[]texts{{"import { Steps } from '@astrojs/starlight/components';\nimport Tabs from './Tabs.astro';", ""}, {"import the file from the menu.", "import the file from the menu."}}},
		{"MDX export", "export const title = 'x';\n", []texts{{"export const title = 'x';", ""}}},
		{"a list item's export is text", "- export const x\n", []texts{{"export const x", "export const x"}}},
		{"a fence an HTML block took in is code", "<Tabs>\n  <Fragment slot=\"npm\">\n  ```sh\n  # build the site\n\n  npm run build for production\n  ```\n  </Fragment>\n</Tabs>\n\nAfter.\n",
			// CommonMark reads the closing fence as an opening one, which
			// takes in the rest.
			[]texts{{"npm run build for production", ""}}},
		{"Hugo comment shortcode", "{{< comment >}} A note for\neditors.\n\nMore of it.\n\n{{< /comment >}}\n\nShown.\n",
			[]texts{{"{{< comment >}} A note for\neditors.", ""}, {"More of it.", ""}, {"{{< /comment >}}", ""}, {"Shown.", "Shown."}}},
		{"table cell escapes", "| a \\| b | `c` |\n|---|---|\n| d | e |\n", []texts{{"a | b", "a | b"}, {"c", " "}, {"d", "d"}, {"e", "e"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []texts
			for _, b := range Analyze([]byte(tt.body), 1).Blocks {
				got = append(got, texts{b.Plain, b.Prose})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q: (-want +got):\n%s", tt.body, diff)
			}
		})
	}
}
