package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/roadmapcli/roadmap/pkg/cli"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/lint"
)

// tourToday is the date the README's tour was run on: the examples are
// written as of it.
const tourToday = "2026-11-21"

// shellWords splits a command line as sh would for the README's simple
// commands: spaces, and single or double quotes around a word.
func shellWords(s string) []string {
	var out []string
	var cur strings.Builder
	quote, in := rune(0), false
	for _, r := range s {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ':
			if in || cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
		}
	}
	if in || cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// runRoadmap runs the CLI in-process from the repository root, piped, as
// a reader's copy-paste would: ROADMAP_TODAY only when today is set.
func runRoadmap(t *testing.T, args []string, today string) (string, int) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	code := cli.Main(args, ios, func(k string) string {
		if k == "ROADMAP_TODAY" {
			return today
		}
		return ""
	})
	return out.String() + errOut.String(), code
}

// elided is true when a line of want is an elision ("..." or "  ...").
func elided(want []string) bool {
	for _, w := range want {
		if strings.TrimSpace(w) == "..." {
			return true
		}
	}
	return false
}

// shows is true when got is what want shows: the same lines, where each
// elision line stands for any number of lines (a trailing one for the
// rest of the output).
func shows(want, got []string) bool {
	var segs [][]string
	cur := []string{}
	for _, w := range want {
		if strings.TrimSpace(w) == "..." {
			segs = append(segs, cur)
			cur = []string{}
			continue
		}
		cur = append(cur, w)
	}
	if len(segs) == 0 {
		return strings.Join(want, "\n") == strings.Join(got, "\n")
	}
	segs = append(segs, cur) // after the last elision ("" when it ends the block)
	at := 0
	for k, seg := range segs {
		found := -1
		for i := at; i+len(seg) <= len(got); i++ {
			if strings.Join(got[i:i+len(seg)], "\n") == strings.Join(seg, "\n") {
				found = i
				break
			}
			if k == 0 {
				break // the output starts with the first segment
			}
		}
		if found < 0 {
			return false
		}
		at = found + len(seg)
	}
	return true
}

// tourStep is one "$ command" of a console block and what follows it.
type tourStep struct {
	command string
	want    []string // the lines shown; a last "..." means "begins with"
	at      int      // index of the first output line in the README's lines
}

func tourSteps(lines []string) []tourStep {
	var steps []tourStep
	in := false
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "```console"):
			in = true
		case in && strings.HasPrefix(l, "```"):
			in = false
		case in && strings.HasPrefix(l, "$ "):
			steps = append(steps, tourStep{command: l[2:], at: i + 1})
		case in && len(steps) > 0:
			s := &steps[len(steps)-1]
			s.want = append(s.want, l)
		}
	}
	return steps
}

// coveredElsewhere are the README's console commands that run on files
// the repository does not ship, and the test that holds their output
// instead. Any other command on a missing file fails the tour.
var coveredElsewhere = map[string]string{
	"roadmap history plans/ana.md": "TestReadmeHistoryIsTheScriptsOutput",
}

