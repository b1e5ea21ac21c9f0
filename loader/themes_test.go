package loader_test

import (
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
		{"duplicate", `{"themes":[{"slug":"a","name":"x","terms":["a"]},{"slug":"a","name":"y","terms":["b"]}]}`, "defined twice"},
		{"nothing to match", `{"themes":[{"slug":"a","name":"x"}]}`, "nothing can carry it"},
		{"unknown field", `{"themes":[{"slug":"a","name":"x","terms":["a"],"colour":"red"}]}`, "unknown field"},
		{"not JSON", `themes: [send]`, "themes:"},
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
