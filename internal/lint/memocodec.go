package lint

import (
	"encoding/binary"
	"errors"
	"maps"
	"slices"

	"github.com/glosa/glosa/internal/l10n"
)

// The findings of a memo record: their count, then each finding's
// severity, path, language, slug, message and fix, its line and column,
// its Text and its FixText. A Text is its ID, Raw, Count and Plural, then
// its data: 0 for none, else 1 + the number of fields, each its name, a
// kind byte and the value (a list: its length, then 0 for nil or 1, then
// its Texts). The values a Text's data may hold are those
// l10n words (strings, ints, languages, Texts and lists of Texts); a
// finding with another kind is not written.

// The kinds of values in a Text's data.
const (
	valueString byte = iota
	valueInt
	valueLang
	valueText
	valueTexts
)

// encodeFindings returns the record of fs; false when a Text holds a
// value of a kind the format has not.
func encodeFindings(fs []Finding) ([]byte, bool) {
	w := &memoWriter{}
	w.uint(uint64(len(fs)))
	for _, f := range fs {
		for _, s := range []string{string(f.Severity), f.Path, f.Lang, f.Slug, f.Message, f.Fix} {
			w.str(s)
		}
		w.int(f.Line)
		w.int(f.Column)
		w.text(f.Text)
		w.text(f.FixText)
	}
	return w.buf, !w.bad
}

// decodeFindings returns the findings of a record; an error when it is
// damaged.
func decodeFindings(raw []byte) ([]Finding, error) {
	r := &memoReader{buf: raw}
	n := r.count()
	var out []Finding
	for range n {
		var f Finding
		var sev string
		for _, s := range []*string{&sev, &f.Path, &f.Lang, &f.Slug, &f.Message, &f.Fix} {
			*s = r.str()
		}
		f.Severity = Severity(sev)
		f.Line, f.Column = r.int(), r.int()
		f.Text, f.FixText = r.text(), r.text()
		out = append(out, f)
	}
	if r.err == nil && len(r.buf) > 0 {
		r.err = errDamaged
	}
	return out, r.err
}

var errDamaged = errors.New("damaged lint memo record")

type memoWriter struct {
	buf []byte
	bad bool
}

func (w *memoWriter) uint(v uint64) { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *memoWriter) int(v int)     { w.uint(zigzag(int64(v))) }
func (w *memoWriter) str(s string)  { w.uint(uint64(len(s))); w.buf = append(w.buf, s...) }

func (w *memoWriter) text(t l10n.Text) {
	w.str(t.ID)
	w.str(t.Raw)
	w.int(t.Count)
	if t.Plural {
		w.uint(1)
	} else {
		w.uint(0)
	}
	if t.Data == nil {
		w.uint(0)
		return
	}
	w.uint(uint64(len(t.Data)) + 1)
	// Sorted, so that the same findings make the same bytes.
	for _, k := range slices.Sorted(maps.Keys(t.Data)) {
		w.str(k)
		switch v := t.Data[k].(type) {
		case string:
			w.buf = append(w.buf, valueString)
			w.str(v)
		case int:
			w.buf = append(w.buf, valueInt)
			w.int(v)
		case l10n.Lang:
			w.buf = append(w.buf, valueLang)
			w.str(string(v))
		case l10n.Text:
			w.buf = append(w.buf, valueText)
			w.text(v)
		case []l10n.Text:
			w.buf = append(w.buf, valueTexts)
			w.uint(uint64(len(v)))
			if v == nil {
				w.uint(0)
			} else {
				w.uint(1)
			}
			for _, t := range v {
				w.text(t)
			}
		default:
			w.bad = true
		}
	}
}

type memoReader struct {
	buf []byte
	err error
}

func (r *memoReader) uint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.err, r.buf = errDamaged, nil
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

func (r *memoReader) int() int {
	u := r.uint()
	return int(int64(u>>1) ^ -int64(u&1))
}

// zigzag maps signed integers to unsigned ones, small magnitudes to small
// numbers, as binary.AppendVarint does.
func zigzag(v int64) uint64 { return uint64(v<<1) ^ uint64(v>>63) }

// count reads a number of items, each at least a byte long.
func (r *memoReader) count() int {
	n := r.uint()
	if n > uint64(len(r.buf)) {
		r.err, r.buf = errDamaged, nil
		return 0
	}
	return int(n)
}

func (r *memoReader) str() string {
	n := r.count()
	s := string(r.buf[:n])
	r.buf = r.buf[n:]
	return s
}

func (r *memoReader) byte() byte {
	if len(r.buf) == 0 {
		r.err = errDamaged
		return 0
	}
	b := r.buf[0]
	r.buf = r.buf[1:]
	return b
}

func (r *memoReader) text() l10n.Text {
	t := l10n.Text{ID: r.str(), Raw: r.str(), Count: r.int(), Plural: r.uint() == 1}
	n := r.uint()
	if n == 0 {
		return t
	}
	if n-1 > uint64(len(r.buf)) {
		r.err, r.buf = errDamaged, nil
		return t
	}
	t.Data = make(map[string]any, n-1)
	for range n - 1 {
		k := r.str()
		switch r.byte() {
		case valueString:
			t.Data[k] = r.str()
		case valueInt:
			t.Data[k] = r.int()
		case valueLang:
			t.Data[k] = l10n.Lang(r.str())
		case valueText:
			t.Data[k] = r.text()
		case valueTexts:
			ts := make([]l10n.Text, r.count())
			if r.uint() == 0 {
				ts = nil
			}
			for i := range ts {
				ts[i] = r.text()
			}
			t.Data[k] = ts
		default:
			r.err, r.buf = errDamaged, nil
		}
		if r.err != nil {
			return t
		}
	}
	return t
}