// TestReadmeTour runs every command of the README's console blocks and
// compares what it prints with what the README shows (a block ending in
// "..." shows the beginning). UPDATE=1 rewrites the README's outputs.
// `cp SRC DST` copies a shipped file into a scratch git repository, as a
// reader copies it into their clone, and a roadmap command on DST runs
// there (so `lint --fix` edits the copy, never the shipped file).
func TestReadmeTour(t *testing.T) {
	root, _ := filepath.Abs("../..")
	t.Chdir(root)
	raw, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	steps := tourSteps(lines)
	if len(steps) < 8 {
		t.Fatalf("found %d console commands in README.md: the parser is broken", len(steps))
	}
	update := os.Getenv("UPDATE") != ""
	scratch, copied := "", map[string]bool{}
	for _, s := range steps {
		args := shellWords(s.command)
		if args[0] != "cp" {
			continue
		}
		if len(args) != 3 || len(s.want) != 0 {
			t.Errorf("$ %s: the tour's cp copies one shipped file and prints nothing", s.command)
			continue
		}
		if scratch == "" {
			if scratch = scratchRepo(t); scratch == "" {
				t.Logf("skipped $ %s: git is not installed", s.command)
				continue
			}
		}
		b, err := os.ReadFile(args[1])
		if err == nil {
			err = os.WriteFile(filepath.Join(scratch, args[2]), b, 0o644)
		}
		if err != nil {
			t.Errorf("$ %s: %v", s.command, err)
		}
		copied[args[2]] = true
	}
	// Replace from the last step backwards so indexes stay valid.
	for k := len(steps) - 1; k >= 0; k-- {
		s := steps[k]
		args := shellWords(s.command)
		var got string
		switch args[0] {
		case "cp":
			continue
		case "cat":
			b, err := os.ReadFile(args[1])
			if err != nil {
				t.Errorf("$ %s: %v", s.command, err)
				continue
			}
			got = string(b)
		case "roadmap":
			missing, inScratch := "", false
			for _, a := range args[1:] {
				if copied[a] {
					inScratch = true
				} else if strings.HasSuffix(a, ".md") {
					if _, err := os.Stat(a); err != nil {
						missing = a
					}
				}
			}
			if missing != "" {
				if test, ok := coveredElsewhere[s.command]; ok {
					t.Logf("$ %s: %s is not shipped; %s checks the output", s.command, missing, test)
				} else {
					t.Errorf("$ %s: %s is not in the repository: ship it (and `cp` it in the README if the command edits it), or name the test that checks this output in coveredElsewhere", s.command, missing)
				}
				continue
			}
			if inScratch {
				chdir(t, scratch)
			}
			got, _ = runRoadmap(t, args[1:], tourToday)
			chdir(t, root)
		default:
			t.Errorf("$ %s: the tour runs roadmap and cat only", s.command)
			continue
		}
		gotLines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
		if shows(s.want, gotLines) {
			continue
		}
		if update && !elided(s.want[:max(len(s.want)-1, 0)]) {
			repl := gotLines
			if n := len(s.want); n > 0 && s.want[n-1] == "..." {
				repl = append(append([]string(nil), gotLines[:min(n-1, len(gotLines))]...), "...")
			}
			lines = append(lines[:s.at], append(repl, lines[s.at+len(s.want):]...)...)
			continue
		}
		t.Errorf("$ %s: the README shows\n%s\nbut it prints\n%s\n(UPDATE=1 go test ./cmd/roadmap -run TestReadmeTour rewrites a block without elisions)",
			s.command, strings.Join(s.want, "\n"), got)
	}
	if update {
		if err := os.WriteFile("README.md", []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// scratchRepo is an empty git repository, where a reader's copy of a
// shipped file would be (inside their clone): history is asked for and
// there is none yet; "" without git, where the copies cannot be checked.
func scratchRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		return ""
	}
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v: %s", err, out)
	}
	return dir
}

func chdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
}

// TestReadmeMainCommandKeepsWorking: the first command a newcomer runs
// must still exit 0 years from now, when the examples' review and
// decision dates have long passed (it pins their date with --today).
func TestReadmeMainCommandKeepsWorking(t *testing.T) {
	root, _ := filepath.Abs("../..")
	t.Chdir(root)
	raw, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	const prefix = "go run ./cmd/roadmap "
	var cmd string
	for _, l := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(l, prefix) {
			cmd, _, _ = strings.Cut(strings.TrimPrefix(l, prefix), "#")
			break
		}
	}
	if cmd == "" {
		t.Fatal("README.md has no `go run ./cmd/roadmap …` line")
	}
	for _, today := range []string{"", "2027-03-01", "2031-06-30"} {
		out, code := runRoadmap(t, shellWords(strings.TrimSpace(cmd)), today)
		if code != 0 || out != "" {
			t.Errorf("`roadmap %s` on %q: exit %d, output:\n%s", strings.TrimSpace(cmd), today, code, out)
		}
	}
}

// TestLintAtTheRepositoryRoot: `roadmap lint .` in a clone lints the
// roadmaps a user would (the examples) and is clean; the repository's
// .roadmap.yaml ignores the files made to have findings (the lint corpus,
// the rule and LSP test data, the tour's faulty files), which stay
// lintable by name.
func TestLintAtTheRepositoryRoot(t *testing.T) {
	root, _ := filepath.Abs("../..")
	t.Chdir(root)
	if out, code := runRoadmap(t, []string{"lint", "--today", tourToday, "."}, ""); code != 0 || out != "" {
		t.Errorf("`roadmap lint .` at the repository's root: exit %d, output:\n%s", code, out)
	}
	if out, code := runRoadmap(t, []string{"lint", "--today", tourToday, "docs/tour"}, ""); code != 1 || !strings.Contains(out, "docs/tour/vague.md:") {
		t.Errorf("`roadmap lint docs/tour` names what .roadmap.yaml ignores: exit %d, output:\n%s", code, out)
	}
}

// TestReadmeCountsTheRules: the README says how many rules there are and
// lists each in its table; both follow the linter.
func TestReadmeCountsTheRules(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	rules := lint.Rules()
	m := regexp.MustCompile(`(\d+) rules \(below\)`).FindStringSubmatch(string(raw))
	if m == nil {
		t.Fatal(`README.md no longer says "N rules (below)": update this test`)
	}
	if n, _ := strconv.Atoi(m[1]); n != len(rules) {
		t.Errorf("README.md says %d rules; lint has %d", n, len(rules))
	}
	for _, r := range rules {
		if row := "| [" + r.ID + " " + r.Name + "](docs/rules/" + r.ID + ".md) |"; !strings.Contains(string(raw), row) {
			t.Errorf("README.md's rule table has no row %q", row)
		}
	}
}
