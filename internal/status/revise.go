package status

import (
	"crypto/sha256"
	"fmt"
	"runtime"
	"sync"

	"github.com/glosa/glosa/internal/blockdiff"
	"github.com/glosa/glosa/internal/content"
	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/segment"
)

// UnitChange is how one unit of a source (see segment.Split) differs from
// the version a translation was made from.
type UnitChange struct {
	// Change is blockdiff.Changed or blockdiff.Added, "" for a unit
	// unchanged.
	Change blockdiff.Change
	// OldID is the ID of the unit in the old version: the same as the
	// unit's own when unchanged, "" when added.
	OldID string
	// Previous is the old text of a changed unit.
	Previous string
}

// Revision is what changed in a source since the version a stale
// translation was made from.
type Revision struct {
	// Version is the content of that version of the source's file.
	Version []byte
	// Units holds every unit of the current source, by ID.
	Units map[string]UnitChange
}

// Revise compares the units (see segment.Split) of the version of a
// source a translation was made from, old, with those of the current one,
// cur, and tells for each unit of cur, by ID, whether it changed or was
// added, and which unit of old it was. Fields pair by path. Body blocks
// pair by blockdiff's alignment, not by ID: a block's ID is a hash of its
// text, so a changed paragraph has a new one; an unchanged block keeps
// its ID.
func Revise(old, cur []segment.Unit) map[string]UnitChange {
	out := map[string]UnitChange{}
	oldText := map[string]string{}
	var oldBlocks, curBlocks []segment.Unit
	for _, u := range old {
		oldText[u.ID] = u.Text
		if u.Kind != segment.KindField {
			oldBlocks = append(oldBlocks, u)
		}
	}
	for _, u := range cur {
		if _, ok := oldText[u.ID]; ok {
			out[u.ID] = UnitChange{OldID: u.ID}
		}
		if u.Kind != segment.KindField {
			curBlocks = append(curBlocks, u)
			continue
		}
		was, ok := oldText[u.ID]
		switch {
		case !ok:
			out[u.ID] = UnitChange{Change: blockdiff.Added}
		case content.Normalize(was) != content.Normalize(u.Text):
			out[u.ID] = UnitChange{Change: blockdiff.Changed, OldID: u.ID, Previous: was}
		}
	}
	// blockdiff compares markdown blocks and says where each is by line:
	// give it each unit's index as its line, so that its answer names
	// the units.
	asBlocks := func(units []segment.Unit) []markdown.Block {
		bs := make([]markdown.Block, len(units))
		for i, u := range units {
			bs[i] = markdown.Block{Kind: u.Kind, Text: u.Text, Line: i + 1}
		}
		return bs
	}
	// Most edits are local: the blocks before and after them, the same
	// bytes, need no diff (which normalises every text it is given).
	pre := 0
	for pre < len(oldBlocks) && pre < len(curBlocks) && sameBlock(oldBlocks[pre], curBlocks[pre]) {
		pre++
	}
	suf := 0
	for suf < len(oldBlocks)-pre && suf < len(curBlocks)-pre && sameBlock(oldBlocks[len(oldBlocks)-1-suf], curBlocks[len(curBlocks)-1-suf]) {
		suf++
	}
	oldBlocks, curBlocks = oldBlocks[pre:len(oldBlocks)-suf], curBlocks[pre:len(curBlocks)-suf]
	for _, b := range blockdiff.Blocks(asBlocks(oldBlocks), asBlocks(curBlocks), len(curBlocks)+1) {
		switch b.Change {
		case blockdiff.Added:
			out[curBlocks[b.Line-1].ID] = UnitChange{Change: blockdiff.Added}
		case blockdiff.Changed:
			was := oldBlocks[b.OldLine-1]
			out[curBlocks[b.Line-1].ID] = UnitChange{Change: blockdiff.Changed, OldID: was.ID, Previous: was.Text}
		}
	}
	// A block blockdiff calls unchanged whose ID the old version does
	// not have (a repeated text's -2 counted differently) is found by
	// nothing: treat it as added rather than guess.
	for _, u := range curBlocks {
		if _, ok := out[u.ID]; !ok {
			out[u.ID] = UnitChange{Change: blockdiff.Added}
		}
	}
	return out
}

// sameBlock reports whether two blocks are the same: same kind, same
// text.
func sameBlock(a, b segment.Unit) bool { return a.Kind == b.Kind && a.Text == b.Text }

