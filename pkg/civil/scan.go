package civil

import "github.com/roadmapcli/roadmap/pkg/ascii"

// DateAt returns the end of a date written YYYY-M-D at s[i:] (a four-digit
// year, a one- or two-digit month and day) that no word character
// follows, or 0. It does not check what comes before i, nor that the date
// exists: Parse does (so "2026-1-5" and "2026-02-30" are found, then
// reported as not dates rather than silently skipped).
//
// This is the one scanner for dates in prose; it is written by hand
// because it runs over every line of every roadmap a lint run reads.
func DateAt(s string, i int) int {
	j := digitsAt(s, i, 4, 4)
	if j < 0 || j >= len(s) || s[j] != '-' {
		return 0
	}
	j = digitsAt(s, j+1, 1, 2)
	if j < 0 || j >= len(s) || s[j] != '-' {
		return 0
	}
	j = digitsAt(s, j+1, 1, 2)
	if j < 0 || ascii.WordAt(s, j) {
		return 0
	}
	return j
}

// digitsAt returns the end of a run of min..max ASCII digits at s[i:] (a
// longer run is not one), or -1.
func digitsAt(s string, i, min, max int) int {
	n := 0
	for i+n < len(s) && '0' <= s[i+n] && s[i+n] <= '9' {
		n++
		if n > max {
			return -1
		}
	}
	if n < min {
		return -1
	}
	return i + n
}

// FindDates returns the [start, end) byte spans of every date written
// YYYY-M-D in s on word boundaries, in order.
func FindDates(s string) [][2]int {
	var out [][2]int
	for i := 0; i+8 <= len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' || ascii.WordBefore(s, i) {
			continue
		}
		if end := DateAt(s, i); end > 0 {
			out = append(out, [2]int{i, end})
			i = end - 1
		}
	}
	return out
}

// Dates returns the dates FindDates finds that Parse accepts, in order.
func Dates(s string) []Date {
	var out []Date
	for _, sp := range FindDates(s) {
		if d, err := Parse(s[sp[0]:sp[1]]); err == nil {
			out = append(out, d)
		}
	}
	return out
}
