package scaffold

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

var today = mustDate("2026-11-21")

func mustDate(s string) civil.Date {
	d, err := civil.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

// fileFM is the frontmatter as a reader of the file sees it.
type fileFM struct {
	Roadmap int    `yaml:"roadmap"`
	Title   string `yaml:"title"`
	Owner   string `yaml:"owner"`
	Kind    string `yaml:"kind"`
	Started string `yaml:"started"`
	Horizon string `yaml:"horizon"`
	Current struct {
		Role, Ladder, Level string
	} `yaml:"current"`
	Target struct {
		Role, Ladder, Level, Industry string
		Companies                     []string
		By                            string
	} `yaml:"target"`
	Cadence struct {
		Checkin, Review, Rewrite string
	} `yaml:"cadence"`
}

// split returns the frontmatter (decoded strictly) and the body.
func split(t *testing.T, out []byte) (fileFM, string) {
	t.Helper()
	s := string(out)
	if !strings.HasPrefix(s, "---\n") {
		t.Fatalf("no frontmatter opener:\n%s", s)
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		t.Fatalf("no frontmatter closer:\n%s", s)
	}
	var fm fileFM
	dec := yaml.NewDecoder(strings.NewReader(s[4 : 4+end+1]))
	dec.KnownFields(true)
	if err := dec.Decode(&fm); err != nil {
		t.Fatalf("frontmatter does not decode: %v\n%s", err, s[:4+end])
	}
	return fm, s[4+end+5:]
}

func fullValues(kind string) Values {
	return Values{
		Kind:    kind,
		Owner:   "Ana Souza",
		Today:   today,
		Current: Role{Role: "Senior Software Engineer", Ladder: "software-engineer", Level: "senior"},
		Target: Target{
			Role: "Staff Software Engineer", Ladder: "software-engineer", Level: "staff",
			Industry: "B2B SaaS", Companies: []string{"Datadog", "Atlassian", "Stripe"},
		},
		Actions: []string{
			"Scope the billing-migration proposal with Priya Nair",
			`Start the "Designing Data-Intensive Applications" reading group`,
			"Ask Marco Rossi (Staff Engineer, Ledger) for a 15-minute chat about staff scope",
		},
	}
}

var (
	actionLineRE = regexp.MustCompile(`(?m)^- \[ \] (.*)$`)
	gapRE        = regexp.MustCompile(`(?m)^- \*\*(Skills|Scope|Mentorship|Visibility):\*\* .+\n  Evidence: .+$`)
	headingRE    = regexp.MustCompile(`(?m)^## (.+)$`)
)

func TestRenderEveryKindWithAllValues(t *testing.T) {
	special := map[string]string{Promotion: "", CareerChange: "Bridge work", Stalled: "Decision", Explore: "Candidates"}
	horizon := map[string]string{Promotion: "2y", CareerChange: "12m", Stalled: "18m", Explore: "12m"}
	by := map[string]string{Promotion: "2028-11-21", CareerChange: "2027-11-21", Stalled: "2028-05-21", Explore: "2027-11-21"}
	for _, kind := range Kinds {
		t.Run(kind, func(t *testing.T) {
			out, err := Render(fullValues(kind))
			if err != nil {
				t.Fatal(err)
			}
			fm, body := split(t, out)
			if fm.Roadmap != 1 || fm.Kind != kind || fm.Owner != "Ana Souza" || fm.Started != "2026-11-21" ||
				fm.Horizon != horizon[kind] || fm.Target.By != by[kind] {
				t.Errorf("frontmatter = %+v", fm)
			}
			if fm.Current.Role != "Senior Software Engineer" || fm.Current.Ladder != "software-engineer" || fm.Current.Level != "senior" {
				t.Errorf("current = %+v", fm.Current)
			}
			if fm.Target.Role != "Staff Software Engineer" || fm.Target.Level != "staff" || fm.Target.Industry != "B2B SaaS" ||
				strings.Join(fm.Target.Companies, "|") != "Datadog|Atlassian|Stripe" {
				t.Errorf("target = %+v", fm.Target)
			}
			if fm.Cadence.Checkin != "monthly" || fm.Cadence.Review != "quarterly" || fm.Cadence.Rewrite != "yearly" {
				t.Errorf("cadence = %+v", fm.Cadence)
			}
			if strings.Contains(string(out[:bytes.Index(out[4:], []byte("\n---\n"))]), PlaceholderPrefix) {
				t.Errorf("placeholder left in a fully given frontmatter:\n%s", out)
			}

			acts := actionLineRE.FindAllStringSubmatch(body, -1)
			want := []string{
				"Scope the billing-migration proposal with Priya Nair (project) — due 2026-11-28",
				`Start the "Designing Data-Intensive Applications" reading group (course) — due 2026-12-05`,
				"Ask Marco Rossi (Staff Engineer, Ledger) for a 15-minute chat about staff scope (person) — due 2026-12-12",
			}
			if len(acts) != 3 {
				t.Fatalf("%d actions, want 3:\n%s", len(acts), body)
			}
			for i, a := range acts {
				if a[1] != want[i] {
					t.Errorf("action %d = %q, want %q", i+1, a[1], want[i])
				}
			}

			gaps := gapRE.FindAllStringSubmatch(body, -1)
			if len(gaps) != 4 {
				t.Errorf("%d gap items with Evidence, want 4:\n%s", len(gaps), body)
			}
			seen := map[string]bool{}
			for _, g := range gaps {
				seen[g[1]] = true
			}
			if len(seen) != 4 {
				t.Errorf("gap dimensions = %v, want all four", seen)
			}

			var heads []string
			for _, h := range headingRE.FindAllStringSubmatch(body, -1) {
				heads = append(heads, h[1])
			}
			wantHeads := []string{"Target", "Gap"}
			if special[kind] != "" {
				wantHeads = append(wantHeads, special[kind])
			}
			wantHeads = append(wantHeads, "Next 30 days", "Next quarter", "Years 2–3 (hypothesis)", "Assessment", "Review log")
			if strings.Join(heads, "|") != strings.Join(wantHeads, "|") {
				t.Errorf("sections = %q, want %q", heads, wantHeads)
			}
			if !strings.HasPrefix(body, "\n# Path to Staff Software Engineer\n") &&
				!strings.Contains(body, "\n# ") {
				t.Errorf("no H1 title:\n%s", body)
			}
			if strings.Contains(body, "\n### ") {
				t.Errorf("a fresh review log must be empty:\n%s", body)
			}
			if !strings.Contains(body, "Staff Software Engineer (level staff) in B2B SaaS, at a company such as Datadog, Atlassian or Stripe") {
				t.Errorf("target paragraph does not name the target:\n%s", body)
			}
			if bytes.Contains(out, []byte("\n\n\n")) || !bytes.HasSuffix(out, []byte(">\n")) {
				t.Errorf("blank lines are not tidy:\n%s", out)
			}
		})
	}
}

func TestRenderKindSections(t *testing.T) {
	tests := []struct {
		kind, horizon string
		want          []string
	}{
		{CareerChange, "", []string{
			"- Months 1–2 (to 2027-01-20): [TODO:", "- Months 3–5 (to 2027-04-20): [TODO:", "- Months 6–8 (to 2027-07-20): [TODO:",
			"  Artifact: [TODO:", "- Job search (months 9–12, to 2027-11-20): ", "8 months of bridge work"}},
		{CareerChange, "2y", []string{"- Months 1–4 (to 2027-03-20): ", "- Months 9–12 (to 2027-11-20): ",
			"- Job search (months 13–24, to 2028-11-20): ", "12 months of bridge work"}},
		{CareerChange, "36m", []string{"- Months 9–12 (to 2027-11-20): ", "- Job search (months 13–36, to 2029-11-20): "}},
		{Stalled, "", []string{"\n- Stay if [TODO:", "\n- Switch if [TODO:", "I decide by\n2027-01-21, after [TODO:"}},
		{Explore, "", []string{"- **Staff Software Engineer** (front-runner). Talk to: [TODO:", "I pick the target by 2027-05-21, after [TODO:"}},
		{Explore, "36m", []string{"I pick the target by 2027-05-21, "}},
	}
	for _, tt := range tests {
		t.Run(tt.kind+"/"+tt.horizon, func(t *testing.T) {
			v := fullValues(tt.kind)
			v.Horizon = tt.horizon
			out, err := Render(v)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("missing %q in:\n%s", w, out)
				}
			}
		})
	}
}

