package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/glosa/glosa/internal/gate"
	"github.com/glosa/glosa/internal/lint"
)

// The JUnit XML of check --format junit, for CI systems that show test
// reports (GitLab, Jenkins, Azure Pipelines…). One <testsuite> per
// language; in it one <testcase> per entry (classname "es.entries", name
// the slug), one per catalog (classname "es.catalogs", name its path
// pattern) and, when --min-coverage names the language, one for its
// coverage (classname "es.coverage", name "min-coverage"). A test case
// fails with one <failure> listing every finding at or above --fail-on and
// every gate failure of its file; findings below the threshold, and those
// a baseline accepts (marked "(baselined)"), are listed in its
// <system-out>. The shape is that of the JUnit schema Jenkins'
// xUnit plugin ships (junit-10.xsd), checked in a test with xmllint.

// JUnitSuites is the <testsuites> document.
type JUnitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []JUnitSuite `xml:"testsuite"`
}

// JUnitSuite is one language's test cases.
type JUnitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []JUnitCase `xml:"testcase"`
}

// JUnitCase is one entry, catalog or coverage gate in one language.
type JUnitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *JUnitFailure `xml:"failure,omitempty"`
	SystemOut *JUnitText    `xml:"system-out,omitempty"`
}

// JUnitText is text kept readable: line breaks stay line breaks, where
// encoding/xml writes &#xA;.
type JUnitText struct {
	Text string `xml:",innerxml"`
}

