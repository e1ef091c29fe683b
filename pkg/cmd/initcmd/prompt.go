package initcmd

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/ladder"
	"github.com/roadmapcli/roadmap/pkg/safetext"
	"github.com/roadmapcli/roadmap/pkg/scaffold"
	"github.com/roadmapcli/roadmap/pkg/suggest"
)

// wording is how a kind asks about the two roles: a promotion climbs its
// own track, a career change leaves one field for another, a stall is
// about the role one is stuck in, an exploration about a front-runner.
type wording struct {
	currentTrack, currentLevel, currentRole string
	targetTrack, targetLevel, targetRole    string
	industry                                string
}

var wordings = map[string]wording{
	scaffold.Promotion: {
		currentTrack: "Your track", currentLevel: "Your level on %s", currentRole: "Your title today",
		targetTrack: "The track of the level you aim for", targetLevel: "The level you aim for on %s", targetRole: "Its title",
		industry: "Industry of the target role",
	},
	scaffold.CareerChange: {
		currentTrack: "The track you are leaving: a number, an id, or a word of your own (e.g. teacher)",
		currentLevel: "Your level on %s", currentRole: "Your role today",
		targetTrack: "The track you are moving into", targetLevel: "The level to enter %s at", targetRole: "The title of that first role",
		industry: "Industry you are moving into",
	},
	scaffold.Stalled: {
		currentTrack: "The track you are stuck on", currentLevel: "Your level on %s, where growth stopped", currentRole: "Your title today",
		targetTrack: "The track of your next move", targetLevel: "The level of your next move on %s", targetRole: "Its title",
		industry: "Industry of the next role",
	},
	scaffold.Explore: {
		currentTrack: "Your track today", currentLevel: "Your level on %s", currentRole: "Your title today",
		targetTrack: "The track of the role you lean toward for now (the front-runner)", targetLevel: "Its level on %s", targetRole: "Its title",
		industry: "Industry of the front-runner",
	},
}

// asker asks init's questions: one Prompter, the ladders in effect, and
// whether the list of ladders has been shown yet.
type asker struct {
	p      *cmdutil.Prompter
	set    *ladder.Set
	listed bool
	// levelsShown are the tracks whose levels have been listed.
	levelsShown map[string]bool
}

