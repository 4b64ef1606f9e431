package memostore

import (
	"crypto/sha256"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDecodeRefusesDamage(t *testing.T) {
	magic := []byte("glosa-test\n\x01")
	stamp := sha256.Sum256([]byte("stamp"))
	s := &Store{magic: magic, stamp: stamp, used: map[Key][]byte{
		sha256.Sum256([]byte("a")): {0},
		sha256.Sum256([]byte("b")): {1, 2, 3},
	}}
	file := s.file()
	got, err := decode(file, magic, stamp)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s.used, got); diff != "" {
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
