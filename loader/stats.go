package loader

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// statBlock is one block of the annual statistics section.
type statBlock int

const (
	noBlock statBlock = iota
	upheldBlock
	complianceBlock
	remedyBlock
)

const num = `(\d+(?:\.\d+)?)`

// statForm is one form a statistics fragment takes.
type statForm struct {
	re *regexp.Regexp
	// apply records the fragment's numbers; m holds the submatches.
	apply func(p *statsParser, m []string) error
}

var blockTitles = []struct {
	re    *regexp.Regexp
	block statBlock
}{
	{regexp.MustCompile(`^Complaints upheld$`), upheldBlock},
	{regexp.MustCompile(`^Compliance with (?:Ombudsman )?recommendations$`), complianceBlock},
	{regexp.MustCompile(`^Satisfactory remed(?:y|ies) provided by the .+$`), remedyBlock},
}

var statForms = []statForm{
	{regexp.MustCompile(`^` + num + `% Complaints upheld by .+$`), setPct(upheldBlock, func(s *graph.Statistics) **float64 { return &s.UpheldPercent })},
	{regexp.MustCompile(`^` + num + `% of complaints we investigated were upheld\.?$`), setPct(upheldBlock, func(s *graph.Statistics) **float64 { return &s.UpheldPercent })},
	{regexp.MustCompile(`^` + num + `% of cases were successfully implemented by .+$`), setPct(complianceBlock, func(s *graph.Statistics) **float64 { return &s.CompliancePercent })},
	{regexp.MustCompile(`^` + num + `% of cases we were satisfied the .+ had successfully implemented our recommendations\.?$`), setPct(complianceBlock, func(s *graph.Statistics) **float64 { return &s.CompliancePercent })},
	{regexp.MustCompile(`^` + num + `% Complaints with satisfactory remedy provided by .+$`), setPct(remedyBlock, func(s *graph.Statistics) **float64 { return &s.SatisfactoryRemedyPercent })},
	{regexp.MustCompile(`^In ` + num + `% of upheld cases we found the .+ had provided a satisfactory remedy before the complaint reached the Ombudsman\.?$`), setPct(remedyBlock, func(s *graph.Statistics) **float64 { return &s.SatisfactoryRemedyPercent })},
	{regexp.MustCompile(`^This compares to an average of ` + num + `% in similar authorities\.?$`), func(p *statsParser, m []string) error {
		var field **float64
		switch p.block {
		case upheldBlock:
			field = &p.st.SimilarAuthorities.UpheldPercent
		case complianceBlock:
			field = &p.st.SimilarAuthorities.CompliancePercent
		case remedyBlock:
			field = &p.st.SimilarAuthorities.SatisfactoryRemedyPercent
		default:
			return fmt.Errorf("a similar-authority average outside any block of statistics")
		}
		return p.setFloat(field, m[1], "similar-authority average", true)
	}},
	{regexp.MustCompile(`^(\d[\d,]*) upheld decisions?$`), func(p *statsParser, m []string) error {
		return p.setInt(&p.st.UpheldDecisions, m[1], "upheld decisions")
	}},
	{regexp.MustCompile(`^(\d[\d,]*) satisfactory remedy decisions?$`), func(p *statsParser, m []string) error {
		return p.setInt(&p.st.SatisfactoryRemedyDecisions, m[1], "satisfactory remedy decisions")
	}},
	{regexp.MustCompile(`^Adjusted for .+ population, this is$`), func(p *statsParser, m []string) error {
		p.similarNext = false
		return nil
	}},
	{regexp.MustCompile(`^The average for authorities of this type is$`), func(p *statsParser, m []string) error {
		p.similarNext = true
		return nil
	}},
	{regexp.MustCompile(`^` + num + ` upheld decisions? per 100,000 residents\.?$`), func(p *statsParser, m []string) error {
		if p.similarNext {
			p.similarNext = false
			return p.setFloat(&p.st.SimilarAuthorities.UpheldPer100k, m[1], "similar-authority upheld decisions per 100,000 residents", false)
		}
		return p.setFloat(&p.st.UpheldPer100k, m[1], "upheld decisions per 100,000 residents", false)
	}},
	{regexp.MustCompile(`^Statistics are based on a total of (\d[\d,]*) (investigations?|compliance outcomes?|upheld decisions?) for the period (?:between|from) (\d{1,2} \p{L}+ \d{4}) (?:to|and) (\d{1,2} \p{L}+ \d{4})\.?$`), (*statsParser).basis},
	{regexp.MustCompile(`^View all\b.*$`), func(*statsParser, []string) error { return nil }},
}

func setPct(b statBlock, field func(*graph.Statistics) **float64) func(*statsParser, []string) error {
	return func(p *statsParser, m []string) error {
		if p.block == noBlock {
			p.block = b
		}
		return p.setFloat(field(&p.st), m[1], "percentage", true)
	}
}

