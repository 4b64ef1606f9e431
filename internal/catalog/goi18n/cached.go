package goi18n

import (
	"slices"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/glosa/glosa/internal/record"
)

// Record returns what Parse made of f's bytes, for glosa's cache: its
// messages and where each key is written, not the bytes themselves nor
// what the path gives (see FromRecord).
func (f *File) Record() []byte {
	w := &record.Writer{}
	w.Uint(uint64(len(f.Messages)))
	for _, m := range f.Messages {
		for _, s := range []string{m.ID, m.Description, m.Hash, m.LeftDelim, m.RightDelim} {
			w.Str(s)
		}
		w.Num(m.Line)
		w.Num(m.Column)
		w.Uint(uint64(len(m.Text)))
		for _, form := range Forms() {
			if s, ok := m.Text[form]; ok {
				w.Str(string(form))
				w.Str(s)
			}
		}
	}
	ids := make([]string, 0, len(f.entries))
	for id := range f.entries {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	w.Uint(uint64(len(ids)))
	for _, id := range ids {
		e := f.entries[id]
		w.Str(id)
		for _, n := range []int{e.line, e.col, e.start, e.end, e.siblings, e.valStart, e.prevEnd, e.nextStart, e.open, e.close} {
			w.Num(n)
		}
		for _, s := range []string{e.indent, e.key, e.parent} {
			w.Str(s)
		}
		for _, b := range []bool{e.lineEdit, e.nested, e.table, e.dotted} {
			w.Bool(b)
		}
	}
	return w.Buf
}

// FromRecord returns the file Parse(path, data) returned, of which Record
// wrote raw; record.ErrDamaged when raw cannot be read.
func FromRecord(path string, data, raw []byte) (*File, error) {
	mf, err := i18n.ParseMessageFileBytes(nil, path, nil) // the path's language, as Parse has it
	if err != nil {
		return nil, err
	}
	r := record.NewSharedReader(raw) // the messages are all kept, as long as the file
	f := &File{Path: path, Format: syntaxOf(path), Lang: mf.Tag, data: data}
	n := r.Count()
	f.Messages = make([]*Message, 0, n)
	f.byID = make(map[string]*Message, n)
	for range n {
		m := &Message{}
		for _, s := range []*string{&m.ID, &m.Description, &m.Hash, &m.LeftDelim, &m.RightDelim} {
			*s = r.Str()
		}
		m.Line, m.Column = r.Num(), r.Num()
		forms := r.Count()
		m.Text = make(map[Form]string, forms)
		for range forms {
			form := Form(r.Str())
			m.Text[form] = r.Str()
		}
		f.Messages = append(f.Messages, m)
		f.byID[m.ID] = m
	}
	if n := r.Count(); n > 0 {
		f.entries = make(entries, n)
		for range n {
			var e entry
			id := r.Str()
			for _, p := range []*int{&e.line, &e.col, &e.start, &e.end, &e.siblings, &e.valStart, &e.prevEnd, &e.nextStart, &e.open, &e.close} {
				*p = r.Num()
			}
			for _, s := range []*string{&e.indent, &e.key, &e.parent} {
				*s = r.Str()
			}
			for _, b := range []*bool{&e.lineEdit, &e.nested, &e.table, &e.dotted} {
				*b = r.Bool()
			}
			f.entries[id] = e
		}
	}
	if r.Err() != nil || r.Left() > 0 {
		return nil, record.ErrDamaged
	}
	return f, nil
}
