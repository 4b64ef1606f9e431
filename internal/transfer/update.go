package transfer

import (
	"maps"
	"slices"
	"strings"

	"github.com/glosa/glosa/internal/blockdiff"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/status"
)

// Counts say what Update did to each unit of the result.
type Counts struct {
	// Kept: the source is unchanged, the file's translation and state stay.
	Kept int
	// Fuzzy: the source changed; the file's translation is kept as a
	// suggestion that needs review, with the old source as Previous.
	Fuzzy int
	// Added: units the file did not have.
	Added int
	// Obsolete: units of the file that match nothing any more.
	Obsolete int
}

// Update brings a translator's file forward against the repository, as
// msgmerge does for gettext: the current units are those export would
// write now for the file's language in states (every state when empty),
// plus every unit of the entries and messages the file already holds, so
// that nothing the translator has drops out because the repository caught
// up. The file's language must be a translation language of the
// project, as for import. See Merge.
//
// It returns too the set of the language's units the file was merged
// with, which fills the units the file did not have from a translation
// memory (see Set.FillAdded).
func Update(r *status.Report, states []status.State, old *exchange.File) (*exchange.File, Counts, *Set, error) {
	lang, err := checkLang(r, old.TargetLang)
	if err != nil {
		return nil, Counts{}, nil, err
	}
	set := Collect(r, lang, nil)
	all := ofSource(set, old.SourceLang)
	if len(states) == 0 {
		f, n := Merge(old, all)
		return f, n, set, nil
	}
	want := map[string]bool{}
	for _, u := range Collect(r, lang, states).File.Units {
		want[owner(u)] = true
	}
	for _, u := range slices.Concat(old.Units, old.Obsolete) {
		want[owner(u)] = true
	}
	cur := *all
	cur.Units = slices.DeleteFunc(slices.Clone(all.Units), func(u exchange.Unit) bool { return !want[owner(u)] })
	f, n := Merge(old, &cur)
	return f, n, set, nil
}

// ofSource returns the part of a set whose units are translated from
// source, as export splits it (see Set.Split): a file being updated holds
// one source language's units. A file that names none (go-i18n's), or a
// source the set has no units from, gets the whole set.
func ofSource(s *Set, source string) *exchange.File {
	for _, f := range s.Split() {
		if f.SourceLang == source {
			return f
		}
	}
	return s.File
}

// owner names what a unit belongs to: its entry's slug, or the message.
func owner(u exchange.Unit) string {
	if u.Kind != exchange.KindMessage {
		if slug, _, ok := cutID(u.ID); ok {
			return slug
		}
	}
	return u.ID
}

// Merge returns cur, the current units in their order, with the work of
// old, a translator's file made from an earlier version, carried over:
//
//   - a unit of old whose ID is in cur and whose source is unchanged keeps
//     old's translation and state: the translator's work since export wins
//     over the repository's;
//   - one whose source changed keeps old's translation as a suggestion: it
//     needs review, with old's source as Previous (or old's own Previous
//     when it already needed review, the text the translation was made
//     from);
//   - a body block's ID holds a hash of its text, so a changed paragraph
//     has a new ID: the units of old and cur that found no partner by ID
//     are paired within one entry, between the same units matched by ID,
//     by kind and, among several of a kind, by the words they share, and
//     such a pair is a changed source as above;
//   - units of cur old has no partner for are added as they are (new, or
//     with the repository's translation);
//   - units of old that match nothing go to Obsolete, with old's own
//     obsolete units after them: a translation is never thrown away (an
//     untranslated unit that matches nothing is, as msgmerge drops it).
//
// A unit old holds no translation for takes the repository's. Units are
// compared by their source text, or for files that carry none (go-i18n),
// by the source's hash. The result has cur's languages and old's format.
func Merge(old, cur *exchange.File) (*exchange.File, Counts) {
	out := &exchange.File{SourceLang: cur.SourceLang, TargetLang: cur.TargetLang, Original: cur.Original, Format: old.Format}
	var n Counts
	// pool is every unit of old, the obsolete ones last: an obsolete unit
	// comes back when its ID does.
	pool := slices.Concat(old.Units, old.Obsolete)
	partner := make([]int, len(cur.Units)) // index in pool, -1 for none
	used := make([]bool, len(pool))
	byID := map[string]int{}
	for i := len(pool) - 1; i >= 0; i-- {
		byID[pool[i].ID] = i
	}
	for j, u := range cur.Units {
		partner[j] = -1
		if i, ok := byID[u.ID]; ok && !used[i] {
			partner[j], used[i] = i, true
		}
	}
	pair(pool[:len(old.Units)], cur.Units, partner, used)
	for j, u := range cur.Units {
		if i := partner[j]; i >= 0 {
			var fuzzy bool
			u, fuzzy = carry(pool[i], u)
			if fuzzy {
				n.Fuzzy++
			} else {
				n.Kept++
			}
		} else {
			n.Added++
		}
		out.Units = append(out.Units, u)
	}
	// A PO file cannot hold an obsolete message twice, nor one that is
	// also active: such copies hold nothing the file does not.
	seen := map[[2]string]bool{}
	for _, u := range out.Units {
		seen[[2]string{u.ID, u.Source}] = true
	}
	for i, u := range pool {
		if used[i] || !u.HasTarget() || sourceCopy(u) || seen[[2]string{u.ID, u.Source}] {
			continue
		}
		seen[[2]string{u.ID, u.Source}] = true
		if i < len(old.Units) {
			n.Obsolete++
		}
		out.Obsolete = append(out.Obsolete, u)
	}
	return out, n
}

