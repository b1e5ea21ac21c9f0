package synth

import (
	"math"
	"math/rand/v2"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// pageDoc is everything one council page states.
type pageDoc struct {
	c       council
	ci, y   int
	s, a    stats
	reports []report
	cases   []caseDoc
	taken   map[string]bool // the slugs of the corpus's councils
	r       *rand.Rand      // the layout's own draws
}

// overview draws the 2024-25 overview's counts, before any other draw of
// the page's generator, so that every layout has the same.
func (d *pageDoc) overview() {
	d.s.notForUs = d.r.IntN(d.s.investigations*2 + 3)
	d.s.assessed = d.r.IntN(d.s.investigations*2 + 3)
	d.s.dealt = d.s.notForUs + d.s.assessed + d.s.investigations
}

// variant picks one of n variants of a layout for the page, so that every
// council and year has each in turn.
func (d *pageDoc) variant(n int) int { return (d.ci + 2*d.y) % n }

// said is which measures a page states.
type said struct {
	rates, averages, compliance, overview bool
}

// write writes the page in layout l and returns it with its facts.
func (d *pageDoc) write(l Layout) (string, graph.Facts) {
	all := said{rates: true, averages: true, compliance: true}
	switch l {
	case AnnualGlued:
		return d.annual(true, false, false), d.facts(all)
	case AnnualWrapped:
		return d.annual(false, true, false), d.facts(all)
	case AnnualBulleted:
		return d.annualBulleted(), d.facts(all)
	case Annual2018:
		return d.annual(true, false, true), d.facts(said{averages: true, compliance: true})
	case Defunct:
		na, noCompliance := d.variant(2) == 1, d.variant(3) == 0
		return d.defunct(na, noCompliance), d.facts(said{averages: !na, compliance: !noCompliance})
	case Overview, OverviewBulleted:
		all.overview = true
		if l == Overview {
			return d.overviewCompact(), d.facts(all)
		}
		return d.overviewBulleted(), d.facts(all)
	}
	return d.annual(false, false, false), d.facts(all)
}

// facts returns what the page states, stating the measures in says.
func (d *pageDoc) facts(says said) graph.Facts {
	c, s, a := d.c, d.s, d.a
	slug := graph.Slug(c.name)
	n := func(v int) *int { return &v }
	f := func(v float64) *float64 { return &v }
	st := graph.Statistics{CouncilSlug: slug, Year: graph.Year{First: d.y},
		Investigations: n(s.investigations), UpheldDecisions: n(s.upheldN), UpheldPercent: f(s.upheld)}
	if says.rates {
		st.UpheldPer100k, st.SimilarAuthorities.UpheldPer100k = f(round1(s.per100k)), f(round1(a.per100k))
	}
	if says.averages {
		st.SimilarAuthorities.UpheldPercent = f(math.Round(a.upheld))
	}
	if says.compliance {
		st.CompliancePercent, st.ComplianceOutcomes = f(s.compliance), n(s.outcomes)
		if says.averages {
			st.SimilarAuthorities.CompliancePercent = f(math.Round(a.compliance))
		}
	}
	if s.upheldN > 0 {
		st.SatisfactoryRemedyPercent, st.SatisfactoryRemedyDecisions = f(s.remedy), n(s.remedyN)
		if says.averages {
			st.SimilarAuthorities.SatisfactoryRemedyPercent = f(math.Round(a.remedy))
		}
	}
	if says.overview {
		st.ComplaintsDealtWith, st.NotForUs, st.AssessedAndClosed = n(s.dealt), n(s.notForUs), n(s.assessed)
	}
	out := graph.Facts{
		Document:   graph.Document{Kind: graph.CouncilPage, Title: c.name},
		Councils:   []graph.Council{{Name: c.name, Slug: slug, Type: c.typ}},
		Statistics: []graph.Statistics{st},
	}
	for _, rp := range d.reports {
		out.Reports = append(out.Reports, graph.Report{CouncilSlug: slug, Title: rp.title, Summary: rp.summary, PublicInterest: c.typ == graph.CountyCouncil})
	}
	for _, k := range d.cases {
		y, _ := graph.YearOfReference(k.ref)
		out.Cases = append(out.Cases, graph.Case{Reference: k.ref, CouncilSlug: slug, CategoryName: k.category, SubcategoryName: k.sub, Year: y})
		for i, im := range k.improvements {
			out.Improvements = append(out.Improvements, graph.Improvement{CaseRef: k.ref, Ordinal: i + 1, Text: im})
		}
	}
	return out
}

// wording returns how the upheld block's base and the satisfactory-remedy
// block's base are worded in the page's year: 2020-21 to 2022-23 say
// "detailed investigations" for both (the second being the upheld count).
func (d *pageDoc) wording() (investigations, remedyBase string) {
	if d.y >= 2020 && d.y <= 2022 {
		return "detailed investigations", "detailed investigations"
	}
	return "investigations", "upheld decisions"
}

const (
	lettersLine1    = "We write to councils each year to give a summary of the complaint statistics we record about them,"
	lettersLine2    = "and their performance in responding to our investigations."
	improvementsSay = "Since April 2018, the Council has agreed to make the following improvements to its services following an Ombudsman investigation. We list up to 10 cases below – click ‘view all’ if there are more."
	lastUpdated     = "Last updated: 4 April 2015"
)

// The comparing-years banner, in words of our own: it names years that are
// not the page's.
var comparingBanner = []string{
	"Advice on comparing statistics across years",
	"From 2022-23 we looked into more complaints in full, and uphold rates rose for councils of every kind; a council is better set beside this year's average than beside its own earlier figures.",
	"Totals for 2020-21 are lower than in the years either side, as for part of that year we took on no new complaints while councils dealt with the pandemic.",
}

// wrap breaks s at spaces into lines of at most width bytes (a word longer
// than that stands alone).
func wrap(s string, width int) []string {
	var out []string
	for len(s) > width {
		i := strings.LastIndexByte(s[:width+1], ' ')
		if i <= 0 {
			if i = strings.IndexByte(s, ' '); i < 0 {
				break
			}
		}
		out = append(out, s[:i])
		s = s[i+1:]
	}
	return append(out, s)
}
