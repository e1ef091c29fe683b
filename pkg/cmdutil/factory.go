package cmdutil

import (
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/history"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

// Factory carries the dependencies every command may need. Commands copy
// what they use into their Options so they can be tested alone.
type Factory struct {
	IOStreams *iostreams.IOStreams
	// Today is "today" for every date computation: --today, else
	// ROADMAP_TODAY, else the local date. It is resolved after flag parsing,
	// so commands must call it at run time, not when they are built.
	Today func() civil.Date
	// Getenv reads the environment (injected so tests stay hermetic).
	Getenv func(string) string
	// History is where a file's past comes from: git, through gitx, in a
	// real run; tests give a scripted one (pkg/history/historytest). Nil
	// means git (HistoryProvider).
	History history.Provider
}

// HistoryProvider is f.History, or git when none was set.
func (f *Factory) HistoryProvider() history.Provider {
	if f == nil || f.History == nil {
		return history.Default
	}
	return f.History
}
