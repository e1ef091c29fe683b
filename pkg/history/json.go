package history

import (
	"encoding/json"

	"github.com/roadmapcli/roadmap/pkg/civil"
)

// The JSON shape writes a date that is not known as null, as the other
// commands' shapes do, never as "".

func opt(d civil.Date) *civil.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

// MarshalJSON writes the shape of docs/history-json.md.
func (t Timeline) MarshalJSON() ([]byte, error) {
	type plain Timeline
	return json.Marshal(struct {
		plain
		Started     *civil.Date `json:"started"`
		FirstCommit *civil.Date `json:"firstCommit"`
		LastCommit  *civil.Date `json:"lastCommit"`
	}{plain(t), opt(t.Started), opt(t.FirstCommit), opt(t.LastCommit)})
}

// MarshalJSON writes the shape of docs/history-json.md.
func (a ActionHistory) MarshalJSON() ([]byte, error) {
	type plain ActionHistory
	return json.Marshal(struct {
		plain
		Due     *civil.Date `json:"due"`
		Done    *civil.Date `json:"done"`
		Dropped *civil.Date `json:"dropped"`
	}{plain(a), opt(a.Due), opt(a.Done), opt(a.Dropped)})
}

// MarshalJSON writes the shape of docs/history-json.md.
func (c Checkin) MarshalJSON() ([]byte, error) {
	type plain Checkin
	return json.Marshal(struct {
		plain
		Review *civil.Date `json:"review"`
	}{plain(c), opt(c.Review)})
}