func TestRenderWithNothingGivenLeavesPlaceholders(t *testing.T) {
	for _, kind := range append([]string{""}, Kinds...) {
		t.Run(kind, func(t *testing.T) {
			out, err := Render(Values{Kind: kind, Today: today})
			if err != nil {
				t.Fatal(err)
			}
			fm, body := split(t, out)
			for name, v := range map[string]string{
				"title": fm.Title, "owner": fm.Owner, "current.role": fm.Current.Role, "current.ladder": fm.Current.Ladder,
				"current.level": fm.Current.Level, "target.role": fm.Target.Role, "target.ladder": fm.Target.Ladder,
				"target.level": fm.Target.Level, "target.industry": fm.Target.Industry,
			} {
				if !strings.HasPrefix(v, PlaceholderPrefix) || !strings.HasSuffix(v, "]") {
					t.Errorf("%s = %q, want a placeholder", name, v)
				}
			}
			if len(fm.Target.Companies) != 2 || !strings.HasPrefix(fm.Target.Companies[0], PlaceholderPrefix) {
				t.Errorf("companies = %q, want two placeholders", fm.Target.Companies)
			}
			if !regexp.MustCompile(`(?m)^  role: "\[TODO: `).Match(out) {
				t.Errorf("placeholders must be double-quoted in YAML:\n%s", out)
			}
			acts := actionLineRE.FindAllStringSubmatch(body, -1)
			if len(acts) != 3 {
				t.Fatalf("%d actions, want 3", len(acts))
			}
			for i, a := range acts {
				want := "(" + ActionKinds[i] + ") — due " + today.AddDays(7*(i+1)).String()
				if !strings.HasPrefix(a[1], PlaceholderPrefix) || !strings.HasSuffix(a[1], want) {
					t.Errorf("action %d = %q, want a placeholder ending %q", i+1, a[1], want)
				}
			}
			if n := CountPlaceholders(out); n < 20 {
				t.Errorf("%d placeholders, want every missing value marked", n)
			}
		})
	}
}

