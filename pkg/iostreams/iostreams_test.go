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
		{"empty NO_COLOR does not count (no-color.org)", map[string]string{"NO_COLOR": ""}, true, true},
		{"empty NO_COLOR with CLICOLOR_FORCE", map[string]string{"NO_COLOR": "", "CLICOLOR_FORCE": "1"}, false, true},
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

// TestWidthRule is the one rule every command follows, piped or not.
func TestWidthRule(t *testing.T) {
	for _, tt := range []struct {
		columns string
		term    int
		want    int
	}{
		{"", 0, 80},       // piped, nothing said
		{"", 132, 132},    // a terminal
		{"60", 0, 60},     // piped with COLUMNS
		{"100", 132, 100}, // COLUMNS wins: the user said so
		{"0", 132, 132}, {"wide", 0, 80}, {"-5", 0, 80},
	} {
		if got := widthFrom(tt.columns, tt.term); got != tt.want {
			t.Errorf("widthFrom(%q, %d) = %d, want %d", tt.columns, tt.term, got, tt.want)
		}
	}
}

func TestColorMode(t *testing.T) {
	ios, _, _, _ := Test()
	ios.SetColorMode(ColorAlways)
	if !ios.ColorEnabled() || ios.ErrColorScheme().Red("x") == "x" {
		t.Error("--color always must colour both streams")
	}
	ios.SetColorMode(ColorAuto)
	if !ios.ColorEnabled() {
		t.Error("auto keeps what was decided")
	}
	ios.SetColorMode(ColorNever)
	if ios.ColorEnabled() || ios.ErrColorScheme().Red("x") != "x" {
		t.Error("--color never must turn colour off")
	}
}
