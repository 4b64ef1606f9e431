package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/cli"
	"github.com/glosa/glosa/internal/iostreams"
)

// readYAML parses a file at the repository root into v, refusing keys v
// does not know: a misspelt key would be ignored by pre-commit or Actions.
func readYAML(t *testing.T, name string, v any) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := yaml.NewDecoder(f)
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// checkFlags are the long flags glosa check accepts, read from its help.
func checkFlags(t *testing.T) map[string]bool {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	if code := cli.Run(ios, []string{"check", "--help"}); code != 0 {
		t.Fatalf("glosa check --help exited %d", code)
	}
	flags := map[string]bool{}
	for _, m := range regexp.MustCompile(`--([a-z-]+)`).FindAllStringSubmatch(out.String(), -1) {
		flags[m[1]] = true
	}
	return flags
}

// TestPreCommitHooks: .pre-commit-hooks.yaml is a list of hooks with the
// keys pre-commit requires, and its hook runs glosa check on the whole
// repository.
func TestPreCommitHooks(t *testing.T) {
	var hooks []struct {
		ID                      string `yaml:"id"`
		Name                    string `yaml:"name"`
		Description             string `yaml:"description"`
		Entry                   string `yaml:"entry"`
		Language                string `yaml:"language"`
		PassFilenames           *bool  `yaml:"pass_filenames"`
		Files                   string `yaml:"files"`
		MinimumPreCommitVersion string `yaml:"minimum_pre_commit_version"`
	}
	readYAML(t, ".pre-commit-hooks.yaml", &hooks)
	if len(hooks) != 2 {
		t.Fatalf("%d hooks, want 2", len(hooks))
	}
	h, rel := hooks[0], hooks[1]
	if h.ID != "glosa-check" || h.Name == "" || h.Entry != "glosa check" || h.Language != "golang" {
		t.Errorf("hook %+v: want id glosa-check, a name, entry glosa check, language golang", h)
	}
	if rel.ID != "glosa-check-release" || rel.Entry != ".ci/pre-commit-release" || rel.Language != "script" {
		t.Errorf("hook %+v: want id glosa-check-release, entry .ci/pre-commit-release, language script", rel)
	}
	if fi, err := os.Stat(filepath.Join("..", "..", rel.Entry)); err != nil || fi.Mode()&0o111 == 0 {
		t.Errorf("%s: want an executable script (%v)", rel.Entry, err)
	}
	if rel.Files != h.Files || rel.PassFilenames == nil || *rel.PassFilenames || rel.MinimumPreCommitVersion != h.MinimumPreCommitVersion {
		t.Errorf("glosa-check-release runs on other files than glosa-check: %+v", rel)
	}
	if h.PassFilenames == nil || *h.PassFilenames {
		t.Error("pass_filenames must be false: glosa checks the whole repository")
	}
	files, err := regexp.Compile(h.Files)
	if err != nil {
		t.Fatalf("files: %v", err)
	}
	for path, want := range map[string]bool{
		"content/es/llm.md": true, "locales/active.es.yaml": true, "po/es.po": true, "glosa.yaml": true,
		"locales/en.json": true, "cmd/glosa/main.go": false, "README": false,
	} {
		if files.MatchString(path) != want {
			t.Errorf("files %q matches %s: %v, want %v", h.Files, path, !want, want)
		}
	}
}

