package audit

import (
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/audit/table.md from the TSV files")

const dir = "../../testdata/audit"

// load reads the committed audit.
func load(t *testing.T) ([]Repo, map[string]Findings, []Verdict) {
	t.Helper()
	open := func(name string) *os.File {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	repos, err := ReadRepos(open("repos.tsv"), "repos.tsv")
	if err != nil {
		t.Fatal(err)
	}
	findings := map[string]Findings{}
	for _, r := range repos {
		name := filepath.Join("findings", r.Name+".tsv")
		f, err := ReadFindings(open(name), name)
		if err != nil {
			t.Fatal(err)
		}
		findings[r.Name] = f
	}
	verdicts, err := ReadVerdicts(open("verdicts.tsv"), "verdicts.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return repos, findings, verdicts
}

// TestTableIsCurrent regenerates table.md from the TSV files: the table can
// never say other than the verdicts. -update rewrites it.
func TestTableIsCurrent(t *testing.T) {
	got := Table(load(t))
	path := filepath.Join(dir, "table.md")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != got {
		t.Errorf("%s is not what the TSV files give; run go test ./internal/audit -update\ngot:\n%s", path, got)
	}
}

// TestVerdictsMatchSample checks that every verdict names the rule and path
// of the finding its fingerprint comes from, so a verdict cannot be moved to
// another finding by a typo.
func TestVerdictsMatchSample(t *testing.T) {
	repos, findings, verdicts := load(t)
	known := map[string]bool{}
	for _, r := range repos {
		known[r.Name] = true
	}
	for _, v := range verdicts {
		if !known[v.Repo] {
			t.Errorf("verdict for %s, which repos.tsv does not list", v.Repo)
			continue
		}
		for _, s := range findings[v.Repo].Sample {
			if s.Fingerprint == v.Fingerprint && (s.Rule != v.Rule || s.Path != v.Path) {
				t.Errorf("%s %s: verdict says %s %s, the sample %s %s", v.Repo, v.Fingerprint, v.Rule, v.Path, s.Rule, s.Path)
			}
		}
	}
}

func TestEstimated(t *testing.T) {
	strata := []Stratum{
		{Rule: "a", Findings: 100, Sampled: 4, True: 3, False: 1},               // 75%
		{Rule: "b", Findings: 300, Sampled: 4, True: 2, False: 0, Debatable: 2}, // 100%, ½: 75%
		{Rule: "c", Findings: 50, Sampled: 1, Unclassified: 1},                  // not weighed
	}
	e := Estimated(strata)
	if want := (100*0.75 + 300*1.0) / 400; math.Abs(e.Precision-want) > 1e-9 || !e.HasPrec {
		t.Errorf("precision %v, want %v", e.Precision, want)
	}
	if want := (100*0.75 + 300*0.75) / 400; math.Abs(e.Half-want) > 1e-9 {
		t.Errorf("half %v, want %v", e.Half, want)
	}
	if e.Missing != 1 || e.Findings != 450 || e.Weighted != 400 || e.Classify != 1 {
		t.Errorf("got %+v", e)
	}
}

func TestReadVerdictsRefuses(t *testing.T) {
	head := strings.Join(VerdictsHeader, "\t") + "\n"
	for name, body := range map[string]string{
		"bad verdict": "r\tx\tp\t1\tab\tmaybe\twhy\n",
		"no reason":   "r\tx\tp\t1\tab\tfalse\t\n",
		"twice":       "r\tx\tp\t1\tab\ttrue\twhy\nr\tx\tp\t2\tab\tfalse\twhy\n",
		"short":       "r\tx\tp\t1\tab\ttrue\n",
	} {
		if _, err := ReadVerdicts(strings.NewReader(head+body), "v.tsv"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestFingerprintIgnoresLine(t *testing.T) {
	a := Fingerprint("same-as-source", "p.md", "identical")
	if a != Fingerprint("same-as-source", "p.md", "identical") || a == Fingerprint("structure", "p.md", "identical") {
		t.Error("fingerprint is not made of rule, path and message")
	}
}
