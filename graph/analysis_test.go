package graph_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// seedGraph builds the seed corpus, plus extra documents given as name, text.
func seedGraph(t *testing.T, extra ...string) *graph.Graph {
	t.Helper()
	l, err := loader.New(seed.Themes, seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := loader.ReadFS(seed.Docs())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(extra); i += 2 {
		srcs = append(srcs, loader.Source{Name: extra[i], Data: []byte(extra[i+1])})
	}
	facts, err := l.Load(srcs)
	if err != nil {
		t.Fatal(err)
	}
	g, err := graph.Build(facts, l.Themes())
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestClassifyActions(t *testing.T) {
	cases := map[string]string{
		"The Council will send a reminder to staff in adult social care.":                                                       "REMIND_OR_BRIEF",
		"Provide training and guidance to staff about the need to keep all cases of part-time education under review":           "TRAIN,REVIEW",
		"The Council will carry out a review of this case and draw up an action plan to address any learning points.":           "REVIEW,CHANGE_PROCEDURE",
		"The Council will provide evidence to the Ombudsman of the Council’s plans to improve the timeliness of annual reviews": "REVIEW,PROVIDE_EVIDENCE",
		"The Council will apologise to Mrs X and pay her £500 for the distress caused.":                                         "APOLOGISE,PAY",
		"The Council will review its assessment procedures to ensure all Blue Badge applications are assessed.":                 "REVIEW",
		"The Council agreed to share a copy of our final decision with staff in its Children’s Complaints Team.":                "REMIND_OR_BRIEF",
		"The Council will update its charging policy to explain how disability related expenditure is considered.":              "CHANGE_PROCEDURE",
		"Consider what improvements to its service it can make.":                                                                "OTHER",
	}
	for text, want := range cases {
		var got []string
		for _, a := range graph.ClassifyActions(text) {
			got = append(got, string(a))
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%q: %v, want %s", text, got, want)
		}
	}
}

func TestActionCounts(t *testing.T) {
	g := seedGraph(t)
	counts, err := g.ActionCounts(graph.Filter{Council: "kent-county-council", Theme: "send"})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, c := range counts {
		total += c.Count
	}
	if len(counts) != len(graph.ActionTypes) || total < 5 {
		t.Errorf("counts = %+v: want every action type and at least one action per improvement (5)", counts)
	}
}

// kentArticle makes claims the 2023-24 Kent page can check.
const kentArticle = `Kent upheld most complaints

Kent County Council had 81 per cent of complaints upheld in 2023/24, against an average of 85 per cent among similar councils.

In only 2 per cent of upheld cases had the council provided a satisfactory remedy.

It paid £3,000 in compensation.`

func TestClaimCheck(t *testing.T) {
	g := seedGraph(t, "news-kent.txt", kentArticle)
	want := []string{
		"CONSISTENT UPHELD_PERCENT 81",
		"CONSISTENT SIMILAR_UPHELD_PERCENT 85",
		"DIFFERS SATISFACTORY_REMEDY_PERCENT 3",
		"UNVERIFIED  <nil>",
	}
	var got []string
	for _, c := range g.Claims("news-kent.txt") {
		chk, ok := g.Check(c.ID())
		if !ok {
			t.Fatalf("claim %s has no check", c.ID())
		}
		official := "<nil>"
		if chk.OfficialValue != nil {
			official = fmt.Sprint(*chk.OfficialValue)
		}
		got = append(got, fmt.Sprintf("%s %s %s", chk.Status, chk.Metric, official))
		if chk.Reason == "" {
			t.Errorf("claim %q: no reason", c.Text)
		}
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("checks:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The seed articles are about 2020-21, for which there are no statistics.
	for _, a := range g.Articles() {
		if a.Doc == "news-kent.txt" {
			continue
		}
		for _, c := range g.Claims(a.Doc) {
			chk, _ := g.Check(c.ID())
			if chk.Status != graph.ClaimUnverified {
				t.Errorf("seed claim %q is %s: %s", c.Text, chk.Status, chk.Reason)
			}
		}
	}
	c := g.Claims("news-herts-mishandling-childrens-services-complaints.txt")
	if chk, _ := g.Check(c[1].ID()); chk.Metric != graph.MetricUpheldPercent ||
		chk.Reason != "there are no official statistics for Hertfordshire County Council in 2020-21" {
		t.Errorf("the 70 per cent upheld claim: %s %q", chk.Metric, chk.Reason)
	}
	if chk, _ := g.Check(c[4].ID()); chk.Metric != graph.MetricSimilarSatisfactoryRemedyPercent {
		t.Errorf("'The average among similar authorities was just eight per cent' speaks of %s", chk.Metric)
	}
}

func TestCompare(t *testing.T) {
	g := seedGraph(t)
	cmp, err := g.Compare([]string{"hertfordshire-county-council", "kent-county-council", "hertsmere-borough-council"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Year.Label() != "2023-24" || len(cmp.Rows) != 3 || cmp.Rows[2].Statistics != nil {
		t.Fatalf("comparison = %s %+v", cmp.Year.Label(), cmp.Rows)
	}
	d := cmp.Rows[0].Statistics.DifferenceFromSimilar()
	if *d.UpheldPercent != 4 || *d.UpheldPer100k != -1 || *d.CompliancePercent != 0 {
		t.Errorf("Hertfordshire differs by %v %v %v", *d.UpheldPercent, *d.UpheldPer100k, *d.CompliancePercent)
	}
	if _, err := g.Compare([]string{"nowhere"}, ""); graph.ErrorCode(err) != graph.CodeInvalid {
		t.Errorf("an unknown council: %v", err)
	}
}

func TestMatrixAndCooccurrence(t *testing.T) {
	g := seedGraph(t)
	m, err := g.ThemeMatrix([]string{"send"}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for _, c := range m.Cells {
		cells = append(cells, fmt.Sprintf("%s %s cases=%d improvements=%d articles=%d", c.Council.Slug, c.Year.Label(), c.CaseCount, c.ImprovementCount, c.ArticleCount))
	}
	want := []string{
		"hertfordshire-county-council 2020-21 cases=0 improvements=0 articles=1",
		"hertfordshire-county-council 2023-24 cases=4 improvements=6 articles=0",
		"hertfordshire-county-council 2024-25 cases=4 improvements=5 articles=0",
		"kent-county-council 2023-24 cases=3 improvements=5 articles=0",
	}
	if strings.Join(cells, "\n") != strings.Join(want, "\n") {
		t.Errorf("SEND matrix:\n%s\nwant\n%s", strings.Join(cells, "\n"), strings.Join(want, "\n"))
	}
	co := g.Cooccurring("send")
	if len(co) == 0 || !slices.ContainsFunc(co, func(c graph.Cooccurrence) bool { return c.Theme.Slug == "alternative-provision" && c.CaseCount > 0 }) {
		t.Errorf("SEND co-occurs with %+v", co)
	}
	if _, err := g.ThemeMatrix([]string{"nope"}, nil, nil); graph.ErrorCode(err) != graph.CodeInvalid {
		t.Errorf("unknown theme: %v", err)
	}
}
