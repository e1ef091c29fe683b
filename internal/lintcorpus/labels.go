// Package lintcorpus measures the linter on a labelled corpus of roadmaps
// written the way people write them (testdata/lint-corpus/): per rule, how
// many of the labelled faults it finds and how many of its findings are
// false alarms. The test in this package guards the figures against a
// recorded baseline and keeps README's accuracy table in step with it.
//
// The labels are the truth by the rule pages, not what the linter does
// today: a corpus that only agrees with its linter measures nothing.
package lintcorpus

import (
	"bufio"
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

// A Label is one line of a NAME.labels file: a finding the linter must
// report (expect) or a line that looks suspicious and must stay quiet for
// one rule (quiet).
type Label struct {
	Quiet  bool
	Line   int    // 1-based line in the roadmap file
	Rule   string // RM005
	Anchor string // text that must appear on Line, so a label cannot drift
	Reason string
	Tags   []string // the class of writing, for grouping misses: [nested], [script] …
	At     int      // line of the label in the .labels file, for error messages
}

// Labels are the truth about one corpus file.
type Labels struct {
	Today civil.Date
	// Items in file order.
	Items []Label
}

// Expected returns the expect labels.
func (l *Labels) Expected() []Label {
	var out []Label
	for _, it := range l.Items {
		if !it.Quiet {
			out = append(out, it)
		}
	}
	return out
}

var (
	ruleIDRe  = regexp.MustCompile(`^RM[0-9]{3}$`)
	tagsRe    = regexp.MustCompile(`\s*\[([a-z0-9, -]+)\]\s*$`)
	labelHead = regexp.MustCompile(`^(expect|quiet)\s+([0-9]+)\s+(RM[0-9]{3})\s+`)
)

// ParseLabels reads a .labels file:
//
//	# comment
//	today 2026-11-21
//	expect 47 RM005 "Sharpen my Go skills" a generic verb and a bare topic [phrase]
//	quiet  52 RM008 "สมชาย ใจดี" a name in Thai script [script]
//
// The anchor is a Go-quoted string that must occur on that line of the
// roadmap; the reason is free text; a trailing [tag, tag] names the class.
func ParseLabels(name string, data []byte) (*Labels, error) {
	l := &Labels{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "today "); ok {
			d, err := civil.Parse(strings.TrimSpace(rest))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: today: %v", name, n, err)
			}
			l.Today = d
			continue
		}
		m := labelHead.FindStringSubmatch(line)
		if m == nil {
			return nil, fmt.Errorf("%s:%d: not a label (want `expect|quiet LINE RMnnn \"anchor\" reason [tags]`): %q", name, n, line)
		}
		it := Label{Quiet: m[1] == "quiet", Rule: m[3], At: n}
		it.Line, _ = strconv.Atoi(m[2])
		rest := line[len(m[0]):]
		if !strings.HasPrefix(rest, `"`) {
			return nil, fmt.Errorf("%s:%d: the anchor must be a quoted string after the rule", name, n)
		}
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: anchor: %v", name, n, err)
		}
		it.Anchor, _ = strconv.Unquote(q)
		rest = strings.TrimSpace(rest[len(q):])
		if tm := tagsRe.FindStringSubmatch(rest); tm != nil {
			for _, t := range strings.Split(tm[1], ",") {
				if t = strings.TrimSpace(t); t != "" {
					it.Tags = append(it.Tags, t)
				}
			}
			rest = strings.TrimSpace(rest[:len(rest)-len(tm[0])])
		}
		it.Reason = rest
		if it.Reason == "" {
			return nil, fmt.Errorf("%s:%d: say why (a short reason after the anchor)", name, n)
		}
		l.Items = append(l.Items, it)
	}
	if l.Today.IsZero() {
		return nil, fmt.Errorf("%s: no `today YYYY-MM-DD` line: the date the file is judged on", name)
	}
	return l, sc.Err()
}

// Check verifies every label against the file: the line exists and holds
// the anchor, and no rule is both expected and quiet on one line.
func (l *Labels) Check(name string, doc *Structure) error {
	expect, quiet := map[string]bool{}, map[string]bool{}
	for _, it := range l.Items {
		if !ruleIDRe.MatchString(it.Rule) {
			return fmt.Errorf("%s:%d: %q is not a rule ID", name, it.At, it.Rule)
		}
		if it.Line < 1 || it.Line > doc.Lines() {
			return fmt.Errorf("%s:%d: line %d is outside the file (%d lines)", name, it.At, it.Line, doc.Lines())
		}
		if !strings.Contains(doc.Text(it.Line), it.Anchor) {
			return fmt.Errorf("%s:%d: line %d does not contain %q (it reads %q)", name, it.At, it.Line, it.Anchor, doc.Text(it.Line))
		}
		k := fmt.Sprint(it.Line, it.Rule)
		if it.Quiet {
			quiet[k] = true
		} else {
			expect[k] = true
		}
		if quiet[k] && expect[k] {
			return fmt.Errorf("%s:%d: %s on line %d is both expected and quiet", name, it.At, it.Rule, it.Line)
		}
	}
	return nil
}
