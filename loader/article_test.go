package loader_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
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
		{"curly apostrophe, another name of a council", "News\n\nKing’s Lynn and West Norfolk Borough Council paid £500.", []string{"borough-council-of-kings-lynn-west-norfolk"}},
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

func TestArticleYears(t *testing.T) {
	cases := []struct {
		sentence string
		want     []string
		quote    string
	}{
		{"During 2019/20 it got 61 complaints.", []string{"2019-20"}, "2019/20"},
		{"It had 109 formal complaints in 2012-2013.", []string{"2012-13"}, "2012-2013"},
		{"It handled 214 complaints this year (2023/24).", []string{"2023-24"}, "2023/24"},
		{"The statistics cover the period between April 1, 2020 to March 31, 2021.", []string{"2020-21"}, "the period between April 1, 2020 to March 31, 2021"},
		{"Between April 2016 and March 2017 it got 131 complaints.", []string{"2016-17"}, "Between April 2016 and March 2017"},
		{"It happened during the period between 1 April 2022, and 31 March 2023.", []string{"2022-23"}, "the period between 1 April 2022, and 31 March 2023"},
		{"The report covers the period 1st April 2021 to 31st March 2022.", []string{"2021-22"}, "the period 1st April 2021 to 31st March 2022"},
		{"It will review every charge in the year to March 2022.", []string{"2021-22"}, "the year to March 2022"},
		{"This is for the year ending 31 March 2020.", []string{"2019-20"}, "the year ending 31 March 2020"},
		{"Figures for the year April 2020 till April 2021 show it.", []string{"2020-21"}, "the year April 2020 till April 2021"},
		{"It ran from 1 April 2019 to 31 March 2020.", []string{"2019-20"}, "from 1 April 2019 to 31 March 2020"},
		// Not business years.
		{"The figures are for the period between April 6, 2023 and April 5, 2024.", nil, ""},
		{"Just 52 per cent were answered between January and March 2023.", nil, ""},
		{"The council failed her from December 2022 to September 2023.", nil, ""},
		{"He was without a school between October 2017 and June 2019.", nil, ""},
		{"He was without a school from April 2019 to March 2020.", nil, ""},
		{"It waited from April 2019 till April 2020.", nil, ""},
		{"Complaints rose between 2018-2020.", nil, ""},
		{"Complaints rose in the year to March.", nil, ""},
		{"The 2021 Population Census counted 1,144,900 people.", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			a := parseArticle(t, "Headline\n\n"+c.sentence).Articles[0]
			var got []string
			for _, y := range a.Years {
				got = append(got, y.Label())
			}
			if !slices.Equal(got, c.want) {
				t.Fatalf("years = %v, want %v", got, c.want)
			}
			if c.quote != "" && (len(a.YearSpans) != 1 || a.YearSpans[0].Quote != c.quote) {
				t.Errorf("year spans = %+v, want one quoting %q", a.YearSpans, c.quote)
			}
		})
	}
}

