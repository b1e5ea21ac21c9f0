package loader_test

import (
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
)

// TestRealShapes reads, in documents written for this test, shapes that
// real pages, letters and articles took and an earlier loader misread.
func TestRealShapes(t *testing.T) {
	t.Run("an article quoting a list of decisions is an article", func(t *testing.T) {
		doc := "A third of care complaints against the Isle of Wight upheld\n\n" +
			"The ombudsman upheld 41 per cent of complaints about adult social care on the island last year.\n\n" +
			"Decisions published include:\n\n" +
			"  • Isle of Wight Council (20 004 321)\n" +
			"    Statement Upheld 12-Mar-2021\n" +
			"    Summary: Mr C complained about how the Council assessed his mother.\n"
		f, err := loader.Parse("iow.txt", strings.NewReader(doc), gazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		if f.Document.Kind != graph.NewsArticle || len(f.Councils) == 0 || f.Councils[0].Slug != "isle-of-wight-council" || len(f.Claims) == 0 {
			t.Errorf("read as %s about %v with %d claims, want an article about the Isle of Wight with its claim", f.Document.Kind, f.Councils, len(f.Claims))
		}
	})
	t.Run("a caption run into its link text names no new council", func(t *testing.T) {
		doc := "Council complaints rise\n\nDaily Paper: Norfolk County Council at County Hall in NorwichNorfolk County Council at County Hall in Norwich (Image: Agency)\n\nNorfolk County Council was at fault in 58pc of cases, the watchdog said.\n"
		f, err := loader.Parse("n.txt", strings.NewReader(doc), gazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range f.Councils {
			if c.Slug != "norfolk-county-council" {
				t.Errorf("a council %q from a caption", c.Name)
			}
		}
		if len(f.Claims) != 1 || f.Claims[0].Value != 58 || f.Claims[0].Unit != graph.Percent {
			t.Errorf("claims = %+v, want 58pc as 58 per cent", f.Claims)
		}
	})
	t.Run("JSON is no document", func(t *testing.T) {
		doc := "{\n  \"kind\": \"page\",\n  \"council\": \"Leeds City Council\",\n  \"year\": \"2023-24\"\n}\n"
		_, err := loader.Parse("x.json", strings.NewReader(doc), gazetteer(t))
		if err == nil || !strings.Contains(err.Error(), "not an LGSCO page, letter or news article (it is markup") {
			t.Errorf("error = %v", err)
		}
	})
	t.Run("a page cut in a number says so, and keeps no part of it", func(t *testing.T) {
		doc := "Leeds City Council\nComplaint overview\nBetween 1 April 2024 to 31 March 2025, we dealt with 200 complaints.\nComplaints upheld\nWe investigated 60 complaints and upheld 50.\n83% of complaints we investigated were upheld.\n" +
			"View upheld decisionsAdjusted for Leeds City Council's population, this is 6.1 upheld decisions per 100,0"
		f, err := loader.Parse("l.txt", strings.NewReader(doc), gazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Document.Warnings) != 1 || f.Document.Warnings[0].Line != 7 || !strings.Contains(f.Document.Warnings[0].Message, "stops mid-sentence") {
			t.Errorf("warnings = %v, want one, where the text stops", f.Document.Warnings)
		}
		if len(f.Statistics) != 1 || f.Statistics[0].UpheldPer100k != nil || f.Statistics[0].UpheldPercent == nil || *f.Statistics[0].UpheldPercent != 83 {
			t.Errorf("statistics = %+v, want the upheld rate and no rate per 100,000", f.Statistics)
		}
	})
}

// TestPlacesWithFigures checks that a council's place alone is read as the
// council where a figure stands with it in a list, and nowhere else.
func TestPlacesWithFigures(t *testing.T) {
	cases := []struct {
		name, doc string
		want      []string // council slugs, in order
	}{
		{"a list of complaints by place",
			"Complaints across the Black Country\n\nThe ombudsman received 92 complaints about Sandwell council, 76 about Dudley, 72 each against Walsall and Wolverhampton last year.\n",
			[]string{"sandwell-metropolitan-borough-council", "dudley-metropolitan-borough-council", "walsall-metropolitan-borough-council", "city-of-wolverhampton-council"}},
		{"rates in brackets",
			"Upheld rates\n\nThe ombudsman upheld complaints against Salford (33 per cent) and Trafford (50 per cent).\n",
			[]string{"salford-city-council", "trafford-council"}},
		{"a list of lines, and a count after a comma",
			"Complaints in south London\n\nNext door in Bromley, they had 63 complaints.\n\n  • Bexley, 26.\n\nFigures for the year show Maidstone Borough Council faced more investigations than any other district in Kent, with 12.\n",
			[]string{"london-borough-of-bromley", "london-borough-of-bexley", "maidstone-borough-council"}},
		{"a place that is only a home",
			"Family wins\n\nA family from Leeds complained to the ombudsman about Kirklees Council, which upheld it.\n",
			[]string{"kirklees-metropolitan-borough-council"}},
		{"a place in an institution's name",
			"Hospital delays\n\nLeeds Teaching Hospitals said complaints had risen, the ombudsman heard.\n",
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := loader.ParseArticle("a.txt", strings.NewReader(c.doc), gazetteer(t))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, co := range f.Councils {
				got = append(got, co.Slug)
			}
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("councils = %v, want %v", got, c.want)
			}
		})
	}
}
