package loader

import (
	"io"
	"regexp"
	"slices"
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

// Lines of the reports and service improvements sections that state no fact.
var (
	improvIntro  = regexp.MustCompile(`(?i)^(?:since .+ agreed to make the following improvements|we list up to|click .?view all)`)
	reportsIntro = regexp.MustCompile(`(?i)\bpublished the following\b`)
	noneListed   = regexp.MustCompile(`(?i)^(?:there (?:are|have been) )?no (?:public (?:interest )?)?(?:reports|service improvements|cases|improvements)\b`)
	linkLine     = regexp.MustCompile(`(?i)^(?:view (?:all|upheld|more|the)\b.*|read more\b.*|show (?:more|less)\b.*|find out more\b.*|back to top|print this page|share this page|\?find out more.*)$`)
	caseRef      = regexp.MustCompile(`(?i)^(?:case )?ref(?:erence)?(?: number)?\s*:?\s*(\d{2})\s*(\d{3})\s*(\d{3})\b`)
	caseCategory = regexp.MustCompile(`(?i)^category\s*:?\s*(.*?)\s*(?:\bsub[ -]?category\s*:?\s*(.*?))?\s*(?:\bdate\s*:.*)?$`)
	// namedCase is a case as the service improvements page lists it:
	// "Leeds City Council (22 008 451)".
	namedCase = regexp.MustCompile(`^[A-Z][^()]{2,90}?\s*\((\d{2})\s*(\d{3})\s*(\d{3})\)$`)
	caseSub   = regexp.MustCompile(`(?i)^sub[ -]?category\s*:?\s*(.*?)\s*$`)
)

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

// reports reads the reports section: each report a title line, then usually
// a summary.
func (p *pageParser) reports() {
	t := p.t
	public := false
	for _, n := range p.heads {
		if p.sections[n-1] == inReports {
			public = strings.HasPrefix(content(t.lines[n-1]), "Public")
		}
	}
	// Items: lines, a line wrapped onto the next (which starts in lower
	// case) joined to it.
	type item struct {
		text  string
		spans []graph.Span
		cut   bool
	}
	var items []item
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
			items = append(items, item{cut: true})
			continue
		}
		items = append(items, item{text: sp.Quote, spans: []graph.Span{sp}, cut: n == p.cut})
	}
	kept := items[:0]
	for _, it := range items {
		f := fold(it.text)
		if !it.cut && (reportsIntro.MatchString(f) || noneListed.MatchString(f) || isLink(f) || dateOnly.MatchString(f) ||
			pageNumber(f) || reportsFor.MatchString(f)) {
			continue
		}
		kept = append(kept, it)
	}
	items = kept
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

// garbledNumber matches a number misread as letters: "l7O", "2O23".
var garbledNumber = regexp.MustCompile(`\b(?:\d+[lO][\dlO]*|[lO]+\d[\dlO]*)\b`)

// garbledIn returns the first garbled number in s, or "".
func garbledIn(s string) string {
	for i := 1; i < len(s); i++ {
		a, b := s[i-1], s[i]
		if (a == 'l' || a == 'O') && b >= '0' && b <= '9' || (b == 'l' || b == 'O') && a >= '0' && a <= '9' {
			return garbledNumber.FindString(s)
		}
	}
	return ""
}

// namedCaseOf matches a case as the service improvements page lists it.
func namedCaseOf(line string) []string {
	if !strings.HasSuffix(line, ")") {
		return nil
	}
	return namedCase.FindStringSubmatch(line)
}

// dateOnly matches a line that is only a date, as reports lists give.
var dateOnly = regexp.MustCompile(`^(?:\d{1,2} \p{L}+ \d{4}|\d{1,2}/\d{1,2}/\d{4})$`)

// noiseWords are the first words of the lines improvIntro, noneListed and
// linkLine match, so that most lines need no pattern tried.
var noiseWords = map[string]bool{
	"since": true, "we": true, "click": true, "there": true, "no": true, "view": true, "read": true,
	"show": true, "find": true, "back": true, "print": true, "share": true, "?find": true,
}

// isNoise reports whether a line of the improvements section states no
// fact: its introduction, "no improvements", or a link.
func isNoise(line string) bool {
	if pageNumber(line) {
		return true
	}
	first, _, _ := strings.Cut(line, " ")
	if !noiseWords[strings.ToLower(first)] {
		return false
	}
	return improvIntro.MatchString(line) || noneListed.MatchString(line) || isLink(line)
}

// pageNumber reports whether a line is only a number, as a list's pager
// gives ("1", "2", "Next").
func pageNumber(line string) bool {
	if line == "" || len(line) > 3 {
		return false
	}
	for i := 0; i < len(line); i++ {
		if line[i] < '0' || line[i] > '9' {
			return false
		}
	}
	return true
}