func TestArticleRangesAndQualifiers(t *testing.T) {
	type claim struct {
		text      string
		value     float64
		upper     float64 // 0: none
		unit      graph.ClaimUnit
		qualifier string
	}
	cases := []struct {
		sentence string
		want     []claim
	}{
		{"Remedies were typically between £10-£50 each.", []claim{{"between £10-£50", 10, 50, graph.GBP, ""}}},
		{"Remedies were between £10 and £50 each.", []claim{{"between £10 and £50", 10, 50, graph.GBP, ""}}},
		{"Remedies were £10 to £50 each.", []claim{{"£10 to £50", 10, 50, graph.GBP, ""}}},
		{"Officers took between 20 and 30 per cent longer.", []claim{{"between 20 and 30 per cent", 20, 30, graph.Percent, ""}}},
		{"Officers took 20-30% longer.", []claim{{"20-30%", 20, 30, graph.Percent, ""}}},
		{"Officers took 20%-30% longer.", []claim{{"20%-30%", 20, 30, graph.Percent, ""}}},
		{"The charge rose from £10 to £50 a week.", []claim{{"£10", 10, 0, graph.GBP, ""}, {"£50", 50, 0, graph.GBP, ""}}},
		{"It paid £200 and £500 to two families.", []claim{{"£200", 200, 0, graph.GBP, ""}, {"£500", 500, 0, graph.GBP, ""}}},
		{"It paid £1,850 and up to £500 more.", []claim{{"£1,850", 1850, 0, graph.GBP, ""}, {"up to £500", 500, 0, graph.GBP, "up to"}}},
		{"A near-40 per cent gap is hard to explain.", []claim{{"near-40 per cent", 40, 0, graph.Percent, "near"}}},
		{"Complaints ran nearly 40 per cent above average.", []claim{{"nearly 40 per cent", 40, 0, graph.Percent, "nearly"}}},
		{"Similar councils averaged just 64 per cent.", []claim{{"64 per cent", 64, 0, graph.Percent, ""}}},
		{"Of those, six - exactly 50% - were upheld.", []claim{{"50%", 50, 0, graph.Percent, ""}}},
		{"It was told to pay back £12k of care fees and £1.2m in all.", []claim{{"£12k", 12000, 0, graph.GBP, ""}, {"£1.2m", 1200000, 0, graph.GBP, ""}}},
		{"That is 9 percentage points worse.", nil},
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			f := parseArticle(t, "Headline\n\n"+c.sentence)
			var got []claim
			for _, cl := range f.Claims {
				u := 0.0
				if cl.Upper != nil {
					u = *cl.Upper
				}
				got = append(got, claim{cl.Text, cl.Value, u, cl.Unit, cl.Qualifier})
				if cl.Evidence[1].Quote != cl.Text {
					t.Errorf("claim %q quotes %q", cl.Text, cl.Evidence[1].Quote)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("claims = %+v, want %+v", got, c.want)
			}
		})
	}
}

// TestArticleFurniture checks that what a news site puts around an article
// gives no claim, year, council or theme, and that the article's own lines,
// however they look, are kept.
func TestArticleFurniture(t *testing.T) {
	cases := []struct {
		name, lines string
	}{
		{"caption credit", "Croydon Council's £140m headquarters. - Credit: Google Streetview"},
		{"caption picture", "The £140m town hall in 2019/20. Picture: Archant"},
		{"credit above a caption", "Getty Images\nA classroom that cost £2m."},
		{"most read links", "Most Read\n\nCouncil spends £2,000 on tweets\n1. Council tax to rise 5%"},
		{"read more", "READ MORE: Bus lane camera fined drivers £90,000 in 2021/22"},
		{"related topics", "Related Topics\n\nSpecial educational needs\nSchools"},
		{"advert sign-up", "Sign up to our daily newsletter Sign up Thank you for signing up! With an ad-lite subscription you see 70% fewer ads."},
		{"subscription", "Support local journalism: subscribe from just £1 a week."},
		{"subscription a month", "Support quality, independent journalism. From just £1 a month you can subscribe."},
		{"cookies", "We use cookies to give you the best experience. Accept all cookies"},
		{"newsletter", "Get the latest headlines sent to your inbox every morning. Subscribe here."},
		{"byline", "By Priya Lal priyal@example.co.uk @PriyaL"},
		{"dateline", "09:42AM, Friday 30 July 2021"},
		{"updated", "Last updated: 14:05, 3 October 2022"},
		{"comments", "32 thoughts on \"Watchdog letter\"\n\nArnold P says:\nNovember 14, 2013 at 9:12 am\nOnly 40 per cent? Dacorum Borough Council is worse, with its SEND failures."},
		{"comments count", "Comments (3)\n\nHave your say. I paid £500 to Dacorum Borough Council."},
		{"breadcrumb", "Home   Dacorum   News   Article"},
		{"share bar", "Share this: Facebook Twitter Email"},
		{"video", "Watch more of our videos on Shots!\nand live on Freeview channel 276"},
		{"ads", "Advertisement\nHide Ad\n- Advertisement -"},
	}
	const story = "Headline\n\nThe council paid £100.\n\n"
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := parseArticle(t, story+c.lines+"\n")
			tagArticle(t, &f)
			a := f.Articles[0]
			if len(f.Claims) != 1 || f.Claims[0].Value != 100 {
				t.Errorf("claims = %+v, want only £100", f.Claims)
			}
			if len(a.Years) != 0 || len(a.Matches) != 0 {
				t.Errorf("years %v, themes %+v from furniture", a.Years, a.Matches)
			}
			if slices.Contains(a.CouncilSlugs, "dacorum-borough-council") {
				t.Errorf("a council from furniture: %v", a.CouncilSlugs)
			}
			if len(a.Body) != 2 {
				t.Errorf("body = %+v, want the headline and the story's line", a.Body)
			}
		})
	}
	kept := []string{
		"By March, the council had paid £500.",
		"Most of the remedies were small sums of £500.",
		"Parents were asked to sign up to a scheme costing £500 a month.",
		"Comments from parents showed that £500 was not enough.",
		"Home to school transport cost £500 a pupil.",
	}
	for _, line := range kept {
		t.Run("kept: "+line, func(t *testing.T) {
			f := parseArticle(t, story+"Most Read\n\n"+line+"\n")
			if len(f.Claims) != 2 {
				t.Errorf("claims = %+v, want £100 and £500", f.Claims)
			}
		})
	}
	// A caption names councils, but is no claim.
	f := parseArticle(t, story+"Dacorum Borough Council's offices, which cost £2m. Picture: Archant\n")
	if a := f.Articles[0]; !slices.Contains(a.CouncilSlugs, "dacorum-borough-council") || len(f.Claims) != 1 {
		t.Errorf("caption: councils %v, claims %+v", a.CouncilSlugs, f.Claims)
	}
}

