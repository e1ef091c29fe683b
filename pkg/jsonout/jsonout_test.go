package jsonout

import (
	"bytes"
	"testing"
)

type own struct{ s string }

func (o own) MarshalJSON() ([]byte, error) { return Marshal(map[string]string{"s": o.s}) }

func TestNothingIsEscapedForHTML(t *testing.T) {
	var b bytes.Buffer
	v := map[string]any{"title": "R&D <lead>", "nested": own{"a & b > c"}}
	if err := Write(&b, v); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"nested\": {\n    \"s\": \"a & b > c\"\n  },\n  \"title\": \"R&D <lead>\"\n}\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