// prompt asks for every field the flags left empty, in the kind's words:
// the tracks and levels from the ladders (numbered, stored by id), the
// titles (the level's own title by default), the target's industry and
// companies, what the kind decides, and the three actions.
func prompt(opts *Options, set *ladder.Set) error {
	if set == nil {
		set = &ladder.Set{} // the built-in ladders failed to load: ask in words
	}
	a := &asker{p: cmdutil.NewPrompter(opts.IO.In, opts.IO.ErrOut), set: set}
	p := a.p
	p.Printf("Answer each question, or press Enter to leave a [TODO: ...] placeholder.\n")
	// The kind decides the template and the words of every question after
	// it: asked first, unless --kind said it.
	if !opts.kindGiven {
		if err := a.kind(&opts.Kind); err != nil {
			return err
		}
	}
	w := wordings[opts.Kind]
	ex := scaffold.ExamplesFor(opts.Kind)
	if err := a.text(&opts.Owner, "Your name", "", ""); err != nil {
		return err
	}

	// Where the person stands. A career change leaves its track, so the
	// target's --ladder says nothing about it.
	current := opts.CurrentLadder
	if current == "" && opts.Kind != scaffold.CareerChange {
		current = opts.Ladder
	}
	var curTrack *ladder.Track
	if current == "" {
		id, t, err := a.track(w.currentTrack, ex.CurrentLadder, "")
		if err != nil {
			return err
		}
		current, curTrack = id, t
		opts.CurrentLadder = id
	} else {
		curTrack, _ = set.Track(current)
	}
	var curLevel *ladder.Level
	if opts.CurrentLevel == "" {
		switch {
		case curTrack != nil:
			l, err := a.level(fmt.Sprintf(w.currentLevel, curTrack.ID), curTrack, nil)
			if err != nil {
				return err
			}
			if l != nil {
				opts.CurrentLevel, curLevel = l.ID, l
			}
		case current != "":
			// A track of the person's own: its level in their words, if
			// it has one.
			if err := a.text(&opts.CurrentLevel, "Your level there, in your own words (Enter for none)", "", ""); err != nil {
				return err
			}
			opts.currentNoLevel = opts.CurrentLevel == ""
		}
	} else if curTrack != nil {
		curLevel, _ = curTrack.Level(opts.CurrentLevel)
	}
	if err := a.text(&opts.CurrentRole, w.currentRole, titleOf(curLevel), ex.CurrentRole); err != nil {
		return err
	}

	// Where the person is going.
	var tgtTrack *ladder.Track
	if opts.Ladder == "" {
		def := ""
		if opts.Kind == scaffold.Promotion || opts.Kind == scaffold.Stalled {
			def = current
		}
		id, t, err := a.track(w.targetTrack, ex.TargetLadder, def)
		if err != nil {
			return err
		}
		opts.Ladder, tgtTrack = id, t
	} else {
		tgtTrack, _ = set.Track(opts.Ladder)
	}
	var tgtLevel *ladder.Level
	if opts.TargetLevel == "" && tgtTrack != nil {
		var def *ladder.Level
		if tgtTrack == curTrack && (opts.Kind == scaffold.Promotion || opts.Kind == scaffold.Stalled) {
			def = nextLevel(curTrack, curLevel)
		}
		l, err := a.level(fmt.Sprintf(w.targetLevel, tgtTrack.ID), tgtTrack, def)
		if err != nil {
			return err
		}
		if l != nil {
			opts.TargetLevel, tgtLevel = l.ID, l
		}
	} else if opts.TargetLevel == "" {
		if err := a.text(&opts.TargetLevel, "The target level id", "", ex.TargetLevel); err != nil {
			return err
		}
	} else if tgtTrack != nil {
		tgtLevel, _ = tgtTrack.Level(opts.TargetLevel)
	}
	if err := a.text(&opts.TargetRole, w.targetRole, titleOf(tgtLevel), ex.TargetRole); err != nil {
		return err
	}
	if err := a.text(&opts.Industry, w.industry, "", ex.Industry); err != nil {
		return err
	}
	if len(opts.Companies) == 0 {
		for {
			answer, err := p.Ask(fmt.Sprintf("2-3 example companies, comma-separated (e.g. %s, %s)", ex.Companies[0], ex.Companies[1]))
			if err != nil {
				return err
			}
			companies := splitList(answer)
			if len(companies) <= 3 {
				opts.Companies = companies
				break
			}
			p.Printf("  %d companies given: name at most 3.\n", len(companies))
			if p.Ended() {
				break
			}
		}
	}

	if err := a.kindQuestions(opts); err != nil {
		return err
	}

	// The actions' examples speak of the target now chosen: a manager's
	// next step, the field a career changer enters.
	ex = scaffold.ExamplesForLevel(opts.Kind, levelWords(a.set, opts.Ladder, opts.TargetLevel))
	slots := []string{"Action 1, %s", "Action 2, %s", "Action 3, %s"}
	for i := len(opts.Actions); i < len(slots); i++ {
		answer, err := p.Ask(fmt.Sprintf(slots[i], ex.Actions[i]))
		if err != nil {
			return err
		}
		opts.Actions = append(opts.Actions, answer)
	}
	if p.EndedBeforeAnswer() {
		return &cmdutil.InputError{Err: fmt.Errorf("%s: the input ended before the first answer, so nothing was written (answer the questions, or give the fields as flags: roadmap init --help)", safetext.Name(opts.File))}
	}
	return nil
}

