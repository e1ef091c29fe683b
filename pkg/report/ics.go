package report

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

// ICS writes RFC 5545 iCalendar: the calendar export of `roadmap plan`.
//
// Every event is an all-day event (DTSTART;VALUE=DATE, DTEND the next day),
// lines end in CRLF and are folded at 75 octets without splitting a UTF-8
// sequence, TEXT values are escaped, and DTSTAMP comes from the caller's
// "today" rather than the wall clock, so the same input gives the same
// bytes. UIDs come from the caller too (see ICSUID): a calendar that
// imports the file again updates its events instead of duplicating them.

// ICSProdID identifies the producer of the calendar (PRODID).
const ICSProdID = "-//roadmapcli//roadmap//EN"

// icsMaxOctets is the longest a content line may be, CRLF excluded.
const icsMaxOctets = 75

// Calendar is one VCALENDAR.
type Calendar struct {
	// Name is shown by calendars that read X-WR-CALNAME; empty for none.
	Name string
	// Stamp is the date of DTSTAMP (written as midnight UTC of that day).
	Stamp  civil.Date
	Events []Event
}

// Event is one all-day VEVENT.
type Event struct {
	UID         string
	Date        civil.Date
	Summary     string
	Description string
	Categories  []string
	// Sequence is the event's revision (SEQUENCE): a calendar replaces
	// what it imported only with a higher one.
	Sequence int
	// Alarm, when set, is a reminder shown the day before (a VALARM at
	// 09:00 the day before the event, with this text).
	Alarm string
}

// AlarmBefore is when an event's alarm goes off: 15 hours before its
// first day begins, 09:00 the day before.
const AlarmBefore = "-PT15H"

// WriteICS writes the calendar. Events without a date are skipped.
func (c Calendar) WriteICS(w io.Writer) error {
	var b strings.Builder
	line := func(name, value string) {
		b.WriteString(foldICS(name + ":" + value))
		b.WriteString("\r\n")
	}
	stamp := c.Stamp.Time().UTC().Format("20060102T150405Z")
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", ICSProdID)
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	if c.Name != "" {
		line("X-WR-CALNAME", EscapeICSText(c.Name))
	}
	for _, e := range c.Events {
		if e.Date.IsZero() {
			continue
		}
		line("BEGIN", "VEVENT")
		line("UID", e.UID)
		line("DTSTAMP", stamp)
		line("SEQUENCE", strconv.Itoa(max(e.Sequence, 0)))
		line("DTSTART;VALUE=DATE", icsDate(e.Date))
		line("DTEND;VALUE=DATE", icsDate(e.Date.AddDays(1)))
		line("SUMMARY", EscapeICSText(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION", EscapeICSText(e.Description))
		}
		if len(e.Categories) > 0 {
			cats := make([]string, len(e.Categories))
			for i, cat := range e.Categories {
				cats[i] = EscapeICSText(cat)
			}
			line("CATEGORIES", strings.Join(cats, ","))
		}
		// An all-day reminder should not mark the day as busy.
		line("TRANSP", "TRANSPARENT")
		if e.Alarm != "" {
			line("BEGIN", "VALARM")
			line("ACTION", "DISPLAY")
			line("TRIGGER;RELATED=START", AlarmBefore)
			line("DESCRIPTION", EscapeICSText(e.Alarm))
			line("END", "VALARM")
		}
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	_, err := io.WriteString(w, b.String())
	return err
}

func icsDate(d civil.Date) string { return d.Time().Format("20060102") }

// EscapeICSText escapes a TEXT value (RFC 5545 section 3.3.11): backslash,
// semicolon and comma get a backslash, a line break becomes \n, and other
// control characters (which TEXT may not hold) become spaces.
func EscapeICSText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldICS folds a content line so that no physical line is longer than 75
// octets: continuation lines start with one space, which counts toward
// their length, and a fold never falls inside a UTF-8 sequence.
func foldICS(line string) string {
	if len(line) <= icsMaxOctets {
		return line
	}
	var b strings.Builder
	limit := icsMaxOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = icsMaxOctets - 1 // the leading space is part of the line
	}
	b.WriteString(line)
	return b.String()
}

// ICSUID derives a stable event UID from the parts that identify an event
// (for a roadmap: its title and owner, the kind of event, the action's
// text or the checkpoint's kind). The same parts always give the same UID,
// wherever the file lives, so re-importing updates the event.
func ICSUID(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16]) + "@roadmap"
}
