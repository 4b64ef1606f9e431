// Package record writes and reads the compact binary records of glosa's
// cache: numbers as varints, strings and byte strings as a length and the
// bytes, lists as a count and the items. gob, tried first for the content
// cache, made a cache of ten thousand files 54 MB and took longer to read
// than the files themselves.
package record

import (
	"encoding/binary"
	"errors"
)

// Writer writes a record, in the order a Reader reads it back.
type Writer struct{ Buf []byte }

// Uint writes v as a uvarint.
func (w *Writer) Uint(v uint64) { w.Buf = binary.AppendUvarint(w.Buf, v) }

// Int writes v as a varint.
func (w *Writer) Int(v int64) { w.Buf = binary.AppendVarint(w.Buf, v) }

// Num writes v as a varint.
func (w *Writer) Num(v int) { w.Int(int64(v)) }

// Bytes writes b, its length first.
func (w *Writer) Bytes(b []byte) { w.Uint(uint64(len(b))); w.Buf = append(w.Buf, b...) }

// Str writes s, its length first.
func (w *Writer) Str(s string) { w.Uint(uint64(len(s))); w.Buf = append(w.Buf, s...) }

// Bool writes b as one byte, 0 or 1.
func (w *Writer) Bool(b bool) {
	if b {
		w.Buf = append(w.Buf, 1)
	} else {
		w.Buf = append(w.Buf, 0)
	}
}

// ErrDamaged is a record cut short or holding what no Writer writes.
var ErrDamaged = errors.New("damaged record of glosa's cache")

// Reader reads a record a Writer wrote. After the first failed read
// every read returns a zero value, and Err reports it.
type Reader struct {
	buf []byte
	err error
	// shared, when set, is raw as one string, which Str slices rather
	// than copying each string (see NewSharedReader).
	shared string
}

// NewReader returns a Reader of raw.
func NewReader(raw []byte) *Reader { return &Reader{buf: raw} }

// NewSharedReader returns a Reader of raw whose strings share one copy
// of raw, made once, instead of one copy each: for a record whose strings
// are all kept as long as one another (a catalog's messages), thousands
// of allocations become one.
func NewSharedReader(raw []byte) *Reader { return &Reader{buf: raw, shared: string(raw)} }

// Err returns ErrDamaged when a read failed.
func (r *Reader) Err() error { return r.err }

// Left returns the number of bytes not read yet.
func (r *Reader) Left() int { return len(r.buf) }

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
func (r *Reader) Int() int64 {
	v, n := binary.Varint(r.buf)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

// Num reads a varint.
func (r *Reader) Num() int { return int(r.Int()) }

// Count reads a length or a number of items, each written in at least
// one byte, so that a damaged count cannot make a huge allocation.
func (r *Reader) Count() int {
	v := r.Uint()
	if v > uint64(len(r.buf)) {
		r.fail()
		return 0
	}
	return int(v)
}

// Bytes reads a byte string; it shares the record's memory.
func (r *Reader) Bytes() []byte {
	n := r.Count()
	b := r.buf[:n:n]
	r.buf = r.buf[n:]
	return b
}

// Str reads a string.
func (r *Reader) Str() string {
	b := r.Bytes()
	if r.shared == "" || len(b) == 0 {
		return string(b)
	}
	end := len(r.shared) - len(r.buf)
	return r.shared[end-len(b) : end]
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

// Fixed reads len(out) bytes into out.
func (r *Reader) Fixed(out []byte) {
	if len(r.buf) < len(out) {
		r.fail()
		return
	}
	copy(out, r.buf)
	r.buf = r.buf[len(out):]
}
