package ladder

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/report"
)

// Columns `ladder show --columns` accepts, in the order they are listed.
var Columns = []string{"level", "title", "kind", "aliases", "years", "scope", "skills", "mentorship",
	"visibility", "milestones", "salary", "next"}

// DefaultColumns are shown when --columns is not given; "kind" is added
// after the title for a track that has both IC and management levels.
var DefaultColumns = []string{"level", "title", "scope", "skills", "milestones", "salary"}

// csvSalaryColumns replace the one salary column in CSV output, so each
// part of the range, its source, year and note is a field of its own.
// Columns added later come last, so older scripts keep their positions.
var csvSalaryColumns = []string{"salary_low", "salary_high", "salary_currency", "salary_region",
	"salary_basis", "salary_band", "salary_source", "salary_year", "salary_notice",
	"salary_occupation", "salary_topcoded", "salary_note"}

// ShowOptions holds what `ladder show` needs.
type ShowOptions struct {
	IO         *iostreams.IOStreams
	LaddersDir string
	StartDir   string
	Track      string
	From, To   string
	Columns    []string
	Format     string
	// defaulted: the columns are the defaults, so the least important
	// may be left out to fit a terminal; columns the user named never are.
	defaulted bool
}

// tokenColumns hold ids and numbers, never broken across lines; the
// other columns are prose.
var tokenColumns = map[string]bool{"level": true, "kind": true, "years": true}

// dropOrder is which default columns give way first when a terminal is
// too narrow for the table: milestones, then skills. The rest stay; when
// even they do not fit, each level is printed as a block.
var dropOrder = map[string]int{"milestones": 1, "skills": 2}

// NewCmdShow builds `roadmap ladder show TRACK`. runF replaces showRun in tests.
func NewCmdShow(f *cmdutil.Factory, runF func(*ShowOptions) error) *cobra.Command {
	opts := &ShowOptions{IO: f.IOStreams, StartDir: "."}
	cmd := &cobra.Command{
		Use:   "show TRACK",
		Short: "Show a ladder's levels as a table",
		Long: `Show the levels of one track as a table: by default each level's id, title,
scope, skills, milestones and an indicative salary range with its source and
year. --from and --to limit the levels (ids or aliases such as L5, IC3 or
Senior); --columns picks the columns.

Columns: ` + strings.Join(Columns, ", ") + `.
--columns applies to table, markdown and csv; JSON always carries every field.`,
		Example: `  roadmap ladder show software-engineer
  roadmap ladder show software-engineer --from L5 --to L7 --columns level,title,scope,mentorship
  roadmap ladder show data-scientist --format csv > data-scientist.csv
  roadmap ladder show engineering-manager --format json | jq '.levels[].salary'`,
		Args:              cmdutil.ExactArg("TRACK", "the id of a ladder, e.g. software-engineer (`roadmap ladder list` lists them)"),
		ValidArgsFunction: CompleteTrack,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Track = args[0]
			if !cmd.Flags().Changed("columns") {
				opts.Columns = nil // showRun picks the defaults for the track
			}
			for i, c := range opts.Columns {
				c = strings.ToLower(strings.TrimSpace(c))
				if !contains(Columns, c) {
					hint := ""
					if s := ladder.Nearest(c, Columns); s != "" {
						hint = fmt.Sprintf("did you mean %q? ", s)
					}
					return cmdutil.FlagErrorf("unknown column %q in --columns (%sknown: %s)", c, hint, strings.Join(Columns, ","))
				}
				opts.Columns[i] = c
			}
			if runF != nil {
				return runF(opts)
			}
			return showRun(opts)
		},
	}
	AddLaddersFlag(cmd, &opts.LaddersDir)
	cmd.Flags().StringVar(&opts.From, "from", "", "first level to show (id or alias, e.g. senior or L5)")
	cmd.Flags().StringVar(&opts.To, "to", "", "last level to show (id or alias)")
	cmd.Flags().StringSliceVar(&opts.Columns, "columns", nil,
		"comma-separated columns: "+strings.Join(Columns, ","))
	cmdutil.FormatFlag(cmd, &opts.Format, report.TableFormats...)
	_ = cmd.RegisterFlagCompletionFunc("from", completeLevelOfArg)
	_ = cmd.RegisterFlagCompletionFunc("to", completeLevelOfArg)
	_ = cmd.RegisterFlagCompletionFunc("columns", func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return cmdutil.CompleteCommaList(Columns, toComplete), cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	})
	return cmd
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// ShowJSON is the stable JSON shape of `ladder show --format json`.
type ShowJSON struct {
	Track  ladder.TrackJSON   `json:"track"`
	Levels []ladder.LevelJSON `json:"levels"`
	Notice string             `json:"notice"`
}

