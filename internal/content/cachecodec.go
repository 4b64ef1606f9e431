package content

import (
	"encoding/binary"
	"errors"

	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/markdown"
)

// The cache's records are written in a compact binary form of their own:
// numbers as varints, strings and byte strings as a length and the bytes,
// lists as a count and the items. gob, tried first, made a cache of ten
// thousand files 54 MB and took longer to read than the files themselves.

var errCorrupt = errors.New("corrupt cache record")

type encoder struct{ buf []byte }

func (w *encoder) uint(v uint64)  { w.buf = binary.AppendUvarint(w.buf, v) }
func (w *encoder) int(v int64)    { w.buf = binary.AppendVarint(w.buf, v) }
func (w *encoder) num(v int)      { w.int(int64(v)) }
func (w *encoder) bytes(b []byte) { w.uint(uint64(len(b))); w.buf = append(w.buf, b...) }
func (w *encoder) str(s string)   { w.uint(uint64(len(s))); w.buf = append(w.buf, s...) }

func (w *encoder) bool(b bool) {
	if b {
		w.buf = append(w.buf, 1)
	} else {
		w.buf = append(w.buf, 0)
	}
}

type decoder struct {
	buf []byte
	err error
}

func (r *decoder) fail() {
	if r.err == nil {
		r.err = errCorrupt
	}
	r.buf = nil
}

