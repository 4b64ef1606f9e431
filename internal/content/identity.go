package content

// Identity returns what tells the file of an entry unchanged: the digest
// of its bytes, which the cache recorded of it or took this run of a
// file it read. false when the cache does not vouch for the file: it was
// not scanned through this cache, could not be read, or was modified too
// recently for its stat data to be trusted (see cacheable). A memo keyed
// by it is as sound as the cache's own records, and, like them, outlives
// new stat data for the same bytes (see Cache.adopt).
func (c *Cache) Identity(e *Entry) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !e.fresh || e.Err != nil || e.cache != nil && e.cache != c {
		return nil, false
	}
	return e.sum[:], true
}
