package workspace

import "github.com/glosa/glosa/internal/content"

// Version is a version of a source file: the one a translation was made
// from.
type Version struct {
	// Commit is the recorded commit, or the commit of the version found by
	// its hash; "" for the work tree's.
	Commit string
	// Path is the file's path then (it differs after a rename); Hash its
	// source hash.
	Path, Hash string
	// FoundBy says how it was found: "workTree", "commit" or "hash".
	FoundBy string
	// Data is the file's content then.
	Data []byte
}

// FindVersion finds the version of src (what the translation was made
// from, see status.Report.TranslatedFrom) that a record names: the work
// tree's when its hash is the recorded one, else the recorded commit's
// (renames since undone), else the newest version in src's history with
// the recorded hash. It reports false when none is found; without history
// only the work tree's can be.
func (p *Project) FindVersion(src *content.Entry, rec *content.Record) (Version, bool) {
	return p.findVersion(src, rec, true)
}

// findVersion is FindVersion; without hashed, a version found by its
// commit has no Hash (reading its front matter and hashing it costs more
// than git's answer, and the words counts need only its content).
func (p *Project) findVersion(src *content.Entry, rec *content.Record, hashed bool) (Version, bool) {
	if src.Err == nil && rec.Hash != "" && p.Report.SourceHash(src) == rec.Hash {
		return Version{Path: src.Path, Hash: rec.Hash, FoundBy: "workTree", Data: src.Doc.Raw}, true
	}
	if p.History == nil {
		return Version{}, false
	}
	schema := p.Repo.Schema(src)
	hash := func(data []byte) string {
		doc, err := content.Parse(data)
		if err != nil {
			return ""
		}
		return content.Hash(doc, schema)
	}
	if rec.Commit != "" {
		if after, ok := p.History.Since(src.Path, rec.Commit); ok {
			// Where the source was then: undo the renames since.
			path := src.Path
			for _, c := range after {
				if c.Status == 'R' && c.Path == path {
					path = c.OldPath
				}
			}
			if data, err := p.History.Show(rec.Commit, path); err == nil {
				v := Version{Commit: rec.Commit, Path: path, FoundBy: "commit", Data: data}
				if hashed {
					v.Hash = hash(data)
				}
				return v, true
			}
		}
	}
	if rec.Hash != "" {
		for _, c := range p.History.Changes(src.Path) {
			if c.Status == 'D' {
				continue
			}
			data, err := p.History.Show(c.Commit, c.Path)
			if err == nil && hash(data) == rec.Hash {
				return Version{Commit: c.Commit, Path: c.Path, Hash: rec.Hash, FoundBy: "hash", Data: data}, true
			}
		}
	}
	return Version{}, false
}
