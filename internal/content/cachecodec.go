package content

import (
	"go.yaml.in/yaml/v3"

	"github.com/glosa/glosa/internal/markdown"
	"github.com/glosa/glosa/internal/record"
)

// The cache's records are written with package record.

// encodeCached appends the record of c.
func encodeCached(w *record.Writer, c *cached) {
	encodeKey(w, c.Key)
	// The digest of the file's bytes: a file whose stat data changed
	// and whose bytes did not keeps its record (see Cache.adopt).
	w.Buf = append(w.Buf, c.Sum[:]...)

	// What the states read: decoded alone by a lookup (see light).
	w.Str(c.Slug)
	w.Num(c.KeyLine)
	w.Bool(c.Draft)
	w.Bool(c.Record != nil)
	if rec := c.Record; rec != nil {
		w.Str(rec.Source)
		w.Str(rec.Hash)
		w.Str(rec.Commit)
		w.Num(rec.Line)
		w.Str(rec.Foreign)
	}
	w.Num(c.Words)
	w.Bool(c.Body != nil)
	w.Str(c.Hash)
	w.Buf = append(w.Buf, c.SameText[:]...)
	w.Buf = append(w.Buf, c.SameBody[:]...)
	w.Num(c.Prose)
	w.Num(c.Doc.FirstBody)
	w.Bool(c.Marked)

	// What a listing shows (see metaOf).
	w.Str(c.Meta.Title)
	w.Uint(uint64(len(c.Meta.Categories)))
	for _, cat := range c.Meta.Categories {
		w.Str(cat)
	}

	d := &c.Doc
	w.Bytes(d.Head)
	w.Bool(d.BOM)
	w.Bool(d.CRLF)
	w.Num(d.FrontStart)
	w.Num(d.FrontEnd)
	w.Num(d.BodyLine)
	w.Uint(uint64(len(d.Front)))
	for _, n := range d.Front {
		w.Uint(uint64(n.Kind))
		w.Uint(uint64(n.Style))
		w.Str(n.Tag)
		w.Str(n.Value)
		w.Str(n.Anchor)
		w.Num(n.Line)
		w.Num(n.Column)
		w.Num(n.Alias)
		w.Uint(uint64(n.Children))
	}

	if s := c.Body; s != nil {
		w.Num(s.Words)
		st := s.Structure
		for _, v := range []int{st.Headings, st.CodeBlocks, st.ListItems, st.Links, st.Images} {
			w.Num(v)
		}
		w.Uint(uint64(len(s.Blocks)))
		for i, b := range s.Blocks {
			w.Str(b.Kind)
			w.Num(b.Line)
			w.Num(b.Col)
			w.Uint(uint64(len(b.Markup)))
			for _, m := range b.Markup {
				w.Str(m)
			}
			w.Buf = append(w.Buf, b.Digest[:]...)
			w.Str(b.Text)
			w.Str(b.Plain)
			w.Str(b.Prose)
			letters := 0
			if i < len(c.BlockLetters) {
				letters = c.BlockLetters[i]
			}
			w.Num(letters)
		}
		w.Uint(uint64(len(s.Links)))
		for _, l := range s.Links {
			w.Str(l.Dest)
			w.Num(l.Line)
			w.Num(l.Col)
			w.Bool(l.Image)
		}
		w.Uint(uint64(len(s.Citations)))
		for _, ci := range s.Citations {
			w.Uint(uint64(len(ci.Numbers)))
			for _, n := range ci.Numbers {
				w.Num(n)
			}
			w.Num(ci.Line)
			w.Num(ci.Col)
		}
		w.Uint(uint64(len(s.CodeSpans)))
		for _, cs := range s.CodeSpans {
			w.Str(cs)
		}
		w.Uint(uint64(len(s.HTMLBlocks)))
		for _, b := range s.HTMLBlocks {
			w.Num(b.Line)
			w.Uint(uint64(len(b.Markup)))
			for _, m := range b.Markup {
				w.Str(m)
			}
		}
	}
}

// encodeKey appends a file's stat data, which start a record.
func encodeKey(w *record.Writer, k fileKey) {
	w.Int(k.Size)
	w.Int(k.Mtime)
	w.Int(k.Ctime)
	w.Uint(k.Ino)
	w.Uint(k.Dev)
	w.Uint(uint64(k.Mode))
}

// skipKey reads what encodeKey writes, without keeping it.
func skipKey(r *record.Reader) {
	r.Int()
	r.Int()
	r.Int()
	r.Uint()
	r.Uint()
	r.Uint()
}

// rekeyed returns the record raw with the stat data k in place of its
// own; nil when raw is not a record.
func rekeyed(raw []byte, k fileKey) []byte {
	r := record.NewReader(raw)
	skipKey(r)
	if r.Err() != nil {
		return nil
	}
	w := &record.Writer{Buf: make([]byte, 0, len(raw)+8)}
	encodeKey(w, k)
	return append(w.Buf, raw[len(raw)-r.Left():]...)
}

