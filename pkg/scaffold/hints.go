package scaffold

import (
	"fmt"
	"strings"
	"unicode"
)

// hints are the examples a kind's placeholders offer: short, concrete,
// and in the spirit of that kind of move.
type hints struct {
	titleFormat                              string // %s is the target role
	currentRole, currentLadder, currentLevel string
	targetRole, targetLadder, targetLevel    string
	industry                                 string
	companies                                [2]string
	actions                                  [3]string // project, course, person
	// skills and evidence are the career change's Skills example and
	// its Evidence example.
	skills, evidence string
}

var kindHints = map[string]hints{
	Promotion: {
		titleFormat:   "Path to %s",
		currentRole:   "Senior Software Engineer",
		currentLadder: "software-engineer",
		currentLevel:  "senior",
		targetRole:    "Staff Software Engineer",
		targetLadder:  "software-engineer",
		targetLevel:   "staff",
		industry:      "B2B SaaS",
		companies:     [2]string{"an example company, e.g. Datadog", "a second example company, e.g. Atlassian"},
		actions: [3]string{
			"a project to scope, e.g. Draft the one-page proposal for the cross-team billing migration and review it with my manager",
			"a course to start, e.g. Start the \"Staff Engineer\" book club with two peers",
			"a person to ask for 15 minutes, e.g. Ask Marco Rossi (Staff Engineer, Ledger) how he scoped his first cross-team project",
		},
	},
	CareerChange: {
		titleFormat:   "Career change to %s",
		currentRole:   "Software Engineer",
		currentLadder: "software-engineer",
		currentLevel:  "mid",
		targetRole:    "Product Manager",
		targetLadder:  "product-manager",
		targetLevel:   "pm",
		industry:      "developer tools",
		companies:     [2]string{"an example company, e.g. GitLab", "a second example company, e.g. JetBrains"},
		actions: [3]string{
			"a project to scope, e.g. Write a one-page product brief for the internal deploy dashboard",
			"a course to start, e.g. Enroll in the \"Product Management Fundamentals\" course and finish module 1",
			"a person to ask for 15 minutes, e.g. Ask Lena Park (Product Manager, Platform) what her first year as a PM looked like",
		},
		skills:   "discovery interviews, roadmapping",
		evidence: "a product brief shipped with a real team",
	},
	Stalled: {
		titleFormat:   "Moving again: toward %s",
		currentRole:   "Senior Product Designer",
		currentLadder: "product-designer",
		currentLevel:  "senior",
		targetRole:    "Staff Product Designer",
		targetLadder:  "product-designer",
		targetLevel:   "staff",
		industry:      "fintech",
		companies:     [2]string{"an example company, e.g. Wise", "a second example company, e.g. Monzo"},
		actions: [3]string{
			"a project to scope, e.g. List the three projects of the last 12 months and what each proved, then scope one that shows staff-level scope",
			"a course to start, e.g. Start the \"Design Systems at Scale\" course",
			"a person to ask for 15 minutes, e.g. Ask my manager, Dana Li, what is missing for the next promotion cycle",
		},
	},
	Explore: {
		titleFormat:   "Exploring toward %s",
		currentRole:   "Senior Software Engineer",
		currentLadder: "software-engineer",
		currentLevel:  "senior",
		targetRole:    "Engineering Manager",
		targetLadder:  "engineering-manager",
		targetLevel:   "manager",
		industry:      "health tech",
		companies:     [2]string{"an example company, e.g. Doctolib", "a second example company, e.g. Oura"},
		actions: [3]string{
			"a project to scope, e.g. Write a one-page comparison of the three candidate roles: scope, day-to-day work, pay",
			"a course to start, e.g. Start \"The Manager's Path\" and take notes on chapters 1-3",
			"a person to ask for 15 minutes, e.g. Ask Sam Okafor (Engineering Manager, Payments) what a normal week looks like",
		},
	},
}

