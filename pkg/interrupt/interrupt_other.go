//go:build !unix

package interrupt

import "os"

var signals = []os.Signal{os.Interrupt}

// die ends the process as an interrupted one (130, as shells report Ctrl-C).
func die(os.Signal) { os.Exit(130) }
