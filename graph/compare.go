package graph

import (
	"fmt"
	"math"
)

// Metrics are the four statistics the Ombudsman compares with similar
// authorities, as differences or changes; and, for a change from one year to
// the next, the changes of the counts of complaints the 2024-25 layout states.
type Metrics struct {
	UpheldPercent             *float64
	UpheldPer100k             *float64
	CompliancePercent         *float64
	SatisfactoryRemedyPercent *float64
	// ComplaintsDealtWith, NotForUs and AssessedAndClosed are changes in
	// counts; similar authorities state no counts, so a difference from
	// them leaves these nil.
	ComplaintsDealtWith *int
	NotForUs            *int
	AssessedAndClosed   *int
}

// minus returns a - b, rounded to six decimal places so that 4.8 - 4.5 is
// 0.3 and not 0.2999999999999998; nil when either is missing.
func minus(a, b *float64) *float64 {
	if a == nil || b == nil {
		return nil
	}
	d := math.Round((*a-*b)*1e6) / 1e6
	return &d
}

// less returns a - b, or nil when either is missing.
func less(a, b *int) *int {
	if a == nil || b == nil {
		return nil
	}
	d := *a - *b
	return &d
}

// DifferenceFromSimilar returns how far the statistics are from the averages
// of similar authorities: positive when the council's value is higher.
func (s *Statistics) DifferenceFromSimilar() Metrics {
	sa := s.SimilarAuthorities
	return Metrics{
		UpheldPercent:             minus(s.UpheldPercent, sa.UpheldPercent),
		UpheldPer100k:             minus(s.UpheldPer100k, sa.UpheldPer100k),
		CompliancePercent:         minus(s.CompliancePercent, sa.CompliancePercent),
		SatisfactoryRemedyPercent: minus(s.SatisfactoryRemedyPercent, sa.SatisfactoryRemedyPercent),
	}
}

// Change returns how s differs from the council's statistics of the year
// before, or false when there are none.
func (g *Graph) Change(s *Statistics) (*Statistics, Metrics, bool) {
	for _, p := range g.statsByCouncil[s.CouncilSlug] {
		if p.Year.First == s.Year.First-1 {
			return p, Metrics{
				UpheldPercent:             minus(s.UpheldPercent, p.UpheldPercent),
				UpheldPer100k:             minus(s.UpheldPer100k, p.UpheldPer100k),
				CompliancePercent:         minus(s.CompliancePercent, p.CompliancePercent),
				SatisfactoryRemedyPercent: minus(s.SatisfactoryRemedyPercent, p.SatisfactoryRemedyPercent),
				ComplaintsDealtWith:       less(s.ComplaintsDealtWith, p.ComplaintsDealtWith),
				NotForUs:                  less(s.NotForUs, p.NotForUs),
				AssessedAndClosed:         less(s.AssessedAndClosed, p.AssessedAndClosed),
			}, true
		}
	}
	return nil, Metrics{}, false
}

// Comparison sets councils' statistics for one business year side by side.
type Comparison struct {
	Year Year
	Rows []ComparisonRow
}

// ComparisonRow is one council's statistics in a comparison; Statistics is
// nil when the council has none for the year.
type ComparisonRow struct {
	Council    *Council
	Statistics *Statistics
}

// Compare sets the councils' statistics for a business year side by side.
// With no year, it takes the latest year for which any of them has
// statistics. Unknown councils and bad years are errors.
func (g *Graph) Compare(councils []string, year string) (*Comparison, error) {
	if len(councils) == 0 {
		return nil, Errorf(CodeInvalid, "councils: name at least one council to compare")
	}
	var cs []*Council
	for i, s := range councils {
		slug, err := g.CouncilSlug(fmt.Sprintf("councils[%d]", i), s)
		if err != nil {
			return nil, err
		}
		cs = append(cs, g.councilBySlug[slug])
	}
	cmp := &Comparison{}
	if year != "" {
		y, err := ParseYear(year)
		if err != nil {
			return nil, err
		}
		cmp.Year = y
	} else {
		found := false
		for _, c := range cs {
			for _, s := range g.statsByCouncil[c.Slug] {
				if !found || s.Year.First > cmp.Year.First {
					cmp.Year, found = s.Year, true
				}
			}
		}
		if !found {
			return nil, Errorf(CodeInvalid, "councils: none of them has statistics; name a year")
		}
	}
	for _, c := range cs {
		row := ComparisonRow{Council: c}
		for _, s := range g.statsByCouncil[c.Slug] {
			if s.Year == cmp.Year {
				row.Statistics = s
			}
		}
		cmp.Rows = append(cmp.Rows, row)
	}
	return cmp, nil
}