func TestFrontmatterQuotesAnyInput(t *testing.T) {
	tricky := []string{
		"Staff: Platform", "C# Lead # not a comment", `"Quoted" and 'single'`, "[brackets]", "{braces}",
		"- dash", "yes", "123", "2026-11-21", "null", "~", "&anchor", "*alias", "!tag", "%percent", "@at", "`tick`",
		"line\nbreak", "  padded  ", "tab\there", "back\\slash", "emoji 🚀", "ends with colon:", "|", ">",
	}
	for _, s := range tricky {
		t.Run(s, func(t *testing.T) {
			v := fullValues(Promotion)
			v.Title, v.Owner, v.Current.Role, v.Target.Role, v.Target.Industry = s, s, s, s, s
			v.Target.Companies = []string{s, "B, Inc.", s}
			out, err := Render(v)
			if err != nil {
				t.Fatal(err)
			}
			fm, _ := split(t, out)
			want := oneLine(s)
			for name, got := range map[string]string{"title": fm.Title, "owner": fm.Owner, "current.role": fm.Current.Role,
				"target.role": fm.Target.Role, "industry": fm.Target.Industry, "company": fm.Target.Companies[0]} {
				if got != want {
					t.Errorf("%s = %q, want %q\n%s", name, got, want, out)
				}
			}
			if fm.Target.Companies[1] != "B, Inc." || len(fm.Target.Companies) != 3 {
				t.Errorf("companies = %q", fm.Target.Companies)
			}
		})
	}
}

