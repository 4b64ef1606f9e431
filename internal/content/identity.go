package content

import "encoding/binary"

// Identity returns what tells the file of an entry unchanged: the size,
// times, inode, device and mode the cache recorded of it, or took this
// run of a file it read. false when the cache does not vouch for the
// file: it was not scanned through this cache, or was modified too
// recently for its stat data to be trusted (see cacheable). A memo keyed
// by it is as sound as the cache's own records, which the same stat data
// gives back without reading the file.
func (c *Cache) Identity(e *Entry) ([]byte, bool) {
	k, ok := c.freshKey(e)
	if !ok {
		return nil, false
	}
	b := make([]byte, 0, 5*binary.MaxVarintLen64+4)
	for _, v := range []int64{k.Size, k.Mtime, k.Ctime} {
		b = binary.AppendVarint(b, v)
	}
	b = binary.AppendUvarint(b, k.Ino)
	b = binary.AppendUvarint(b, k.Dev)
	return binary.AppendUvarint(b, uint64(k.Mode)), true
}