// kindQuestions ask what the kind's own section decides.
func (a *asker) kindQuestions(opts *Options) error {
	today := opts.Today()
	started := today
	if opts.Started != "" {
		started, _ = civil.Parse(opts.Started) // checked by settings
	}
	months, _ := scaffold.ParseHorizon(scaffold.DefaultHorizon(opts.Kind))
	if opts.Horizon != "" {
		months, _ = scaffold.ParseHorizon(opts.Horizon)
	}
	switch opts.Kind {
	case scaffold.CareerChange:
		if opts.BridgeMonths != 0 {
			return nil
		}
		def := scaffold.DefaultBridgeMonths(months)
		for {
			answer, err := a.p.Ask(fmt.Sprintf("Months of bridge work before the job search, %d to %d [%d]", scaffold.MinBridgeMonths, min(scaffold.MaxBridgeMonths, months-1), def))
			if err != nil {
				return err
			}
			n, err := strconv.Atoi(answer)
			switch {
			case answer == "":
				return nil
			case err == nil && n >= scaffold.MinBridgeMonths && n <= scaffold.MaxBridgeMonths && n < months:
				opts.BridgeMonths = n
				return nil
			}
			a.p.Printf("  %q: give a number of months from %d to %d, fewer than the plan's %d.\n", answer, scaffold.MinBridgeMonths, scaffold.MaxBridgeMonths, months)
			if a.p.Ended() {
				return nil
			}
		}
	case scaffold.Stalled:
		if err := a.text(&opts.StalledSince, "The month growth stopped", "", "September 2025"); err != nil {
			return err
		}
		if opts.DecideBy == "" {
			return a.date(&opts.DecideBy, "Decide to stay or switch by", scaffold.DefaultDecideBy(started), started, started.AddMonths(months))
		}
	case scaffold.Explore:
		if len(opts.Candidates) == 0 {
			others := scaffold.MaxCandidates
			if opts.TargetRole != "" {
				others--
			}
			for {
				answer, err := a.p.Ask(fmt.Sprintf("Other candidate roles to compare, comma-separated (up to %d, e.g. Staff Software Engineer, Product Manager)", others))
				if err != nil {
					return err
				}
				list := splitList(answer)
				if len(list) <= others {
					opts.Candidates = list
					break
				}
				a.p.Printf("  %d roles given: compare at most %d in all.\n", len(list), scaffold.MaxCandidates)
				if a.p.Ended() {
					break
				}
			}
		}
		if opts.PickBy == "" {
			return a.date(&opts.PickBy, "Pick the target by", scaffold.DefaultPickBy(started, months), started, started.AddMonths(months))
		}
	}
	return nil
}

// text asks a free-text question unless *v is set; Enter keeps def (a
// placeholder when def is empty, and then the question shows example).
func (a *asker) text(v *string, question, def, example string) error {
	if *v != "" {
		return nil
	}
	switch {
	case def != "":
		question += " [" + def + "]"
	case example != "":
		question += " (e.g. " + example + ")"
	}
	answer, err := a.p.Ask(question)
	if err != nil {
		return err
	}
	if answer == "" {
		answer = def
	}
	*v = answer
	return nil
}

// date asks for a date from lo to hi; Enter keeps def.
func (a *asker) date(v *string, question string, def, lo, hi civil.Date) error {
	for {
		answer, err := a.p.Ask(fmt.Sprintf("%s, YYYY-MM-DD [%s]", question, def))
		if err != nil {
			return err
		}
		if answer == "" {
			return nil
		}
		d, err := civil.Parse(answer)
		if err == nil && !d.Before(lo) && !d.After(hi) {
			*v = d.String()
			return nil
		}
		a.p.Printf("  %q: give a date from %s to %s, as YYYY-MM-DD.\n", answer, lo, hi)
		if a.p.Ended() {
			return nil
		}
	}
}

// track asks for a track: a number from the list of ladders (shown the
// first time), an id, or, for a track the ladders do not have, the
// person's own word for it. A near miss of a known id is asked again with
// the suggestion lint's RM022 gives. It returns the id and, when the
// ladders have it, the track.
func (a *asker) track(question, example, def string) (string, *ladder.Track, error) {
	tracks := a.set.Tracks()
	if !a.listed {
		a.listed = true
		a.p.Printf("The ladders (`roadmap ladder show ID` describes one):\n")
		for i, t := range tracks {
			a.p.Printf("  %2d. %-27s %s\n", i+1, t.ID, t.Title)
		}
	}
	q := question
	if !strings.Contains(question, ":") {
		q += ": a number or an id"
		if def == "" {
			q += " (e.g. " + example + ")"
		}
	}
	if def != "" {
		q += " [" + def + "]"
	}
	for {
		answer, err := a.p.Ask(q)
		if err != nil {
			return "", nil, err
		}
		if answer == "" {
			answer = def
		}
		if answer == "" {
			return "", nil, nil
		}
		if n, err := strconv.Atoi(answer); err == nil {
			if n >= 1 && n <= len(tracks) {
				return tracks[n-1].ID, tracks[n-1], nil
			}
			a.p.Printf("  %d is not in the list: answer 1 to %d, or an id.\n", n, len(tracks))
		} else if t, err := a.set.Track(answer); err == nil {
			return t.ID, t, nil
		} else if u := (*ladder.UnknownError)(nil); errors.As(err, &u) && u.Suggestion() != "" {
			a.p.Printf("  %q is not a ladder: did you mean %s? Answer a number or an id.\n", answer, u.Suggestion())
		} else {
			own := ownID(answer)
			a.p.Printf("  Kept %q as a track of your own: `roadmap gap` compares levels only on the ladders above.\n", own)
			return own, nil, nil
		}
		if a.p.Ended() {
			return "", nil, nil
		}
	}
}

