package review

import "github.com/roadmapcli/roadmap/pkg/roadmap"

// questions are what each review asks, lightest first. The monthly
// check-in is about execution, the quarterly review about assumptions, the
// yearly rewrite about the whole plan, and a re-plan about one big change.
var questions = map[string][]string{
	roadmap.ReviewCheckin: {
		"Which of the three actions are finished, and what held up the others?",
		"Is the plan still on course for the target date, or has something slipped? By how much?",
		"What did this month produce that a promotion committee or hiring manager could see? Name it or link it.",
		"What are the next three actions for the coming 30 days: one project, one course, one person to talk to?",
	},
	roadmap.ReviewQuarterly: {
		"Is the target still the role you want, named as precisely as before (title, level, industry, companies)?",
		"Read the Gap section again: which dimension moved this quarter, and which one has not moved at all?",
		"Which assumption behind the plan proved wrong (headcount, your manager's support, the market), and what follows from it?",
		"What did the last three months of actions unlock, and what does the next quarter's sketch look like now?",
		"Which evidence project is stalled, and should it be replaced rather than pushed again?",
	},
	roadmap.ReviewRewrite: {
		"Read the whole plan as if someone else wrote it a year ago: what no longer fits?",
		"After a year of learning, is the target the same? If not, name the new one as specifically as the old.",
		"Which evidence from this year would convince a committee or an interviewer today, and which gap still has none?",
		"Rewrite years 2-3 as a fresh hypothesis: what did the previous one get wrong?",
		"Start again from the new plan: a new sketch for the next quarter and three new actions for the next 30 days.",
	},
	roadmap.ReviewReplan: {
		"What changed (a new role, a new manager, a shift in the market), and which parts of the plan does it undo?",
		"Does the target survive the change? If not, name the new one: title, level, industry, two or three companies.",
		"Which gap items and evidence projects still make sense, and which should go?",
		"What are the three actions for the next 30 days under the new circumstances?",
	},
}

// Questions returns the questions of a review kind (check-in, quarterly,
// rewrite, re-plan), or none for None and unknown kinds.
func Questions(kind string) []string {
	return append([]string{}, questions[kind]...)
}
