package loader

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// The parts of an annual letter, in every era: the Local Government
// Ombudsman's "Annual Letter 2006/07", the "Annual Review Letter" of 2013 to
// 2019, and the Local Government and Social Care Ombudsman's letters since.
var (
	// letterDate is a line that is the letter's date: "22 July 2020",
	// "20th June 2007", "Date: 16/07/2013", "July 22, 2020".
	letterDate = regexp.MustCompile(`(?i)^(?:date\s*:?\s*)?(\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December),?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})$`)
	// refDate is a reference line that ends with the date.
	refDate     = regexp.MustCompile(`(?i)\bdate\s*:?\s*(\d{1,2}/\d{1,2}/\d{4}|\d{1,2} \p{L}+ \d{4})\s*$`)
	letterTitle = regexp.MustCompile(`(?i)^annual (?:review )?letter\b.*$|^annual review\s+\d{4}(?:[/-]\d{2,4})?$`)
	titleYear   = regexp.MustCompile(`((?:19|20)\d{2})(?:\s*[/–-]\s*(\d{2}|\d{4}))?`)
	// yearEnding names the end of the business year a letter reviews.
	yearEnding   = regexp.MustCompile(`(?i)\b(?:year|period)\s+end(?:ing|ed)\s+(?:on\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})`)
	salutation   = regexp.MustCompile(`^Dear\s+\S`)
	deliveredBy  = regexp.MustCompile(`(?i)^(?:sent )?by (?:e-?mail|post|hand|dx)\.?$`)
	ombudsmanTop = regexp.MustCompile(`(?i)ombudsman|^local government\b|^social care$|^&$`)
	// notRecipient matches lines of a recipient block that are not the
	// person or the council: references, exchange numbers, addresses.
	notRecipient = regexp.MustCompile(`(?i)^(?:our ref|your ref|ref\b|\(please quote|please quote|dx\s*\d|tel\b|telephone|phone|e-?mail\s*:|fax|web|www\.|po box|private (?:&|and) confidential|\d+[a-z]? \p{L}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$)`)
	councilWrap  = regexp.MustCompile(`^(?:(?:City|County|Borough|District|Metropolitan Borough) )?Council$`)
	councilTail  = regexp.MustCompile(`\b(?:(?:The )?(?:London|Royal) Borough of [A-Z].*|(?:Borough|District|County|City) Council of [A-Z].*|Council of the [A-Z].*|City of London Corporation|Council)$`)
)

// roleWords begin a job title, so they never begin a council's name.
var roleWords = map[string]bool{
	"chief": true, "executive": true, "interim": true, "managing": true, "director": true, "acting": true,
	"head": true, "paid": true, "service": true, "officer": true, "clerk": true, "mr": true, "mrs": true,
	"ms": true, "miss": true, "dr": true, "cllr": true, "leader": true, "deputy": true, "strategic": true,
	"corporate": true, "general": true, "manager": true, "joint": true, "assistant": true, "lead": true,
	"monitoring": true, "services": true, "resources": true, "governance": true, "legal": true, "the": true,
	"operating": true, "town": true, "solicitor": true,
}

// ParseLetter parses an annual review letter: its date, its recipient and
// council, and the business year it reviews.
func ParseLetter(name string, r io.Reader, gaz *Gazetteer) (graph.Facts, error) {
	t, err := readText(name, r)
	if err != nil {
		return graph.Facts{}, err
	}
	return parseLetter(t, gaz)
}

