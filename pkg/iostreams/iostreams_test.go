package iostreams

import "testing"

func TestColorWanted(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		tty  bool
		want bool
	}{
		{"terminal", nil, true, true},
		{"piped", nil, false, false},
		{"NO_COLOR on a terminal", map[string]string{"NO_COLOR": "1"}, true, false},
		{"empty NO_COLOR still counts", map[string]string{"NO_COLOR": ""}, true, false},
		{"dumb terminal", map[string]string{"TERM": "dumb"}, true, false},
		{"CLICOLOR_FORCE when piped", map[string]string{"CLICOLOR_FORCE": "1"}, false, true},
		{"NO_COLOR beats CLICOLOR_FORCE", map[string]string{"NO_COLOR": "1", "CLICOLOR_FORCE": "1"}, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, k := range []string{"NO_COLOR", "CLICOLOR_FORCE", "TERM"} {
				if v, ok := tt.env[k]; ok {
					t.Setenv(k, v)
				} else {
					t.Setenv(k, "xterm")
					if k != "TERM" {
						// t.Setenv cannot unset; an unset variable is what
						// colorWanted must see here.
						unsetForTest(t, k)
					}
				}
			}
			if got := colorWanted(tt.tty); got != tt.want {
				t.Errorf("colorWanted(tty=%v) = %v, want %v", tt.tty, got, tt.want)
			}
		})
	}
}

func TestColorSchemeOff(t *testing.T) {
	ios, _, _, _ := Test()
	if got := ios.ColorScheme().Bold("x"); got != "x" {
		t.Errorf("colour off must print plain text, got %q", got)
	}
	ios.SetColorEnabled(true)
	if got := ios.ColorScheme().Bold("x"); got != "\x1b[1mx\x1b[0m" {
		t.Errorf("colour on: got %q", got)
	}
}
