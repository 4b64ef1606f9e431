package suppress

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// all is the scope end of a range left open or a whole file.
const all = math.MaxInt

func TestContentMarkdown(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		regions  []Region
		scopes   []Scope
		problems []Problem
	}{
		{
			name: "next line covers the next block, and its own line",
			text: "Intro.\n\n<!-- glosa-disable-next-line same-as-source -->\n\nA paragraph\non two lines.\n\nAfter.\n",
			scopes: []Scope{
				{Directive: 0, Rule: "same-as-source", From: 3, To: 6},
			},
		},
		{
			name: "next line skips stacked directives and takes a fenced block whole",
			text: "<!-- glosa-disable-next-line structure -->\n<!-- glosa-disable-next-line markup-mismatch -- a command -->\n```sh\nls\n\nls -l\n```\nAfter.\n",
			scopes: []Scope{
				{Directive: 0, Rule: "structure", From: 1, To: 7},
				{Directive: 1, Rule: "markup-mismatch", From: 2, To: 7},
			},
		},
		{
			name: "a range, several rules, one enabled early",
			text: "<!-- glosa-disable same-as-source markup-mismatch -->\na\n<!-- glosa-enable markup-mismatch -->\nb\n",
			scopes: []Scope{
				{Directive: 0, Rule: "same-as-source", From: 1, To: all},
				{Directive: 0, Rule: "markup-mismatch", From: 1, To: 3},
			},
		},
		{
			name: "every rule, then a plain enable; commas separate rules too",
			text: "<!-- glosa-disable -->\na\n<!-- glosa-enable -->\n<!-- glosa-disable-line locale-link,structure --> b\n",
			scopes: []Scope{
				{Directive: 0, From: 1, To: 3},
				{Directive: 1, Rule: "locale-link", From: 4, To: 4},
				{Directive: 1, Rule: "structure", From: 4, To: 4},
			},
		},
		{
			name: "the whole file, in MDX",
			text: "import X from './x';\n\n{/* glosa-disable-file same-as-source */}\n\nText.\n",
			scopes: []Scope{
				{Directive: 0, Rule: "same-as-source", From: 0, To: all},
			},
		},
		{
			name: "code blocks are not read",
			text: "```md\n<!-- glosa-disable-file -->\n```\n~~~\n<!-- glosa-disable -->\n~~~\n",
		},
		{
			name: "text before a next-line directive is not covered",
			text: "Text. <!-- glosa-disable-next-line structure -->\nMore.\n",
			scopes: []Scope{
				{Directive: 0, Rule: "structure", From: 2, To: 2},
			},
		},
		{
			name: "a next line with nothing after covers nothing",
			text: "Text.\n<!-- glosa-disable-next-line -->\n\n",
			scopes: []Scope{
				{Directive: 0, From: 3, To: 2},
			},
		},
		{
			name: "problems: an unknown keyword, an enable that closes nothing",
			text: "<!-- glosa-disable-nextline same-as-source -->\n<!-- glosa-enable structure -->\n<!-- glosa-enable -->\n",
			problems: []Problem{
				{Line: 1, Column: 1, Form: "glosa-disable-nextline", Kind: UnknownForm},
				{Line: 2, Column: 1, Form: "glosa-enable", Rule: "structure", Kind: NothingToEnable},
				{Line: 3, Column: 1, Form: "glosa-enable", Kind: NothingToEnable},
			},
		},
		{
			name: "disabling an open rule again starts a new range",
			text: "<!-- glosa-disable structure -->\na\n<!-- glosa-disable structure -->\nb\n",
			scopes: []Scope{
				{Directive: 0, Rule: "structure", From: 1, To: 2},
				{Directive: 1, Rule: "structure", From: 3, To: all},
			},
		},
		{
			name:    "front matter: a field and the lines under it",
			text:    "---\n# glosa-disable-next-line same-as-source\nsources:\n  - text: A\n\n    url: x\ntitle: T # glosa-disable-line markup-mismatch\n---\nBody.\n",
			regions: []Region{{From: 2, To: 7, Syntax: Hash}, {From: 9, To: 9, Syntax: Markdown}},
			scopes: []Scope{
				{Directive: 0, Rule: "same-as-source", From: 3, To: 6},
				{Directive: 1, Rule: "markup-mismatch", From: 7, To: 7},
			},
		},
		{
			name:    "a hash in the body is Markdown, not a comment",
			text:    "---\ntitle: T\n---\n# glosa-disable-file\n",
			regions: []Region{{From: 2, To: 2, Syntax: Hash}, {From: 4, To: 4, Syntax: Markdown}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			regions := tt.regions
			if regions == nil {
				regions = []Region{{From: 1, To: all, Syntax: Markdown}}
			}
			f := Content([]byte(strings.ReplaceAll(tt.text, "\n", "\r\n")), regions)
			if diff := cmp.Diff(tt.scopes, f.Scopes); diff != "" {
				t.Errorf("scopes (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.problems, f.Problems); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func TestContentDirective(t *testing.T) {
	f := Content([]byte("Un día — <!-- glosa-disable-line same-as-source, structure -- a name -->\n"), []Region{{From: 1, To: 1, Syntax: Markdown}})
	want := []Directive{{Line: 1, Column: 10, Form: DisableLine, Rules: []string{"same-as-source", "structure"}}}
	if diff := cmp.Diff(want, f.Directives); diff != "" {
		t.Errorf("directives (-want +got):\n%s", diff)
	}
}

func TestDescription(t *testing.T) {
	tests := []struct {
		desc  string
		rules []string
		ok    bool
	}{
		{"The product's name", nil, false},
		{"glosa-ignore: same-as-source", []string{"same-as-source"}, true},
		{"Brand. glosa-ignore: same-as-source, placeholder-mismatch because it is a name", []string{"same-as-source", "placeholder-mismatch"}, true},
		{"glosa-ignore same-as-source", []string{"same-as-source"}, true},
		{"glosa-ignore:", nil, true},
		{"glosa-ignored here; glosa-ignore: structure", []string{"structure"}, true},
	}
	for _, tt := range tests {
		rules, ok := Description(tt.desc)
		if ok != tt.ok || !cmp.Equal(rules, tt.rules) {
			t.Errorf("Description(%q) = %q, %v; want %q, %v", tt.desc, rules, ok, tt.rules, tt.ok)
		}
	}
}

func TestFlag(t *testing.T) {
	aliases := map[string]string{"ignore-same": "same-as-source"}
	tests := []struct {
		flag string
		want Directive
		ok   bool
	}{
		{"c-format", Directive{}, false},
		{"ignore-end-stop", Directive{}, false},
		{"glosa-ignore-structure", Directive{Form: "glosa-ignore-structure", Rules: []string{"structure"}}, true},
		{"glosa-ignore", Directive{Form: "glosa-ignore"}, true},
		{"ignore-same", Directive{Form: "ignore-same", Rules: []string{"same-as-source"}, Foreign: true}, true},
	}
	for _, tt := range tests {
		d, ok := Flag(tt.flag, aliases)
		if ok != tt.ok || !cmp.Equal(d, tt.want) {
			t.Errorf("Flag(%q) = %+v, %v; want %+v, %v", tt.flag, d, ok, tt.want, tt.ok)
		}
	}
}