func parseLetter(t *text, gaz *Gazetteer) (graph.Facts, error) {
	l := graph.Letter{Doc: t.name}
	var dateLine, dearLine, titleLine int
	for n := 1; n <= len(t.lines); n++ {
		line := fold(content(t.lines[n-1]))
		switch {
		case line == "":
		case dearLine == 0 && dateLine == 0 && letterDateIn(t.lines[n-1]) != "" && !endsYear(t, n):
			if d, err := parseLetterDate(letterDateIn(t.lines[n-1])); err == nil {
				dateLine, l.Date = n, d.Format("2006-01-02")
			}
		case dearLine == 0 && salutation.MatchString(line):
			dearLine = n
		case (titleLine == 0 || !hasDigit(l.Title) && hasDigit(line)) && letterTitle.MatchString(line) && len(line) < 60:
			// The first heading, or a later one that gives the year.
			titleLine, l.Title = n, content(t.lines[n-1])
		}
	}
	if dateLine == 0 && dearLine == 0 && titleLine == 0 {
		return graph.Facts{}, errorf(t.name, 1, "expected the letter's date (such as '22 July 2020' or '16/07/2013'), a salutation ('Dear …') or its heading ('Annual Review letter 2020'); found none")
	}
	var warnings []graph.Problem
	year, yearSpans, err := letterYear(t, titleLine)
	if err != nil {
		return graph.Facts{}, err
	}
	if year == nil {
		return graph.Facts{}, errorf(t.name, max(titleLine, dearLine), "expected the year the letter covers ('… for the year ending 31 March 2020', 'For the period ending 31/03/2007' or a title such as 'Annual Review letter 2020'); found none")
	}
	l.Year = *year
	if len(yearSpans) > 0 {
		l.YearSpan = yearSpans[0]
	}
	if dateLine == 0 {
		warnings = append(warnings, warnf(t.name, max(1, titleLine, dearLine), "the letter gives no date (such as '22 July 2020') before its salutation or heading, so it has none"))
	}
	var council graph.Council
	var who string
	var block []graph.Span
	if dearLine > 0 {
		council, who, block, err = recipient(t, gaz, dateLine, dearLine)
	} else {
		// A letter set out as a report, with no salutation: the council
		// is named in its opening lines, and the recipient is not.
		council, block, err = namedInHeading(t, gaz, titleLine)
	}
	if err != nil {
		return graph.Facts{}, err
	}
	l.Recipient = who
	l.CouncilSlug = council.Slug
	l.Evidence = block
	if dateLine > 0 {
		l.Evidence = append([]graph.Span{t.contentSpan(dateLine)}, block...)
		if len(block) > 0 && block[0].Line == dateLine {
			l.Evidence = block // the date's line is part of the recipient block
		}
	}
	switch {
	case titleLine > 0:
		l.Evidence = append(l.Evidence, t.contentSpan(titleLine))
	case l.Date != "":
		l.Title = "Annual review letter " + l.Date[:4]
	default:
		l.Title = "Annual letter " + l.Year.Label()
	}
	doc := t.document(graph.AnnualLetter, l.Title+" to "+council.Name)
	doc.Warnings = warnings
	return graph.Facts{Document: doc, Councils: []graph.Council{council}, Letters: []graph.Letter{l}}, nil
}

// namedInHeading finds the council a letter without a salutation is about:
// the first line of its opening (up to 12 lines after its heading) that is a
// council's name, or ends with one.
func namedInHeading(t *text, gaz *Gazetteer, titleLine int) (graph.Council, []graph.Span, error) {
	for n := 1; n <= len(t.lines) && n <= max(titleLine, 1)+12; n++ {
		sp := t.contentSpan(n)
		if sp.Quote == "" || len([]rune(sp.Quote)) > 90 {
			continue
		}
		folded := fold(sp.Quote)
		if start, ok := gaz.councilAtEnd(folded); ok {
			start = origOffset(sp.Quote, folded, start)
			cspan := subSpan(sp, start, len(strings.TrimRight(sp.Quote, " .,")))
			return gaz.councilNamed(cspan.Quote, cspan), []graph.Span{sp}, nil
		}
	}
	return graph.Council{}, nil, errorf(t.name, max(1, titleLine), "expected the council the letter is about (such as 'Leeds City Council') on a line of its own near its heading; found none")
}

