// Package scaffold renders a new roadmap file from an embedded template per
// kind. It is pure: no I/O, no printing. Whatever a caller does not know is
// written as a "[TODO: ...]" placeholder that lint flags until it is filled.
package scaffold

import (
	"bytes"
	"embed"
	"fmt"
	"regexp"
	"strings"
	"text/template"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// The four kinds of roadmap, as the parser defines them.
const (
	Promotion    = roadmap.KindPromotion
	CareerChange = roadmap.KindCareerChange
	Stalled      = roadmap.KindStalled
	Explore      = roadmap.KindExplore
)

// Kinds lists every kind, in the order help text shows them.
var Kinds = roadmap.Kinds

// PlaceholderPrefix starts every placeholder a person must still fill in.
const PlaceholderPrefix = "[TODO:"

// Slot kinds of the three 30-day actions, in order.
var ActionKinds = []string{"project", "course", "person"}

// Role is where a person stands (or wants to stand) on a ladder.
type Role struct {
	Role   string // a job title, e.g. "Senior Software Engineer"
	Ladder string // a track id, e.g. "software-engineer"
	Level  string // a level id of that track, e.g. "senior"
}

// Target is the role a roadmap aims for.
type Target struct {
	Role      string // a job title, e.g. "Staff Software Engineer"
	Ladder    string // a track id
	Level     string // a level id of that track
	Industry  string
	Companies []string   // 2-3 example companies
	By        civil.Date // zero: Today + horizon
}

// Values fill a template. Empty strings become placeholders.
type Values struct {
	Kind    string // one of Kinds; "" is promotion
	Title   string // "" derives one from the target role
	Owner   string
	Today   civil.Date // action due dates count from it; required
	Started civil.Date // zero: Today
	Horizon string     // Ny or Nm within 12m..36m; "" is the kind's default
	Current Role
	Target  Target
	// Actions are up to three: project, course, person, in that order.
	// An empty one is a placeholder; see FormatAction for the rest.
	Actions []string
}

//go:embed templates/*.tmpl
var templateFS embed.FS

var templates = func() map[string]*template.Template {
	layout := template.Must(template.New("layout.md.tmpl").ParseFS(templateFS, "templates/layout.md.tmpl"))
	out := make(map[string]*template.Template, len(Kinds))
	for _, k := range Kinds {
		t := template.Must(layout.Clone())
		out[k] = template.Must(t.ParseFS(templateFS, "templates/"+k+".md.tmpl"))
	}
	return out
}()

// DefaultHorizon is the horizon a kind gets when none is given.
func DefaultHorizon(kind string) string {
	switch kind {
	case CareerChange, Explore:
		return "12m"
	case Stalled:
		return "18m"
	default:
		return "2y"
	}
}

// ParseHorizon reads "Ny" or "Nm" (roadmap.ParseHorizon) and returns the
// months, which must be within 12..36. The error says how to fix the value.
func ParseHorizon(s string) (int, error) {
	n, ok := roadmap.ParseHorizon(s)
	if !ok {
		return 0, fmt.Errorf("horizon %q is not Ny or Nm (use e.g. 2y or 18m)", s)
	}
	if n < 12 || n > 36 {
		return 0, fmt.Errorf("horizon %q is outside 1 to 3 years (use 12m to 36m, e.g. 2y or 18m)", s)
	}
	return n, nil
}

// ValidKind reports whether k is one of Kinds.
func ValidKind(k string) bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

var blankLinesRE = regexp.MustCompile(`\n{3,}`)

// FormatAction makes one 30-day action line (without the "- [ ] "):
// text keeps its own "(project|course|person)" marker and its own
// "due|by YYYY-MM-DD" when it has them, read as lint reads them
// (roadmap.ActionMarks); otherwise it gets the slot's kind marker and
// " — due DATE".
func FormatAction(text, slotKind string, due civil.Date) string {
	text = oneLine(text)
	hasKind, dueStart, dueEnd := roadmap.ActionMarks(text)
	hasDue := dueStart >= 0
	marker := "(" + slotKind + ")"
	switch {
	case hasKind && hasDue:
		return text
	case hasKind:
		return text + " — due " + due.String()
	case hasDue:
		// A due clause at the end keeps its place: the marker goes before it.
		if strings.TrimRight(text[dueEnd:], " .") == "" {
			return strings.TrimRight(text[:dueStart], " ") + " " + marker + " " + strings.TrimSpace(text[dueStart:])
		}
		return text + " " + marker
	default:
		return text + " " + marker + " — due " + due.String()
	}
}

// CountPlaceholders counts the placeholders left in a rendered roadmap.
func CountPlaceholders(b []byte) int {
	return bytes.Count(b, []byte(PlaceholderPrefix))
}

func placeholder(hint string) string { return PlaceholderPrefix + " " + hint + "]" }

// oneLine folds any run of white space (newlines included) into one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

// Render fills the kind's template with v.
func Render(v Values) ([]byte, error) {
	kind := v.Kind
	if kind == "" {
		kind = Promotion
	}
	if !ValidKind(kind) {
		return nil, fmt.Errorf("unknown kind %q (use one of %s)", v.Kind, strings.Join(Kinds, ", "))
	}
	if v.Today.IsZero() {
		return nil, fmt.Errorf("no date for today")
	}
	horizon := strings.ToLower(strings.TrimSpace(v.Horizon))
	if horizon == "" {
		horizon = DefaultHorizon(kind)
	}
	months, err := ParseHorizon(horizon)
	if err != nil {
		return nil, err
	}
	if n := len(v.Target.Companies); n > 3 {
		return nil, fmt.Errorf("%d example companies given, at most 3 make a target specific", n)
	}
	if n := len(v.Actions); n > 3 {
		return nil, fmt.Errorf("%d actions given, the next 30 days hold exactly 3", n)
	}
	started := v.Started
	if started.IsZero() {
		started = v.Today
	}
	by := v.Target.By
	if by.IsZero() {
		by = v.Today.AddMonths(months)
	}
	hints := kindHints[kind]

	cur := Role{Role: oneLine(v.Current.Role), Ladder: oneLine(v.Current.Ladder), Level: oneLine(v.Current.Level)}
	tgt := Role{Role: oneLine(v.Target.Role), Ladder: oneLine(v.Target.Ladder), Level: oneLine(v.Target.Level)}
	industry := oneLine(v.Target.Industry)
	var companies []string
	for _, c := range v.Target.Companies {
		if c = oneLine(c); c != "" {
			companies = append(companies, c)
		}
	}
	for i := len(companies); i < 2; i++ {
		companies = append(companies, placeholder(hints.companies[i]))
	}
	title := oneLine(v.Title)
	if title == "" && tgt.Role != "" {
		title = fmt.Sprintf(hints.titleFormat, tgt.Role)
	}

	or := func(s, hint string) string {
		if s == "" {
			return placeholder(hint)
		}
		return s
	}
	fm, err := frontmatter(frontmatterValues{
		title:   or(title, "a title, e.g. "+fmt.Sprintf(hints.titleFormat, hints.targetRole)),
		owner:   or(oneLine(v.Owner), "your name"),
		kind:    kind,
		started: started,
		horizon: horizon,
		current: Role{
			Role:   or(cur.Role, "your current title, e.g. "+hints.currentRole),
			Ladder: or(cur.Ladder, "track id, e.g. "+hints.currentLadder),
			Level:  or(cur.Level, "level id, e.g. "+hints.currentLevel),
		},
		target: Role{
			Role:   or(tgt.Role, "target title, e.g. "+hints.targetRole),
			Ladder: or(tgt.Ladder, "track id, e.g. "+hints.targetLadder),
			Level:  or(tgt.Level, "level id, e.g. "+hints.targetLevel),
		},
		industry:  or(industry, "industry, e.g. "+hints.industry),
		companies: companies,
		by:        by,
	})
	if err != nil {
		return nil, err
	}

	actions := make([]string, 3)
	for i := range actions {
		text := ""
		if i < len(v.Actions) {
			text = oneLine(v.Actions[i])
		}
		due := v.Today.AddDays(7 * (i + 1))
		if text == "" {
			actions[i] = placeholder(hints.actions[i]) + " (" + ActionKinds[i] + ") — due " + due.String()
			continue
		}
		actions[i] = escapeLineStart(FormatAction(text, ActionKinds[i], due))
	}

	data := view{
		Frontmatter:  fm,
		Title:        escapeHeading(or(title, "a title, e.g. "+fmt.Sprintf(hints.titleFormat, hints.targetRole))),
		Owner:        or(oneLine(v.Owner), "your name"),
		CurrentRole:  or(cur.Role, "your current title"),
		CurrentLevel: or(cur.Level, "your current level"),
		TargetRole:   or(tgt.Role, "target title, e.g. "+hints.targetRole),
		TargetLevel:  or(tgt.Level, "target level, e.g. "+hints.targetLevel),
		Industry:     or(industry, "industry, e.g. "+hints.industry),
		Companies:    joinAnd(companies),
		Started:      started.String(),
		By:           by.String(),
		Horizon:      horizonWords(months),
		Actions:      actions,
	}
	data.TargetGiven = tgt.Role != ""
	switch kind {
	case CareerChange:
		bridge := min(max(months*2/3, 6), 12)
		from := 1
		for i := 1; i <= 3; i++ {
			to := bridge * i / 3
			data.Phases = append(data.Phases, phase{
				From: from, To: to, End: started.AddMonths(to).String(),
				Hint: phaseHints[i-1][0], Artifact: phaseHints[i-1][1],
			})
			from = to + 1
		}
		data.BridgeMonths = bridge
		data.SearchFrom, data.SearchTo = bridge+1, months
	case Stalled:
		data.DecideBy = started.AddMonths(2).String()
	case Explore:
		data.PickBy = started.AddMonths(min(6, months/2)).String()
	}

	var buf bytes.Buffer
	if err := templates[kind].Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("render %s template: %w", kind, err)
	}
	out := blankLinesRE.ReplaceAll(buf.Bytes(), []byte("\n\n"))
	return append(bytes.TrimRight(out, "\n"), '\n'), nil
}

