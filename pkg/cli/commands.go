package cli

import (
	"github.com/spf13/cobra"

	exportcmd "github.com/roadmapcli/roadmap/pkg/cmd/export"
	gapcmd "github.com/roadmapcli/roadmap/pkg/cmd/gap"
	historycmd "github.com/roadmapcli/roadmap/pkg/cmd/history"
	"github.com/roadmapcli/roadmap/pkg/cmd/initcmd"
	laddercmd "github.com/roadmapcli/roadmap/pkg/cmd/ladder"
	lintcmd "github.com/roadmapcli/roadmap/pkg/cmd/lint"
	lspcmd "github.com/roadmapcli/roadmap/pkg/cmd/lsp"
	"github.com/roadmapcli/roadmap/pkg/cmd/paths"
	plancmd "github.com/roadmapcli/roadmap/pkg/cmd/plan"
	reviewcmd "github.com/roadmapcli/roadmap/pkg/cmd/review"
	"github.com/roadmapcli/roadmap/pkg/cmd/show"
	statuscmd "github.com/roadmapcli/roadmap/pkg/cmd/status"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
)

// addCommands registers every top-level command. One line per command.
func addCommands(root *cobra.Command, f *cmdutil.Factory) {
	root.AddCommand(initcmd.NewCmdInit(f, nil))
	root.AddCommand(show.NewCmdShow(f, nil))
	root.AddCommand(lintcmd.NewCmdLint(f, nil))
	root.AddCommand(laddercmd.NewCmdLadder(f))
	root.AddCommand(paths.NewCmdPaths(f, nil))
	root.AddCommand(gapcmd.NewCmdGap(f, nil))
	root.AddCommand(plancmd.NewCmdPlan(f, nil))
	root.AddCommand(statuscmd.NewCmdStatus(f, nil))
	root.AddCommand(reviewcmd.NewCmdReview(f, nil))
	root.AddCommand(lspcmd.NewCmdLSP(f, nil))
	root.AddCommand(exportcmd.NewCmdExport(f, nil))
	root.AddCommand(historycmd.NewCmdHistory(f, nil))
}
