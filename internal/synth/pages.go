package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Layout is a layout of the council performance page, as the Ombudsman's
// site has rendered it and as a copy of it comes out.
type Layout string

// The page layouts. Those of the "Annual statistics" page (2018-19 to
// 2023-24) word their bases by the page's year: "N detailed investigations"
// for 2020-21 to 2022-23, where the satisfactory-remedy base is also
// "N detailed investigations" (the upheld count); "N investigations" and
// "N upheld decisions" otherwise.
const (
	// Annual is the "Annual statistics" page as a compact copy: chart
	// captions, a "-" line before each block, the similar-authority rate
	// glued after "residents.".
	Annual Layout = "annual"
	// AnnualGlued is Annual with the links' text glued to the next sentence:
	// "residents.View upheld decisionsStatistics are based …", "View all
	// satisfactory remedy decisionsAnnual letters", "….View annual letters".
	AnnualGlued Layout = "annual-glued"
	// AnnualWrapped is Annual with a blank line after every line and the
	// sentences hard-wrapped mid-sentence ("in similar" / "authorities.").
	AnnualWrapped Layout = "annual-wrapped"
	// AnnualBulleted is the page as a bulleted copy: the "Advice on comparing
	// statistics across years" banner before the council's name, '•' block
	// headings with indented bodies, a blank line between sentences, the
	// rate per 100,000 over three lines ("this is" / "R upheld decisions per
	// 100,000 residents" / "."), "View upheld decisions" and "View annual
	// letters" on lines of their own, bulleted cases.
	AnnualBulleted Layout = "annual-bulleted"
	// Annual2018 is the first page, of 2018-19: no rates per 100,000, and
	// "View upheld decisionsStatistics are based …" glued.
	Annual2018 Layout = "annual-2018"
	// Defunct is the current template rendered for an abolished council:
	// "Annual statistics", the older "More about this data" glossary, no
	// rates per 100,000 or chart captions, averages that may be "n/a",
	// compliance that may be "No recommendations were due …".
	Defunct Layout = "defunct"
	// Overview is the 2024-25 "Complaint overview" page as a compact copy:
	// the four counts in one line, the "More about this data" glossary and
	// chart legend, "We investigated N complaints and upheld N.", the rate
	// per 100,000 on one line, glued to "View upheld decisions" or written
	// with a stray '%' ("7.5% upheld decisions per 100,000 residents").
	Overview Layout = "overview"
	// OverviewBulleted is the 2024-25 page as a blank-line copy: the site's
	// banner, the comparing-years banner, a merger preamble naming the
	// predecessors of a unitary council, '•' blocks, the cookie panel.
	OverviewBulleted Layout = "overview-bulleted"
)

// Layouts lists every page layout, in the order Mix takes them.
var Layouts = []Layout{Annual, AnnualGlued, AnnualWrapped, AnnualBulleted, Annual2018, Defunct, Overview, OverviewBulleted}

// LayoutHelp describes the layouts, for the synth command's --layout.
var LayoutHelp = "the council pages' layout: " + Mix + " (each council's pages in every layout in turn), or one of " + joinNames(Layouts) +
	": annual is the 2018-19 to 2023-24 'Annual statistics' page as a compact copy, annual-glued with links' text glued to the next sentence," +
	" annual-wrapped hard-wrapped with a blank line after every line, annual-bulleted with '•' blocks and the comparing-years banner;" +
	" annual-2018 is 2018-19's, without rates per 100,000; defunct is an abolished council's ('n/a' averages);" +
	" overview is the 2024-25 'Complaint overview' page, overview-bulleted a blank-line copy of it with banners and a merger preamble"

