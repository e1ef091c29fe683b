//go:build unix

package boundedread

import "syscall"

// pipeOpenFlags open a named pipe without waiting for a writer: a FIFO
// nothing writes to then reads as empty at once instead of hanging the
// command (a process substitution's pipe has its writer already).
const pipeOpenFlags = syscall.O_NONBLOCK
