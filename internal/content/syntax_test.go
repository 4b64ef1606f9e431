package content

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/glosa/glosa/internal/l10n"
)

// The same entry with its front matter in each syntax.
const (
	twinYAML = `---
title: "Tokens: the units"
description: The smallest units a model reads.
category: Basics
weight: 10
draft: false
date: 2024-01-02
related: [llm, clip]
sources:
  - text: The BPE paper
    url: https://arxiv.org/abs/1508.07909
  - text: Second
    url: https://example.org
params:
  note: é
---

A **token** is a piece of text.
`
	twinTOML = `+++
title = "Tokens: the units"
description = 'The smallest units a model reads.'
category = "Basics"
weight = 0xA
draft = false
date = 2024-01-02
related = ["llm", "clip"]
params.note = "\u00e9"

[[sources]]
text = "The BPE paper"
url = "https://arxiv.org/abs/1508.07909"

[[sources]]
text = """Second"""
url = "https://example.org"
+++

A **token** is a piece of text.
`
	twinJSON = `{
	"title": "Tokens: the units",
	"description": "The smallest units a model reads.",
	"category": "Basics",
	"weight": 10,
	"draft": false,
	"date": "2024-01-02",
	"related": ["llm", "clip"],
	"sources": [
		{"text": "The BPE paper", "url": "https:\/\/arxiv.org/abs/1508.07909"},
		{"text": "Second", "url": "https://example.org"}
	],
	"params": {"note": "\u00e9"}
}

A **token** is a piece of text.
`
)

// TestSyntaxTwins checks that an entry hashes and reads the same whatever
// the syntax of its front matter.
func TestSyntaxTwins(t *testing.T) {
	schema := sampleSchema(t)
	y := mustParse(t, twinYAML)
	for name, src := range map[string]string{"toml": twinTOML, "json": twinJSON} {
		d := mustParse(t, src)
		if got := string(d.Syntax()); got != name {
			t.Errorf("%s: Syntax() = %s", name, got)
		}
		if diff := cmp.Diff(string(HashInput(y, schema)), string(HashInput(d, schema))); diff != "" {
			t.Errorf("%s: HashInput differs from YAML's (-yaml +%s):\n%s", name, name, diff)
		}
		if Hash(y, schema) != Hash(d, schema) {
			t.Errorf("%s: hash differs", name)
		}
		if d.BodyLine != strings.Count(src[:len(src)-len(d.Body)], "\n")+1 || string(d.Body) != "\nA **token** is a piece of text.\n" {
			t.Errorf("%s: body %q at line %d", name, d.Body, d.BodyLine)
		}
	}
	if y.Syntax() != YAML || mustParse(t, "no front matter\n").Syntax() != YAML {
		t.Error("YAML or no front matter is not YAML")
	}
	// The scalars the YAML twin has, with the same tags (weight, date and
	// draft are typed), except JSON's date, a string.
	for _, key := range []string{"title", "weight", "draft", "date"} {
		want := y.Lookup(key)
		for name, src := range map[string]string{"toml": twinTOML, "json": twinJSON} {
			got := mustParse(t, src).Lookup(key)
			if name == "json" && key == "date" {
				continue
			}
			if got == nil || got.Value != want.Value || got.Tag != want.Tag {
				t.Errorf("%s: %s = %+v, want %q %s", name, key, got, want.Value, want.Tag)
			}
		}
	}
}

// TestSyntaxPositions checks that node positions are lines and columns of
// the file.
func TestSyntaxPositions(t *testing.T) {
	type pos struct{ Line, Col int }
	at := func(d *Document, key string) pos {
		v := d.Lookup(key)
		if v == nil {
			return pos{}
		}
		return pos{v.Line, v.Column}
	}
	toml := mustParse(t, "\ufeff+++\n# c\ntitle = \"é\"\n  weight = 1\nrelated = [\n  \"a\",\n]\n[params]\nx = 1\n+++\nbody\n")
	if diff := cmp.Diff([]pos{{3, 9}, {4, 12}, {5, 11}, {8, 2}}, []pos{at(toml, "title"), at(toml, "weight"), at(toml, "related"), at(toml, "params")}); diff != "" {
		t.Errorf("TOML positions (-want +got):\n%s", diff)
	}
	if k := toml.KeyNode("weight"); k.Line != 4 || k.Column != 3 {
		t.Errorf("TOML key weight at %d:%d", k.Line, k.Column)
	}
	if toml.BodyLine != 11 || toml.ClosingLine() != 10 {
		t.Errorf("TOML body line %d, closing line %d", toml.BodyLine, toml.ClosingLine())
	}
	json := mustParse(t, "{\"title\": \"é\",\n\t\"weight\": 1, \"related\": [\"a\"]}  \nbody\n")
	if diff := cmp.Diff([]pos{{1, 11}, {2, 12}, {2, 26}}, []pos{at(json, "title"), at(json, "weight"), at(json, "related")}); diff != "" {
		t.Errorf("JSON positions (-want +got):\n%s", diff)
	}
	if json.BodyLine != 3 || json.ClosingLine() != 2 || string(json.Body) != "body\n" {
		t.Errorf("JSON body line %d, closing line %d, body %q", json.BodyLine, json.ClosingLine(), json.Body)
	}
}

