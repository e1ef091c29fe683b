//go:build !unix

package boundedread

const pipeOpenFlags = 0
