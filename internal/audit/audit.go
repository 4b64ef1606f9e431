// Package audit reads the precision audit of glosa's findings on real
// repositories (testdata/audit/) and computes its table.
//
// The audit has three kinds of tab-separated files, all written by hand or by
// the sampler (testdata/audit/sample):
//
//   - repos.tsv: one line per audited repository: its name (owner+name), the
//     commit audited, the kind of layout and the configuration file.
//   - findings/<repo>.tsv: what glosa check reported on that repository:
//     a "count" line per rule with the number of findings, and a "sample"
//     line per sampled finding with its fingerprint, path, line and message.
//   - verdicts.tsv: one line per classified finding: repo, rule, path, line,
//     fingerprint, verdict (true, false, debatable or ? when not classified
//     yet) and a one-line reason.
//
// A finding's fingerprint is made of its rule, path and message, never its
// line, so a verdict survives lines moving in the file. The package is pure:
// it parses text and returns text; the sampler and the test touch the disk.
package audit

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Verdict values a human writes in verdicts.tsv.
const (
	True      = "true"
	False     = "false"
	Debatable = "debatable"
	Unknown   = "?"
)

// Repo is a line of repos.tsv.
type Repo struct {
	Name   string // owner+name, the folder under the repositories' root
	Commit string // the commit audited
	Layout string // the kind of layout, in a few words
	Config string // the configuration file, relative to testdata/audit
}

// Count is the number of findings of one rule in one repository.
type Count struct {
	Rule     string
	Findings int
}

// Sampled is a finding drawn into the sample.
type Sampled struct {
	Rule        string
	Fingerprint string
	Path        string
	Line        int
	Message     string
}

// Findings is the content of findings/<repo>.tsv.
type Findings struct {
	Counts []Count
	Sample []Sampled
}

// Verdict is a line of verdicts.tsv.
type Verdict struct {
	Repo        string
	Rule        string
	Path        string
	Line        int
	Fingerprint string
	Verdict     string
	Reason      string
}

// Fingerprint identifies a finding across runs: a hash of its rule, path and
// message (no line or column, so a verdict survives line shifts).
func Fingerprint(rule, path, message string) string {
	sum := sha256.Sum256([]byte(rule + "\x00" + path + "\x00" + message))
	return hex.EncodeToString(sum[:8])
}

// SampleOrder is the key findings are sorted by before the first ones of
// each rule are sampled: a hash of the fingerprint seeded by the repository
// and the rule. A finding keeps its key whatever else is found, so the
// sample changes little when the set of findings changes little.
func SampleOrder(repo, rule, fingerprint string) string {
	sum := sha256.Sum256([]byte(repo + "\x00" + rule + "\x00" + fingerprint))
	return hex.EncodeToString(sum[:])
}

// Clean makes a message fit on one TSV cell: tabs and line breaks become
// spaces.
func Clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return ' '
		}
		return r
	}, s)
}

