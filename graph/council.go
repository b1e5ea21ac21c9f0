package graph

// Council is a local authority that the Ombudsman reports on.
type Council struct {
	// Slug is the council's key; see [Slug].
	Slug string `json:"slug"`
	// Name is the council's full name.
	Name string `json:"name"`
	// Type is the council's authority type, or "" when it is not known.
	Type AuthorityType `json:"type,omitempty"`
	// TypeBasis says where Type came from: "reference" (the councils
	// reference file) or "name" (inferred from the name).
	TypeBasis string `json:"typeBasis,omitempty"`
	// Code is the council's ONS GSS code, such as "E10000015", where the
	// councils reference file gives it.
	Code string `json:"code,omitempty"`
	// Abolished is the date (YYYY-MM-DD) a council that no longer exists
	// ceased, or "" for a current council.
	Abolished string `json:"abolished,omitempty"`
	// SuccessorSlug is the council that took over from an abolished one.
	SuccessorSlug string `json:"successor,omitempty"`
	// Evidence lists where documents name the council.
	Evidence []Span `json:"evidence"`
}

// ID returns the council's global ID.
func (c *Council) ID() string { return NodeID(KindCouncil, c.Slug) }

// Statistics are a council's annual statistics for one business year, with the
// averages of similar authorities.
type Statistics struct {
	CouncilSlug string `json:"council"`
	Year        Year   `json:"year"`
	// ComplaintsDealtWith is the number of complaints and enquiries the
	// Ombudsman dealt with in the year (stated from the 2024-25 layout on).
	ComplaintsDealtWith *int `json:"complaintsDealtWith"`
	// NotForUs is how many of those were not for the Ombudsman, or not
	// ready for it to investigate.
	NotForUs *int `json:"notForUs"`
	// AssessedAndClosed is how many were assessed and closed without an
	// investigation.
	AssessedAndClosed *int `json:"assessedAndClosed"`
	// Investigations is the number of complaints investigated ("detailed
	// investigations" in earlier years).
	Investigations *int `json:"investigations"`
	// UpheldDecisions is the number of investigations upheld.
	UpheldDecisions *int `json:"upheldDecisions"`
	// UpheldPercent is the share of investigations upheld, from 0 to 100.
	UpheldPercent *float64 `json:"upheldPercent"`
	// UpheldPer100k is upheld decisions per 100,000 residents.
	UpheldPer100k *float64 `json:"upheldPer100k"`
	// ComplianceOutcomes is the number of compliance outcomes recorded.
	ComplianceOutcomes *int `json:"complianceOutcomes"`
	// CompliancePercent is the share of recommendations complied with.
	CompliancePercent *float64 `json:"compliancePercent"`
	// SatisfactoryRemedyDecisions is the number of upheld cases where the
	// council had already offered a satisfactory remedy.
	SatisfactoryRemedyDecisions *int `json:"satisfactoryRemedyDecisions"`
	// SatisfactoryRemedyPercent is that number as a share of upheld cases.
	SatisfactoryRemedyPercent *float64 `json:"satisfactoryRemedyPercent"`
	// SimilarAuthorities holds the averages of authorities of the same type.
	SimilarAuthorities SimilarAuthorities `json:"similarAuthorities"`
	// YearSpan quotes the period the statistics cover.
	YearSpan Span `json:"yearSpan"`
	// Doc is the document the statistics come from.
	Doc      string `json:"doc"`
	Evidence []Span `json:"evidence"`
}

// ID returns the statistics' global ID.
func (s *Statistics) ID() string { return NodeID(KindStatistics, s.CouncilSlug+"/"+s.Year.Label()) }

// SimilarAuthorities are the averages of authorities of the same type.
type SimilarAuthorities struct {
	UpheldPercent             *float64 `json:"upheldPercent"`
	UpheldPer100k             *float64 `json:"upheldPer100k"`
	CompliancePercent         *float64 `json:"compliancePercent"`
	SatisfactoryRemedyPercent *float64 `json:"satisfactoryRemedyPercent"`
}

// Report is a report the Ombudsman published against a council.
type Report struct {
	CouncilSlug string `json:"council"`
	Title       string `json:"title"`
	Summary     string `json:"summary"`
	// PublicInterest is true for reports listed as public interest reports.
	PublicInterest bool         `json:"publicInterest"`
	Matches        []ThemeMatch `json:"matches,omitempty"`
	Evidence       []Span       `json:"evidence"`

	// id is the report's global ID, and tags its themes, set by Build;
	// empty in facts.
	id   string
	tags nodeTags
}

// ID returns the report's global ID.
func (r *Report) ID() string {
	if r.id != "" {
		return r.id
	}
	return NodeID(KindReport, r.CouncilSlug+"/"+Slug(r.Title))
}

// Letter is an annual review letter from the Ombudsman to a council.
type Letter struct {
	CouncilSlug string `json:"council"`
	// Date is the letter's date as YYYY-MM-DD.
	Date string `json:"date"`
	// Year is the business year the letter reviews (its "year ending").
	Year Year `json:"year"`
	// Recipient is the person and role the letter is addressed to.
	Recipient string `json:"recipient"`
	// Title is the letter's heading, such as "Annual Review letter 2020".
	Title string `json:"title"`
	// YearSpan quotes the "year ending" the letter names.
	YearSpan Span   `json:"yearSpan"`
	Doc      string `json:"doc"`
	Evidence []Span `json:"evidence"`
}

// ID returns the letter's global ID.
//
// A letter that gives no date is known by its council and year.
func (l *Letter) ID() string {
	if l.Date == "" {
		return NodeID(KindLetter, l.CouncilSlug+"/"+l.Year.Label())
	}
	return NodeID(KindLetter, l.CouncilSlug+"/"+l.Date)
}
