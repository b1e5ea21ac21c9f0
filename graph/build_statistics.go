package graph

import "fmt"

func (b *builder) addStatistics(s Statistics) {
	g := b.g
	b.council(s.CouncilSlug)
	b.addYear(s.Year, s.YearSpan)
	for _, have := range g.statsByCouncil[s.CouncilSlug] {
		if have.Year != s.Year {
			continue
		}
		switch {
		case sameStatistics(have, &s):
		case compatibleStatistics(have, &s):
			// One copy states measures the other does not (a page cut
			// short, or of another shape): together they state both.
			mergeStatistics(have, &s)
		default:
			b.warn("statistics for %s %s: %s and %s disagree; keeping %s", s.CouncilSlug, s.Year.Label(), have.Doc, s.Doc, have.Doc)
		}
		have.Evidence = append(have.Evidence, s.Evidence...)
		return
	}
	ns := s
	g.statsByCouncil[s.CouncilSlug] = append(g.statsByCouncil[s.CouncilSlug], &ns)
}

// compatibleStatistics reports whether a and b give no measure two
// different values.
func compatibleStatistics(a, b *Statistics) bool {
	for _, m := range StatisticsMeasures {
		x, y := m.Value(a), m.Value(b)
		if x != nil && y != nil && x != y {
			return false
		}
	}
	return true
}

// mergeStatistics gives a every measure b states and a does not.
func mergeStatistics(a, b *Statistics) {
	for _, m := range StatisticsMeasures {
		if m.Count != nil {
			if *m.Count(a) == nil {
				*m.Count(a) = *m.Count(b)
			}
		} else if *m.Rate(a) == nil {
			*m.Rate(a) = *m.Rate(b)
		}
	}
}

func sameStatistics(a, b *Statistics) bool {
	x, y := *a, *b
	x.Doc, y.Doc, x.Evidence, y.Evidence, x.YearSpan, y.YearSpan = "", "", nil, nil, Span{}, Span{}
	return fmt.Sprint(deref(x)) == fmt.Sprint(deref(y))
}

// deref renders the pointer fields of statistics as values, for comparison.
func deref(s Statistics) []any {
	out := []any{s.CouncilSlug, s.Year}
	for _, m := range StatisticsMeasures {
		out = append(out, m.Value(&s))
	}
	return out
}
