package synth

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

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
	d.complianceAndRemedyBlocks(&b, "upheld decisions")
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
