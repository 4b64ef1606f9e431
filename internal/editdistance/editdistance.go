// Package editdistance computes the Levenshtein distance of two
// sequences: of bytes for a misspelt rule ID, of words for a translation
// memory's near matches. No well-kept library takes sequences of any kind
// (github.com/agnivade/levenshtein takes strings), hence these few lines.
package editdistance

// Distance is the fewest insertions, deletions and substitutions of one
// element that turn a into b.
func Distance[T comparable](a, b []T) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
