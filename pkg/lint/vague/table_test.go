package vague

import (
	"strings"
	"testing"
)

// The concreteness table: real-sounding roadmap lines, both ways, across
// the three matchers, NamesPerson, and the concreteness test itself.
//
//	target, action, hedges: want is the phrases found, joined with " | ",
//	  or "" for a line that must be left alone
//	person: want is "yes" or "no"
//	concrete, named: want is the why, or "" for "not concrete"
type vagueCase struct {
	fn   string
	text string
	want string
}

var vagueTable = []vagueCase{
	// ---- actions: vague verbs with nothing concrete after them
	{"action", "Learn more about Kafka", "learn more about"},
	{"action", "Learn more about Kafka and Flink", "learn more about"},
	{"action", "Learn more about Kafka by reading the docs", "learn more about"},
	{"action", "Improve communication", "improve"},
	{"action", "Improve my communication with stakeholders", "improve"},
	{"action", "Improve the Harbor onboarding flow", "improve"},
	{"action", "Talk to someone senior", "talk to"},
	{"action", "Talk to a staff engineer about promotions", "talk to"},
	{"action", "Network more", "network more"},
	{"action", "Network more at meetups this month", "network more"},
	{"action", "Get better at system design", "get better at"},
	{"action", "Get better at System Design", "get better at"},
	{"action", "Work on my leadership skills", "work on"},
	{"action", "Look into Kubernetes", "look into"},
	{"action", "Try to be more visible", "try to | be more"},
	{"action", "Try to improve communication", "try to | improve"},
	{"action", "Be more strategic in planning meetings", "be more"},
	{"action", "Reach out to people in the industry", "reach out to"},
	{"action", "Read up on SQL window functions", "read up on"},
	{"action", "Get more exposure to the product side", "get more exposure"},
	{"action", "Find a mentor", "find a mentor"},
	{"action", "Level up my Python", "level up"},
	{"action", "Focus more on impact", "focus more on"},
	{"action", "Spend more time on code reviews", "spend more time"},
	{"action", "Build my network in fintech", "build my network"},
	{"action", "Connect with Staff Engineers at other companies", "connect with"},
	{"action", "Get feedback from senior engineers", "get feedback"},
	{"action", "Get involved in open source", "get involved"},
	{"action", "Learn more about Kafka. Finish the Confluent Kafka Fundamentals course", "learn more about"},
	{"action", "Improve *communication*", "improve"},
	{"action", `Improve my "soft skills"`, "improve"},
	{"action", "**Improve** communication", "improve"},
	{"action", "IMPROVE COMMUNICATION", "improve"},
	{"action", "Become a better writer", "become a better"},
	{"action", "Look into next-level caching; improve things", "look into | improve"},

	// ---- actions: a concrete object follows, or no listed verb at all
	{"action", "Finish the Confluent Kafka Fundamentals course", ""},
	{"action", "Learn more about Kafka in the Confluent Kafka Fundamentals course", ""},
	{"action", "Improve p99 latency of the search API from 800 ms to 300 ms", ""},
	{"action", "Improve test coverage of the billing service from 60% to 85%", ""},
	{"action", "Improve onboarding time-to-first-deploy from three days to one", ""},
	{"action", "Ask Dana Lee (Director of Product, Acme) for 15 minutes", ""},
	{"action", "Talk to Priya about staff scope", ""},
	{"action", "Talk to the staff engineer on Ledger about the rollout", ""},
	{"action", "Reach out to my manager about the promotion packet", ""},
	{"action", "Connect with Rosa Jiménez (Director of Infrastructure)", ""},
	{"action", "Work on the Ledger v3 design doc", ""},
	{"action", "Work on the migration with Elena Petrova", ""},
	{"action", `Learn more about Kafka from "Kafka: The Definitive Guide"`, ""},
	{"action", "Learn more about Kafka from *Kafka: The Definitive Guide*", ""},
	{"action", "Look into [the tiered-storage proposal](https://example.com/kip-405)", ""},
	{"action", "Look into why `orders_v2` drops writes", ""},
	{"action", "Get better at incident command by running 3 game days", ""},
	{"action", "Level up in Go with “Learning Go” (2nd edition)", ""},
	{"action", "Try out the on-call rotation for two weeks", ""},
	{"action", "Try to shadow the on-call rotation for two weeks", ""},
	{"action", "Trying out pair programming with Chen this sprint", ""},
	{"action", "Write up the improvement plan for the refunds service", ""},
	{"action", "Turn on the self-improve loop in the ranking model", ""},
	{"action", "Scope the Ledger v3 proposal and review it with Elena Petrova (Principal Engineer)", ""},
	{"action", "Read chapters 1–4 of “The Manager's Path” by Camille Fournier", ""},

	// ---- targets: stand-ins for a role
	{"target", "Something more strategic", "something more strategic"},
	{"target", "Something more strategic at Stripe", "something more strategic"},
	{"target", "A leadership role in fintech", "a leadership role"},
	{"target", "Take my career to the next level", "next level"},
	{"target", "Get promoted", "get promoted"},
	{"target", "Get promoted by 2027-06-30", "get promoted"},
	{"target", "Get promoted within two years", "get promoted"},
	{"target", "Move up to a bigger role at a big tech company", "move up | a bigger role | a big tech company"},
	{"target", "A senior role at a SaaS company", "a senior role"},
	{"target", "Switch careers into something in tech", "switch careers | something in tech"},
	{"target", "I want a next-level job with more impact", "next level | more impact"},
	{"target", "Get promoted to a more senior position", "get promoted | a more senior position"},
	{"target", "Climb the ladder at Stripe as Staff Engineer", "climb the ladder"},

	// ---- targets: the role is named
	{"target", "Get promoted to Staff Engineer at Stripe", ""},
	{"target", "Staff PM at a mid-stage SaaS company", ""},
	{"target", "A leadership role: Director of Engineering, Payments at Adyen", ""},
	{"target", "Get promoted to L6 on the Payments team", ""},
	{"target", "Get promoted to senior product designer at Kestrel Freight", ""},
	{"target", "Staff Software Engineer in B2B payments infrastructure", ""},
	{"target", "A promotion to Senior Software Engineer by the H2 2027 cycle", ""},
	{"target", "A management role (Engineering Manager, Developer Experience)", ""},
	{"target", "Something more strategic: Staff PM at Datadog", ""},
	{"target", "The next level for me is L6 at Google", ""},
	{"target", "Get promoted to staff this cycle", ""},

	// ---- hedges
	{"hedges", "Maybe ask Dana Lee for feedback", "maybe"},
	{"hedges", "Hopefully ship the Ledger v3 proposal", "hopefully"},
	{"hedges", "Somehow find time for the reading group", "somehow"},
	{"hedges", "Mentor various juniors across the org", "various"},
	{"hedges", "Talk to PMs, designers, etc.", "etc"},
	{"hedges", "Publish the post at some point", "at some point"},
	{"hedges", `Read "Inspired" if time permits`, "if time permits"},
	{"hedges", "Eventually move into management", "eventually"},
	{"hedges", "Interview several customers", "several"},
	// conditions that keep a way out, and an open count (blind2's probes)
	{"hedges", "Pair with Ines on the rig, if I can find a slot", "if i can find"},
	{"hedges", "Ask Nathan for 20 minutes, assuming he has time", "assuming he has time"},
	{"hedges", "Read chapter 4, time allowing", "time allowing"},
	// "or so" rounds a number, as often in a fact ("a team of 40 or so")
	// as in a plan: not a hedge.
	{"hedges", "Lead the Payments team of 40 or so through the Ledger v3 migration", ""},
	{"hedges", "Get feedback on a few things", "a few things"},
	{"hedges", "Ask Dana if I can shadow the on-call rotation", ""},
	{"hedges", "Ask Dana whether she has time for a 20-minute review", ""},
	{"hedges", "Perhaps. Ideally at Stripe, probably in 2027", "perhaps | ideally | probably"},
	{"hedges", `Read "Various Artists: A History of Compilations"`, ""},
	{"hedges", "Finish the `maybe_retry` refactor", ""},
	{"hedges", "Read [Maybe You Should Talk to Someone](https://example.com/book)", ""},
	{"hedges", "Read *Maybe You Should Talk to Someone* by Lori Gottlieb", ""},
	{"hedges", "Interview eight customers", ""},
	{"hedges", "Run a probability workshop for the analysts", ""},

	// ---- person actions: whom to ask
	{"person", "Ask Dana Lee (Director of Product, Acme) for 15 minutes", "yes"},
	{"person", "Ask Priya for feedback on the draft", "yes"},
	{"person", "Book a 15-minute chat with Hanna", "yes"},
	{"person", "Get Priya's feedback on the design doc", "yes"},
	{"person", "Ask my manager which evidence the committee needs", "yes"},
	{"person", "Ask the Director of Product at Acme about the PM loop", "yes"},
	{"person", "Ask the staff engineer on Ledger how the rollout went", "yes"},
	{"person", "Ask the CTO for 15 minutes on the 2027 plan", "yes"},
	{"person", "Set up a 1:1 with my skip-level", "yes"},
	{"person", "Ping @dlee about the SLO charter", "yes"},
	{"person", "Email dana.lee@acme.example about the role", "yes"},
	{"person", "Shadow Leah's discovery calls", "yes"},
	{"person", "Pair with Chen Wei on the incident review", "yes"},
	{"person", "Ask Liam O'Connor about the pre-registration doc", "yes"},
	{"person", "Ask Inês Carvalho how the Harbor research went", "yes"},
	{"person", "Ask Grace Liu (Group PM, Integrations) for a 15-minute chat", "yes"},
	{"person", "Priya", "yes"},
	{"person", "Kenji Watanabe (former teammate, now EM at a CDN company)", "yes"},
	{"person", "Marco (Staff, Ledger)", "yes"},
	{"person", "Someone (senior)", "no"},
	{"person", "Evidence: a talk at SREcon", "no"},
	{"person", "Eventually, a principal engineer", "no"},
	{"person", "Recruiters", "no"},
	{"person", "Kafka experts", "no"},
	{"person", "Talk to someone senior", "no"},
	{"person", "Talk to people in the industry", "no"},
	{"person", "Ask a staff engineer for advice", "no"},
	{"person", "Ask senior engineers at Stripe about leveling", "no"},
	{"person", "Have coffee with a few PMs", "no"},
	{"person", "Talk to Stripe engineers about their promotion process", "no"},
	{"person", "Ask the team lead for feedback", "no"},
	{"person", "Meet more people at KubeCon", "no"},
	{"person", "Ask about the Google Cloud certification", "no"},
	{"person", "Ask my peers for feedback", "no"},
	{"person", "Find a mentor in the Reliability guild", "no"},

	// ---- the concreteness test on what follows a phrase
	{"concrete", "about Kafka", ""},
	{"concrete", "about SQL and Python", ""},
	{"concrete", "communication", ""},
	{"concrete", "my Public Speaking", ""},
	{"concrete", `my "soft skills"`, ""},
	{"concrete", "Kafka. Finish the Confluent Kafka Fundamentals course", ""},
	{"concrete", "the Confluent Kafka Fundamentals course", WhyName},
	{"concrete", "p99 latency from 800 ms to 300 ms", WhyNumber},
	{"concrete", "error rate below 0.1%", WhyNumber},
	{"concrete", "by 2026-12-01", WhyDate},
	{"concrete", "before Q1", WhyDate},
	{"concrete", "before the March review", WhyDate},
	{"concrete", `"Designing Data-Intensive Applications"`, WhyQuoted},
	{"concrete", "“The Mom Test”", WhyQuoted},
	{"concrete", "*Inspired*", WhyItalic},
	{"concrete", "[the RFC](https://example.com/rfc)", WhyLink},
	{"concrete", "https://go.dev/doc/effective_go", WhyLink},
	{"concrete", "`kubectl rollout`", WhyCode},
	{"concrete", "the Ledger v3 design", WhyIdentifier},
	{"concrete", "for two weeks", WhyQuantity},
	{"named", "by 2027-06-30", ""},
	{"named", "in two years", ""},
	{"named", "at a SaaS company", ""},
	{"named", "to Staff Engineer at Stripe", WhyRoleTitle},
	{"named", "to L6", WhyIdentifier},
	{"named", "at Kestrel Freight", WhyName},
}

func TestVagueTable(t *testing.T) {
	if len(vagueTable) < 60 {
		t.Fatalf("the table has %d cases; it must have at least 60", len(vagueTable))
	}
	m := Default()
	for _, c := range vagueTable {
		var got string
		switch c.fn {
		case "target":
			got = phrases(m.Target(c.text))
		case "action":
			got = phrases(m.Action(c.text))
		case "hedges":
			got = phrases(m.Hedges(c.text))
		case "person":
			got = "no"
			if NamesPerson(c.text) {
				got = "yes"
			}
		case "concrete":
			_, got = Concrete(c.text)
		case "named":
			_, got = Named(c.text)
		default:
			t.Fatalf("unknown fn %q", c.fn)
		}
		if got != c.want {
			t.Errorf("%s(%q) = %q, want %q", c.fn, c.text, got, c.want)
		}
	}
}

func phrases(ms []Match) string {
	var b strings.Builder
	for i, m := range ms {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(m.Phrase)
	}
	return b.String()
}
