// Package status decides the state of every translation: for each source
// entry and each language, whether its translation is current, stale,
// missing, untranslated or unverified, and which translations are orphans;
// then it sums them per language into coverage and words to translate. It
// is pure: it reads a scanned repository and prints nothing.
package status

import (
	"fmt"
	"maps"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/lang"
)

// State is the state of one translation.
type State string

// The states of a translation.
const (
	// Current: its record matches the source's current hash.
	Current State = "current"
	// Stale: its record names an older source.
	Stale State = "stale"
	// Missing: the source has the entry; this language has no file.
	Missing State = "missing"
	// Untranslated: a draft, or without a record, text identical to the
	// source's.
	Untranslated State = "untranslated"
	// Unverified: no translation record, or one that cannot be checked.
	Unverified State = "unverified"
	// Orphan: a translation of a slug the source does not have.
	Orphan State = "orphan"
)

// States lists every state in report order.
var States = []State{Current, Stale, Missing, Untranslated, Unverified, Orphan}

// ParseState returns the state named s.
func ParseState(s string) (State, bool) {
	for _, st := range States {
		if string(st) == s {
			return st, true
		}
	}
	return "", false
}

// Translation is one language's side of an item.
type Translation struct {
	Lang  string
	State State
	// Path is the translation's file, or where it belongs when missing.
	Path string
	// Entry is nil when the translation is missing.
	Entry *content.Entry
	// Words is what is left to translate: the source's words when the
	// translation is missing, untranslated or stale, else 0; after
	// Report.Revise, a stale translation's count only the units changed
	// or added since its version, a draft's only those it has not
	// translated.
	Words int
	// Reason says why the state was decided, as a code the user interface
	// words in the user's language; Why says it in English, for machine
	// formats and logs.
	Reason Reason
	Why    string
	// ProbablyStale is history's guess for an unverified translation: its
	// source changed in commits after the translation's own last change.
	ProbablyStale bool
	// RenamedTo is, for an orphan whose source git saw renamed, the
	// source's new slug; MoveTo is where the translation belongs now ("" when
	// a file is already there).
	RenamedTo, MoveTo string
}

// History is what git knows about the files, for what a hash cannot tell.
// A nil History means git history is unavailable.
type History interface {
	// Since returns how many commits after commit changed path, renames
	// followed; ok is false when commit is not in the history.
	Since(path, commit string) (n int, ok bool)
	// ChangedAfter reports whether path changed in commits after the
	// last commit that changed other; ok is false when either has no
	// history.
	ChangedAfter(path, other string) (changed, ok bool)
	// RenamedTo returns where a path that no longer exists was renamed
	// to, "" when it was not.
	RenamedTo(path string) string
}

// A Resolver is a History that answers Since faster when told first, all
// at once, which commits it will be asked about: git is asked about those
// it does not know in one go, not once per commit.
type Resolver interface {
	Resolve(commits []string)
}

// Reason is why a translation has its state.
type Reason string

// The reasons for a state.
const (
	NoSource            Reason = "no-source"             // orphan
	SourceRenamed       Reason = "source-renamed"        // orphan
	NoFile              Reason = "no-file"               // missing
	Unparsable          Reason = "unparsable"            // unverified
	SourceUnparsable    Reason = "source-unparsable"     // unverified
	Draft               Reason = "draft"                 // untranslated
	SameText            Reason = "same-text"             // untranslated
	NoRecord            Reason = "no-record"             // unverified
	RecordSourceMissing Reason = "record-source-missing" // unverified
	RecordMatches       Reason = "record-matches"        // current
	SourceChanged       Reason = "source-changed"        // stale
	CommitMatches       Reason = "commit-matches"        // current
	CommitChanged       Reason = "commit-changed"        // stale
	CommitUnknown       Reason = "commit-unknown"        // unverified
	// MinorEdit: the source changed since the recorded version only in
	// minor commits (see MinorHistory), or glosa stamp --minor moved the
	// record forward.
	MinorEdit Reason = "minor-edit" // current
)

func (t *Translation) because(r Reason, why string) { t.Reason, t.Why = r, why }

// Item is one slug: its source entry and its translation in each
// language. An orphan item has no source.
type Item struct {
	Slug   string
	Layout int
	// Source is nil for orphans.
	Source       *content.Entry
	Translations []Translation
}

// Language sums one translation language.
type Language struct {
	Lang, Name string
	// Total is the number of source entries.
	Total  int
	Counts map[State]int
	// Coverage is current / total in percent, rounded down to 0.1.
	Coverage         float64
	WordsToTranslate int
	// Minor counts the current translations kept current by minor edits
	// (MinorEdit).
	Minor int
}

