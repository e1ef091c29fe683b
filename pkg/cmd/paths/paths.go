// Package paths implements `roadmap paths TRACK/LEVEL`: the next moves from
// a level, grouped as individual contributor, management, adjacent roles
// and outside moves, with what each requires and what it trades off.
package paths

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	laddercmd "github.com/roadmapcli/roadmap/pkg/cmd/ladder"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/report"
)

// Options holds what `paths` needs.
type Options struct {
	IO         *iostreams.IOStreams
	LaddersDir string
	StartDir   string
	Level      string // TRACK/LEVEL
	Format     string
}

// NewCmdPaths builds `roadmap paths TRACK/LEVEL`. runF replaces pathsRun in tests.
func NewCmdPaths(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, StartDir: "."}
	cmd := &cobra.Command{
		Use:   "paths TRACK/LEVEL",
		Short: "Show the next moves from a level: IC, management, adjacent roles, outside",
		Long: `Show where a level commonly leads, in four groups: individual contributor
(staff, principal, architect...), management, adjacent roles (product,
program management, developer relations, solutions engineering, SRE...) and
outside moves (founder, consultant, teacher). Each move says what it requires
and what it trades off.

The level is TRACK/LEVEL; LEVEL may be an id or an alias (L5, IC3, Senior).
--format mermaid prints a flowchart; put it in a ` + "```mermaid" + ` block and
GitHub renders it.`,
		Example: `  roadmap paths software-engineer/senior
  roadmap paths software-engineer/L5 --format markdown
  roadmap paths data-scientist/senior --format mermaid`,
		Args:              cmdutil.ExactArg("LEVEL", "a track and level, e.g. software-engineer/senior (`roadmap ladder list` lists the tracks)"),
		ValidArgsFunction: laddercmd.CompleteLevelRef,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Level = args[0]
			if runF != nil {
				return runF(opts)
			}
			return pathsRun(opts)
		},
	}
	laddercmd.AddLaddersFlag(cmd, &opts.LaddersDir)
	cmdutil.FormatFlag(cmd, &opts.Format, report.FormatTable, report.FormatMarkdown, report.FormatCSV, report.FormatJSON, report.FormatMermaid)
	return cmd
}

// JSON is the stable JSON shape of `paths --format json`.
type JSON struct {
	From       FromJSON          `json:"from"`
	Categories []string          `json:"categories"`
	Moves      []ladder.MoveJSON `json:"moves"`
}

// FromJSON names the level the moves start from. Top is true when no
// level of the same kind comes after it on its track: every move is
// lateral or leaves the track.
type FromJSON struct {
	Ref   string `json:"ref"`
	Track string `json:"track"`
	Level string `json:"level"`
	Title string `json:"title"`
	Kind  string `json:"kind"`
	Top   bool   `json:"top"`
}

// notWritten stands in the trade-offs cell of a move made from `next:`.
const notWritten = "(not written in the ladder: it lists the level under next:)"

// topLine says that a level is the last of its kind on its track.
func topLine(l *ladder.Level) string {
	kind := "individual contributor"
	if l.Kind == ladder.KindManagement {
		kind = "management"
	}
	return fmt.Sprintf("None above: %s is the highest %s level of %s; every move here is lateral or leaves the track.",
		l.Title, kind, l.Track.ID)
}

