package pdftext_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/pdftext"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.txt from what Convert extracts")

// textPDFs are the fixtures with text, and what a careful reader takes
// from each letter.
var textPDFs = []struct {
	name                                  string
	council, date, year, recipient, title string
}{
	{"letter-2007-wellingborough", "Borough Council of Wellingborough", "2007-06-19", "2006-07", "Mr K Ashdown Chief Executive", "Annual Letter 2006/07"},
	{"letter-2013-lancaster", "Lancaster City Council", "2013-07-16", "2012-13", "Ms R Whitfield Chief Executive", "Annual Review Letter 2013"},
	{"letter-2015-newcastle-under-lyme", "Newcastle-under-Lyme Borough Council", "2015-06-23", "2014-15", "Mr P Okonedo Chief Executive", "Annual Review Letter 2015"},
	{"letter-2021-wiltshire", "Wiltshire Council", "2021-07-20", "2020-21", "Mr Tremlett Chief Executive", "Annual Review letter 2021"},
	{"letter-2024-sefton", "Sefton Metropolitan Borough Council", "2024-07-11", "2023-24", "Ms Adeyemi Chief Executive and Head of Paid Service", "Annual Review letter 2024"},
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatalf("%v (run go test ./internal/pdftext -run TestRegen -regen to write the fixtures)", err)
	}
	return data
}

func convert(t testing.TB, name string) string {
	t.Helper()
	text, err := pdftext.Convert(readFixture(t, name+".pdf"))
	if err != nil {
		t.Fatalf("Convert(%s.pdf): %v", name, err)
	}
	return text
}

func gazetteer(t testing.TB) *loader.Gazetteer {
	t.Helper()
	ref, err := loader.ParseReference(seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	return loader.NewGazetteer(ref)
}

// letterFacts is what the loader reads from a letter, without the
// evidence (whose lines differ between a PDF's text and its twin).
func letterFacts(t *testing.T, name, text string) string {
	t.Helper()
	f, err := loader.Parse(name, strings.NewReader(text), gazetteer(t))
	if err != nil {
		t.Fatalf("the loader refused %s: %v", name, err)
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "kind %s\n", f.Document.Kind)
	for _, c := range f.Councils {
		var named []string
		for _, e := range c.Evidence {
			named = append(named, e.Quote)
		}
		fmt.Fprintf(&sb, "council %s (%s), named %q\n", c.Name, c.Slug, graph.CleanName(strings.Join(named, " ")))
	}
	for _, l := range f.Letters {
		fmt.Fprintf(&sb, "letter to %s: date %s, year %s, recipient %q, title %q\n", l.CouncilSlug, l.Date, l.Year.Label(), l.Recipient, l.Title)
	}
	return sb.String()
}

// TestLettersReadAsTheirTwins converts each letter and checks that its text
// holds the words of its twin in the twin's order (reading order, spaces
// between words, nothing lost or added), and that the loader reads the same
// facts from both, the facts a careful reader takes from the letter.
func TestLettersReadAsTheirTwins(t *testing.T) {
	for _, fx := range textPDFs {
		t.Run(fx.name, func(t *testing.T) {
			got := convert(t, fx.name)
			twin := string(readFixture(t, fx.name+".txt"))
			if g, w := strings.Fields(got), strings.Fields(twin); !slicesEqual(g, w) {
				t.Errorf("the words differ from %s.txt: %s", fx.name, firstWordDiff(w, g))
			}
			fromPDF := letterFacts(t, fx.name+".pdf", got)
			fromTwin := letterFacts(t, fx.name+".txt", twin)
			if fromPDF != fromTwin {
				t.Errorf("the loader reads the PDF's text differently from its twin:\nPDF:\n%stwin:\n%s", fromPDF, fromTwin)
			}
			for _, want := range []string{
				"kind ANNUAL_LETTER",
				fmt.Sprintf("named %q", fx.council),
				fmt.Sprintf("date %s, year %s, recipient %q, title %q", fx.date, fx.year, fx.recipient, fx.title),
			} {
				if !strings.Contains(fromPDF, want) {
					t.Errorf("the loader's facts lack %s:\n%s", want, fromPDF)
				}
			}
		})
	}
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func firstWordDiff(want, got []string) string {
	for i := 0; i < len(want) && i < len(got); i++ {
		if want[i] != got[i] {
			return fmt.Sprintf("word %d: want %q, got %q (after %q)", i+1, want[i], got[i], strings.Join(want[max(0, i-6):i], " "))
		}
	}
	return fmt.Sprintf("want %d words, got %d", len(want), len(got))
}

// TestGolden compares the text of each letter with
// testdata/NAME.golden.txt. Run with -update to rewrite the files after an
// intended change, and review the diff.
func TestGolden(t *testing.T) {
	for _, fx := range textPDFs {
		t.Run(fx.name, func(t *testing.T) {
			got := convert(t, fx.name)
			path := filepath.Join("testdata", fx.name+".golden.txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/pdftext -run TestGolden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("text differs from %s; run go test ./internal/pdftext -run TestGolden -update and review the diff\n%s", path, firstLineDiff(string(want), got))
			}
		})
	}
}

func firstLineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("want %d lines, got %d", len(w), len(g))
}

// TestLayoutKept checks what the text keeps of the page: hyphens and
// wrapped lines as they are, the footer after the page's text though it
// was drawn first, the letterhead before the date though it was drawn
// last, a running header, a table's columns apart, and a blank line
// between paragraphs and between pages.
func TestLayoutKept(t *testing.T) {
	has := func(t *testing.T, text string, lines ...string) {
		t.Helper()
		all := strings.Split(text, "\n")
	next:
		for i := range all {
			for j, l := range lines {
				if i+j >= len(all) || all[i+j] != l {
					continue next
				}
			}
			return
		}
		t.Errorf("the text lacks the lines %q:\n%s", lines, text)
	}
	sefton := convert(t, "letter-2024-sefton")
	has(t, sefton, "I write to you with your annual summary of complaint statistics from the Local Gov-",
		"ernment and Social Care Ombudsman for the year ending 31 March", "2024. The figures give an insight into the Council’s approach to complaints, and I have")
	has(t, sefton, "OMBUDSMAN", "PO Box 4771")
	has(t, sefton, "Chief Executive and Head of Paid", "Service", "Sefton Metropolitan Borough Council")
	if !strings.HasPrefix(sefton, "Local Government &\n") {
		t.Errorf("the letterhead, drawn last, should come first:\n%s", sefton)
	}
	if !strings.Contains(sefton, "\nLocal Government & Social Care Ombudsman  ") {
		t.Errorf("the running header should keep the page number apart:\n%s", sefton)
	}

	newcastle := convert(t, "letter-2015-newcastle-under-lyme")
	has(t, newcastle, "complaints teams, and more dates are available this autumn. Details are on our website.",
		"", "Page 1 of 2", "Local Government Ombudsman, PO Box 4771, Coventry CV4 0EH")
	has(t, newcastle, "Phone: 0300 061 0614 Web: www.lgo.org.uk Twitter: @LGOmbudsman", "", "Yours sincerely")
	has(t, newcastle, "Dear Mr Okonedo", "", "Annual Review Letter 2015", "")

	wellingborough := convert(t, "letter-2007-wellingborough")
	if !strings.Contains(wellingborough, "LOCAL AUTHORITY REPORT - Wellingborough          ") {
		t.Errorf("the report's header and period should stand apart, as on the page:\n%s", wellingborough)
	}

	lancaster := convert(t, "letter-2013-lancaster")
	has(t, lancaster, "Local Authority Report: Lancaster City Council", "For the period ending: 31/03/2013")
}
