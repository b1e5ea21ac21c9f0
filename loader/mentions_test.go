package loader_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
)

// testReference is a small councils reference in the form of
// seed/councils.json, so that these tests do not change with it.
const testReference = `{"councils": [
 {"name": "London Borough of Croydon", "type": "London Borough", "code": "E09000008"},
 {"name": "London Borough of Bromley", "type": "London Borough", "code": "E09000006"},
 {"name": "Royal Borough of Windsor and Maidenhead", "type": "Unitary Council", "code": "E06000040",
  "aliases": ["Windsor and Maidenhead", "Windsor & Maidenhead", "Windsor"],
  "names": ["Royal Borough of Windsor & Maidenhead", "RBWM"]},
 {"name": "Royal Borough of Kingston upon Thames", "type": "London Borough", "code": "E09000021", "aliases": ["Kingston"]},
 {"name": "Royal Borough of Greenwich", "type": "London Borough", "code": "E09000011"},
 {"name": "Kingston upon Hull City Council", "type": "Unitary Council", "code": "E06000010", "aliases": ["Hull"], "names": ["Hull City Council"]},
 {"name": "Borough Council of King's Lynn & West Norfolk", "type": "District Council", "code": "E07000146",
  "aliases": ["King's Lynn and West Norfolk", "King's Lynn"],
  "names": ["Borough Council of King's Lynn and West Norfolk", "King's Lynn and West Norfolk Borough Council"]},
 {"name": "Hertfordshire County Council", "type": "County Council", "code": "E10000015", "aliases": ["Herts"]},
 {"name": "Dacorum Borough Council", "type": "District Council", "code": "E07000096"},
 {"name": "Tunbridge Wells Borough Council", "type": "District Council", "code": "E07000116"},
 {"name": "Sevenoaks District Council", "type": "District Council", "code": "E07000111"},
 {"name": "Dorset County Council", "type": "County Council", "code": "E10000009", "abolished": "2019-04-01", "successor": "Dorset Council"},
 {"name": "Dorset Council", "type": "Unitary Council", "code": "E06000059"},
 {"name": "Bury Metropolitan Borough Council", "type": "Metropolitan Borough", "code": "E08000002", "names": ["Bury Council"]},
 {"name": "Borough of Poole", "type": "Unitary Council", "code": "E06000029", "aliases": ["Poole"], "abolished": "2019-04-01",
  "successor": "Bournemouth, Christchurch and Poole Council"},
 {"name": "Bournemouth, Christchurch and Poole Council", "type": "Unitary Council", "code": "E06000058", "names": ["BCP Council"]},
 {"name": "Eastshire District Council", "type": "District Council", "aliases": ["Midtown"]},
 {"name": "Westshire District Council", "type": "District Council", "aliases": ["Midtown"]}
]}`

func testGazetteer(t testing.TB) *loader.Gazetteer {
	t.Helper()
	ref, err := loader.ParseReference([]byte(testReference))
	if err != nil {
		t.Fatal(err)
	}
	return loader.NewGazetteer(ref)
}