// mgmtActions are a promotion's or a stall's examples when the target is
// a management level: the next step for a manager is more teams and more
// managers, not a bigger project of one's own.
var mgmtActions = [3]string{
	"a project to scope, e.g. Draft the one-page plan for taking on the Platform team's hiring and delivery, and review it with my manager",
	"a course to start, e.g. Read chapters 1-2 of \"An Elegant Puzzle\" by Will Larson and write one page on how we size our teams",
	"a person to ask for 15 minutes, e.g. Ask Priya Nair (%s, Payments) how she handed her first team to a new manager",
}

// hintsFor are a kind's hints in the target level's words when the
// ladders know it: a management target gets a manager's examples, and a
// career change the skills, milestones and title of the level it enters
// (not a product manager's, whatever the target).
func hintsFor(kind string, l *LevelWords) hints { return hintsForLevels(kind, nil, l) }

// hintsForLevels is hintsFor with the current level's words too: the
// current title's example is that level's title.
func hintsForLevels(kind string, cur, l *LevelWords) hints {
	h, ok := kindHints[kind]
	if !ok {
		h = kindHints[Promotion]
	}
	if cur != nil && cur.Title != "" {
		h.currentRole = cur.Title
	}
	if l == nil || l.Title == "" {
		return h
	}
	switch {
	case kind == CareerChange:
		h.targetRole = l.Title
		h.actions = [3]string{
			"a project to scope, e.g. Scope a bridge project with a real team that ends in " + sentenceCase(firstOr(l.Milestones, "a first piece of work in the new field")),
			"a course to start, e.g. Enroll in an introductory course for the skills a " + l.Title + " uses and finish module 1",
			"a person to ask for 15 minutes, e.g. Ask Lena Park (" + l.Title + ", a team near yours) what her first year in the role looked like",
		}
		if len(l.Skills) > 0 {
			h.skills = sentenceCase(l.Skills[0])
		}
		if len(l.Milestones) > 0 {
			h.evidence = sentenceCase(l.Milestones[0])
		}
	case l.Management && (kind == Promotion || kind == Stalled):
		h.targetRole = l.Title
		h.actions = mgmtActions
		h.actions[2] = fmt.Sprintf(mgmtActions[2], l.Title)
	}
	return h
}

func firstOr(list []string, def string) string {
	if len(list) == 0 {
		return def
	}
	return list[0]
}

// sentenceCase lowers a sentence's first letter for use inside another
// ("Writes SQL …": "writes SQL …"), unless it starts an acronym.
func sentenceCase(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return strings.TrimRight(string(r), ".")
}

// Examples are what a kind's questions offer as examples, so the prompts
// of `init` speak of the same move as the template they fill.
type Examples struct {
	CurrentRole, CurrentLadder, CurrentLevel string
	TargetRole, TargetLadder, TargetLevel    string
	Industry                                 string
	// Companies are two example company names.
	Companies [2]string
	// Actions are the project, course and person of the 30 days, each
	// "a project to scope, e.g. …".
	Actions [3]string
}

// ExamplesFor returns a kind's examples ("" is promotion).
func ExamplesFor(kind string) Examples { return ExamplesForLevel(kind, nil) }

// ExamplesForLevel are a kind's examples in the target level's words
// (see Values.TargetLevel); nil is ExamplesFor.
func ExamplesForLevel(kind string, l *LevelWords) Examples {
	h := hintsFor(kind, l)
	e := Examples{
		CurrentRole: h.currentRole, CurrentLadder: h.currentLadder, CurrentLevel: h.currentLevel,
		TargetRole: h.targetRole, TargetLadder: h.targetLadder, TargetLevel: h.targetLevel,
		Industry: h.industry, Actions: h.actions,
	}
	for i, c := range h.companies {
		_, name, _ := strings.Cut(c, "e.g. ")
		e.Companies[i] = name
	}
	return e
}