func pathsRun(opts *Options) error {
	set, err := laddercmd.Load(opts.LaddersDir, opts.StartDir)
	if err != nil {
		return err
	}
	from, err := set.Level(opts.Level)
	if err != nil {
		if !strings.Contains(opts.Level, "/") {
			return cmdutil.FlagErrorWrap(err)
		}
		return laddercmd.UsageError(err)
	}
	moves := set.Paths(from)
	out := opts.IO.Out

	switch opts.Format {
	case report.FormatJSON:
		j := JSON{
			From: FromJSON{Ref: from.Ref(), Track: from.Track.ID, Level: from.ID, Title: from.Title,
				Kind: from.Kind, Top: from.IsTop()},
			Categories: ladder.Categories,
			Moves:      []ladder.MoveJSON{},
		}
		for _, m := range moves {
			j.Moves = append(j.Moves, m.JSON())
		}
		return report.WriteJSON(out, j)
	case report.FormatMermaid:
		return writeMermaid(out, set, from, moves)
	}

	// Every column matters to a move: a terminal too narrow for the
	// table gets one block per move rather than a column less.
	tbl := report.Table{Headers: []string{"category", "move", "to", "requires", "trade-offs"},
		Cols: []report.Col{{Wrap: true}, {Wrap: true}, {}, {Wrap: true}, {Wrap: true}}}
	for _, m := range moves {
		tradeoffs := m.Tradeoffs
		if !m.Written && tradeoffs == "" {
			tradeoffs = notWritten
		}
		tbl.Rows = append(tbl.Rows, []string{ladder.CategoryTitle(m.Category), m.Title, m.To, m.Requires, tradeoffs})
	}
	switch opts.Format {
	case report.FormatTable:
		fmt.Fprintln(out, strings.Join(report.Wrap(fmt.Sprintf("Next moves from %s (%s)", from.Title, from.Ref()), opts.IO.TerminalWidth()), "\n"))
	case report.FormatMarkdown:
		fmt.Fprintf(out, "**Next moves from %s** (`%s`)\n\n", report.MarkdownText(from.Title), from.Ref())
	}
	if err := tbl.Render(out, opts.Format, report.OptionsFor(opts.IO)); err != nil {
		return err
	}
	switch opts.Format {
	case report.FormatTable:
		if len(moves) == 0 {
			fmt.Fprintln(out, "\nThis level lists no further moves.")
		}
		if from.IsTop() {
			fmt.Fprintf(out, "\n%s\n", topLine(from))
		}
	case report.FormatMarkdown:
		if from.IsTop() {
			fmt.Fprintf(out, "\n%s\n", report.MarkdownText(topLine(from)))
		}
	}
	return nil
}

// mermaidText writes the characters Mermaid would read as markup as its
// entity codes: a label is HTML in a flowchart, so `<img onerror=…>` from
// a ladder file must stay text, and a directive must stay a label.
var mermaidText = strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;", "&", "#amp;",
	// %% starts a comment or a directive (%%{init: …}%% sets the theme and
	// its CSS) wherever Mermaid meets it.
	"%", "#37;")

var nonIDRe = regexp.MustCompile(`[^A-Za-z0-9]+`)

// mermaidLabel quotes text for a Mermaid node label: double quotes and
// markup become entities (mermaidText), and the text is kept on one line.
func mermaidLabel(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return `"` + mermaidText.Replace(s) + `"`
}

// writeMermaid prints a left-to-right flowchart: the level, one subgraph
// per category with its moves, and an edge to each move.
func writeMermaid(w io.Writer, set *ladder.Set, from *ladder.Level, moves []ladder.Move) error {
	ids := map[string]bool{}
	nodeID := func(s string) string {
		base := "n_" + strings.Trim(strings.ToLower(nonIDRe.ReplaceAllString(s, "_")), "_")
		id := base
		for i := 2; ids[id]; i++ {
			id = fmt.Sprintf("%s_%d", base, i)
		}
		ids[id] = true
		return id
	}
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	root := nodeID(from.Ref())
	fmt.Fprintf(&b, "  %s[%s]\n", root, mermaidLabel(from.Title+" ("+from.Ref()+")"))
	var edges []string
	for _, cat := range ladder.Categories {
		var inCat []ladder.Move
		for _, m := range moves {
			if m.Category == cat {
				inCat = append(inCat, m)
			}
		}
		if len(inCat) == 0 {
			continue
		}
		fmt.Fprintf(&b, "  subgraph %s[%s]\n", nodeID("cat_"+cat), mermaidLabel(ladder.CategoryTitle(cat)))
		for _, m := range inCat {
			label := m.Title
			key := "move_" + m.Title
			if m.To != "" {
				key = m.To
				if to, err := set.Level(m.To); err == nil && !strings.EqualFold(to.Title, m.Title) {
					label = m.Title + " (" + to.Title + ")"
				}
			}
			id := nodeID(key)
			fmt.Fprintf(&b, "    %s[%s]\n", id, mermaidLabel(label))
			edges = append(edges, fmt.Sprintf("  %s --> %s\n", root, id))
		}
		b.WriteString("  end\n")
	}
	for _, e := range edges {
		b.WriteString(e)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