func TestMentions(t *testing.T) {
	cases := []struct {
		name, body string
		want       []string
	}{
		{"a London borough as '<place> Council'", "Croydon Council paid £500.", []string{"london-borough-of-croydon"}},
		{"the official name", "The London Borough of Croydon paid.", []string{"london-borough-of-croydon"}},
		{"an acronym from names", "Complaints were upheld against RBWM.", []string{"royal-borough-of-windsor-and-maidenhead"}},
		{"an acronym's possessive", "RBWM's figures were out.", []string{"royal-borough-of-windsor-and-maidenhead"}},
		{"an acronym in lower case is no name", "The rbwm figures were out.", nil},
		{"an alias with lower-case council", "Kingston council slept on a resident's concerns.", []string{"royal-borough-of-kingston-upon-thames"}},
		{"an alias with 'and' and lower-case council", "Most complaints against the Windsor and Maidenhead council were upheld.", []string{"royal-borough-of-windsor-and-maidenhead"}},
		{"'&' for 'and'", "Windsor & Maidenhead Council agreed.", []string{"royal-borough-of-windsor-and-maidenhead"}},
		{"Kingston upon Hull is not Kingston upon Thames", "Hull City Council and Kingston Council both paid.", []string{"kingston-upon-hull-city-council", "royal-borough-of-kingston-upon-thames"}},
		{"another full name, with '&' and a curly apostrophe", "The Borough Council of King’s Lynn & West Norfolk paid.", []string{"borough-council-of-kings-lynn-west-norfolk"}},
		{"another full name, with 'and'", "King's Lynn and West Norfolk Borough Council paid.", []string{"borough-council-of-kings-lynn-west-norfolk"}},
		{"an alias without its apostrophe", "Kings Lynn Council paid.", []string{"borough-council-of-kings-lynn-west-norfolk"}},
		{"two councils joined by 'and'", "Tunbridge Wells Borough Council and Sevenoaks District Council each had one.", []string{"tunbridge-wells-borough-council", "sevenoaks-district-council"}},
		{"two councils sharing 'Councils'", "Complaints about Hertfordshire County and Dacorum Borough Councils rose.", []string{"hertfordshire-county-council", "dacorum-borough-council"}},
		{"a council's own name beats another's place", "Dorset Council paid.", []string{"dorset-council"}},
		{"an abolished council by its own name", "Dorset County Council paid in 2018.", []string{"dorset-county-council"}},
		{"an alias two councils claim is neither's", "Midtown Council paid.", nil},
		{"a place that is also a word needs its capital", "They tried to bury council papers.", nil},
		{"the same place capitalised", "Bury Council paid.", []string{"bury-metropolitan-borough-council"}},
		{"a comma before 'Council' ends a name", "In Poole, Council tax rose.", nil},
		{"a comma inside a name", "Bournemouth, Christchurch and Poole Council paid.", []string{"bournemouth-christchurch-and-poole-council"}},
		{"'the Royal Borough' is the one the article names", "RBWM paid. The Royal Borough apologised.", []string{"royal-borough-of-windsor-and-maidenhead"}},
		{"'the Royal Borough' is the Royal Borough whose place is named", "Parents in Windsor complained to the Royal Borough.", []string{"royal-borough-of-windsor-and-maidenhead"}},
		{"'the Royal Borough' among two is neither", "Kingston Council and the Royal Borough of Greenwich paid. The Royal Borough apologised.", []string{"royal-borough-of-kingston-upon-thames", "royal-borough-of-greenwich"}},
		{"'the Royal Borough' alone is ambiguous", "The Royal Borough apologised.", nil},
		{"two councils no reference knows", "Foo Borough Council and Bar District Council paid.", []string{"foo-borough-council", "bar-district-council"}},
		{"a council no reference knows, possessive", "South Norfolk District Council's offices closed.", []string{"south-norfolk-district-council"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := loader.ParseArticle("a.txt", strings.NewReader("News\n\n"+c.body+"\n"), testGazetteer(t))
			if err != nil {
				t.Fatal(err)
			}
			if got := f.Articles[0].CouncilSlugs; !slices.Equal(got, c.want) {
				t.Errorf("councils = %v, want %v", got, c.want)
			}
		})
	}
}

// TestMentionEvidence checks what a mention quotes: a name without its
// possessive, and a name wrapped over two lines in two spans.
func TestMentionEvidence(t *testing.T) {
	doc := "News\n\nCroydon Council's offices closed. Almost 70 per cent of complaints about Herts County \nCouncil were upheld.\n"
	f, err := loader.ParseArticle("a.txt", strings.NewReader(doc), testGazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	var quotes []string
	for _, c := range f.Councils {
		for _, s := range c.Evidence {
			quotes = append(quotes, s.Quote)
			checkSpan(t, strings.Split(doc, "\n"), s)
		}
	}
	if want := []string{"Croydon Council", "Herts County", "Council"}; !slices.Equal(quotes, want) {
		t.Errorf("evidence quotes %q, want %q", quotes, want)
	}
}

func TestReferenceFields(t *testing.T) {
	g := testGazetteer(t)
	c := g.Council("Dorset County Council", graph.Span{})
	if c.Code != "E10000009" || c.Abolished != "2019-04-01" || c.SuccessorSlug != "dorset-council" || c.Type != graph.CountyCouncil {
		t.Errorf("Dorset County Council = %+v", c)
	}
	c = g.Council("Borough of Poole", graph.Span{})
	if c.SuccessorSlug != "bournemouth-christchurch-and-poole-council" {
		t.Errorf("successor of Poole = %q", c.SuccessorSlug)
	}
	if c := g.Council("Dorset Council", graph.Span{}); c.Code != "E06000059" || c.Abolished != "" || c.SuccessorSlug != "" {
		t.Errorf("Dorset Council = %+v", c)
	}
}

func TestReferenceErrors(t *testing.T) {
	cases := []struct{ name, file, want string }{
		{"no name", `{"councils":[{"type":"County Council"}]}`, "entry 1 has no name"},
		{"bad type", `{"councils":[{"name":"A Council","type":"Parish"}]}`, "unknown authority type"},
		{"bad code", `{"councils":[{"name":"A Council","code":"1234"}]}`, "not a GSS code"},
		{"bad date", `{"councils":[{"name":"A Council","abolished":"April 2019"}]}`, "not a date"},
		{"unknown successor", `{"councils":[{"name":"A Council","abolished":"2019-04-01","successor":"B Council"}]}`, "not a council of the file"},
		{"successor without abolition", `{"councils":[{"name":"A Council","successor":"B Council"},{"name":"B Council"}]}`, "no date of abolition"},
		{"twice", `{"councils":[{"name":"A Council"},{"name":"A  Council"}]}`, "A  Council: the same council as A Council (entry 2)"},
		{"empty alias", `{"councils":[{"name":"A Council","aliases":[" "]}]}`, "empty alias"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := loader.ParseReference([]byte(c.file))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want it to say %q", err, c.want)
			}
		})
	}
}
