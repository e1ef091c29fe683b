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
	// NoLevel says the role has no level to write: a track of the
	// person's own, off the ladders (a teacher's). Level is then left out
	// of the file instead of becoming a placeholder.
	NoLevel bool
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

	// What each kind decides, zero for the kind's default or a
	// placeholder: career-change's months of bridge work before the job
	// search (6 to 12, fewer than the horizon's); stalled's decision date
	// and the month growth stopped ("2025-09"); explore's candidate roles
	// (at most 5, the front-runner first) and the date to pick one.
	BridgeMonths int
	DecideBy     civil.Date
	StalledSince string
	Candidates   []string
	PickBy       civil.Date

	// TargetLevel is what the ladders say of the target level, when they
	// know it: the examples are then in its words (management or IC, its
	// title, skills and milestones) instead of the kind's default move.
	TargetLevel *LevelWords
	// CurrentLevel is the same for the current level.
	CurrentLevel *LevelWords
}

// LevelWords are what a ladder says of a level, for the examples.
type LevelWords struct {
	Management bool   // a management level (the ladder's kind)
	Track      string // the track id, e.g. data-scientist
	Title      string // e.g. Data Scientist I
	Skills     []string
	Milestones []string
}

// Bridge work is 6 to 12 months (lint's RM017).
const (
	MinBridgeMonths = 6
	MaxBridgeMonths = 12
)

// MaxCandidates is how many candidate roles an exploration compares at
// most (lint's RM019 wants 3 to 5).
const MaxCandidates = 5

// DefaultBridgeMonths is the bridge work a career change of a horizon
// gets: two thirds of it, from 6 to 12 months.
func DefaultBridgeMonths(months int) int {
	return min(max(months*2/3, MinBridgeMonths), MaxBridgeMonths)
}

// DefaultDecideBy is a stalled roadmap's decision date: two months in.
func DefaultDecideBy(started civil.Date) civil.Date { return started.AddMonths(2) }

// DefaultPickBy is an exploration's date to pick: half the horizon, at
// most six months in.
func DefaultPickBy(started civil.Date, months int) civil.Date {
	return started.AddMonths(min(6, months/2))
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
	if err := v.checkKindValues(kind, months, started); err != nil {
		return nil, err
	}
	by := v.Target.By
	if by.IsZero() {
		by = v.Today.AddMonths(months)
	}
	hints := hintsForLevels(kind, v.CurrentLevel, v.TargetLevel)

	cur := Role{Role: oneLine(v.Current.Role), Ladder: oneLine(v.Current.Ladder), Level: oneLine(v.Current.Level), NoLevel: v.Current.NoLevel}
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
			Role:    or(cur.Role, "your current title, e.g. "+hints.currentRole),
			Ladder:  or(cur.Ladder, "track id, e.g. "+hints.currentLadder),
			Level:   or(cur.Level, "level id, e.g. "+hints.currentLevel),
			NoLevel: cur.NoLevel && cur.Level == "",
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
		Frontmatter: fm,
		Title:       escapeHeading(or(title, "a title, e.g. "+fmt.Sprintf(hints.titleFormat, hints.targetRole))),
		Owner:       or(oneLine(v.Owner), "your name"),
		Today:       todaySentence(cur, hints),
		TargetRole:  or(tgt.Role, "target title, e.g. "+hints.targetRole),
		TargetLevel: or(tgt.Level, "target level, e.g. "+hints.targetLevel),
		Industry:    or(industry, "industry, e.g. "+hints.industry),
		Companies:   joinAnd(companies),
		Started:     started.String(),
		By:          by.String(),
		Horizon:     horizonWords(months),
		Actions:     actions,
		Mgmt:        v.TargetLevel != nil && v.TargetLevel.Management,
		Skills:      hints.skills,
		Evidence:    hints.evidence,
	}
	switch kind {
	case CareerChange:
		bridge := v.BridgeMonths
		if bridge == 0 {
			bridge = DefaultBridgeMonths(months)
		}
		from := 1
		for i := 1; i <= 3; i++ {
			to := bridge * i / 3
			_, end := roadmap.PhaseSpan(started, from, to)
			data.Phases = append(data.Phases, phase{
				From: from, To: to, End: end.String(),
				Hint: phaseHints[i-1][0], Artifact: phaseHints[i-1][1],
			})
			from = to + 1
		}
		data.BridgeMonths = bridge
		data.SearchFrom, data.SearchTo = bridge+1, months
		_, searchEnd := roadmap.PhaseSpan(started, bridge+1, months)
		data.SearchEnd = searchEnd.String()
		if searchEnd.IsZero() {
			data.SearchEnd = data.By
		}
	case Stalled:
		data.DecideBy = v.DecideBy.String()
		if v.DecideBy.IsZero() {
			data.DecideBy = DefaultDecideBy(started).String()
		}
		data.StalledSince = or(oneLine(v.StalledSince), "the month growth stopped")
	case Explore:
		data.PickBy = v.PickBy.String()
		if v.PickBy.IsZero() {
			data.PickBy = DefaultPickBy(started, months).String()
		}
		data.Candidates = candidates(tgt.Role, v.Candidates)
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
	Frontmatter string
	Title       string
	Owner       string
	// Today is who the person is today, article included: "a High school
	// science teacher", "an Engineering Manager (level manager)".
	Today        string
	TargetRole   string
	TargetLevel  string
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
	SearchEnd    string // its last day (roadmap.PhaseSpan), the target date when it has no months
	DecideBy     string // stalled
	StalledSince string
	PickBy       string // explore
	Candidates   []string
	// Mgmt is set when the target is a management level: the gap and the
	// years speak of teams, not of one's own projects.
	Mgmt bool
	// Skills and Evidence are the career change's gap examples: the
	// target level's own when the ladder knows it.
	Skills, Evidence string
}

