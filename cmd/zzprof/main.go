package main

import (
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/roadmapcli/roadmap/pkg/cli"
	"github.com/roadmapcli/roadmap/pkg/iostreams"
)

func main() {
	f, _ := os.Create(os.Getenv("CPUPROF"))
	pprof.StartCPUProfile(f)
	code := cli.Main(os.Args[1:], iostreams.System(), os.Getenv)
	pprof.StopCPUProfile()
	if m := os.Getenv("MEMPROF"); m != "" {
		runtime.GC()
		mf, _ := os.Create(m)
		pprof.Lookup("allocs").WriteTo(mf, 0)
		mf.Close()
	}
	os.Exit(code)
}
