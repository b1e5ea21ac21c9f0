package synth

import (
	"fmt"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

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
	d.annualReports(w, t)
	w("Service improvements ?Find out more about service improvements", improvementsSay)
	d.caseLines(w, func(lines ...string) { t(lines[0]) })
	w(lastUpdated)
	if wrapped {
		return strings.Join(out, "\n\n")
	}
	return strings.Join(out, "\n")
}

// annualReports writes the reports section of the "Annual statistics"
// compact copy: its heading and introduction with w, then each report's
// title with w and its summary with t (which a wrapped copy wraps), or
// that there are none.
func (d *pageDoc) annualReports(w func(...string), t func(string)) {
	public := d.c.typ == graph.CountyCouncil
	if public {
		w("Public reports ?Find out more about public reports",
			"In the last nine years, the Ombudsman has published the following public interest reports against "+d.c.name)
	} else {
		w("Reports ?Find out more about reports",
			"In the last nine years, the Ombudsman has published the following reports against "+d.c.name)
	}
	for _, rp := range d.reports {
		w(rp.title)
		t(rp.summary)
	}
	if len(d.reports) == 0 {
		w(noReports(public))
	}
}

func noReports(public bool) string {
	if public {
		return "No public reports published"
	}
	return "No reports published"
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
	d.complianceAndRemedyBlocks(&b, remedyBase)
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
