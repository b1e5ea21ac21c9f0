package loader_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
)

// runeIndex is where sub first stands in s, in runes, as spans count.
func runeIndex(t *testing.T, s, sub string) int {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q is not in %q", sub, s)
	}
	return utf8.RuneCountInString(s[:i])
}

// TestClaimSpans checks every field of the claims of a body line, with the
// spans of each claim and of its sentence, where the line holds more than
// one sentence, a range, a change, a qualifier far into a long sentence, or
// a multiplier.
func TestClaimSpans(t *testing.T) {
	type want struct {
		value     float64
		upper     float64 // 0: no upper end
		unit      graph.ClaimUnit
		text      string
		qualifier string
		sentence  string
	}
	cases := []struct {
		line string
		want []want
	}{
		{"Complaints rose. Between 20 and 30 per cent were upheld.", []want{
			{20, 30, graph.Percent, "Between 20 and 30 per cent", "", "Between 20 and 30 per cent were upheld."}}},
		{"Between 20 and 30 per cent were upheld.", []want{
			{20, 30, graph.Percent, "Between 20 and 30 per cent", "", "Between 20 and 30 per cent were upheld."}}},
		{"Fees ran from £10 to £50 a week.", []want{ // a change: two claims
			{10, 0, graph.GBP, "£10", "", "Fees ran from £10 to £50 a week."},
			{50, 0, graph.GBP, "£50", "", "Fees ran from £10 to £50 a week."}}},
		{"Payments of between £10 and £50 were agreed.", []want{
			{10, 50, graph.GBP, "between £10 and £50", "", "Payments of between £10 and £50 were agreed."}}},
		{"Around 20-30% of cases were late, and almost 40 to 45 per cent took longer.", []want{
			{20, 30, graph.Percent, "Around 20-30%", "around", "Around 20-30% of cases were late, and almost 40 to 45 per cent took longer."},
			{40, 45, graph.Percent, "almost 40 to 45 per cent", "almost", "Around 20-30% of cases were late, and almost 40 to 45 per cent took longer."}}},
		{"It paid £2.5m, then £300k, then £1bn.", []want{
			{2.5e6, 0, graph.GBP, "£2.5m", "", "It paid £2.5m, then £300k, then £1bn."},
			{3e5, 0, graph.GBP, "£300k", "", "It paid £2.5m, then £300k, then £1bn."},
			{1e9, 0, graph.GBP, "£1bn", "", "It paid £2.5m, then £300k, then £1bn."}}},
		{"The council which had previously been criticised repeatedly agreed to pay more than £8,000 to a family.", []want{
			{8000, 0, graph.GBP, "more than £8,000", "more than", "The council which had previously been criticised repeatedly agreed to pay more than £8,000 to a family."}}},
		{"It paid £500 to 20 per cent of the families.", []want{ // money before a percentage
			{500, 0, graph.GBP, "£500", "", "It paid £500 to 20 per cent of the families."},
			{20, 0, graph.Percent, "20 per cent", "", "It paid £500 to 20 per cent of the families."}}},
		{"It paid between £10 and £10 each.", []want{ // no range without a larger upper end
			{10, 0, graph.GBP, "£10", "", "It paid between £10 and £10 each."},
			{10, 0, graph.GBP, "£10", "", "It paid between £10 and £10 each."}}},
		{"It made a one-off-council-wide-and-very-long-running-handover £500 payment.", []want{ // "over" cut from a word is no qualifier
			{500, 0, graph.GBP, "£500", "", "It made a one-off-council-wide-and-very-long-running-handover £500 payment."}}},
		{"Staff said the service-wide-and-very-long-running-unresolved between 20 and 30 per cent were late.", []want{
			{20, 30, graph.Percent, "between 20 and 30 per cent", "", "Staff said the service-wide-and-very-long-running-unresolved between 20 and 30 per cent were late."}}},
		{"Between £5 and £9 was paid. Between 5 and 9 per cent waited.", []want{
			{5, 9, graph.GBP, "Between £5 and £9", "", "Between £5 and £9 was paid."},
			{5, 9, graph.Percent, "Between 5 and 9 per cent", "", "Between 5 and 9 per cent waited."}}},
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			f := parseArticle(t, "Headline here today\n\n"+c.line)
			if len(f.Claims) != len(c.want) {
				t.Fatalf("%d claims, want %d: %+v", len(f.Claims), len(c.want), f.Claims)
			}
			for i, w := range c.want {
				got := f.Claims[i]
				if got.Ordinal != i+1 {
					t.Errorf("claim %d has ordinal %d, want %d", i, got.Ordinal, i+1)
				}
				upper := 0.0
				if got.Upper != nil {
					upper = *got.Upper
				}
				if got.Value != w.value || upper != w.upper || got.Unit != w.unit || got.Text != w.text || got.Qualifier != w.qualifier || got.Sentence != w.sentence {
					t.Errorf("claim %d = %v..%v %s %q %q %q, want %+v", i, got.Value, upper, got.Unit, got.Text, got.Qualifier, got.Sentence, w)
				}
				if len(got.Evidence) != 2 {
					t.Fatalf("claim %d has %d spans, want the sentence's and its own", i, len(got.Evidence))
				}
				sent, own := got.Evidence[0], got.Evidence[1]
				if at := runeIndex(t, c.line, w.sentence); sent.Line != 3 || sent.Start != at || sent.End != at+utf8.RuneCountInString(w.sentence) || sent.Quote != w.sentence {
					t.Errorf("claim %d: sentence span %+v, want line 3 from %d", i, sent, at)
				}
				at := runeIndex(t, c.line, w.sentence) + runeIndex(t, w.sentence, w.text)
				if i > 0 && w.text == c.want[i-1].text { // the same words again: the second time they stand
					at = f.Claims[i-1].Evidence[1].End + runeIndex(t, c.line[len(string([]rune(c.line)[:f.Claims[i-1].Evidence[1].End])):], w.text)
				}
				if own.Line != 3 || own.Start != at || own.End != at+utf8.RuneCountInString(w.text) || own.Quote != w.text {
					t.Errorf("claim %d: span %+v, want line 3 from %d", i, own, at)
				}
			}
		})
	}
}