// JUnitFailure is why a test case failed: Message the first problem,
// Type the rules and states involved, the text every problem, one a line.
type JUnitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",innerxml"`
}

// junitCase gathers a test case's problems before it is written.
type junitCase struct {
	lang, class, name string
	failing           []junitProblem
	passing           []string
}

// junitProblem is one line of a failure.
type junitProblem struct{ tag, message, line string }

// JUnit builds the JUnit document of a check under policy, the one that
// judged it (its threshold splits findings into failures and output, its
// coverage minimums make test cases).
func (c Check) JUnit(policy gate.Policy) JUnitSuites {
	rep := c.View.Report
	var cases []*junitCase
	byKey := map[string]*junitCase{}
	add := func(lang, class, name string) *junitCase {
		k := lang + "\x00" + class + "\x00" + name
		if tc, ok := byKey[k]; ok {
			return tc
		}
		tc := &junitCase{lang: lang, class: class, name: name}
		byKey[k] = tc
		cases = append(cases, tc)
		return tc
	}
	// Findings and failures are filed by language and path; an entry's
	// also by its slug, for files that are not its translation (a
	// duplicate-slug's ignored file).
	byPath := map[string]*junitCase{}
	key := func(lang, path string) string { return lang + "\x00" + path }
	for _, it := range rep.Items {
		if it.Source != nil {
			byPath[key(rep.Source, it.Source.Path)] = add(rep.Source, "entries", it.Slug)
		}
		for _, t := range it.Translations {
			tc := add(t.Lang, "entries", it.Slug)
			if t.Path != "" {
				byPath[key(t.Lang, t.Path)] = tc
			}
		}
	}
	for _, cat := range rep.Catalogs {
		tc := add(cat.Source, "catalogs", cat.Pattern)
		for _, m := range cat.Messages {
			if m.Path != "" {
				byPath[key(cat.Source, m.Path)] = tc
			}
		}
		shown := []string{cat.Source}
		for _, l := range cat.Languages {
			add(l.Lang, "catalogs", cat.Pattern)
			shown = append(shown, l.Lang)
		}
		for _, f := range cat.Files {
			lang := f.Lang
			if f.Template || lang == "" {
				lang = cat.Source
			}
			if slices.Contains(shown, lang) { // not a language --lang left out
				byPath[key(lang, f.Path)] = add(lang, "catalogs", cat.Pattern)
			}
		}
		for _, m := range cat.Messages {
			for _, t := range m.Translations {
				if t.Path != "" {
					byPath[key(t.Lang, t.Path)] = add(t.Lang, "catalogs", cat.Pattern)
				}
			}
		}
	}
	for _, l := range rep.Languages {
		if _, ok := minCoverage(policy, l.Lang); ok {
			add(l.Lang, "coverage", "min-coverage")
		}
	}
	find := func(lang, path, slug string) *junitCase {
		if lang == "" {
			lang = rep.Source
		}
		if tc, ok := byPath[key(lang, path)]; ok {
			return tc
		}
		if tc, ok := byKey[lang+"\x00entries\x00"+slug]; ok && slug != "" {
			return tc
		}
		return add(lang, "files", path)
	}
	for _, f := range c.Findings {
		line := findingLine(f)
		tc := find(f.Lang, f.Path, f.Slug)
		switch {
		case baselined(f):
			tc.passing = append(tc.passing, line+" (baselined)")
		case policy.Fails(f):
			tc.failing = append(tc.failing, junitProblem{f.Rule, f.Message, line})
		default:
			tc.passing = append(tc.passing, line)
		}
	}
	for _, f := range c.Result.Failures {
		var tc *junitCase
		switch f.Reason {
		case "coverage":
			tc = add(f.Lang, "coverage", "min-coverage")
		case "message":
			tc = find(f.Lang, f.Path, "")
		default:
			tc = find(f.Lang, f.Path, f.Slug)
		}
		tc.failing = append(tc.failing, junitProblem{failureTag(f), f.Message, failureLine(f)})
	}
	return junitDocument(cases, c.languageOrder())
}

// minCoverage is the minimum coverage policy sets for a language.
func minCoverage(policy gate.Policy, lang string) (float64, bool) {
	if v, ok := policy.MinCoverage[lang]; ok {
		return v, true
	}
	v, ok := policy.MinCoverage["*"]
	return v, ok
}

// languageOrder ranks languages: the source, then the others as the
// project orders them; languages the project does not list sort last.
func (c Check) languageOrder() func(a, b string) int {
	rep := c.View.Report
	rank := map[string]int{rep.Source: 0}
	if rep.Repo != nil {
		for i, l := range rep.Repo.Languages {
			if _, ok := rank[l]; !ok {
				rank[l] = i + 1
			}
		}
	}
	return func(a, b string) int {
		ra, oka := rank[a]
		rb, okb := rank[b]
		switch {
		case oka && okb && ra != rb:
			return ra - rb
		case oka != okb:
			if oka {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	}
}

// junitDocument groups the cases into suites and counts them.
func junitDocument(cases []*junitCase, order func(a, b string) int) JUnitSuites {
	classRank := map[string]int{"entries": 0, "catalogs": 1, "files": 2, "coverage": 3}
	sort.SliceStable(cases, func(i, j int) bool {
		a, b := cases[i], cases[j]
		if a.lang != b.lang {
			return order(a.lang, b.lang) < 0
		}
		if a.class != b.class {
			return classRank[a.class] < classRank[b.class]
		}
		return a.name < b.name
	})
	doc := JUnitSuites{Name: "glosa check", Suites: []JUnitSuite{}}
	for _, tc := range cases {
		if n := len(doc.Suites); n == 0 || doc.Suites[n-1].Name != tc.lang {
			doc.Suites = append(doc.Suites, JUnitSuite{Name: tc.lang})
		}
		s := &doc.Suites[len(doc.Suites)-1]
		jc := JUnitCase{Name: tc.name, Classname: tc.lang + "." + tc.class}
		if len(tc.passing) > 0 {
			jc.SystemOut = &JUnitText{xmlText(strings.Join(tc.passing, "\n") + "\n")}
		}
		if len(tc.failing) > 0 {
			var tags, lines []string
			for _, p := range tc.failing {
				if !slices.Contains(tags, p.tag) {
					tags = append(tags, p.tag)
				}
				lines = append(lines, p.line)
			}
			sort.Strings(tags)
			msg := tc.failing[0].message
			if n := len(tc.failing) - 1; n > 0 {
				msg += fmt.Sprintf(" (and %d more)", n)
			}
			jc.Failure = &JUnitFailure{Message: msg, Type: strings.Join(tags, " "), Text: xmlText(strings.Join(lines, "\n") + "\n")}
			s.Failures++
			doc.Failures++
		}
		s.Tests++
		doc.Tests++
		s.Cases = append(s.Cases, jc)
	}
	return doc
}

// findingLine is a finding as check's text output words it, in English:
// "path:line:col: severity: message [rule]", and its fix indented below.
func findingLine(f lint.Finding) string {
	s := fmt.Sprintf("%s: %s: %s [%s]", location(f.Path, f.Line, f.Column), f.Severity, f.Message, f.Rule)
	if f.Fix != "" {
		s += "\n    fix: " + f.Fix
	}
	return s
}

// failureLine is a failure as check's text output words it, in English.
func failureLine(f gate.Failure) string {
	where := f.Path
	switch {
	case f.Reason == "coverage":
		where = "coverage " + f.Lang
	case f.Line > 0:
		where = fmt.Sprintf("%s:%d", f.Path, f.Line)
	}
	return fmt.Sprintf("%s: fail: %s [%s]", where, f.Message, failureTag(f))
}

// xmlText escapes s as XML character data: &, < and > as entities, CR as
// a reference (a parser would turn a raw one into LF), and what XML 1.0
// cannot hold at all (NUL, most control characters, invalid UTF-8) as
// U+FFFD, as encoding/xml does; line breaks and tabs stay as they are.
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;")
		case r == '\n' || r == '\t' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF:
			b.WriteRune(r)
		default:
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}

// CheckJUnit writes the JUnit XML of a check under policy.
func CheckJUnit(w io.Writer, c Check, policy gate.Policy) error {
	out, err := xml.MarshalIndent(c.JUnit(policy), "", "  ")
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, xml.Header+string(out)+"\n")
	return err
}
