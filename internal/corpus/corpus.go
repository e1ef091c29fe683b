// Package corpus generates realistic roadmaps in bulk, for the lint
// benchmark and scripts/bench-lint.sh: a team repository of thousands of
// ~70-line plans of every kind, some clean and some with the usual faults.
package corpus

import (
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

var (
	firstNames = []string{"Ana", "Kavya", "Diego", "Hana", "Marcus", "Ines", "Oluwaseun", "Priya", "Jonas", "Lucía", "Samuel", "Mei", "Tomás", "Aisha", "Noah", "Sofia"}
	lastNames  = []string{"Souza", "Raman", "Alvarez", "Kim", "Feld", "Carvalho", "Adeyemi", "Natarajan", "Lindqvist", "Fernández", "Achebe", "Chen", "Ruiz", "Bello", "Weber", "Marchetti"}
	companies  = [][]string{{"Stripe", "Adyen", "Plaid"}, {"Datadog", "Atlassian", "GitLab"}, {"Cloudflare", "Fastly", "DigitalOcean"}, {"Shopify", "Etsy", "Instacart"}}
	industries = []string{"B2B payments infrastructure", "developer tools", "cloud infrastructure and CDN", "consumer marketplaces"}
	targets    = []struct{ role, ladder, level, from string }{
		{"Staff Software Engineer", "software-engineer", "staff", "senior"},
		{"Engineering Manager", "engineering-manager", "manager", "senior"},
		{"Senior Product Manager", "product-manager", "senior", "pm"},
		{"Staff Data Scientist", "data-scientist", "staff", "senior"},
	}
	kinds = []string{"promotion", "career-change", "stalled", "explore"}
)

// Roadmap returns the i-th roadmap of the corpus, current on today. One in
// four has faults a team's CI would catch (a vague action, a hedge, a
// missing evidence line, a date outside the window).
func Roadmap(i int, today civil.Date) []byte {
	pick := func(list []string, salt int) string { return list[(i*7+salt)%len(list)] }
	owner := pick(firstNames, 0) + " " + pick(lastNames, 3)
	peer := pick(firstNames, 5) + " " + pick(lastNames, 1)
	mentee := pick(firstNames, 9) + " " + pick(lastNames, 11)
	t := targets[i%len(targets)]
	co := companies[(i/3)%len(companies)]
	kind := kinds[(i/2)%len(kinds)]
	started := today.AddDays(-20 - i%30)
	review := today.AddDays(-(i % 12))
	faulty := i%4 == 3

	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("---")
	w("roadmap: 1")
	w("title: Path to %s", t.role)
	w("owner: %s", owner)
	w("kind: %s", kind)
	w("started: %s", started)
	w("horizon: 2y")
	w("current:\n  role: %s\n  ladder: %s\n  level: %s", strings.Replace(t.role, "Staff", "Senior", 1), t.ladder, t.from)
	w("target:\n  role: %s\n  ladder: %s\n  level: %s", t.role, t.ladder, t.level)
	w("  industry: %s", industries[(i/3)%len(industries)])
	w("  companies: [%s]", strings.Join(co, ", "))
	w("  by: %s", today.AddMonths(20))
	w("cadence:\n  checkin: monthly\n  review: quarterly\n  rewrite: yearly")
	w("---\n")
	w("# Path to %s\n", t.role)
	w("## Target")
	w("%s in %s, the role %s and %s hire for when one person carries a change", t.role, industries[(i/3)%len(industries)], co[0], co[1])
	w("across three or more teams. I have led my current area for three years.\n")
	w("## Gap")
	w("- **Skills:** I design inside one service; the target writes designs other teams build on.")
	w("  Evidence: the Ledger v%d design doc and its four-stage rollout plan.", i%9+2)
	w("- **Scope:** I own one service with two engineers; the target spans three teams.")
	if faulty {
		w("- **Mentorship:** I review code but hopefully will mentor someone.")
	} else {
		w("  Evidence: lead the migration across Payments, Invoicing and Reconciliation.")
		w("- **Mentorship:** I mentor nobody on purpose. Evidence: mentor %s through two design docs.", mentee)
	}
	w("- **Visibility:** outside my team few people know what I ship.")
	w("  Evidence: three posts on the engineering blog and one all-hands talk.\n")
	switch kind {
	case "career-change":
		w("## Bridge work")
		w("- Months 1–2: read two books on discovery. Artifact: a wiki post, published by %s.", today.AddDays(40))
		w("- Months 3–4: interview eight customers. Artifact: the PRD, approved by %s.", today.AddDays(100))
		w("- Months 5–6: acting owner of one launch. Artifact: the launch note and dashboard.\n")
	case "stalled":
		w("## Decision")
		w("Stay and engineer the move, or switch companies. I decide by %s.", today.AddDays(90))
		w("- Stay if my manager signs the charter with me as lead by %s.", today.AddDays(60))
		w("- Switch if the charter goes to someone else.\n")
	case "explore":
		w("## Candidates")
		w("- **Engineering Manager.** Talk to: %s (EM, Storage), %s (Director, Infra).", peer, mentee)
		w("- **Staff Engineer.** Talk to: %s (Staff, Reliability), %s (Principal, Networking).", mentee, peer)
		w("- **Product Manager.** Talk to: %s (PM, Platform), %s (Group PM, Compute).\n", peer, owner)
		w("I pick the target by %s.\n", today.AddDays(100))
	}
	w("## Next 30 days")
	w("- [x] Scope the Ledger v%d proposal and review it with %s (project) — due %s", i%9+2, peer, review.AddDays(1))
	if faulty {
		w("- [ ] Learn more about distributed systems (course) — due %s", review.AddDays(12))
	} else {
		w("- [ ] Finish chapters 1–5 of \"The Staff Engineer's Path\" and write a one-page note (course) — due %s", review.AddDays(12))
	}
	w("- [ ] Ask %s (Staff Engineer, Risk) for a 15-minute chat about promotion packets (person) — due %s\n", peer, review.AddDays(25))
	w("## Next quarter")
	w("- The proposal accepted at the architecture review, with one engineer from each team committed.")
	w("- Stage 1 live by the end of the quarter; mentoring under way; first post published.")
	w("- Then pin: the stage 2 cutover plan, the second post, a reading group.\n")
	w("## Years 2–3 (hypothesis)")
	w("- Operating at the target level, owning the platform's technical direction.")
	w("- Assumption to test each quarter: the company keeps headcount open at this level.\n")
	w("## Review log")
	w("### %s · check-in", started.AddDays(1))
	w("- On track: my manager agreed the four gap items.")
	w("### %s · check-in", review)
	w("- On track: proposal draft complete; pinned the three actions above.")
	return []byte(b.String())
}
