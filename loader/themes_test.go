package loader_test

import (
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// TestThemeTerms matches real sentences of the seed corpus against the seed
// themes, including sentences that must not match.
func TestThemeTerms(t *testing.T) {
	themes, err := loader.ParseThemes(seed.Themes)
	if err != nil {
		t.Fatal(err)
	}
	if len(themes) < 12 {
		t.Errorf("the theme file has %d themes, want at least 12", len(themes))
	}
	tg := loader.NewTagger(themes)
	cases := []struct {
		theme, sentence string
		match           bool
	}{
		{"send", "• Share this decision with the relevant staff and advise the SEND QA Board", true},
		{"send", "The Council will send a reminder to staff in adult social care.", false},
		{"send", "The Council agreed to send a reminder to its adult social care teams to ensure information is shared with the financial assessment team to prevent any unnecessary debt.", false},
		{"send", "provide evidence of the monitoring plan for EHC plan reviews the Council has put into place", true},
		{"send", "where it decides to issue an Education, Health, and Care (EHC) Plan following an EHC needs assessment", true},
		{"send", "education provision or Education and Health Care Plans (EHCPs) or the closure or denial of a service", true},
		{"send", "she pointed to ongoing work to increase the number of special school places.", true},
		{"send", "transport for children with Special Educational Needs (SEN).", true},
		{"send", "Sensory Integration Assessment", false},
		{"school-transport", "The Council will remind staff about the importance of providing clear information to school transport appeal panels", true},
		{"school-transport", "The Council will review its assessment procedures to ensure all Blue Badge applications involving a hidden disability are assessed", false},
		{"school-transport", "refusing transport on the basis there is a closer school with availability", false},
		{"alternative-provision", "part-time education provided through the Council’s Section 19 duty under review", true},
		{"alternative-provision", "The Council agreed to review what happened in this case", false},
		{"complaint-handling", "The ombudsman said the council considered the woman’s first complaint under the wrong procedure", true},
		{"complaint-handling", "the council has failed to use the statutory complaints procedure for children’s social care complaints.", true},
		{"complaint-handling", "That report also highlighted 415 compliments that had been made about the service", false},
		{"care-charging", "the need to tell the service user a financial change in circumstances may result in a change to their assessed charge.", true},
		{"care-charging", "The Council will send a reminder to staff in adult social care.", false},
		{"assessment-care-planning", "dissatisfaction with care plans or assessments", true},
		{"assessment-care-planning", "where a complainant has appealed about an Education, Health, and Care Plan to the First-tier Tribunal", false},
		{"domestic-abuse", "remind relevant staff dealing with reports of domestic abuse of the need to check whether an alleged perpetrator lives at the same address", true},
		{"domestic-abuse", "a letter should not be sent to the victim's home address", false},
		{"disability-discrimination", "a primary school admitted it had discriminated against a little boy because of his disabilities.", true},
		{"disability-discrimination", "Parents need to be supported to balance care and work needs", false},
		{"record-keeping", "The Council needed to ensure it kept a clear audit trail of such requests", true},
		{"record-keeping", "Remind officers of the deadlines to comply with complaint responses.", false},
		{"communication", "remind relevant staff about the importance of responding to communication in a timely manner", true},
		{"communication", "The council admitted that it “delayed providing information” to her.", true},
		{"communication", "The girl missed 12 months of lessons", false},
		{"care-act", "to ensure it meets its Care Act duties to help people keep their home tidy.", true},
		{"care-act", "Council fails to help care users maintain their homes", false},
		{"homelessness", "The Council will review how it places families in temporary accommodation.", true},
		{"homelessness", "The Council will review the records of users of its services.", false},
	}
	for _, c := range cases {
		t.Run(c.theme+"/"+c.sentence, func(t *testing.T) {
			line := "- " + c.sentence
			span := graph.Span{Doc: "d", Line: 1, Start: 2, End: 2 + len([]rune(c.sentence)), Quote: c.sentence}
			var got []string
			for _, m := range tg.Match(span) {
				got = append(got, m.Theme)
				if q := []rune(line)[m.Evidence.Start:m.Evidence.End]; string(q) != m.Evidence.Quote {
					t.Errorf("evidence %d-%d quotes %q, line holds %q", m.Evidence.Start, m.Evidence.End, m.Evidence.Quote, string(q))
				}
			}
			if slices.Contains(got, c.theme) != c.match {
				t.Errorf("themes %v: want %s matched = %v", got, c.theme, c.match)
			}
		})
	}
}

func TestThemeFileErrors(t *testing.T) {
	cases := []struct{ name, file, want string }{
		{"bad slug", `{"themes":[{"slug":"Bad Slug","name":"x","terms":["a"]}]}`, "slug \"Bad Slug\""},
		{"bad slug, second", `{"themes":[{"slug":"a","name":"x","terms":["a"]},{"slug":"","name":"y","terms":["b"]}]}`, `themes: theme 2: slug "" must be`},
		{"duplicate", `{"themes":[{"slug":"a","name":"x","terms":["a"]},{"slug":"a","name":"y","terms":["b"]}]}`, "defined twice"},
		{"nothing to match", `{"themes":[{"slug":"a","name":"x"}]}`, "nothing can carry it"},
		{"unknown field", `{"themes":[{"slug":"a","name":"x","terms":["a"],"colour":"red"}]}`, "unknown field"},
		{"not JSON", `themes: [send]`, "themes:"},
		{"a word of punctuation", `{"themes":[{"slug":"a","name":"x","terms":["care - plan"]}]}`, `term "care - plan": the word "-" must start with a letter or a digit`},
		{"an acronym of punctuation", `{"themes":[{"slug":"a","name":"x","acronyms":["&"]}]}`, `the word "&" must start`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := loader.ParseThemes([]byte(c.file))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error = %v, want it to say %q", err, c.want)
			}
		})
	}
}

