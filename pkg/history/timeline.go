package history

import (
	"bytes"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/roadmapcli/roadmap/pkg/cadence"
	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/review"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
)

// Sources of a Timeline.
const (
	// SourceGit: every committed version of the file, and the file as it
	// is now.
	SourceGit = "git"
	// SourceLog: the file as it is now, read through its review log.
	SourceLog = "log"
)

// States of an action in a Timeline.
const (
	ActionOpen    = "open"
	ActionDone    = "done"
	ActionDropped = "dropped"
)

// Timeline is how a plan moved: what `roadmap history` shows, in the
// shape its JSON has (docs/history-json.md).
type Timeline struct {
	File  string     `json:"file"`
	Title string     `json:"title"`
	Owner string     `json:"owner"`
	Today civil.Date `json:"today"`
	// Source is SourceGit or SourceLog; Fallback says why git could not
	// answer when it is SourceLog.
	Source   string `json:"source"`
	Fallback string `json:"fallback,omitempty"`
	// Started is the plan's start date, "" when it has none.
	Started civil.Date `json:"started"`
	// Commits counts the versions read from git; Uncommitted is true when
	// the file differs from its last commit (it is then read as a last
	// version, dated today).
	Commits     int  `json:"commits"`
	Uncommitted bool `json:"uncommitted"`
	// Later counts the commits after today, left out: seen from that day
	// they have not happened yet.
	Later int `json:"later"`
	// FirstCommit and LastCommit are the days of the first and the last
	// of them ("" without any).
	FirstCommit civil.Date `json:"firstCommit"`
	LastCommit  civil.Date `json:"lastCommit"`
	// Months runs from the first month with anything in it to today's.
	Months   []Month         `json:"months"`
	Totals   Totals          `json:"totals"`
	Actions  []ActionHistory `json:"actions"`
	Checkins *Checkins       `json:"checkins"`
	// TargetChanges are read from git only: the file alone keeps only the
	// target it has now.
	TargetChanges []TargetChange `json:"targetChanges"`
	// Ratings are the Assessment section's dated entries, oldest first
	// (the shape of docs/assessment.md).
	Ratings []roadmap.Assessment `json:"ratings"`
	// Skipped are versions that could not be read.
	Skipped []Skipped `json:"skipped"`
}

// Month is one calendar month of a Timeline.
type Month struct {
	// Month is "YYYY-MM".
	Month   string `json:"month"`
	Commits int    `json:"commits"`
	Pinned  int    `json:"pinned"`
	Done    int    `json:"done"`
	Dropped int    `json:"dropped"`
	// Reviews counts the reviews held in the month; Due the check-ins that
	// fell due in it, and Missed those of them no review answered (the
	// overdue one included).
	Reviews       int `json:"reviews"`
	Due           int `json:"due"`
	Missed        int `json:"missed"`
	TargetChanges int `json:"targetChanges"`
	Assessments   int `json:"assessments"`
}

// Totals add up the months.
type Totals struct {
	Commits       int `json:"commits"`
	Pinned        int `json:"pinned"`
	Done          int `json:"done"`
	Dropped       int `json:"dropped"`
	Open          int `json:"open"`
	Reviews       int `json:"reviews"`
	Due           int `json:"due"`
	Missed        int `json:"missed"`
	TargetChanges int `json:"targetChanges"`
	Assessments   int `json:"assessments"`
}

// ActionHistory is one action from the day it was pinned in the Next 30
// days to the day it was ticked, or dropped: replaced or removed without
// ever being ticked.
type ActionHistory struct {
	Title string `json:"title"`
	Kind  string `json:"kind"`
	// Due is the last due date it had ("" when none).
	Due    civil.Date `json:"due"`
	State  string     `json:"state"`
	Pinned civil.Date `json:"pinned"`
	// Done and Dropped are the days it was ticked or dropped, "" otherwise.
	Done    civil.Date `json:"done"`
	Dropped civil.Date `json:"dropped"`
	// Commit is the short hash of the version that pinned it ("" from
	// the review log or the uncommitted file).
	Commit string `json:"commit"`
}