// TestArticleYearSpans checks the business years an article's line writes,
// in the order of the line, with their quotes: several of one form in a
// line, a written period before a year written short (so that they must be
// put in order), and a first day written "01".
func TestArticleYearSpans(t *testing.T) {
	cases := []struct {
		line   string
		quotes []string
		labels []string
	}{
		{"Between 1 April 2022 and 31 March 2023, and between 1 April 2023 and 31 March 2024, it slipped.",
			[]string{"Between 1 April 2022 and 31 March 2023", "between 1 April 2023 and 31 March 2024"}, []string{"2022-23", "2023-24"}},
		{"In the year to March 2022 and the year to 31 March 2023 it slipped.",
			[]string{"the year to March 2022", "the year to 31 March 2023"}, []string{"2021-22", "2022-23"}},
		{"Between 1 April 2022 and 31 March 2023 it slipped, and in 2024/25 it recovered.",
			[]string{"Between 1 April 2022 and 31 March 2023", "2024/25"}, []string{"2022-23", "2024-25"}},
		{"In 2024/25 it recovered; the year to March 2021 was worse.",
			[]string{"2024/25", "the year to March 2021"}, []string{"2024-25", "2020-21"}},
		{"From 01 April 2022 to 31 March 2023 it slipped.", []string{"From 01 April 2022 to 31 March 2023"}, []string{"2022-23"}},
		{"From 02 April 2022 to 31 March 2023 it slipped.", nil, nil}, // a case's dates, not a business year
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			a := parseArticle(t, "Headline here today\n\n"+c.line).Articles[0]
			var quotes, labels []string
			for _, s := range a.YearSpans {
				if at := runeIndex(t, c.line, s.Quote); s.Line != 3 || s.Start != at || s.End != at+utf8.RuneCountInString(s.Quote) {
					t.Errorf("span %+v is not where its quote stands", s)
				}
				quotes = append(quotes, s.Quote)
			}
			for _, y := range a.Years {
				labels = append(labels, y.Label())
			}
			if strings.Join(quotes, "|") != strings.Join(c.quotes, "|") || strings.Join(labels, "|") != strings.Join(c.labels, "|") {
				t.Errorf("years %q %q, want %q %q", quotes, labels, c.quotes, c.labels)
			}
		})
	}
}

