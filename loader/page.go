package loader

import (
	"io"
	"regexp"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Section headers of a council performance page.
var (
	statsHeader       = regexp.MustCompile(`^Annual statistics\b`)
	lettersHeader     = regexp.MustCompile(`^Annual letters\b`)
	reportsHeader     = regexp.MustCompile(`^(Public )?[Rr]eports(?:\s*\?.*)?$`)
	improvementHeader = regexp.MustCompile(`^Service improvements\b`)
	lastUpdated       = regexp.MustCompile(`^Last updated:\s*(.+)$`)
)

// Lines of the service improvements section.
var (
	caseRef      = regexp.MustCompile(`^Case reference:\s*(\d{2})\s*(\d{3})\s*(\d{3})\s*$`)
	caseCategory = regexp.MustCompile(`^Category:\s*(\S.*?)\s*$`)
	caseSub      = regexp.MustCompile(`^Sub[ -]?[Cc]ategory:\s*(\S.*?)\s*$`)
	improvIntro  = regexp.MustCompile(`^Since .+ agreed to make the following improvements`)
	reportsIntro = regexp.MustCompile(`^In the last .+ published the following .*reports? against (.+?)\.?$`)
	noneListed   = regexp.MustCompile(`(?i)^(?:there are )?no (?:public )?(?:reports|service improvements|cases)\b`)
	viewAll      = regexp.MustCompile(`^View all\b`)
	lettersLine  = regexp.MustCompile(`^(?:We write to councils each year|and their performance in responding to our investigations|(?i:annual (?:review )?letter \d{4}))`)
)

type pageSection int

const (
	inPreamble pageSection = iota
	inStatistics
	inLetters
	inReports
	inImprovements
	inFooter
)

// ParsePage parses a council performance page: the council's annual
// statistics, the reports published against it, and the service improvements
// it agreed. Sections may be missing; a line that fits none of its section's
// forms is an error.
func ParsePage(name string, r io.Reader, gaz *Gazetteer) (graph.Facts, error) {
	t, err := readText(name, r)
	if err != nil {
		return graph.Facts{}, err
	}
	return parsePage(t, gaz)
}

type pageParser struct {
	t       *text
	gaz     *Gazetteer
	facts   graph.Facts
	council graph.Council
	seen    map[pageSection]int // section → header line

	stats   *statsParser
	reports []int // lines of the reports section, titles and summaries
	public  bool
	cas     *graph.Case // case being read
	items   int         // improvements read for it
}

func parsePage(t *text, gaz *Gazetteer) (graph.Facts, error) {
	p := &pageParser{t: t, gaz: gaz, seen: map[pageSection]int{}}
	section := inPreamble
	for n := 1; n <= len(t.lines); n++ {
		line := strings.TrimSpace(t.lines[n-1])
		if line == "" {
			continue
		}
		if p.council.Slug == "" {
			if err := p.name(n, line); err != nil {
				return graph.Facts{}, err
			}
			continue
		}
		if next, ok := pageHeader(line); ok {
			if err := p.endSection(section, n); err != nil {
				return graph.Facts{}, err
			}
			if first, dup := p.seen[next]; dup && next != inFooter {
				return graph.Facts{}, errorf(t.name, n, "section %s appears a second time (first on line %d)", found(line), first)
			}
			p.seen[next] = n
			section = next
			switch next {
			case inStatistics:
				p.stats = newStatsParser(t)
			case inReports:
				p.public = strings.HasPrefix(line, "Public")
			case inFooter:
				if m := lastUpdated.FindStringSubmatch(line); m == nil {
					return graph.Facts{}, errorf(t.name, n, "expected 'Last updated: DATE'; found %s", found(line))
				}
			}
			continue
		}
		var err error
		switch section {
		case inPreamble:
			err = errorf(t.name, n, "expected a section ('Annual statistics', 'Reports', 'Service improvements'); found %s", found(line))
		case inStatistics:
			err = p.stats.line(n, line)
		case inLetters:
			if !lettersLine.MatchString(line) {
				err = errorf(t.name, n, "expected the annual letters section's text; found %s", found(line))
			}
		case inReports:
			err = p.reportLine(n, line)
		case inImprovements:
			err = p.improvementLine(n, line)
		case inFooter:
			err = errorf(t.name, n, "expected nothing after 'Last updated'; found %s", found(line))
		}
		if err != nil {
			return graph.Facts{}, err
		}
	}
	if p.council.Slug == "" {
		return graph.Facts{}, errorf(t.name, 1, "expected the council's name; found an empty document")
	}
	if err := p.endSection(section, len(t.lines)+1); err != nil {
		return graph.Facts{}, err
	}
	if len(p.seen) == 0 {
		return graph.Facts{}, errorf(t.name, 2, "expected 'Annual statistics', 'Reports' or 'Service improvements' after the council's name; found no section")
	}
	if _, footer := p.seen[inFooter]; !footer {
		// A page ends with "Last updated: DATE". Without it, a last line cut
		// off mid-sentence would become a wrong fact (half an improvement).
		last := len(t.lines)
		for last > 0 && strings.TrimSpace(t.lines[last-1]) == "" {
			last--
		}
		if line := strings.TrimSpace(t.lines[last-1]); !endsSentence(line) {
			return graph.Facts{}, errorf(t.name, last, "the page ends mid-sentence without its 'Last updated:' line; is it truncated? found %s", found(line))
		}
	}
	p.facts.Document = t.document(graph.CouncilPage, p.council.Name)
	p.facts.Councils = []graph.Council{p.council}
	return p.facts, nil
}

func (p *pageParser) name(n int, line string) error {
	if _, ok := pageHeader(line); ok || !strings.Contains(line, "Council") && !strings.Contains(line, "Borough of") {
		return errorf(p.t.name, n, "expected the council's name on the first line; found %s", found(line))
	}
	p.council = p.gaz.Council(line, p.t.whole(n))
	return nil
}

// pageHeader reports which section of a council page a line heads, if any.
func pageHeader(line string) (pageSection, bool) {
	switch {
	case statsHeader.MatchString(line):
		return inStatistics, true
	case lettersHeader.MatchString(line):
		return inLetters, true
	case reportsHeader.MatchString(line):
		return inReports, true
	case improvementHeader.MatchString(line):
		return inImprovements, true
	case lastUpdated.MatchString(line):
		return inFooter, true
	}
	return 0, false
}

// endSection finishes the section that ends before line n.
func (p *pageParser) endSection(s pageSection, n int) error {
	switch s {
	case inStatistics:
		st, ok, err := p.stats.finish(p.seen[inStatistics])
		if err != nil {
			return err
		}
		if ok {
			st.CouncilSlug = p.council.Slug
			st.Doc = p.t.name
			p.facts.Statistics = append(p.facts.Statistics, st)
		}
	case inReports:
		if len(p.reports)%2 == 1 {
			last := p.reports[len(p.reports)-1]
			return errorf(p.t.name, last, "report %s has no summary: expected a title line followed by a summary line", found(strings.TrimSpace(p.t.lines[last-1])))
		}
		for i := 0; i < len(p.reports); i += 2 {
			title, summary := p.t.whole(p.reports[i]), p.t.whole(p.reports[i+1])
			p.facts.Reports = append(p.facts.Reports, graph.Report{
				CouncilSlug: p.council.Slug, Title: title.Quote, Summary: summary.Quote,
				PublicInterest: p.public, Evidence: []graph.Span{title, summary},
			})
		}
	case inImprovements:
		return p.endCase(n)
	}
	return nil
}

func (p *pageParser) reportLine(n int, line string) error {
	switch {
	case len(p.reports) == 0 && reportsIntro.MatchString(line):
	case noneListed.MatchString(line), viewAll.MatchString(line):
	default:
		p.reports = append(p.reports, n)
	}
	return nil
}

func (p *pageParser) improvementLine(n int, line string) error {
	t := p.t
	if p.cas != nil && p.cas.SubcategoryName != "" && strings.HasPrefix(line, "-") {
		return p.improvement(n, line)
	}
	if m := caseRef.FindStringSubmatch(line); m != nil {
		if err := p.endCase(n); err != nil {
			return err
		}
		ref := m[1] + " " + m[2] + " " + m[3]
		y, err := graph.YearOfReference(ref)
		if err != nil {
			return errorf(t.name, n, "%v", err)
		}
		p.cas = &graph.Case{Reference: ref, CouncilSlug: p.council.Slug, Year: y, Evidence: []graph.Span{t.whole(n)}}
		p.items = 0
		return nil
	}
	if p.cas == nil {
		switch {
		case improvIntro.MatchString(line), noneListed.MatchString(line), viewAll.MatchString(line):
			return nil
		}
		return errorf(t.name, n, "expected 'Case reference: NN NNN NNN'; found %s", found(line))
	}
	c := p.cas
	switch {
	case c.CategoryName == "":
		m := caseCategory.FindStringSubmatchIndex(line)
		if m == nil {
			return errorf(t.name, n, "expected 'Category: NAME' after case %s; found %s", c.Reference, found(line))
		}
		c.CategorySpan = p.valueSpan(n, line, m)
		c.CategoryName = graph.CleanName(c.CategorySpan.Quote)
	case c.SubcategoryName == "":
		m := caseSub.FindStringSubmatchIndex(line)
		if m == nil {
			return errorf(t.name, n, "expected 'Sub Category: NAME' after case %s's category; found %s", c.Reference, found(line))
		}
		c.SubcategorySpan = p.valueSpan(n, line, m)
		c.SubcategoryName = graph.CleanName(c.SubcategorySpan.Quote)
		p.facts.Cases = append(p.facts.Cases, *c)
	default:
		if viewAll.MatchString(line) {
			return nil
		}
		return errorf(t.name, n, "expected an improvement ('- TEXT') or the next 'Case reference:' in case %s; found %s", c.Reference, found(line))
	}
	return nil
}

// improvement reads an improvement, a line "- TEXT" (a leading bullet '•'
// is dropped), of the case being read.
func (p *pageParser) improvement(n int, line string) error {
	c := p.cas
	text := strings.TrimLeft(line[1:], " \t")
	text = strings.TrimLeft(strings.TrimPrefix(text, "•"), " \t")
	if text == "" {
		return errorf(p.t.name, n, "expected an improvement's text after '-' in case %s; found nothing", c.Reference)
	}
	off := strings.Index(p.t.lines[n-1], line) + len(line) - len(text)
	p.items++
	ev := p.t.span(n, off, off+len(text))
	p.facts.Improvements = append(p.facts.Improvements, graph.Improvement{
		CaseRef: c.Reference, Ordinal: p.items, Text: ev.Quote, Evidence: []graph.Span{ev},
	})
	return nil
}

// valueSpan quotes submatch 1 of m, found in the trimmed line, within line n.
func (p *pageParser) valueSpan(n int, trimmed string, m []int) graph.Span {
	off := strings.Index(p.t.lines[n-1], trimmed)
	return p.t.span(n, off+m[2], off+m[3])
}

// endCase checks that the case being read is whole before line n.
func (p *pageParser) endCase(n int) error {
	c := p.cas
	if c == nil {
		return nil
	}
	p.cas = nil
	switch {
	case c.CategoryName == "":
		return errorf(p.t.name, n, "case %s ends before its 'Category:' line", c.Reference)
	case c.SubcategoryName == "":
		return errorf(p.t.name, n, "case %s ends before its 'Sub Category:' line", c.Reference)
	case p.items == 0:
		return errorf(p.t.name, n, "case %s lists no improvements: expected at least one '- TEXT' line", c.Reference)
	}
	return nil
}