// isCaseLine reports whether a line gives a case's reference.
func isCaseLine(line string) bool {
	if len(line) < 8 {
		return false
	}
	switch strings.ToLower(line[:3]) {
	case "cas", "ref":
		return caseRef.MatchString(line)
	}
	return namedCaseOf(line) != nil
}

// afterLabel returns what follows a label at the start of line ("Category",
// "Sub Category", "Sub-category", "Subcategory", in any case), with the
// space and colon after it, and whether the label was there.
func afterLabel(line string, sub bool) (string, bool) {
	lower := strings.ToLower(line)
	rest := lower
	if sub {
		if !strings.HasPrefix(rest, "sub") {
			return "", false
		}
		rest = strings.TrimLeft(rest[3:], " -")
	}
	if !strings.HasPrefix(rest, "category") {
		return "", false
	}
	rest = rest[len("category"):]
	if rest != "" && rest[0] != ' ' && rest[0] != ':' {
		return "", false // "Categoryless", not a label
	}
	rest = strings.TrimLeft(rest, " :")
	return line[len(line)-len(rest):], true
}

// matchSub matches "Sub Category: NAME" as caseSub does, without a pattern:
// it is tried on every line of a page's cases.
func matchSub(line string) []string {
	v, ok := afterLabel(line, true)
	if !ok {
		return nil
	}
	return []string{line, strings.TrimSpace(v)}
}

// matchCategory matches "Category: NAME", perhaps followed by "Sub Category:
// NAME" or "Date: …", as caseCategory does, without a pattern.
func matchCategory(line string) []string {
	v, ok := afterLabel(line, false)
	if !ok {
		return nil
	}
	lower := strings.ToLower(v)
	if i := strings.Index(lower, " date"); i >= 0 && strings.HasPrefix(strings.TrimLeft(lower[i+5:], " "), ":") {
		v, lower = v[:i], lower[:i]
	}
	sub := ""
	for _, l := range []string{"sub category", "sub-category", "subcategory"} {
		if i := strings.Index(lower, l); i >= 0 {
			if rest, ok := afterLabel(v[i:], true); ok {
				sub = strings.TrimSpace(rest)
				v = v[:i]
				break
			}
		}
	}
	return []string{line, strings.TrimSpace(v), sub}
}

// isLink reports whether a line is a link and nothing else ("View all
// satisfactory remedy decisions"): short, and of linkLine's forms. A long
// line that starts like a link has text run into it.
func isLink(line string) bool {
	return len(line) <= 60 && linkLine.MatchString(line)
}

// hasMarker reports whether a line starts with a list marker ('-', '•' …).
func hasMarker(line string) bool {
	return strings.TrimSpace(line[:bulletLen(line)]) != ""
}

// quoteLine quotes a line's text, without bullets or indentation.
func (p *pageParser) quoteLine(n int) graph.Span { return p.t.contentSpan(n) }

func startsLower(s string) bool {
	for _, r := range s {
		return r >= 'a' && r <= 'z'
	}
	return false
}