// Report is the state of a whole repository.
type Report struct {
	Repo      *content.Repo
	Source    string
	Languages []Language
	Items     []Item
	// Catalogs are the message catalogs, one per locale of glosa.yaml.
	Catalogs []Catalog
	// Duplicates are entries that repeat the slug and language of
	// another and were left out: of two, the one that claims the slug
	// with translationKey, or else the later by path.
	Duplicates []Duplicate
	// History, when not nil, is consulted for records that name a commit
	// and for guesses about unverified translations (see ComputeWith).
	History History
	// Terms is the termbase's coverage, nil when the project declares no
	// terms.
	Terms *TermCoverage
	// byKey holds, per slug and layout, the entry of each language: of
	// duplicates, the one kept.
	byKey map[key]map[string]*content.Entry
	// revisions holds what Revise found, by stale translation entry.
	revisions map[*content.Entry]Revision
	// minor holds, by source, its versions before its newest minor
	// commits (see minorBefore).
	minor *minorMemo
}

// Duplicate is an entry left out because another has its slug and language.
type Duplicate struct {
	Entry *content.Entry
	// Kept is the path of the entry that was kept.
	Kept string
}

type key struct {
	layout int
	slug   string
}

// Compute decides every state of the repository.
func Compute(repo *content.Repo) *Report { return ComputeWith(repo, nil) }

// ComputeWith is Compute with git history at hand (hist may be nil).
func ComputeWith(repo *content.Repo, hist History) *Report {
	byKey := map[key]map[string]*content.Entry{}
	r := &Report{Repo: repo, Source: repo.Source, History: hist, byKey: byKey, minor: &minorMemo{}}
	var keys []key
	for _, e := range repo.Entries {
		k := key{e.Layout, e.Slug}
		m, ok := byKey[k]
		if !ok {
			m = map[string]*content.Entry{}
			byKey[k] = m
			keys = append(keys, k)
		}
		if prev, dup := m[e.Lang]; dup {
			// The file whose path names the slug wins over one that
			// claims it with translationKey; else the first by path.
			kept, left := prev, e
			if claimsByKey(prev) && !claimsByKey(e) {
				kept, left = e, prev
				m[e.Lang] = e
			}
			r.Duplicates = append(r.Duplicates, Duplicate{Entry: left, Kept: kept.Path})
			continue
		}
		m[e.Lang] = e
	}
	if res, ok := hist.(Resolver); ok {
		res.Resolve(recordedCommits(repo.Entries))
	}
	targets := r.Targets()
	for _, k := range keys {
		langs := byKey[k]
		src := langs[repo.Source]
		item := Item{Slug: k.slug, Layout: k.layout, Source: src}
		for _, code := range targets {
			t := Translation{Lang: code, Entry: langs[code]}
			if src == nil {
				if t.Entry == nil {
					continue
				}
				t.State, t.Path = Orphan, t.Entry.Path
				t.because(NoSource, "the source language has no entry "+k.slug)
				r.renamed(&t, k)
			}
			item.Translations = append(item.Translations, t)
		}
		if src != nil || len(item.Translations) > 0 {
			r.Items = append(r.Items, item)
		}
	}
	r.decideAll()
	sort.SliceStable(r.Items, func(i, j int) bool {
		a, b := r.Items[i], r.Items[j]
		if a.Slug != b.Slug {
			return a.Slug < b.Slug
		}
		return a.Layout < b.Layout
	})
	r.summarise(targets)
	return r
}

// decideAll decides the state of every translation of an item with a
// source, the items cut into one part per processor, decided at the same
// time: each decision reads only its translation, its source and what is
// safe for concurrent use (entries' digests and words, computed once;
// the history).
func (r *Report) decideAll() {
	procs := runtime.GOMAXPROCS(0)
	part := (len(r.Items) + procs - 1) / procs
	var wg sync.WaitGroup
	for from := 0; from < len(r.Items); from += part {
		items := r.Items[from:min(from+part, len(r.Items))]
		wg.Go(func() {
			for i := range items {
				it := &items[i]
				if it.Source == nil {
					continue
				}
				for j := range it.Translations {
					r.decide(&it.Translations[j], it.Source)
				}
			}
		})
	}
	wg.Wait()
}

// recordedCommits returns the commits the records of other tools name,
// which git history judges.
func recordedCommits(entries []*content.Entry) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range entries {
		if e.Record != nil && e.Record.Hash == "" && e.Record.Commit != "" && !seen[e.Record.Commit] {
			seen[e.Record.Commit] = true
			out = append(out, e.Record.Commit)
		}
	}
	return out
}