// Checkins are the reviews against the check-in cadence: every review
// counts as a check-in, as for the streak `export` shows.
type Checkins struct {
	Cadence string `json:"cadence"`
	// Due counts the check-ins that fell due up to today; of them Kept
	// were answered on time, Late after their date, Missed never, and
	// Overdue is true when the latest is waiting now.
	Due     int  `json:"due"`
	Kept    int  `json:"kept"`
	Late    int  `json:"late"`
	Missed  int  `json:"missed"`
	Overdue bool `json:"overdue"`
	// Reviews counts the reviews held; Streak the latest in a row that
	// each came within one period of the one before.
	Reviews int        `json:"reviews"`
	Streak  int        `json:"streak"`
	Next    civil.Date `json:"next"`
	List    []Checkin  `json:"list"`
}

// Checkin is one check-in the cadence asked for.
type Checkin struct {
	Due civil.Date `json:"due"`
	// State is kept, late, missed, overdue or next (the coming one).
	State string `json:"state"`
	// Review is the day of the review that answered it, "" when none did.
	Review civil.Date `json:"review"`
}

// TargetChange is one field of the target changed by a commit.
type TargetChange struct {
	Date   civil.Date `json:"date"`
	Commit string     `json:"commit"`
	// Field is "role", "level", "ladder" or "by".
	Field string `json:"field"`
	From  string `json:"from"`
	To    string `json:"to"`
}

// Skipped is a version of the file that could not be read.
type Skipped struct {
	Date   civil.Date `json:"date"`
	Commit string     `json:"commit"`
	Reason string     `json:"reason"`
}

// maxMonths bounds the month table (a start date in 1900 must not make a
// table of a thousand months).
const maxMonths = 600

// Build reads how the plan in doc (the file as it is now) moved up to
// today. p gives its committed versions, each parsed with the one parser
// (roadmap.Parse); nil p, or one that cannot answer for the file, leaves
// the review log alone to read, and Fallback says why.
func Build(p Provider, doc *roadmap.Document, today civil.Date) *Timeline {
	t := &Timeline{File: doc.Path, Title: doc.Frontmatter.Title, Owner: doc.Frontmatter.Owner, Today: today,
		Started: doc.Frontmatter.Started, Source: SourceGit}
	if t.Title == "" {
		t.Title = doc.Title
	}
	tr := newTracker(t)
	if p == nil {
		t.Source, t.Fallback = SourceLog, "no git history (the roadmap was read from standard input)"
	} else if err := tr.readVersions(p, doc); err != nil {
		var fb Fallbacks
		if fb.Add(err) {
			t.Fallback = fb.MessageWith("history comes from the review log")
		} else {
			t.Fallback = "git failed (" + err.Error() + "): history comes from the review log"
		}
		t.Source = SourceLog
		tr = newTracker(t)
	} else if t.Commits == 0 && t.Later > 0 {
		// Every commit is after today: the file as it is now is later
		// too, so only its review log up to today can tell.
		t.Fallback = fmt.Sprintf("no commit of %s by %s (its %s later): history comes from the review log",
			safetext.Name(t.File), t.Today, plural(t.Later, "commit is", "commits are"))
		t.Source = SourceLog
		later := t.Later
		tr = newTracker(t)
		t.Later = later
	}
	if t.Source == SourceLog {
		tr.readLog(doc)
	}
	tr.finish(doc)
	return t
}

// tracker follows the actions and the target from version to version.
type tracker struct {
	t       *Timeline
	actions []*ActionHistory
	// live are the actions in the latest version read, by position.
	live []*ActionHistory
	// target is the latest readable version's target, and whether there
	// is one yet.
	target  roadmap.Target
	haveTgt bool
	// logged is how many review entries the latest version read had.
	logged  int
	reviews []civil.Date // review commits
	commits []civil.Date
	last    []byte // the last committed content
}

