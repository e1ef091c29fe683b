// Package suggest finds the known name a user most likely meant, for
// "did you mean …?" in error messages.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// Nearest returns the known name closest to name by edit distance, when it
// is close enough to be a plausible typo (or a prefix), else "".
func Nearest(name string, known []string) string {
	n := strings.ToLower(name)
	limit := len(n) / 3
	if limit < 2 {
		limit = 2
	}
	runes := utf8.RuneCountInString(n)
	best, bestD := "", -1
	for _, k := range known {
		kl := strings.ToLower(k)
		if len(n) >= 3 && len(kl) >= 3 && (strings.HasPrefix(kl, n) || strings.HasPrefix(n, kl)) {
			return k
		}
		// The distance is at least the difference in length: a name that
		// far off could not be the answer, so it is not measured (a
		// 900,000-character heading against every section name took
		// seconds, and 200,000 one-letter headings as long).
		if diff := runes - utf8.RuneCountInString(kl); diff > limit || -diff > limit {
			continue
		}
		bound := limit
		if bestD >= 0 {
			bound = min(bound, bestD-1) // only a nearer name changes the answer
		}
		if d := distanceWithin(n, kl, bound); d <= bound {
			best, bestD = k, d
		}
	}
	if bestD >= 0 && bestD <= limit {
		return best
	}
	return ""
}

// Unique is Nearest when the answer is the only plausible one: no other
// known name is a prefix match or as near by edit distance. A fix that
// rewrites what the user typed needs exactly one correct value; a hint
// may still offer the nearest of several.
func Unique(name string, known []string) string {
	best := Nearest(name, known)
	if best == "" {
		return ""
	}
	n := strings.ToLower(name)
	bestD := levenshtein(n, strings.ToLower(best))
	for _, k := range known {
		kl := strings.ToLower(k)
		if strings.EqualFold(k, best) {
			continue
		}
		if kl == n {
			return "" // the name is itself known, in another spelling
		}
		if len(n) >= 3 && len(kl) >= 3 && (strings.HasPrefix(kl, n) || strings.HasPrefix(n, kl)) {
			return ""
		}
		if levenshtein(n, kl) <= bestD {
			return ""
		}
	}
	return best
}

// distanceWithin is the edit distance of a and b when it is at most
// bound, and bound+1 otherwise: it stops as soon as a whole row of the
// table exceeds the bound, and allocates nothing for short names, since a
// hint is asked for every unknown heading and label of a file.
func distanceWithin(a, b string, bound int) int {
	if bound < 0 {
		return bound + 1
	}
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > bound || -d > bound {
		return bound + 1
	}
	var prevBuf, curBuf [64]int
	prev, cur := prevBuf[:0], curBuf[:0]
	if len(rb)+1 > len(prevBuf) {
		prev, cur = make([]int, 0, len(rb)+1), make([]int, 0, len(rb)+1)
	}
	prev, cur = prev[:len(rb)+1], cur[:len(rb)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > bound {
			return bound + 1
		}
		prev, cur = cur, prev
	}
	return min(prev[len(rb)], bound+1)
}

func levenshtein(a, b string) int {
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
