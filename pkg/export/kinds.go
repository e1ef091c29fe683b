package export

import (
	"fmt"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/civil"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// KindSection is the section a roadmap's kind adds to the method's: a
// career change's bridge work, a stall's decision, an exploration's
// candidates. It is read by the document model's readers, the ones show,
// lint and plan use.
type KindSection struct {
	// ID is the HTML id of its heading; Heading is the section's heading
	// as the file writes it.
	ID, Heading string

	// Bridge work: its phases in file order, then the job search.
	Months int
	Phases []PhaseRow
	Search *PhaseRow

	// Decision: its points in file order.
	Points []PointRow

	// Candidates: each role with the people to talk to, and the
	// section's prose.
	Candidates []CandidateRow
	Notes      [][]Text

	// By is the date the section sets (the decision, the pick), zero
	// when none; DaysLeft is from today to it.
	By       civil.Date
	DaysLeft int
	ByWhat   string
}

// PhaseRow is one phase of the bridge work, or the job search.
type PhaseRow struct {
	// Label is its month label ("Months 1–2"), else "Phase 2" or "Job
	// search".
	Label      string
	Start, End civil.Date
	// State is "ended", "under way" or "coming" by today; "" when the
	// phase has no dates.
	State    string
	Work     []Text
	Artifact []Text
	// InText is true when the artifact is the work's whole text (it
	// mentions an artifact without labelling one).
	InText bool
	// Search is true for the job search, which asks for no artifact.
	Search bool
}

// PointRow is a paragraph or item of the Decision.
type PointRow struct {
	Text []Text
	// Side is "stay" or "switch" when it weighs one option only.
	Side string
}

// CandidateRow is one candidate role.
type CandidateRow struct {
	Role   []Text
	People [][]Text
}

// kindSection is doc's kind section, nil when the file has none.
func kindSection(doc *roadmap.Document, today civil.Date) *KindSection {
	switch doc.Frontmatter.Kind {
	case roadmap.KindCareerChange:
		if b := doc.Bridge; b != nil {
			return bridgeSection(doc.Section(roadmap.SectionBridgeWork), b, today)
		}
	case roadmap.KindStalled:
		if d := doc.Decision; d != nil {
			return decisionSection(doc.Section(roadmap.SectionDecision), d, today)
		}
	case roadmap.KindExplore:
		if e := doc.Exploration; e != nil {
			return candidatesSection(doc.Section(roadmap.SectionCandidates), e, today)
		}
	}
	return nil
}

func bridgeSection(s *roadmap.Section, b *roadmap.Bridge, today civil.Date) *KindSection {
	k := &KindSection{ID: "h-bridge", Heading: s.Heading, Months: b.Months}
	for i, m := range b.Milestones {
		k.Phases = append(k.Phases, phaseRow(m, fmt.Sprintf("Phase %d", i+1), today))
	}
	if m := b.Search; m != nil {
		r := phaseRow(*m, "Job search", today)
		if m.FromMonth > 0 {
			r.Label = "Job search, m" + r.Label[1:] // "Job search, months 9–12"
		}
		r.Artifact, r.InText, r.Search = nil, false, true
		k.Search = &r
	}
	return k
}

func phaseRow(m roadmap.Milestone, unnumbered string, today civil.Date) PhaseRow {
	r := PhaseRow{Label: unnumbered, Start: m.Start, End: m.End, Work: Inline(m.Work), Artifact: Inline(m.Artifact),
		InText: m.Artifact != "" && m.Artifact == m.Work}
	switch {
	case m.FromMonth > 0 && m.ToMonth > m.FromMonth:
		r.Label = fmt.Sprintf("Months %d–%d", m.FromMonth, m.ToMonth)
	case m.FromMonth > 0:
		r.Label = fmt.Sprintf("Month %d", m.FromMonth)
	}
	switch {
	case m.End.IsZero():
	case today.After(m.End):
		r.State = "ended"
	case !m.Start.IsZero() && today.Before(m.Start):
		r.State = "coming"
	default:
		r.State = "under way"
	}
	return r
}

func decisionSection(s *roadmap.Section, d *roadmap.Decision, today civil.Date) *KindSection {
	k := &KindSection{ID: "h-decision", Heading: s.Heading, ByWhat: "Decide by"}
	for _, p := range d.Points {
		row := PointRow{Text: Inline(p.Text)}
		switch {
		case p.Stay && !p.Switch:
			row.Side = "stay"
		case p.Switch && !p.Stay:
			row.Side = "switch"
		}
		k.Points = append(k.Points, row)
	}
	k.setBy(d.Date, today)
	return k
}

func candidatesSection(s *roadmap.Section, e *roadmap.Exploration, today civil.Date) *KindSection {
	k := &KindSection{ID: "h-candidates", Heading: s.Heading, ByWhat: "Pick the target by"}
	for _, c := range e.Candidates {
		row := CandidateRow{Role: trimStop(Inline(c.Role))}
		for _, p := range c.Contacts {
			row.People = append(row.People, trimStop(Inline(p.Text)))
		}
		k.Candidates = append(k.Candidates, row)
	}
	for _, p := range s.Paragraphs {
		k.Notes = append(k.Notes, Inline(p.Text))
	}
	k.setBy(e.PickBy, today)
	return k
}

func (k *KindSection) setBy(d, today civil.Date) {
	if !d.IsZero() {
		k.By, k.DaysLeft = d, today.DaysUntil(d)
	}
}

// trimStop drops the full stop that ends a role or a name in a list
// ("**Staff SRE.** Talk to: …", "… and Nadia Haddad (Sales).").
func trimStop(t []Text) []Text {
	if n := len(t); n > 0 && !t[n-1].Code {
		t[n-1].S = strings.TrimRight(t[n-1].S, ". ")
		if t[n-1].S == "" {
			t = t[:n-1]
		}
	}
	return t
}