// statsParser reads the annual statistics section. Its lines run sentences
// together ("residents.The average"), so it reads fragments, not lines.
type statsParser struct {
	t           *text
	st          graph.Statistics
	any         bool
	block       statBlock
	similarNext bool
	n           int // line being read
	frag        graph.Span
	period      *graph.Year
	periodSpan  graph.Span
	periodLine  int
}

func newStatsParser(t *text) *statsParser { return &statsParser{t: t} }

// fragmentBreak finds a full stop run into the next sentence's capital.
var fragmentBreak = regexp.MustCompile(`\.\p{Lu}`)

func (p *statsParser) line(n int, trimmed string) error {
	if trimmed == "-" {
		p.block, p.similarNext = noBlock, false
		return nil
	}
	for _, b := range blockTitles {
		if b.re.MatchString(trimmed) {
			p.block, p.similarNext = b.block, false
			return nil
		}
	}
	orig := p.t.lines[n-1]
	base := strings.Index(orig, trimmed)
	start := 0
	cuts := fragmentBreak.FindAllStringIndex(trimmed, -1)
	for i := 0; i <= len(cuts); i++ {
		end := len(trimmed)
		if i < len(cuts) {
			end = cuts[i][0] + 1
		}
		frag := trimmed[start:end]
		p.n, p.frag = n, p.t.span(n, base+start, base+end)
		if err := p.fragment(frag); err != nil {
			return errorf(p.t.name, n, "%v", err)
		}
		start = end
	}
	return nil
}

func (p *statsParser) fragment(frag string) error {
	for _, f := range statForms {
		if m := f.re.FindStringSubmatch(frag); m != nil {
			p.st.Evidence = append(p.st.Evidence, p.frag)
			return f.apply(p, m)
		}
	}
	return fmt.Errorf("expected a line of annual statistics (such as '89%% of complaints we investigated were upheld.'); found %s", found(frag))
}

func (p *statsParser) setFloat(field **float64, s, what string, percent bool) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("%s %q is not a number", what, s)
	}
	if percent && v > 100 {
		return fmt.Errorf("%s %s%% is more than 100%%", what, s)
	}
	if *field != nil && **field != v {
		return fmt.Errorf("%s %s contradicts %v stated earlier", what, s, **field)
	}
	*field = &v
	p.any = true
	return nil
}

func (p *statsParser) setInt(field **int, s, what string) error {
	v, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		return fmt.Errorf("%s %q is not a whole number", what, s)
	}
	if *field != nil && **field != v {
		return fmt.Errorf("%d %s contradicts %d stated earlier", v, what, **field)
	}
	*field = &v
	p.any = true
	return nil
}

// basis reads "Statistics are based on a total of N things for the period
// between DATE to DATE", which gives a count and the business year.
func (p *statsParser) basis(m []string) error {
	switch strings.TrimSuffix(m[2], "s") {
	case "investigation":
		if err := p.setInt(&p.st.Investigations, m[1], "investigations"); err != nil {
			return err
		}
	case "compliance outcome":
		if err := p.setInt(&p.st.ComplianceOutcomes, m[1], "compliance outcomes"); err != nil {
			return err
		}
	case "upheld decision":
		if err := p.setInt(&p.st.UpheldDecisions, m[1], "upheld decisions"); err != nil {
			return err
		}
	}
	from, err1 := time.Parse("2 January 2006", m[3])
	to, err2 := time.Parse("2 January 2006", m[4])
	if err1 != nil || err2 != nil {
		return fmt.Errorf("period %q to %q: expected dates such as '1 April 2023'", m[3], m[4])
	}
	y := graph.YearOf(from)
	if from.Format("2006-01-02") != y.StartDate() || to.Format("2006-01-02") != y.EndDate() {
		return fmt.Errorf("period %s to %s is not a business year (1 April to 31 March)", m[3], m[4])
	}
	if p.period != nil && *p.period != y {
		return fmt.Errorf("period %s differs from %s stated on line %d", y.Label(), p.period.Label(), p.periodLine)
	}
	if p.period == nil {
		q := p.frag.Quote
		i := strings.Index(q, m[3])
		p.period, p.periodSpan, p.periodLine = &y, subSpan(p.frag, i, strings.LastIndex(q, m[4])+len(m[4])), p.n
	}
	return nil
}

// finish returns the statistics read, and false when the section held none.
// The section's header is on line header.
func (p *statsParser) finish(header int) (graph.Statistics, bool, error) {
	if !p.any {
		return graph.Statistics{}, false, nil
	}
	if p.period == nil {
		return graph.Statistics{}, false, errorf(p.t.name, header, "the annual statistics state no period: expected 'Statistics are based on a total of … for the period between 1 April YYYY to 31 March YYYY'")
	}
	p.st.Year, p.st.YearSpan = *p.period, p.periodSpan
	return p.st, true, nil
}
