package memostore

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDecodeRefusesDamage(t *testing.T) {
	magic := []byte("glosa-test\n\x01")
	stamp := sha256.Sum256([]byte("stamp"))
	want := map[Key][]byte{
		sha256.Sum256([]byte("a")): {0},
		sha256.Sum256([]byte("b")): {1, 2, 3},
	}
	s := &Store{magic: magic, stamp: stamp}
	for k, raw := range want {
		s.Put(k, raw)
	}
	file, fileOffs := s.file()
	offs, err := decode(file, magic, stamp)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(offs, fileOffs) {
		t.Error("where the file's keys are is not what decode finds")
	}
	read := &Store{data: file, offs: offs}
	got := map[Key][]byte{}
	for i := range offs {
		got[read.key(i)] = read.record(i)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("store file (-want +got):\n%s", diff)
	}
	if _, err := decode(file, magic, sha256.Sum256([]byte("another"))); err == nil {
		t.Error("a store of another stamp was read")
	}
	if _, err := decode(file, []byte("glosa-other\n\x01"), stamp); err == nil {
		t.Error("a store of another magic was read")
	}
	for i := range file {
		bad := append([]byte(nil), file...)
		bad[i] ^= 0x40
		if _, err := decode(bad, magic, stamp); err == nil {
			t.Errorf("a store with byte %d changed was read", i)
		}
	}
	for n := range len(file) {
		if _, err := decode(file[:n], magic, stamp); err == nil {
			t.Errorf("a store cut at %d was read", n)
		}
	}
}

