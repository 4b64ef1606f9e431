package po

import (
	"bytes"

	"github.com/glosa/glosa/internal/record"
)

// Record returns what Parse made of a file, for glosa's cache; false for
// a file in another charset than UTF-8, which is parsed every time.
func (f *File) Record() ([]byte, bool) {
	if f.charset != nil {
		return nil, false
	}
	w := &record.Writer{}
	w.Bool(f.bom)
	w.Str(f.newline)
	w.Bytes(f.trailer)
	w.Uint(uint64(len(f.Entries)))
	for _, e := range f.Entries {
		for _, l := range [][]string{e.Comments, e.Extracted, e.References, e.Flags, e.Translations} {
			w.Uint(uint64(len(l)))
			for _, s := range l {
				w.Str(s)
			}
		}
		w.Bool(e.Previous != nil)
		if p := e.Previous; p != nil {
			w.Str(p.Context)
			w.Bool(p.HasContext)
			w.Str(p.ID)
			w.Str(p.Plural)
			w.Bool(p.HasPlural)
		}
		w.Str(e.Context)
		w.Bool(e.HasContext)
		w.Str(e.ID)
		w.Str(e.Plural)
		w.Bool(e.HasPlural)
		w.Bool(e.Obsolete)
		w.Num(e.Line)
		w.Num(e.FirstLine)
		w.Num(e.LastLine)
		w.Num(len(e.lead))
		w.Num(len(e.raw))
	}
	return w.Buf, true
}

// FromRecord returns the file Parse(data) returned, of which Record
// wrote raw; record.ErrDamaged when raw cannot be read or does not fit
// data.
func FromRecord(data, raw []byte) (*File, error) {
	r := record.NewReader(raw)
	f := &File{bom: r.Bool(), newline: r.Str()}
	trailer := r.Num()
	if f.bom {
		if !bytes.HasPrefix(data, []byte("\ufeff")) {
			return nil, record.ErrDamaged
		}
		data = data[3:]
	}
	// text returns the next n bytes of data.
	bad := false
	text := func(n int) []byte {
		if n < 0 || n > len(data) {
			bad = true
			return nil
		}
		t := data[:n:n]
		data = data[n:]
		return t
	}
	n := r.Count()
	f.Entries = make([]*Entry, 0, n)
	for range n {
		e := &Entry{}
		for _, l := range []*[]string{&e.Comments, &e.Extracted, &e.References, &e.Flags, &e.Translations} {
			if k := r.Count(); k > 0 {
				*l = make([]string, k)
				for i := range k {
					(*l)[i] = r.Str()
				}
			}
		}
		if r.Bool() {
			e.Previous = &Previous{Context: r.Str(), HasContext: r.Bool(), ID: r.Str(), Plural: r.Str(), HasPlural: r.Bool()}
		}
		e.Context = r.Str()
		e.HasContext = r.Bool()
		e.ID = r.Str()
		e.Plural = r.Str()
		e.HasPlural = r.Bool()
		e.Obsolete = r.Bool()
		e.Line, e.FirstLine, e.LastLine = r.Num(), r.Num(), r.Num()
		e.lead = text(r.Num())
		e.raw = text(r.Num())
		e.orig = e.clone()
		f.Entries = append(f.Entries, e)
	}
	f.trailer = text(trailer)
	if r.Err() != nil || r.Left() > 0 || bad || len(data) > 0 {
		return nil, record.ErrDamaged
	}
	return f, nil
}