func newTracker(t *Timeline) *tracker {
	t.Commits, t.Uncommitted, t.Later, t.Skipped, t.TargetChanges = 0, false, 0, nil, nil
	return &tracker{t: t}
}

// readVersions reads every committed version, then the file as it is now
// when it differs from the last one. The versions are parsed on every
// core while git still sends the later ones, and read in order.
func (tr *tracker) readVersions(p Provider, doc *roadmap.Document) error {
	type job struct {
		when    civil.Date
		commit  string
		content []byte
		skip    string
		doc     chan *roadmap.Document
	}
	workers := runtime.GOMAXPROCS(0)
	parse := make(chan *job, 2*workers)
	order := make(chan *job, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range parse {
				j.doc <- roadmap.Parse(doc.Path, j.content)
			}
		}()
	}
	read := make(chan struct{})
	go func() {
		defer close(read)
		for j := range order {
			if j.skip != "" {
				tr.skip(j.when, j.commit, j.skip)
				continue
			}
			tr.version(<-j.doc, j.when, j.commit)
		}
	}()

	err := p.Versions(doc.Path, func(v Version) error {
		when := civil.Of(v.Time)
		if when.After(tr.t.Today) {
			// Seen from an earlier --today, a later commit has not happened.
			tr.t.Later++
			return nil
		}
		tr.t.Commits++
		tr.commits = append(tr.commits, when)
		if _, d, ok := review.CommitReview(v.Commit, tr.t.Today); ok {
			tr.reviews = append(tr.reviews, d)
		}
		switch {
		case v.Removed:
			tr.last = nil
		case v.Err != nil:
			order <- &job{when: when, commit: v.Short(), skip: v.Err.Error()}
		default:
			tr.last = v.Content
			j := &job{when: when, commit: v.Short(), content: v.Content, doc: make(chan *roadmap.Document, 1)}
			order <- j
			parse <- j
		}
		return nil
	})
	close(parse)
	close(order)
	<-read
	wg.Wait()
	if err != nil {
		return err
	}
	if tr.t.Later == 0 && (tr.t.Commits == 0 || !bytes.Equal(tr.last, doc.Raw)) {
		tr.t.Uncommitted = true
		tr.version(doc, tr.t.Today, "")
	}
	return nil
}

func (tr *tracker) skip(when civil.Date, commit, reason string) {
	tr.t.Skipped = append(tr.t.Skipped, Skipped{Date: when, Commit: commit, Reason: reason})
}

// version reads one state of the file, dated when.
func (tr *tracker) version(doc *roadmap.Document, when civil.Date, commit string) {
	if !doc.Frontmatter.Decoded {
		// A header that does not parse leaves nothing to trust: its
		// target would read as removed and its body may be the header.
		reason := "the frontmatter does not parse"
		if err := doc.Err(); err != nil {
			if pe, ok := err.(*roadmap.ParseError); ok && len(pe.Problems) > 0 {
				reason = pe.Problems[0].Message
			}
		}
		tr.skip(when, commit, reason)
		return
	}
	first := !tr.haveTgt
	tr.targetOf(doc, when, commit)
	// The review entries new in this version say which actions a record
	// replaced: done, or dropped unfinished (never the same action
	// reworded).
	fresh := doc.Reviews
	if tr.logged <= len(fresh) {
		fresh = fresh[tr.logged:]
	}
	tr.logged = len(doc.Reviews)
	noted := map[string]string{}
	for _, e := range fresh {
		for _, n := range review.ActionNotes(e) {
			if noted[key(n.Title)] != review.NoteDone {
				noted[key(n.Title)] = n.Prefix
			}
		}
	}
	next := make([]*ActionHistory, len(doc.Actions))
	taken := make([]bool, len(tr.live))
	// The same text is the same action; then a reworded one in the same
	// place is the same action, edited.
	for i, a := range doc.Actions {
		for j, old := range tr.live {
			if !taken[j] && key(old.Title) == key(a.Title) {
				next[i], taken[j] = old, true
				break
			}
		}
	}
	for i, a := range doc.Actions {
		if next[i] == nil && i < len(tr.live) && !taken[i] && noted[key(tr.live[i].Title)] == "" && similar(tr.live[i].Title, a.Title) {
			next[i], taken[i] = tr.live[i], true
		}
	}
	for j, old := range tr.live {
		if taken[j] {
			continue
		}
		// Gone: ticked and replaced (its Done note in the review log),
		// or dropped without ever being ticked.
		switch {
		case !old.Done.IsZero():
		case noted[key(old.Title)] == review.NoteDone:
			old.Done, old.State = when, ActionDone
		default:
			old.Dropped, old.State = when, ActionDropped
		}
	}
	for i, a := range doc.Actions {
		h := next[i]
		if h == nil {
			h = &ActionHistory{Pinned: when, Commit: commit, State: ActionOpen}
			if ws := doc.WindowStart(); first && !ws.IsZero() && ws.Before(when) {
				// A plan first committed with actions already pinned: they
				// were pinned when their window began.
				h.Pinned = ws
			}
			tr.actions = append(tr.actions, h)
		}
		h.Title, h.Kind, h.Due = a.Title, a.Kind, a.Due
		switch {
		case a.Done && h.Done.IsZero():
			h.Done, h.State = when, ActionDone
		case !a.Done && !h.Done.IsZero():
			// Unticked again: it was not done after all.
			h.Done, h.State = civil.Date{}, ActionOpen
		}
		next[i] = h
	}
	tr.live = next
}

