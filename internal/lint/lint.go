// Package lint finds what only a comparison across languages shows: links
// to another locale's pages, dangling related slugs, citations beyond the
// sources, keys that differ, fields left out, text left in the source
// language, structure that drifted, and files that cannot be parsed.
//
// Each rule lives in its own file, named after its ID (structure.go), and
// registers itself: `var _ = register(Rule{…})` declares its ID,
// default severity, one-line summary, Markdown doc and options. Rules,
// glosa rules, SARIF's rules[] and the reference docs are derived from
// these declarations; no list of the rules is kept anywhere else.
//
// To add a rule: write its file with its declaration and its check (read
// the report through the checker; emit findings whose Text and FixText are
// l10n messages), add those message IDs to locales/active.{en,es,it}.yaml,
// and a testscript check_ID.txtar. An option is declared in the rule's
// file with its kind (intOption, boolOption, severityOption, …), listed in
// the rule's Options, and read with opt.of(c): New parses glosa.yaml's
// value once by the declared kind and refuses a value of another kind, or
// an option the rule does not declare, at its line.
package lint

import (
	"cmp"
	"crypto/sha256"
	"errors"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/l10n"
	"github.com/glosa/glosa/internal/status"
	"github.com/glosa/glosa/internal/term"
)

// Severity grades a finding.
type Severity string

// The severities, from the most severe.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank orders severities: a higher rank is more severe.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Info:
		return 1
	}
	return 0
}

// Finding is one problem in one file.
type Finding struct {
	Rule     string
	Severity Severity
	Path     string
	// Line and Column are 1-based; 0 when the problem is the whole file.
	Line, Column int
	Lang, Slug   string
	// Message says what is wrong, in English (for JSON and annotations);
	// Text says it in a form the terminal words in the user's language.
	Message string
	Text    l10n.Text
	// Fix says how to mend it, when glosa knows; FixText is its Text.
	Fix     string
	FixText l10n.Text
	// Fingerprint identifies the finding across edits that move it (see
	// Identity and FingerprintScheme).
	Fingerprint string
	// Baseline is what a baseline file says of the finding: "" without
	// one, else BaselineNew or BaselineUnchanged.
	Baseline string
}

// Linter runs the rules as configured.
type Linter struct {
	rules []Rule
	// values holds every declared option's value: glosa.yaml's, parsed
	// by the option's kind, or its default (see optionOf.of).
	values map[*Option]any
	// config holds each rule's exclude and ignore settings; filtered
	// says whether any rule has one.
	config   map[string]config.RuleConfig
	filtered bool
	// terms is the termbase the term rules read, nil without one.
	terms *term.Base
	// memo remembers findings between runs, nil without one.
	memo *Memo
}

// SetTerms gives the linter the project's termbase (see term.Load); the
// term rules find nothing without one.
func (l *Linter) SetTerms(b *term.Base) { l.terms = b }

// SetMemo gives the linter glosa's memo of findings (see OpenMemo): the
// rules of one pair or one entry run only where a file changed, and Check
// saves what they found.
func (l *Linter) SetMemo(m *Memo) { l.memo = m }

// New validates the rules section of the configuration and returns a
// linter. Unknown rules, options and option values that are not of the
// option's kind are errors naming the line (see configError). Every
// configured rule's options are parsed, an off rule's too: another rule
// may read them (markup-mismatch reads citation-range's field).
func New(cfg *config.Config) (*Linter, error) {
	l := &Linter{values: map[*Option]any{}, config: cfg.Rules}
	var errs []optionErr
	for _, id := range cfg.SortedRuleIDs() {
		if _, ok := Lookup(id); !ok {
			errs = append(errs, optionErr{cfg.Rules[id].Line, cfg.Rules[id].Column, l10n.Msg("lint.unknownRule", "Rule", strconv.Quote(id))})
		}
	}
	for _, r := range Rules() {
		rc := cfg.Rules[r.ID]
		p := &optionParser{rule: r.ID}
		declared := map[string]bool{}
		for _, o := range r.Options {
			declared[o.Name] = true
			l.values[o] = o.def
			if n := rc.Options[o.Name]; n != nil {
				p.name = o.Name
				l.values[o] = o.parse(p, n)
			}
		}
		for name := range rc.Options {
			if !declared[name] {
				k := cmp.Or(rc.OptionKeys[name], rc.Options[name])
				errs = append(errs, optionErr{k.Line, k.Column, l10n.Msg("lint.unknownOption", "Rule", r.ID, "Option", strconv.Quote(name))})
			}
		}
		errs = append(errs, p.errs...)
		l.filtered = l.filtered || len(rc.Exclude) > 0 || len(rc.Ignore) > 0
		if rc.Off {
			continue
		}
		if rc.Severity != "" {
			r.Severity = Severity(rc.Severity)
		}
		l.rules = append(l.rules, r)
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool {
			return cmp.Or(cmp.Compare(errs[i].line, errs[j].line), cmp.Compare(errs[i].col, errs[j].col)) < 0
		})
		out := make([]error, len(errs))
		for i, e := range errs {
			out[i] = configError(cfg, e)
		}
		return nil, errors.Join(out...)
	}
	return l, nil
}

