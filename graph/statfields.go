package graph

// StatisticsMeasure is one measure of [Statistics]: its property name, as in
// the GraphQL schema and the stores, and where it is held. Exactly one of
// Count and Rate is set.
type StatisticsMeasure struct {
	// Name is the measure's property name, such as "upheldPercent" or
	// "similarUpheldPercent".
	Name string
	// Count points at a whole-number measure.
	Count func(*Statistics) **int
	// Rate points at a percentage or a rate per 100,000 residents.
	Rate func(*Statistics) **float64
}

// StatisticsMeasures lists every measure of Statistics once, in the order
// exports show them. Stores, exports and comparisons derive their field lists
// from it, so that a new measure is one line here.
var StatisticsMeasures = []StatisticsMeasure{
	{Name: "complaintsDealtWith", Count: func(s *Statistics) **int { return &s.ComplaintsDealtWith }},
	{Name: "notForUs", Count: func(s *Statistics) **int { return &s.NotForUs }},
	{Name: "assessedAndClosed", Count: func(s *Statistics) **int { return &s.AssessedAndClosed }},
	{Name: "investigations", Count: func(s *Statistics) **int { return &s.Investigations }},
	{Name: "upheldDecisions", Count: func(s *Statistics) **int { return &s.UpheldDecisions }},
	{Name: "upheldPercent", Rate: func(s *Statistics) **float64 { return &s.UpheldPercent }},
	{Name: "upheldPer100k", Rate: func(s *Statistics) **float64 { return &s.UpheldPer100k }},
	{Name: "complianceOutcomes", Count: func(s *Statistics) **int { return &s.ComplianceOutcomes }},
	{Name: "compliancePercent", Rate: func(s *Statistics) **float64 { return &s.CompliancePercent }},
	{Name: "satisfactoryRemedyDecisions", Count: func(s *Statistics) **int { return &s.SatisfactoryRemedyDecisions }},
	{Name: "satisfactoryRemedyPercent", Rate: func(s *Statistics) **float64 { return &s.SatisfactoryRemedyPercent }},
	{Name: "similarUpheldPercent", Rate: func(s *Statistics) **float64 { return &s.SimilarAuthorities.UpheldPercent }},
	{Name: "similarUpheldPer100k", Rate: func(s *Statistics) **float64 { return &s.SimilarAuthorities.UpheldPer100k }},
	{Name: "similarCompliancePercent", Rate: func(s *Statistics) **float64 { return &s.SimilarAuthorities.CompliancePercent }},
	{Name: "similarSatisfactoryRemedyPercent", Rate: func(s *Statistics) **float64 { return &s.SimilarAuthorities.SatisfactoryRemedyPercent }},
}

// Value returns the measure's value in s as an int or a float64, or nil when
// s does not state it.
func (m StatisticsMeasure) Value(s *Statistics) any {
	if m.Count != nil {
		if p := *m.Count(s); p != nil {
			return *p
		}
		return nil
	}
	if p := *m.Rate(s); p != nil {
		return *p
	}
	return nil
}