// UnitWords counts the words a translator translates in a unit: those of
// its prose (see markdown.Block.Prose), code and link destinations left
// out; a field's are all of its words, as content.Entry.Words counts them.
func UnitWords(u segment.Unit) int {
	if u.Kind == segment.KindField {
		return markdown.CountWords(u.Text)
	}
	return markdown.CountWords(markdown.Prose(u.Text))
}

// A Finder returns the content of the version of src that a translation's
// record names (see workspace.Project.FindVersion), false when there is
// none to be found: no history, a shallow clone, a commit or hash unknown.
// Revise calls it from several goroutines at once.
type Finder func(src *content.Entry, rec *content.Record) (data []byte, ok bool)

// Revise compares, for every stale translation made from the source (not
// a pivot), the source version its record names, which find reads, with
// the current source: Revision then tells which units changed, and the
// translation's Words count only theirs. A draft's Words count only the
// units it has not translated yet (see DraftWords). The languages' sums
// follow. Translations whose version find cannot read keep every word.
//
// The versions are found, parsed and compared on every core, a source at
// a time, each source split once for all its languages and each version
// once however many translations name it.
func (r *Report) Revise(find Finder, memo Memo) {
	// A memo that keeps the drafts' counts only (without the whole git
	// history, a stale translation counts otherwise) says so.
	draftsOnly := false
	if d, ok := memo.(interface{ DraftsOnly() bool }); ok {
		draftsOnly = d.DraftsOnly()
	}
	var jobs []*reviseJob
	work := make(chan *reviseJob)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for job := range work {
				r.revise(job)
			}
		})
	}
	for i := range r.Items {
		it := &r.Items[i]
		if it.Source == nil || it.Source.Err != nil {
			continue
		}
		job := &reviseJob{item: it}
		for j := range it.Translations {
			t := &it.Translations[j]
			e := t.Entry
			if e == nil || e.Err != nil {
				continue
			}
			stale := t.State == Stale && e.Record != nil && r.TranslatedFrom(e).Entry == it.Source
			if !stale && t.Reason != Draft {
				continue
			}
			key := r.wordsKey(it.Source, t)
			if memo != nil && !(stale && draftsOnly) {
				if n, ok := memo.Words(key); ok {
					t.Words = n
					continue
				}
			}
			switch {
			case stale:
				job.stale = append(job.stale, staleVersion{t: t, key: key})
			default:
				job.drafts = append(job.drafts, draft{t: t, key: key})
			}
		}
		if len(job.stale) > 0 || len(job.drafts) > 0 {
			job.find = find
			jobs = append(jobs, job)
			work <- job
		}
	}
	close(work)
	wg.Wait()
	r.revisions = map[*content.Entry]Revision{}
	for _, job := range jobs {
		for _, sv := range job.stale {
			if sv.units != nil {
				r.revisions[sv.t.Entry] = Revision{Version: sv.data, Units: sv.units}
				if memo != nil && !draftsOnly {
					memo.Remember(sv.key, sv.t.Words)
				}
			}
		}
		for _, d := range job.drafts {
			if memo != nil && d.counted {
				memo.Remember(d.key, d.t.Words)
			}
		}
	}
	// One pass over the items, not one per language: 39 languages of
	// 7,400 items were 11 million translations read.
	of := map[string][]int{} // language → its summaries
	for i := range r.Languages {
		r.Languages[i].WordsToTranslate = 0
		of[r.Languages[i].Lang] = append(of[r.Languages[i].Lang], i)
	}
	for _, it := range r.Items {
		for j := range it.Translations {
			t := &it.Translations[j]
			for _, i := range of[t.Lang] {
				r.Languages[i].WordsToTranslate += t.Words
			}
		}
	}
}

// reviseJob is the work Revise does for one source: its stale
// translations, the versions they were made from found with find, and
// its drafts.
type reviseJob struct {
	item   *Item
	find   Finder
	stale  []staleVersion
	drafts []draft
}

// draft is a draft translation, its key in a Memo, and whether its words
// were counted.
type draft struct {
	t       *Translation
	key     [sha256.Size]byte
	counted bool
}

// staleVersion is a stale translation, the content of the source version
// it was made from (nil until found, or when it cannot be), and what
// changed since (nil until known).
type staleVersion struct {
	t    *Translation
	data []byte
	key  [sha256.Size]byte
	// units is what Revise found, nil until known.
	units map[string]UnitChange
}