// phase is one stretch of bridge work, months counted from the start.
type phase struct {
	From, To       int
	End            string
	Hint, Artifact string
}

// todaySentence is the sentence's "a Senior Software Engineer (level senior)": the
// role with its article, and the level unless the role has none.
func todaySentence(cur Role, h hints) string {
	role := WithArticle(cur.Role)
	if cur.Role == "" {
		role = placeholder("your current title, with its article, e.g. a " + h.currentRole)
	}
	switch {
	case cur.NoLevel && cur.Level == "":
		return role
	case cur.Level == "":
		return role + " (level " + placeholder("your current level") + ")"
	}
	return role + " (level " + cur.Level + ")"
}

// candidates are an exploration's candidate roles: those given, with the
// target (the front-runner) first when it is not among them, then
// placeholders up to three.
func candidates(target string, given []string) []string {
	var out []string
	if target != "" {
		out = append(out, target)
	}
	for _, c := range given {
		c = oneLine(c)
		if c == "" {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || strings.EqualFold(o, c)
		}
		if !dup {
			out = append(out, c)
		}
	}
	examples := []string{"Engineering Manager", "Staff Software Engineer", "Product Manager"}
	for i := len(out); i < 3; i++ {
		out = append(out, placeholder(fmt.Sprintf("candidate role %d, e.g. %s", i+1, examples[i])))
	}
	return out
}

// checkKindValues refuses what a kind's section could not hold.
func (v Values) checkKindValues(kind string, months int, started civil.Date) error {
	if v.BridgeMonths != 0 && kind != CareerChange || !v.DecideBy.IsZero() && kind != Stalled ||
		v.StalledSince != "" && kind != Stalled || (len(v.Candidates) > 0 || !v.PickBy.IsZero()) && kind != Explore {
		return fmt.Errorf("a %s roadmap has no such section: bridge months are a career change's, the decision date and stall a stalled roadmap's, candidates and the pick date an exploration's", kind)
	}
	if b := v.BridgeMonths; b != 0 {
		if b < MinBridgeMonths || b > MaxBridgeMonths {
			return fmt.Errorf("%d months of bridge work: plan %d to %d", b, MinBridgeMonths, MaxBridgeMonths)
		}
		if b >= months {
			return fmt.Errorf("%d months of bridge work leave no time for the job search in a %d-month horizon: plan fewer months, or a longer horizon", b, months)
		}
	}
	end := started.AddMonths(months)
	for _, d := range []struct {
		what string
		date civil.Date
	}{{"decision date", v.DecideBy}, {"date to pick", v.PickBy}} {
		if !d.date.IsZero() && (d.date.Before(started) || d.date.After(end)) {
			return fmt.Errorf("the %s %s is outside the plan (%s to %s)", d.what, d.date, started, end)
		}
	}
	if n := len(candidates(v.Target.Role, v.Candidates)); n > MaxCandidates {
		return fmt.Errorf("%d candidate roles (the target counts as one): compare at most %d", n, MaxCandidates)
	}
	return nil
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
