package loader_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
)

func TestLetter(t *testing.T) {
	cases := []struct {
		name, doc                       string
		council, slug, date, year, whom string
		typ                             graph.AuthorityType
	}{
		{"london borough, address over lines",
			"Local Government & Social Care OMBUDSMAN\n\n20 July 2023\n\nBy email\n\nMr Jones\nChief Executive\nLondon Borough of Camden\n\nDear Mr Jones\n\nAnnual Review letter 2023\n\nI write with our annual summary for the year ending 31 March 2023.\n",
			"London Borough of Camden", "london-borough-of-camden", "2023-07-20", "2022-23", "Mr Jones Chief Executive", graph.LondonBorough},
		{"a PDF's reference block set level with the address",
			"Local Government &\nSocial Care\nOMBUDSMAN\nMr T Okoro                                         Our ref: XY/BCC/2022\nChief Executive                                         Date: 12 July 2022\nBristol City Council\nCity Hall\nBS1 5TR\n\nDear Mr Okoro\n\nAnnual Review letter 2022\n\nThis is for the year ending 31 March 2022.\n",
			"Bristol City Council", "bristol-city-council", "2022-07-12", "2021-22", "Mr T Okoro Chief Executive", graph.UnitaryCouncil},
		{"a PDF's date set level with the letterhead",
			"Local Government &\n12 July 2022                                               Social Care\nOMBUDSMAN\nBy email\nMr T Okoro\nChief Executive\nBristol City Council\n\nDear Mr Okoro\n\nAnnual Review letter 2022\n",
			"Bristol City Council", "bristol-city-council", "2022-07-12", "2021-22", "Mr T Okoro Chief Executive", graph.UnitaryCouncil},
		{"apostrophe in the council's name",
			"19 July 2022\nMs Smith Chief Executive King's Lynn and West Norfolk Borough Council\nDear Ms Smith\nAnnual Review letter 2022\n… for the year ending 31 March 2022 …\n",
			"Borough Council of King's Lynn & West Norfolk", "borough-council-of-kings-lynn-west-norfolk", "2022-07-19", "2021-22", "Ms Smith Chief Executive", graph.DistrictCouncil},
		{"reference file overrides the name",
			"21 July 2021\nCllr Green Leader Leeds City Council\nDear Cllr Green\nWe write for the year ending 31 March 2021.\n",
			"Leeds City Council", "leeds-city-council", "2021-07-21", "2020-21", "Cllr Green Leader", graph.MetropolitanBorough},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := loader.ParseLetter("l.txt", strings.NewReader(c.doc), gazetteer(t))
			if err != nil {
				t.Fatal(err)
			}
			l, co := f.Letters[0], f.Councils[0]
			if co.Name != c.council || co.Slug != c.slug || co.Type != c.typ {
				t.Errorf("council = %q %q %q, want %q %q %q", co.Name, co.Slug, co.Type, c.council, c.slug, c.typ)
			}
			if l.Date != c.date || l.Year.Label() != c.year || l.Recipient != c.whom || l.CouncilSlug != c.slug {
				t.Errorf("letter = %s %s %q %s", l.Date, l.Year.Label(), l.Recipient, l.CouncilSlug)
			}
		})
	}
}

func TestLetterErrors(t *testing.T) {
	cases := []struct{ name, doc, want string }{
		{"no year", "22 July 2020\nMrs Bijle Hertsmere Borough Council\nDear Mrs Bijle\nThank you.\n",
			"l.txt:3: expected the year the letter covers"},
		{"no council", "22 July 2020\nMrs Bijle\nDear Mrs Bijle\nfor the year ending 31 March 2020\n",
			"l.txt:3: expected the recipient's council"},
		{"bad year-ending date", "22 July 2020\nMrs Bijle Hertsmere Borough Council\nDear Mrs Bijle\nfor the year ending 31 Smarch 2020\n",
			"l.txt:4: expected a date after 'year ending'"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := loader.ParseLetter("l.txt", strings.NewReader(c.doc), gazetteer(t))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error = %v\nwant prefix %s", err, c.want)
			}
		})
	}
}

