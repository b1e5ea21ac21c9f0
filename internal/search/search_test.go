package search_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

func index(t testing.TB) *search.Index {
	t.Helper()
	g, err := seed.Graph()
	if err != nil {
		t.Fatal(err)
	}
	ix, err := search.Build(g)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestSearch(t *testing.T) {
	ix := index(t)
	cases := []struct {
		name, text string
		f          search.Filter
		first      string // ID of the best hit, or a prefix
		total      int    // -1: any number above 0
	}{
		{"stemming: reminded finds remind", "reminded", search.Filter{Kinds: []graph.Kind{graph.KindImprovement}}, "Improvement:", -1},
		{"phrase", `"assisted living placement"`, search.Filter{}, "Improvement:23-021-125/1", 1},
		{"words of a phrase apart do not match it", `"placement assisted"`, search.Filter{}, "", 0},
		{"ranked by relevance", "parking fines country parks", search.Filter{}, "Report:kent-county-council/councils-urged-to-check-their-parking-policies-following-ombudsman-investigation", -1},
		{"filter by council and theme", "remind staff", search.Filter{Council: "kent-county-council", Theme: "send"}, "Improvement:", -1},
		{"filter by kind", "per cent", search.Filter{Kinds: []graph.Kind{graph.KindClaim}}, "Claim:", -1},
		{"filter by year", "complaints", search.Filter{Year: "2020-21", Kinds: []graph.Kind{graph.KindArticle}}, "Article:", 2},
		{"letters, best first", "link officer seminars", search.Filter{}, "Letter:hertsmere-borough-council/2020-07-22", -1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			hits, total, err := ix.Search(context.Background(), c.text, c.f, 0, 10)
			if err != nil {
				t.Fatal(err)
			}
			if c.total >= 0 && total != c.total || c.total < 0 && total == 0 {
				t.Fatalf("total = %d, want %d; hits %+v", total, c.total, hits)
			}
			if c.first != "" && !strings.HasPrefix(hits[0].ID, c.first) {
				t.Errorf("best hit %s, want %s", hits[0].ID, c.first)
			}
			for _, h := range hits {
				if !strings.Contains(h.Snippet, "<mark>") {
					t.Errorf("hit %s has no highlighted snippet: %q", h.ID, h.Snippet)
				}
			}
		})
	}
	// Every hit of a filtered search fits the filter: its kind, its council
	// and its theme.
	g, err := seed.Graph()
	if err != nil {
		t.Fatal(err)
	}
	hits, _, err := ix.Search(context.Background(), "staff", search.Filter{Council: "kent-county-council", Theme: "send", Kinds: []graph.Kind{graph.KindImprovement}}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("a filtered search for staff among Kent's SEND improvements found nothing")
	}
	for _, h := range hits {
		if h.Kind != graph.KindImprovement {
			t.Errorf("a %s in an improvements-only search", h.Kind)
		}
		n, ok := g.Node(h.ID)
		im, isImp := n.(*graph.Improvement)
		if !ok || !isImp {
			t.Errorf("hit %s is not an improvement of the graph", h.ID)
			continue
		}
		if c := im.Case(); c == nil || c.CouncilSlug != "kent-county-council" {
			t.Errorf("hit %s is not one of Kent's", h.ID)
		}
		if !slices.Contains(g.ThemesOf(h.ID), "send") {
			t.Errorf("hit %s does not carry SEND", h.ID)
		}
	}
	// Paging: the second page continues the first.
	all, total, _ := ix.Search(context.Background(), "council", search.Filter{}, 0, 100)
	page2, _, _ := ix.Search(context.Background(), "council", search.Filter{}, 5, 5)
	if total < 10 || page2[0].ID != all[5].ID {
		t.Errorf("paging: total %d, page 2 starts %s, want %s", total, page2[0].ID, all[5].ID)
	}
	for _, bad := range []string{"", "   ", `""`, strings.Repeat("x", 501)} {
		if _, _, err := ix.Search(context.Background(), bad, search.Filter{}, 0, 10); graph.ErrorCode(err) != graph.CodeInvalid {
			t.Errorf("search %q: %v, want BAD_USER_INPUT", bad, err)
		}
	}
}

// TestSearchStopsWithItsContext checks that a search whose context has ended
// stops with a TIMEOUT error rather than running on.
func TestSearchStopsWithItsContext(t *testing.T) {
	ix := index(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := ix.Search(ctx, "council", search.Filter{}, 0, 10); graph.ErrorCode(err) != graph.CodeTimeout {
		t.Errorf("a search after its context ended: %v, want a %s error", err, graph.CodeTimeout)
	}
	if hits, _, err := ix.Search(context.Background(), "council", search.Filter{}, 0, 10); err != nil || len(hits) == 0 {
		t.Errorf("the same search in time: %d hits, %v", len(hits), err)
	}
}
