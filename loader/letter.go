package loader

import (
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

var (
	letterDate   = regexp.MustCompile(`^(\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4})$`)
	letterTitle  = regexp.MustCompile(`(?i)^annual review letter\b`)
	yearEnding   = regexp.MustCompile(`(?i)\byear ending (\d{1,2} \p{L}+ \d{4})`)
	salutation   = regexp.MustCompile(`^Dear\s+\S`)
	deliveredBy  = regexp.MustCompile(`(?i)^by (?:e-?mail|post|hand)\.?$`)
	ombudsmanTop = regexp.MustCompile(`(?i)^local government (?:&|and) social care ombudsman$`)
	councilTail  = regexp.MustCompile(`\b(?:(?:London|Royal) Borough of [A-Z].*|Council)$`)
)

// roleWords begin a job title, so they never begin a council's name.
var roleWords = map[string]bool{
	"chief": true, "executive": true, "interim": true, "managing": true, "director": true, "acting": true,
	"head": true, "paid": true, "service": true, "officer": true, "clerk": true, "mr": true, "mrs": true,
	"ms": true, "miss": true, "dr": true, "cllr": true, "leader": true, "deputy": true, "strategic": true,
	"corporate": true, "general": true, "manager": true, "joint": true, "assistant": true, "lead": true,
	"monitoring": true, "services": true, "resources": true, "governance": true, "legal": true, "the": true,
}

// ParseLetter parses an annual review letter: its date, its recipient and
// council, and the business year it reviews (its "year ending").
func ParseLetter(name string, r io.Reader, gaz *Gazetteer) (graph.Facts, error) {
	t, err := readText(name, r)
	if err != nil {
		return graph.Facts{}, err
	}
	return parseLetter(t, gaz)
}

func parseLetter(t *text, gaz *Gazetteer) (graph.Facts, error) {
	l := graph.Letter{Doc: t.name}
	var dateLine, dearLine, titleLine, endingLine int
	var addressee []int
	for n := 1; n <= len(t.lines); n++ {
		line := strings.TrimSpace(t.lines[n-1])
		switch {
		case line == "" || ombudsmanTop.MatchString(line) || deliveredBy.MatchString(line):
		case dateLine == 0 && letterDate.MatchString(line):
			d, err := time.Parse("2 January 2006", line)
			if err != nil {
				return graph.Facts{}, errorf(t.name, n, "expected the letter's date; found %s", found(line))
			}
			dateLine, l.Date = n, d.Format("2006-01-02")
		case dateLine > 0 && dearLine == 0 && salutation.MatchString(line):
			dearLine = n
		case dateLine > 0 && dearLine == 0:
			addressee = append(addressee, n)
		case titleLine == 0 && letterTitle.MatchString(line):
			titleLine, l.Title = n, line
		}
		if endingLine == 0 {
			if m := yearEnding.FindStringSubmatchIndex(t.lines[n-1]); m != nil {
				d, err := time.Parse("2 January 2006", t.lines[n-1][m[2]:m[3]])
				if err != nil {
					return graph.Facts{}, errorf(t.name, n, "expected a date after 'year ending', such as '31 March 2020'; found %s", found(t.lines[n-1][m[2]:m[3]]))
				}
				endingLine, l.Year, l.YearSpan = n, graph.YearOf(d), t.span(n, m[0], m[1])
			}
		}
	}
	switch {
	case dateLine == 0:
		return graph.Facts{}, errorf(t.name, 1, "expected the letter's date (such as '22 July 2020') on a line of its own; found none")
	case dearLine == 0:
		return graph.Facts{}, errorf(t.name, dateLine, "expected a salutation ('Dear …') after the recipient; found none")
	case len(addressee) == 0:
		return graph.Facts{}, errorf(t.name, dearLine, "expected the recipient and council (such as 'Ms Smith Chief Executive Kent County Council') before %s", found(strings.TrimSpace(t.lines[dearLine-1])))
	case endingLine == 0:
		return graph.Facts{}, errorf(t.name, max(titleLine, dearLine), "expected the year the letter covers ('… for the year ending 31 March 2020'); found none")
	}
	last := addressee[len(addressee)-1]
	whole := t.whole(last)
	start, ok := gaz.councilAtEnd(whole.Quote)
	if !ok {
		return graph.Facts{}, errorf(t.name, last, "expected the recipient's council at the end of the address (such as '… Kent County Council'); found %s", found(whole.Quote))
	}
	cspan := subSpan(whole, start, len(whole.Quote))
	council := gaz.Council(cspan.Quote, cspan)
	var who []string
	for _, n := range addressee[:len(addressee)-1] {
		who = append(who, strings.TrimSpace(t.lines[n-1]))
	}
	who = append(who, strings.TrimSpace(whole.Quote[:start]))
	l.Recipient = strings.TrimSpace(strings.Join(who, " "))
	l.CouncilSlug = council.Slug
	l.Evidence = []graph.Span{t.whole(dateLine), whole}
	if titleLine > 0 {
		l.Evidence = append(l.Evidence, t.whole(titleLine))
	} else {
		l.Title = "Annual review letter " + l.Date[:4]
	}
	return graph.Facts{
		Document: t.document(graph.AnnualLetter, l.Title+" to "+council.Name),
		Councils: []graph.Council{council},
		Letters:  []graph.Letter{l},
	}, nil
}

// councilAtEnd finds the council's name that ends an address line such as
// "Mrs Bijle Interim Managing Director Hertsmere Borough Council", and
// returns where it starts.
func (g *Gazetteer) councilAtEnd(s string) (int, bool) {
	s = strings.TrimRight(s, " .,")
	toks := wordToken.FindAllStringIndex(s, -1)
	for _, tk := range toks { // a known council, longest first
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
			if startsUpper(w) {
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