// Short cuts s to at most n runes, marking the cut with …: a finding's
// message may quote a whole paragraph of a repository, the audit keeps a line.
func Short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// rows reads a TSV file: lines that are empty or start with # are skipped,
// the first remaining line is the header, which must equal want.
func rows(r io.Reader, name string, want []string) ([][]string, error) {
	var out [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n, header := 0, false
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(line, "\t")
		if !header {
			if strings.Join(cells, "\t") != strings.Join(want, "\t") {
				return nil, fmt.Errorf("%s:%d: header is %q, want %q", name, n, line, strings.Join(want, "\t"))
			}
			header = true
			continue
		}
		if len(cells) != len(want) {
			return nil, fmt.Errorf("%s:%d: %d cells, want %d (%s)", name, n, len(cells), len(want), strings.Join(want, ", "))
		}
		out = append(out, cells)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if !header {
		return nil, fmt.Errorf("%s: no header line", name)
	}
	return out, nil
}

// Headers of the TSV files.
var (
	ReposHeader    = []string{"repo", "commit", "layout", "config"}
	FindingsHeader = []string{"kind", "rule", "findings", "fingerprint", "path", "line", "message"}
	VerdictsHeader = []string{"repo", "rule", "path", "line", "fingerprint", "verdict", "reason"}
)

// ReadRepos parses repos.tsv.
func ReadRepos(r io.Reader, name string) ([]Repo, error) {
	rs, err := rows(r, name, ReposHeader)
	if err != nil {
		return nil, err
	}
	out := make([]Repo, 0, len(rs))
	for _, c := range rs {
		out = append(out, Repo{Name: c[0], Commit: c[1], Layout: c[2], Config: c[3]})
	}
	return out, nil
}

// ReadFindings parses findings/<repo>.tsv.
func ReadFindings(r io.Reader, name string) (Findings, error) {
	rs, err := rows(r, name, FindingsHeader)
	if err != nil {
		return Findings{}, err
	}
	var f Findings
	for i, c := range rs {
		switch c[0] {
		case "count":
			n, err := strconv.Atoi(c[2])
			if err != nil {
				return Findings{}, fmt.Errorf("%s: row %d: findings %q: %w", name, i+1, c[2], err)
			}
			f.Counts = append(f.Counts, Count{Rule: c[1], Findings: n})
		case "sample":
			line, err := strconv.Atoi(c[5])
			if err != nil {
				return Findings{}, fmt.Errorf("%s: row %d: line %q: %w", name, i+1, c[5], err)
			}
			f.Sample = append(f.Sample, Sampled{Rule: c[1], Fingerprint: c[3], Path: c[4], Line: line, Message: c[6]})
		default:
			return Findings{}, fmt.Errorf("%s: row %d: kind %q, want count or sample", name, i+1, c[0])
		}
	}
	return f, nil
}

// WriteFindings writes findings/<repo>.tsv, counts first, sorted.
func WriteFindings(w io.Writer, repo, commit string, f Findings) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# glosa check on %s at %s: findings per rule, then the sample (written by testdata/audit/sample)\n", repo, commit)
	fmt.Fprintln(bw, strings.Join(FindingsHeader, "\t"))
	counts := append([]Count(nil), f.Counts...)
	sort.Slice(counts, func(i, j int) bool { return counts[i].Rule < counts[j].Rule })
	for _, c := range counts {
		fmt.Fprintf(bw, "count\t%s\t%d\t\t\t\t\n", c.Rule, c.Findings)
	}
	for _, s := range f.Sample {
		fmt.Fprintf(bw, "sample\t%s\t\t%s\t%s\t%d\t%s\n", s.Rule, s.Fingerprint, Clean(s.Path), s.Line, Short(Clean(s.Message), 200))
	}
	return bw.Flush()
}

// ReadVerdicts parses verdicts.tsv. A fingerprint classified twice in one
// repository is an error: the table would not know which verdict counts.
func ReadVerdicts(r io.Reader, name string) ([]Verdict, error) {
	rs, err := rows(r, name, VerdictsHeader)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := make([]Verdict, 0, len(rs))
	for i, c := range rs {
		line, err := strconv.Atoi(c[3])
		if err != nil {
			return nil, fmt.Errorf("%s: row %d: line %q: %w", name, i+1, c[3], err)
		}
		switch c[5] {
		case True, False, Debatable, Unknown:
		default:
			return nil, fmt.Errorf("%s: row %d: verdict %q, want true, false, debatable or ?", name, i+1, c[5])
		}
		if c[5] != Unknown && strings.TrimSpace(c[6]) == "" {
			return nil, fmt.Errorf("%s: row %d: verdict %s without a reason", name, i+1, c[5])
		}
		key := c[0] + "\x00" + c[4]
		if seen[key] {
			return nil, fmt.Errorf("%s: row %d: fingerprint %s of %s classified twice", name, i+1, c[4], c[0])
		}
		seen[key] = true
		out = append(out, Verdict{Repo: c[0], Rule: c[1], Path: c[2], Line: line, Fingerprint: c[4], Verdict: c[5], Reason: c[6]})
	}
	return out, nil
}

// WriteVerdicts writes verdicts.tsv, sorted by repository, rule, path, line
// and fingerprint.
func WriteVerdicts(w io.Writer, vs []Verdict) error {
	vs = append([]Verdict(nil), vs...)
	sort.Slice(vs, func(i, j int) bool {
		a, b := vs[i], vs[j]
		if a.Repo != b.Repo {
			return a.Repo < b.Repo
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Fingerprint < b.Fingerprint
	})
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "# one line per classified finding: true = a maintainer would change the translation (or source) for it; false = not a problem; debatable; ? = not classified yet")
	fmt.Fprintln(bw, strings.Join(VerdictsHeader, "\t"))
	for _, v := range vs {
		fmt.Fprintf(bw, "%s\t%s\t%s\t%d\t%s\t%s\t%s\n", v.Repo, v.Rule, Clean(v.Path), v.Line, v.Fingerprint, v.Verdict, Clean(v.Reason))
	}
	return bw.Flush()
}
