package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/plan/icstest"
)

func date(t *testing.T, s string) civil.Date {
	t.Helper()
	d, err := civil.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEscapeICSText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{`back\slash`, `back\\slash`},
		{"a;b,c", `a\;b\,c`},
		{"two\nlines", `two\nlines`},
		{"crlf\r\nline", `crlf\nline`},
		{"tab\tkept", "tab\tkept"},
		{"bell\a gone", "bell  gone"},
		{`all \;,` + "\n", `all \\\;\,\n`},
		{"Ação — 15′ chat", "Ação — 15′ chat"},
	}
	for _, tt := range tests {
		if got := EscapeICSText(tt.in); got != tt.want {
			t.Errorf("EscapeICSText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.ContainsAny(tt.in, "\a") {
			continue
		}
		back, err := icstest.UnescapeText(EscapeICSText(tt.in))
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
		}
		if want := strings.ReplaceAll(tt.in, "\r\n", "\n"); back != want {
			t.Errorf("round trip of %q = %q", tt.in, back)
		}
	}
}

func TestFoldICS(t *testing.T) {
	tests := []struct {
		name string
		line string
	}{
		{"short", "SUMMARY:short"},
		{"exactly 75", "SUMMARY:" + strings.Repeat("x", 75-len("SUMMARY:"))},
		{"76", "SUMMARY:" + strings.Repeat("x", 76-len("SUMMARY:"))},
		{"long ascii", "DESCRIPTION:" + strings.Repeat("abcdefghij", 40)},
		{"two-byte runes", "SUMMARY:" + strings.Repeat("é", 120)},
		{"three-byte runes", "SUMMARY:" + strings.Repeat("€", 90)},
		{"four-byte runes", "SUMMARY:" + strings.Repeat("🚀", 70)},
		{"mixed offsets", "SUMMARY:a" + strings.Repeat("ü€🚀x", 40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			folded := foldICS(tt.line)
			phys := strings.Split(folded, "\r\n")
			for i, p := range phys {
				if len(p) > 75 {
					t.Errorf("physical line %d is %d octets", i, len(p))
				}
				if !utf8.ValidString(p) {
					t.Errorf("physical line %d splits a UTF-8 sequence: %q", i, p)
				}
				if i > 0 && !strings.HasPrefix(p, " ") {
					t.Errorf("continuation %d does not start with a space", i)
				}
				if i < len(phys)-1 && len(p) < 72 {
					t.Errorf("physical line %d folded early at %d octets", i, len(p))
				}
			}
			if unfolded := strings.ReplaceAll(folded, "\r\n ", ""); unfolded != tt.line {
				t.Errorf("unfolding does not give the line back")
			}
			if len(tt.line) <= 75 && folded != tt.line {
				t.Errorf("a short line was folded")
			}
		})
	}
}

func TestICSUID(t *testing.T) {
	a := ICSUID("Path to Staff", "Kavya", "action", "Scope the proposal")
	if a != ICSUID("Path to Staff", "Kavya", "action", "Scope the proposal") {
		t.Error("the same parts must give the same UID")
	}
	for _, other := range [][]string{
		{"Path to Staff", "Kavya", "action", "Scope the proposal."},
		{"Path to Staff", "Ana", "action", "Scope the proposal"},
		{"Path to Staff", "Kavya", "checkpoint", "Scope the proposal"},
		{"Path to StaffKavya", "", "action", "Scope the proposal"},
	} {
		if ICSUID(other...) == a {
			t.Errorf("%q collides with the original", other)
		}
	}
	if !regexp.MustCompile(`^[0-9a-f]{32}@roadmap$`).MatchString(a) {
		t.Errorf("UID %q has the wrong shape", a)
	}
}