func tagArticle(t *testing.T, f *graph.Facts) {
	t.Helper()
	themes, err := loader.ParseThemes(seed.Themes)
	if err != nil {
		t.Fatal(err)
	}
	loader.NewTagger(themes).Tag(f)
}

// TestArticleHeadlineClaims: a headline's claim counts only when the body
// does not state it again.
func TestArticleHeadlineClaims(t *testing.T) {
	f := parseArticle(t, "Council to pay £5,900 after failing pupil\n\nA council should pay £5,900 to a mother.\n")
	if len(f.Claims) != 1 || f.Claims[0].Evidence[0].Line != 3 || f.Claims[0].Ordinal != 1 {
		t.Errorf("a claim stated in the headline and the body: %+v, want the body's alone", f.Claims)
	}
	f = parseArticle(t, "Council to pay £5k after failing pupil\n\nThe council agreed to pay more than £3,000 to a mother.\n")
	if len(f.Claims) != 2 || f.Claims[0].Text != "£5k" || f.Claims[0].Ordinal != 1 || f.Claims[1].Ordinal != 2 {
		t.Errorf("a claim of the headline alone: %+v, want it first", f.Claims)
	}
	f = parseArticle(t, "The council paid £500 to a mother, the ombudsman said.\n\nIt also paid £500 to a father.\n")
	if len(f.Claims) != 2 {
		t.Errorf("an article without a headline: claims %+v, want both £500", f.Claims)
	}
}

// TestArticleFurnitureKept checks lines that look a little like a site's
// furniture but are the story's own.
func TestArticleFurnitureKept(t *testing.T) {
	cases := []struct{ name, doc string }{
		{"a headline that says 'have your say'", "Have your say on the council's £500 charge\n\nThe council paid £100.\n"},
		{"'have your say' in the story", "Headline\n\nThe council paid £100.\n\nHave your say on the budget by 5 May, the council said.\n\nIt also paid £500.\n"},
		{"a table of figures", "Headline\n\nThe council paid £100.\n\nLeeds   61   £500\nYork   15   £700\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := parseArticle(t, c.doc)
			if len(f.Claims) < 2 {
				t.Errorf("claims = %+v, want the story's all", f.Claims)
			}
		})
	}
	f := parseArticle(t, "Headline\n\nThe council paid £100.\n\nAdvertisement Hide Ad\n")
	if n := len(f.Articles[0].Body); n != 2 {
		t.Errorf("an advert's slot is in the body: %+v", f.Articles[0].Body)
	}
}
