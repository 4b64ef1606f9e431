package memostore

import (
	"encoding/binary"
	"errors"
)

// Writer writes a record: uvarints, zigzag varints, length-prefixed
// strings and booleans, in the order a Reader reads them back.
type Writer struct{ Buf []byte }

// Uint writes v.
func (w *Writer) Uint(v uint64) { w.Buf = binary.AppendUvarint(w.Buf, v) }

// Int writes v.
func (w *Writer) Int(v int) { w.Buf = binary.AppendVarint(w.Buf, int64(v)) }

// Str writes s, its length first.
func (w *Writer) Str(s string) { w.Uint(uint64(len(s))); w.Buf = append(w.Buf, s...) }

// Bool writes b as one byte.
func (w *Writer) Bool(b bool) {
	if b {
		w.Buf = append(w.Buf, 1)
	} else {
		w.Buf = append(w.Buf, 0)
	}
}

// ErrDamaged is a record that is cut short or holds what its writer
// cannot have written.
var ErrDamaged = errors.New("damaged record of glosa's cache")

// Reader reads a record a Writer wrote. After the first error every
// read returns a zero value, and Err reports it.
type Reader struct {
	buf []byte
	err error
}

// NewReader returns a Reader of raw.
func NewReader(raw []byte) *Reader { return &Reader{buf: raw} }

func (r *Reader) fail() {
	r.err, r.buf = ErrDamaged, nil
}

// Uint reads a uvarint.
func (r *Reader) Uint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// Int reads a varint.
func (r *Reader) Int() int {
	v, n := binary.Varint(r.buf)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.buf = r.buf[n:]
	return int(v)
}

// Count reads a number of things each written in at least one byte:
// more than the bytes left is damage.
func (r *Reader) Count() int {
	n := r.Uint()
	if n > uint64(len(r.buf)) {
		r.fail()
		return 0
	}
	return int(n)
}

// Str reads a string.
func (r *Reader) Str() string {
	n := r.Uint()
	if n > uint64(len(r.buf)) {
		r.fail()
		return ""
	}
	s := string(r.buf[:n])
	r.buf = r.buf[n:]
	return s
}

// Bool reads a boolean.
func (r *Reader) Bool() bool {
	if len(r.buf) == 0 || r.buf[0] > 1 {
		r.fail()
		return false
	}
	b := r.buf[0] == 1
	r.buf = r.buf[1:]
	return b
}

// Err returns ErrDamaged when a read failed or bytes are left over.
func (r *Reader) Err() error {
	if r.err == nil && len(r.buf) > 0 {
		return ErrDamaged
	}
	return r.err
}