// pair finds partners, in old, for the units of cur that have none: within
// one entry, between two units matched by ID, a unit of cur takes the
// unpaired unit of old of its kind, after the last one paired, that shares
// the most words with it. Messages are matched by ID only.
func pair(old, cur []exchange.Unit, partner []int, used []bool) {
	type gap struct {
		owner   string
		anchors int
	}
	// Where each unpaired unit of old stands: its entry and how many of
	// the entry's units matched by ID come before it.
	open := map[gap][]int{}
	anchors := map[string]int{}
	for i, u := range old {
		if k := kindOf(u); k == "" || k == exchange.KindMessage {
			continue
		}
		o := owner(u)
		if used[i] {
			anchors[o]++
			continue
		}
		g := gap{o, anchors[o]}
		open[g] = append(open[g], i)
	}
	clear(anchors)
	next := map[gap]int{}
	for j, u := range cur {
		if u.Kind == exchange.KindMessage {
			continue
		}
		o := owner(u)
		if partner[j] >= 0 {
			anchors[o]++
			continue
		}
		g := gap{o, anchors[o]}
		best, score := -1, -1.0
		for k := next[g]; k < len(open[g]); k++ {
			i := open[g][k]
			if used[i] || kindOf(old[i]) != u.Kind {
				continue
			}
			if s := blockdiff.Overlap(old[i].Source, u.Source); s > score {
				best, score = k, s
			}
		}
		if best >= 0 {
			i := open[g][best]
			partner[j], used[i] = i, true
			next[g] = best + 1
		}
	}
}

// kindOf is a unit's kind, "" when unknown. PO does not carry it, but
// export writes it as the unit's first note (see note).
func kindOf(u exchange.Unit) string {
	if u.Kind != "" {
		return u.Kind
	}
	if _, _, ok := cutID(u.ID); !ok || len(u.Notes) == 0 {
		return ""
	}
	if strings.HasPrefix(u.Notes[0], "field ") {
		return exchange.KindField
	}
	return u.Notes[0]
}

// carry returns cur with old's translation carried over, and whether it
// needs review because the source changed.
func carry(old, cur exchange.Unit) (exchange.Unit, bool) {
	if !holds(old, cur) {
		return cur, false // nothing to carry: the repository's, if any
	}
	u := cur
	u.State, u.Previous = old.State, old.Previous
	if cur.Plural() {
		// The forms the language needs, no others; a singular
		// translation becomes the "other" form.
		u.TargetForms = map[string]string{}
		for f := range cur.TargetForms {
			u.TargetForms[f] = old.TargetForms[f]
		}
		if old.Target != "" {
			u.TargetForms["other"] = old.Target
		}
	} else {
		u.Target, u.TargetForms = old.Target, nil
		if u.Target == "" {
			u.Target = old.TargetForms["other"]
		}
	}
	if sameSource(old, cur) {
		return u, false
	}
	u.State = exchange.NeedsReview
	if old.State != exchange.NeedsReview || old.Previous == "" {
		u.Previous = sourceText(old)
	}
	if u.Previous == sourceText(cur) {
		u.Previous = ""
	}
	// go-i18n marks a translation for review by the hash of the source it
	// was made from.
	u.SourceHash = old.SourceHash
	return u, true
}

// holds reports whether old has a translation to carry to cur. A file
// that does not carry the source (go-i18n) holds the source's text where
// there is no translation yet, as goi18n merge writes it: that is none.
func holds(old, cur exchange.Unit) bool {
	if !old.HasTarget() {
		return false
	}
	if old.Source != "" || len(old.SourceForms) > 0 {
		return true
	}
	if !cur.Plural() {
		return old.Target != cur.Source && !sourceCopy(old)
	}
	for f, t := range old.TargetForms {
		if t != "" && t != cur.SourceForms[f] && t != cur.SourceForms["other"] {
			return true
		}
	}
	return false
}

// sourceCopy reports whether u, read from a file that does not carry the
// source (go-i18n), holds as its target the very source text its hash was
// made from: the copy export left for the translator to replace.
func sourceCopy(u exchange.Unit) bool {
	if u.Source != "" || u.Plural() || u.SourceHash == "" || u.Target == "" {
		return false
	}
	return exchange.SourceHash(exchange.Unit{Source: u.Target}) == u.SourceHash
}

// sameSource reports whether old and cur have the same source: by text,
// or by go-i18n's hash when old's file does not carry the source.
func sameSource(old, cur exchange.Unit) bool {
	if old.Source == "" && len(old.SourceForms) == 0 {
		return old.SourceHash == "" || old.SourceHash == exchange.SourceHash(cur)
	}
	return old.Source == cur.Source && maps.Equal(old.SourceForms, cur.SourceForms)
}

// sourceText is a unit's source as Previous holds it: a plural message's
// singular form, as PO's msgid.
func sourceText(u exchange.Unit) string {
	if u.Plural() {
		if s := u.SourceForms["one"]; s != "" {
			return s
		}
		return u.SourceForms["other"]
	}
	return u.Source
}
