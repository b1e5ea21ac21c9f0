package loader

import (
	"slices"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// improvements reads the service improvements section: for each case its
// reference, category and sub-category, then the improvements agreed, one
// to a line (an improvement wrapped over several lines is joined).
func (p *pageParser) improvements() {
	t := p.t
	r := &caseReader{p: p}
	p.growCases()
	for n := 1; n <= len(t.lines); n++ {
		line := fold(content(t.lines[n-1]))
		if p.sections[n-1] != inImprovements || line == "" {
			continue
		}
		r.read(n, line)
	}
	r.end(len(t.lines) + 1)
}

// growCases makes room in the page's facts for the cases and improvements of
// the service improvements section, once.
func (p *pageParser) growCases() {
	lines := 0 // the section's lines, more than it has improvements: room made once
	for _, sec := range p.sections {
		if sec == inImprovements {
			lines++
		}
	}
	p.facts.Improvements = slices.Grow(p.facts.Improvements, lines)
	p.facts.Cases = slices.Grow(p.facts.Cases, lines/4)
}

// caseReader reads the cases of a page's service improvements section, a
// line at a time, into the page's facts.
type caseReader struct {
	p     *pageParser
	cas   *graph.Case // the case being read, or nil
	items []graph.Improvement
	label string // a "Category"/"Sub Category" label whose value is on the next line
	// ready says the case's improvements follow (its own "Service
	// improvements" heading).
	ready bool
	// bulleted says the case's improvements each start with a bullet.
	bulleted bool
	// summary says the line after a "Summary" label is the decision's
	// summary.
	summary bool
}

// read reads line n of the section, folded and with bullets dropped: a
// heading, a case's reference, its labels, or an improvement.
func (r *caseReader) read(n int, line string) {
	if _, head := pageHeader(line); head {
		r.ready = r.cas != nil && r.cas.CategoryName != ""
		return
	}
	if r.summary {
		r.summary = false
		return
	}
	if m, refEnd := caseReference(line); m != nil {
		r.start(n, line, m, refEnd)
		return
	}
	if r.cas == nil {
		return // an introduction, a link, or navigation
	}
	switch {
	case isNoise(line):
		return
	case strings.EqualFold(line, "Summary"):
		r.summary = true
		return
	case r.label != "" || r.cas.SubcategoryName == "" && !r.ready:
		if r.p.caseLabels(r.cas, n, line, &r.label) {
			return
		}
		if r.cas.CategoryName == "" {
			return // not yet the case's category
		}
	}
	if r.cas.SubcategoryName == "" && !r.ready {
		return
	}
	if n == r.p.cut {
		return // cut short: not a whole improvement
	}
	r.improvement(n, line)
}

// caseReference matches a line that starts a case: "Case reference: 23 013
// 257", perhaps with the case's labels after it, or "Leeds City Council (22
// 008 451)". It returns the match and its submatches, the reference's three
// groups of digits, or nil if the line starts no case; and where a "Case
// reference: …" label and its number end (0 for a case listed by its
// council's name).
func caseReference(line string) ([]string, int) {
	var m []string
	refEnd := 0 // where a "Case reference: …" label and its number end
	if hasPrefixFold(line, "cas") || hasPrefixFold(line, "ref") {
		if loc := caseRef.FindStringSubmatchIndex(line); loc != nil {
			m, refEnd = []string{line[loc[0]:loc[1]], line[loc[2]:loc[3]], line[loc[4]:loc[5]], line[loc[6]:loc[7]]}, loc[1]
		}
	}
	if m == nil {
		if m2 := namedCaseOf(line); m2 != nil {
			m = m2
		}
	}
	return m, refEnd
}

// start ends the case before and starts the one whose reference line n
// gives (m as caseReference matches it), reading any labels after the
// reference. A reference that is no case's is warned of, and its case left
// out.
func (r *caseReader) start(n int, line string, m []string, refEnd int) {
	r.ready = false
	r.end(n)
	ref := m[1] + " " + m[2] + " " + m[3]
	y, err := graph.YearOfReference(ref)
	if err != nil {
		r.p.warn(n, "%v; the case is left out", err)
		return
	}
	r.cas = &graph.Case{Reference: ref, CouncilSlug: r.p.council.Slug, Year: y, Evidence: []graph.Span{r.p.quoteLine(n)}}
	rest := strings.TrimSpace(line[refEnd:])
	if rest != "" {
		// "Case reference: 23 013 257 Category: Education …" on one line.
		r.p.caseLabels(r.cas, n, rest, &r.label)
	}
}

// improvement reads line n as one of the case's improvements, or as the
// previous one wrapped onto it. A line with a garbled number is warned of
// and left out.
func (r *caseReader) improvement(n int, line string) {
	p := r.p
	if g := garbledIn(line); g != "" {
		p.warn(n, "%s looks like a garbled number, so this improvement is left out", found(g))
		return
	}
	sp := p.quoteLine(n)
	marked := hasMarker(p.t.lines[n-1])
	if len(r.items) == 0 {
		r.bulleted = marked
	}
	if k := len(r.items); k > 0 && (r.bulleted && !marked || !r.bulleted && startsLower(line) && !endsSentence(r.items[k-1].Text)) {
		// A line without the bullet every improvement of the case
		// starts with, or a line that goes on with a sentence, is
		// the previous improvement wrapped.
		r.items[k-1].Text += " " + sp.Quote
		r.items[k-1].Evidence = append(r.items[k-1].Evidence, sp)
		return
	}
	r.items = append(r.items, graph.Improvement{CaseRef: r.cas.Reference, Ordinal: len(r.items) + 1, Text: sp.Quote, Evidence: []graph.Span{sp}})
}

// end ends the case being read, if any, before line n: it is kept with its
// improvements when it has its category and sub-category (or improvements
// without a sub-category), and left out with a warning when not.
func (r *caseReader) end(n int) {
	p, cas := r.p, r.cas
	if cas == nil {
		return
	}
	switch {
	case cas.CategoryName == "" || cas.SubcategoryName == "" && len(r.items) == 0:
		p.warn(cas.Evidence[0].Line, "case %s has no 'Category:' and 'Sub Category:' before line %d, so it is left out", cas.Reference, n)
	default:
		if len(r.items) == 0 {
			p.warn(cas.Evidence[0].Line, "case %s lists no improvements", cas.Reference)
		}
		p.facts.Cases = append(p.facts.Cases, *cas)
		p.facts.Improvements = append(p.facts.Improvements, r.items...)
	}
	r.cas, r.items, r.label = nil, nil, ""
}

// namedCaseOf matches a case as the service improvements page lists it.
func namedCaseOf(line string) []string {
	if !strings.HasSuffix(line, ")") {
		return nil
	}
	return namedCase.FindStringSubmatch(line)
}
