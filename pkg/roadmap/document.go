// Package roadmap reads a career roadmap file (format 1): YAML, TOML or JSON
// frontmatter and a Markdown body of known sections, into one Document
// whose every element carries its true position in the file.
package roadmap

import (
	"regexp"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

// FormatVersion is the roadmap file format this package reads.
const FormatVersion = 1

// Kinds of roadmap, one per use case of the method.
const (
	KindPromotion    = "promotion"
	KindCareerChange = "career-change"
	KindStalled      = "stalled"
	KindExplore      = "explore"
)

// Kinds lists every roadmap kind in a stable order.
var Kinds = []string{KindPromotion, KindCareerChange, KindStalled, KindExplore}

// Document is everything the tool understood of one roadmap file.
type Document struct {
	Path string
	// Raw is the file exactly as read; edits splice into it.
	Raw []byte
	// HasBOM and CRLF describe the original encoding, so an edit can keep it.
	HasBOM bool
	CRLF   bool

	Frontmatter Frontmatter
	// Title is the first H1 heading's text, if any.
	Title    string
	TitlePos Position

	Sections []*Section
	Actions  []Action
	Gap      []GapItem
	Reviews  []ReviewEntry
	// Assessments are the Assessment section's dated entries, in file
	// order (see assessment.go).
	Assessments []Assessment

	// The kind-specific sections, read once for every command (nil when
	// the section is absent): the career change's bridge work, the stalled
	// roadmap's decision, the exploration's candidates.
	Bridge      *Bridge
	Decision    *Decision
	Exploration *Exploration

	// Problems are what the parser found wrong, in file order.
	Problems []Problem

	src *source
}

// Frontmatter is the decoded header. Positions of keys are in Fields.
type Frontmatter struct {
	// Syntax is "yaml", "toml", "json", or "" when the file has no frontmatter.
	Syntax string
	// Decoded is true when the header could be read as fields at all (it
	// is false after a syntax error): rules that read its values run only
	// then.
	Decoded bool
	// StartLine and EndLine are the lines of the opening and closing delimiters
	// (of the braces, for JSON written as a bare object).
	StartLine, EndLine int

	Roadmap int
	Title   string
	Owner   string
	Kind    string
	Started civil.Date
	// Horizon is as written ("2y"); HorizonMonths is its length, 0 if unset or invalid.
	Horizon       string
	HorizonMonths int
	Current       Role
	Target        Target
	Cadence       Cadence

	// Fields maps each key path present ("target.companies",
	// "target.companies.0") to the position of its value.
	Fields map[string]Position
	// Spans holds the exact extent of each value in Fields that is a
	// scalar written on one line (YAML only); KeySpans that of every key
	// written, null values and unknown keys included. Edits splice there.
	Spans, KeySpans map[string]Span
	// Unknown lists keys this format does not define, for lint to report.
	Unknown []UnknownKey
}

// Role is where someone is or wants to be on a ladder.
type Role struct {
	Role   string `json:"role"`
	Ladder string `json:"ladder"`
	Level  string `json:"level"`
}

// Target is the named target role of the method's first step.
type Target struct {
	Role
	Industry  string     `json:"industry"`
	Companies []string   `json:"companies"`
	By        civil.Date `json:"by"`
}

// Cadence is how often the plan is checked, reviewed and rewritten, as
// written; empty fields mean the default (see Effective).
type Cadence struct {
	Checkin string `json:"checkin"`
	Review  string `json:"review"`
	Rewrite string `json:"rewrite"`
}

// Default cadences from the method: monthly check-in, quarterly review,
// yearly rewrite.
const (
	DefaultCheckin = "monthly"
	DefaultReview  = "quarterly"
	DefaultRewrite = "yearly"
)

// Effective fills unset cadences with the defaults.
func (c Cadence) Effective() Cadence {
	if c.Checkin == "" {
		c.Checkin = DefaultCheckin
	}
	if c.Review == "" {
		c.Review = DefaultReview
	}
	if c.Rewrite == "" {
		c.Rewrite = DefaultRewrite
	}
	return c
}

// Span is a stretch of the file as written: Start at its first character
// (the opening quote of a quoted scalar), End just past its last.
type Span struct {
	Start, End Position
	// Quote is '"' or '\'' for a quoted scalar, 0 for a plain one.
	Quote byte
}

// UnknownKey is a frontmatter key the format does not define.
type UnknownKey struct {
	Path       string   `json:"path"`
	Pos        Position `json:"-"`
	Suggestion string   `json:"suggestion,omitempty"`
}

// Section keys: the sections the method defines, whatever alias the file uses.
const (
	SectionTarget     = "target"
	SectionGap        = "gap"
	SectionNext30Days = "next-30-days"
	SectionQuarter    = "next-quarter"
	SectionLongTerm   = "long-term"
	SectionReviewLog  = "review-log"
	SectionBridgeWork = "bridge-work"
	SectionDecision   = "decision"
	SectionCandidates = "candidates"
)

// Section is an H2 heading (or an H1 that is exactly a section's name) and
// what follows it up to the next H1 or H2.
type Section struct {
	// Key is one of the Section* constants, or "" for a section the format
	// does not define.
	Key     string
	Heading string
	Pos     Position
	// Near is, for a section without a Key, the key of the known section
	// its heading resembles ("## Nxt 30 days", "## This week's actions")
	// when that section is missing: where a rule that misses it points,
	// with "did you mean".
	Near string
	// Misspelt is true when Near comes from a misspelling of the
	// section's name ("Nxt quarter"), which renaming the heading fixes,
	// rather than from a word that hints at it ("Future").
	Misspelt bool
	// EndLine is the last line of the section's content.
	EndLine int
	// Items are the section's top-level list items (each with its nested
	// items as Children), except the review log's entry notes.
	Items []Item
	// Paragraphs are its prose blocks (paragraphs, quotes), in order.
	Paragraphs []Item
	// Subheadings are its H3 and deeper headings; each has the blocks
	// under it, up to the next heading, as Children.
	Subheadings []Item

	// seq is every block in file order, sub-headings included.
	seq []blockRef
}

// Item is a list item or block of text with its place in the file.
type Item struct {
	// Text is the item's own text as written (Markdown kept): for a list
	// item its first line, continuation lines and later paragraphs,
	// joined with a space; its checkbox and nested lists are left out
	// (the nested items are Children; Full joins them in).
	Text string
	Pos  Position
	// End is just past the last character of the item's own text (before
	// its newline); Last includes its nested items.
	End Position
	// Task is true for a task-list item ("- [ ]", "* [x]", "1. [X]").
	Task bool
	Done bool
	// Checkbox is the position of the character inside the brackets.
	Checkbox Position
	// Marker is the list marker as written ("-", "*", "+", "1.", "2)"),
	// "" for a paragraph or a heading.
	Marker string
	// Children are the nested list items, in order, each with its own;
	// for a sub-heading, the blocks under it.
	Children []Item

	loc   *itemSource
	level int // heading level, 0 for other blocks
}

// Action kinds: what the method asks the three 30-day actions to mix.
const (
	ActionProject = "project"
	ActionCourse  = "course"
	ActionPerson  = "person"
)

// Action is a task in the Next 30 days section.
type Action struct {
	Item
	// Index is the 1-based position among the section's actions.
	Index int
	// Title is Text without the checkbox, kind marker and due date.
	Title string
	Kind  string
	// KindInferred is true when the kind was guessed from the wording
	// rather than written as "(project)", "(course)" or "(person)".
	KindInferred bool
	Due          civil.Date
	// DuePos is where the due date (or DueText) is written.
	DuePos Position
	// DueText is a due clause's value that is a placeholder, not a date
	// ("due TBD"), "" otherwise.
	DueText string
}

// Gap dimensions the method names.
const (
	DimensionSkills     = "skills"
	DimensionScope      = "scope"
	DimensionMentorship = "mentorship"
	DimensionVisibility = "visibility"
)

// Dimensions lists the four gap dimensions in the method's order.
var Dimensions = []string{DimensionSkills, DimensionScope, DimensionMentorship, DimensionVisibility}

// GapItem is one dimension of the gap between today and the target.
type GapItem struct {
	Item
	// Dimension is lower-case ("scope"); Label is as written ("Scope").
	Dimension string
	Label     string
	// Detail is the text after the bold label.
	Detail string
	// LabelPos is where the label is written (the item's start when it
	// has none).
	LabelPos Position
	// Near is, for a label that names no dimension, the dimension it
	// nearly spells ("Mentorsip" is near "mentorship"), else "";
	// NearSpelling is the word it nearly spells, the dimension's or one
	// people mean by it ("Mentorig" is near "mentoring").
	Near         string
	NearSpelling string
	// Evidence is the text after "Evidence:" (or "Proof:"), in the item's
	// own text or any sub-bullet, or "" when none is named.
	Evidence    string
	EvidencePos Position
	// EvidenceNear is a label in the item that nearly spells Evidence
	// ("Evidense") when there is no Evidence, with its position.
	EvidenceNear    string
	EvidenceNearPos Position
}

// Review kinds in the review log.
const (
	ReviewCheckin   = "check-in"
	ReviewQuarterly = "quarterly"
	ReviewRewrite   = "rewrite"
	ReviewReplan    = "re-plan"
)

// ReviewKinds lists the review kinds in order of weight.
var ReviewKinds = []string{ReviewCheckin, ReviewQuarterly, ReviewRewrite, ReviewReplan}

// ReviewEntry is one dated entry of the review log.
type ReviewEntry struct {
	Heading Item
	Date    civil.Date
	// Kind is one of the Review* constants, or "" when not understood.
	Kind string
	// Notes are the entry's list items.
	Notes []Item
}

// FieldProblem reports whether the parser found a problem with the
// frontmatter value at path, or with a value that holds it (a problem
// with "target" is one with "target.companies" too).
func (d *Document) FieldProblem(path string) bool {
	for _, p := range d.Problems {
		if p.Path != "" && p.Code != "unknown-key" && (p.Path == path || strings.HasPrefix(path, p.Path+".")) {
			return true
		}
	}
	return false
}

// Section returns the first section with key, or nil.
func (d *Document) Section(key string) *Section {
	for _, s := range d.Sections {
		if s.Key == key {
			return s
		}
	}
	return nil
}

// Err returns the document's error-severity problems as one error, or nil.
func (d *Document) Err() error {
	var errs []Problem
	for _, p := range d.Problems {
		if p.Severity == SeverityError {
			errs = append(errs, p)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return &ParseError{File: d.Path, Problems: errs}
}

// Fatal reports whether a problem stopped the parse before the body was read.
func (d *Document) Fatal() bool {
	for _, p := range d.Problems {
		if p.Fatal {
			return true
		}
	}
	return false
}

// LastReview returns the latest review-log entry of any of kinds (all kinds
// when none are given), and whether there is one.
func (d *Document) LastReview(kinds ...string) (ReviewEntry, bool) {
	var best ReviewEntry
	found := false
	for _, r := range d.Reviews {
		if r.Date.IsZero() || (len(kinds) > 0 && !contains(kinds, r.Kind)) {
			continue
		}
		if !found || r.Date.After(best.Date) {
			best, found = r, true
		}
	}
	return best, found
}

// WindowStart is the first day of the current 30-day window: the latest
// review-log entry's date, else the plan's start date.
func (d *Document) WindowStart() civil.Date {
	if r, ok := d.LastReview(); ok && !r.Date.Before(d.Frontmatter.Started) {
		return r.Date
	}
	return d.Frontmatter.Started
}

// WindowDays is the length of the action window.
const WindowDays = 30

// WindowEnd is the last day of the current 30-day window.
func (d *Document) WindowEnd() civil.Date {
	start := d.WindowStart()
	if start.IsZero() {
		return start
	}
	return start.AddDays(WindowDays)
}

// LineText returns line n (1-based) of the file, normalised (no CR, no BOM).
func (d *Document) LineText(n int) string {
	if d.src == nil {
		return ""
	}
	return string(d.src.lineText(n))
}

// LineBytes is LineText without the copy, for scanners that look at every
// line: the slice is the document's own and must not be changed.
func (d *Document) LineBytes(n int) []byte {
	if d.src == nil {
		return nil
	}
	return d.src.lineText(n)
}

// LineCount is the number of lines in the file.
func (d *Document) LineCount() int {
	if d.src == nil {
		return 1
	}
	return d.src.lineCount()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// notApplicableRe matches a gap detail that says the dimension does not
// apply: "does not apply: …", "n/a — …", "not applicable, because …".
var notApplicableRe = regexp.MustCompile(`(?i)^(?:n/?a|not applicable|does not apply|doesn't apply|not relevant)\b[\s.:;,—–-]*`)

// NotApplicable reports whether the item says its dimension does not apply
// to this move, and the reason it gives ("" when it gives none).
func (g GapItem) NotApplicable() (bool, string) {
	d := g.Detail[skipDecoration(g.Detail, 0):] // "🙋 does not apply: …"
	loc := notApplicableRe.FindStringIndex(d)
	if loc == nil {
		return false, ""
	}
	return true, strings.TrimSpace(d[loc[1]:])
}
