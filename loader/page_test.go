package loader_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

func gazetteer(t testing.TB) *loader.Gazetteer {
	t.Helper()
	ref, err := loader.ParseReference(seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	return loader.NewGazetteer(ref)
}

// kingsLynn is a page of a kind the seed corpus lacks: a district council with
// a curly apostrophe, singular counts, decimals, no reports, a bullet inside an
// item, and CRLF line endings.
const kingsLynn = "King’s Lynn and West Norfolk Borough Council\r\n" +
	"Annual statistics ?Find out more about annual statistics\r\n" +
	"-\r\n" +
	"Complaints upheld\r\n" +
	"50% Complaints upheld by King’s Lynn and West Norfolk Borough Council\r\n" +
	"50% of complaints we investigated were upheld.\r\n" +
	"This compares to an average of 72.5% in similar authorities.\r\n" +
	"1 upheld decision\r\n" +
	"Adjusted for King’s Lynn and West Norfolk Borough Council’s population, this is\r\n" +
	"1.0 upheld decisions per 100,000 residents.The average for authorities of this type is\r\n" +
	"0.8 upheld decisions per 100,000 residents.Statistics are based on a total of 2 investigations for the period between 1 April 2022 to 31 March 2023\r\n" +
	"-\r\n" +
	"Compliance with Ombudsman recommendations\r\n" +
	"100% of cases were successfully implemented by King’s Lynn and West Norfolk Borough Council\r\n" +
	"This compares to an average of 99% in similar authorities.\r\n" +
	"Statistics are based on a total of 1 compliance outcome for the period between 1 April 2022 to 31 March 2023\r\n" +
	"Service improvements ?Find out more about service improvements\r\n" +
	"Case reference: 22 001 234\r\n" +
	"Category: Housing\r\n" +
	"Sub Category: Homelessness\r\n" +
	"- • Review its temporary accommodation letters• Train staff on the relief duty\r\n" +
	"Last updated: 1 May 2023\r\n"

func TestPageGeneralises(t *testing.T) {
	f, err := loader.ParsePage("kl.txt", strings.NewReader(kingsLynn), gazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	c := f.Councils[0]
	if c.Slug != "borough-council-of-kings-lynn-west-norfolk" || c.Name != "Borough Council of King's Lynn & West Norfolk" || c.Type != graph.DistrictCouncil {
		t.Errorf("council = %q %q %q", c.Slug, c.Name, c.Type)
	}
	if len(f.Statistics) != 1 {
		t.Fatalf("statistics: got %d, want 1", len(f.Statistics))
	}
	s := f.Statistics[0]
	checks := []struct {
		name      string
		got, want any
	}{
		{"year", s.Year.Label(), "2022-23"},
		{"investigations", *s.Investigations, 2},
		{"upheld decisions (singular)", *s.UpheldDecisions, 1},
		{"upheld percent", *s.UpheldPercent, 50.0},
		{"per 100k (decimal 1.0)", *s.UpheldPer100k, 1.0},
		{"similar per 100k", *s.SimilarAuthorities.UpheldPer100k, 0.8},
		{"similar upheld percent (decimal)", *s.SimilarAuthorities.UpheldPercent, 72.5},
		{"compliance outcomes (singular)", *s.ComplianceOutcomes, 1},
		{"compliance percent", *s.CompliancePercent, 100.0},
		{"similar compliance", *s.SimilarAuthorities.CompliancePercent, 99.0},
		{"no remedy block", s.SatisfactoryRemedyPercent == nil, true},
		{"reports (section missing)", len(f.Reports), 0},
		{"cases", len(f.Cases), 1},
		{"case year", f.Cases[0].Year.Label(), "2022-23"},
		{"improvements (bullets stay in one item)", len(f.Improvements), 1},
		{"improvement text", f.Improvements[0].Text, "Review its temporary accommodation letters• Train staff on the relief duty"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestPageSections(t *testing.T) {
	const page = "Kent County Council\n" +
		"Public reports ?Find out more about public reports\n" +
		"In the last nine years, the Ombudsman has published the following public interest reports against Kent County Council\n" +
		"A title\n" +
		"A summary.\n"
	f, err := loader.ParsePage("p.txt", strings.NewReader(page), gazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Reports) != 1 || !f.Reports[0].PublicInterest || f.Reports[0].Title != "A title" || f.Reports[0].Summary != "A summary." {
		t.Errorf("reports = %+v", f.Reports)
	}
	if len(f.Statistics) != 0 || len(f.Cases) != 0 {
		t.Errorf("got statistics or cases from a page with neither section")
	}
}

// TestPageWarnings checks that what cannot be read on a page costs only
// itself: it is reported as a warning at its line, and the rest of the page's
// facts stand.
func TestPageWarnings(t *testing.T) {
	cases := []struct {
		name, doc, want string
		// facts counts what must still be read: statistics, reports,
		// cases, improvements.
		facts [4]int
	}{
		{"case without improvements",
			"Kent County Council\nService improvements\nCase reference: 23 000 001\nCategory: Education\nSub Category: Other\nCase reference: 23 000 002\nCategory: Education\nSub Category: Other\n- Do a thing.\n",
			"p.txt:3: warning: case 23 000 001 lists no improvements", [4]int{0, 0, 2, 1}},
		{"case without category",
			"Kent County Council\nService improvements\nCase reference: 23 000 001\n- Do a thing\nCase reference: 23 000 002\nCategory: Education\nSub Category: Other\n- Do a thing.\n",
			"p.txt:3: warning: case 23 000 001 has no 'Category:' and 'Sub Category:'", [4]int{0, 0, 1, 1}},
		{"statistics without a period",
			"Kent County Council\nAnnual statistics\nComplaints upheld\n81% of complaints we investigated were upheld.\nReports\nA title\nA summary.\n",
			"p.txt:4: warning: the annual statistics state no period", [4]int{0, 1, 0, 0}},
		{"period that is not a business year",
			"Kent County Council\nAnnual statistics\n81% of complaints we investigated were upheld.\nStatistics are based on a total of 9 investigations for the period between 1 January 2023 to 31 December 2023\n",
			"p.txt:4: warning: period 1 January 2023 to 31 December 2023 is not a business year", [4]int{0, 0, 0, 0}},
		{"contradictory percentages",
			"Kent County Council\nAnnual statistics\nComplaints upheld\n81% Complaints upheld by Kent County Council\n82% of complaints we investigated were upheld.\n76 upheld decisions\nStatistics are based on a total of 94 investigations for the period between 1 April 2023 to 31 March 2024\n",
			"p.txt:5: warning: percentage 82 contradicts 81 stated earlier, so neither is kept", [4]int{1, 0, 0, 0}},
		{"percentage over 100",
			"Kent County Council\nAnnual statistics\nComplaints upheld\n181% of complaints we investigated were upheld.\nStatistics are based on a total of 94 investigations for the period between 1 April 2023 to 31 March 2024\n",
			"p.txt:4: warning: percentage 181% is more than 100%; left out", [4]int{1, 0, 0, 0}},
		{"cut short",
			"Kent County Council\nService improvements\nCase reference: 23 000 001\nCategory: Education\nSub Category: Other\n- Do a thing.\n- Do another th\n",
			"p.txt:7: warning: the text stops mid-sentence", [4]int{0, 0, 1, 1}},
		{"category with its sub-category after '>'",
			"Kent County Council\nService improvements\nCase reference: 23 000 001\nCategory : Housing > Homelessness\n- Do a thing.\nCase reference: 23 000 002\n",
			"p.txt:6: warning: case 23 000 002 has no 'Category:'", [4]int{0, 0, 1, 1}},
		{"the site's menu before the page",
			"Skip to main content\nHome\nReports\nDecisions\nTraining\nKent County Council\nPublic reports\nA title\nA summary.\n",
			"", [4]int{0, 1, 0, 0}},
		{"garbled report",
			"Kent County Council\nReports\nA title\nA summary.\nOmbudsman finds l7O delays\nA summary of it.\n",
			"p.txt:5: warning: \"l7O\" looks like a garbled number", [4]int{0, 1, 0, 0}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := loader.ParsePage("p.txt", strings.NewReader(c.doc), gazetteer(t))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range f.Document.Warnings {
				got = append(got, w.String())
			}
			if c.want == "" && len(got) > 0 || c.want != "" && !slices.ContainsFunc(got, func(w string) bool { return strings.HasPrefix(w, c.want) }) {
				t.Errorf("warnings = %q\nwant one with prefix %s", got, c.want)
			}
			if n := [4]int{len(f.Statistics), len(f.Reports), len(f.Cases), len(f.Improvements)}; n != c.facts {
				t.Errorf("statistics, reports, cases, improvements = %v, want %v", n, c.facts)
			}
		})
	}
}

// TestPageErrors checks that a document that cannot be read as a page at
// all is rejected as FILE:LINE: what was expected and what was found.
func TestPageErrors(t *testing.T) {
	cases := []struct{ name, doc, want string }{
		{"no council", "Annual statistics\n81% of complaints we investigated were upheld.\n", "p.txt:1: expected the council's name"},
		{"no sections", "Kent County Council\nHello there\n", "p.txt:1: expected a council performance page's sections"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := loader.ParsePage("p.txt", strings.NewReader(c.doc), gazetteer(t))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error = %v\nwant prefix %s", err, c.want)
			}
		})
	}
}

// TestPageCouncilLine checks where a page names its council: on a line of
// at most 90 characters before its first section, or, on a page that starts
// with a section, after it, down to its last line.
func TestPageCouncilLine(t *testing.T) {
	cases := "Case reference: 24 007 412\nCategory: Education\nSub Category: Other\n- The Council will remind relevant staff of the duty to respond in time.\n"
	named := func(n int) string { // a council's name of n characters
		const tail = " Borough Council"
		return "The Royal " + strings.Repeat("x", n-len(tail)-len("The Royal ")) + tail
	}
	for _, c := range []struct {
		name, doc, council string
	}{
		{"after a first section", "Service improvements\nKent County Council\n" + cases, "kent-county-council"},
		{"on the last line", "Service improvements\n" + cases + "Kent County Council", "kent-county-council"},
		{"90 characters", named(90) + "\nService improvements\n" + cases, graph.Slug(named(90))},
		{"91 characters", named(91) + "\nService improvements\n" + cases, ""},
		{"90 characters, after a first section", "Service improvements\n" + cases + named(90), graph.Slug(named(90))},
		{"91 characters, after a first section", "Service improvements\n" + cases + named(91), ""},
	} {
		f, err := loader.ParsePage("p.txt", strings.NewReader(c.doc), gazetteer(t))
		switch {
		case c.council == "":
			if err == nil || !strings.Contains(err.Error(), "expected the council's name") {
				t.Errorf("%s: %v, want no council found", c.name, err)
			}
		case err != nil:
			t.Errorf("%s: %v", c.name, err)
		case len(f.Councils) != 1 || f.Councils[0].Slug != c.council || len(f.Cases) != 1:
			t.Errorf("%s: councils %+v and %d cases, want %s and its case", c.name, f.Councils, len(f.Cases), c.council)
		}
	}
}

// TestPageCouncilFromASentence checks the last place a page's council is
// looked for: a sentence that names it ("reports against …"), even on the
// page's last line.
func TestPageCouncilFromASentence(t *testing.T) {
	doc := "Service improvements\nCase reference: 24 007 412\nCategory: Education\nSub Category: Other\n- The Council will remind relevant staff of the duty to respond in time.\n" +
		"In the last nine years, the Ombudsman has published the following reports against Kent County Council"
	f, err := loader.ParsePage("p.txt", strings.NewReader(doc), gazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Councils) != 1 || f.Councils[0].Slug != "kent-county-council" || f.Councils[0].Evidence[0].Line != 6 || f.Councils[0].Evidence[0].Quote != "Kent County Council" {
		t.Errorf("councils %+v, want Kent County Council quoted on line 6", f.Councils)
	}
}

// TestPageNotCut checks that a page that ends with blank lines, or with a
// statement of statistics and a stray comma, is not taken for one cut off
// mid-sentence, and that one that stops mid-sentence is.
func TestPageNotCut(t *testing.T) {
	stats := "Kent County Council\nAnnual statistics\n89% of complaints we investigated were upheld.\nThis compares to an average of 85% in similar authorities.\nStatistics are based on a total of 47 investigations for the period between 1 April 2023 to 31 March 2024"
	for doc, cut := range map[string]bool{
		"Kent County Council\nService improvements\nCase reference: 24 007 412\nCategory: Education\nSub Category: Other\n- The Council will remind relevant staff of the duty to respond in time.\n\n\n\n": false,
		stats + ",\n": false,
		stats + "\nThe Council will remind relevant staff of the\n": true,
	} {
		f, err := loader.ParsePage("p.txt", strings.NewReader(doc), gazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		warned := slices.ContainsFunc(f.Document.Warnings, func(w graph.Problem) bool { return strings.Contains(w.Message, "the text stops mid-sentence") })
		if warned != cut {
			t.Errorf("%q: warnings %v, want a cut warned of: %v", doc, f.Document.Warnings, cut)
		}
	}
}

// TestPageCaseShapes checks the shapes a case of the service improvements
// section takes: improvements wrapped over lines, with bullets or without;
// the labels on the reference's line; a "Reference:" line; a case listed by
// its council's name; a line between the reference and the labels; and an
// improvement on the page's last line, with no line break after it.
func TestPageCaseShapes(t *testing.T) {
	const head = "Kent County Council\nService improvements\n"
	cases := []struct {
		body string
		want []string // the case's "reference|category|sub-category", then each improvement's "text|lines"
	}{
		{"Case reference: 24 007 412\nCategory: Education\nSub Category: Other\n- The Council will remind staff of the\nduty to respond in time.\n- It will also apologise.\n",
			[]string{"24 007 412|Education|Other", "The Council will remind staff of the duty to respond in time.|[6 7]", "It will also apologise.|[8]"}},
		{"Case reference: 24 007 412\nCategory: Education\nSub Category: Other\nThe Council will remind staff of the\nduty to respond in time.\nIt will also apologise.\n",
			[]string{"24 007 412|Education|Other", "The Council will remind staff of the duty to respond in time.|[6 7]", "It will also apologise.|[8]"}},
		{"Case reference: 24 007 412 Category: Education Sub Category: Other\nThe Council will apologise.\n",
			[]string{"24 007 412|Education|Other", "The Council will apologise.|[4]"}},
		{"Reference: 24 007 412\nCategory: Education\nSub Category: Other\nThe Council will apologise.\n",
			[]string{"24 007 412|Education|Other", "The Council will apologise.|[6]"}},
		{"Kent County Council (24 007 412)\nCategory: Education\nSub Category: Other\nThe Council will apologise.\n",
			[]string{"24 007 412|Education|Other", "The Council will apologise.|[6]"}},
		{"Case reference: 24 007 412\nDecided in May\nCategory: Education\nSub Category: Other\nThe Council will apologise.",
			[]string{"24 007 412|Education|Other", "The Council will apologise.|[7]"}},
		// Bulleted: a line without a bullet goes on with the improvement before, capital or not.
		{"Case reference: 24 007 412\nCategory: Education\nSub Category: Other\n- The Council will remind staff.\nIt will do so by May.\n- It will also apologise.\n",
			[]string{"24 007 412|Education|Other", "The Council will remind staff. It will do so by May.|[6 7]", "It will also apologise.|[8]"}},
		{"Case reference: 24 007 412\nCategory:\nEducation\nSub Category:\nOther\nThe Council will apologise.\n", // labels over their values
			[]string{"24 007 412|Education|Other", "The Council will apologise.|[8]"}},
		{"Case reference: 24 007 412\nCategory: Education\nSub Category: Other\nthe Council will apologise.\n",
			[]string{"24 007 412|Education|Other", "the Council will apologise.|[6]"}},
	}
	for _, c := range cases {
		f, err := loader.ParsePage("p.txt", strings.NewReader(head+c.body), gazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, k := range f.Cases {
			got = append(got, k.Reference+"|"+k.CategoryName+"|"+k.SubcategoryName)
		}
		for _, im := range f.Improvements {
			var lines []int
			for _, e := range im.Evidence {
				lines = append(lines, e.Line)
			}
			got = append(got, fmt.Sprintf("%s|%v", im.Text, lines))
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%q:\n%s\nwant\n%s", c.body, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}

// TestPageCaseLabelForms checks a category and sub-category given as
// "Category : Housing > Homelessness", and a label without a colon over
// its value.
func TestPageCaseLabelForms(t *testing.T) {
	const head = "Kent County Council\nService improvements\nCase reference: 24 007 412\n"
	for body, want := range map[string]string{
		"Category : Housing > Homelessness\nThe Council will apologise.\n":        "Housing|Homelessness",
		"Category\nEducation\nSub Category\nOther\nThe Council will apologise.\n": "Education|Other",
	} {
		f, err := loader.ParsePage("p.txt", strings.NewReader(head+body), gazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Cases) != 1 || f.Cases[0].CategoryName+"|"+f.Cases[0].SubcategoryName != want || len(f.Improvements) != 1 {
			t.Errorf("%q: cases %+v, %d improvements; want %s and one", body, f.Cases, len(f.Improvements), want)
		}
	}
}

// TestPageReportWrapped checks a report's title wrapped onto a line that
// starts in lower case, and a report whose first line starts so.
func TestPageReportWrapped(t *testing.T) {
	for body, want := range map[string]string{
		"Council failed a family over its\ncare charges\nKent County Council did not explain its charges.\n": "Council failed a family over its care charges",
		"eKent pays for its delays\nKent County Council was told to pay a family.\n":                         "eKent pays for its delays",
	} {
		f, err := loader.ParsePage("p.txt", strings.NewReader("Kent County Council\nReports\n"+body), gazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Reports) != 1 || f.Reports[0].Title != want {
			t.Errorf("%q: reports %+v, want one titled %q", body, f.Reports, want)
		}
	}
}

// TestStatisticsBases checks each base a statistic's period can be stated
// with, alone on a page: compliance outcomes, upheld decisions, and the
// "detailed investigations" some years give the satisfactory-remedy rate,
// which are its upheld decisions.
func TestStatisticsBases(t *testing.T) {
	const head = "Kent County Council\nAnnual statistics\n"
	const period = " for the period between 1 April 2023 to 31 March 2024\n"
	remedy := "In 7% of upheld cases we found the Council had provided a satisfactory remedy before the complaint reached the Ombudsman.\n"
	for body, want := range map[string]string{
		"100% of cases we were satisfied the Council had successfully implemented our recommendations.\nStatistics are based on a total of 41 compliance outcomes" + period: "compliance outcomes 41",
		remedy + "Statistics are based on a total of 42 upheld decisions" + period:                                                                                          "upheld decisions 42",
		remedy + "Statistics are based on a total of 42 detailed investigations" + period:                                                                                   "upheld decisions 42",
	} {
		f, err := loader.ParsePage("p.txt", strings.NewReader(head+body), gazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		if len(f.Statistics) != 1 {
			t.Errorf("%q: statistics %+v, warnings %v; want one", body, f.Statistics, f.Document.Warnings)
			continue
		}
		s := f.Statistics[0]
		got := ""
		switch {
		case s.ComplianceOutcomes != nil:
			got = fmt.Sprintf("compliance outcomes %d", *s.ComplianceOutcomes)
		case s.UpheldDecisions != nil:
			got = fmt.Sprintf("upheld decisions %d", *s.UpheldDecisions)
		}
		if got != want || s.Year.Label() != "2023-24" || s.YearSpan.Quote != "1 April 2023 to 31 March 2024" || s.Investigations != nil {
			t.Errorf("%q: %s for %s quoted %q, investigations %v; want %s for 2023-24", body, got, s.Year.Label(), s.YearSpan.Quote, s.Investigations, want)
		}
	}
}
