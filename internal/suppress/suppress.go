// Package suppress reads the comments and flags by which a file says that
// some of glosa's findings in it are intended, in the file's own syntax:
//
//   - in a Markdown body, HTML comments in markdownlint's style:
//     <!-- glosa-disable-next-line same-as-source -->,
//     <!-- glosa-disable rule … --> … <!-- glosa-enable rule … -->,
//     <!-- glosa-disable-line rule -->, <!-- glosa-disable-file rule -->;
//     in MDX the same words in an expression comment, {/* … */};
//   - in YAML or TOML front matter, the same words in a # comment;
//   - on a PO entry, a flag: glosa-ignore-RULE, or one of Weblate's
//     ignore-CHECK flags that names a check glosa also makes;
//   - in a go-i18n message's description, "glosa-ignore: rule, rule".
//
// A directive that names no rule names every rule. The package knows
// nothing of the rules: it returns what each directive names and which
// lines it covers, and package lint matches findings against them.
package suppress

import (
	"bytes"
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// Marker is what every directive of glosa's holds. A file whose text does
// not contain it has none, so only files that do are read for them.
const Marker = "glosa-"

// Marked reports whether data may hold a directive.
func Marked(data []byte) bool { return bytes.Contains(data, []byte(Marker)) }

// The forms of a directive in a comment.
const (
	Disable         = "glosa-disable"
	Enable          = "glosa-enable"
	DisableNextLine = "glosa-disable-next-line"
	DisableLine     = "glosa-disable-line"
	DisableFile     = "glosa-disable-file"
	// Ignore is the form of a go-i18n description ("glosa-ignore: rule")
	// and the prefix of a PO flag (glosa-ignore-rule).
	Ignore = "glosa-ignore"
)

// Directive is one suppression as written.
type Directive struct {
	// Line and Column locate it, 1-based (Column counts runes).
	Line, Column int
	// Form is the directive's keyword (Disable, DisableNextLine…) or, on
	// a PO entry, the flag as written.
	Form string
	// Rules are the rule IDs it names, in order; none means every rule.
	Rules []string
	// Foreign marks a directive in another tool's convention (Weblate's
	// flags): it is honoured, and it is not glosa's to call unused.
	Foreign bool
}

// Scope is where a directive suppresses a rule: lines From to To of a
// file, inclusive. The whole file, findings about no line included, is
// From 0 to To math.MaxInt.
type Scope struct {
	// Directive indexes File.Directives.
	Directive int
	// Rule is the rule suppressed, "" for every rule.
	Rule     string
	From, To int
}

// Covers reports whether the scope suppresses a finding of rule at line.
func (s Scope) Covers(rule string, line int) bool {
	return (s.Rule == "" || s.Rule == rule) && s.From <= line && line <= s.To
}

// Problem is a directive that cannot do what it says: an unknown keyword
// (glosa-disable-nextline), or a glosa-enable with nothing to enable.
type Problem struct {
	Line, Column int
	Form         string
	// Rule is the rule a glosa-enable names that no glosa-disable opened,
	// "" when it named none.
	Rule string
	Kind ProblemKind
}

// ProblemKind says what is wrong with a directive.
type ProblemKind int

// The kinds of Problem.
const (
	// UnknownForm is a glosa-… keyword that is none of the forms.
	UnknownForm ProblemKind = iota + 1
	// NothingToEnable is a glosa-enable without an open glosa-disable.
	NothingToEnable
)

// File is what a file says: its directives, the lines they cover, and
// the directives that cannot be read.
type File struct {
	Directives []Directive
	Scopes     []Scope
	Problems   []Problem
}

// Add adds a directive that covers lines from to to, a scope for each
// rule it names (one for every rule when it names none).
func (f *File) Add(d Directive, from, to int) {
	i := len(f.Directives)
	f.Directives = append(f.Directives, d)
	if len(d.Rules) == 0 {
		f.Scopes = append(f.Scopes, Scope{Directive: i, From: from, To: to})
		return
	}
	for _, r := range d.Rules {
		f.Scopes = append(f.Scopes, Scope{Directive: i, Rule: r, From: from, To: to})
	}
}

// Region is a part of a content file, lines From to To inclusive, and the
// comment syntax its directives are written in.
type Region struct {
	From, To int
	Syntax   Syntax
}

// Syntax is how a region writes comments.
type Syntax int

// The syntaxes of regions.
const (
	// Markdown: HTML comments and MDX expression comments; fenced code
	// blocks are skipped; a next-line directive covers the next block.
	Markdown Syntax = iota + 1
	// Hash: # comments (YAML and TOML front matter); a next-line
	// directive covers the next line and the lines indented under it.
	Hash
)

// The directives of a line: the keyword, then what follows up to the
// comment's end.
var (
	htmlRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<!--\s*(glosa-[a-z-]*)(.*?)-->`) })
	mdxRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{/\*\s*(glosa-[a-z-]*)(.*?)\s*\*/\s*\}`) })
	hashRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?:^|\s)#\s*(glosa-[a-z-]*)(.*)$`) })
)

