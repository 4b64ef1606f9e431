package exchange

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/l10n"
)

// Formats are the formats glosa exports, by name.
var Formats = []string{"po", "pot", "xliff12", "xliff20", "goi18n-json", "goi18n-toml", "goi18n-yaml", "csv"}

// Ext returns the file name extension of a format: ".po", ".xlf"….
func Ext(format string) string {
	switch format {
	case "po", "pot":
		return "." + format
	case "xliff12", "xliff20":
		return ".xlf"
	case "csv":
		return ".csv"
	}
	return "." + strings.TrimPrefix(format, "goi18n-")
}

// Write writes f in the named format.
func Write(w io.Writer, f *File, format string) error {
	switch format {
	case "po":
		return WritePO(w, f, false)
	case "pot":
		return WritePO(w, f, true)
	case "xliff12":
		return WriteXLIFF12(w, f)
	case "xliff20":
		return WriteXLIFF20(w, f)
	case "csv":
		return WriteCSV(w, f)
	case "goi18n-json", "goi18n-toml", "goi18n-yaml":
		return WriteGoI18n(w, f, strings.TrimPrefix(format, "goi18n-"))
	}
	return fmt.Errorf("unknown format %q", format)
}

var poKeyword = regexp.MustCompile(`(?m)^\s*(?:#~\s*)?msg(?:id|ctxt)\s+"`)

// Detect names the format of data from its content: xliff, po, csv or
// goi18n-json, goi18n-toml, goi18n-yaml; "" when it is none of them. The
// file name breaks a tie between the go-i18n formats only.
func Detect(name string, data []byte) string {
	text := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))
	first, _, _ := bytes.Cut(text, []byte("\n"))
	first = bytes.TrimSpace(first)
	switch {
	case bytes.HasPrefix(text, []byte("<")):
		return "xliff"
	case poKeyword.Match(text):
		return "po"
	case bytes.HasPrefix(first, []byte("id,")) || bytes.HasPrefix(first, []byte(`"id",`)):
		return "csv"
	case bytes.HasPrefix(text, []byte("{")):
		return "goi18n-json"
	}
	var v map[string]any
	ext := strings.ToLower(path.Ext(name))
	if ext != ".yaml" && ext != ".yml" && toml.Unmarshal(text, &v) == nil {
		return "goi18n-toml"
	}
	if yaml.Unmarshal(text, &v) == nil && len(v) > 0 {
		return "goi18n-yaml"
	}
	return ""
}

// Read reads a file of any format glosa exports, told from its content.
// name is the file's name: go-i18n files take their language from it
// (translate.es.json), as go-i18n does.
func Read(name string, data []byte) (*File, error) {
	format := Detect(name, data)
	var f *File
	var err error
	switch format {
	case "xliff":
		f, err = ReadXLIFF(data)
	case "po":
		f, err = ReadPO(data)
	case "csv":
		f, err = ReadCSV(data)
	case "goi18n-json", "goi18n-toml", "goi18n-yaml":
		ext := "." + strings.TrimPrefix(format, "goi18n-")
		base := path.Base(name)
		if !strings.EqualFold(path.Ext(base), ext) {
			base += ext // go-i18n reads the format from the name
		}
		f, err = ReadGoI18n(base, data)
	default:
		return nil, l10n.At(1, 1, l10n.Msg("import.unknownFile"))
	}
	if err != nil {
		return nil, err
	}
	if f.Format == "" {
		f.Format = format
	}
	return f, nil
}