// configError is a problem in the rules section of the configuration, at
// its line and column: the one place lint makes a configuration error.
func configError(cfg *config.Config, e optionErr) error {
	return config.ErrorAt(cfg.File, e.line, e.col, e.text)
}

// Run checks the repository and returns the findings sorted by path, line,
// column, rule and message (see Check).
func (l *Linter) Run(rep *status.Report) []Finding { return l.Check(rep).Findings }

// Result is what a check found.
type Result struct {
	// Findings are sorted by path, line, column, rule and message.
	Findings []Finding
	// Suppressed counts the findings left out: by a rule's exclude or
	// ignore in glosa.yaml, or by a directive in their file.
	Suppressed int
}

// Check checks the repository: every rule, then what glosa.yaml's exclude
// and ignore settings and the files' own directives suppress (see
// suppress.go), whose unused and invalid directives are findings too.
//
// The rules that compare entries run on chunks of items, each chunk's
// entries loaded for them and released after (see content.Entry.Release),
// so that a big repository's files are not all in memory at once. The
// chunks of a wave, one per processor, are checked at the same time, each
// by a checker of its own; their findings are joined in chunk order, as
// one goroutine would have found them.
func (l *Linter) Check(rep *status.Report) Result {
	c := &checker{linter: l, rep: rep, repo: rep.Repo, shared: &shared{}, whole: true}
	var res Result
	out := c.run(l.rules, func(r Rule) bool { return !r.entries && !r.post || r.whole != nil }, &res.Suppressed)
	// A wave holds chunkSize items, as many in memory as one goroutine
	// would hold.
	procs := runtime.GOMAXPROCS(0)
	chunks := c.chunks(max(1, chunkSize/procs))
	workers := make([]*checker, min(procs, len(chunks)))
	for i := range workers {
		workers[i] = &checker{linter: l, rep: rep, repo: rep.Repo, shared: c.shared}
	}
	found := make([][]Finding, len(workers))
	suppressed := make([]int, len(workers))
	for from := 0; from < len(chunks); from += len(workers) {
		wave := chunks[from:min(from+len(workers), len(chunks))]
		c.shared.wave = map[*content.Entry]bool{}
		var all []*content.Entry
		for _, ch := range wave {
			all = append(all, ch.entries...)
			for _, e := range ch.entries {
				c.shared.wave[e] = true
			}
		}
		if l.memo == nil || l.terms != nil {
			// Every rule reads every entry: loaded at once, in
			// parallel. With the memo, the rules load only the entries
			// of what it does not remember, as they read them.
			content.Load(all)
		}
		var wg sync.WaitGroup
		for i, ch := range wave {
			w := workers[i]
			w.chunk = ch
			wg.Go(func() {
				found[i] = w.run(l.rules, func(r Rule) bool { return r.entries }, &suppressed[i])
				// The memos are worth keeping between chunks, not
				// without bound.
				if len(w.markups) > memoMax {
					w.markups = nil
				}
				if len(w.locales) > memoMax {
					w.locales = nil
				}
				w.memoBases = nil // of this chunk's entries only
			})
		}
		wg.Wait()
		for i := range wave {
			out = append(out, found[i]...)
			res.Suppressed += suppressed[i]
			suppressed[i] = 0
		}
		for _, e := range all {
			e.Release()
		}
	}
	out, n := l.suppress(rep, out)
	res.Suppressed += n
	Sort(out)
	fingerprint(out)
	res.Findings = out
	if l.memo != nil {
		// A memo that cannot be written costs speed, not results.
		_ = l.memo.save()
	}
	return res
}