// endsYear reports whether the line before line n ends by naming the end of
// a year ("… for the year ended" / "31 March 2008"): then the date on line
// n is that, not the letter's.
func endsYear(t *text, n int) bool {
	for m := n - 1; m >= 1; m-- {
		prev := strings.ToLower(fold(content(t.lines[m-1])))
		if prev == "" {
			continue
		}
		return strings.HasSuffix(prev, "ended") || strings.HasSuffix(prev, "ending") || strings.HasSuffix(prev, "ending on")
	}
	return false
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// parseLetterDate reads a letter's date in any of the forms letterDate
// matches.
func parseLetterDate(s string) (time.Time, error) {
	if d, err := parseDate(s); err == nil {
		return d, nil
	}
	s = strings.ReplaceAll(s, ",", "")
	f := strings.Fields(s)
	if len(f) == 3 { // "July 22 2020"
		return parseDate(f[1] + " " + f[0] + " " + f[2])
	}
	return time.Time{}, fmt.Errorf("not a date: %q", s)
}

// letterYear finds the business year a letter reviews: from the sentence
// that names the end of the year or period (wrapped over lines or not), or
// else from its title ("Annual Letter 2006/07"; "Annual Review letter 2018"
// reviews the year ending 31 March 2018).
func letterYear(t *text, titleLine int) (*graph.Year, []graph.Span, error) {
	f := newFlow(t, 1, len(t.lines)+1)
	if m := yearEnding.FindStringSubmatchIndex(f.s); m != nil {
		d, err := parseDate(f.s[m[2]:m[3]])
		if err != nil {
			return nil, nil, errorf(t.name, f.lineOf(m[0]), "expected a date after 'year ending', such as '31 March 2020'; found %s", found(f.s[m[2]:m[3]]))
		}
		y := graph.YearOf(d.AddDate(0, 0, -1))
		return &y, f.spans(m[0], m[1]), nil
	}
	if titleLine == 0 {
		return nil, nil, nil
	}
	title := t.contentSpan(titleLine)
	m := titleYear.FindStringSubmatchIndex(title.Quote)
	if m == nil {
		return nil, nil, nil
	}
	first, _ := strconv.Atoi(title.Quote[m[2]:m[3]])
	y := graph.Year{First: first - 1}
	if m[4] >= 0 { // "2006/07": the year that starts in 2006
		y = graph.Year{First: first}
	}
	return &y, []graph.Span{subSpan(title, m[0], m[1])}, nil
}

// recipient finds the person and council a letter is addressed to: the lines
// between its date and its salutation (or, where the address comes first,
// before the date), without references, exchange numbers and postal address.
//
// It returns the council, the recipient, and the lines of the recipient
// block that name them, quoted whole.
func recipient(t *text, gaz *Gazetteer, dateLine, dearLine int) (graph.Council, string, []graph.Span, error) {
	try := func(from, to int) (graph.Council, string, []graph.Span, bool) {
		var who []string
		var block []graph.Span
		for n := from; n < to; n++ {
			whole, ok := t.recipientColumn(n)
			if !ok {
				continue
			}
			line := whole.Quote
			if n+1 < to && councilWrap.MatchString(content(t.lines[n])) {
				// "Stoke-on-Trent City" / "Council": a name wrapped
				// over two lines.
				next := t.contentSpan(n + 1)
				joined := whole.Quote + " " + next.Quote
				if start, ok := gaz.councilAtEnd(fold(joined)); ok && start < len(whole.Quote) {
					start = origOffset(joined, fold(joined), start)
					name := joined[start:]
					c := gaz.councilNamed(name, subSpan(whole, start, len(whole.Quote)))
					c.Evidence = append(c.Evidence, next)
					who = append(who, strings.TrimSpace(whole.Quote[:start]))
					return c, strings.Join(strings.Fields(strings.Join(who, " ")), " "), append(block, whole, next), true
				}
			}
			folded := fold(whole.Quote)
			if start, ok := gaz.councilAtEnd(folded); ok {
				start = origOffset(whole.Quote, folded, start)
				cspan := subSpan(whole, start, len(strings.TrimRight(whole.Quote, " .,")))
				c := gaz.councilNamed(cspan.Quote, cspan)
				who = append(who, strings.TrimSpace(whole.Quote[:start]))
				return c, strings.Join(strings.Fields(strings.Join(who, " ")), " "), append(block, whole), true
			}
			if ombudsmanTop.MatchString(line) {
				continue
			}
			who = append(who, line)
			block = append(block, whole)
		}
		return graph.Council{}, "", nil, false
	}
	// Where the date stands beside the address (a PDF's reference block set
	// level with it), the address starts above the date: from the first
	// line of the paragraph the date is in.
	if dateLine > 0 && columnOK(t, dateLine) {
		from := dateLine
		for from > 1 && content(t.lines[from-2]) != "" && !ombudsmanTop.MatchString(fold(content(t.lines[from-2]))) {
			from--
		}
		if c, who, sp, ok := try(from, dearLine); ok {
			return c, who, sp, nil
		}
	}
	if c, who, sp, ok := try(dateLine+1, dearLine); ok {
		return c, who, sp, nil
	}
	if c, who, sp, ok := try(1, min(dateLine, dearLine)); ok {
		return c, who, sp, nil
	}
	return graph.Council{}, "", nil, errorf(t.name, dearLine, "expected the recipient's council (such as 'Ms Smith Chief Executive Kent County Council') before %s; found none", found(content(t.lines[dearLine-1])))
}

// columns splits a line into the runs of text a page set side by side: runs
// parted by three spaces or more, or by a tab, as text copied from a PDF
// gives a reference block set level with an address. It returns their byte
// ranges, trimmed.
func columns(line string) [][2]int {
	var out [][2]int
	start, end := -1, 0 // the column being read, and where its text ends so far
	spaces := 0         // spaces since its text
	for i := 0; i <= len(line); i++ {
		switch {
		case i < len(line) && line[i] != ' ' && line[i] != '\t':
			if start < 0 {
				start = i
			}
			end, spaces = i+1, 0
			continue
		case i < len(line) && line[i] == ' ':
			spaces++
			if spaces < 3 {
				continue
			}
		}
		// A tab, three spaces or the end: the column, if any, ends.
		if start >= 0 {
			out = append(out, [2]int{start, end})
			start = -1
		}
	}
	return out
}

// letterDateIn returns the letter's date where a column of the line is
// one ("22 July 2020", "Date: 16/07/2013", a reference line that ends with
// the date), or "".
func letterDateIn(line string) string {
	for _, c := range columns(line) {
		col := fold(content(line[c[0]:c[1]]))
		if m := letterDate.FindStringSubmatch(col); m != nil {
			return m[1]
		}
		if m := refDate.FindStringSubmatch(col); m != nil {
			return m[1]
		}
	}
	return ""
}

// columnOK reports whether line n has a column that can be the recipient's.
func columnOK(t *text, n int) bool {
	_, ok := t.recipientColumn(n)
	return ok
}

// recipientColumn quotes the part of line n that can be the recipient's:
// its columns other than a date, a reference, an exchange number, how it
// was sent or the Ombudsman's letterhead. It reports false when none is.
func (t *text) recipientColumn(n int) (graph.Span, bool) {
	line := t.lines[n-1]
	var keep [][2]int
	for _, c := range columns(line) {
		a := c[0] + bulletLen(line[c[0]:c[1]])
		col := fold(line[a:c[1]])
		if col == "" || deliveredBy.MatchString(col) || notRecipient.MatchString(col) || letterDateIn(col) != "" {
			continue
		}
		keep = append(keep, [2]int{a, c[1]})
	}
	if len(keep) != 1 {
		// Two columns of what could be a recipient's, side by side, are
		// not one line of the address; none is nothing.
		if len(keep) == 0 {
			return graph.Span{}, false
		}
	}
	return t.span(n, keep[0][0], keep[0][1]), true
}

// councilAtEnd finds the council's name that ends an address line such as
// "Mrs Bijle Interim Managing Director Hertsmere Borough Council", and
// returns where it starts.
func (g *Gazetteer) councilAtEnd(s string) (int, bool) {
	s = strings.TrimRight(s, " .,")
	toks := wordToken.FindAllStringIndex(s, -1)
	for _, tk := range toks { // a known council, longest first
		if _, ok := g.bySurface[surfaceKey(s[tk[0]:])]; ok {
			return tk[0], true
		}
		if _, ok := g.bySlug[graph.Slug(s[tk[0]:])]; ok {
			return tk[0], true
		}
	}
	m := councilTail.FindStringIndex(s)
	if m == nil {
		return 0, false
	}
	if strings.HasSuffix(s[m[0]:], "Council") && m[0] == len(s)-len("Council") {
		start := -1
		for i := len(toks) - 2; i >= 0; i-- {
			w := s[toks[i][0]:toks[i][1]]
			lw := strings.ToLower(w)
			if roleWords[lw] && !typeWords[lw] {
				break
			}
			if startsUpper(w) || w == "&" {
				start = i
			} else if !connectors[lw] {
				break
			}
		}
		if start < 0 {
			return 0, false
		}
		return toks[start][0], true
	}
	return m[0], true
}
