package loader

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/pdftext"
)

var (
	wordsMarker = regexp.MustCompile(`\p{L}{2,}(?:\s+\p{L}+){3,}`)
	// relevant words show that running text is about councils or the
	// Ombudsman, as a news article ombudsgraph reads must be.
	relevant = regexp.MustCompile(`(?i)\b(?:council|councils|ombudsman|lgsco|lgo|watchdog|local authority|borough|county hall|town hall)\b`)
	markdown = regexp.MustCompile("^(?:#{1,6} \\S|```|~~~|\\|.*\\|\\s*$|\\[[^]]+\\]\\([^)]+\\)\\s*$)")
	markup   = regexp.MustCompile(`(?i)^\s*(?:<(?:!doctype|html|\?xml|head|body|div|p|table)\b|\{\s*"|\[\s*\{)`)
)

// signals are what a document's content says of its kind.
type signals struct {
	nonEmpty    int
	first       string
	sections    map[pageSection]bool
	cases       int
	statements  int
	dear, title bool
	ending      bool
	prose       bool // some line reads as running text
	relevant    bool // some line names a council or the Ombudsman
	markdown    int
	table       int
	markup      bool
}

// Detect says what kind of document t is, by weighing what it contains, never
// by its name or its first line alone:
//
//   - an annual letter has a salutation ('Dear …') and a letter's heading
//     ('Annual Review letter 2020', 'Annual Letter 2006/07') or the year it
//     covers ('for the year ending 31 March 2020');
//   - a council performance page has the sections of one ('Annual
//     statistics', 'Complaint overview', 'Service improvements', 'Reports'),
//     'Case reference:' lines, or the sentences its statistics are stated in;
//   - a news article is running text about councils or the Ombudsman.
//
// Anything else (a README, a spreadsheet, a cookie notice) is not an LGSCO
// document, and detect says why.
func detect(t *text) (graph.DocKind, error) {
	s := readSignals(t)
	if s.nonEmpty == 0 {
		return "", errorf(t.name, 1, "expected a council performance page, an annual review letter or a news article; found an empty document")
	}
	page := 3*len(s.sections) + 3*min(s.cases, 2)
	if s.dear || s.title {
		s.ending = yearEnding.MatchString(newFlow(t, 1, len(t.lines)+1).s)
	}
	if page < 3 && !s.dear && !s.title {
		// No section or case line: the statistics' own sentences may
		// still show a page (a copy of its statistics alone).
		s.statements = len(findStatements(newFlow(t, 1, len(t.lines)+1).s))
		page += 2 * min(s.statements, 4)
	}
	switch {
	case s.markup:
		return "", notLGSCO(t, "it is markup (XML or JSON data), not the text of a page, letter or article")
	case s.dear && (s.title || s.ending) && s.cases == 0:
		return graph.AnnualLetter, nil
	case s.title && s.ending && len(s.sections) == 0 && s.cases == 0:
		// An annual letter set out as a report, with no salutation (the
		// Local Government Ombudsman's of 2007/08).
		return graph.AnnualLetter, nil
	case page >= 3:
		return graph.CouncilPage, nil
	case s.markdown >= 2 && s.markdown*4 >= s.nonEmpty/2:
		return "", notLGSCO(t, fmt.Sprintf("it reads as Markdown: %d lines are headings, code fences, tables or links", s.markdown))
	case s.table*2 > s.nonEmpty && s.nonEmpty >= 2:
		return "", notLGSCO(t, fmt.Sprintf("it reads as a table: %d of its %d lines are comma- or tab-separated values", s.table, s.nonEmpty))
	case !s.prose:
		return "", notLGSCO(t, fmt.Sprintf("it has no running text, only %s", found(s.first)))
	case !s.relevant:
		return "", notLGSCO(t, "its text never mentions a council, a local authority or the Ombudsman")
	case s.dear:
		return graph.AnnualLetter, nil
	}
	return graph.NewsArticle, nil
}

// readSignals reads what the lines of t say of its kind.
func readSignals(t *text) signals {
	s := signals{sections: map[pageSection]bool{}}
	for i, l := range t.lines {
		if i >= 80 && !s.dear && len(s.sections) > 0 && !s.markup {
			// A page's sections, and no salutation in its first 80
			// lines: a page, whatever follows.
			break
		}
		c := content(l)
		if c == "" {
			continue
		}
		s.nonEmpty++
		if s.nonEmpty == 1 {
			s.first = c
			s.markup = markup.MatchString(l) || (c == "{" || c == "[") && json.Valid([]byte(strings.Join(t.lines, "\n")))
		}
		s.add(l, c)
	}
	return s
}

// add records what line l, whose text without bullets or indentation is c,
// says of its document's kind.
func (s *signals) add(l, c string) {
	// An "Annual letter" heading is a letter's as much as a page's
	// section, so it does not count for a page.
	if sec, ok := pageHeader(c); ok && sec != inOther && sec != inFooter && sec != inLetters {
		s.sections[sec] = true
	}
	// A "Council (NN NNN NNN)" line counts for nothing: a page's sections
	// already show a page, and an article may list decisions so.
	if (hasPrefixFold(c, "cas") || hasPrefixFold(c, "ref")) && caseRef.MatchString(c) {
		s.cases++
	}
	s.dear = s.dear || strings.HasPrefix(c, "Dear") && salutation.MatchString(c)
	s.title = s.title || len(c) < 60 && hasPrefixFold(c, "annual") && letterTitle.MatchString(c)
	// Whether there is prose, and whether it is about councils, is
	// all that is needed of these: stop looking once known.
	s.prose = s.prose || wordsMarker.MatchString(c)
	s.relevant = s.relevant || relevant.MatchString(c)
	if strings.ContainsAny(l[:min(len(l), 1)], "#`~|[") && markdown.MatchString(strings.TrimRight(l, " ")) {
		s.markdown++
	}
	if strings.Count(c, ",") >= 3 && !strings.Contains(c, ". ") || strings.Count(c, "\t") >= 2 {
		s.table++
	}
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix,
// in any case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// hasSections reports whether t has a section of a council page.
func hasSections(t *text) bool {
	for _, l := range t.lines {
		if sec, ok := pageHeader(content(l)); ok && sec != inOther && sec != inFooter && sec != inLetters {
			return true
		}
	}
	return false
}

// notLGSCO reports a document that is none of the kinds ombudsgraph reads.
func notLGSCO(t *text, why string) *ParseError {
	return &ParseError{Doc: t.name, Msg: "not an LGSCO page, letter or news article (" + why + ")"}
}

// Parse reads one document, detects its kind from its content and parses it.
// The gazetteer resolves the councils it names, and learns the councils that
// council pages and letters name.
//
// The document may be plain text or a web page saved as HTML.
func Parse(name string, r io.Reader, gaz *Gazetteer) (graph.Facts, error) {
	data, err := io.ReadAll(io.LimitReader(r, pdftext.MaxSize+1)) // a PDF's images count
	if err != nil {
		return graph.Facts{}, errorf(name, 1, "cannot read the document: %v", err)
	}
	t, err := readSource(name, data)
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
		f, err := parsePage(t, gaz)
		if err != nil && !hasSections(t) {
			// Read as a page for its case lines or statistics sentences
			// alone, with no section of a page: running text that
			// quotes them (an article listing decisions) is an article.
			if a, aerr := parseArticle(t, gaz); aerr == nil && len(a.Councils) > 0 {
				return a, nil
			}
		}
		return f, err
	case graph.AnnualLetter:
		return parseLetter(t, gaz)
	default:
		return parseArticle(t, gaz)
	}
}