// Content reads the directives of a content file: regions say which
// lines are front matter (Hash) and which are the Markdown body; lines in
// no region are not read.
func Content(data []byte, regions []Region) *File {
	lines := splitLines(data)
	f := &File{}
	s := &state{file: f, lines: lines, open: map[string]int{}}
	for _, r := range regions {
		s.region = r
		fence := ""
		for n := max(r.From, 1); n <= min(r.To, len(lines)); n++ {
			line := lines[n-1]
			if r.Syntax == Markdown {
				if fence != "" {
					if closesFence(line, fence) {
						fence = ""
					}
					continue
				}
				if open := opensFence(line); open != "" {
					fence = open
					continue
				}
			}
			if !strings.Contains(line, Marker) {
				continue
			}
			for _, m := range find(line, r.Syntax) {
				s.directive(n, line, m)
			}
		}
	}
	// A glosa-disable left open runs to the end of the file.
	for _, i := range s.open {
		f.Scopes[i].To = math.MaxInt
	}
	return f
}

// find returns the submatch indexes of the directives of a line.
func find(line string, syn Syntax) [][]int {
	if syn == Hash {
		if m := hashRE().FindStringSubmatchIndex(line); m != nil {
			return [][]int{m}
		}
		return nil
	}
	out := htmlRE().FindAllStringSubmatchIndex(line, -1)
	out = append(out, mdxRE().FindAllStringSubmatchIndex(line, -1)...)
	return out
}

// state is what Content knows while it reads: the ranges open.
type state struct {
	file   *File
	lines  []string
	region Region
	// open maps a rule ("" for every rule) to the scope a glosa-disable
	// opened for it and no glosa-enable has closed.
	open map[string]int
}

func (s *state) directive(n int, line string, m []int) {
	form := line[m[2]:m[3]]
	rules := Rules(line[m[4]:m[5]])
	// The column is the comment's: where its opener is.
	start := m[0]
	if line[start] == ' ' || line[start] == '\t' {
		start++
	}
	col := utf8.RuneCountInString(line[:start]) + 1
	d := Directive{Line: n, Column: col, Form: form, Rules: rules}
	f := s.file
	switch form {
	case DisableFile:
		f.Add(d, 0, math.MaxInt)
	case DisableLine:
		f.Add(d, n, n)
	case DisableNextLine:
		from, to := s.next(n)
		switch {
		case from == 0:
			from, to = n+1, n // covers nothing: reported unused
		case s.region.Syntax == Markdown && s.onlyDirectives(line):
			// A line of nothing but directives is covered too: a
			// finding about the whole body, which glosa places at its
			// first line, lands on the directive when it is the body's
			// first line.
			from = n
		}
		f.Add(d, from, to)
	case Disable:
		keys := rules
		if len(keys) == 0 {
			keys = []string{""}
		}
		// A rule disabled again while open starts a new range.
		for _, k := range keys {
			if i, ok := s.open[k]; ok {
				f.Scopes[i].To = n - 1
			}
		}
		first := len(f.Scopes)
		f.Add(d, n, math.MaxInt)
		for i, k := range keys {
			s.open[k] = first + i
		}
	case Enable:
		keys := rules
		if len(keys) == 0 {
			// A plain glosa-enable closes every range open.
			if len(s.open) == 0 {
				f.Problems = append(f.Problems, Problem{Line: n, Column: col, Form: form, Kind: NothingToEnable})
			}
			for k, i := range s.open {
				f.Scopes[i].To = n
				delete(s.open, k)
			}
			return
		}
		for _, k := range keys {
			i, ok := s.open[k]
			if !ok {
				f.Problems = append(f.Problems, Problem{Line: n, Column: col, Form: form, Rule: k, Kind: NothingToEnable})
				continue
			}
			f.Scopes[i].To = n
			delete(s.open, k)
		}
	default:
		f.Problems = append(f.Problems, Problem{Line: n, Column: col, Form: form, Kind: UnknownForm})
	}
}

