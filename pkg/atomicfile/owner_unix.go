//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// links is the file's hard link count.
func links(info fs.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// writable reports whether this process may write the file (root may
// write anything; the mode check beside this call covers a file nobody
// may write).
func writable(path string) bool { return unix.Access(path, unix.W_OK) == nil }

// keepOwner gives f the owner and group of old, as far as the process is
// allowed: root can; another user can keep a group they are in; failing
// is no reason to stop the write.
func keepOwner(f *os.File, old fs.FileInfo) {
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if f.Chown(int(st.Uid), int(st.Gid)) != nil {
		_ = f.Chown(-1, int(st.Gid))
	}
}