// TestCutLastSentence checks that a number in an article's unfinished last
// sentence is no claim, whatever blank lines follow it, while the same
// number in a finished sentence is one.
func TestCutLastSentence(t *testing.T) {
	for _, doc := range []string{"Headline here today\n\nIt paid £8,0", "Headline here today\n\nIt paid £8", "Headline here today\n\nIt paid £8\n\n\n"} {
		if f := parseArticle(t, doc); len(f.Claims) != 0 {
			t.Errorf("%q: a number cut short became claims %+v", doc, f.Claims)
		}
	}
	if f := parseArticle(t, "Headline here today\n\nIt paid £8,000.\n\n\n"); len(f.Claims) != 1 || f.Claims[0].Value != 8000 {
		t.Errorf("a finished sentence's number: claims %+v, want £8,000", f.Claims)
	}
}

// TestHeadlineClaimRestated checks that a headline's claim is left out when
// the body states it again, the same value, unit and upper end, and kept
// when the body states a different range or a bare number.
func TestHeadlineClaimRestated(t *testing.T) {
	cases := []struct {
		doc   string
		texts []string
	}{
		{"Council pays 20-30% more\n\nIt paid between 20 and 30 per cent more.", []string{"between 20 and 30 per cent"}},
		{"Council pays 20-30% more\n\nIt paid between 20 and 35 per cent more.", []string{"20-30%", "between 20 and 35 per cent"}},
		{"Council pays 20-30% more\n\nIt paid 20 per cent more.", []string{"20-30%", "20 per cent"}},
		{"Council pays 20% more\n\nIt paid between 20 and 35 per cent more.", []string{"20%", "between 20 and 35 per cent"}},
		{"Council pays 20% more\n\nIt paid 20 per cent more.", []string{"20 per cent"}},
	}
	for _, c := range cases {
		var texts []string
		for _, cl := range parseArticle(t, c.doc).Claims {
			texts = append(texts, cl.Text)
		}
		if strings.Join(texts, "|") != strings.Join(c.texts, "|") {
			t.Errorf("%q: claims %q, want %q", c.doc, texts, c.texts)
		}
	}
}

// TestOnlyFurniture checks that a document of nothing but what a news site
// puts around an article is refused, naming its first such line.
func TestOnlyFurniture(t *testing.T) {
	for doc, want := range map[string]string{
		"\n\nShare this article\n":          `a.txt:3: expected an article's text; found only what a news site puts around one, such as "Share this article"`,
		"By Jane Smith\nShare this article": `a.txt:1: expected an article's text; found only what a news site puts around one, such as "By Jane Smith"`,
	} {
		_, err := loader.ParseArticle("a.txt", strings.NewReader(doc), gazetteer(t))
		if err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %s", doc, err, want)
		}
	}
}

// TestArticleCouncilsInTextOrder checks that an article's councils are in
// the order its text names them, however they were found: a council's
// name, and a place with a figure beside it, on one line either way round.
func TestArticleCouncilsInTextOrder(t *testing.T) {
	for doc, want := range map[string]string{
		"Council complaints rise\n\nComplaints were upheld in Salford (33 per cent) and at Kent County Council (40 per cent), the Ombudsman said.\n": "salford-city-council kent-county-council",
		"Council complaints rise\n\nComplaints were upheld at Kent County Council (40 per cent) and in Salford (33 per cent), the Ombudsman said.\n": "kent-county-council salford-city-council",
	} {
		f := parseArticle(t, doc)
		var got []string
		for _, c := range f.Councils {
			got = append(got, c.Slug)
		}
		if strings.Join(got, " ") != want || strings.Join(f.Articles[0].CouncilSlugs, " ") != want {
			t.Errorf("%q: councils %v, article's %v; want %s", doc, got, f.Articles[0].CouncilSlugs, want)
		}
	}
}

// TestJoinedCouncils checks two councils named together with one
// "Councils", anywhere in a sentence, each quoted for its own words; the
// second must be written as a name, capitalised.
func TestJoinedCouncils(t *testing.T) {
	cases := []struct {
		line string
		want []string // slug, then quote, for each council
	}{
		{"The Ombudsman criticised Hertfordshire County and Dacorum Borough Councils for delays.",
			[]string{"hertfordshire-county-council", "Hertfordshire County", "dacorum-borough-council", "Dacorum Borough Councils"}},
		{"Hertfordshire County and Dacorum Borough Councils were criticised for delays by the Ombudsman.",
			[]string{"hertfordshire-county-council", "Hertfordshire County", "dacorum-borough-council", "Dacorum Borough Councils"}},
		{"The Ombudsman criticised Hertfordshire County and dacorum borough councils for delays.", nil},
	}
	for _, c := range cases {
		var got []string
		for _, co := range parseArticle(t, "Councils criticised\n\n"+c.line).Councils {
			got = append(got, co.Slug)
			for _, e := range co.Evidence {
				if at := runeIndex(t, c.line, e.Quote); e.Line != 3 || e.Start != at {
					t.Errorf("%s quoted at %+v, want line 3 from %d", co.Slug, e, at)
				}
				got = append(got, e.Quote)
			}
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q: councils %q, want %q", c.line, got, c.want)
		}
	}
}

