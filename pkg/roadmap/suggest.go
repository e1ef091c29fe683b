package roadmap

import "strings"

// Suggest returns the candidate closest to s when it is close enough to be
// a likely typo ("did you mean …?"), else "".
func Suggest(s string, candidates []string) string {
	s = strings.ToLower(s)
	best, bestDist := "", 0
	for _, c := range candidates {
		d := editDistance(s, strings.ToLower(c))
		if best == "" || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := 2
	if len(s) <= 4 {
		limit = 1
	}
	if best != "" && bestDist <= limit {
		return best
	}
	return ""
}

// editDistance is the Levenshtein distance in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
