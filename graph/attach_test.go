package graph_test

import (
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// article returns the facts of a news article about councils, of 2023-24,
// with theme matches.
func article(doc string, councils []string, matches ...graph.ThemeMatch) graph.Facts {
	y, _ := graph.ParseYear("2023-24")
	f := graph.Facts{
		Document: graph.Document{Name: doc, Kind: graph.NewsArticle, SHA256: doc},
		Articles: []graph.Article{{Doc: doc, Headline: "A headline", CouncilSlugs: councils, Years: []graph.Year{y}, Matches: matches}},
	}
	for _, c := range councils {
		f.Councils = append(f.Councils, graph.Council{Slug: c, Name: c, Evidence: []graph.Span{span(doc, 2, c)}})
	}
	return f
}

func sendMatch(doc string, line int, sentence string, councils ...string) graph.ThemeMatch {
	return graph.ThemeMatch{Theme: "send", Term: "SEND", Evidence: span(doc, line, sentence), Councils: councils}
}

// TestArticleThemeCountsForTheCouncilsItsSentencesAreAbout: an article about
// Leeds's SEND services that says Leeds is "second only to Birmingham City
// Council" is about both councils, but its SEND counts for Leeds only; an
// article whose themed sentences name no council counts for all its
// councils.
func TestArticleThemeCountsForTheCouncilsItsSentencesAreAbout(t *testing.T) {
	const leeds, brum = "leeds-city-council", "birmingham-city-council"
	leedsArticle := article("leeds.txt", []string{leeds, brum},
		sendMatch("leeds.txt", 3, "Leeds City Council said SEND transport would improve.", leeds),
		sendMatch("leeds.txt", 5, "Complaints about SEND in Leeds are second only to Birmingham City Council.", leeds),
		sendMatch("leeds.txt", 7, "Leeds City Council apologised to SEND families.", leeds))
	general := article("general.txt", []string{leeds, brum},
		sendMatch("general.txt", 3, "Families wait months for SEND support."))
	g, err := graph.Build([]graph.Facts{leedsArticle, general}, themes)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ := g.Trace("send")
	counts := map[string]int{}
	for _, tc := range tr.Councils {
		counts[tc.Council.Slug] = tc.ArticleCount
	}
	if counts[leeds] != 2 || counts[brum] != 1 {
		t.Errorf("SEND article counts = %v, want Leeds 2 (both articles), Birmingham 1 (only the article that names no council)", counts)
	}
	m, err := g.ThemeMatrix([]string{"send"}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]int{}
	for _, c := range m.Cells {
		cells[c.Council.Slug] = c.ArticleCount
	}
	if cells[leeds] != 2 || cells[brum] != 1 {
		t.Errorf("SEND matrix article counts = %v, want Leeds 2, Birmingham 1", cells)
	}
	var brumThemes []string
	for _, tc := range g.CouncilThemes(brum) {
		brumThemes = append(brumThemes, tc.Theme.Slug)
	}
	if strings.Join(brumThemes, ",") != "send" {
		t.Errorf("Birmingham's themes = %v", brumThemes)
	}
	names := func(as []*graph.Article) string {
		var out []string
		for _, a := range as {
			out = append(out, a.Doc)
		}
		return strings.Join(out, ",")
	}
	if as, _ := g.FindArticles(graph.Filter{Council: brum, Theme: "send"}); names(as) != "general.txt" {
		t.Errorf("Birmingham's SEND articles = %s, want general.txt only", names(as))
	}
	if as, _ := g.FindArticles(graph.Filter{Council: brum}); names(as) != "general.txt,leeds.txt" {
		t.Errorf("Birmingham's articles = %s, want both: leeds.txt is still about Birmingham", names(as))
	}

	// Without a council named by any of its SEND sentences, the Leeds
	// article counts for both its councils, as before.
	only := article("leeds.txt", []string{leeds, brum}, sendMatch("leeds.txt", 3, "SEND transport will improve."))
	g, err = graph.Build([]graph.Facts{only}, themes)
	if err != nil {
		t.Fatal(err)
	}
	tr, _ = g.Trace("send")
	if len(tr.Councils) != 2 {
		t.Errorf("an article whose SEND names no council counts for %d councils, want both", len(tr.Councils))
	}
}

func TestProblems(t *testing.T) {
	f := page("b.txt", "Kent County Council")
	f.Document.Warnings = []graph.Problem{{Doc: "b.txt", Line: 9, Severity: graph.SeverityWarning, Message: "a table cut short"}}
	g, err := graph.Build([]graph.Facts{f}, themes,
		graph.Problem{Doc: "c.txt", Severity: graph.SeverityError, Message: "not a document"},
		graph.Problem{Doc: "a.txt", Line: 3, Severity: graph.SeverityError, Message: "expected a title"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range g.Problems() {
		got = append(got, p.String())
	}
	if want := "a.txt:3: expected a title|b.txt:9: warning: a table cut short|c.txt: not a document"; strings.Join(got, "|") != want {
		t.Errorf("problems =\n%s\nwant\n%s", strings.Join(got, "|"), want)
	}
}

func TestChangeFromPreviousCounts(t *testing.T) {
	y1, _ := graph.ParseYear("2023-24")
	y2, _ := graph.ParseYear("2024-25")
	f := page("a.txt", "Kent County Council")
	f.Statistics = []graph.Statistics{
		{CouncilSlug: "kent-county-council", Year: y1, UpheldPercent: ptr(80.0), Doc: "a.txt"},
		{CouncilSlug: "kent-county-council", Year: y2, UpheldPercent: ptr(85.5), ComplaintsDealtWith: ptr(400), NotForUs: ptr(90), AssessedAndClosed: ptr(200), Doc: "a.txt"},
	}
	f.Statistics[0].ComplaintsDealtWith = ptr(350)
	g, err := graph.Build([]graph.Facts{f}, themes)
	if err != nil {
		t.Fatal(err)
	}
	stats := g.Statistics("kent-county-council")
	_, ch, ok := g.Change(stats[1])
	if !ok || *ch.UpheldPercent != 5.5 || ch.ComplaintsDealtWith == nil || *ch.ComplaintsDealtWith != 50 || ch.NotForUs != nil || ch.AssessedAndClosed != nil {
		t.Errorf("change = %+v, want upheld +5.5 points, complaints dealt with +50, the rest unknown", ch)
	}
	if d := stats[1].DifferenceFromSimilar(); d.ComplaintsDealtWith != nil {
		t.Errorf("a difference from similar authorities has a count: %+v", d)
	}
}
