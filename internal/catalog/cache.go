package catalog

import (
	"crypto/sha256"
	"encoding/binary"

	"github.com/glosa/glosa/internal/limits"
	"github.com/glosa/glosa/internal/memostore"
)

// cacheFile is the file of glosa's cache (content.CacheDir) where the
// parsed catalogs are kept, each record a goi18n.File's or a po.File's
// Record.
const cacheFile = "catalogs"

var cacheMagic = []byte("glosa-catalogs\n\x01")

// Cache keeps the parsed form of catalogs in glosa's cache, so
// that a warm run reads a catalog whose bytes have not changed but does
// not parse it again. A record is keyed by the content cache's stamp
// (glosa's build and the configuration's bytes), the file's path, its
// format, the limits and a digest of its bytes: the file is read anyway
// (an edit needs its bytes). Only files parsed without error are kept,
// and of PO files only those in UTF-8.
type Cache struct {
	stamp [sha256.Size]byte
	store *memostore.Store
}

// OpenCache reads the catalogs kept in the cache of the repository at
// root under stamp (see content.Cache.Stamp); the content cache must
// not be refused (see content.Cache.Refused).
func OpenCache(root string, stamp [sha256.Size]byte) *Cache {
	return &Cache{stamp: stamp, store: memostore.Open(root, cacheFile, cacheMagic, stamp)}
}

// Save writes the records this run used or made.
func (c *Cache) Save() error { return c.store.Save() }

// key returns the key of a catalog's parsed form; the zero key for no
// cache.
func (c *Cache) key(path, format string, lim limits.Limits, data []byte) memostore.Key {
	if c == nil {
		return memostore.Key{}
	}
	h := sha256.New()
	h.Write(c.stamp[:])
	for _, s := range []string{path, format} {
		h.Write(binary.AppendUvarint(nil, uint64(len(s))))
		h.Write([]byte(s))
	}
	h.Write(binary.AppendUvarint(nil, uint64(lim.CatalogSize)))
	h.Write(binary.AppendUvarint(nil, uint64(lim.CatalogMessages)))
	h.Write(data)
	return memostore.Key(h.Sum(nil))
}

// get returns the record kept under key.
func (c *Cache) get(key memostore.Key) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	return c.store.Get(key)
}

// put keeps raw under key.
func (c *Cache) put(key memostore.Key, raw []byte) {
	if c != nil {
		c.store.Put(key, raw)
	}
}