// TestNewCouncils checks councils that no reference gives, read from their
// official names: capitalised place words (at most seven, joined by "and"
// or the like) before a type word and "Council", "Metropolitan Borough",
// "London Borough of …", a possessive; and not a building, a lower-case
// type word, or two phrases a copy ran together.
func TestNewCouncils(t *testing.T) {
	cases := []struct{ line, slug, quote string }{
		{"The Ombudsman criticised Norbury Vale District Council for delays.", "norbury-vale-district-council", "Norbury Vale District Council"},
		{"Wexcombe Metropolitan Borough Council was told to apologise.", "wexcombe-metropolitan-borough-council", "Wexcombe Metropolitan Borough Council"},
		{"In a report, Aldfield and Everworth District Council agreed to pay.", "aldfield-and-everworth-district-council", "Aldfield and Everworth District Council"},
		{"A long name like One Two Three Four Five Six Seven District Council is fine.", "one-two-three-four-five-six-seven-district-council", "One Two Three Four Five Six Seven District Council"},
		{"A very long name like One Two Three Four Five Six Seven Eight District Council is odd.", "two-three-four-five-six-seven-eight-district-council", "Two Three Four Five Six Seven Eight District Council"},
		{"The Ombudsman wrote to Norbury Vale District Council's leader.", "norbury-vale-district-council", "Norbury Vale District Council"},
		{"The London Borough of Wexcombe paid £500.", "london-borough-of-wexcombe", "London Borough of Wexcombe"},
		{"Norbury Vale District Council, the Ombudsman said, was late.", "norbury-vale-district-council", "Norbury Vale District Council"},
		{"and Fen District Council were late.", "fen-district-council", "Fen District Council"},
		{"The report said the district Council was late.", "", ""},
		{"Officials at the Town Hall Borough Council said little.", "", ""},
		{"Complaints about NorwichNorfolk District Council rose.", "", ""},
		{"Complaints about NorvalLAND District Council rose.", "", ""},
		{"Then the District Council said it was late.", "", ""},
	}
	for _, c := range cases {
		f := parseArticle(t, "Councils criticised\n\n"+c.line)
		if c.slug == "" {
			if len(f.Councils) != 0 {
				t.Errorf("%q: councils %+v, want none", c.line, f.Councils)
			}
			continue
		}
		if len(f.Councils) != 1 {
			t.Errorf("%q: councils %+v, want %s", c.line, f.Councils, c.slug)
			continue
		}
		co := f.Councils[0]
		at := runeIndex(t, c.line, c.quote)
		if co.Slug != c.slug || co.Name != c.quote || len(co.Evidence) != 1 || co.Evidence[0].Quote != c.quote || co.Evidence[0].Start != at || co.Evidence[0].End != at+utf8.RuneCountInString(c.quote) {
			t.Errorf("%q: council %s %q quoted %+v, want %s quoted %q from %d", c.line, co.Slug, co.Name, co.Evidence, c.slug, c.quote, at)
		}
	}
}

// TestSeveralNewCouncilsInAParagraph checks that every "London Borough of …"
// of a paragraph is read, not only its first, and that a name ends before an
// "and" that joins no second place word to it.
func TestSeveralNewCouncilsInAParagraph(t *testing.T) {
	var got []string
	for _, c := range parseArticle(t, "Councils criticised\n\nThe London Borough of Wexcombe and the London Borough of Fenley both paid.").Councils {
		got = append(got, c.Slug)
	}
	if want := "london-borough-of-wexcombe london-borough-of-fenley"; strings.Join(got, " ") != want {
		t.Errorf("councils %v, want %s", got, want)
	}
	got = nil
	for _, c := range parseArticle(t, "Councils criticised\n\nThe Royal Borough of Wexcombe and Fenley, and the London Borough of Ashby upon Trent both paid.").Councils {
		got = append(got, c.Name)
	}
	if want := "Royal Borough of Wexcombe and Fenley|London Borough of Ashby upon Trent"; strings.Join(got, "|") != want {
		t.Errorf("councils %q, want %s", got, want)
	}
}

