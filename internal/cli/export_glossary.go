package cli

import (
	"bytes"
	"fmt"

	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/iostreams"
)

// exportGlossaries writes the termbase in a glossary format, a file per
// translation language holding the pair source → language: a pair is
// what a CAT tool or a platform's glossary imports, and what
// Translate Toolkit's converters read.
func exportGlossaries(ios *iostreams.IOStreams, p *project, format *exchange.Spec, langs []string, out string) error {
	if p.Terms == nil {
		return usage(p.l, "usage.noTermbase", "Format", string(format.Name))
	}
	if out == "-" && len(langs) != 1 {
		return usage(p.l, "usage.exportOut", "Langs", fmt.Sprint(langs))
	}
	for _, code := range langs {
		g := p.Terms.Glossary(p.Report.Source, code)
		var buf bytes.Buffer
		if err := format.WriteGlossary(&buf, g); err != nil {
			return err
		}
		summary := func(p *project, path string) string {
			return p.l.N("export.glossary", len(g.Concepts), "Lang", code, "Path", path)
		}
		if err := writeExport(ios, p, out, format.FileName(code), buf.Bytes(), summary); err != nil {
			return err
		}
	}
	return nil
}

// annotateTerms gives the units of f the termbase's terms their sources
// hold, for the formats that carry them (see exchange.Unit.Terms).
func annotateTerms(p *project, f *exchange.File) {
	if p.Terms != nil {
		p.Terms.Annotate(f)
	}
}