func showRun(opts *ShowOptions) error {
	set, err := Load(opts.LaddersDir, opts.StartDir)
	if err != nil {
		return err
	}
	track, err := set.Track(opts.Track)
	if err != nil {
		return UsageError(err)
	}
	levels, err := track.Between(opts.From, opts.To)
	if err != nil {
		return cmdutil.FlagErrorWrap(err)
	}
	if len(opts.Columns) == 0 {
		opts.Columns = defaultColumns(track)
		opts.defaulted = true
	}
	var salaries []*ladder.Salary
	for _, l := range levels {
		salaries = append(salaries, l.Salary)
	}
	notice := ladder.NoticeFor(salaries...)

	if opts.Format == report.FormatJSON {
		out := ShowJSON{Track: track.JSON(), Levels: []ladder.LevelJSON{}, Notice: notice}
		for _, l := range levels {
			out.Levels = append(out.Levels, l.JSON())
		}
		return report.WriteJSON(opts.IO.Out, out)
	}

	csv := opts.Format == report.FormatCSV
	tbl := report.Table{All: "--columns or --format csv shows them"}
	for _, c := range opts.Columns {
		if c == "salary" && csv {
			tbl.Headers = append(tbl.Headers, csvSalaryColumns...)
			continue
		}
		tbl.Headers = append(tbl.Headers, c)
		col := report.Col{Wrap: !tokenColumns[c]}
		if opts.defaulted {
			col.Drop = dropOrder[c]
		}
		tbl.Cols = append(tbl.Cols, col)
	}
	salaryShown := false
	for _, l := range levels {
		var row []string
		for _, c := range opts.Columns {
			if c == "salary" {
				salaryShown = true
				if csv {
					row = append(row, salaryFields(l.Salary)...)
				} else {
					row = append(row, salaryCell(l.Salary))
				}
				continue
			}
			row = append(row, cell(l, c))
		}
		tbl.Rows = append(tbl.Rows, row)
	}

	out := opts.IO.Out
	switch opts.Format {
	case report.FormatMarkdown:
		fmt.Fprintf(out, "**%s** (`%s`)\n\n", report.MarkdownText(track.Title), track.ID)
	case report.FormatTable:
		fmt.Fprintln(out, strings.Join(report.Wrap(fmt.Sprintf("%s (%s)", track.Title, track.ID), opts.IO.TerminalWidth()), "\n"))
	}
	if err := tbl.Render(out, opts.Format, report.OptionsFor(opts.IO)); err != nil {
		return err
	}
	if salaryShown {
		writeSalaryNotes(out, opts, levels, notice)
	}
	return nil
}

// defaultColumns adds the kind column for a track with both IC and
// management levels, where the reader needs it to tell the rungs apart.
func defaultColumns(t *ladder.Track) []string {
	cols := append([]string(nil), DefaultColumns...)
	for _, l := range t.Levels {
		if l.Kind != t.Levels[0].Kind {
			return append(cols[:2:2], append([]string{"kind"}, cols[2:]...)...)
		}
	}
	return cols
}

// writeSalaryNotes prints, under a table or Markdown table, each level's
// salary note (levels that share a note are named together) and the
// notice of what the figures are. CSV carries both as columns.
func writeSalaryNotes(out io.Writer, opts *ShowOptions, levels []*ladder.Level, notice string) {
	type group struct {
		note string
		ids  []string
	}
	var groups []*group
	byNote := map[string]*group{}
	for _, l := range levels {
		if l.Salary == nil || l.Salary.Note == "" {
			continue
		}
		g := byNote[l.Salary.Note]
		if g == nil {
			g = &group{note: l.Salary.Note}
			byNote[g.note] = g
			groups = append(groups, g)
		}
		g.ids = append(g.ids, l.ID)
	}
	width := opts.IO.TerminalWidth() - 1
	switch opts.Format {
	case report.FormatMarkdown:
		if len(groups) > 0 {
			fmt.Fprint(out, "\n**Salary notes**\n\n")
			for _, g := range groups {
				fmt.Fprintf(out, "- `%s`: %s\n", strings.Join(g.ids, "`, `"), report.MarkdownText(g.note))
			}
		}
		if notice != "" {
			fmt.Fprintf(out, "\n_%s_\n", report.MarkdownText(notice))
		}
	case report.FormatTable:
		if len(groups) > 0 {
			fmt.Fprint(out, "\nSalary notes\n")
			for _, g := range groups {
				writeHanging(out, "  "+strings.Join(g.ids, ", ")+": ", g.note, width)
			}
		}
		if notice != "" {
			fmt.Fprint(out, "\n")
			writeHanging(out, "", notice, width)
		}
	}
}

// writeHanging writes prefix and text wrapped to width, continuation
// lines indented under the text.
func writeHanging(w io.Writer, prefix, text string, width int) {
	var b strings.Builder
	report.Hanging(&b, prefix, text, width)
	io.WriteString(w, b.String())
}

func cell(l *ladder.Level, column string) string {
	switch column {
	case "level":
		return l.ID
	case "title":
		return l.Title
	case "kind":
		return l.Kind
	case "aliases":
		return strings.Join(l.Aliases, ", ")
	case "years":
		return l.Years
	case "scope":
		return l.Scope
	case "skills":
		return strings.Join(l.Skills, "; ")
	case "mentorship":
		return l.Mentorship
	case "visibility":
		return l.Visibility
	case "milestones":
		return strings.Join(l.Milestones, "; ")
	case "next":
		return strings.Join(l.Next, ", ")
	}
	return ""
}

func salaryCell(s *ladder.Salary) string {
	if s == nil {
		return "no published figure"
	}
	return s.Text()
}

func salaryFields(s *ladder.Salary) []string {
	if s == nil {
		return make([]string, len(csvSalaryColumns))
	}
	high := ""
	if s.High != nil {
		high = strconv.Itoa(*s.High)
	}
	return []string{strconv.Itoa(s.Low), high, s.Currency, s.Region, s.Basis, s.Band, s.Source,
		strconv.Itoa(s.Year), ladder.NoticeFor(s), s.Occupation, strconv.FormatBool(s.Topcoded), s.Note}
}