// renamed finds, through git history, where the source of an orphan went:
// the source entry its old path was renamed to.
func (r *Report) renamed(t *Translation, k key) {
	if r.History == nil {
		return
	}
	to := r.History.RenamedTo(r.Repo.PathFor(k.layout, r.Source, k.slug))
	if to == "" {
		return
	}
	for _, e := range r.Repo.Entries {
		if e.Path != to || e.Lang != r.Source || e.Layout != k.layout {
			continue
		}
		t.RenamedTo = e.Slug
		t.because(SourceRenamed, "the source was renamed to "+e.Slug)
		move := r.Repo.PathFor(k.layout, t.Lang, e.Slug)
		taken := false
		for _, o := range r.Repo.Entries {
			taken = taken || o.Path == move
		}
		if !taken {
			t.MoveTo = move
		}
	}
}

// claimsByKey reports whether an entry takes its slug from translationKey.
func claimsByKey(e *content.Entry) bool { return e.KeyLine() > 0 }

// Targets returns the translation languages: all but the source.
func (r *Report) Targets() []string {
	var out []string
	for _, code := range r.Repo.Languages {
		if code != r.Source {
			out = append(out, code)
		}
	}
	return out
}

// TranslationLanguages returns the languages entries or catalog messages
// are translated into: Targets, then the catalogs' own.
func (r *Report) TranslationLanguages() []string {
	out := r.Targets()
	for _, c := range r.Catalogs {
		for _, l := range c.Languages {
			if !slices.Contains(out, l.Lang) {
				out = append(out, l.Lang)
			}
		}
	}
	return out
}

// SourceHash returns the source hash of an entry, which the entry
// computes once (see content.Entry.Hash).
func (r *Report) SourceHash(e *content.Entry) string { return e.Hash(r.Repo.Schema(e)) }

func (r *Report) decide(t *Translation, src *content.Entry) {
	e := t.Entry
	if e == nil {
		t.State, t.Path = Missing, r.Repo.PathFor(src.Layout, t.Lang, src.Slug)
		t.because(NoFile, "no translation file")
		t.Words = src.Words(r.Repo.Schema(src))
		return
	}
	t.Path = e.Path
	switch {
	case e.Err != nil:
		t.State = Unverified
		t.because(Unparsable, "the translation cannot be parsed; see glosa check")
	case src.Err != nil:
		t.State = Unverified
		t.because(SourceUnparsable, "the source cannot be parsed; see glosa check")
	case e.Draft:
		t.State = Untranslated
		t.because(Draft, "marked draft: true")
	case e.Record == nil && content.SameText(e, src, r.Repo):
		// Only without a record: a record says the text was checked, and
		// text left identical is then a finding (same-as-source).
		t.State = Untranslated
		t.because(SameText, "its text is the source's")
	case e.Record == nil:
		t.State = Unverified
		t.because(NoRecord, "no translation record; run glosa stamp once it is checked")
		if r.History != nil {
			if changed, ok := r.History.ChangedAfter(src.Path, e.Path); ok && changed {
				t.ProbablyStale = true
			}
		}
	case e.Record.Hash == "": // a commit recorded by another tool
		n, ok := 0, false
		var minor []string
		if mh, isMinor := r.History.(MinorHistory); isMinor {
			n, minor, ok = mh.SinceMinor(src.Path, e.Record.Commit)
		} else if r.History != nil {
			n, ok = r.History.Since(src.Path, e.Record.Commit)
		}
		switch {
		case !ok:
			t.State = Unverified
			t.because(CommitUnknown, "the recorded commit "+e.Record.Commit+" is not in the git history glosa can read")
		case n == 0 && len(minor) > 0:
			t.State = Current
			t.because(MinorEdit, "the source changed since the recorded commit only in minor commits: "+shortList(minor))
		case n == 0:
			t.State = Current
			t.because(CommitMatches, "the source has not changed since the recorded commit")
		default:
			t.State = Stale
			t.because(CommitChanged, fmt.Sprintf("the source changed in %d commits since the recorded commit", n))
		}
	default:
		from := r.TranslatedFrom(e).Entry
		switch {
		case from == nil || from.Err != nil:
			t.State = Unverified
			t.because(RecordSourceMissing, "the record names "+e.Record.Source+", which has no readable entry")
		case r.SourceHash(from) == e.Record.Hash:
			t.State = Current
			t.because(RecordMatches, "the record matches the source")
		default:
			var minor []string
			if from == src {
				minor = r.minorBefore(src, e.Record.Hash)
			}
			if minor != nil {
				t.State = Current
				t.because(MinorEdit, "the source changed since the recorded version only in minor commits: "+shortList(minor))
			} else {
				t.State = Stale
				t.because(SourceChanged, "the source changed since the recorded version")
			}
		}
	}
	if t.State == Untranslated || t.State == Stale {
		t.Words = src.Words(r.Repo.Schema(src))
	}
}