// TestArticleThemes checks the themes of articles, whose wording is loose:
// each sentence stands in a story, and the rules of articleMatches read it
// so.
func TestArticleThemes(t *testing.T) {
	cases := []struct {
		name, body string
		want, not  []string
	}{
		{"special needs school", "A girl lost her place at a special needs school.", []string{"send"}, nil},
		{"special needs schooling", "The council failed to arrange special needs schooling.", []string{"send"}, nil},
		{"education and care plan, without 'health'", "It wrongly ceased an education and care plan for a young man.", []string{"send"}, nil},
		{"Education & Health Care Plans", "Delays in issuing Education & Health Care Plans.", []string{"send"}, []string{"assessment-care-planning"}},
		{"care plan in a SEND story", "The council named a school in the child's EHC plan. It failed to secure the education in the care plan.", []string{"send"}, []string{"assessment-care-planning"}},
		{"care plan in a SEND story's headline", "Missed bins and a lost care plan.\n\nA young man's education, health and care plan was wrongly ceased.", []string{"send"}, []string{"assessment-care-planning"}},
		{"an adult's care plan", "Mr Y left hospital with a care plan of three visits a day.", []string{"assessment-care-planning"}, nil},
		{"an adult's care plan in a story that also has SEND", "The council also failed a child with SEND. Mr Y, an older person, had no care plan.", []string{"send", "assessment-care-planning"}, nil},
		{"EHC needs assessment", "She asked for an education, health and care needs assessment in May.", []string{"send"}, []string{"assessment-care-planning"}},
		{"EHC needs assessment, short", "She asked for an EHC needs assessment in May.", []string{"send"}, []string{"assessment-care-planning"}},
		{"an adult's needs assessment", "The council delayed his needs assessment.", []string{"assessment-care-planning"}, nil},
		{"disabilities in the name of SEND", "Rulings concern children with special educational needs and disabilities (SEND).", []string{"send"}, []string{"disability-discrimination"}},
		{"disabilities in the name of SEND, in a later sentence", "The council was late. It failed a child with special educational needs and disabilities.", []string{"send"}, []string{"disability-discrimination"}},
		{"disabilities in the name of SEND, twice", "Special educational needs and disabilities staff and special educational needs and disability plans were late.", []string{"send"}, []string{"disability-discrimination"}},
		{"a disability before the name of SEND, in a later sentence", "It was late. A disability assessment and the special educational needs and disabilities support were both missing.", []string{"send", "disability-discrimination"}, nil},
		{"disabled pupils", "Transport for disabled pupils was refused.", []string{"disability-discrimination"}, nil},
		{"send, the verb", "She decided not to send Z to that school.", nil, []string{"send"}},
		{"a homeless charity", "A volunteer at a homeless charity said the team was stretched.", nil, []string{"homelessness"}},
		{"homeless families", "Homeless families were placed in bed and breakfast rooms.", []string{"homelessness"}, nil},
		{"told to make a record", "A resident was told to make a record of noise for six weeks.", nil, []string{"record-keeping"}},
		{"failed to keep a record", "The council failed to keep a record of why it decided not to assess.", []string{"record-keeping"}, nil},
		{"overcharged for care", "A complaint that Trafford council overcharged a pensioner for care at home was upheld.", []string{"care-charging"}, nil},
		{"overcharged, not for care", "The council overcharged him for parking.", nil, []string{"care-charging"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc := "News\n\n" + c.body + "\n"
			if strings.Contains(c.body, "\n") {
				doc = c.body + "\n"
			}
			f := taggedArticle(t, doc)
			var got []string
			for _, m := range f.Articles[0].Matches {
				got = append(got, m.Theme)
				if !strings.Contains(m.Evidence.Quote, m.Term) {
					t.Errorf("match %q: evidence %q does not hold it", m.Term, m.Evidence.Quote)
				}
			}
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("themes %v: want %s", got, w)
				}
			}
			for _, n := range c.not {
				if slices.Contains(got, n) {
					t.Errorf("themes %v: want no %s", got, n)
				}
			}
		})
	}
}

