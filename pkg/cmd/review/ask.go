package review

import (
	"errors"
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/lint"
	"github.com/roadmapcli/roadmap/pkg/review"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
	"github.com/roadmapcli/roadmap/pkg/safetext"
	"github.com/roadmapcli/roadmap/pkg/suggest"
)

// ask fills the record's kind, notes, done actions and new actions from
// answers typed at the terminal.
func ask(opts *Options, p *cmdutil.Prompter, doc *roadmap.Document, rep *review.Report) error {
	p.Printf("Recording a review of %s. Press Enter to accept what is in [brackets].\n", safetext.Name(opts.File))
	def := review.DefaultKind(rep)
	for first := true; ; first = false {
		answer, err := p.Ask(fmt.Sprintf("Which review is this: %s [%s]", strings.Join(roadmap.ReviewKinds, ", "), def))
		if err != nil {
			return err
		}
		if first && answer == "" && p.Ended() {
			// Ctrl-D before any answer is "never mind", as Ctrl-C is: an
			// empty check-in must not be recorded for it.
			return &cmdutil.InputError{Err: fmt.Errorf("%s: the input ended before the first answer, so nothing was recorded (answer the questions, or give --kind and --note)", safetext.Name(opts.File))}
		}
		if answer == "" {
			opts.Kind = def
			break
		}
		if k := roadmap.ReviewKind(answer); k != "" {
			opts.Kind = k
			break
		}
		if near := suggest.Nearest(answer, roadmap.ReviewKinds); near != "" {
			p.Printf("  %q is not a kind of review: did you mean %s? Answer %s.\n", answer, near, strings.Join(roadmap.ReviewKinds, ", "))
		} else {
			p.Printf("  %q is not a kind of review: answer %s.\n", answer, strings.Join(roadmap.ReviewKinds, ", "))
		}
		if p.Ended() {
			opts.Kind = def
			break
		}
	}

	if qs := review.Questions(opts.Kind); len(qs) > 0 {
		p.Printf("Questions for the %s:\n", label(opts.Kind))
		for i, q := range qs {
			p.Printf("  %d. %s\n", i+1, q)
		}
	}
	for i := 1; ; i++ {
		q := fmt.Sprintf("Note %d (an empty line ends the notes)", i)
		answer, err := p.Ask(q)
		if err != nil {
			return err
		}
		if answer == "" {
			break
		}
		opts.Notes = append(opts.Notes, answer)
	}

	if len(doc.Actions) > 0 {
		p.Printf("The 30-day actions:\n")
		for _, a := range doc.Actions {
			box := "[ ]"
			if a.Done {
				box = "[x]"
			}
			p.Printf("  %d. %s %s\n", a.Index, box, a.Title)
		}
		for {
			answer, err := p.Ask("Which are done now? Numbers such as 1,3 or 1-3 [none]")
			if err != nil {
				return err
			}
			nums, err := ParseDone([]string{answer})
			if err == nil {
				for _, n := range nums {
					if n < 1 || n > len(doc.Actions) {
						err = errors.New(review.DoneRangeMessage(n, len(doc.Actions)))
						break
					}
				}
			}
			if err == nil {
				opts.Done = nums
				break
			}
			p.Printf("  %s\n", strings.TrimPrefix(err.Error(), "invalid --done "))
			if p.Ended() {
				break
			}
		}
	}
	return askActions(opts, p, doc)
}

// slot is one of the three actions the method pins, in its usual order.
type slot struct{ label, kind string }

var slots = []slot{{"a project", roadmap.ActionProject}, {"a course", roadmap.ActionCourse}, {"a person", roadmap.ActionPerson}}

// actionKinds are the kinds an action is marked with, in the slots' order.
var actionKinds = []string{slots[0].kind, slots[1].kind, slots[2].kind}