// TestSyntaxNotFrontMatter checks files whose first character is { but
// that do not start a JSON object.
func TestSyntaxNotFrontMatter(t *testing.T) {
	for _, s := range []string{"{{< note >}}\nx\n{{< /note >}}\n", "{/* MDX */}\n# T\n", "{\n"} {
		d := mustParse(t, s)
		if d.Front != nil || d.FrontEnd != 0 || string(d.Body) != s {
			t.Errorf("%q: read as front matter", s)
		}
	}
}

// TestSyntaxErrors checks the parse errors of TOML and JSON front matter.
func TestSyntaxErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"+++\ntitle = \"x\n", "1:1: front matter opened with +++ is never closed"},
		{"+++\ntitle = \"x\n+++\n", "2:11: TOML front matter: basic strings cannot have new lines"},
		{"+++\na = 1\na = 2\n+++\n", "3:1: TOML front matter: key a is already defined"},
		{"+++\n[t]\n[t]\n+++\n", "3:2: TOML front matter: table t already exists"},
		{"{\"a\": 1\n", "1:1: front matter opened with { is never closed"},
		{"{\"a\": 1} x\n", "1:10: front matter: the } that closes the JSON front matter must end its line"},
		{"{\"a\": 1,\n}\n", "2:1: JSON front matter: invalid character '}' looking for beginning of object key string"},
		{"{\"a\": tru}\n", "1:10: JSON front matter: invalid character '}' in literal true (expecting 'e')"},
		{"{\"a\": 1,\n \"a\": 2}\n", "2:2: front matter: key a appears twice (first on line 1)"},
	} {
		_, err := Parse([]byte(c.in))
		var pe *l10n.Error
		if !errors.As(err, &pe) {
			t.Errorf("%q: error %v", c.in, err)
			continue
		}
		if got := pe.Error(); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// TestSyntaxEdits checks SetRecord and Stub on TOML and JSON front matter:
// the exact bytes written.
func TestSyntaxEdits(t *testing.T) {
	rec := Record{Source: "en", Hash: "sha256-0123456789abcdef", Commit: "3f1c9a0"}
	for _, c := range []struct{ name, in, stamped, stub string }{{
		name: "toml",
		in:   "+++\ntitle = \"T\" # c\n\n[params]\nx = 1\n+++\nbody\n",
		stamped: "+++\ntitle = \"T\" # c\n\n[params]\nx = 1\n" +
			"[translation]\nsource = \"en\"\nhash = \"sha256-0123456789abcdef\"\ncommit = \"3f1c9a0\"\n+++\nbody\n",
		stub: "+++\ntitle = \"T\" # c\ndraft = true\n\n[params]\nx = 1\n+++\nbody\n",
	}, {
		name:    "toml record replaced, draft set",
		in:      "+++\r\ndraft = false\r\n[translation]\r\nhash = \"old\" # x\r\n\r\n# params\r\n[params]\r\nx = 1\r\n+++\r\nbody\r\n",
		stamped: "+++\r\ndraft = false\r\n[translation]\r\nsource = \"en\"\r\nhash = \"sha256-0123456789abcdef\"\r\ncommit = \"3f1c9a0\"\r\n\r\n# params\r\n[params]\r\nx = 1\r\n+++\r\nbody\r\n",
		stub:    "+++\r\ndraft = true\r\n\r\n# params\r\n[params]\r\nx = 1\r\n+++\r\nbody\r\n",
	}, {
		name:    "toml empty",
		in:      "+++\n+++\nbody\n",
		stamped: "+++\n[translation]\nsource = \"en\"\nhash = \"sha256-0123456789abcdef\"\ncommit = \"3f1c9a0\"\n+++\nbody\n",
		stub:    "+++\ndraft = true\n+++\nbody\n",
	}, {
		name: "json",
		in:   "{\n  \"title\": \"T\",\n  \"draft\": false\n}\nbody\n",
		stamped: "{\n  \"title\": \"T\",\n  \"draft\": false,\n  \"translation\": {\n    \"source\": \"en\",\n" +
			"    \"hash\": \"sha256-0123456789abcdef\",\n    \"commit\": \"3f1c9a0\"\n  }\n}\nbody\n",
		stub: "{\n  \"title\": \"T\",\n  \"draft\": true\n}\nbody\n",
	}, {
		name:    "json one line, record replaced",
		in:      "\ufeff{\"translation\": {\"hash\": \"old\"}, \"title\": \"T\"}\nbody\n",
		stamped: "\ufeff{\"translation\": {\"source\": \"en\", \"hash\": \"sha256-0123456789abcdef\", \"commit\": \"3f1c9a0\"}, \"title\": \"T\"}\nbody\n",
		stub:    "\ufeff{\"title\": \"T\", \"draft\": true}\nbody\n",
	}, {
		name:    "json tabs, record last",
		in:      "{\n\t\"title\": \"T\",\n\t\"translation\": {\"hash\": \"old\"}\n}\nbody\n",
		stamped: "{\n\t\"title\": \"T\",\n\t\"translation\": {\n\t\t\"source\": \"en\",\n\t\t\"hash\": \"sha256-0123456789abcdef\",\n\t\t\"commit\": \"3f1c9a0\"\n\t}\n}\nbody\n",
		stub:    "{\n\t\"title\": \"T\",\n\t\"draft\": true\n}\nbody\n",
	}, {
		name:    "json empty",
		in:      "{}\nbody\n",
		stamped: "{\"translation\": {\"source\": \"en\", \"hash\": \"sha256-0123456789abcdef\", \"commit\": \"3f1c9a0\"}}\nbody\n",
		stub:    "{\"draft\": true}\nbody\n",
	}} {
		d := mustParse(t, c.in)
		got, err := SetRecord(d, rec)
		if err != nil {
			t.Errorf("%s: SetRecord: %v", c.name, err)
		} else if diff := cmp.Diff(c.stamped, string(got)); diff != "" {
			t.Errorf("%s: SetRecord (-want +got):\n%s", c.name, diff)
		}
		got, err = Stub(d)
		if err != nil {
			t.Errorf("%s: Stub: %v", c.name, err)
		} else if diff := cmp.Diff(c.stub, string(got)); diff != "" {
			t.Errorf("%s: Stub (-want +got):\n%s", c.name, diff)
		}
	}
}

// TestSyntaxRefuses checks the shapes the editors do not touch.
func TestSyntaxRefuses(t *testing.T) {
	rec := Record{Hash: "sha256-0123456789abcdef"}
	for _, in := range []string{
		"+++\ntranslation = {hash = \"h\"}\n+++\n",
		"+++\ntranslation.hash = \"h\"\n+++\n",
		"+++\n[translation]\nhash = \"h\"\n[translation.x]\ny = 1\n+++\n",
	} {
		if _, err := SetRecord(mustParse(t, in), rec); !errors.Is(err, ErrUneditable) {
			t.Errorf("SetRecord(%q): %v, want ErrUneditable", in, err)
		}
	}
	for _, in := range []string{
		"+++\ndraft = [1]\n+++\n",
		"+++\n[draft]\nx = 1\n+++\n",
		"{\"draft\": {\"x\": 1}}\n",
	} {
		if _, err := Stub(mustParse(t, in)); !errors.Is(err, ErrUneditable) {
			t.Errorf("Stub(%q): %v, want ErrUneditable", in, err)
		}
	}
	y := mustParse(t, "---\nkey: a\n---\n")
	for _, in := range []string{"+++\nkey = \"b\"\n+++\n", "{\"key\": \"b\"}\n"} {
		if _, err := SetField(mustParse(t, in), y, "key"); !errors.Is(err, ErrUneditable) {
			t.Errorf("SetField(%q): %v, want ErrUneditable", in, err)
		}
		if _, err := SetField(y, mustParse(t, in), "key"); !errors.Is(err, ErrUneditable) {
			t.Errorf("SetField from %q: %v, want ErrUneditable", in, err)
		}
	}
}

// TestLineIndex checks that lineIndex.position is Position.
func TestLineIndex(t *testing.T) {
	for _, s := range []string{"", "\n", "a", "\ufeffé\nb\r\nçd\n\n", "x\ny"} {
		x := newLineIndex([]byte(s))
		for off := 0; off <= len(s); off++ {
			l1, c1 := Position([]byte(s), off)
			l2, c2 := x.position(off)
			if l1 != l2 || c1 != c2 {
				t.Errorf("%q at %d: position %d:%d, Position %d:%d", s, off, l2, c2, l1, c1)
			}
		}
	}
}

// TestSyntaxEmptyJSON checks members added to an empty JSON object and
// the stub of one whose only member is the record.
func TestSyntaxEmptyJSON(t *testing.T) {
	rec := Record{Hash: "sha256-0123456789abcdef"}
	for _, c := range []struct{ in, stamped, stub string }{
		{"{ }\n", "{\"translation\": {\"hash\": \"sha256-0123456789abcdef\"} }\n", "{\"draft\": true }\n"},
		{"{\n}\n", "{\n  \"translation\": {\n    \"hash\": \"sha256-0123456789abcdef\"\n  }\n}\n", "{\n  \"draft\": true\n}\n"},
		{"{\n  \"translation\": {\"hash\": \"h\"}\n}\n", "{\n  \"translation\": {\n    \"hash\": \"sha256-0123456789abcdef\"\n  }\n}\n", "{\n  \"draft\": true\n}\n"},
	} {
		d := mustParse(t, c.in)
		if got, err := SetRecord(d, rec); err != nil || string(got) != c.stamped {
			t.Errorf("SetRecord(%q) = %q, %v; want %q", c.in, got, err, c.stamped)
		}
		if got, err := Stub(d); err != nil || string(got) != c.stub {
			t.Errorf("Stub(%q) = %q, %v; want %q", c.in, got, err, c.stub)
		}
	}
}
