package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/roadmapcli/roadmap/pkg/cli"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

// TestMain lets testscript run the real binary's code in a subprocess, so
// every script sees exit codes and streams exactly as a user would.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"roadmap": func() { os.Exit(cli.Main(os.Args[1:], iostreams.System(), os.Getenv)) },
	})
}

// TestScripts runs testdata/script/*.txtar. UPDATE=1 rewrites the expected
// output embedded in the scripts from what the commands print now.
func TestScripts(t *testing.T) {
	examples, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		UpdateScripts:       os.Getenv("UPDATE") != "",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			// Scripts never depend on the real date; a script that needs
			// another day says so with --today or its own env line.
			env.Setenv("ROADMAP_TODAY", "2026-11-21")
			env.Setenv("NO_COLOR", "1")
			// Scripts may read the shipped examples ($EXAMPLES/promotion.md).
			env.Setenv("EXAMPLES", examples)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"writebytes": writeBytes,
			"bigfile":    bigFile,
			"genbomb":    genBomb,
			"unescape":   unescape,
			"envescaped": envEscaped,
			"sigterm":    sigterm,
			"waitfor":    waitFor,
			"eol":        eol,
			"padto":      padTo,
		},
	})
}

// writebytes FILE QUOTED writes the Go-quoted string's bytes to FILE: the
// way to make BOMs, CRLF and invalid UTF-8 that a .txtar cannot hold.
func writeBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writebytes FILE QUOTED")
	}
	data, err := strconv.Unquote(`"` + args[1] + `"`)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(data), 0o644))
}

// bigfile FILE BYTES writes a file of that many bytes of Markdown text.
func bigFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bigfile FILE BYTES")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	line := []byte("- a line of a very long roadmap\n")
	data := bytes.Repeat(line, n/len(line)+1)[:n]
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}

// genbomb FILE KIND N writes a roadmap whose frontmatter or body nests N
// levels deep, the inputs that once stalled the decoders: toml-inline
// (inline tables), toml-dotted (a dotted key), yaml-flow (flow
// sequences), md-list (a list indented N levels), md-quote (N quote
// markers) and md-linkdefs (N link definitions before 200,000 lines).
func genBomb(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: genbomb FILE KIND N")
	}
	n, err := strconv.Atoi(args[2])
	ts.Check(err)
	const yamlHead = "---\nroadmap: 1\ntitle: A plan\nkind: promotion\nstarted: 2026-11-02\ntarget:\n  role: Staff Engineer\n---\n# A plan\n"
	var b bytes.Buffer
	switch args[1] {
	case "toml-inline":
		b.WriteString("+++\nroadmap = 1\nx = " + strings.Repeat("{a=", n) + "1" + strings.Repeat("}", n) + "\n+++\n# A plan\n")
	case "toml-dotted":
		b.WriteString("+++\nroadmap = 1\n" + strings.Repeat("a.", n) + "a = 1\n+++\n# A plan\n")
	case "yaml-flow":
		b.WriteString("---\nroadmap: 1\nx: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n---\n# A plan\n")
	case "md-list":
		b.WriteString(yamlHead)
		for i := 0; i < n; i++ {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
	case "md-quote":
		b.WriteString(yamlHead + strings.Repeat("> ", n) + "deep\n")
	case "md-linkdefs":
		b.WriteString(yamlHead)
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "[ref%d]: https://example.com/%d\n", i, i)
		}
		b.WriteString(strings.Repeat("a\n", 200000))
	default:
		ts.Fatalf("genbomb: unknown kind %q", args[1])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), b.Bytes(), 0o644))
}

// unescape SRC DST copies SRC to DST with {U+XXXX} turned into that
// character and {0xNN} into that byte, in the content and in DST's name:
// the way to make files with terminal escapes (and names with newlines)
// that a .txtar should not hold raw.
func unescape(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: unescape SRC DST")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(unescapeString(args[1])), []byte(unescapeString(string(data))), 0o644))
}

// envescaped NAME VALUE sets NAME to VALUE with {U+XXXX} and {0xNN}
// unescaped, so a later command can take a file name that unescape made
// (one with a newline in it) as its argument: $NAME.
func envEscaped(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: envescaped NAME VALUE")
	}
	ts.Setenv(args[0], unescapeString(args[1]))
}

// sigterm sends SIGTERM to every background command still running
// (testscript's kill knows only INT and KILL).
func sigterm(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: sigterm")
	}
	for _, cmd := range ts.BackgroundCmds() {
		if cmd.ProcessState == nil {
			ts.Check(cmd.Process.Signal(syscall.SIGTERM))
		}
	}
}

var escapeRe = regexp.MustCompile(`\{U\+[0-9A-Fa-f]{4}\}|\{0x[0-9A-Fa-f]{2}\}`)

func unescapeString(s string) string {
	return escapeRe.ReplaceAllStringFunc(s, func(e string) string {
		n, _ := strconv.ParseUint(e[3:len(e)-1], 16, 32)
		if e[1] == '0' {
			return string([]byte{byte(n)})
		}
		return string(rune(n))
	})
}

// waitfor FILE waits up to ten seconds for FILE to exist: a background
// command has reached the point where it creates it.
func waitFor(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitfor FILE")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := os.Stat(ts.MkAbs(args[0])); err == nil {
			return
		}
		if time.Now().After(deadline) {
			ts.Fatalf("%s did not appear within 10s", args[0])
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// eol SRC DST cr|crlf copies SRC to DST with its line feeds turned into
// lone carriage returns or CRLF.
func eol(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 || (args[2] != "cr" && args[2] != "crlf") {
		ts.Fatalf("usage: eol SRC DST cr|crlf")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	nl := map[string]string{"cr": "\r", "crlf": "\r\n"}[args[2]]
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), bytes.ReplaceAll(data, []byte("\n"), []byte(nl)), 0o644))
}

// padto FILE BYTES appends an HTML comment to FILE so that it is exactly
// BYTES long: a valid roadmap of a chosen size.
func padTo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: padto FILE BYTES")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	const open, end = "\n<!--\n", "\n-->\n"
	fill := n - len(data) - len(open) - len(end)
	if fill < 0 {
		ts.Fatalf("padto: %s is already %d bytes", args[0], len(data))
	}
	data = append(data, open...)
	data = append(data, bytes.Repeat([]byte("x"), fill)...)
	data = append(data, end...)
	ts.Check(os.WriteFile(path, data, 0o644))
}
