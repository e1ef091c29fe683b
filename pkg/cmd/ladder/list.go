package ladder

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/report"
)

// ListOptions holds what `ladder list` needs.
type ListOptions struct {
	IO         *iostreams.IOStreams
	LaddersDir string // --ladders
	StartDir   string // where the search for .roadmap.yaml starts
	Format     string
}

// NewCmdList builds `roadmap ladder list`. runF replaces listRun in tests.
func NewCmdList(f *cmdutil.Factory, runF func(*ListOptions) error) *cobra.Command {
	opts := &ListOptions{IO: f.IOStreams, StartDir: "."}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the known ladders (tracks)",
		Long: `List every known ladder: the built-in tracks and those a repository adds or
overrides with its own ladders/*.yaml. The origin column says which.`,
		Example: `  roadmap ladder list
  roadmap ladder list --format json | jq -r '.tracks[].id'
  roadmap ladder list --ladders ./career/ladders`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return listRun(opts)
		},
	}
	AddLaddersFlag(cmd, &opts.LaddersDir)
	cmdutil.FormatFlag(cmd, &opts.Format, report.TableFormats...)
	return cmd
}

// ListJSON is the stable JSON shape of `ladder list --format json`.
type ListJSON struct {
	Tracks []ladder.TrackJSON `json:"tracks"`
}

func listRun(opts *ListOptions) error {
	set, err := Load(opts.LaddersDir, opts.StartDir)
	if err != nil {
		return err
	}
	if opts.Format == report.FormatJSON {
		out := ListJSON{Tracks: []ladder.TrackJSON{}}
		for _, t := range set.Tracks() {
			out.Tracks = append(out.Tracks, t.JSON())
		}
		return report.WriteJSON(opts.IO.Out, out)
	}
	tbl := report.Table{Headers: []string{"track", "title", "kind", "levels", "from", "to", "origin"},
		// Narrow terminals lose where a track comes from first, then its
		// size and its ends; the id, title and kind always stay.
		Cols: []report.Col{{}, {Wrap: true}, {}, {Drop: 2}, {Wrap: true, Drop: 3}, {Wrap: true, Drop: 4}, {Drop: 1}},
		All:  "--format csv shows every column"}
	for _, t := range set.Tracks() {
		first, last := t.Levels[0], t.Levels[len(t.Levels)-1]
		tbl.Rows = append(tbl.Rows, []string{
			t.ID, t.Title, t.Kind, strconv.Itoa(len(t.Levels)), first.Title, last.Title, t.Origin,
		})
	}
	if err := tbl.Render(opts.IO.Out, opts.Format, report.OptionsFor(opts.IO)); err != nil {
		return err
	}
	if opts.Format == report.FormatTable && opts.IO.IsStdoutTTY() {
		fmt.Fprintln(opts.IO.Out, "\nShow one with: roadmap ladder show TRACK")
	}
	return nil
}