// askActions asks for the next three actions: each one's text, then its
// kind and due date unless the text says them. Keeping the current
// actions (an empty first answer) is offered only where it leaves the new
// window valid, or where --keep-actions can make it so.
func askActions(opts *Options, p *cmdutil.Prompter, doc *roadmap.Document) error {
	today := opts.Today()
	end := today.AddDays(roadmap.WindowDays)
	var problems []lint.Finding
	if plan, err := review.PlanRecord(doc, opts.record(opts.Kind)); err == nil {
		_, findings := lintResult(opts, plan.Result, today)
		problems = windowProblems(findings)
	}
	open := openAfter(doc, opts.Done)
	keep := ""
	switch {
	case len(problems) == 0:
		keep = "keep the current ones"
	case open > 0:
		p.Printf("This review starts a new 30-day window, %s to %s, and the current actions do not fit it:\n", today, end)
		for _, f := range problems {
			p.Printf("  %s\n", f.Message)
		}
		keep = "keep the open ones with new due dates inside the window"
	default:
		p.Printf("Every action is done: the new 30-day window, %s to %s, needs three new ones.\n", today, end)
	}
	if keep != "" {
		p.Printf("Pin the next three actions now (a project, a course, a person), or press Enter to %s.\n", keep)
	} else {
		p.Printf("Pin the next three actions (a project, a course, a person).\n")
	}

	var actions []string
	for i := 0; i < len(slots); i++ {
		text, err := p.Ask(fmt.Sprintf("Action %d, %s", i+1, slots[i].label))
		if err != nil {
			return err
		}
		if text == "" {
			switch {
			case i == 0 && keep != "":
				opts.KeepActions = len(problems) > 0
				return nil
			case p.Ended():
				// Nothing more will come: the record says what is missing.
				return nil
			case i == 0:
				p.Printf("  The new window needs %d actions: give this one.\n", review.ActionCount)
			default:
				p.Printf("  The 30-day plan holds exactly %d actions: give this one too.\n", review.ActionCount)
			}
			i--
			continue
		}
		a, ok := review.ParseAction(doc.Path, text)
		switch {
		case !ok:
			p.Printf("  %q is not a single task item: write the action as plain text.\n", text)
		case a.DueText != "":
			p.Printf("  %q has no real due date: leave the date out, and it is asked for next.\n", text)
		case !a.Due.IsZero() && (a.Due.Before(today) || a.Due.After(end)):
			p.Printf("  It is due %s, outside the new window (%s to %s): give it again with a date inside it, or without one.\n", a.Due, today, end)
		default:
			full, err := completeAction(p, i, text, a, today)
			if err != nil {
				return err
			}
			actions = append(actions, full)
			continue
		}
		if p.Ended() {
			return nil
		}
		i--
	}
	opts.Actions = actions
	return nil
}

// completeAction asks for the kind and the due date the text leaves out
// and writes them the way the parser reads them: "TEXT (kind) — due DATE".
func completeAction(p *cmdutil.Prompter, i int, text string, a roadmap.Action, today civil.Date) (string, error) {
	end := today.AddDays(roadmap.WindowDays)
	if a.KindInferred {
		// The wording's kind is the better guess; the slot's is the
		// method's order.
		def := a.Kind
		for {
			answer, err := p.Ask(fmt.Sprintf("Kind of action %d: %s [%s]", i+1, strings.Join(actionKinds, ", "), def))
			if err != nil {
				return "", err
			}
			k := strings.ToLower(answer)
			if k == "" {
				k = def
			}
			if contains(actionKinds, k) {
				text += " (" + k + ")"
				break
			}
			p.Printf("  %q is not a kind of action: answer %s.\n", answer, strings.Join(actionKinds, ", "))
			if p.Ended() {
				text += " (" + def + ")"
				break
			}
		}
	}
	if a.Due.IsZero() {
		def := today.AddDays(7 * (i + 1))
		for {
			answer, err := p.Ask(fmt.Sprintf("Due date of action %d, YYYY-MM-DD from %s to %s [%s]", i+1, today, end, def))
			if err != nil {
				return "", err
			}
			d := def
			if answer != "" {
				if d, err = civil.Parse(answer); err != nil {
					p.Printf("  %q is not a date: write it as YYYY-MM-DD.\n", answer)
					if p.Ended() {
						d = def
					} else {
						continue
					}
				}
			}
			if d.Before(today) || d.After(end) {
				p.Printf("  %s is outside the new window: give a date from %s to %s.\n", d, today, end)
				if !p.Ended() {
					continue
				}
				d = def
			}
			text += " — due " + d.String()
			break
		}
	}
	return text, nil
}

// confirm shows the change the answers make, asks before writing, and in
// a git repository offers to commit it. Input that ends (Ctrl-D) before
// a yes writes nothing.
func confirm(opts *Options, p *cmdutil.Prompter, doc *roadmap.Document) (bool, error) {
	kind := recordKind(opts, doc)
	plan, warnings, err := planRecord(opts, doc, kind)
	if err != nil {
		return false, err
	}
	for _, w := range warnings {
		p.Printf("warning: %s\n", w)
	}
	p.Printf("The change to %s:\n%s", safetext.Name(opts.File), review.UnifiedDiff(diffName("a/", opts.File), diffName("b/", opts.File), doc.Raw, plan.Result, 3))
	if !yes(p, fmt.Sprintf("Write it to %s? [Y/n]", safetext.Name(opts.File)), true) {
		p.Printf("Nothing was written.\n")
		return false, nil
	}
	if !opts.Commit {
		if _, err := opts.Git.Open(opts.File); err == nil {
			opts.Commit = yes(p, fmt.Sprintf("Commit it as %q? [y/N]", review.CommitMessage(kind, opts.Today())), false)
		}
	}
	return true, nil
}

// yes asks a yes-or-no question until it gets an answer; Enter is def,
// and input that has ended is no.
func yes(p *cmdutil.Prompter, question string, def bool) bool {
	for {
		answer, err := p.Ask(question)
		if err != nil || (answer == "" && p.Ended()) {
			return false
		}
		switch strings.ToLower(answer) {
		case "":
			return def
		case "y", "yes":
			return true
		case "n", "no":
			return false
		}
		p.Printf("  Answer y or n.\n")
		if p.Ended() {
			return false
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
