package transfer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/glosa/glosa/internal/config"
	"github.com/glosa/glosa/internal/exchange"
	"github.com/glosa/glosa/internal/memory"
	"github.com/glosa/glosa/internal/segment"
	"github.com/glosa/glosa/internal/status"
)

// NearMatches is how many near matches export offers for a unit.
const NearMatches = 3

// Memory adds to mem the pairs the repository knows for language lang:
// each unit of an entry's current translation, paired with the
// translation's unit as segment.Pairs aligns them, and each current
// go-i18n message that is not plural. Stale, unverified and draft
// translations are left out: their text no longer says, or was never
// checked to say, what the source says, and a memory fills other units
// with what it holds. Catalogs written in another language than the
// project's source are left out too: a memory has one source language. Pairs come in the order of the entries and
// catalogs, each from the place of its translation.
func Memory(mem *memory.Memory, r *status.Report, lang string) {
	for i := range r.Items {
		it := &r.Items[i]
		if it.Source == nil || it.Source.Err != nil {
			continue
		}
		schema := r.Repo.Schema(it.Source)
		for j := range it.Translations {
			t := &it.Translations[j]
			if t.Lang != lang || t.State != status.Current || t.Entry == nil || t.Entry.Err != nil {
				continue
			}
			for _, p := range segment.Pairs(it.Source.Doc, t.Entry.Doc, schema, it.Slug) {
				mem.Add(memory.Pair{Source: p.Source.Text, Target: p.Translation.Text, ID: p.Source.ID,
					Origin: t.Entry.Path + ":" + strconv.Itoa(p.Translation.Line)})
			}
		}
	}
	for i := range r.Catalogs {
		c := &r.Catalogs[i]
		if c.Format != config.FormatGoI18n || c.Source != "" && c.Source != r.Source {
			continue // a memory is of one source language: the project's
		}
		for j := range c.Messages {
			m := &c.Messages[j]
			src := fileOf(c, c.Source, m.Domain)
			if src == nil || src.GoI18n == nil {
				continue
			}
			sm := src.GoI18n.Message(m.ID)
			for k := range m.Translations {
				mt := &m.Translations[k]
				if mt.Lang != lang || mt.State != status.Current || sm == nil || len(sm.Text) > 1 {
					continue
				}
				tf := fileOf(c, lang, m.Domain)
				if tf == nil || tf.GoI18n == nil {
					continue
				}
				if tm := tf.GoI18n.Message(m.ID); tm != nil && len(tm.Text) <= 1 {
					mem.Add(memory.Pair{Source: sm.Other(), Target: tm.Other(), ID: messageID(m),
						Origin: tf.Path + ":" + strconv.Itoa(tm.Line)})
				}
			}
		}
	}
}

// Filled counts the units Fill filled and their words.
type Filled struct {
	Units, Words int
}

// Fill fills from mem the units of f that have no translation: a unit
// whose source the memory holds exactly gets its translation, marked for
// review (needs-review, PO fuzzy) with a note naming where it comes from,
// and the memory's other translations of that text as matches; a unit it
// does not hold gets up to NearMatches near matches. A filled unit's
// entry or message stays what it was: import skips a unit marked for
// review unless told otherwise, and never stamps its entry current. With
// prefill false, units get matches only (for a format that cannot mark a
// unit for review). Plural messages are left alone.
func (s *Set) Fill(f *exchange.File, mem *memory.Memory, prefill bool) Filled {
	return s.fill(f, mem, prefill, nil)
}

// FillAdded fills from mem, as Fill does, the units of f, a translator's
// file brought forward by Update, that old, the file as the translator
// had it, did not have: what the translator kept or left empty is the
// translator's.
func (s *Set) FillAdded(f, old *exchange.File, mem *memory.Memory, prefill bool) Filled {
	had := map[string]bool{}
	for _, u := range slices.Concat(old.Units, old.Obsolete) {
		had[u.ID] = true
	}
	return s.fill(f, mem, prefill, had)
}

// fill is Fill, leaving out the units whose ID skip holds.
func (s *Set) fill(f *exchange.File, mem *memory.Memory, prefill bool, skip map[string]bool) Filled {
	var n Filled
	for i := range f.Units {
		u := &f.Units[i]
		if u.Plural() || u.HasTarget() || u.State != exchange.New || skip[u.ID] {
			continue
		}
		best, others, ok := mem.Exact(u.Source)
		if !ok {
			for _, m := range mem.Near(u.Source, NearMatches) {
				u.Matches = append(u.Matches, match(m))
			}
			continue
		}
		if !prefill {
			u.Matches = append(u.Matches, match(best))
		} else {
			u.Target, u.State = best.Target, exchange.NeedsReview
			u.Notes = append(u.Notes, "from memory: "+best.Origin)
			n.Units++
			n.Words += s.unitWords(u)
		}
		for _, m := range others {
			u.Matches = append(u.Matches, match(m))
		}
	}
	return n
}

func match(m memory.Match) exchange.Match {
	return exchange.Match{Source: m.Source, Target: m.Target, Score: m.Score, Origin: m.Origin}
}

// unitWords counts a unit's words as status does.
func (s *Set) unitWords(u *exchange.Unit) int {
	if s.targets[u.ID].msg != nil {
		return status.MessageWords(u.Source)
	}
	return status.UnitWords(segment.Unit{Kind: u.Kind, Text: u.Source})
}

// MemoryFile is mem as a file of units, one per pair, for a memory format
// (TMX): its ID, its texts, where the translation is.
func MemoryFile(mem *memory.Memory, source, lang string) *exchange.File {
	f := &exchange.File{SourceLang: source, TargetLang: lang, Original: "glosa"}
	for _, p := range mem.Pairs() {
		u := exchange.Unit{ID: p.ID, Source: p.Source, Target: p.Target, State: exchange.Translated}
		if i := strings.LastIndexByte(p.Origin, ':'); i > 0 {
			if n, err := strconv.Atoi(p.Origin[i+1:]); err == nil {
				u.Refs = []exchange.Ref{{Path: p.Origin[:i], Line: n}}
			}
		}
		f.Units = append(f.Units, u)
	}
	return f
}
