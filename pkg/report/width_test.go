package report

import (
	"strings"
	"testing"
)

func TestItemLines(t *testing.T) {
	for _, tt := range []struct {
		name  string
		it    Item
		width int
		want  []string
	}{
		{"fits", Item{Prefix: "  1. ", Text: "Scope the proposal", Ref: "L52"}, 80,
			[]string{"  1. Scope the proposal  L52"}},
		{"wraps under the text, the ref after the last line", Item{Prefix: "  1. ", Text: "Scope the Ledger v3 proposal and review it with Elena Petrova", Ref: "L52"}, 40,
			[]string{"  1. Scope the Ledger v3 proposal and", "     review it with Elena Petrova  L52"}},
		{"the ref on a line of its own when it does not fit", Item{Prefix: "  - ", Text: "Stage 1 live by the end of Q1 2027.", Ref: "(L59)"}, 41,
			[]string{"  - Stage 1 live by the end of Q1 2027.", "    (L59)"}},
		{"a long prefix: the prose goes under it", Item{Prefix: "  a prefix that leaves little room: ", Text: "then a sentence that needs more room than that"}, 50,
			[]string{"  a prefix that leaves little room:", "      then a sentence that needs more room than", "      that"}},
		{"a long prefix, and short text beside it", Item{Prefix: "  quarterly review quarterly start 2026-08-31 due 2026-11-30  ", Text: "20 days overdue"}, 80,
			[]string{"  quarterly review quarterly start 2026-08-31 due 2026-11-30  20 days overdue"}},
		{"no width: one line", Item{Prefix: "  ", Text: "a b c", Ref: "L1"}, 0, []string{"  a b c  L1"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.it.Lines(tt.width)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for _, l := range got {
				if tt.width > 0 && Width(l) >= tt.width {
					t.Errorf("%q is %d columns wide, at a width of %d", l, Width(l), tt.width)
				}
			}
		})
	}
}