// ParseLayout returns the layout named s: one of Layouts, or Mix ("" too).
func ParseLayout(s string) (Layout, error) {
	if s == "" || s == Mix {
		return Mix, nil
	}
	for _, l := range Layouts {
		if string(l) == s {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown page layout %q: want %s or one of %s", s, Mix, joinNames(Layouts))
}

func joinNames[T ~string](xs []T) string {
	var s []string
	for _, x := range xs {
		s = append(s, string(x))
	}
	return strings.Join(s, ", ")
}

// pickLayout returns the layout of the i-th page of a council.
func pickLayout(l Layout, i int) Layout {
	if l == "" || l == Mix {
		return Layouts[i%len(Layouts)]
	}
	return l
}

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

// annual writes the "Annual statistics" page as a compact copy: with the
// links' text glued to the next sentence, hard-wrapped with a blank line
// after every line, or without rates per 100,000 (2018-19, where "View
// upheld decisions" is always glued).
func (d *pageDoc) annual(glued, wrapped, noRate bool) string {
	c, s, a, y := d.c, d.s, d.a, d.y
	var out []string
	w := func(lines ...string) { out = append(out, lines...) }
	width := 0
	if wrapped {
		width = 45 + d.r.IntN(40)
	}
	// t writes a sentence that a wrapped copy wraps.
	t := func(line string) {
		if width > 0 {
			out = append(out, wrap(line, width)...)
		} else {
			out = append(out, line)
		}
	}
	inv, remedyBase := d.wording()
	w(c.name, "Annual statistics ?Find out more about annual statistics", "-", "Complaints upheld",
		fmt.Sprintf("%s Complaints upheld by %s", pct(s.upheld), c.name))
	t(pct(s.upheld) + " of complaints we investigated were upheld.")
	t(fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.upheld)))
	w(plural(s.upheldN, "upheld decision", "upheld decisions"))
	basis := fmt.Sprintf("Statistics are based on a total of %d %s %s", s.investigations, inv, period(y))
	if glued {
		basis = "View upheld decisions" + basis
	}
	if noRate {
		t(basis)
	} else {
		w(fmt.Sprintf("Adjusted for %s's population, this is", c.name),
			rate(s.per100k)+" upheld decisions per 100,000 residents.The average for authorities of this type is")
		t(rate(a.per100k) + " upheld decisions per 100,000 residents." + basis)
	}
	w("-", "Compliance with Ombudsman recommendations",
		fmt.Sprintf("%s of cases were successfully implemented by %s", pct(s.compliance), c.name))
	t(pct(s.compliance) + " of cases we were satisfied the Council had successfully implemented our recommendations.")
	t(fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.compliance)))
	t(fmt.Sprintf("Statistics are based on a total of %d compliance outcomes %s", s.outcomes, period(y)))
	letters := "Annual letters"
	if s.upheldN > 0 {
		w("-", "Satisfactory remedies provided by the Council",
			fmt.Sprintf("%s Complaints with satisfactory remedy provided by %s", pct(s.remedy), c.name))
		t(fmt.Sprintf("In %s of upheld cases we found the Council had provided a satisfactory remedy before the complaint reached the Ombudsman.", pct(s.remedy)))
		t(fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.remedy)))
		w(plural(s.remedyN, "satisfactory remedy decision", "satisfactory remedy decisions"))
		t(fmt.Sprintf("Statistics are based on a total of %d %s %s", s.upheldN, remedyBase, period(y)))
		if glued {
			letters = "View all satisfactory remedy decisions" + letters
		} else {
			w("View all satisfactory remedy decisions")
		}
	}
	w(letters, lettersLine1)
	if glued {
		w(lettersLine2 + "View annual letters")
	} else {
		w(lettersLine2)
	}
	public := c.typ == graph.CountyCouncil
	if public {
		w("Public reports ?Find out more about public reports",
			"In the last nine years, the Ombudsman has published the following public interest reports against "+c.name)
	} else {
		w("Reports ?Find out more about reports",
			"In the last nine years, the Ombudsman has published the following reports against "+c.name)
	}
	for _, rp := range d.reports {
		w(rp.title)
		t(rp.summary)
	}
	if len(d.reports) == 0 {
		w(noReports(public))
	}
	w("Service improvements ?Find out more about service improvements", improvementsSay)
	d.caseLines(w, func(lines ...string) { t(lines[0]) })
	w(lastUpdated)
	if wrapped {
		return strings.Join(out, "\n\n")
	}
	return strings.Join(out, "\n")
}

