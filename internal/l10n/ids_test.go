package l10n_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/locales"
)

// englishIDs returns the IDs of the English catalog.
func englishIDs(t *testing.T) map[string]bool {
	t.Helper()
	data, err := fs.ReadFile(locales.FS, "active.en.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for id := range raw {
		ids[id] = true
	}
	return ids
}

// TestIDsExist checks that every message ID the code asks for is in the
// English catalog: literal IDs in internal/, and the state and reason IDs
// built from status values.
func TestIDsExist(t *testing.T) {
	en := englishIDs(t)
	ids := map[string]bool{}
	for _, s := range status.States {
		ids["state."+string(s)] = true
	}
	for _, r := range []status.Reason{status.NoSource, status.NoFile, status.Unparsable, status.SourceUnparsable, status.Draft,
		status.SameText, status.NoRecord, status.RecordSourceMissing, status.RecordMatches, status.SourceChanged,
		status.CommitMatches, status.CommitChanged, status.CommitUnknown, status.SourceRenamed} {
		ids["reason."+string(r)] = true
	}
	// Block kinds name the same-as-source message of a body block.
	for _, kind := range []string{"paragraph", "heading", "cell"} {
		ids["lint.same."+kind] = true
	}
	// Kinds of files that are not regular name content.ReadInside's error.
	for _, kind := range []string{"directory", "namedPipe", "socket", "device", "special"} {
		ids["file."+kind] = true
	}
	// l.T("id", …), l10n.Msg("id", …), config's p.errorf(node, "id", …).
	// A positioned errorf's first argument is a place, its second the ID;
	// one whose first argument is the ID (parseRoot's) passes data
	// second, told apart by the dot every ID has.
	call := regexp.MustCompile(`\b(?:T|N|Msg|Plural|Errorf)\("([A-Za-z0-9.-]+)"[,)]|\berrorf\([\w.\[\]+]+, "([A-Za-z0-9-]+\.[A-Za-z0-9.-]+)"[,)]`)
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range call.FindAllSubmatch(data, -1) {
			ids[string(m[1])+string(m[2])] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) < 30 {
		t.Fatalf("found only %d IDs; is the scan broken?", len(ids))
	}
	for id := range ids {
		if !en[id] {
			t.Errorf("the code uses %s, which active.en.yaml lacks", id)
		}
	}
}
