package loader

import (
	"io"
	"regexp"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

var (
	pageMarker   = regexp.MustCompile(`^(?:Annual statistics\b|Service improvements\b|Case reference:|(?:Public )?[Rr]eports \?Find out more)`)
	letterMarker = regexp.MustCompile(`(?i)^annual review letter\b|\bfor the year ending \d{1,2} \p{L}+ \d{4}`)
	councilName  = regexp.MustCompile(`(?:Council|^(?:London|Royal) Borough of .+)$`)
	wordsMarker  = regexp.MustCompile(`\p{L}{2,}(?:\s+\p{L}+){3,}`)
)

// Detect says what kind of document t is, from its content alone:
//
//   - a council performance page has an 'Annual statistics', 'Service
//     improvements', 'Reports ?Find out more' or 'Case reference:' line, or
//     a council's name followed at once by a section of its page;
//   - an annual review letter has a salutation ('Dear …') and a heading
//     'Annual Review letter' or a 'year ending' date;
//   - a news article is any other running text.
func detect(t *text) (graph.DocKind, error) {
	var dear, letter, prose bool
	nonEmpty := 0
	first := ""
	for _, l := range t.lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		nonEmpty++
		if pageMarker.MatchString(l) {
			return graph.CouncilPage, nil
		}
		if nonEmpty == 1 {
			first = l
		}
		// A council's name, then straight away a section of its page.
		if _, ok := pageHeader(l); ok && nonEmpty == 2 && councilName.MatchString(first) {
			return graph.CouncilPage, nil
		}
		dear = dear || salutation.MatchString(l)
		letter = letter || letterMarker.MatchString(l)
		prose = prose || wordsMarker.MatchString(l)
	}
	switch {
	case nonEmpty == 0:
		return "", errorf(t.name, 1, "expected a council performance page, an annual review letter or a news article; found an empty document")
	case dear && letter:
		return graph.AnnualLetter, nil
	case prose:
		return graph.NewsArticle, nil
	}
	return "", errorf(t.name, 1, "expected a council performance page, an annual review letter or a news article; found no running text, only %s", found(first))
}

// Parse reads one document, detects its kind from its content and parses it.
// The gazetteer resolves the councils it names, and learns the councils that
// council pages and letters name.
func Parse(name string, r io.Reader, gaz *Gazetteer) (graph.Facts, error) {
	t, err := readText(name, r)
	if err != nil {
		return graph.Facts{}, err
	}
	kind, err := detect(t)
	if err != nil {
		return graph.Facts{}, err
	}
	return parseKind(t, kind, gaz)
}

func parseKind(t *text, kind graph.DocKind, gaz *Gazetteer) (graph.Facts, error) {
	switch kind {
	case graph.CouncilPage:
		return parsePage(t, gaz)
	case graph.AnnualLetter:
		return parseLetter(t, gaz)
	default:
		return parseArticle(t, gaz)
	}
}
