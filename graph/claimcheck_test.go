package graph_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// claimGraph builds a graph of one council's 2023-24 statistics (80% upheld
// against 70% for similar authorities, 95% compliance) and one article with
// the given sentences, each holding one percentage claim.
func claimGraph(t *testing.T, years []graph.Year, sentences ...string) (*graph.Graph, []*graph.Claim) {
	t.Helper()
	stats := graph.Facts{
		Document:   graph.Document{Name: "page.txt", Kind: graph.CouncilPage, SHA256: "p"},
		Councils:   []graph.Council{{Slug: "x-council", Name: "Xtown Council", Evidence: []graph.Span{span("page.txt", 1, "Xtown Council")}}},
		Statistics: []graph.Statistics{{CouncilSlug: "x-council", Year: graph.Year{First: 2023}, UpheldPercent: ptr(80.0), CompliancePercent: ptr(95.0)}},
	}
	stats.Statistics[0].SimilarAuthorities.UpheldPercent = ptr(70.0)
	art := graph.Facts{
		Document: graph.Document{Name: "news.txt", Kind: graph.NewsArticle, SHA256: "n"},
		Articles: []graph.Article{{Doc: "news.txt", Headline: "Xtown complaints", CouncilSlugs: []string{"x-council"}, Years: years}},
	}
	for _, s := range sentences {
		sentence := strings.NewReplacer("{", "", "}", "").Replace(s)
		for rest := s; strings.Contains(rest, "{"); {
			text := rest[strings.Index(rest, "{")+1 : strings.Index(rest, "}")]
			rest = rest[strings.Index(rest, "}")+1:]
			value, err := strconv.ParseFloat(strings.TrimSuffix(text, "%"), 64)
			if err != nil {
				t.Fatal(err)
			}
			art.Claims = append(art.Claims, graph.Claim{ArticleDoc: "news.txt", Ordinal: len(art.Claims) + 1, Value: value, Unit: graph.Percent, Text: text, Sentence: sentence})
		}
	}
	g, err := graph.Build([]graph.Facts{stats, art}, themes)
	if err != nil {
		t.Fatal(err)
	}
	return g, g.AllClaims()
}

// TestClaimChecks checks how claims are read against the statistics: the
// half point of tolerance, which statistic a sentence names, the similar
// average by "average" near the claim or after the claim before it in the
// same sentence, and the year written in the sentence over the article's.
func TestClaimChecks(t *testing.T) {
	y2023, y2022 := graph.Year{First: 2023}, graph.Year{First: 2022}
	for _, c := range []struct {
		name      string
		years     []graph.Year
		sentences []string
		want      []graph.ClaimStatus
		metrics   []graph.Metric
	}{
		{"half a point off is consistent", []graph.Year{y2023}, []string{"The Ombudsman upheld {80.5%} of complaints."},
			[]graph.ClaimStatus{graph.ClaimConsistent}, []graph.Metric{graph.MetricUpheldPercent}},
		{"more is not", []graph.Year{y2023}, []string{"The Ombudsman upheld {81%} of complaints."},
			[]graph.ClaimStatus{graph.ClaimDiffers}, []graph.Metric{graph.MetricUpheldPercent}},
		{"compliance", []graph.Year{y2023}, []string{"It complied with {95%} of recommendations."},
			[]graph.ClaimStatus{graph.ClaimConsistent}, []graph.Metric{graph.MetricCompliancePercent}},
		{"the average after the claim before it", []graph.Year{y2023}, []string{"The Ombudsman upheld {80%} of the complaints it investigated about Xtown, and the average for similar authorities was {70%}."},
			[]graph.ClaimStatus{graph.ClaimConsistent, graph.ClaimConsistent}, []graph.Metric{graph.MetricUpheldPercent, graph.MetricSimilarUpheldPercent}},
		{"the average in the next sentence", []graph.Year{y2023}, []string{"The Ombudsman upheld {80%} of complaints.", "The average was {70%}."},
			[]graph.ClaimStatus{graph.ClaimConsistent, graph.ClaimConsistent}, []graph.Metric{graph.MetricUpheldPercent, graph.MetricSimilarUpheldPercent}},
		{"the sentence's year wins", []graph.Year{y2022}, []string{"In 2023-24 the Ombudsman upheld {80%} of complaints."},
			[]graph.ClaimStatus{graph.ClaimConsistent}, []graph.Metric{graph.MetricUpheldPercent}},
		{"the article's year without statistics", []graph.Year{y2022}, []string{"The Ombudsman upheld {80%} of complaints."},
			[]graph.ClaimStatus{graph.ClaimUnverified}, []graph.Metric{graph.MetricUpheldPercent}},
		{"no year at all", nil, []string{"The Ombudsman upheld {80%} of complaints."},
			[]graph.ClaimStatus{graph.ClaimUnverified}, []graph.Metric{graph.MetricUpheldPercent}},
		{"the average before the first claim only", []graph.Year{y2023}, []string{"The average for similar authorities was {70%}, but the Ombudsman upheld {80%} of complaints here."},
			[]graph.ClaimStatus{graph.ClaimConsistent, graph.ClaimConsistent}, []graph.Metric{graph.MetricSimilarUpheldPercent, graph.MetricUpheldPercent}},
		{"an average more than 40 characters on", []graph.Year{y2023}, []string{"The Ombudsman upheld {80%} of the complaints about school transport it decided, above the average."},
			[]graph.ClaimStatus{graph.ClaimConsistent}, []graph.Metric{graph.MetricUpheldPercent}},
		{"no statistic named", []graph.Year{y2023}, []string{"Council tax rose by {80%} in a decade."},
			[]graph.ClaimStatus{graph.ClaimUnverified}, []graph.Metric{""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, claims := claimGraph(t, c.years, c.sentences...)
			if len(claims) != len(c.want) {
				t.Fatalf("%d claims", len(claims))
			}
			for i, cl := range claims {
				chk, ok := g.Check(cl.ID())
				if !ok || chk.Status != c.want[i] || chk.Metric != c.metrics[i] {
					t.Errorf("claim %q: %s %s (%s), want %s %s", cl.Text, chk.Status, chk.Metric, chk.Reason, c.want[i], c.metrics[i])
				}
			}
		})
	}
}
