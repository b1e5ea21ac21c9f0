package api_test

import (
	"encoding/json"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// TestProblemsAndNewFields: the problems of a corpus, a document's warnings,
// and the fields of the 2024-25 layout and the councils reference file.
func TestProblemsAndNewFields(t *testing.T) {
	y1, _ := graph.ParseYear("2023-24")
	y2, _ := graph.ParseYear("2024-25")
	n := func(v int) *int { return &v }
	f := func(v float64) *float64 { return &v }
	doc := "kent.txt"
	span := graph.Span{Doc: doc, Line: 1, End: 19, Quote: "Kent County Council"}
	facts := []graph.Facts{{
		Document: graph.Document{Name: doc, Kind: graph.CouncilPage, Title: "Kent County Council", Lines: 30, SHA256: "x",
			Warnings: []graph.Problem{{Doc: doc, Line: 12, Severity: graph.SeverityWarning, Message: "a table cut short"}}},
		Councils: []graph.Council{
			{Slug: "kent-county-council", Name: "Kent County Council", Code: "E10000016", Evidence: []graph.Span{span}},
			{Slug: "old-council", Name: "Old Council", Abolished: "2023-04-01", SuccessorSlug: "kent-county-council", Evidence: []graph.Span{span}},
			{Slug: "older-council", Name: "Older Council", Abolished: "2009-04-01", SuccessorSlug: "gone-council", Evidence: []graph.Span{span}},
		},
		Statistics: []graph.Statistics{
			{CouncilSlug: "kent-county-council", Year: y1, Investigations: n(90), UpheldPercent: f(80), Doc: doc, Evidence: []graph.Span{span}},
			{CouncilSlug: "kent-county-council", Year: y2, ComplaintsDealtWith: n(400), NotForUs: n(100), AssessedAndClosed: n(210), Investigations: n(90), UpheldPercent: f(85), Doc: doc, Evidence: []graph.Span{span}},
		},
	}, {
		Document: graph.Document{Name: "news.txt", Kind: graph.NewsArticle, Title: "News", Lines: 3, SHA256: "y"},
		Articles: []graph.Article{{Doc: "news.txt", Headline: "News", CouncilSlugs: []string{"kent-county-council"}}},
		Claims:   []graph.Claim{{ArticleDoc: "news.txt", Ordinal: 1, Value: 10, Upper: f(50), Unit: graph.GBP, Text: "between £10-£50", Sentence: "Fees of between £10-£50."}},
	}}
	g, err := graph.Build(facts, nil, graph.Problem{Doc: "README.md", Severity: graph.SeverityError, Message: "not an LGSCO document"})
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, g)
	var resp any
	c.MustPost(`{
		all: problems { document line severity message text }
		errors: problems(severity: ERROR) { document }
		document(name: "kent.txt") { warnings { line severity text } }
		kent: council(slug: "kent-county-council") { code abolished successor { slug }
			statistics { year { label } complaintsDealtWith notForUs assessedAndClosed investigations
				changeFromPrevious { upheldPercent complaintsDealtWith } differenceFromSimilar { complaintsDealtWith } } }
		old: council(slug: "old-council") { code abolished successor { slug } }
		older: council(slug: "older-council") { successor { slug } }
		articles { claims { value upper } }
	}`, &resp)
	got, _ := json.Marshal(resp)
	want := `{"all":[{"document":"README.md","line":0,"message":"not an LGSCO document","severity":"ERROR","text":"README.md: not an LGSCO document"},` +
		`{"document":"kent.txt","line":12,"message":"a table cut short","severity":"WARNING","text":"kent.txt:12: warning: a table cut short"}],` +
		`"articles":[{"claims":[{"upper":50,"value":10}]}],` +
		`"document":{"warnings":[{"line":12,"severity":"WARNING","text":"kent.txt:12: warning: a table cut short"}]},` +
		`"errors":[{"document":"README.md"}],` +
		`"kent":{"abolished":null,"code":"E10000016","statistics":[` +
		`{"assessedAndClosed":null,"changeFromPrevious":null,"complaintsDealtWith":null,"differenceFromSimilar":{"complaintsDealtWith":null},"investigations":90,"notForUs":null,"year":{"label":"2023-24"}},` +
		`{"assessedAndClosed":210,"changeFromPrevious":{"complaintsDealtWith":null,"upheldPercent":5},"complaintsDealtWith":400,"differenceFromSimilar":{"complaintsDealtWith":null},"investigations":90,"notForUs":100,"year":{"label":"2024-25"}}],` +
		`"successor":null},` +
		`"old":{"abolished":"2023-04-01","code":null,"successor":{"slug":"kent-county-council"}},` +
		`"older":{"successor":null}}`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
