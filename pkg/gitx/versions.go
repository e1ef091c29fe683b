package gitx

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Version is one state a file went through: the commit that left it so,
// and the object holding its content then.
type Version struct {
	Commit
	// Blob is the object name of the file's content after the commit; ""
	// when the commit removed the file (or left something that is not a
	// regular file there: a symbolic link, a submodule).
	Blob string
}

// versionArgs list the commits of one file on the first-parent line of
// HEAD, each with the file's object name after it (--raw, full names).
// The first-parent line is the history as the branch lived it: a merged
// branch is one step, its merge, so the states follow one another and no
// two branches' edits interleave by date. -m gives a merge its diff
// against the first parent, which --first-parent keeps alone.
var versionArgs = []string{"log", "-z", "--raw", "--no-abbrev", "--no-renames", "-m", "--first-parent",
	"--reverse", "--no-color", "--no-ext-diff", "--no-show-signature", "--no-textconv", logFormat}

// Versions returns the states path went through, oldest first, in one git
// process. A file never committed has none.
func (r *Repo) Versions(path string) ([]Version, error) {
	rel, err := r.Rel(path)
	if err != nil {
		return nil, err
	}
	args := append(append([]string{}, versionArgs...), "--", rel)
	out, err := r.c.run(r.Root, args...)
	if err != nil {
		if noCommits(err) {
			return nil, nil
		}
		return nil, unavailable(path, err)
	}
	return parseVersions(out, rel), nil
}

// parseVersions reads `git log -z --raw` output in logFormat: a commit's
// header, then for each path it touched a record ":old-mode new-mode
// old-object new-object status" and the path.
func parseVersions(out []byte, rel string) []Version {
	var versions []Version
	var cur *Commit
	var record string
	for _, tok := range bytes.Split(out, []byte{0}) {
		if record != "" {
			// The path, as it is: a name may start with a newline or ':'.
			if cur != nil && string(tok) == rel {
				if v, ok := versionOf(*cur, record); ok {
					versions = append(versions, v)
				}
			}
			record = ""
			continue
		}
		tok = bytes.TrimPrefix(tok, []byte("\n"))
		switch {
		case len(tok) == 0:
		case tok[0] == 0x1e:
			cur = nil
			if c, ok := parseHeader(string(tok[1:])); ok {
				cur = &c
			}
		case tok[0] == ':':
			record = string(tok[1:])
		}
	}
	return versions
}

// versionOf reads a raw record: only a regular file (mode 100644 or
// 100755) has content to read.
func versionOf(c Commit, record string) (Version, bool) {
	f := strings.Fields(record)
	if len(f) < 5 || !isObjectName(f[3]) {
		return Version{}, false
	}
	v := Version{Commit: c}
	if (f[1] == "100644" || f[1] == "100755") && strings.Trim(f[3], "0") != "" {
		v.Blob = f[3]
	}
	return v, true
}

func isObjectName(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune("0123456789abcdef", rune(s[i])) {
			return false
		}
	}
	return true
}

// ErrBlobTooLarge is passed for an object over ReadBlobs' limit, whose
// content is skipped unread.
var ErrBlobTooLarge = errors.New("larger than the limit")

// ReadBlobs reads the objects named by ids in one `git cat-file --batch`
// process and calls each with their contents, in order. An object larger
// than max bytes is skipped: each gets nil and ErrBlobTooLarge. each
// returning an error stops the reading.
func (r *Repo) ReadBlobs(ids []string, max int64, each func(i int, data []byte, err error) error) error {
	for _, id := range ids {
		if !isObjectName(id) {
			return fmt.Errorf("gitx: %q is not an object name", id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	git, err := r.c.git()
	if err != nil {
		return &UnavailableError{Path: r.Root, Reason: NoGit}
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	args := []string{"cat-file", "--batch"}
	cmd := r.c.command(ctx, git, r.Root, args)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return &gitError{args: args, stderr: stderr.String(), err: err}
	}
	// The names go in while the contents come out: written all at once
	// first, a long list would fill both pipes and stop both processes.
	go func() {
		w := bufio.NewWriter(stdin)
		for _, id := range ids {
			w.WriteString(id + "\n")
		}
		w.Flush()
		stdin.Close()
	}()
	readErr := readBatch(bufio.NewReaderSize(stdout, 64<<10), len(ids), max, each)
	if readErr != nil {
		cancel() // git may still be writing: stop it rather than drain it
	}
	io.Copy(io.Discard, stdout)
	waitErr := cmd.Wait()
	if readErr != nil {
		return readErr
	}
	if waitErr != nil {
		return &gitError{args: args, stderr: stderr.String(), err: waitErr}
	}
	return nil
}

// readBatch reads n answers of `git cat-file --batch`: "NAME TYPE SIZE",
// the content and a newline; or "NAME missing".
func readBatch(br *bufio.Reader, n int, max int64, each func(int, []byte, error) error) error {
	for i := 0; i < n; i++ {
		head, err := br.ReadString('\n')
		if err != nil {
			return fmt.Errorf("git cat-file: answer %d of %d: %w", i+1, n, err)
		}
		f := strings.Fields(head)
		if len(f) == 2 && f[1] == "missing" {
			if err := each(i, nil, fmt.Errorf("object %s is missing", f[0])); err != nil {
				return err
			}
			continue
		}
		if len(f) != 3 {
			return fmt.Errorf("git cat-file: unexpected answer %q", strings.TrimSpace(head))
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size < 0 {
			return fmt.Errorf("git cat-file: unexpected size in %q", strings.TrimSpace(head))
		}
		var data []byte
		var blobErr error
		if size > max {
			if _, err := br.Discard(int(size)); err != nil {
				return fmt.Errorf("git cat-file: %w", err)
			}
			blobErr = ErrBlobTooLarge
		} else {
			data = make([]byte, size)
			if _, err := io.ReadFull(br, data); err != nil {
				return fmt.Errorf("git cat-file: %w", err)
			}
		}
		if _, err := br.Discard(1); err != nil {
			return fmt.Errorf("git cat-file: %w", err)
		}
		if err := each(i, data, blobErr); err != nil {
			return err
		}
	}
	return nil
}