// run runs the rules that which selects, in their order, and returns
// their findings; it counts those glosa.yaml's settings leave out in
// suppressed.
func (c *checker) run(rules []Rule, which func(Rule) bool, suppressed *int) []Finding {
	var out []Finding
	for _, r := range rules {
		if !which(r) {
			continue
		}
		c.rule = r.ID
		emit := func(f Finding) {
			f.Rule = r.ID
			if f.Severity == "" { // a rule may grade a case of its own
				f.Severity = r.Severity
			}
			if f.Message == "" {
				f.Message = f.Text.String()
			}
			if f.Fix == "" {
				f.Fix = f.FixText.String()
			}
			if c.linter.excluded(f) {
				*suppressed++
				return
			}
			out = append(out, f)
		}
		if r.entries && c.whole {
			r.whole(c, emit)
		} else if c.linter.memo != nil && r.memo != anyScope {
			c.memoized(r, emit)
		} else {
			r.check(c, emit)
		}
	}
	return out
}

// excluded reports whether glosa.yaml's exclude or ignore settings of the
// finding's rule leave it out. An ignore pattern is matched against the
// English message and each text the message quotes.
func (l *Linter) excluded(f Finding) bool {
	if !l.filtered {
		return false
	}
	rc := l.config[f.Rule]
	if rc.Excludes(f.Path) {
		return true
	}
	return len(rc.Ignore) > 0 && rc.Ignores(append(quoted(f.Text), f.Message)...)
}

// chunkSize is how many items the entry rules check at a time, in the
// chunks of one wave (a variable for tests).
var chunkSize = 256

// memoMax is how many answers a memo keeps between chunks.
const memoMax = 1 << 14

// chunk is a part of the report the entry rules check at once: some items,
// and their entries (sources, translations), in path order.
type chunk struct {
	items   []*status.Item
	entries []*content.Entry
}

// chunks cuts the report's items into chunks of n; the entries of no item
// (those a duplicate slug hides) come in the last one.
func (c *checker) chunks(n int) []chunk {
	var out []chunk
	seen := map[*content.Entry]bool{}
	for i := range c.rep.Items {
		if i%n == 0 {
			out = append(out, chunk{})
		}
		ch := &out[len(out)-1]
		it := &c.rep.Items[i]
		ch.items = append(ch.items, it)
		if it.Source != nil {
			ch.entries = append(ch.entries, it.Source)
			seen[it.Source] = true
		}
		for j := range it.Translations {
			if e := it.Translations[j].Entry; e != nil && !seen[e] {
				ch.entries = append(ch.entries, e)
				seen[e] = true
			}
		}
	}
	var rest []*content.Entry
	for _, e := range c.repo.Entries {
		if !seen[e] {
			rest = append(rest, e)
		}
	}
	if len(rest) > 0 || len(out) == 0 {
		out = append(out, chunk{})
	}
	last := &out[len(out)-1]
	last.entries = append(last.entries, rest...)
	for i := range out {
		sort.Slice(out[i].entries, func(a, b int) bool { return out[i].entries[a].Path < out[i].entries[b].Path })
	}
	return out
}

// Sort orders findings by path, line, column, rule, language and message.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Lang != b.Lang {
			return a.Lang < b.Lang
		}
		return a.Message < b.Message
	})
}

// checker is what a rule sees: the report, and its own options.
type checker struct {
	linter *Linter
	rep    *status.Report
	repo   *content.Repo
	rule   string
	// chunk is what the entry rules check now (see Check).
	chunk chunk
	// whole marks Check's checker of the rules that take no chunk, which
	// runs the entry rules' whole parts too (see Rule.whole).
	whole bool
	// markups and locales remember answers (see markup and findLocale).
	markups map[string][]string
	locales map[string]localeResult
	// shared is what the checkers of one Check share.
	shared *shared
	// skip holds the translations (or entries) whose findings the memo
	// gave, which pairs and entries leave out (see memoized).
	skip map[*content.Entry]bool
	// keyBuf is memoBase's buffer, kept between keys; memoBases are the
	// keys' parts that are not the rule's, by the unit's target entry
	// and whether it is a pair's, for the chunk being checked.
	keyBuf    []byte
	memoBases map[memoBaseOf][sha256.Size]byte
	// ruleDigests are the digests of the rules' names as scopedKey mixes
	// them into a base, made once per rule.
	ruleDigests map[string][sha256.Size]byte
	// volatiles are the translations whose findings the rule being
	// memoised read from more than their unit (see volatile).
	volatiles map[*content.Entry]bool
	// msgs are the catalogs' messages, made once for the rules that read
	// them (see messages).
	msgs     []message
	msgsMade bool
}

