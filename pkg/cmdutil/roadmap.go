package cmdutil

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/roadmapcli/roadmap/pkg/iostreams"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// ReadRoadmap reads and parses the roadmap a command was given: a file, or
// standard input for "-" (named stdinName in messages). A file that cannot
// be read is an InputError (exit 2); problems inside it are left in the
// Document for the command to judge.
func ReadRoadmap(ios *iostreams.IOStreams, file, stdinName string) (*roadmap.Document, error) {
	if file == "-" {
		data, err := roadmap.ReadLimited(stdinName, ios.In)
		if err != nil {
			return nil, &InputError{Err: err}
		}
		return roadmap.Parse(stdinName, data), nil
	}
	doc, err := roadmap.Load(file)
	if err != nil {
		var fe *roadmap.FileError
		if errors.As(err, &fe) {
			return nil, &InputError{Err: err}
		}
		return nil, err
	}
	return doc, nil
}

// ReadValidRoadmap is ReadRoadmap for the commands that read a plan and
// report on it: a roadmap with an error problem is an InputError (exit 2),
// and its warnings are printed on ios.ErrOut, once, before the output.
func ReadValidRoadmap(ios *iostreams.IOStreams, file, stdinName string) (*roadmap.Document, error) {
	doc, err := ReadRoadmap(ios, file, stdinName)
	if err != nil {
		return nil, err
	}
	if err := doc.Err(); err != nil {
		return nil, &InputError{Err: err}
	}
	for _, p := range doc.Problems {
		fmt.Fprintln(ios.ErrOut, p.Format(doc.Path))
	}
	return doc, nil
}

// StdinDefaultName names standard input in messages when
// --stdin-filename is not given.
const StdinDefaultName = "<stdin>"

// InputDir is the directory of the roadmap a command was given, where the
// search for its .roadmap.yaml and ladders starts: FILE's directory, or
// for "-" the directory of the name --stdin-filename gives it (an editor
// piping a buffer names the file it holds), else the current directory.
// Every command that reads "-" finds its configuration this way, as lint
// does.
func InputDir(file, stdinName string) string {
	switch {
	case file == "":
		return "."
	case file != "-":
		return filepath.Dir(file)
	case stdinName == "" || stdinName == StdinDefaultName:
		return "."
	}
	return filepath.Dir(stdinName)
}
