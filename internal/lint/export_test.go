package lint

// SetChunkSize sets how many items the entry rules check at a time, for a
// test; it returns what undoes it.
func SetChunkSize(n int) func() {
	old := chunkSize
	chunkSize = n
	return func() { chunkSize = old }
}