// view is what templates see: every string is ready to print, a value or
// a placeholder.
type view struct {
	Frontmatter  string
	Title        string
	Owner        string
	CurrentRole  string
	CurrentLevel string
	TargetRole   string
	TargetLevel  string
	TargetGiven  bool
	Industry     string
	Companies    string
	Started      string
	By           string
	Horizon      string
	Actions      []string
	Phases       []phase // career-change: three phases of bridge work
	BridgeMonths int
	SearchFrom   int // career-change: months of the job search
	SearchTo     int
	DecideBy     string // stalled
	PickBy       string // explore
}

// phase is one stretch of bridge work, months counted from the start.
type phase struct {
	From, To       int
	End            string
	Hint, Artifact string
}

var phaseHints = [3][2]string{
	{"the first skill of the new field to build, e.g. a course and its capstone", "what you will publish, e.g. the capstone, online"},
	{"practice on real work, e.g. a project with a team that does the job", "e.g. a case study with the outcome in numbers"},
	{"what makes the change legible to recruiters, e.g. a portfolio or a certification", "e.g. a portfolio site with three case studies"},
}

func horizonWords(months int) string {
	switch {
	case months%12 == 0 && months == 12:
		return "one year"
	case months%12 == 0:
		return fmt.Sprintf("%d years", months/12)
	default:
		return fmt.Sprintf("%d months", months)
	}
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	default:
		return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
	}
}

// escapeLineStart keeps an action's text from opening a new Markdown block
// (a heading, quote or nested list) right after "- [ ] ".
func escapeLineStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '-', '+', '*', '=', '|', '`', '~':
		return `\` + s
	}
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// escapeHeading keeps a trailing " #" of a title from being read as the
// closing sequence of an ATX heading.
func escapeHeading(s string) string {
	t := strings.TrimRight(s, "#")
	if t != s && (t == "" || strings.HasSuffix(t, " ")) {
		return t + `\` + s[len(t):]
	}
	return s
}