// TestAction: action.yml is a composite action with the inputs the README
// documents, installs a release binary or builds glosa with go install, runs glosa check with flags
// that exist, and uploads SARIF only when asked.
func TestAction(t *testing.T) {
	type step struct {
		ID               string            `yaml:"id"`
		Name             string            `yaml:"name"`
		If               string            `yaml:"if"`
		Uses             string            `yaml:"uses"`
		With             map[string]string `yaml:"with"`
		Shell            string            `yaml:"shell"`
		Env              map[string]string `yaml:"env"`
		Run              string            `yaml:"run"`
		WorkingDirectory string            `yaml:"working-directory"`
	}
	var action struct {
		Name        string `yaml:"name"`
		Description string `yaml:"description"`
		Author      string `yaml:"author"`
		Branding    struct {
			Icon  string `yaml:"icon"`
			Color string `yaml:"color"`
		} `yaml:"branding"`
		Inputs map[string]struct {
			Description string `yaml:"description"`
			Required    bool   `yaml:"required"`
			Default     string `yaml:"default"`
		} `yaml:"inputs"`
		Outputs map[string]struct {
			Description string `yaml:"description"`
			Value       string `yaml:"value"`
		} `yaml:"outputs"`
		Runs struct {
			Using string `yaml:"using"`
			Steps []step `yaml:"steps"`
		} `yaml:"runs"`
	}
	readYAML(t, "action.yml", &action)
	if action.Name == "" || action.Description == "" {
		t.Error("name and description are required")
	}
	if action.Runs.Using != "composite" {
		t.Errorf("runs.using %q, want composite", action.Runs.Using)
	}
	for _, in := range []string{"version", "args", "sarif"} {
		if _, ok := action.Inputs[in]; !ok {
			t.Errorf("no input %s", in)
		}
	}
	if d := action.Inputs["sarif"].Default; d != "false" {
		t.Errorf("sarif defaults to %q, want false", d)
	}
	if d := action.Inputs["cache"].Default; d != "true" {
		t.Errorf("cache defaults to %q, want true", d)
	}
	flags := checkFlags(t)
	var install, check, upload bool
	// Where the check, the cache's restore and its save are among the
	// steps: restored before the check, saved after it and before the
	// verdict, the last step, so that a failed check keeps it too.
	checkAt, restoreAt, saveAt := -1, -1, -1
	for i, s := range action.Runs.Steps {
		switch {
		case s.ID == "check":
			checkAt = i
		case strings.HasPrefix(s.Uses, "actions/cache/restore@"):
			restoreAt = i
			if s.ID == "" || s.With["path"] != "${{ inputs.working-directory }}/.glosa/cache" || !strings.Contains(s.With["key"], "${{ github.sha }}") || s.With["restore-keys"] == "" {
				t.Errorf("the cache's restore step: id %q, with %v", s.ID, s.With)
			}
			if !strings.Contains(s.If, "inputs.cache == 'true'") {
				t.Errorf("the cache is restored with if %q; want it only when inputs.cache is true", s.If)
			}
		case strings.HasPrefix(s.Uses, "actions/cache/save@"):
			saveAt = i
			if s.With["path"] != "${{ inputs.working-directory }}/.glosa/cache" || !strings.Contains(s.With["key"], "cache-primary-key") {
				t.Errorf("the cache's save step: with %v", s.With)
			}
			if !strings.Contains(s.If, "inputs.cache == 'true'") || !strings.Contains(s.If, "cache-hit != 'true'") {
				t.Errorf("the cache is saved with if %q; want it when inputs.cache is true and the key was not found whole", s.If)
			}
		case strings.HasPrefix(s.Uses, "actions/cache@"):
			t.Errorf("step %q uses actions/cache, which saves only after a job that passed", s.Name)
		}
	}
	if last := len(action.Runs.Steps) - 1; restoreAt < 0 || !(restoreAt < checkAt && checkAt < saveAt && saveAt < last) {
		t.Errorf("steps: cache restored at %d, check at %d, cache saved at %d, of %d; want them in that order, before the last", restoreAt, checkAt, saveAt, last+1)
	}
	for _, s := range action.Runs.Steps {
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %q: a composite action's run step needs a shell", s.Name)
		}
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q: expressions in run scripts are injected as code; pass them in env", s.Name)
		}
		if strings.Contains(s.Run, `go install "github.com/glosa/glosa/cmd/glosa@$VERSION"`) &&
			strings.Contains(s.Run, `"$ACTION_PATH/.ci/install-glosa" "$VERSION"`) {
			install = true
		}
		for _, line := range strings.Split(s.Run, "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "glosa check ") {
				continue
			}
			check = check || strings.Contains(line, "--format github")
			for _, m := range regexp.MustCompile(`--([a-z-]+)`).FindAllStringSubmatch(line, -1) {
				if !flags[m[1]] {
					t.Errorf("step %q runs glosa check with --%s, which it does not have", s.Name, m[1])
				}
			}
		}
		if strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@") {
			upload = true
			if !strings.Contains(s.If, "inputs.sarif == 'true'") {
				t.Errorf("the upload runs with if %q; want it only when inputs.sarif is true", s.If)
			}
			if s.With["sarif_file"] == "" {
				t.Error("the upload names no sarif_file")
			}
		}
	}
	if !install || !check || !upload {
		t.Errorf("steps: install-glosa or go install %v, glosa check --format github %v, upload-sarif %v; want all", install, check, upload)
	}
}