func noReports(public bool) string {
	if public {
		return "No public reports published"
	}
	return "No reports published"
}

// blocks writes a page as a bulleted, blank-line copy.
type blocks struct{ out []string }

// para writes lines together, then a blank line.
func (b *blocks) para(lines ...string) { b.out = append(b.out, append(lines, "")...) }

// body writes lines of a block's body, indented, together, then a blank
// line.
func (b *blocks) body(lines ...string) {
	for _, l := range lines {
		b.out = append(b.out, "    "+l)
	}
	b.out = append(b.out, "")
}

// head writes a block's bulleted heading.
func (b *blocks) head(h string) { b.para("  • " + h) }

func (b *blocks) String() string {
	return strings.TrimRight(strings.Join(b.out, "\n"), "\n")
}

// cases writes the cases as bulleted items.
func (b *blocks) cases(cases []caseDoc) {
	for _, k := range cases {
		b.head("Case reference: " + k.ref)
		b.body("Category: " + k.category)
		b.body("Sub Category: " + k.sub)
		for _, im := range k.improvements {
			b.para("      • " + im)
		}
	}
}

// annualBulleted writes the "Annual statistics" page as a bulleted copy.
func (d *pageDoc) annualBulleted() string {
	c, s, a, y := d.c, d.s, d.a, d.y
	inv, remedyBase := d.wording()
	var b blocks
	for _, p := range comparingBanner {
		b.para(p)
	}
	b.para(c.name)
	b.para("Annual statistics ?Find out more about annual statistics")
	b.head("Complaints upheld")
	b.body(pct(s.upheld) + " of complaints we investigated were upheld.")
	b.body(fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.upheld)))
	b.body(plural(s.upheldN, "upheld decision", "upheld decisions"))
	b.body(fmt.Sprintf("Adjusted for %s's population, this is", c.name), rate(s.per100k)+" upheld decisions per 100,000 residents", ".")
	b.body("The average for authorities of this type is", rate(a.per100k)+" upheld decisions per 100,000 residents.")
	b.body("View upheld decisions")
	b.body(fmt.Sprintf("Statistics are based on a total of %d %s %s", s.investigations, inv, period(y)))
	b.head("Compliance with Ombudsman recommendations")
	b.body(pct(s.compliance) + " of cases we were satisfied the Council had successfully implemented our recommendations.")
	b.body(fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.compliance)))
	b.body(fmt.Sprintf("Statistics are based on a total of %d compliance outcomes %s", s.outcomes, period(y)))
	if s.upheldN > 0 {
		b.head("Satisfactory remedies provided by the Council")
		b.body(fmt.Sprintf("In %s of upheld cases we found the Council had provided a satisfactory remedy before the complaint reached the Ombudsman.", pct(s.remedy)))
		b.body(fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.remedy)))
		b.body(plural(s.remedyN, "satisfactory remedy decision", "satisfactory remedy decisions"))
		b.body(fmt.Sprintf("Statistics are based on a total of %d %s %s", s.upheldN, remedyBase, period(y)))
		b.body("View all satisfactory remedy decisions")
	}
	b.para("Annual letters")
	b.para(lettersLine1, lettersLine2)
	b.para("View annual letters")
	public := c.typ == graph.CountyCouncil
	if public {
		b.para("Public reports ?Find out more about public reports")
		b.para("In the last nine years, the Ombudsman has published the following public interest reports against " + c.name)
	} else {
		b.para("Reports ?Find out more about reports")
		b.para("In the last nine years, the Ombudsman has published the following reports against " + c.name)
	}
	for _, rp := range d.reports {
		b.para(rp.title)
		b.para(rp.summary)
	}
	if len(d.reports) == 0 {
		b.para(noReports(public))
	}
	b.para("Service improvements ?Find out more about service improvements")
	b.para(improvementsSay)
	b.cases(d.cases)
	if len(d.cases) > 0 {
		b.para("View all")
	}
	return b.String()
}