func (r *Report) summarise(targets []string) {
	total := 0
	for _, it := range r.Items {
		if it.Source != nil {
			total++
		}
	}
	// One pass over the translations, not one per language: the cost was
	// languages × items × languages.
	at := make(map[string]int, len(targets))
	first := len(r.Languages)
	for i, code := range targets {
		if _, seen := at[code]; !seen {
			at[code] = first + i
		}
		r.Languages = append(r.Languages, Language{Lang: code, Name: lang.Name(code), Total: total, Counts: map[State]int{}})
	}
	for _, it := range r.Items {
		for _, t := range it.Translations {
			if i, ok := at[t.Lang]; ok {
				r.Languages[i].Counts[t.State]++
				r.Languages[i].WordsToTranslate += t.Words
				if t.Reason == MinorEdit {
					r.Languages[i].Minor++
				}
			}
		}
	}
	for i := first; i < len(r.Languages); i++ {
		l := &r.Languages[i]
		if j := at[l.Lang]; j != i {
			// A language listed twice gets the same summary twice.
			l.Counts, l.WordsToTranslate, l.Minor = maps.Clone(r.Languages[j].Counts), r.Languages[j].WordsToTranslate, r.Languages[j].Minor
		}
		l.Coverage = coverage(l.Counts[Current], total)
	}
}

// coverage returns current / total in percent, rounded down to 0.1 so that
// 99.96% never shows as 100%; 100 when there is nothing to translate.
func coverage(current, total int) float64 {
	if total == 0 {
		return 100
	}
	return math.Floor(float64(current)*1000/float64(total)) / 10
}

// TermCoverage is how much of a termbase each language has.
type TermCoverage struct {
	// Concepts is the number of the termbase's concepts.
	Concepts int
	// Languages are the source language and the translation languages,
	// in the report's order.
	Languages []TermLanguage
}

// TermLanguage is one language's share of a termbase.
type TermLanguage struct {
	Lang string
	// Concepts counts the concepts with a term allowed in the language.
	Concepts int
	// Coverage is Concepts of all concepts in percent, rounded down to
	// 0.1; 100 when the termbase is empty.
	Coverage float64
}

// SetTermCoverage records how many of a termbase's total concepts have a
// term in each language (covered, by language code), for the source and
// each translation language.
func (r *Report) SetTermCoverage(covered map[string]int, total int) {
	tc := &TermCoverage{Concepts: total}
	for _, l := range r.TermLanguages() {
		tc.Languages = append(tc.Languages, TermLanguage{Lang: l, Concepts: covered[l], Coverage: coverage(covered[l], total)})
	}
	r.Terms = tc
}

// TermLanguages returns the languages whose term coverage a report
// shows: the source, then the translation languages, once each.
func (r *Report) TermLanguages() []string {
	var out []string
	if r.Source != "" {
		out = append(out, r.Source)
	}
	for _, l := range r.Languages {
		if !slices.Contains(out, l.Lang) {
			out = append(out, l.Lang)
		}
	}
	return out
}

// OnlyLanguages returns a copy of the report limited to some translation
// languages: their summaries and translations only, of entries and of
// catalog messages.
func (r *Report) OnlyLanguages(langs []string) *Report {
	keep := map[string]bool{}
	for _, l := range langs {
		keep[l] = true
	}
	out := *r
	out.Languages = nil
	for _, l := range r.Languages {
		if keep[l.Lang] {
			out.Languages = append(out.Languages, l)
		}
	}
	out.Items = nil
	for _, it := range r.Items {
		var ts []Translation
		for _, t := range it.Translations {
			if keep[t.Lang] {
				ts = append(ts, t)
			}
		}
		if it.Source == nil && len(ts) == 0 {
			continue
		}
		it.Translations = ts
		out.Items = append(out.Items, it)
	}
	out.Catalogs = nil
	for _, c := range r.Catalogs {
		var ls []Language
		for _, l := range c.Languages {
			if keep[l.Lang] {
				ls = append(ls, l)
			}
		}
		var ms []Message
		for _, m := range c.Messages {
			var ts []MessageTranslation
			for _, t := range m.Translations {
				if keep[t.Lang] {
					ts = append(ts, t)
				}
			}
			if len(ts) > 0 {
				m.Translations = ts
				ms = append(ms, m)
			}
		}
		c.Languages, c.Messages = ls, ms
		out.Catalogs = append(out.Catalogs, c)
	}
	return &out
}