// TestThemeCouncils checks which councils an article's themes count for:
// the councils a themed sentence is about, never a council named only in
// comparison.
func TestThemeCouncils(t *testing.T) {
	cases := []struct {
		name, doc string
		want      map[string][]string // theme → councils it counts for
		named     map[string][]string // theme → councils its matches name (ThemeMatch.Councils)
	}{
		{"second only to",
			"Leeds SEND complaints\n\nComplaints about Leeds City Council rose. On SEND complaints alone, Leeds City Council was second only to Birmingham City Council.\n",
			map[string][]string{"send": {"leeds-city-council"}}, nil},
		{"than, compared with",
			"News\n\nKent County Council got more SEND complaints than Hertfordshire County Council.\n\nSEND complaints also rose at Kent County Council compared with Essex County Council.\n",
			map[string][]string{"send": {"kent-county-council"}}, nil},
		{"next door",
			"News\n\nLeeds City Council paid £500.\n\nNext door, Bradford Council placed homeless families in bed and breakfast.\n",
			map[string][]string{"homelessness": {"leeds-city-council"}}, nil},
		{"the council, meaning the subject",
			"News\n\nKent County Council paid £500. Elsewhere, Hertfordshire County Council paid £300.\n\nThe council failed to secure the SEND provision.\n",
			map[string][]string{"send": {"kent-county-council"}}, map[string][]string{"send": {"kent-county-council"}}},
		{"a sentence naming no council, in a story that names others",
			"News\n\nKent County Council paid £500.\n\nHertfordshire County Council paid £300.\n\nSeveral complaints concerned school transport.\n",
			map[string][]string{"school-transport": {"kent-county-council"}}, map[string][]string{"school-transport": {"kent-county-council"}}},
		{"a sentence naming no council, in a story about one",
			"News\n\nKent County Council paid £500.\n\nSeveral complaints concerned school transport.\n",
			map[string][]string{"school-transport": {"kent-county-council"}}, map[string][]string{"school-transport": nil}},
		{"a round-up, paragraph by paragraph",
			"News\n\nKent County Council and Hertfordshire County Council were both criticised.\n\nAt Hertfordshire County Council, one case was about a homeless family. It waited a year.\n",
			map[string][]string{"homelessness": {"hertfordshire-county-council"}}, nil},
	}
	themes, err := loader.ParseThemes(seed.Themes)
	if err != nil {
		t.Fatal(err)
	}
	tg := loader.NewTagger(themes)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := loader.ParseArticle("a.txt", strings.NewReader(c.doc), gazetteer(t))
			if err != nil {
				t.Fatal(err)
			}
			tg.Tag(&f)
			a := f.Articles[0]
			for theme, want := range c.want {
				if got := a.ThemeCouncils(theme); !slices.Equal(got, want) {
					t.Errorf("%s counts for %v, want %v (matches %+v)", theme, got, want, a.Matches)
				}
			}
			for theme, want := range c.named {
				for _, m := range a.Matches {
					if m.Theme == theme && !slices.Equal(m.Councils, want) {
						t.Errorf("%s match %q names %v, want %v", theme, m.Evidence.Quote, m.Councils, want)
					}
				}
			}
		})
	}
}