// improvements reads the service improvements section: for each case its
// reference, category and sub-category, then the improvements agreed, one
// to a line (an improvement wrapped over several lines is joined).
func (p *pageParser) improvements() {
	t := p.t
	var cas *graph.Case
	var items []graph.Improvement
	var label string // a "Category"/"Sub Category" label whose value is on the next line
	end := func(n int) {
		if cas == nil {
			return
		}
		switch {
		case cas.CategoryName == "" || cas.SubcategoryName == "" && len(items) == 0:
			p.warn(cas.Evidence[0].Line, "case %s has no 'Category:' and 'Sub Category:' before line %d, so it is left out", cas.Reference, n)
		default:
			if len(items) == 0 {
				p.warn(cas.Evidence[0].Line, "case %s lists no improvements", cas.Reference)
			}
			p.facts.Cases = append(p.facts.Cases, *cas)
			p.facts.Improvements = append(p.facts.Improvements, items...)
		}
		cas, items, label = nil, nil, ""
	}
	lines := 0 // the section's lines, more than it has improvements: room made once
	for _, sec := range p.sections {
		if sec == inImprovements {
			lines++
		}
	}
	p.facts.Improvements = slices.Grow(p.facts.Improvements, lines)
	p.facts.Cases = slices.Grow(p.facts.Cases, lines/4)
	ready := false    // the case's improvements follow (its own "Service improvements" heading)
	bulleted := false // the case's improvements each start with a bullet
	summary := false  // the line after a "Summary" label is the decision's summary
	for n := 1; n <= len(t.lines); n++ {
		line := fold(content(t.lines[n-1]))
		if p.sections[n-1] != inImprovements || line == "" {
			continue
		}
		if _, head := pageHeader(line); head {
			ready = cas != nil && cas.CategoryName != ""
			continue
		}
		if summary {
			summary = false
			continue
		}
		var m []string
		refEnd := 0 // where a "Case reference: …" label and its number end
		if l3 := strings.ToLower(line[:min(len(line), 3)]); l3 == "cas" || l3 == "ref" {
			if loc := caseRef.FindStringSubmatchIndex(line); loc != nil {
				m, refEnd = []string{line[loc[0]:loc[1]], line[loc[2]:loc[3]], line[loc[4]:loc[5]], line[loc[6]:loc[7]]}, loc[1]
			}
		}
		if m == nil {
			if m2 := namedCaseOf(line); m2 != nil {
				m = m2
			}
		}
		if m != nil {
			ready = false
			end(n)
			ref := m[1] + " " + m[2] + " " + m[3]
			y, err := graph.YearOfReference(ref)
			if err != nil {
				p.warn(n, "%v; the case is left out", err)
				continue
			}
			cas = &graph.Case{Reference: ref, CouncilSlug: p.council.Slug, Year: y, Evidence: []graph.Span{p.quoteLine(n)}}
			rest := strings.TrimSpace(line[refEnd:])
			if rest != "" {
				// "Case reference: 23 013 257 Category: Education …" on one line.
				p.caseLabels(cas, n, rest, &label)
			}
			continue
		}
		if cas == nil {
			continue // an introduction, a link, or navigation
		}
		switch {
		case isNoise(line):
			continue
		case strings.EqualFold(line, "Summary"):
			summary = true
			continue
		case label != "" || cas.SubcategoryName == "" && !ready:
			if p.caseLabels(cas, n, line, &label) {
				continue
			}
			if cas.CategoryName == "" {
				continue // not yet the case's category
			}
		}
		if cas.SubcategoryName == "" && !ready {
			continue
		}
		if n == p.cut {
			continue // cut short: not a whole improvement
		}
		if g := garbledIn(line); g != "" {
			p.warn(n, "%s looks like a garbled number, so this improvement is left out", found(g))
			continue
		}
		sp := p.quoteLine(n)
		marked := hasMarker(t.lines[n-1])
		if len(items) == 0 {
			bulleted = marked
		}
		if k := len(items); k > 0 && (bulleted && !marked || !bulleted && startsLower(line) && !endsSentence(items[k-1].Text)) {
			// A line without the bullet every improvement of the case
			// starts with, or a line that goes on with a sentence, is
			// the previous improvement wrapped.
			items[k-1].Text += " " + sp.Quote
			items[k-1].Evidence = append(items[k-1].Evidence, sp)
			continue
		}
		items = append(items, graph.Improvement{CaseRef: cas.Reference, Ordinal: len(items) + 1, Text: sp.Quote, Evidence: []graph.Span{sp}})
	}
	end(len(t.lines) + 1)
}

// caseLabels reads "Category: NAME" and "Sub Category: NAME" (both perhaps
// on one line, or a label alone with its value on the next line) into cas.
// It reports whether the line was a label or its value.
func (p *pageParser) caseLabels(cas *graph.Case, n int, line string, label *string) bool {
	if lower := strings.ToLower(line[:min(len(line), 3)]); *label == "" && lower != "cat" && lower != "sub" {
		return false
	}
	orig := p.t.lines[n-1]
	folded := fold(orig)
	at := func(v string) graph.Span {
		i := strings.Index(folded, v)
		return p.t.span(n, origOffset(orig, folded, i), origOffset(orig, folded, i+len(v)))
	}
	name := func(v string) (string, graph.Span) {
		sp := at(v)
		return graph.CleanName(sp.Quote), sp
	}
	if *label != "" {
		v := strings.TrimSpace(line)
		if *label == "category" {
			cas.CategoryName, cas.CategorySpan = name(v)
		} else {
			cas.SubcategoryName, cas.SubcategorySpan = name(v)
		}
		*label = ""
		return true
	}
	if m := matchSub(line); m != nil {
		if m[1] == "" {
			*label = "sub"
		} else {
			cas.SubcategoryName, cas.SubcategorySpan = name(m[1])
		}
		return true
	}
	if m := matchCategory(line); m != nil && cas.CategoryName == "" {
		switch {
		case m[1] == "" && m[2] == "":
			*label = "category"
		case m[1] != "" && m[2] == "" && strings.Contains(m[1], " > "):
			// "Category : Housing > Homelessness", as decisions give it.
			i := strings.Index(m[1], " > ")
			cas.CategoryName, cas.CategorySpan = name(strings.TrimSpace(m[1][:i]))
			cas.SubcategoryName, cas.SubcategorySpan = name(strings.TrimSpace(m[1][i+3:]))
		case m[1] != "":
			cas.CategoryName, cas.CategorySpan = name(m[1])
		}
		if m[2] != "" {
			cas.SubcategoryName, cas.SubcategorySpan = name(m[2])
		}
		return true
	}
	return false
}