func TestStoreKeepsWhatWasUsed(t *testing.T) {
	root := t.TempDir()
	magic := []byte("glosa-test\n\x01")
	stamp := sha256.Sum256([]byte("stamp"))
	a, b := sha256.Sum256([]byte("a")), sha256.Sum256([]byte("b"))
	s := Open(root, "test", magic, stamp)
	s.Put(a, []byte("A"))
	s.Put(b, []byte("B"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s = Open(root, "test", magic, stamp)
	if raw, ok := s.Get(a); !ok || string(raw) != "A" {
		t.Fatalf("Get(a) = %q, %v", raw, ok)
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s = Open(root, "test", magic, stamp)
	if _, ok := s.Get(b); ok {
		t.Error("a record no run used was kept")
	}
	if raw, ok := s.Get(a); !ok || string(raw) != "A" {
		t.Errorf("Get(a) = %q, %v", raw, ok)
	}
}

// TestStoreMany keeps and reads back records of many keys, put and got in
// any order, some put again over the file's, and checks what the next
// file keeps: the records got or put, with the last value put.
func TestStoreMany(t *testing.T) {
	root := t.TempDir()
	magic := []byte("glosa-test\n\x01")
	stamp := sha256.Sum256([]byte("stamp"))
	key := func(i int) Key { return sha256.Sum256([]byte{byte(i), byte(i >> 8)}) }
	s := Open(root, "test", magic, stamp)
	for i := range 1000 {
		s.Put(key(i), []byte{byte(i), 1})
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s = Open(root, "test", magic, stamp)
	for i := 999; i >= 0; i -= 3 { // every third, backwards: got
		if raw, ok := s.Get(key(i)); !ok || raw[0] != byte(i) || raw[1] != 1 {
			t.Fatalf("Get(%d) = %v, %v", i, raw, ok)
		}
	}
	for i := 1; i < 1000; i += 5 { // put again, some of them got too
		s.Put(key(i), []byte{byte(i), 2})
	}
	s.Put(key(5000), []byte("new"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s = Open(root, "test", magic, stamp)
	for i := range 1000 {
		got, put := (999-i)%3 == 0, i%5 == 1
		raw, ok := s.Get(key(i))
		switch {
		case put:
			if !ok || raw[1] != 2 {
				t.Errorf("%d, put again: %v, %v", i, raw, ok)
			}
		case got:
			if !ok || raw[1] != 1 {
				t.Errorf("%d, got: %v, %v", i, raw, ok)
			}
		case ok:
			t.Errorf("%d, neither got nor put, was kept", i)
		}
	}
	if raw, ok := s.Get(key(5000)); !ok || string(raw) != "new" {
		t.Errorf("the new record: %q, %v", raw, ok)
	}
}

// TestFileMerge compares the file Save writes, merged as it is written,
// with the same records gathered in one list and sorted (the way it was
// made before): byte for byte, with where its keys are, over stores with
// records used or not, put again once or twice, and new.
func TestFileMerge(t *testing.T) {
	magic := []byte("glosa-test\n\x01")
	stamp := sha256.Sum256([]byte("stamp"))
	rng := rand.New(rand.NewPCG(3, 4))
	key := func(i int) Key { return sha256.Sum256([]byte{byte(i), byte(i >> 8)}) }
	for round := range 200 {
		root := t.TempDir()
		s := Open(root, "test", magic, stamp)
		n := rng.IntN(60)
		for i := range n {
			s.Put(key(i), []byte{byte(i), byte(round)})
		}
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
		s = Open(root, "test", magic, stamp)
		for i := range n {
			if rng.IntN(2) == 0 {
				s.Get(key(i))
			}
		}
		for range rng.IntN(40) {
			i := rng.IntN(n + 20)
			size := rng.IntN(3) // empty too; now and then larger than a block
			if rng.IntN(50) == 0 {
				size = arenaBlock - 1 + rng.IntN(arenaBlock)
			}
			s.Put(key(i), bytes.Repeat([]byte{byte(rng.IntN(256))}, size))
		}
		want := referenceFile(s)
		got, offs := s.file()
		if !bytes.Equal(got, want) {
			t.Fatalf("round %d: the merged file differs from the sorted one", round)
		}
		if o, err := decode(got, magic, stamp); err != nil || !slices.Equal(o, offs) {
			t.Fatalf("round %d: where the keys are is not what decode finds (%v)", round, err)
		}
	}
}

// referenceFile is Store.file as it was: every record put and used in one
// list, sorted by key, the last put of a key winning.
func referenceFile(s *Store) []byte {
	type record struct {
		key Key
		raw []byte
	}
	var recs []record
	for _, r := range slices.Backward(s.fresh) {
		recs = append(recs, record{r.key, s.put(r)})
	}
	for i := range s.offs {
		if s.used[i] {
			recs = append(recs, record{s.key(i), s.record(i)})
		}
	}
	slices.SortStableFunc(recs, func(a, b record) int { return bytes.Compare(a.key[:], b.key[:]) })
	recs = slices.CompactFunc(recs, func(a, b record) bool { return a.key == b.key })
	b := append(slices.Clone(s.magic), s.stamp[:]...)
	for _, r := range recs {
		b = append(b, r.key[:]...)
		b = binary.AppendUvarint(b, uint64(len(r.raw)))
		b = append(b, r.raw...)
	}
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, castagnoli()))
}

// TestFind compares find, which searches a key's 16-bit prefix only,
// with a search of every key: keys that share prefixes, the first and
// last prefixes, keys absent, and no keys at all.
func TestFind(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 100 {
		var keys []Key
		for range rng.IntN(300) {
			var k Key
			for i := range k {
				k[i] = byte(rng.IntN(256))
			}
			switch rng.IntN(4) {
			case 0:
				k[0], k[1] = 0, 0
			case 1:
				k[0], k[1] = 0xff, 0xff
			case 2:
				k[0], k[1] = 0x12, byte(rng.IntN(2))
			}
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b Key) int { return bytes.Compare(a[:], b[:]) })
		keys = slices.Compact(keys)
		var data []byte
		var offs []uint32
		for _, k := range keys {
			offs = append(offs, uint32(len(data)))
			data = append(data, k[:]...)
		}
		s := &Store{data: data, offs: offs, first: buckets(data, offs)}
		probes := slices.Clone(keys)
		for range 50 {
			var k Key
			k[0], k[1], k[2] = byte(rng.IntN(256)), byte(rng.IntN(256)), byte(rng.IntN(256))
			probes = append(probes, k)
		}
		for _, k := range probes {
			want := slices.Index(keys, k)
			i, ok := s.find(k)
			if ok != (want >= 0) || ok && i != want {
				t.Fatalf("round %d: find(%x) = %d, %v; want %d", round, k[:3], i, ok, want)
			}
		}
	}
}
