package roadmap

import (
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

func TestSetActionDue(t *testing.T) {
	const head = "---\nroadmap: 1\nstarted: 2026-11-01\n---\n\n## Next 30 days\n"
	tests := []struct {
		name, body, want string
	}{
		{"a date after due", "- [ ] Draft the RFC (project) — due 2026-11-20\n", "- [ ] Draft the RFC (project) — due 2027-01-07\n"},
		{"a date after by, in brackets", "- [ ] Draft the RFC (by 2026-11-20) (project)\n", "- [ ] Draft the RFC (by 2027-01-07) (project)\n"},
		{"a date on a sub-bullet", "- [ ] Draft the RFC (project)\n  - due: 2026-11-20\n", "- [ ] Draft the RFC (project)\n  - due: 2027-01-07\n"},
		{"a placeholder", "- [ ] Draft the RFC (project) — due TBD\n", "- [ ] Draft the RFC (project) — due 2027-01-07\n"},
		{"no due clause", "- [ ] Draft the RFC (project)\n- [ ] Ask Ana (person)\n", "- [ ] Draft the RFC (project) — due 2027-01-07\n- [ ] Ask Ana (person)\n"},
		{"no due clause, wrapped", "- [ ] Draft the RFC for the ledger\n  migration (project)\n  - a note\n", "- [ ] Draft the RFC for the ledger\n  migration (project) — due 2027-01-07\n  - a note\n"},
		{"CRLF", "- [ ] Draft the RFC (project)\r\n\r\n## Next quarter\r\n", "- [ ] Draft the RFC (project) — due 2027-01-07\r\n\r\n## Next quarter\r\n"},
	}
	date, _ := civil.Parse("2027-01-07")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := head
			if strings.Contains(tt.body, "\r\n") {
				h = strings.ReplaceAll(head, "\n", "\r\n")
			}
			d := Parse("r.md", []byte(h+tt.body))
			e, err := d.SetActionDue(1, date)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ApplyEdits(d.Raw, []Edit{e})
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != h+tt.want {
				t.Errorf("got\n%q\nwant\n%q", got[len(h):], tt.want)
			}
			nd := Parse("r.md", got)
			// A placeholder due clause is part of the title; a date is not.
			if nd.Actions[0].Due != date || (d.Actions[0].DueText == "" && nd.Actions[0].Title != d.Actions[0].Title) {
				t.Errorf("reads back as due %s, %q", nd.Actions[0].Due, nd.Actions[0].Title)
			}
		})
	}
	d := Parse("r.md", []byte(head+"- [ ] Draft (project) — due 2026-13-45\n"))
	if _, err := d.SetActionDue(1, date); err == nil || !strings.Contains(err.Error(), "cannot find action 1's due date") {
		t.Errorf("a date that is not one: %v", err)
	}
	if _, err := d.SetActionDue(2, date); err == nil || !strings.Contains(err.Error(), "there is no action 2") {
		t.Errorf("no such action: %v", err)
	}
}
