// Package interrupt runs clean-ups when the process is interrupted
// (SIGINT, SIGTERM, SIGHUP): an edit lock or a half-written temporary file
// must not outlive a Ctrl-C. After the clean-ups the process dies of the
// same signal, so a shell sees what it expects (exit 130 for Ctrl-C).
// A kill -9 cannot be caught; the edit lock's staleness rule covers it.
package interrupt

import (
	"os"
	"os/signal"
	"sync"
)

var (
	mu       sync.Mutex
	next     int
	cleanups = map[int]func(){}
	sigs     chan os.Signal
)

// OnInterrupt registers fn to run if the process is interrupted before
// the returned cancel is called. cancel is safe to call more than once.
// The clean-ups of one interrupt run in the order they were registered,
// each at most once.
func OnInterrupt(fn func()) (cancel func()) {
	mu.Lock()
	defer mu.Unlock()
	if sigs == nil {
		sigs = make(chan os.Signal, 1)
		signal.Notify(sigs, signals...)
		go wait(sigs)
	}
	id := next
	next++
	cleanups[id] = fn
	return func() {
		mu.Lock()
		defer mu.Unlock()
		delete(cleanups, id)
	}
}

func wait(c chan os.Signal) {
	sig := <-c
	mu.Lock()
	fns := make([]func(), 0, len(cleanups))
	for i := 0; i < next; i++ {
		if fn, ok := cleanups[i]; ok {
			fns = append(fns, fn)
			delete(cleanups, i)
		}
	}
	mu.Unlock()
	for _, fn := range fns {
		fn()
	}
	die(sig)
}