// The older "More about this data" glossary of the current template on an
// abolished council's page, in words of our own after each heading.
var olderGlossary = []string{
	"Complaints upheld – investigations in which we found the council at fault in some way, counting those where it owned up to the fault before we looked into it.",
	"Compliance with Ombudsman recommendations – whether the council did what we asked of it. Failing to is rare, and an authority whose rate is below 100% should look again at the cases concerned.",
	"Satisfactory remedies provided by the Council – upheld complaints where the authority had already put things right in a way we were content with.",
	"Average performance rates – the average of each measure across similar authorities: County Councils, District Councils, Metropolitan Boroughs, Unitary Councils, and London Boroughs.",
}

// The 2024-25 glossary, in words of our own after each heading, and the
// chart's legend.
var (
	glossary = []string{
		"Complaints dealt with – every complaint and enquiry about the council that reached us in the year, whatever then happened to it.",
		"Not for us – complaints that came to us before the council had its chance to answer them, or that belonged with another body.",
		"Assessed and closed – complaints we looked at and took no further, for instance because the law rules them out or an investigation would achieve little.",
		"Investigated – complaints we looked into in full before deciding whether the council was at fault.",
		"Complaints upheld – investigations that found the council at fault, or where it had already offered a fitting remedy.",
		"Satisfactory remedies provided by the Council – upheld complaints the council had already put right in a way we accepted.",
		"Compliance with Ombudsman recommendations – how often the council carried out what we recommended; a council below 100% should ask why and what it can learn.",
		"Average performance rates – each measure averaged across councils of the same kind: County Councils, District Councils, Metropolitan Boroughs, Unitary Councils, and London Boroughs.",
		"Our guide to reading complaint figures explains these measures at more length.",
	}
	legend = []string{"Complaints dealt with", "Not for us", "Assessed and closed", "Investigated"}
)

// reportsNow writes the reports as the current template lists them.
func (d *pageDoc) reportsNow(w func(...string), intro bool) {
	public := d.c.typ == graph.CountyCouncil
	if public {
		w("Public reports", "The Ombudsman has published the following public interest reports against "+d.c.name, "Find out more about public reports")
	} else {
		w("Reports", "The Ombudsman has published the following reports against "+d.c.name, "Find out more about reports")
	}
	if intro {
		w("Some investigations end in a published report, usually where the fault was serious, affected many people or was repeated.")
	}
	for _, rp := range d.reports {
		w(rp.title, rp.summary)
	}
	if len(d.reports) == 0 {
		w(noReports(public))
	}
}

// defunct writes the current template as rendered for an abolished council:
// its averages "n/a" where na, and no compliance figures where
// noCompliance.
func (d *pageDoc) defunct(na, noCompliance bool) string {
	c, s, a, y := d.c, d.s, d.a, d.y
	var out []string
	w := func(lines ...string) { out = append(out, lines...) }
	average := func(v float64) string {
		if na {
			return "This compares to an average of n/a in similar authorities."
		}
		return fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(v))
	}
	w(c.name, "Annual statistics", "More about this data")
	w(olderGlossary...)
	w("-", "Complaints upheld", pct(s.upheld)+" of complaints we investigated were upheld.", average(a.upheld),
		plural(s.upheldN, "upheld decision", "upheld decisions"),
		fmt.Sprintf("View upheld decisionsStatistics are based on a total of %d investigations %s", s.investigations, period(y)))
	w("-", "Compliance with Ombudsman recommendations")
	if noCompliance {
		w("No recommendations were due for compliance in this period")
	} else {
		w(pct(s.compliance)+" of cases we were satisfied the Council had successfully implemented our recommendations.", average(a.compliance),
			fmt.Sprintf("Statistics are based on a total of %d compliance outcomes %s", s.outcomes, period(y)))
	}
	d.remedyBlock(w, average(a.remedy))
	w("Annual letters", lettersLine1, lettersLine2)
	d.reportsNow(w, true)
	w("Service improvements", "Find out more about service improvements")
	d.caseLines(w, w)
	w(lastUpdated)
	return strings.Join(out, "\n")
}

