// Package icstest is a deliberately strict RFC 5545 reader for tests: the
// calendar export is parsed back and every property checked, so a change
// that breaks line endings, folding or escaping fails a test before a
// calendar application ever sees it.
package icstest

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Prop is one unfolded content line.
type Prop struct {
	Name   string
	Params map[string]string
	Value  string
}

// Component is a BEGIN/END block with its properties and children.
type Component struct {
	Name     string
	Props    []Prop
	Children []*Component
}

// Get returns the component's properties called name, in order.
func (c *Component) Get(name string) []Prop {
	var out []Prop
	for _, p := range c.Props {
		if p.Name == name {
			out = append(out, p)
		}
	}
	return out
}

// Parse reads one VCALENDAR, refusing anything RFC 5545 does not allow or
// that a careful writer would not produce: a line ending other than CRLF,
// a physical line longer than 75 octets, a fold inside a UTF-8 sequence,
// an empty line, BEGIN/END that do not nest, a second top-level component.
func Parse(data []byte) (*Component, error) {
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		return nil, fmt.Errorf("the stream does not end with CRLF")
	}
	physical := strings.Split(string(data[:len(data)-2]), "\r\n")
	var logical []string
	for i, l := range physical {
		if strings.ContainsAny(l, "\r\n") {
			return nil, fmt.Errorf("line %d: bare CR or LF", i+1)
		}
		if len(l) > 75 {
			return nil, fmt.Errorf("line %d: %d octets, more than 75: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			return nil, fmt.Errorf("line %d: a fold split a UTF-8 sequence: %q", i+1, l)
		}
		if l == "" {
			return nil, fmt.Errorf("line %d: empty line", i+1)
		}
		if l[0] == ' ' || l[0] == '\t' {
			if len(logical) == 0 {
				return nil, fmt.Errorf("line %d: continuation with nothing to continue", i+1)
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	var stack []*Component
	var root *Component
	for i, l := range logical {
		p, err := parseLine(l)
		if err != nil {
			return nil, fmt.Errorf("content line %d: %v", i+1, err)
		}
		switch p.Name {
		case "BEGIN":
			c := &Component{Name: p.Value}
			if len(stack) == 0 {
				if root != nil {
					return nil, fmt.Errorf("content line %d: a second top-level component", i+1)
				}
				root = c
			} else {
				top := stack[len(stack)-1]
				top.Children = append(top.Children, c)
			}
			stack = append(stack, c)
		case "END":
			if len(stack) == 0 || stack[len(stack)-1].Name != p.Value {
				return nil, fmt.Errorf("content line %d: END:%s does not close the open component", i+1, p.Value)
			}
			stack = stack[:len(stack)-1]
		default:
			if len(stack) == 0 {
				return nil, fmt.Errorf("content line %d: property %s outside any component", i+1, p.Name)
			}
			top := stack[len(stack)-1]
			top.Props = append(top.Props, p)
		}
	}
	if len(stack) != 0 {
		return nil, fmt.Errorf("%s is not closed", stack[len(stack)-1].Name)
	}
	if root == nil || root.Name != "VCALENDAR" {
		return nil, fmt.Errorf("no VCALENDAR")
	}
	return root, nil
}

var nameRe = regexp.MustCompile(`^[A-Za-z0-9-]+$`)

func parseLine(l string) (Prop, error) {
	head, value, ok := strings.Cut(l, ":")
	if !ok {
		return Prop{}, fmt.Errorf("no ':' in %q", l)
	}
	parts := strings.Split(head, ";")
	p := Prop{Name: strings.ToUpper(parts[0]), Params: map[string]string{}, Value: value}
	if !nameRe.MatchString(p.Name) {
		return p, fmt.Errorf("bad property name %q", parts[0])
	}
	for _, kv := range parts[1:] {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || !nameRe.MatchString(k) {
			return p, fmt.Errorf("bad parameter %q", kv)
		}
		p.Params[strings.ToUpper(k)] = v
	}
	return p, nil
}

// UnescapeText reverses TEXT escaping (RFC 5545 section 3.3.11) and
// rejects what one TEXT value may not hold unescaped (',' and ';'), a bad
// escape, or a control character.
func UnescapeText(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 >= len(s) {
				return "", fmt.Errorf("dangling backslash in %q", s)
			}
			i++
			switch s[i] {
			case '\\', ';', ',':
				b.WriteByte(s[i])
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				return "", fmt.Errorf("bad escape \\%c in %q", s[i], s)
			}
		case ';', ',':
			return "", fmt.Errorf("unescaped %q in TEXT %q", c, s)
		default:
			if c < 0x20 && c != '\t' || c == 0x7f {
				return "", fmt.Errorf("control character in %q", s)
			}
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// CheckEvents checks what every VEVENT of an all-day export must carry:
// exactly one UID, DTSTAMP (UTC date-time), DTSTART;VALUE=DATE, DTEND;VALUE=DATE
// on the next day, SUMMARY (valid TEXT); UIDs unique in the calendar. It
// returns the events' UIDs in order.
func CheckEvents(cal *Component) ([]string, error) {
	var uids []string
	seen := map[string]bool{}
	for i, ev := range cal.Children {
		if ev.Name != "VEVENT" {
			continue
		}
		one := func(name string) (Prop, error) {
			ps := ev.Get(name)
			if len(ps) != 1 {
				return Prop{}, fmt.Errorf("event %d: %d %s properties, want exactly 1", i+1, len(ps), name)
			}
			return ps[0], nil
		}
		uid, err := one("UID")
		if err != nil {
			return nil, err
		}
		if uid.Value == "" || seen[uid.Value] {
			return nil, fmt.Errorf("event %d: UID %q is empty or not unique", i+1, uid.Value)
		}
		seen[uid.Value] = true
		uids = append(uids, uid.Value)
		stamp, err := one("DTSTAMP")
		if err != nil {
			return nil, err
		}
		if !stampRe.MatchString(stamp.Value) {
			return nil, fmt.Errorf("event %d: DTSTAMP %q is not a UTC date-time", i+1, stamp.Value)
		}
		start, err := one("DTSTART")
		if err != nil {
			return nil, err
		}
		end, err := one("DTEND")
		if err != nil {
			return nil, err
		}
		if start.Params["VALUE"] != "DATE" || end.Params["VALUE"] != "DATE" {
			return nil, fmt.Errorf("event %d: DTSTART and DTEND must be VALUE=DATE", i+1)
		}
		s, err1 := time.Parse("20060102", start.Value)
		e, err2 := time.Parse("20060102", end.Value)
		if err1 != nil || err2 != nil || !e.Equal(s.AddDate(0, 0, 1)) {
			return nil, fmt.Errorf("event %d: DTSTART %s and DTEND %s are not a date and the next day", i+1, start.Value, end.Value)
		}
		sum, err := one("SUMMARY")
		if err != nil {
			return nil, err
		}
		if _, err := UnescapeText(sum.Value); err != nil {
			return nil, fmt.Errorf("event %d: SUMMARY: %v", i+1, err)
		}
		for _, d := range ev.Get("DESCRIPTION") {
			if _, err := UnescapeText(d.Value); err != nil {
				return nil, fmt.Errorf("event %d: DESCRIPTION: %v", i+1, err)
			}
		}
		seq, err := one("SEQUENCE")
		if err != nil {
			return nil, err
		}
		if n, err := strconv.Atoi(seq.Value); err != nil || n < 0 {
			return nil, fmt.Errorf("event %d: SEQUENCE %q is not a non-negative integer", i+1, seq.Value)
		}
		for _, al := range ev.Children {
			if err := checkAlarm(al); err != nil {
				return nil, fmt.Errorf("event %d: %v", i+1, err)
			}
		}
	}
	return uids, nil
}

var stampRe = regexp.MustCompile(`^\d{8}T\d{6}Z$`)

// triggerRe is a TRIGGER duration (RFC 5545 section 3.3.6).
var triggerRe = regexp.MustCompile(`^[+-]?P(\d+W|(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)$`)

// checkAlarm checks a VALARM as RFC 5545 requires of a DISPLAY alarm:
// exactly one ACTION, TRIGGER and DESCRIPTION, the trigger a duration.
func checkAlarm(al *Component) error {
	if al.Name != "VALARM" {
		return fmt.Errorf("a %s inside a VEVENT", al.Name)
	}
	for _, name := range []string{"ACTION", "TRIGGER", "DESCRIPTION"} {
		if n := len(al.Get(name)); n != 1 {
			return fmt.Errorf("VALARM: %d %s properties, want exactly 1", n, name)
		}
	}
	if a := al.Get("ACTION")[0].Value; a != "DISPLAY" {
		return fmt.Errorf("VALARM: ACTION %q, want DISPLAY", a)
	}
	if tr := al.Get("TRIGGER")[0].Value; !triggerRe.MatchString(tr) || tr == "P" || tr == "-P" || strings.HasSuffix(tr, "T") {
		return fmt.Errorf("VALARM: TRIGGER %q is not a duration", tr)
	}
	if _, err := UnescapeText(al.Get("DESCRIPTION")[0].Value); err != nil {
		return fmt.Errorf("VALARM: DESCRIPTION: %v", err)
	}
	return nil
}