// revise does a job: it sets the Words of its translations and the
// revisions of the stale ones.
func (r *Report) revise(job *reviseJob) {
	src, slug := job.item.Source, job.item.Slug
	found := job.stale[:0]
	for _, sv := range job.stale {
		if data, ok := job.find(src, sv.t.Entry.Record); ok {
			sv.data = data
			found = append(found, sv)
		}
	}
	job.stale = found
	if len(job.stale) == 0 && len(job.drafts) == 0 {
		return
	}
	schema := r.Repo.Schema(src)
	doc := r.fullDocument(src)
	if doc == nil {
		return
	}
	source := segment.NewSource(doc, schema, slug) // parsed once for every draft
	su := &sourceUnits{units: source.Units(), words: map[string]int{}}
	versions := map[string][]segment.Unit{}
	for i := range job.stale {
		sv := &job.stale[i]
		old, ok := versions[string(sv.data)]
		if !ok {
			if d, err := content.ParseFile(src.Path, sv.data); err == nil {
				old = segment.Split(d, schema, slug)
			}
			versions[string(sv.data)] = old
		}
		sv.units = Revise(old, su.units)
		sv.t.Words = su.count(func(u segment.Unit) bool { return sv.units[u.ID].Change != "" })
	}
	for i := range job.drafts {
		d := &job.drafts[i]
		if tr := r.fullDocument(d.t.Entry); tr != nil {
			have := source.Align(tr)
			d.t.Words = su.count(func(u segment.Unit) bool { text := have[u.ID]; return text == "" || text == u.Text })
			d.counted = true
		}
	}
}

// A Memo remembers the words Revise counted, from one run to the next
// (glosa's cache keeps one): reading old versions and parsing them costs
// more than all else status does with a warm cache. A memo's keys name
// everything the count depends on (see wordsKey); it does not say which
// units changed, so a caller that needs Revision (export) passes none.
type Memo interface {
	Words(key [sha256.Size]byte) (int, bool)
	Remember(key [sha256.Size]byte, words int)
}

// wordsKey names what the words left in a stale translation or a draft
// depend on: the translation and its record, the source's hash (of its
// text fields and blocks, normalised, which are what the units hold; a
// recorded commit names one version for good, a recorded hash versions
// with the same units), and a draft's own hash.
func (r *Report) wordsKey(src *content.Entry, t *Translation) [sha256.Size]byte {
	h := sha256.New()
	rec := t.Entry.Record
	if rec == nil {
		rec = &content.Record{}
	}
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%s\x00%s\x00%s", t.Entry.Path, t.State, src.Path, r.SourceHash(src), rec.Source, rec.Hash, rec.Commit)
	if t.Reason == Draft {
		fmt.Fprintf(h, "\x00%s", r.SourceHash(t.Entry))
	}
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}

// sourceUnits is a source's document and units, and the words of those
// counted so far.
type sourceUnits struct {
	units []segment.Unit
	words map[string]int
}

// count sums the words of the units left to translate.
func (su *sourceUnits) count(left func(segment.Unit) bool) int {
	n := 0
	for _, u := range su.units {
		if !left(u) {
			continue
		}
		w, ok := su.words[u.ID]
		if !ok {
			w = UnitWords(u)
			su.words[u.ID] = w
		}
		n += w
	}
	return n
}

// Revision returns what Revise found for a stale translation: what
// changed in its source since the version it was made from. ok is false when Revise did not run or could not read that
// version: every unit is then to review.
func (r *Report) Revision(t *Translation) (rev Revision, ok bool) {
	if t.Entry == nil {
		return Revision{}, false
	}
	rev, ok = r.revisions[t.Entry]
	return rev, ok
}

// fullDocument returns an entry's document with its body: its Doc, or
// the file read again when the scan kept less of it (a report releases
// entries, and glosa's cache keeps no bodies); nil when it cannot be read.
func (r *Report) fullDocument(e *content.Entry) *content.Document {
	if e.Doc != nil && len(e.Doc.Body) > 0 {
		return e.Doc
	}
	data, err := e.Read()
	if err != nil {
		return nil
	}
	doc, err := content.ParseFile(e.Path, data)
	if err != nil {
		return nil
	}
	return doc
}