func TestCalendarRoundTrip(t *testing.T) {
	cal := Calendar{
		Name:  "Path to Staff; Engineer, 2026",
		Stamp: date(t, "2026-11-21"),
		Events: []Event{
			{UID: ICSUID("t", "o", "action", "1"), Date: date(t, "2026-11-30"),
				Summary:     `Path to Staff: Ask Dana Lee (Director, Acme; Berlin) for 15 minutes \ coffee`,
				Description: "Kind: person\nStatus: open",
				Categories:  []string{"roadmap", "action, person"}},
			{UID: ICSUID("t", "o", "checkpoint", "check-in"), Date: date(t, "2026-12-31"), Sequence: 20778,
				Summary: "Path to Staff: monthly check-in — " + strings.Repeat("très long résumé 🚀 ", 8),
				Alarm:   "Tomorrow: the monthly check-in. Its questions:\n1. Which actions are done; which slipped?"},
			{UID: "no-date", Summary: "skipped"},
		},
	}
	var buf bytes.Buffer
	if err := cal.WriteICS(&buf); err != nil {
		t.Fatal(err)
	}
	root, err := icstest.Parse(buf.Bytes())
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	want := map[string]string{"VERSION": "2.0", "PRODID": ICSProdID, "CALSCALE": "GREGORIAN", "METHOD": "PUBLISH"}
	for k, v := range want {
		ps := root.Get(k)
		if len(ps) != 1 || ps[0].Value != v {
			t.Errorf("%s = %+v, want one %q", k, ps, v)
		}
	}
	if name, err := icstest.UnescapeText(root.Get("X-WR-CALNAME")[0].Value); err != nil || name != cal.Name {
		t.Errorf("X-WR-CALNAME = %q (%v)", name, err)
	}
	uids, err := icstest.CheckEvents(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(uids) != 2 || len(root.Children) != 2 {
		t.Fatalf("%d events, want 2 (an event without a date is skipped)", len(root.Children))
	}
	for i, ev := range root.Children {
		src := cal.Events[i]
		if ev.Name != "VEVENT" {
			t.Fatalf("child %d is %s", i, ev.Name)
		}
		one := func(name string) icstest.Prop {
			ps := ev.Get(name)
			if len(ps) != 1 {
				t.Fatalf("event %d: %d %s properties, want 1", i, len(ps), name)
			}
			return ps[0]
		}
		if got := one("UID").Value; got != src.UID {
			t.Errorf("UID = %q, want %q", got, src.UID)
		}
		if got := one("DTSTAMP").Value; got != "20261121T000000Z" {
			t.Errorf("DTSTAMP = %q", got)
		}
		start, end := one("DTSTART"), one("DTEND")
		if start.Params["VALUE"] != "DATE" || end.Params["VALUE"] != "DATE" {
			t.Errorf("DTSTART/DTEND must be VALUE=DATE: %+v %+v", start, end)
		}
		if start.Value != icsDate(src.Date) || end.Value != icsDate(src.Date.AddDays(1)) {
			t.Errorf("dates %s..%s, want %s and the next day", start.Value, end.Value, src.Date)
		}
		sum, err := icstest.UnescapeText(one("SUMMARY").Value)
		if err != nil || sum != src.Summary {
			t.Errorf("SUMMARY = %q (%v), want %q", sum, err, src.Summary)
		}
		if src.Description != "" {
			d, err := icstest.UnescapeText(one("DESCRIPTION").Value)
			if err != nil || d != src.Description {
				t.Errorf("DESCRIPTION = %q (%v)", d, err)
			}
		}
		if len(src.Categories) > 0 {
			if got := one("CATEGORIES").Value; got != `roadmap,action\, person` {
				t.Errorf("CATEGORIES = %q", got)
			}
		}
		if one("TRANSP").Value != "TRANSPARENT" {
			t.Error("all-day reminders must not block the day")
		}
		if got := one("SEQUENCE").Value; got != fmt.Sprint(src.Sequence) {
			t.Errorf("SEQUENCE = %q, want %d", got, src.Sequence)
		}
		switch {
		case src.Alarm == "" && len(ev.Children) != 0:
			t.Errorf("event %d has an alarm it was not given", i)
		case src.Alarm != "":
			if len(ev.Children) != 1 || ev.Children[0].Name != "VALARM" {
				t.Fatalf("event %d: children %+v, want one VALARM", i, ev.Children)
			}
			al := ev.Children[0]
			d, err := icstest.UnescapeText(al.Get("DESCRIPTION")[0].Value)
			if err != nil || d != src.Alarm || al.Get("ACTION")[0].Value != "DISPLAY" || al.Get("TRIGGER")[0].Value != "-PT15H" ||
				al.Get("TRIGGER")[0].Params["RELATED"] != "START" {
				t.Errorf("VALARM = %+v (%v)", al.Props, err)
			}
		}
	}
}

func TestStrictParserRejects(t *testing.T) {
	good := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
	if _, err := icstest.Parse([]byte(good)); err != nil {
		t.Fatalf("good input rejected: %v", err)
	}
	for name, bad := range map[string]string{
		"LF only":      strings.ReplaceAll(good, "\r\n", "\n"),
		"no final EOL": strings.TrimSuffix(good, "\r\n"),
		"long line":    "BEGIN:VCALENDAR\r\nX-A:" + strings.Repeat("x", 80) + "\r\nEND:VCALENDAR\r\n",
		"split rune":   "BEGIN:VCALENDAR\r\nX-A:\xc3\r\n \xa9\r\nEND:VCALENDAR\r\n",
		"unclosed":     "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
		"stray END":    "BEGIN:VCALENDAR\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
	} {
		if _, err := icstest.Parse([]byte(bad)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
