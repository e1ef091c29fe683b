// Package ascii holds the byte-level text tests the parsers' hand-written
// scanners share, with the semantics of Go's regexp classes they replace.
package ascii

// IsWordByte reports whether c is a word character as regexp's \w and \b
// see it: [0-9A-Za-z_].
func IsWordByte(c byte) bool {
	return c == '_' || ('0' <= c && c <= '9') || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
}

// IndexFold is strings.Index ignoring ASCII case; lower must be lower-case.
func IndexFold(s, lower string) int {
	n := len(lower)
	for i := 0; i+n <= len(s); i++ {
		j := 0
		for ; j < n; j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != lower[j] {
				break
			}
		}
		if j == n {
			return i
		}
	}
	return -1
}
