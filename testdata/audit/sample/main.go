// Command sample runs glosa check on every repository of the precision audit
// and draws the sample of findings to classify.
//
//	go run ./testdata/audit/sample -glosa /tmp/glosa -repos /work/repos
//
// For each line of testdata/audit/repos.tsv it runs
// `glosa --no-cache --config configs/X.yaml -C REPOS/X check --format json`,
// writes findings/X.tsv (findings per rule and the sample: per rule, the
// findings whose seeded hash of their fingerprint comes first) and adds a
// `?` line to verdicts.tsv for every sampled finding not classified yet. A
// finding already classified (same repository and fingerprint) keeps its
// verdict. Then classify the `?` lines and run `go test ./internal/audit
// -update` to rewrite table.md.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"

	"github.com/glosa/glosa/internal/audit"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "sample:", err)
		os.Exit(1)
	}
}

type finding struct {
	Rule    string `json:"rule"`
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

func run() error {
	glosa := flag.String("glosa", "glosa", "the glosa binary to run")
	reposDir := flag.String("repos", "", "the folder holding the repositories, one folder per owner+name (required)")
	dir := flag.String("dir", "testdata/audit", "the audit folder")
	n := flag.Int("n", 20, "findings to sample per rule and repository")
	only := flag.String("repo", "", "sample only this repository (owner+name)")
	flag.Parse()
	if *reposDir == "" {
		return errors.New("-repos is required")
	}
	bin, err := exec.LookPath(*glosa)
	if err != nil {
		return err
	}
	if bin, err = filepath.Abs(bin); err != nil {
		return err
	}
	rf, err := os.Open(filepath.Join(*dir, "repos.tsv"))
	if err != nil {
		return err
	}
	repos, err := audit.ReadRepos(rf, "repos.tsv")
	rf.Close()
	if err != nil {
		return err
	}
	verdictsPath := filepath.Join(*dir, "verdicts.tsv")
	var verdicts []audit.Verdict
	if vf, err := os.Open(verdictsPath); err == nil {
		verdicts, err = audit.ReadVerdicts(vf, "verdicts.tsv")
		vf.Close()
		if err != nil {
			return err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	known := map[string]int{}
	for i, v := range verdicts {
		known[v.Repo+"\x00"+v.Fingerprint] = i
	}
	for _, r := range repos {
		if *only != "" && r.Name != *only {
			continue
		}
		root := filepath.Join(*reposDir, r.Name)
		if head, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output(); err == nil && strings.TrimSpace(string(head)) != r.Commit {
			fmt.Fprintf(os.Stderr, "sample: warning: %s is at %s, repos.tsv audited %s\n", r.Name, strings.TrimSpace(string(head)), r.Commit)
		}
		cfg, err := filepath.Abs(filepath.Join(*dir, r.Config))
		if err != nil {
			return err
		}
		fs, err := check(bin, cfg, root)
		if err != nil {
			return fmt.Errorf("%s: %w", r.Name, err)
		}
		f := draw(r.Name, fs, *n)
		var buf bytes.Buffer
		if err := audit.WriteFindings(&buf, r.Name, r.Commit, f); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(*dir, "findings"), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(*dir, "findings", r.Name+".tsv"), buf.Bytes(), 0o644); err != nil {
			return err
		}
		added := 0
		for _, s := range f.Sample {
			key := r.Name + "\x00" + s.Fingerprint
			if i, ok := known[key]; ok {
				verdicts[i].Line = s.Line
				continue
			}
			known[key] = len(verdicts)
			verdicts = append(verdicts, audit.Verdict{Repo: r.Name, Rule: s.Rule, Path: s.Path, Line: s.Line, Fingerprint: s.Fingerprint, Verdict: audit.Unknown})
			added++
		}
		fmt.Fprintf(os.Stderr, "sample: %s: %d findings, %d sampled, %d to classify\n", r.Name, len(fs), len(f.Sample), added)
	}
	var buf bytes.Buffer
	if err := audit.WriteVerdicts(&buf, verdicts); err != nil {
		return err
	}
	return os.WriteFile(verdictsPath, buf.Bytes(), 0o644)
}

// check runs glosa check on one repository and returns its findings.
func check(bin, cfg, root string) ([]finding, error) {
	cmd := exec.Command(bin, "--no-cache", "--config", cfg, "-C", root, "check", "--format", "json")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		return nil, fmt.Errorf("%s: %w: %s", strings.Join(cmd.Args, " "), err, strings.TrimSpace(stderr.String()))
	}
	var doc struct {
		Findings []finding `json:"findings"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return nil, fmt.Errorf("reading glosa's JSON: %w", err)
	}
	return doc.Findings, nil
}

// draw counts the findings per rule and samples n of each rule: the findings
// (one per fingerprint, the first by path and line) ordered by their seeded
// hash, so the sample is the same on every run and changes little when a
// few findings come or go.
func draw(repo string, fs []finding, n int) audit.Findings {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Path != fs[j].Path {
			return fs[i].Path < fs[j].Path
		}
		return fs[i].Line < fs[j].Line
	})
	count := map[string]int{}
	type cand struct {
		key string
		s   audit.Sampled
	}
	byRule := map[string][]cand{}
	seen := map[string]bool{}
	for _, x := range fs {
		count[x.Rule]++
		fp := audit.Fingerprint(x.Rule, x.Path, x.Message)
		if seen[fp] {
			continue
		}
		seen[fp] = true
		byRule[x.Rule] = append(byRule[x.Rule], cand{audit.SampleOrder(repo, x.Rule, fp),
			audit.Sampled{Rule: x.Rule, Fingerprint: fp, Path: x.Path, Line: x.Line, Message: x.Message}})
	}
	var f audit.Findings
	rules := make([]string, 0, len(count))
	for r, c := range count {
		rules = append(rules, r)
		f.Counts = append(f.Counts, audit.Count{Rule: r, Findings: c})
	}
	sort.Strings(rules)
	for _, r := range rules {
		cs := byRule[r]
		sort.Slice(cs, func(i, j int) bool { return cs[i].key < cs[j].key })
		if len(cs) > n {
			cs = cs[:n]
		}
		sort.Slice(cs, func(i, j int) bool {
			if cs[i].s.Path != cs[j].s.Path {
				return cs[i].s.Path < cs[j].s.Path
			}
			return cs[i].s.Line < cs[j].s.Line
		})
		for _, c := range cs {
			f.Sample = append(f.Sample, c.s)
		}
	}
	return f
}
