// Package jsonout is the one JSON encoding the tool writes: two-space
// indents, a newline at the end, and "&", "<" and ">" left as written
// (encoding/json escapes them for HTML by default, and nobody reads this
// output as HTML). report.WriteJSON writes every command's --format json
// with it; a type that marshals its own shape (a MarshalJSON method)
// marshals with it too, since the writer copies such a value's bytes as
// they are and json.Marshal would have escaped them.
package jsonout

import (
	"bytes"
	"encoding/json"
	"io"
)

// Write writes v as indented JSON and a newline.
func Write(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Marshal is json.Marshal without the HTML escaping, for MarshalJSON
// methods.
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
