package yamlerr

import (
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestLocate(t *testing.T) {
	tests := []struct {
		src  string
		line int
	}{
		{"a: 1\nb: c: d\n", 2},            // scanner error
		{"a: 1\nb: [unclosed\nc: 2\n", 2}, // parser error, reported 0-based by yaml.v3
		{"a: 1\n\tb: 2\n", 2},             // tab
		{"a: 1\n- b\n", 2},
	}
	for _, tt := range tests {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(tt.src), &n)
		if err == nil {
			t.Fatalf("%q: no error", tt.src)
		}
		if line, msg := Locate(err); line != tt.line || msg == "" {
			t.Errorf("Locate(%q) = %d, %q; want line %d", err, line, msg, tt.line)
		}
	}
}
