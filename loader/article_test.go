package loader_test

import (
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
)

func parseArticle(t *testing.T, doc string) graph.Facts {
	t.Helper()
	f, err := loader.ParseArticle("a.txt", strings.NewReader(doc), gazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestArticleCouncils(t *testing.T) {
	cases := []struct {
		name, doc string
		want      []string
	}{
		{"alias", "Herts parents speak out\n\nHerts Council said it would act.", []string{"hertfordshire-county-council"}},
		{"place and Council", "Fury at council\n\nHertfordshire Council apologised.", []string{"hertfordshire-county-council"}},
		{"alias and type", "Fury at council\n\nA Herts County Council spokesperson said sorry.", []string{"hertfordshire-county-council"}},
		{"the county council, in an article about Hertfordshire", "Complaints rise\n\nParents in Hertfordshire complained to the county council.", []string{"hertfordshire-county-council"}},
		{"the county council, with no place to tell which", "Complaints rise\n\nParents complained to the county council.", nil},
		{"Hertsmere is not Herts", "News\n\nHertsmere Borough Council agreed to pay.", []string{"hertsmere-borough-council"}},
		{"two councils, in order of mention", "News\n\nKent County Council and Hertfordshire County Council both failed.", []string{"kent-county-council", "hertfordshire-county-council"}},
		{"a council no document names yet", "News\n\nSouth Norfolk District Council was criticised.", []string{"south-norfolk-district-council"}},
		{"curly apostrophe", "News\n\nKing’s Lynn and West Norfolk Borough Council paid £500.", []string{"kings-lynn-and-west-norfolk-borough-council"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := parseArticle(t, c.doc).Articles[0].CouncilSlugs
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("councils = %v, want %v", got, c.want)
			}
		})
	}
}

func TestArticleClaims(t *testing.T) {
	cases := []struct {
		sentence  string
		value     float64
		unit      graph.ClaimUnit
		text      string
		qualifier string
	}{
		{"Its upheld complaints were 70 per cent of those investigated.", 70, graph.Percent, "70 per cent", ""},
		{"The average was just eight per cent.", 8, graph.Percent, "eight per cent", ""},
		{"Some twenty-five percent had been remedied.", 25, graph.Percent, "Some twenty-five percent", "some"},
		{"It rose by 3.5% last year.", 3.5, graph.Percent, "3.5%", ""},
		{"The council paid £17,258 in compensation.", 17258, graph.GBP, "£17,258", ""},
		{"It was told to pay more than £8,000 to a mother.", 8000, graph.GBP, "more than £8,000", "more than"},
		{"The overspend reached £1.2m this year.", 1200000, graph.GBP, "£1.2m", ""},
		{"The fund holds £3 million.", 3000000, graph.GBP, "£3 million", ""},
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			f := parseArticle(t, "Headline\n\n"+c.sentence)
			if len(f.Claims) != 1 {
				t.Fatalf("claims = %+v, want one", f.Claims)
			}
			got := f.Claims[0]
			if got.Value != c.value || got.Unit != c.unit || got.Text != c.text || got.Qualifier != c.qualifier || got.Sentence != c.sentence {
				t.Errorf("claim = %v %s %q %q %q", got.Value, got.Unit, got.Text, got.Qualifier, got.Sentence)
			}
		})
	}
	if f := parseArticle(t, "Headline\n\nMORE than 400 complaints were made, up from 447 in 2019."); len(f.Claims) != 0 {
		t.Errorf("counts that are neither percentages nor money became claims: %+v", f.Claims)
	}
}

func TestArticleHeadlineAndYears(t *testing.T) {
	f := parseArticle(t, "Council criticised over delays\n\nIn 2020/21 and again in 2021-22 it failed. Between 2018-2020 too.")
	a := f.Articles[0]
	if a.Headline != "Council criticised over delays" {
		t.Errorf("headline = %q", a.Headline)
	}
	var years []string
	for _, y := range a.Years {
		years = append(years, y.Label())
	}
	if strings.Join(years, ",") != "2020-21,2021-22" {
		t.Errorf("years = %v, want 2020-21,2021-22 (2018-2020 is a range, not a business year)", years)
	}
	f = parseArticle(t, "MORE than 400 complaints were made last year, councillors have been told. Officers agreed.\n\nMore text.")
	if h := f.Articles[0].Headline; h != "MORE than 400 complaints were made last year, councillors have been told." {
		t.Errorf("headline of an article without one = %q, want its first sentence", h)
	}
}
