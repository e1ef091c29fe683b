package review

import (
	"strconv"
	"strings"

	"github.com/roadmapcli/roadmap/pkg/cmdutil"
	"github.com/roadmapcli/roadmap/pkg/review"
	"github.com/roadmapcli/roadmap/pkg/roadmap"
)

// rateFlags are --rate, --manager-rate and --rate-reason as given.
type rateFlags struct {
	self, manager, reasons []string
}

// ratings merges the three flags into one Rate per dimension, in the order
// the dimensions were first named. The numbers' range and the dimensions'
// names are checked against the roadmap later (review.PlanRecord).
func (f rateFlags) ratings() ([]review.Rate, error) {
	var order []string
	byDim := map[string]*review.Rate{}
	get := func(dim string) *review.Rate {
		if r, ok := byDim[dim]; ok {
			return r
		}
		order = append(order, dim)
		byDim[dim] = &review.Rate{Dimension: dim}
		return byDim[dim]
	}
	for _, fl := range []struct {
		name   string
		values []string
		set    func(r *review.Rate, n int) bool
	}{
		{"rate", f.self, func(r *review.Rate, n int) bool { ok := r.Self == 0; r.Self = n; return ok }},
		{"manager-rate", f.manager, func(r *review.Rate, n int) bool { ok := r.Manager == 0; r.Manager = n; return ok }},
	} {
		for _, v := range fl.values {
			for _, part := range strings.Split(v, ",") {
				if strings.TrimSpace(part) == "" {
					continue
				}
				dim, num, ok := strings.Cut(part, "=")
				dim = strings.ToLower(strings.TrimSpace(dim))
				n, err := strconv.Atoi(strings.TrimSpace(num))
				if !ok || dim == "" || err != nil {
					return nil, cmdutil.FlagErrorf("invalid --%s %q: give DIMENSION=N pairs, e.g. --%s skills=3,scope=2 (N from %d to %d against the target level)",
						fl.name, v, fl.name, roadmap.RatingMin, roadmap.RatingMax)
				}
				if n < roadmap.RatingMin || n > roadmap.RatingMax {
					return nil, cmdutil.FlagErrorf("invalid --%s %s=%d: a rating is from %d (far from the target level) to %d (working at it)",
						fl.name, dim, n, roadmap.RatingMin, roadmap.RatingMax)
				}
				if !fl.set(get(dim), n) {
					return nil, cmdutil.FlagErrorf("--%s rates %s twice: give each dimension once", fl.name, dim)
				}
			}
		}
	}
	for _, v := range f.reasons {
		dim, text, ok := strings.Cut(v, "=")
		dim = strings.ToLower(strings.TrimSpace(dim))
		if !ok || dim == "" || strings.TrimSpace(text) == "" {
			return nil, cmdutil.FlagErrorf("invalid --rate-reason %q: give DIMENSION=TEXT, e.g. --rate-reason \"scope=Ledger v3 spans three teams\"", v)
		}
		r := get(dim)
		if r.Reason != "" {
			return nil, cmdutil.FlagErrorf("--rate-reason gives %s two reasons: give one", dim)
		}
		r.Reason = text
	}
	out := make([]review.Rate, 0, len(order))
	for _, d := range order {
		out = append(out, *byDim[d])
	}
	return out, nil
}