// decodeLight reads the start of a record: its key and what the states read,
// without the front matter and the body summary; r.Err() says whether it
// could.
func decodeLight(r *record.Reader) *cached {
	c := &cached{}
	k := &c.Key
	k.Size, k.Mtime, k.Ctime = r.Int(), r.Int(), r.Int()
	k.Ino, k.Dev, k.Mode = r.Uint(), r.Uint(), uint32(r.Uint())
	r.Fixed(c.Sum[:])

	c.Slug, c.KeyLine, c.Draft = r.Str(), r.Num(), r.Bool()
	if r.Bool() {
		c.Record = &Record{Source: r.Str(), Hash: r.Str(), Commit: r.Str(), Line: r.Num(), Foreign: r.Str()}
	}
	c.Words, c.HasBody = r.Num(), r.Bool()
	c.Hash = r.Str()
	r.Fixed(c.SameText[:])
	r.Fixed(c.SameBody[:])
	c.Prose = r.Num()
	c.Doc.FirstBody = r.Num()
	c.Marked = r.Bool()
	return c
}

// skipLight reads what decodeLight does, without keeping it: the same
// fields, in the same order (TestSkipLight).
func skipLight(r *record.Reader) {
	skipKey(r)
	var sum [32]byte
	r.Fixed(sum[:])

	r.Bytes()
	r.Num()
	r.Bool()
	if r.Bool() {
		r.Bytes()
		r.Bytes()
		r.Bytes()
		r.Num()
		r.Bytes()
	}
	r.Num()
	r.Bool()
	r.Bytes()
	var digest [32]byte
	r.Fixed(digest[:])
	r.Fixed(digest[:])
	r.Num()
	r.Num()
	r.Bool()
}

// decodeCached reads a whole record; r.Err() says whether it could.
func decodeCached(r *record.Reader) *cached {
	c := decodeLight(r)
	c.Meta = decodeMeta(r)
	decodeFront(r, c)
	decodeBody(r, c)
	return c
}

// decodeMeta reads the Meta of a record, after its start (see
// decodeLight).
func decodeMeta(r *record.Reader) Meta {
	m := Meta{Title: r.Str()}
	if n := r.Count(); n > 0 {
		m.Categories = make([]string, n)
		for i := range m.Categories {
			m.Categories[i] = r.Str()
		}
	}
	return m
}

// decodeFront reads the document of a record, after its start (see
// decodeLight), into c.
func decodeFront(r *record.Reader, c *cached) {
	d := &c.Doc
	d.Head = r.Bytes()
	d.BOM, d.CRLF = r.Bool(), r.Bool()
	d.FrontStart, d.FrontEnd, d.BodyLine = r.Num(), r.Num(), r.Num()
	if n := r.Count(); n > 0 {
		d.Front = make([]flatNode, n)
		for i := range d.Front {
			f := &d.Front[i]
			f.Kind, f.Style = yaml.Kind(r.Uint()), yaml.Style(r.Uint())
			f.Tag, f.Value, f.Anchor = r.Str(), r.Str(), r.Str()
			f.Line, f.Column, f.Alias = r.Num(), r.Num(), r.Num()
			f.Children = r.Count()
		}
	}
}

// decodeBody reads the body summary of a record, after its document (see
// decodeFront), into c.
func decodeBody(r *record.Reader, c *cached) {
	if c.HasBody {
		s := &markdown.Summary{Words: r.Num()}
		st := &s.Structure
		st.Headings, st.CodeBlocks, st.ListItems, st.Links, st.Images = r.Num(), r.Num(), r.Num(), r.Num(), r.Num()
		if n := r.Count(); n > 0 {
			s.Blocks = make([]markdown.Block, n)
			c.BlockLetters = make([]int, n)
			for i := range s.Blocks {
				b := &s.Blocks[i]
				b.Kind, b.Line, b.Col = r.Str(), r.Num(), r.Num()
				if m := r.Count(); m > 0 {
					b.Markup = make([]string, m)
					for j := range b.Markup {
						b.Markup[j] = r.Str()
					}
				}
				r.Fixed(b.Digest[:])
				b.Text, b.Plain, b.Prose = r.Str(), r.Str(), r.Str()
				c.BlockLetters[i] = r.Num()
			}
		}
		if n := r.Count(); n > 0 {
			s.Links = make([]markdown.Link, n)
			for i := range s.Links {
				s.Links[i] = markdown.Link{Dest: r.Str(), Line: r.Num(), Col: r.Num(), Image: r.Bool()}
			}
		}
		if n := r.Count(); n > 0 {
			s.Citations = make([]markdown.Citation, n)
			for i := range s.Citations {
				ci := &s.Citations[i]
				if m := r.Count(); m > 0 {
					ci.Numbers = make([]int, m)
					for j := range ci.Numbers {
						ci.Numbers[j] = r.Num()
					}
				}
				ci.Line, ci.Col = r.Num(), r.Num()
			}
		}
		if n := r.Count(); n > 0 {
			s.CodeSpans = make([]string, n)
			for i := range s.CodeSpans {
				s.CodeSpans[i] = r.Str()
			}
		}
		if n := r.Count(); n > 0 {
			s.HTMLBlocks = make([]markdown.HTMLBlock, n)
			for i := range s.HTMLBlocks {
				b := &s.HTMLBlocks[i]
				b.Line = r.Num()
				b.Markup = make([]string, r.Count())
				for j := range b.Markup {
					b.Markup[j] = r.Str()
				}
			}
		}
		c.Body = s
	}
}
