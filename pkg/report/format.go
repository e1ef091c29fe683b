package report

import "fmt"

// The output formats, each declared here once with what it is for. A
// command names the ones it writes (cmdutil.FormatFlag), which gives it
// the flag's choices in --help, shell completion with these descriptions,
// and a "did you mean" for a typo; every json goes through WriteJSON.
const (
	FormatText     = "text"
	FormatTable    = "table"
	FormatMarkdown = "markdown"
	FormatCSV      = "csv"
	FormatJSON     = "json"
	FormatSARIF    = "sarif"
	FormatGitHub   = "github"
	FormatICS      = "ics"
	FormatMermaid  = "mermaid"
	FormatHTML     = "html"
	FormatSVG      = "svg"
)

var formatHelp = map[string]string{
	FormatText:     "for people: aligned, coloured on a terminal",
	FormatTable:    "a table fitted to the terminal (tab-separated cells never break)",
	FormatMarkdown: "Markdown to paste into a document, an issue or a wiki",
	FormatCSV:      "comma-separated values for a spreadsheet",
	FormatJSON:     "a stable, documented shape for jq and scripts",
	FormatSARIF:    "SARIF 2.1.0 for code-scanning uploads",
	FormatGitHub:   "GitHub Actions workflow commands (annotations on the diff)",
	FormatICS:      "iCalendar events to import into any calendar",
	FormatMermaid:  "a Mermaid diagram (GitHub and most wikis draw it)",
	FormatHTML:     "one self-contained HTML page (no script, prints well)",
	FormatSVG:      "a standalone SVG image",
}

// Format sets more than one command writes.
var (
	// TableFormats are the formats every tabular command accepts.
	TableFormats = []string{FormatTable, FormatMarkdown, FormatCSV, FormatJSON}
	// LintFormats are the formats `roadmap lint` writes.
	LintFormats = []string{FormatText, FormatJSON, FormatSARIF, FormatGitHub}
)

// FormatHelp is what a registered format is for, in one line. It panics
// on a name that is not registered: a command declaring a format of its
// own is a mistake the first test that builds the command shows.
func FormatHelp(name string) string {
	h, ok := formatHelp[name]
	if !ok {
		panic(fmt.Sprintf("report: output format %q is not registered in format.go", name))
	}
	return h
}
