// Package yamlerr reads the line out of a go.yaml.in/yaml/v3 syntax error,
// so callers can re-base it to the file the YAML came from.
package yamlerr

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	lineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	// yaml.v3 adds 1 to scanner error lines only; these parser errors
	// come 0-based, one line early.
	parserErrorRe = regexp.MustCompile(`^did not find expected (<document start>|node content|key|'-' indicator|',' or)`)
)

// Locate returns the 1-based line within the YAML document that err points
// at (0 when it names none) and the message without the "yaml: " prefix.
func Locate(err error) (line int, msg string) {
	s := err.Error()
	m := lineRe.FindStringSubmatch(s)
	if m == nil {
		return 0, strings.TrimPrefix(s, "yaml: ")
	}
	line, _ = strconv.Atoi(m[1])
	if parserErrorRe.MatchString(m[2]) {
		line++
	}
	return line, m[2]
}