// kind asks which kind of roadmap to write: a number from the list or a
// kind's name (a near miss is asked again with "did you mean"); Enter
// keeps *v, the default.
func (a *asker) kind(v *string) error {
	a.p.Printf("Kinds of roadmap:\n")
	def := 1
	for i, k := range kindSummaries {
		a.p.Printf("  %d. %-15s %s\n", i+1, k.kind, k.short)
		if k.kind == *v {
			def = i + 1
		}
	}
	for {
		answer, err := a.p.Ask(fmt.Sprintf("What kind of roadmap: a number or a name [%d]", def))
		if err != nil {
			return err
		}
		if answer == "" {
			*v = kindSummaries[def-1].kind
			return nil
		}
		if n, err := strconv.Atoi(answer); err == nil {
			if n >= 1 && n <= len(kindSummaries) {
				*v = kindSummaries[n-1].kind
				return nil
			}
			a.p.Printf("  %d is not in the list: answer 1 to %d, or a name.\n", n, len(kindSummaries))
		} else {
			for _, k := range kindSummaries {
				if strings.EqualFold(answer, k.kind) {
					*v = k.kind
					return nil
				}
			}
			if near := suggest.Nearest(answer, scaffold.Kinds); near != "" {
				a.p.Printf("  %q is not a kind of roadmap: did you mean %s? Answer a number or a name.\n", answer, near)
			} else {
				a.p.Printf("  %q is not a kind of roadmap: answer 1 to %d, or one of %s.\n", answer, len(kindSummaries), strings.Join(scaffold.Kinds, ", "))
			}
		}
		if a.p.Ended() {
			return nil
		}
	}
}

// level asks for a level of t: a number from its list, its id, an alias
// (L6, IC4) or its title; the id is what the file gets. Enter keeps def
// (nil: a placeholder).
func (a *asker) level(question string, t *ladder.Track, def *ladder.Level) (*ladder.Level, error) {
	if !a.levelsShown[t.ID] {
		if a.levelsShown == nil {
			a.levelsShown = map[string]bool{}
		}
		a.levelsShown[t.ID] = true
		a.p.Printf("The levels of %s:\n", t.ID)
		for i, l := range t.Levels {
			a.p.Printf("  %2d. %-15s %s\n", i+1, l.ID, l.Title)
		}
	}
	q := question + ": a number or an id"
	if def != nil {
		q += " [" + def.ID + "]"
	}
	for {
		answer, err := a.p.Ask(q)
		if err != nil {
			return nil, err
		}
		if answer == "" {
			return def, nil
		}
		if n, err := strconv.Atoi(answer); err == nil {
			if n >= 1 && n <= len(t.Levels) {
				return t.Levels[n-1], nil
			}
			a.p.Printf("  %d is not in the list: answer 1 to %d, or an id.\n", n, len(t.Levels))
		} else if l, err := t.Level(answer); err == nil {
			return l, nil
		} else if u := (*ladder.UnknownError)(nil); errors.As(err, &u) && u.Suggestion() != "" {
			a.p.Printf("  %q is not a level of %s: did you mean %s?\n", answer, t.ID, u.Suggestion())
		} else {
			a.p.Printf("  %q is not a level of %s: answer a number or an id from the list.\n", answer, t.ID)
		}
		if a.p.Ended() {
			return def, nil
		}
	}
}

// nextLevel is the level after l of the same kind on its track: the usual
// promotion (senior to staff, manager to senior manager).
func nextLevel(t *ladder.Track, l *ladder.Level) *ladder.Level {
	if t == nil || l == nil {
		return nil
	}
	for _, x := range t.Levels[t.Index(l)+1:] {
		if x.Kind == l.Kind {
			return x
		}
	}
	return nil
}

// titleOf is a level's title, the default for the role's title.
func titleOf(l *ladder.Level) string {
	if l == nil {
		return ""
	}
	return l.Title
}

// ownID writes a track of the person's own as an id: lower case, words
// joined by hyphens ("High school teacher" is high-school-teacher).
func ownID(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), "-")
}

func splitList(s string) []string {
	var out []string
	for _, c := range strings.Split(s, ",") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}