func TestFormatAction(t *testing.T) {
	due := mustDate("2026-11-28")
	tests := []struct{ text, kind, want string }{
		{"Scope the proposal", "project", "Scope the proposal (project) — due 2026-11-28"},
		{"  Scope\nthe   proposal ", "project", "Scope the proposal (project) — due 2026-11-28"},
		{"Read chapter 3 (course)", "project", "Read chapter 3 (course) — due 2026-11-28"},
		{"Ask Ana (Person) about scope", "course", "Ask Ana (Person) about scope — due 2026-11-28"},
		{"Read chapter 3 — due 2026-12-01", "course", "Read chapter 3 (course) — due 2026-12-01"},
		{"Read chapter 3 by 2026-12-01.", "course", "Read chapter 3 (course) by 2026-12-01."},
		{"Read chapter 3 - due 2026-12-01", "course", "Read chapter 3 (course) - due 2026-12-01"},
		{"By 2026-12-01 read chapter 3", "course", "By 2026-12-01 read chapter 3 (course)"},
		{"Ask Marco (person) — due 2026-12-02", "project", "Ask Marco (person) — due 2026-12-02"},
		{"Write the standby plan", "project", "Write the standby plan (project) — due 2026-11-28"},
		{"Read the due diligence memo", "course", "Read the due diligence memo (course) — due 2026-11-28"},
	}
	for _, tt := range tests {
		if got := FormatAction(tt.text, tt.kind, due); got != tt.want {
			t.Errorf("FormatAction(%q, %q) = %q, want %q", tt.text, tt.kind, got, tt.want)
		}
	}
}

func TestActionsKeepTheirOwnMarkersAndDates(t *testing.T) {
	v := fullValues(Promotion)
	v.Actions = []string{"Ask Priya Nair about the migration (person) by 2026-11-25", "", "# 1. Read\n chapter 3"}
	out, err := Render(v)
	if err != nil {
		t.Fatal(err)
	}
	acts := actionLineRE.FindAllStringSubmatch(string(out), -1)
	want := []string{
		"Ask Priya Nair about the migration (person) by 2026-11-25",
		"[TODO: a course to start, e.g. Start the \"Staff Engineer\" book club with two peers] (course) — due 2026-12-05",
		`\# 1. Read chapter 3 (person) — due 2026-12-12`,
	}
	for i := range want {
		if acts[i][1] != want[i] {
			t.Errorf("action %d = %q, want %q", i+1, acts[i][1], want[i])
		}
	}
}

func TestParseHorizon(t *testing.T) {
	tests := []struct {
		in     string
		months int
		ok     bool
	}{
		{"1y", 12, true}, {"2y", 24, true}, {"3y", 36, true}, {"12m", 12, true}, {"18m", 18, true}, {"36m", 36, true},
		{"2Y", 24, true}, {" 18m ", 18, true},
		{"11m", 0, false}, {"37m", 0, false}, {"4y", 0, false}, {"0y", 0, false}, {"2", 0, false}, {"y", 0, false},
		{"2 years", 0, false}, {"-2y", 0, false}, {"", 0, false}, {"1.5y", 0, false},
	}
	for _, tt := range tests {
		n, err := ParseHorizon(tt.in)
		if (err == nil) != tt.ok || n != tt.months {
			t.Errorf("ParseHorizon(%q) = %d, %v; want %d, ok=%v", tt.in, n, err, tt.months, tt.ok)
		}
	}
}

func TestDefaultHorizon(t *testing.T) {
	want := map[string]string{Promotion: "2y", CareerChange: "12m", Stalled: "18m", Explore: "12m"}
	for k, h := range want {
		if got := DefaultHorizon(k); got != h {
			t.Errorf("DefaultHorizon(%q) = %q, want %q", k, got, h)
		}
	}
}

func TestRenderOptions(t *testing.T) {
	v := fullValues(Stalled)
	v.Title = "Out of the stall"
	v.Horizon = "30m"
	v.Started = mustDate("2026-11-01")
	v.Target.By = mustDate("2028-01-31")
	v.Target.Companies = []string{"Wise"}
	out, err := Render(v)
	if err != nil {
		t.Fatal(err)
	}
	fm, body := split(t, out)
	if fm.Title != "Out of the stall" || fm.Horizon != "30m" || fm.Started != "2026-11-01" || fm.Target.By != "2028-01-31" {
		t.Errorf("frontmatter = %+v", fm)
	}
	if len(fm.Target.Companies) != 2 || fm.Target.Companies[0] != "Wise" || !strings.HasPrefix(fm.Target.Companies[1], PlaceholderPrefix) {
		t.Errorf("one company is padded with a placeholder: %q", fm.Target.Companies)
	}
	if !strings.Contains(body, "\n# Out of the stall\n") || !strings.Contains(body, "I decide by\n2027-01-01, ") {
		t.Errorf("body:\n%s", body)
	}
}

