package loader

import (
	"io"
	"regexp"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// pageSection is a section of a council performance page.
type pageSection int

const (
	inPreamble pageSection = iota
	inStatistics
	inLetters
	inReports
	inImprovements
	inOther
	inFooter
)

// sectionHeads are the headings of a council performance page's sections,
// in every layout the Ombudsman has used. A heading may carry its help link
// ("Reports ?Find out more about reports").
var sectionHeads = []struct {
	re      *regexp.Regexp
	section pageSection
}{
	{regexp.MustCompile(`^(?i:annual statistics|complaints? overview|complaint statistics)\b`), inStatistics},
	{regexp.MustCompile(`^(?i:annual (?:review )?letters?)(?:\s*\?.*)?$`), inLetters},
	{regexp.MustCompile(`^(?:Public (?:interest )?[Rr]eports?|Reports?|Focus reports?)(?:\s*\?.*)?$`), inReports},
	{regexp.MustCompile(`^(?i:service improvements)\b`), inImprovements},
	{regexp.MustCompile(`^(?i:decisions|complaint decisions|our decisions|related content)(?:\s*\?.*)?$`), inOther},
	{regexp.MustCompile(`^Last updated:?\s*\S`), inFooter},
	// The site's own furniture after the page: its footer, logo and cookie
	// panel.
	{regexp.MustCompile(`^(?i:lgo logogram|review your privacy settings|required cookies|cookie settings|privacy settings|accept (?:all )?cookies|back to top|local government (?:and|&) social care ombudsman|accessibility|privacy notice)$`), inOther},
}

// headingWords are the first words of sectionHeads, so that most lines need
// no pattern tried.
var headingWords = map[string]bool{
	"annual": true, "complaint": true, "complaints": true, "public": true, "reports": true, "report": true,
	"focus": true, "service": true, "decisions": true, "our": true, "related": true, "last": true,
	"lgo": true, "review": true, "required": true, "cookie": true, "privacy": true, "accept": true,
	"back": true, "local": true, "accessibility": true,
}

// pageHeader reports which section of a council page a line (its text, with
// bullets and indentation dropped) heads, if any.
func pageHeader(line string) (pageSection, bool) {
	if len(line) > 100 {
		return 0, false // a heading is short
	}
	first, _, _ := strings.Cut(line, " ")
	var buf [16]byte // the longest heading word is shorter: no copy on the heap
	if len(first) > len(buf) || !headingWords[string(asciiLowerInto(buf[:0], first))] {
		return 0, false
	}
	for _, h := range sectionHeads {
		if h.re.MatchString(line) {
			return h.section, true
		}
	}
	return 0, false
}

// ParsePage parses a council performance page: the council's annual
// statistics, the reports published against it, and the service improvements
// it agreed. Sections may be missing, and lines that state no fact (banners,
// links, navigation) are passed over.
func ParsePage(name string, r io.Reader, gaz *Gazetteer) (graph.Facts, error) {
	t, err := readText(name, r)
	if err != nil {
		return graph.Facts{}, err
	}
	return parsePage(t, gaz)
}

// pageParser reads a council performance page.
type pageParser struct {
	t        *text
	gaz      *Gazetteer
	facts    graph.Facts
	council  graph.Council
	sections []pageSection // the section of each line, by line number - 1
	heads    []int         // lines that head sections
	warnings []graph.Problem
	// cut is the line the text stops on mid-sentence, or 0 when it ends
	// whole.
	cut int
}

func parsePage(t *text, gaz *Gazetteer) (graph.Facts, error) {
	p := &pageParser{t: t, gaz: gaz, sections: make([]pageSection, len(t.lines))}
	section := inPreamble
	named := false // a council's name has been seen
	for n := 1; n <= len(t.lines); n++ {
		line := content(t.lines[n-1])
		if !named && len(line) <= 90 && line != "" {
			_, known := gaz.bySurface[surfaceKey(line)]
			named = known || councilLine.MatchString(fold(line))
		}
		if s, ok := pageHeader(line); ok {
			if s == inReports && !named && !p.reportsSection(n, line) {
				s = inOther // the site's menu before the page, not its section
			}
			section = s
			p.heads = append(p.heads, n)
		}
		p.sections[n-1] = section
	}
	if err := p.findCouncil(); err != nil {
		return graph.Facts{}, err
	}
	p.findCut()
	p.statistics()
	p.reports()
	p.improvements()
	if p.cut > 0 {
		p.warn(p.cut, "the text stops mid-sentence (%s): is the page cut short? The facts before it are kept", found(content(t.lines[p.cut-1])))
	}
	if len(p.facts.Statistics)+len(p.facts.Reports)+len(p.facts.Cases) == 0 && len(p.heads) == 0 {
		return graph.Facts{}, errorf(t.name, 1, "expected a council performance page's sections ('Annual statistics', 'Reports', 'Service improvements'); found none")
	}
	p.facts.Document = t.document(graph.CouncilPage, p.council.Name)
	p.facts.Document.Warnings = p.warnings
	p.facts.Councils = []graph.Council{p.council}
	return p.facts, nil
}

func (p *pageParser) warn(n int, format string, args ...any) {
	p.warnings = append(p.warnings, warnf(p.t.name, n, format, args...))
}

// content returns a line's text without bullets, indentation or trailing
// space.
func content(line string) string {
	return strings.TrimSpace(line[bulletLen(line):])
}

// councilLine matches a line that is a council's name and nothing else.
var councilLine = regexp.MustCompile(`^(?:(?:The )?(?:Royal |London )?Borough (?:Council )?of [A-Z].*|City of [A-Z].*|Council of the Isles of Scilly|[A-Z][\p{L}'’&.,\- ]+ (?:Council|Corporation))$`)

// namedBy finds a council's name in the statistics' own sentences.
var namedBy = regexp.MustCompile(`(?:[Cc]omplaints upheld by|successfully implemented by|satisfactory remedy provided by|[Aa]djusted for|reports against)\s+(.+?)(?:'s population|\.|$)`)

// findCouncil finds the council whose page this is: the last line that is a
// council's name before the first section (a page may start with banners or
// the site's navigation), or else the council its statistics name.
func (p *pageParser) findCouncil() error {
	t := p.t
	first := len(t.lines) + 1
	if len(p.heads) > 0 {
		first = p.heads[0]
	}
	best := 0
	for n := 1; n < first; n++ {
		line := content(t.lines[n-1])
		if len([]rune(line)) > 90 || line == "" {
			continue
		}
		if _, ok := p.gaz.bySurface[surfaceKey(line)]; ok || councilLine.MatchString(fold(line)) {
			// The first: a merged council's page lists the councils it
			// was made of after its own name.
			best = n
			break
		}
	}
	if best == 0 && first <= len(t.lines) {
		// A page that starts with a section (the service improvements
		// page) names its council after it.
		for n := first + 1; n <= len(t.lines) && best == 0; n++ {
			line := content(t.lines[n-1])
			if _, ok := p.gaz.bySurface[surfaceKey(line)]; ok || len([]rune(line)) <= 90 && councilLine.MatchString(fold(line)) {
				best = n
			}
		}
	}
	if best > 0 {
		p.council = p.gaz.councilNamed(content(t.lines[best-1]), t.whole(best))
		return nil
	}
	for n := 1; n <= len(t.lines); n++ {
		orig := t.lines[n-1]
		f := fold(orig)
		if m := namedBy.FindStringSubmatchIndex(f); m != nil {
			name := strings.TrimSpace(f[m[2]:m[3]])
			if _, ok := p.gaz.bySurface[surfaceKey(name)]; ok || councilLine.MatchString(name) {
				a, b := origOffset(orig, f, m[2]), origOffset(orig, f, m[2]+len(name))
				p.council = p.gaz.councilNamed(name, t.span(n, a, b))
				return nil
			}
		}
	}
	return errorf(t.name, max(1, first-1), "expected the council's name (such as 'Kent County Council') on a line of its own before the page's first section; found none")
}

// findCut finds whether the text stops mid-sentence: its last line neither
// ends a sentence nor is a heading, a link or a label, and the page has no
// 'Last updated' footer.
func (p *pageParser) findCut() {
	t := p.t
	last := len(t.lines)
	for last > 0 && content(t.lines[last-1]) == "" {
		last--
	}
	if last == 0 || p.sections[last-1] == inFooter {
		return
	}
	line := content(t.lines[last-1])
	if _, ok := pageHeader(line); ok || isLink(line) || endsSentence(line) || strings.HasSuffix(line, ":") {
		return
	}
	if caseRef.MatchString(line) || caseCategory.MatchString(line) || caseSub.MatchString(line) {
		return
	}
	// A statement of statistics that runs to the end of the line is whole,
	// though it may have no full stop ("Statistics are based on … 31 March
	// 2024").
	if hits := findStatements(fold(line)); len(hits) > 0 && hits[len(hits)-1].end >= len(fold(line))-1 {
		return
	}
	if councilLine.MatchString(fold(line)) {
		return
	}
	p.cut = last
}

// statistics reads the annual statistics from every part of the page but
// its reports and improvements, wherever their sentences sit.
func (p *pageParser) statistics() {
	f := newFlowOf(p.t, func(n int) bool {
		s := p.sections[n-1]
		return s != inReports && s != inImprovements
	})
	upTo := len(f.s)
	if p.cut > 0 && p.sections[p.cut-1] != inReports && p.sections[p.cut-1] != inImprovements {
		// Leave out what reaches the line the text stops on: a statement
		// that ends before it is whole.
		for _, pc := range f.pieces {
			if pc.line >= p.cut {
				upTo = pc.at
				break
			}
		}
	}
	st, ok, warnings := readStatistics(f, p.council.Slug, upTo)
	p.warnings = append(p.warnings, warnings...)
	if ok {
		p.facts.Statistics = append(p.facts.Statistics, st)
	}
}

// quoteLine quotes a line's text, without bullets or indentation.
func (p *pageParser) quoteLine(n int) graph.Span { return p.t.contentSpan(n) }
