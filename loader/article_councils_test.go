package loader_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/loader"
)

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
		`{"councils":[{"name":"Fenby District Council","type":"District Council"}]}`:                                                           "fenby-district-council",
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