// TestLetterWithoutDateOrSalutation checks that a letter a person can read
// is not refused for what it lacks: one with no date is read with a warning,
// and one set out as a report, with no salutation (the Local Government
// Ombudsman's annual letters of 2007/08), is read for its council and year.
func TestLetterWithoutDateOrSalutation(t *testing.T) {
	f, err := loader.ParseLetter("l.txt", strings.NewReader("Mrs Bijle Hertsmere Borough Council\nDear Mrs Bijle\nfor the year ending 31 March 2020\n"), gazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	l := f.Letters[0]
	if l.Date != "" || l.Year.Label() != "2019-20" || l.CouncilSlug != "hertsmere-borough-council" || l.Recipient != "Mrs Bijle" {
		t.Errorf("letter = %+v", l)
	}
	if len(f.Document.Warnings) != 1 || !strings.Contains(f.Document.Warnings[0].Message, "gives no date") {
		t.Errorf("warnings = %v, want one that the letter gives no date", f.Document.Warnings)
	}
	report := "The Local Government Ombudsman's\nAnnual Letter\nLeeds City Council\nfor the year ended\n31 March 2008\n\nAnnual Letter 2007/08 - Introduction\nThis letter sums up the complaints we received about the Council in the year.\n"
	f, err = loader.Parse("leeds.txt", strings.NewReader(report), gazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	if f.Document.Kind != graph.AnnualLetter || len(f.Letters) != 1 {
		t.Fatalf("read as %s with %d letters, want one annual letter", f.Document.Kind, len(f.Letters))
	}
	if l := f.Letters[0]; l.CouncilSlug != "leeds-city-council" || l.Year.Label() != "2007-08" || l.Date != "" || l.ID() != "Letter:leeds-city-council/2007-08" {
		t.Errorf("letter = %+v (ID %s)", l, l.ID())
	}
}

// TestLetterEvidence checks the lines a letter is quoted from: its date, its
// recipient block and its heading, with the date's line quoted once when
// the recipient stands beside the date on it.
func TestLetterEvidence(t *testing.T) {
	cases := []struct {
		doc   string
		lines []int
	}{
		{"22 July 2020\n\nMs Jane Smith\nChief Executive\nKent County Council\n\nDear Ms Smith\n\nAnnual Review letter 2020\nThank you.\n", []int{1, 3, 4, 5, 9}},
		{"Ms Jane Smith                          22 July 2020\nChief Executive\nKent County Council\n\nDear Ms Smith\n\nAnnual Review letter 2020\nThank you.\n", []int{1, 2, 3, 7}},
	}
	for _, c := range cases {
		f, err := loader.ParseLetter("l.txt", strings.NewReader(c.doc), gazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		var lines []int
		for _, e := range f.Letters[0].Evidence {
			lines = append(lines, e.Line)
		}
		if !slices.Equal(lines, c.lines) {
			t.Errorf("%q: evidence on lines %v, want %v", c.doc, lines, c.lines)
		}
	}
}

// TestReportLetterNamesItsCouncilNearItsHeading checks that a letter set out
// as a report, with no salutation, is about the council named within 12
// lines after its heading, even on its last line, and that a council named
// further on is not taken.
func TestReportLetterNamesItsCouncilNearItsHeading(t *testing.T) {
	head := "Annual Letter 2007/08\nfor the year ended 31 March 2008\n"
	f, err := loader.ParseLetter("l.txt", strings.NewReader(head+strings.Repeat("A summary of the year follows below.\n", 10)+"Leeds City Council"), gazetteer(t))
	if err != nil {
		t.Fatal(err)
	}
	if l := f.Letters[0]; l.CouncilSlug != "leeds-city-council" || len(l.Evidence) == 0 || l.Evidence[0].Line != 13 {
		t.Errorf("letter = %+v, want Leeds City Council quoted from line 13", l)
	}
	_, err = loader.ParseLetter("l.txt", strings.NewReader(head+strings.Repeat("A summary of the year follows below.\n", 11)+"Leeds City Council\nMore text here.\n"), gazetteer(t))
	if err == nil || !strings.Contains(err.Error(), "expected the council the letter is about") {
		t.Errorf("a council named 13 lines after the heading: %v, want none found", err)
	}
}

// TestDateThatEndsTheYear checks that a date after "for the year ended",
// on the next line or after a blank one, is the end of the year covered and
// not the letter's date, while a date after other words is the letter's.
func TestDateThatEndsTheYear(t *testing.T) {
	for doc, date := range map[string]string{
		"For the year ended\n31 March 2008\nAnnual Letter 2007/08\nLeeds City Council\nThis letter sums up the year.\n":              "",
		"Annual Letter 2007/08\nLeeds City Council\nFor the year ended\n\n31 March 2008\nThis letter sums up the year.\n":            "",
		"Annual Letter 2007/08\nLeeds City Council\nWritten on\n\n22 July 2008\nThis letter sums up the year ended 31 March 2008.\n": "2008-07-22",
	} {
		f, err := loader.ParseLetter("l.txt", strings.NewReader(doc), gazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		if l := f.Letters[0]; l.Date != date || l.Year.Label() != "2007-08" || l.CouncilSlug != "leeds-city-council" {
			t.Errorf("%q: letter of %q for %s about %s, want of %q for 2007-08 about Leeds", doc, l.Date, l.Year.Label(), l.CouncilSlug, date)
		}
	}
}

// TestHeadingLineLimit checks that a report-style letter's council is named
// on a line of at most 90 characters: a longer line is running text.
func TestHeadingLineLimit(t *testing.T) {
	const name = " Leeds City Council"
	for n, ok := range map[int]bool{90: true, 91: false} {
		line := strings.Repeat("a", n-len(name)) + name
		_, err := loader.ParseLetter("l.txt", strings.NewReader("Annual Letter 2007/08\nfor the year ended 31 March 2008\n"+line+"\n"), gazetteer(t))
		if (err == nil) != ok {
			t.Errorf("the council at the end of a line of %d characters: %v", n, err)
		}
	}
}