// taggedArticle parses doc as an article and tags it with the seed's
// themes.
func taggedArticle(t *testing.T, doc string) graph.Facts {
	t.Helper()
	return tagged(t, loader.ParseArticle, doc)
}

// tagged parses doc with parse and tags it with the seed's themes.
func tagged(t *testing.T, parse func(string, io.Reader, *loader.Gazetteer) (graph.Facts, error), doc string) graph.Facts {
	t.Helper()
	f, err := parse("a.txt", strings.NewReader(doc), gazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	themes, err := loader.ParseThemes(seed.Themes)
	if err != nil {
		t.Fatal(err)
	}
	loader.NewTagger(themes).Tag(&f)
	return f
}

// TestArticleThemeOrder checks that an article's theme matches come in the
// theme file's order, then in the order of the text.
func TestArticleThemeOrder(t *testing.T) {
	for doc, want := range map[string]string{
		"News\n\nIts complaint handling was poor, school transport was late, and its complaints procedure was slow.\n": "school-transport:school transport complaint-handling:complaint handling complaint-handling:complaints procedure",
		// Overcharging for care is found after the terms, and still put in order.
		"News\n\nThe council overcharged a homeless pensioner for care at home.\n": "care-charging:overcharged homelessness:homeless",
	} {
		var got []string
		for _, m := range taggedArticle(t, doc).Articles[0].Matches {
			got = append(got, m.Theme+":"+m.Term)
		}
		if strings.Join(got, " ") != want {
			t.Errorf("%q: matches %v, want %s", doc, got, want)
		}
	}
}

// TestWrappedImprovementTagged checks that an improvement wrapped over lines
// is tagged by every line of it, each match quoting the line it is on.
func TestWrappedImprovementTagged(t *testing.T) {
	const page = "Kent County Council\nService improvements\nCase reference: 24 007 412\nCategory: Education\nSub Category: Other\n" +
		"- The Council will remind staff of the duty to\nreview EHC plans on time.\n- It will also apologise.\n"
	f := tagged(t, loader.ParsePage, page)
	if len(f.Improvements) != 2 {
		t.Fatalf("%d improvements, want 2: %+v", len(f.Improvements), f.Improvements)
	}
	ms := f.Improvements[0].Matches
	if len(ms) != 1 || ms[0].Theme != "send" || ms[0].Term != "EHC plans" || ms[0].Evidence.Line != 7 {
		t.Errorf("the wrapped improvement's matches = %+v, want SEND's \"EHC plans\" on line 7", ms)
	}
	if ms := f.Improvements[1].Matches; ms != nil {
		t.Errorf("the second improvement's matches = %+v, want none", ms)
	}
}
