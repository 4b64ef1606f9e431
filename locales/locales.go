// Package locales embeds glosa's own user-interface catalogs: go-i18n YAML
// files, English the source, one file per language (active.LANG.yaml).
package locales

import "embed"

// FS holds the catalogs.
//
//go:embed active.*.yaml
var FS embed.FS
