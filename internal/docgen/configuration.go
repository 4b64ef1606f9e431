package docgen

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/limits"
)

// configurationIntro opens the configuration page.
const configurationIntro = "glosa reads `" + config.FileName + "` at the repository root, or the file `--config` names. The file and every\n" +
	"key are optional. An invalid configuration is exit code 2 with `glosa.yaml:LINE: what is wrong`,\n" +
	"never a silent default; a key glosa does not know is an error too.\n" +
	"The guide [configuration.md](../configuration.md) explains layouts, catalogs and front matter with examples.\n\n"

// writeConfiguration writes the reference of glosa.yaml from
// config.KeyDocs and config.KindDocs.
func writeConfiguration(b *bytes.Buffer) error {
	sections := []struct{ title, prefix, intro string }{
		{"Top-level keys", "", ""},
		{"content[]: a layout of entries", "content[].", "Each item of `content`:"},
		{"locales[]: a set of message catalogs", "locales[].", "Each item of `locales`:"},
		{"rules.<rule>: a rule's setting", "rules.<rule>.", "Every rule, in the mapping form, takes these keys besides its own options, which the [rules reference](rules.md) lists:"},
		{"terms: the termbase's files and inflection", "terms.", "Each key of `terms`; the terms themselves come from these files and from the layouts whose `terms` key declares their entries terms:"},
		{"limits: bounds on the files glosa reads", "limits.", "Each key of `limits`, a whole number from 1 to " + strconv.Itoa(limits.Ceiling) + " times its default ([SECURITY.md](../SECURITY.md#limits) says what each bounds and why):"},
	}
	for _, s := range sections {
		fmt.Fprintf(b, "## %s\n\n", s.title)
		if s.intro != "" {
			b.WriteString(s.intro + "\n\n")
		}
		b.WriteString("| key | type | default | meaning |\n|---|---|---|---|\n")
		for _, k := range config.KeyDocs() {
			name, ok := strings.CutPrefix(k.Path, s.prefix)
			if !ok || (s.prefix == "" && strings.ContainsAny(name, ".[")) {
				continue
			}
			fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", name, escapeCell(k.Type), escapeCell(k.Default), escapeCell(k.Doc))
		}
		b.WriteString("\n")
	}
	b.WriteString("## Field kinds\n\n")
	b.WriteString("`content[].fields` maps each front-matter field to a kind:\n\n")
	b.WriteString("| kind | behaviour |\n|---|---|\n")
	for _, k := range config.KindDocs() {
		fmt.Fprintf(b, "| `%s` | %s |\n", k.Kind, escapeCell(k.Doc))
	}
	b.WriteString("| `[kind]` | a list of values of that kind, e.g. `tags: [key]` |\n")
	b.WriteString("| `{name: kind, …}` | an object, e.g. `sources: [{text: text, url: url}]` is a list of objects |\n")
	return nil
}