// targetOf records what changed in the target since the last version.
func (tr *tracker) targetOf(doc *roadmap.Document, when civil.Date, commit string) {
	tg := doc.Frontmatter.Target
	if tr.haveTgt {
		for _, f := range []struct{ name, from, to string }{
			{"role", tr.target.Role.Role, tg.Role.Role},
			{"level", tr.target.Level, tg.Level},
			{"ladder", tr.target.Ladder, tg.Ladder},
			{"by", tr.target.By.String(), tg.By.String()},
		} {
			if f.from != f.to {
				tr.t.TargetChanges = append(tr.t.TargetChanges, TargetChange{Date: when, Commit: commit, Field: f.name, From: f.from, To: f.to})
			}
		}
	}
	tr.target, tr.haveTgt = tg, true
}

// readLog reads the actions' past from the file alone: the notes review
// --record leaves in each entry about the actions it replaced or kept
// (Done, Dropped, Kept), then the actions the file holds now. An
// action counts as pinned when its window began: at the last entry before
// the first one that names it that replaced the actions, else the start
// date.
func (tr *tracker) readLog(doc *roadmap.Document) {
	today, start := tr.t.Today, doc.Frontmatter.Started
	entries := datedEntries(doc, today)
	var replaced []civil.Date
	for _, e := range entries {
		if replaces(e) {
			replaced = append(replaced, e.Date)
		}
	}
	// pinnedBefore is the day the window holding an action named on day d
	// began: the last replacing entry before d (on or before it, for the
	// actions the file holds now), else the start date.
	pinnedBefore := func(d civil.Date, inclusive bool) civil.Date {
		w := start
		for _, r := range replaced {
			if r.Before(d) || (inclusive && r.Equal(d)) {
				w = r
			}
		}
		if w.IsZero() || w.After(d) {
			return d
		}
		return w
	}
	byKey := map[string]*ActionHistory{}
	for _, e := range entries {
		for _, n := range review.ActionNotes(e) {
			k := key(n.Title)
			h := byKey[k]
			if h == nil || (h.State == ActionDropped && n.Prefix == review.NoteDropped && h.Dropped.Before(e.Date)) {
				h = &ActionHistory{Title: n.Title, Pinned: pinnedBefore(e.Date, false), State: ActionOpen}
				tr.actions = append(tr.actions, h)
				byKey[k] = h
			}
			switch {
			case n.Prefix == review.NoteDone && h.State != ActionDone:
				h.Done, h.Dropped, h.State = e.Date, civil.Date{}, ActionDone
			case n.Prefix == review.NoteDropped && h.State == ActionOpen:
				h.Dropped, h.State = e.Date, ActionDropped
			}
		}
	}
	now := pinnedBefore(today, true)
	if len(replaced) == 0 {
		// A log written by hand says nothing of replacements: the actions
		// now were pinned when the window began (plan's rule).
		now = doc.WindowStart()
	}
	for _, a := range doc.Actions {
		h := byKey[key(a.Title)]
		if h == nil || h.State == ActionDropped {
			h = &ActionHistory{Pinned: now, State: ActionOpen}
			tr.actions = append(tr.actions, h)
		}
		h.Title, h.Kind, h.Due = a.Title, a.Kind, a.Due
		if a.Done && h.State != ActionDone {
			// Ticked by now; the file does not say on which day.
			h.Done, h.State = today, ActionDone
		}
	}
}