// memoBaseOf names a memoised unit: its target entry and its scope.
type memoBaseOf struct {
	target *content.Entry
	scope  memoScope
}

// shared is what the checkers of the chunks of a wave share: indexes of
// the whole repository, built once, and the lock of the entries outside
// the wave, which the rules that read them load and release again.
type shared struct {
	slugOnce  sync.Once
	slugLangs map[string]map[string]bool // see languagesOf
	// slugDigest is slugLangsDigest's answer.
	slugDigestOnce sync.Once
	slugDigest     string
	itemsOnce      sync.Once
	items          map[string]*status.Item // see itemOf

	// mu is held while an entry of no chunk of the wave is read (see
	// outside); wave is the entries of the wave's chunks, which stay
	// loaded until all of them are checked.
	mu   sync.Mutex
	wave map[*content.Entry]bool
	// localeIdx is where the repository's links name which languages
	// (see localeIndex); built with mu held.
	localeIdx *localeIndex
}

// outside prepares the checker to read entries that may be of another
// wave than its chunk's: when one is, it holds the lock of such entries
// until the function it returns is called, which releases them again.
// The entries of the wave stay as they are: other checkers read them.
func (c *checker) outside(entries ...*content.Entry) func() {
	s := c.shared
	if !slices.ContainsFunc(entries, func(e *content.Entry) bool { return !s.wave[e] }) {
		return func() {}
	}
	s.mu.Lock()
	return func() {
		for _, e := range entries {
			if !s.wave[e] {
				e.Release()
			}
		}
		s.mu.Unlock()
	}
}

// pair is a readable translation with its readable source.
type pair struct {
	item  *status.Item
	t     *status.Translation
	src   *content.Entry
	entry *content.Entry
}

// pairs returns every translation of the chunk that exists and can be
// compared with its source: both parsed, not an orphan.
func (c *checker) pairs() []pair {
	var out []pair
	for _, it := range c.chunk.items {
		if it.Source == nil || it.Source.Err != nil {
			continue
		}
		for j := range it.Translations {
			t := &it.Translations[j]
			if t.Entry == nil || t.Entry.Err != nil || c.skip[t.Entry] {
				continue
			}
			out = append(out, pair{item: it, t: t, src: it.Source, entry: t.Entry})
		}
	}
	return out
}

// entries returns every parsed entry of the chunk, sources and
// translations, in path order.
func (c *checker) entries() []*content.Entry {
	var out []*content.Entry
	for _, e := range c.chunk.entries {
		if e.Err == nil && !c.skip[e] {
			out = append(out, e)
		}
	}
	return out
}

// slugLangsDigest returns a digest of which languages have an entry of
// each slug (what languagesOf answers), made once per run: part of the
// memo keys of the rules that ask it.
func (c *checker) slugLangsDigest() string {
	s := c.shared
	s.slugDigestOnce.Do(func() {
		pairs := make([]string, 0, len(c.repo.Entries))
		for _, e := range c.repo.Entries {
			pairs = append(pairs, e.Slug+"\x00"+e.Lang)
		}
		slices.Sort(pairs)
		pairs = slices.Compact(pairs)
		h := sha256.New()
		for _, p := range pairs {
			h.Write([]byte(p))
			h.Write([]byte{0xff})
		}
		s.slugDigest = string(h.Sum(nil))
	})
	return s.slugDigest
}

// languagesOf returns the languages that have an entry of slug, of all
// the repository's entries.
func (c *checker) languagesOf(slug string) map[string]bool {
	s := c.shared
	s.slugOnce.Do(func() {
		s.slugLangs = map[string]map[string]bool{}
		for _, e := range c.repo.Entries {
			if s.slugLangs[e.Slug] == nil {
				s.slugLangs[e.Slug] = map[string]bool{}
			}
			s.slugLangs[e.Slug][e.Lang] = true
		}
	})
	return s.slugLangs[slug]
}

// itemOf returns the item of a slug, nil when there is none.
func (c *checker) itemOf(slug string) *status.Item {
	s := c.shared
	s.itemsOnce.Do(func() {
		s.items = map[string]*status.Item{}
		for i := range c.rep.Items {
			s.items[c.rep.Items[i].Slug] = &c.rep.Items[i]
		}
	})
	return s.items[slug]
}