func (r *decoder) uint() uint64 {
	v, n := binary.Uvarint(r.buf)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

func (r *decoder) int() int64 {
	v, n := binary.Varint(r.buf)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.buf = r.buf[n:]
	return v
}

func (r *decoder) num() int { return int(r.int()) }

// count reads a length or a number of items, each taking at least one
// byte, so that a damaged count cannot make a huge allocation.
func (r *decoder) count() int {
	v := r.uint()
	if v > uint64(len(r.buf)) {
		r.fail()
		return 0
	}
	return int(v)
}

func (r *decoder) bytes() []byte {
	n := r.count()
	b := r.buf[:n:n]
	r.buf = r.buf[n:]
	return b
}

func (r *decoder) str() string { return string(r.bytes()) }

func (r *decoder) bool() bool {
	if len(r.buf) == 0 {
		r.fail()
		return false
	}
	b := r.buf[0]
	r.buf = r.buf[1:]
	return b == 1
}

func (r *decoder) fixed(out []byte) {
	if len(r.buf) < len(out) {
		r.fail()
		return
	}
	copy(out, r.buf)
	r.buf = r.buf[len(out):]
}

// encode appends a record.
func (w *encoder) record(c *cached) {
	k := c.Key
	w.int(k.Size)
	w.int(k.Mtime)
	w.int(k.Ctime)
	w.uint(k.Ino)
	w.uint(k.Dev)
	w.uint(uint64(k.Mode))

	// What the states read: decoded alone by a lookup (see light).
	w.str(c.Slug)
	w.num(c.KeyLine)
	w.bool(c.Draft)
	w.bool(c.Record != nil)
	if rec := c.Record; rec != nil {
		w.str(rec.Source)
		w.str(rec.Hash)
		w.str(rec.Commit)
		w.num(rec.Line)
		w.str(rec.Foreign)
	}
	w.num(c.Words)
	w.bool(c.Body != nil)
	w.str(c.Hash)
	w.buf = append(w.buf, c.SameText[:]...)
	w.buf = append(w.buf, c.SameBody[:]...)
	w.num(c.Prose)
	w.num(c.Doc.FirstBody)
	w.bool(c.Marked)

	d := &c.Doc
	w.bytes(d.Head)
	w.bool(d.BOM)
	w.bool(d.CRLF)
	w.num(d.FrontStart)
	w.num(d.FrontEnd)
	w.num(d.BodyLine)
	w.uint(uint64(len(d.Front)))
	for _, n := range d.Front {
		w.uint(uint64(n.Kind))
		w.uint(uint64(n.Style))
		w.str(n.Tag)
		w.str(n.Value)
		w.str(n.Anchor)
		w.num(n.Line)
		w.num(n.Column)
		w.num(n.Alias)
		w.uint(uint64(n.Children))
	}

	if s := c.Body; s != nil {
		w.num(s.Words)
		st := s.Structure
		for _, v := range []int{st.Headings, st.CodeBlocks, st.ListItems, st.Links, st.Images} {
			w.num(v)
		}
		w.uint(uint64(len(s.Blocks)))
		for i, b := range s.Blocks {
			w.str(b.Kind)
			w.num(b.Line)
			w.num(b.Col)
			w.uint(uint64(len(b.Markup)))
			for _, m := range b.Markup {
				w.str(m)
			}
			w.buf = append(w.buf, b.Digest[:]...)
			w.str(b.Text)
			w.str(b.Plain)
			w.str(b.Prose)
			letters := 0
			if i < len(c.BlockLetters) {
				letters = c.BlockLetters[i]
			}
			w.num(letters)
		}
		w.uint(uint64(len(s.Links)))
		for _, l := range s.Links {
			w.str(l.Dest)
			w.num(l.Line)
			w.num(l.Col)
			w.bool(l.Image)
		}
		w.uint(uint64(len(s.Citations)))
		for _, ci := range s.Citations {
			w.uint(uint64(len(ci.Numbers)))
			for _, n := range ci.Numbers {
				w.num(n)
			}
			w.num(ci.Line)
			w.num(ci.Col)
		}
		w.uint(uint64(len(s.CodeSpans)))
		for _, cs := range s.CodeSpans {
			w.str(cs)
		}
		w.uint(uint64(len(s.HTMLBlocks)))
		for _, b := range s.HTMLBlocks {
			w.num(b.Line)
			w.uint(uint64(len(b.Markup)))
			for _, m := range b.Markup {
				w.str(m)
			}
		}
	}
}

// light reads the start of a record: its key and what the states read,
// without the front matter and the body summary; r.err says whether it
// could.
func (r *decoder) light() *cached {
	c := &cached{}
	k := &c.Key
	k.Size, k.Mtime, k.Ctime = r.int(), r.int(), r.int()
	k.Ino, k.Dev, k.Mode = r.uint(), r.uint(), uint32(r.uint())

	c.Slug, c.KeyLine, c.Draft = r.str(), r.num(), r.bool()
	if r.bool() {
		c.Record = &Record{Source: r.str(), Hash: r.str(), Commit: r.str(), Line: r.num(), Foreign: r.str()}
	}
	c.Words, c.HasBody = r.num(), r.bool()
	c.Hash = r.str()
	r.fixed(c.SameText[:])
	r.fixed(c.SameBody[:])
	c.Prose = r.num()
	c.Doc.FirstBody = r.num()
	c.Marked = r.bool()
	return c
}

// record reads a whole record; r.err says whether it could.
func (r *decoder) record() *cached {
	c := r.light()
	d := &c.Doc
	d.Head = r.bytes()
	d.BOM, d.CRLF = r.bool(), r.bool()
	d.FrontStart, d.FrontEnd, d.BodyLine = r.num(), r.num(), r.num()
	if n := r.count(); n > 0 {
		d.Front = make([]flatNode, n)
		for i := range d.Front {
			f := &d.Front[i]
			f.Kind, f.Style = yaml.Kind(r.uint()), yaml.Style(r.uint())
			f.Tag, f.Value, f.Anchor = r.str(), r.str(), r.str()
			f.Line, f.Column, f.Alias = r.num(), r.num(), r.num()
			f.Children = r.count()
		}
	}

	if c.HasBody {
		s := &markdown.Summary{Words: r.num()}
		st := &s.Structure
		st.Headings, st.CodeBlocks, st.ListItems, st.Links, st.Images = r.num(), r.num(), r.num(), r.num(), r.num()
		if n := r.count(); n > 0 {
			s.Blocks = make([]markdown.Block, n)
			c.BlockLetters = make([]int, n)
			for i := range s.Blocks {
				b := &s.Blocks[i]
				b.Kind, b.Line, b.Col = r.str(), r.num(), r.num()
				if m := r.count(); m > 0 {
					b.Markup = make([]string, m)
					for j := range b.Markup {
						b.Markup[j] = r.str()
					}
				}
				r.fixed(b.Digest[:])
				b.Text, b.Plain, b.Prose = r.str(), r.str(), r.str()
				c.BlockLetters[i] = r.num()
			}
		}
		if n := r.count(); n > 0 {
			s.Links = make([]markdown.Link, n)
			for i := range s.Links {
				s.Links[i] = markdown.Link{Dest: r.str(), Line: r.num(), Col: r.num(), Image: r.bool()}
			}
		}
		if n := r.count(); n > 0 {
			s.Citations = make([]markdown.Citation, n)
			for i := range s.Citations {
				ci := &s.Citations[i]
				if m := r.count(); m > 0 {
					ci.Numbers = make([]int, m)
					for j := range ci.Numbers {
						ci.Numbers[j] = r.num()
					}
				}
				ci.Line, ci.Col = r.num(), r.num()
			}
		}
		if n := r.count(); n > 0 {
			s.CodeSpans = make([]string, n)
			for i := range s.CodeSpans {
				s.CodeSpans[i] = r.str()
			}
		}
		if n := r.count(); n > 0 {
			s.HTMLBlocks = make([]markdown.HTMLBlock, n)
			for i := range s.HTMLBlocks {
				b := &s.HTMLBlocks[i]
				b.Line = r.num()
				b.Markup = make([]string, r.count())
				for j := range b.Markup {
					b.Markup[j] = r.str()
				}
			}
		}
		c.Body = s
	}
	return c
}
