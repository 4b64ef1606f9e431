package workspace

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/layout"
)

// FromSite reports whether a run at root with the configuration file
// (as config.Load takes it) reads its configuration from the site's own
// (see loadConfig): there is no glosa.yaml, and a Hugo, Docusaurus or
// Astro configuration at the root or in a folder of it.
func FromSite(root, file string) bool {
	if file != "" {
		return false
	}
	if _, err := os.Lstat(filepath.Join(root, config.FileName)); !errors.Is(err, os.ErrNotExist) {
		return false
	}
	return layout.HasSite(os.DirFS(root))
}

// loadConfig reads the configuration: glosa.yaml, or --config's file;
// without either, on a site whose configuration names its languages, the
// configuration glosa init proposes from it, and what was read of it
// (returned so that the command says it); else glosa's defaults. A site
// configuration glosa cannot read is an error: guessing would report
// other languages than the site's.
func loadConfig(root, file string) (*config.Config, []layout.Site, error) {
	if !FromSite(root, file) {
		cfg, err := config.Load(root, file)
		return cfg, nil, err
	}
	text, sites, err := layout.FromSite(os.DirFS(root))
	switch {
	case errors.Is(err, layout.ErrNotFound):
		return config.Default(), nil, nil
	case err != nil:
		return nil, nil, err
	}
	name := config.FileName
	for _, s := range sites {
		if s.File != "" {
			name = s.File
			break
		}
	}
	cfg, err := config.Parse(name, text)
	if err != nil {
		return nil, nil, err
	}
	return cfg, sites, nil
}
