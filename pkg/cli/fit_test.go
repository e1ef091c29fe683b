package cli

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/report"
)

// cjkTeam holds two roadmaps written in Chinese and Japanese.
const cjkTeam = "../../testdata/cjk/team"

// tableCommands print tables (or text with tables) for people.
var tableCommands = [][]string{
	{"ladder", "list"},
	{"ladder", "show", "software-engineer"},
	{"ladder", "show", "engineering-manager", "--columns", "level,title,scope,salary"},
	{"paths", "software-engineer/senior"},
	{"status", cjkTeam},
	{"gap", cjkTeam + "/li-na.md"},
	{"gap", "--ladder", "software-engineer", "--from", "senior", "--to", "principal"},
	{"plan", cjkTeam + "/sato-misaki.md"},
	{"history", cjkTeam + "/li-na.md"},
	{"lint", "--list-rules"},
}

func run(t *testing.T, args []string, tty bool, width int) string {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	ios.SetStdoutTTY(tty)
	ios.SetTerminalWidth(width)
	if code := Main(append(args, "--today", "2026-11-10"), ios, env(nil)); code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	return out.String()
}

// TestTablesFitTheTerminal: at 60, 80, 100 and 120 columns, on a terminal
// and piped, no line of any table command is wider than the terminal in
// display columns (CJK characters count two), and ids, dates and paths
// come out whole.
func TestTablesFitTheTerminal(t *testing.T) {
	whole := []string{"software-engineer", "2026-11-20", "billing-migration", "2027-03-31", "15-1252", "li-na.md"}
	for _, args := range tableCommands {
		for _, width := range []int{60, 80, 100, 120} {
			for _, tty := range []bool{true, false} {
				out := run(t, args, tty, width)
				for _, line := range strings.Split(out, "\n") {
					if w := report.Width(line); w > width {
						t.Errorf("%s at %d columns (tty %v): a line of %d:\n%s", strings.Join(args, " "), width, tty, w, line)
						break
					}
				}
				wide := run(t, args, false, 1000)
				for _, tok := range whole {
					// A column left out (and said so) takes its values along.
					if strings.Contains(wide, tok) && !strings.Contains(out, tok) && !strings.Contains(out, "Left out to fit") {
						t.Errorf("%s at %d columns: %q was broken", strings.Join(args, " "), width, tok)
					}
				}
			}
		}
	}
}

// TestOneHeaderCase: every table of every command has lowercase headers
// (CSV shows them as they are).
func TestOneHeaderCase(t *testing.T) {
	for _, args := range [][]string{
		{"ladder", "list"}, {"ladder", "show", "software-engineer"}, {"paths", "software-engineer/senior"}, {"status", cjkTeam},
	} {
		out := run(t, append(args, "--format", "csv"), false, 80)
		header, err := csv.NewReader(strings.NewReader(out)).Read()
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range header {
			if h != strings.ToLower(h) {
				t.Errorf("%s: header %q is not lowercase", strings.Join(args, " "), h)
			}
		}
	}
	for _, args := range [][]string{{"lint", "--list-rules"}, {"status", cjkTeam}, {"ladder", "list"}} {
		first := strings.Split(run(t, args, false, 200), "\n")[1]
		if first != strings.ToLower(first) {
			t.Errorf("%s: header row %q is not lowercase", strings.Join(args, " "), first)
		}
	}
}

// TestPipedWidth: piped output follows COLUMNS, else 80, for every
// command (gap and plan wrapped at 80 whatever COLUMNS said; ladder show
// printed 770-column lines).
func TestPipedWidth(t *testing.T) {
	for _, args := range tableCommands {
		var b bytes.Buffer
		b.WriteString(run(t, args, false, 0)) // no COLUMNS: 80
		for _, line := range strings.Split(b.String(), "\n") {
			if report.Width(line) > 80 {
				t.Errorf("%s piped: a line of %d columns, want at most 80", strings.Join(args, " "), report.Width(line))
				break
			}
		}
	}
}