// TestGenericCouncil checks what "the county council" is taken to mean: the
// one county council the article names (however often), else the one
// county whose place it mentions, else none.
func TestGenericCouncil(t *testing.T) {
	cases := []struct{ line, want string }{
		{"Kent County Council was criticised. A family in Norfolk complained. Kent County Council apologised. The county council said it would act.",
			"kent-county-council: Kent County Council|Kent County Council|The county council"},
		{"A family in Norfolk complained. The county council said it would act.", "norfolk-county-council: The county council"},
		{"A family in Norfolk and in Kent complained. The county council said it would act.", ""},
		{"Kent County Council was criticised. The county council said it would act, and the county council apologised.",
			"kent-county-council: Kent County Council|The county council|the county council"},
		{"Windsor and Maidenhead Council was criticised. The Royal Borough said it would act, and the Royal Borough apologised.",
			"royal-borough-of-windsor-and-maidenhead: Windsor and Maidenhead Council|The Royal Borough|the Royal Borough"},
	}
	for _, c := range cases {
		var got []string
		for _, co := range parseArticle(t, "Councils criticised\n\n"+c.line).Councils {
			var quotes []string
			for _, e := range co.Evidence {
				quotes = append(quotes, e.Quote)
			}
			got = append(got, co.Slug+": "+strings.Join(quotes, "|"))
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%q: %q, want %q", c.line, got, c.want)
		}
	}
}

// TestCouncilWrappedOverLines checks a council's name that a line break
// parts before "Council", "Councils" or "Council,": it is read whole, and
// quoted on each line; a line that starts a new sentence does not continue
// a name.
func TestCouncilWrappedOverLines(t *testing.T) {
	cases := []struct{ body, want string }{
		{"The Ombudsman criticised Kent County\nCouncil for delays.", "kent-county-council: 3 Kent County|4 Council"},
		{"The Ombudsman criticised Hertfordshire County and Dacorum Borough\nCouncils for delays.",
			"hertfordshire-county-council: 3 Hertfordshire County; dacorum-borough-council: 3 Dacorum Borough|4 Councils"},
		{"The Ombudsman criticised Kent County\nCouncil, which apologised.", "kent-county-council: 3 Kent County|4 Council"},
		{"The Ombudsman criticised Kent County\nThe end.", ""},
	}
	for _, c := range cases {
		var got []string
		for _, co := range parseArticle(t, "Councils criticised\n\n"+c.body).Councils {
			var quotes []string
			for _, e := range co.Evidence {
				quotes = append(quotes, fmt.Sprintf("%d %s", e.Line, e.Quote))
			}
			got = append(got, co.Slug+": "+strings.Join(quotes, "|"))
		}
		if strings.Join(got, "; ") != c.want {
			t.Errorf("%q: %q, want %q", c.body, got, c.want)
		}
	}
}

// TestPlaceOfTwoCouncils checks that a place alone is read as its council
// only when one current council has that place: "Fenby (33 per cent)" is
// Fenby District Council's figure when it is the only Fenby, and no
// council's when a Fenby Borough Council exists too.
func TestPlaceOfTwoCouncils(t *testing.T) {
	const line = "Complaints to the council were upheld in Fenby (33 per cent), the Ombudsman said."
	for ref, want := range map[string]string{
		`{"councils":[{"name":"Fenby District Council","type":"District Council"}]}`:                                                             "fenby-district-council",
		`{"councils":[{"name":"Fenby District Council","type":"District Council"},{"name":"Fenby Borough Council","type":"Unitary Council"}]}`: "",
	} {
		r, err := loader.ParseReference([]byte(ref))
		if err != nil {
			t.Fatal(err)
		}
		f, err := loader.ParseArticle("a.txt", strings.NewReader("Councils criticised\n\n"+line), loader.NewGazetteer(r))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range f.Councils {
			got = append(got, c.Slug)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("with %s: councils %v, want %q", ref, got, want)
		}
	}
}

// TestShortPlace checks that a place of four letters is read alone, beside
// a figure: "Kent (40 per cent)".
func TestShortPlace(t *testing.T) {
	f := parseArticle(t, "Councils criticised\n\nComplaints to the council were upheld in Kent (40 per cent), the Ombudsman said.")
	if len(f.Councils) != 1 || f.Councils[0].Slug != "kent-county-council" || f.Councils[0].Evidence[0].Quote != "Kent" {
		t.Errorf("councils %+v, want Kent County Council quoted as Kent", f.Councils)
	}
}