// caseLines writes the service improvements section's cases: each case's
// lines with head, and its improvements with item.
func (d *pageDoc) caseLines(head, item func(...string)) {
	for _, k := range d.cases {
		head("Case reference: "+k.ref, "Category: "+k.category, "Sub Category: "+k.sub)
		for _, im := range k.improvements {
			item("- " + im)
		}
	}
}

// remedyBlock writes the satisfactory remedy block of a layout whose
// similar-authority average reads as average, when there were upheld
// decisions for it to be a share of.
func (d *pageDoc) remedyBlock(w func(...string), average string) {
	s := d.s
	if s.upheldN == 0 {
		return
	}
	w("-", "Satisfactory remedies provided by the Council",
		fmt.Sprintf("In %s of upheld cases we found the Council had provided a satisfactory remedy before the complaint reached the Ombudsman.", pct(s.remedy)),
		average, plural(s.remedyN, "satisfactory remedy decision", "satisfactory remedy decisions"),
		fmt.Sprintf("Statistics are based on a total of %d upheld decisions %s", s.upheldN, period(d.y)),
		"View all satisfactory remedy decisions")
}

// overviewLine is the 2024-25 overview's one line of four counts.
func (d *pageDoc) overviewLine() string {
	s := d.s
	return fmt.Sprintf("Between 1 April %d to 31 March %d, we dealt with %d complaints. Of these, %d were not for us or not ready for us to investigate. We assessed and closed %d complaints. We investigated %d complaints.",
		d.y, d.y+1, s.dealt, s.notForUs, s.assessed, s.investigations)
}

// overviewCompact writes the 2024-25 "Complaint overview" page as a compact
// copy.
func (d *pageDoc) overviewCompact() string {
	c, s, a, y := d.c, d.s, d.a, d.y
	var out []string
	w := func(lines ...string) { out = append(out, lines...) }
	w(c.name, "Complaint overview", d.overviewLine(), "More about this data")
	w(glossary...)
	w(legend...)
	w("-", "Complaints upheld", fmt.Sprintf("We investigated %d complaints and upheld %d.", s.investigations, s.upheldN),
		pct(s.upheld)+" of complaints we investigated were upheld.",
		fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.upheld)))
	adjusted := fmt.Sprintf("Adjusted for %s's population, this is %s upheld decisions per 100,000 residents.", c.name, rate(s.per100k))
	switch d.variant(3) {
	case 0:
		adjusted = "View upheld decisions" + adjusted
	case 1: // a stray '%'
		adjusted = fmt.Sprintf("Adjusted for %s's population, this is %s%% upheld decisions per 100,000 residents.", c.name, rate(s.per100k))
	}
	w(adjusted, fmt.Sprintf("The average for authorities of this type is %s upheld decisions per 100,000 residents.", rate(a.per100k)))
	w("-", "Compliance with Ombudsman recommendations",
		pct(s.compliance)+" of cases we were satisfied the Council had successfully implemented our recommendations.",
		fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.compliance)),
		fmt.Sprintf("Statistics are based on a total of %d compliance outcomes %s", s.outcomes, period(y)))
	d.remedyBlock(w, fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.remedy)))
	w("Annual letters", lettersLine1, lettersLine2)
	d.reportsNow(w, false)
	w("Service improvements", "Find out more about service improvements")
	d.caseLines(w, w)
	w(lastUpdated)
	return strings.Join(out, "\n")
}

