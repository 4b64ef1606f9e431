package lint

import (
	"fmt"
	"sort"

	"github.com/glosa/glosa/internal/editdistance"
)

// Rule is one lint rule, as its own file declares it (see register).
type Rule struct {
	ID       string
	Severity Severity
	// Summary says in one line what the rule catches, in English.
	Summary string
	// Doc is the rule's manual, in Markdown and English: what it catches
	// and why, an example of files that trigger it and the finding glosa
	// prints, how to fix it, and its limits. `glosa rules ID`, SARIF's
	// help and the reference docs show it.
	Doc string
	// Options are the rule's own settings in glosa.yaml; a rule reads no
	// other (see optionOf.of).
	Options []*Option
	// entries marks a rule that reads entries through checker.pairs and
	// checker.entries: it runs on one chunk of them at a time.
	entries bool
	// whole is the part of an entries rule that reads the repository
	// whole (its catalogs, not its entries): it runs once, before the
	// chunks, not once per chunk.
	whole func(c *checker, emit func(Finding))
	// scope says whether the findings depend on one pair, one entry, one
	// item or one translation only: glosa's cache remembers them then
	// (see Memo). memoGlobal, when set, is what else of the repository
	// they depend on, a digest made once per run: part of every key.
	memo       memoScope
	memoGlobal func(c *checker) string
	// post marks a rule whose findings come from the suppressions, once
	// every other rule has run (see suppress.go); it has no check.
	post  bool
	check func(c *checker, emit func(Finding))
}

// registry holds every rule, in the order their files registered them.
var registry []Rule

// register adds a rule to those Rules returns, and returns it. Each rule's
// file declares it with `var _ = register(Rule{…})` (or a name, when other
// code refers to the rule): the list of rules is made of these
// declarations, and kept nowhere else.
func register(r Rule) Rule {
	for _, o := range registry {
		if o.ID == r.ID {
			panic(fmt.Sprintf("lint: rule %s registered twice", r.ID))
		}
	}
	registry = append(registry, r)
	return r
}

// Rules returns every rule, sorted by ID.
func Rules() []Rule {
	rules := append([]Rule(nil), registry...)
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules
}

// Lookup returns the rule of an ID; false when glosa has none.
func Lookup(id string) (Rule, bool) {
	for _, r := range registry {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// Nearest returns the rule IDs closest to a misspelt one (at most three
// edits away), the closest first; none when no rule is that close.
func Nearest(id string) []string {
	type near struct {
		id string
		d  int
	}
	var ns []near
	for _, r := range Rules() {
		if d := editdistance.Distance([]byte(id), []byte(r.ID)); d < 4 {
			ns = append(ns, near{r.ID, d})
		}
	}
	sort.SliceStable(ns, func(i, j int) bool { return ns[i].d < ns[j].d })
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.id
	}
	return out
}