// next returns the lines a next-line directive on line n covers: in
// Markdown the next block (the next line that is neither blank nor only
// directives, to the line before a blank one, or a whole fenced code
// block); in front matter the next line that is not blank or a comment,
// and the lines indented under it (a field and its value). 0, 0 when the
// region ends first.
func (s *state) next(n int) (from, to int) {
	end := min(s.region.To, len(s.lines))
	for i := n + 1; i <= end; i++ {
		line := s.lines[i-1]
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || s.onlyDirectives(line) {
			continue
		}
		if s.region.Syntax == Hash {
			if strings.HasPrefix(trimmed, "#") {
				continue
			}
			indent := indentOf(line)
			to = i
			for j := i + 1; j <= end; j++ {
				l := s.lines[j-1]
				if strings.TrimSpace(l) == "" {
					continue
				}
				if indentOf(l) <= indent {
					break
				}
				to = j
			}
			return i, to
		}
		if fence := opensFence(line); fence != "" {
			for j := i + 1; j <= end; j++ {
				if closesFence(s.lines[j-1], fence) {
					return i, j
				}
			}
			return i, end
		}
		to = i
		for j := i + 1; j <= end && strings.TrimSpace(s.lines[j-1]) != ""; j++ {
			to = j
		}
		return i, to
	}
	return 0, 0
}

// onlyDirectives reports whether a line holds nothing but directive
// comments: a stack of them is skipped on the way to the line they cover.
func (s *state) onlyDirectives(line string) bool {
	if !strings.Contains(line, Marker) {
		return false
	}
	if s.region.Syntax == Hash {
		return strings.HasPrefix(strings.TrimSpace(line), "#")
	}
	rest := htmlRE().ReplaceAllString(line, "")
	rest = mdxRE().ReplaceAllString(rest, "")
	return strings.TrimSpace(rest) == ""
}

// Rules reads the rules a directive names: words separated by spaces or
// commas, up to a " -- " that starts a free-form reason.
func Rules(s string) []string {
	if i := reasonStart(s); i >= 0 {
		s = s[:i]
	}
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if len(fields) == 0 {
		return nil
	}
	return fields
}

// reasonStart is where a "--" that starts a reason is, -1 without one.
func reasonStart(s string) int {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '-' && s[i+1] == '-' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return i
		}
	}
	return -1
}

// Description reads "glosa-ignore: rule, rule" in a go-i18n message's
// description (the colon may be left out): the rules, comma-separated,
// end at the first word not after a comma, so that a sentence may
// follow; none means every rule. ok is false when the description holds
// no glosa-ignore.
func Description(desc string) (rules []string, ok bool) {
	i := strings.Index(desc, Ignore)
	for i >= 0 {
		rest := desc[i+len(Ignore):]
		if rest == "" || rest[0] == ':' || rest[0] == ' ' || rest[0] == '\t' {
			return descriptionRules(strings.TrimPrefix(rest, ":")), true
		}
		j := strings.Index(rest, Ignore)
		if j < 0 {
			break
		}
		i += len(Ignore) + j
	}
	return nil, false
}

// descriptionRules reads the comma-separated rules after glosa-ignore.
func descriptionRules(rest string) []string {
	var rules []string
	for {
		rest = strings.TrimLeft(rest, " \t")
		j := 0
		for j < len(rest) && isRuleByte(rest[j]) {
			j++
		}
		if j == 0 {
			return rules
		}
		rules = append(rules, rest[:j])
		rest = strings.TrimLeft(rest[j:], " \t")
		if !strings.HasPrefix(rest, ",") {
			return rules
		}
		rest = rest[1:]
	}
}

func isRuleByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-'
}

// Flag reads a PO flag: glosa-ignore-RULE (glosa-ignore alone names every
// rule), or one of aliases (another
// tool's flag, e.g. Weblate's ignore-same, mapped to the rule glosa
// checks the same thing with). ok is false for any other flag.
func Flag(flag string, aliases map[string]string) (d Directive, ok bool) {
	if flag == Ignore {
		return Directive{Form: flag}, true
	}
	if rule, found := strings.CutPrefix(flag, Ignore+"-"); found && rule != "" {
		return Directive{Form: flag, Rules: []string{rule}}, true
	}
	if rule, found := aliases[flag]; found {
		return Directive{Form: flag, Rules: []string{rule}, Foreign: true}, true
	}
	return Directive{}, false
}

// splitLines returns the lines of data without their endings.
func splitLines(data []byte) []string {
	s := string(data)
	lines := strings.Split(s, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return lines
}

// opensFence returns the fence a line opens (``` or ~~~, three or more,
// indented up to three spaces), "" when it opens none.
func opensFence(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || t[0] == '`' && strings.Contains(t[n:], "`") {
		return ""
	}
	return t[:n]
}

// closesFence reports whether a line closes a code block opened by fence:
// the same character at least as many times, nothing else but spaces.
func closesFence(line, fence string) bool {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return false
	}
	n := 0
	for n < len(t) && t[n] == fence[0] {
		n++
	}
	return n >= len(fence) && strings.TrimSpace(t[n:]) == ""
}

// indentOf is the number of leading spaces and tabs of a line.
func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " \t")) }
