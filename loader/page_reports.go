package loader

import (
	"regexp"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// reportsSection reports whether a "Reports" heading on line n, before the
// council's name, heads the page's reports, rather than being an entry of
// the site's menu: its help
// link ("Reports ?Find out more about reports"), a "Public" heading, or an
// introduction, a "no reports" line or a help link among its next few
// lines says so.
func (p *pageParser) reportsSection(n int, heading string) bool {
	if strings.Contains(heading, "?") || strings.HasPrefix(heading, "Public") {
		return true
	}
	seen := 0
	for m := n + 1; m <= len(p.t.lines) && seen < 4; m++ {
		line := fold(content(p.t.lines[m-1]))
		if line == "" {
			continue
		}
		seen++
		if reportsIntro.MatchString(line) || noneListed.MatchString(line) || strings.HasPrefix(strings.ToLower(line), "find out more about") {
			return true
		}
		if _, head := pageHeader(line); head {
			return false
		}
	}
	return false
}

// sectionLines returns the lines of a section that carry text, without its
// heading, in order.
func (p *pageParser) sectionLines(s pageSection) []int {
	var out []int
	for n := 1; n <= len(p.t.lines); n++ {
		if p.sections[n-1] != s || content(p.t.lines[n-1]) == "" {
			continue
		}
		if _, head := pageHeader(content(p.t.lines[n-1])); head {
			continue
		}
		out = append(out, n)
	}
	return out
}

// reportItem is a line of the reports section, with any lines wrapped onto
// it joined to it. A cut item is one the text stops on, or one left out as
// garbled: it ends the report it is in.
type reportItem struct {
	text  string
	spans []graph.Span
	cut   bool
}

// reports reads the reports section: each report a title line, then usually
// a summary.
func (p *pageParser) reports() {
	public := false
	for _, n := range p.heads {
		if p.sections[n-1] == inReports {
			public = strings.HasPrefix(content(p.t.lines[n-1]), "Public")
		}
	}
	p.readReports(p.dropNonFacts(p.reportItems()), public)
}

// reportItems returns the items of the reports section: its lines, a line
// wrapped onto the next (which starts in lower case) joined to it. A line
// with a garbled number is warned of and stands as a cut item.
func (p *pageParser) reportItems() []reportItem {
	t := p.t
	var items []reportItem
	for _, n := range p.sectionLines(inReports) {
		line := fold(content(t.lines[n-1]))
		sp := p.quoteLine(n)
		if k := len(items); k > 0 && startsLower(line) && !items[k-1].cut && !endsSentence(items[k-1].text) {
			items[k-1].text += " " + sp.Quote
			items[k-1].spans = append(items[k-1].spans, sp)
			items[k-1].cut = n == p.cut
			continue
		}
		if g := garbledIn(line); g != "" {
			p.warn(n, "%s looks like a garbled number, so this report is left out", found(g))
			items = append(items, reportItem{cut: true})
			continue
		}
		items = append(items, reportItem{text: sp.Quote, spans: []graph.Span{sp}, cut: n == p.cut})
	}
	return items
}

// dropNonFacts drops, in place, the items that state no fact: the section's
// introduction, "no reports", links, dates, a pager's numbers and the link
// to the full list of reports. A cut item is kept.
func (p *pageParser) dropNonFacts(items []reportItem) []reportItem {
	kept := items[:0]
	for _, it := range items {
		f := fold(it.text)
		if !it.cut && (reportsIntro.MatchString(f) || noneListed.MatchString(f) || isLink(f) || dateOnly.MatchString(f) ||
			pageNumber(f) || reportsFor.MatchString(f)) {
			continue
		}
		kept = append(kept, it)
	}
	return kept
}

// readReports reads the reports the items give into the page's facts.
func (p *pageParser) readReports(items []reportItem, public bool) {
	// Reports: a title (which never ends with a full stop: a line that
	// does, with no title before it, is the section's introduction), then
	// its summary, perhaps wrapped over several lines until it ends a
	// sentence. An item cut short or garbled ends the report it is in,
	// which is left out.
	var cur *graph.Report
	flush := func() {
		if cur != nil {
			p.facts.Reports = append(p.facts.Reports, *cur)
			cur = nil
		}
	}
	for _, it := range items {
		switch {
		case it.cut:
			if cur != nil && (cur.Summary == "" || endsSentence(cur.Summary)) {
				// A whole report before the trouble, or a whole title
				// whose summary is cut short or garbled: the title
				// stands, without the summary.
				flush()
			}
			cur = nil
		case cur != nil && cur.Summary == "":
			cur.Summary = it.text
			cur.Evidence = append(cur.Evidence, it.spans...)
		case cur != nil && !endsSentence(cur.Summary):
			cur.Summary += " " + it.text
			cur.Evidence = append(cur.Evidence, it.spans...)
		case strings.HasSuffix(strings.TrimRight(it.text, `"'”’) `), "."):
			flush() // prose, not a title
		default:
			flush()
			cur = &graph.Report{CouncilSlug: p.council.Slug, Title: it.text, PublicInterest: public, Evidence: it.spans}
		}
	}
	if cur != nil && cur.Summary != "" && !endsSentence(cur.Summary) && p.cut > 0 {
		// Its summary runs into the place the text stops: the title
		// stands alone.
		cur.Summary, cur.Evidence = "", cur.Evidence[:1]
	}
	flush()
}

// reportsFor is the link to the full list of reports that follows a
// section's first few: "Public reports for London Borough of Croydon".
var reportsFor = regexp.MustCompile(`(?i)^(?:public (?:interest )?)?reports (?:for|against|about) \S`)

// dateOnly matches a line that is only a date, as reports lists give.
var dateOnly = regexp.MustCompile(`^(?:\d{1,2} \p{L}+ \d{4}|\d{1,2}/\d{1,2}/\d{4})$`)