// replaces reports whether a review entry is a record that replaced the
// actions: it notes each one it replaced, done or dropped; a record
// that only ticks notes the ticked ones as done, and one that leaves none
// to do is refused, so three notes, or any dropped, mean a
// replacement.
func replaces(e roadmap.ReviewEntry) bool {
	n := 0
	for _, note := range review.ActionNotes(e) {
		switch note.Prefix {
		case review.NoteDropped:
			return true
		case review.NoteDone:
			n++
		}
	}
	return n >= review.ActionCount
}

// datedEntries are the review log's entries dated up to today, oldest
// first (file order among those of one day).
func datedEntries(doc *roadmap.Document, today civil.Date) []roadmap.ReviewEntry {
	var out []roadmap.ReviewEntry
	for _, e := range doc.Reviews {
		if !e.Date.IsZero() && !e.Date.After(today) {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out
}

// finish counts everything into months.
func (tr *tracker) finish(doc *roadmap.Document) {
	t := tr.t
	for _, h := range tr.actions {
		t.Actions = append(t.Actions, *h)
	}
	if t.Actions == nil {
		t.Actions = []ActionHistory{}
	}
	if t.TargetChanges == nil {
		t.TargetChanges = []TargetChange{}
	}
	if t.Skipped == nil {
		t.Skipped = []Skipped{}
	}
	t.Ratings = []roadmap.Assessment{}
	for _, a := range doc.Assessments {
		if !a.Date.IsZero() && !a.Date.After(t.Today) {
			t.Ratings = append(t.Ratings, a)
		}
	}
	sort.SliceStable(t.Ratings, func(i, j int) bool { return t.Ratings[i].Date.Before(t.Ratings[j].Date) })

	if dues, s, ok := cadence.Checkins(doc, tr.reviews, t.Today); ok {
		c := &Checkins{Cadence: s.Cadence, Reviews: s.Kept, Streak: s.Current, Overdue: s.Overdue, Next: s.Next, List: []Checkin{}}
		for _, d := range dues {
			c.List = append(c.List, Checkin{Due: d.Due, State: d.State, Review: d.Review})
			switch d.State {
			case cadence.CheckinKept:
				c.Kept++
			case cadence.CheckinLate:
				c.Late++
			case cadence.CheckinMissed:
				c.Missed++
			}
			if d.State != cadence.CheckinNext {
				c.Due++
			}
			if d.State == cadence.CheckinNext {
				c.Next = d.Due
			}
		}
		t.Checkins = c
	}

	// The months from the first one with anything in it to today's.
	first := monthOf(t.Today)
	note := func(d civil.Date) {
		if !d.IsZero() && !d.After(t.Today) && monthOf(d).Before(first) {
			first = monthOf(d)
		}
	}
	note(t.Started)
	for _, d := range tr.commits {
		note(d)
	}
	for _, e := range doc.Reviews {
		note(e.Date)
	}
	for _, a := range t.Actions {
		note(a.Pinned)
	}
	if n := monthsBetween(first, t.Today); n > maxMonths {
		first = monthOf(t.Today).AddMonths(-(maxMonths - 1))
	}
	index := map[string]int{}
	for m := first; !m.After(t.Today); m = m.AddMonths(1) {
		index[monthKey(m)] = len(t.Months)
		t.Months = append(t.Months, Month{Month: monthKey(m)})
	}
	at := func(d civil.Date) *Month {
		if d.IsZero() || d.After(t.Today) {
			return nil
		}
		if i, ok := index[monthKey(d)]; ok {
			return &t.Months[i]
		}
		return nil
	}
	for i, d := range tr.commits {
		if i == 0 {
			t.FirstCommit = d
		}
		t.LastCommit = d
		if m := at(d); m != nil {
			m.Commits++
		}
	}
	for _, a := range t.Actions {
		if m := at(a.Pinned); m != nil {
			m.Pinned++
		}
		if m := at(a.Done); m != nil {
			m.Done++
		}
		if m := at(a.Dropped); m != nil {
			m.Dropped++
		}
		if a.State == ActionOpen {
			t.Totals.Open++
		}
	}
	if t.Checkins != nil {
		for _, c := range t.Checkins.List {
			if c.State == cadence.CheckinNext {
				continue
			}
			// A check-in kept before its date, which is still to come,
			// counts in today's month: the table ends there.
			due := c.Due
			if due.After(t.Today) {
				due = t.Today
			}
			if m := at(due); m != nil {
				m.Due++
				if c.State == cadence.CheckinMissed || c.State == cadence.CheckinOverdue {
					m.Missed++
				}
			}
			if m := at(c.Review); m != nil {
				m.Reviews++
			}
		}
	} else {
		for _, d := range reviewDays(doc, tr.reviews, t.Today) {
			if m := at(d); m != nil {
				m.Reviews++
			}
		}
	}
	for _, c := range t.TargetChanges {
		if m := at(c.Date); m != nil {
			m.TargetChanges++
		}
	}
	for _, a := range t.Ratings {
		if m := at(a.Date); m != nil {
			m.Assessments++
		}
	}
	for _, m := range t.Months {
		t.Totals.Commits += m.Commits
		t.Totals.Pinned += m.Pinned
		t.Totals.Done += m.Done
		t.Totals.Dropped += m.Dropped
		t.Totals.Reviews += m.Reviews
		t.Totals.Due += m.Due
		t.Totals.Missed += m.Missed
		t.Totals.TargetChanges += m.TargetChanges
		t.Totals.Assessments += m.Assessments
	}
}

// reviewDays are the days reviews were held, from the log and from review
// commits, for a plan whose check-ins cannot be counted (no start date or
// an unknown cadence).
func reviewDays(doc *roadmap.Document, commits []civil.Date, today civil.Date) []civil.Date {
	seen := map[civil.Date]bool{}
	var out []civil.Date
	add := func(d civil.Date) {
		if !d.IsZero() && !d.After(today) && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	for _, e := range doc.Reviews {
		add(e.Date)
	}
	for _, d := range commits {
		add(d)
	}
	return out
}

func monthOf(d civil.Date) civil.Date {
	t := d.Time()
	return civil.New(t.Year(), t.Month(), 1)
}

func monthKey(d civil.Date) string { return d.Time().Format("2006-01") }

func monthsBetween(a, b civil.Date) int {
	return (b.Year()-a.Year())*12 + int(b.Time().Month()) - int(a.Time().Month()) + 1
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// key is an action's identity from version to version: its title, with
// case and spacing ignored.
func key(title string) string { return strings.ToLower(strings.Join(strings.Fields(title), " ")) }

// similar reports whether two titles are one action reworded: at least
// half of the words of the longer are in the other.
func similar(a, b string) bool {
	wa, wb := strings.Fields(key(a)), strings.Fields(key(b))
	if len(wa) < len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return false
	}
	in := map[string]bool{}
	for _, w := range wb {
		in[w] = true
	}
	shared := 0
	for _, w := range wa {
		if in[w] {
			shared++
		}
	}
	return 2*shared >= len(wa)
}