func TestRenderDerivedTitles(t *testing.T) {
	want := map[string]string{
		Promotion:    "Path to Staff Software Engineer",
		CareerChange: "Career change to Staff Software Engineer",
		Stalled:      "Moving again: toward Staff Software Engineer",
		Explore:      "Exploring toward Staff Software Engineer",
	}
	for kind, title := range want {
		out, err := Render(fullValues(kind))
		if err != nil {
			t.Fatal(err)
		}
		fm, body := split(t, out)
		if fm.Title != title || !strings.Contains(body, "\n# "+title+"\n") {
			t.Errorf("%s: title %q, want %q", kind, fm.Title, title)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Values)
		want string
	}{
		{"kind", func(v *Values) { v.Kind = "sabbatical" }, `unknown kind "sabbatical"`},
		{"today", func(v *Values) { v.Today = civil.Date{} }, "no date for today"},
		{"horizon", func(v *Values) { v.Horizon = "5y" }, "outside 1 to 3 years"},
		{"companies", func(v *Values) { v.Target.Companies = []string{"A", "B", "C", "D"} }, "4 example companies"},
		{"actions", func(v *Values) { v.Actions = append(v.Actions, "one more") }, "4 actions"},
	}
	for _, tt := range tests {
		v := fullValues(Promotion)
		tt.edit(&v)
		_, err := Render(v)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.want)
		}
	}
}

// The templates must not trip the linter they scaffold for: no vague or
// hedging phrase anywhere, guidance comments included.
func TestTemplatesAvoidVagueAndHedgingWords(t *testing.T) {
	bad := regexp.MustCompile(`(?i)\b(maybe|somehow|hopefully|various|something more strategic|a leadership role|next level|get promoted|learn more|network more|get better at|improve|work on|look into|try to|be more)\b`)
	for _, kind := range Kinds {
		for _, v := range []Values{fullValues(kind), {Kind: kind, Today: today}} {
			out, err := Render(v)
			if err != nil {
				t.Fatal(err)
			}
			if m := bad.FindAll(out, -1); m != nil {
				t.Errorf("%s: vague phrases %q", kind, m)
			}
		}
	}
}