// predecessors invents the abolished councils a unitary council was merged
// from: names no council of the corpus has.
func (d *pageDoc) predecessors() []string {
	var out []string
	kinds := []string{" Borough Council", " District Council", " Borough Council", " District Council"}
	for n := 3 + d.r.IntN(3); len(out) < n; {
		place := stems[d.r.IntN(len(stems))] + endings[d.r.IntN(len(endings))]
		name := place + kinds[len(out)%len(kinds)]
		if len(out) == 4 {
			name = place + "shire County Council"
		}
		if d.taken[graph.Slug(name)] || slices.Contains(out, name) {
			continue
		}
		out = append(out, name)
	}
	return out
}

// overviewBulleted writes the 2024-25 page as a blank-line copy with the
// site's banners, a merger preamble for a unitary council, bulleted blocks
// and the cookie panel.
func (d *pageDoc) overviewBulleted() string {
	c, s, a, y := d.c, d.s, d.a, d.y
	var b blocks
	b.para("Skip to main content", "How is your council performing?")
	b.para(fmt.Sprintf("Every council's figures for %d-%02d are now on our performance map - look yours up there.", y, (y+1)%100))
	b.para("For the picture across England, read our yearly review of council complaints.")
	for _, p := range comparingBanner {
		b.para(p)
	}
	b.para(c.name)
	if c.typ == graph.UnitaryCouncil {
		b.para(c.name + " is a merger of several councils and the historical information for these are located from the following links.")
		b.para(d.predecessors()...)
	}
	b.para("Complaint overview")
	b.para(d.overviewLine())
	b.para("More about this data")
	for _, g := range glossary {
		b.para(g)
	}
	for _, l := range legend {
		b.para(l)
	}
	b.head("Complaints upheld")
	b.body(fmt.Sprintf("We investigated %d complaints and upheld %d.", s.investigations, s.upheldN))
	b.body(pct(s.upheld) + " of complaints we investigated were upheld.")
	b.body(fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.upheld)))
	b.body("View upheld decisions")
	b.body(fmt.Sprintf("Adjusted for %s's population, this is %s upheld decisions per 100,000 residents.", c.name, rate(s.per100k)))
	b.body(fmt.Sprintf("The average for authorities of this type is %s upheld decisions per 100,000 residents.", rate(a.per100k)))
	b.head("Compliance with Ombudsman recommendations")
	b.body(pct(s.compliance) + " of cases we were satisfied the Council had successfully implemented our recommendations.")
	b.body(fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.compliance)))
	b.body(fmt.Sprintf("Statistics are based on a total of %d compliance outcomes %s", s.outcomes, period(y)))
	if s.upheldN > 0 {
		b.head("Satisfactory remedies provided by the Council")
		b.body(fmt.Sprintf("In %s of upheld cases we found the Council had provided a satisfactory remedy before the complaint reached the Ombudsman.", pct(s.remedy)))
		b.body(fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.remedy)))
		b.body(plural(s.remedyN, "satisfactory remedy decision", "satisfactory remedy decisions"))
		b.body(fmt.Sprintf("Statistics are based on a total of %d upheld decisions %s", s.upheldN, period(y)))
		b.body("View all satisfactory remedy decisions")
	}
	b.para("Annual letters")
	b.para(lettersLine1, lettersLine2)
	b.para("View annual letters")
	d.reportsNow(func(lines ...string) {
		for _, l := range lines {
			b.para(l)
		}
	}, false)
	b.para("Service improvements")
	b.para("Find out more about service improvements")
	b.cases(d.cases)
	b.para("Back to top")
	b.para("LGO logogram")
	b.para("Review your privacy settings")
	b.para("Required cookies")
	b.para("The site needs these to work at all; your browser's settings can block them, though parts of the site may then stop working.")
	b.para("View required cookies")
	b.para("Analytical cookies")
	b.para("These tell us, without naming anyone, which pages people visit, so that we can make the site better.", "We suggest you leave them switched on.")
	b.para("View analytical cookies")
	b.para("Privacy settings")
	return b.String()
}