func TestEscapes(t *testing.T) {
	for in, want := range map[string]string{
		"Read it": "Read it", "# Read": `\# Read`, "> Quote": `\> Quote`, "- Dash": `\- Dash`, "1. One": `1\. One`,
		"2) Two": `2\) Two`, "2026 plan": "2026 plan", "": "",
	} {
		if got := escapeLineStart(in); got != want {
			t.Errorf("escapeLineStart(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"C#": "C#", "Lead #": `Lead \#`, "Lead ##": `Lead \##`, "#": `\#`, "A # B": "A # B"} {
		if got := escapeHeading(in); got != want {
			t.Errorf("escapeHeading(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzRender(f *testing.F) {
	f.Add("Staff: Engineer", "C# # x", `"q" 'q'`, "Do it — due 2026-12-01")
	f.Add("[TODO: x]", "- a", "{b}", "# heading")
	f.Fuzz(func(t *testing.T, role, industry, company, action string) {
		v := fullValues(Explore)
		v.Target.Role, v.Target.Industry, v.Target.Companies = role, industry, []string{company, "B"}
		v.Actions = []string{action}
		out, err := Render(v)
		if err != nil {
			t.Fatal(err)
		}
		fm, body := split(t, out)
		wantRole, wantIndustry := oneLine(role), oneLine(industry)
		if wantRole == "" {
			wantRole = fm.Target.Role // a placeholder
		}
		if wantIndustry == "" {
			wantIndustry = fm.Target.Industry
		}
		if fm.Target.Role != wantRole || fm.Target.Industry != wantIndustry ||
			(oneLine(role) == "" && !strings.HasPrefix(fm.Target.Role, PlaceholderPrefix)) {
			t.Errorf("round trip: %+v", fm.Target)
		}
		if n := len(actionLineRE.FindAllString(body, -1)); n != 3 {
			t.Errorf("%d action lines", n)
		}
	})
}

func TestWithArticle(t *testing.T) {
	for in, want := range map[string]string{
		"High school science teacher": "a High school science teacher",
		"Engineering Manager":         "an Engineering Manager",
		"UX Researcher":               "a UX Researcher",
		"SRE":                         "an SRE",
		"ML engineer":                 "an ML engineer",
		"IT administrator":            "an IT administrator",
		"hourly tutor":                "an hourly tutor",
		"University lecturer":         "a University lecturer",
		"European sales lead":         "a European sales lead",
		"Senior Software Engineer":    "a Senior Software Engineer",
		"8-person team's lead":        "an 8-person team's lead",
		"the only designer":           "the only designer",
		"an Analyst":                  "an Analyst",
		"  Nurse ":                    "a Nurse",
		"":                            "",
	} {
		if got := WithArticle(in); got != want {
			t.Errorf("WithArticle(%q) = %q, want %q", in, got, want)
		}
	}
}

// "Today I am …" reads as a sentence: an article, and the level only for a
// role that has one.
func TestRenderTodaySentence(t *testing.T) {
	tests := []struct {
		cur  Role
		want string
		fm   string
	}{
		{Role{Role: "High school science teacher", Ladder: "teacher", NoLevel: true},
			"Today I am a High school science teacher.\n", "current:\n  role: High school science teacher\n  ladder: teacher\ntarget:"},
		{Role{Role: "Engineering Manager", Ladder: "engineering-manager", Level: "manager"},
			"Today I am an Engineering Manager (level manager).\n", "  level: manager\n"},
		{Role{Role: "Teacher", Ladder: "teacher", Level: "head-of-department", NoLevel: true},
			"Today I am a Teacher (level head-of-department).\n", "  level: head-of-department\n"},
		{Role{}, "Today I am [TODO: your current title, with its article, e.g. a Software Engineer] (level [TODO: your current level]).\n", `  level: "[TODO: level id`},
	}
	for _, tt := range tests {
		v := fullValues(CareerChange)
		v.Current = tt.cur
		out, err := Render(v)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), tt.want) || !strings.Contains(string(out), tt.fm) {
			t.Errorf("%+v: want %q and %q in:\n%s", tt.cur, tt.want, tt.fm, out)
		}
	}
}

func TestRenderKindValues(t *testing.T) {
	tests := []struct {
		kind string
		set  func(*Values)
		want []string
	}{
		{CareerChange, func(v *Values) { v.BridgeMonths = 9 }, []string{
			"- Months 1–3 (to 2027-02-20): ", "- Months 4–6 (to 2027-05-20): ", "- Months 7–9 (to 2027-08-20): ",
			"- Job search (months 10–12, to 2027-11-20): ", "9 months of bridge work"}},
		{Stalled, func(v *Values) { v.DecideBy = mustDate("2027-01-31"); v.StalledSince = "September 2025" }, []string{
			"I decide by\n2027-01-31, after [TODO:", "(level senior), and have been since September 2025.\n"}},
		{Stalled, func(v *Values) {}, []string{"and have been since [TODO: the month growth stopped].\n"}},
		{Explore, func(v *Values) {
			v.PickBy = mustDate("2027-03-31")
			v.Candidates = []string{"Engineering Manager", "staff software engineer", "Product Manager"}
		}, []string{
			"- **Staff Software Engineer** (front-runner). Talk to: [TODO:",
			"- **Engineering Manager**. Talk to: [TODO:",
			"- **Product Manager**. Talk to: [TODO:",
			"I pick the target by 2027-03-31, after [TODO:"}},
		{Explore, func(v *Values) { v.Target.Role = "" }, []string{
			"- **[TODO: candidate role 1, e.g. Engineering Manager]** (front-runner). Talk to:",
			"- **[TODO: candidate role 3, e.g. Product Manager]**. Talk to:"}},
	}
	for _, tt := range tests {
		v := fullValues(tt.kind)
		tt.set(&v)
		out, err := Render(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(string(out), w) {
				t.Errorf("%s: missing %q in:\n%s", tt.kind, w, out)
			}
		}
		if tt.kind == Explore && strings.Count(string(out), "staff software engineer") != 0 {
			t.Errorf("the target was listed twice")
		}
	}
	for _, tt := range []struct {
		kind string
		set  func(*Values)
		want string
	}{
		{Promotion, func(v *Values) { v.PickBy = mustDate("2027-01-01") }, "a promotion roadmap has no such section"},
		{CareerChange, func(v *Values) { v.BridgeMonths = 5 }, "5 months of bridge work: plan 6 to 12"},
		{CareerChange, func(v *Values) { v.BridgeMonths = 12 }, "leave no time for the job search in a 12-month horizon"},
		{Stalled, func(v *Values) { v.DecideBy = mustDate("2026-11-01") }, "the decision date 2026-11-01 is outside the plan (2026-11-21 to 2028-05-21)"},
		{Explore, func(v *Values) { v.Candidates = []string{"A", "B", "C", "D", "E"} }, "6 candidate roles (the target counts as one): compare at most 5"},
	} {
		v := fullValues(tt.kind)
		tt.set(&v)
		if _, err := Render(v); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want %q", tt.kind, err, tt.want)
		}
	}
}

// The guidance comments every template writes fit 80 columns, as a
// terminal or an editor's default shows them (one line ran to 141).
func TestCommentsFitEightyColumns(t *testing.T) {
	for _, kind := range Kinds {
		for _, v := range []Values{{Kind: kind, Today: today}, fullValues(kind)} {
			out, err := Render(v)
			if err != nil {
				t.Fatal(err)
			}
			in := false
			for i, l := range strings.Split(string(out), "\n") {
				if strings.Contains(l, "<!--") {
					in = true
				}
				if in && utf8.RuneCountInString(l) > 80 {
					t.Errorf("%s, line %d: a comment line of %d characters:\n%s", kind, i+1, utf8.RuneCountInString(l), l)
				}
				if strings.Contains(l, "-->") {
					in = false
				}
			}
		}
	}
}

// TestExamplesInTheTargetLevelsWords: a management target gets a
// manager's examples (not "lead the billing migration", "a move to the
// management track"); a career change gets the level's own skills,
// milestone and title (not a product manager's, whatever the target).
func TestExamplesInTheTargetLevelsWords(t *testing.T) {
	today, _ := civil.Parse("2026-12-02")
	render := func(v Values) string {
		t.Helper()
		v.Today = today
		out, err := Render(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	em := render(Values{Kind: Promotion,
		CurrentLevel: &LevelWords{Management: true, Title: "Senior Engineering Manager"},
		TargetLevel:  &LevelWords{Management: true, Title: "Director of Engineering"}})
	for _, bad := range []string{"billing migration", "mentor two engineers", "a move to the management track", "Staff Engineer", "Senior Software Engineer"} {
		if strings.Contains(em, bad) {
			t.Errorf("a manager's roadmap says %q:\n%s", bad, em)
		}
	}
	for _, want := range []string{"second team", "coach two team leads", "a wider remit on the management track", "Ask Priya Nair (Director of Engineering, Payments)", "e.g. Senior Engineering Manager"} {
		if !strings.Contains(em, want) {
			t.Errorf("a manager's roadmap lacks %q:\n%s", want, em)
		}
	}
	ic := render(Values{Kind: Promotion, TargetLevel: &LevelWords{Title: "Staff Software Engineer"}})
	if !strings.Contains(ic, "lead the billing migration") || strings.Contains(ic, "second team") {
		t.Errorf("an IC promotion lost its examples:\n%s", ic)
	}

	ds := render(Values{Kind: CareerChange, TargetLevel: &LevelWords{Track: "data-scientist", Title: "Data Scientist I",
		Skills: []string{"Writes SQL and Python or R to clean and analyse data"}, Milestones: []string{"An analysis that informed a product decision"}}})
	for _, bad := range []string{"Product Manager", "discovery interviews", "product brief"} {
		if strings.Contains(ds, bad) {
			t.Errorf("a move into data science says %q:\n%s", bad, ds)
		}
	}
	for _, want := range []string{"e.g. Career change to Data Scientist I", "e.g. writes SQL and Python or R", "e.g. an analysis that informed a product decision"} {
		if !strings.Contains(ds, want) {
			t.Errorf("a move into data science lacks %q:\n%s", want, ds)
		}
	}
}
