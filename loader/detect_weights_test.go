package loader

import (
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// TestDetectWeighs checks detect's weighing of a document's signals where a
// single signal decides: case lines with no section, a list of decisions an
// article quotes, statistics sentences alone (on the last line), the year a
// letter covers (on its last line), and a long article that names a
// council only after its 80th line.
func TestDetectWeighs(t *testing.T) {
	prose := strings.Repeat("A local story about the town and its people.\n", 84)
	cases := []struct {
		name, doc string
		want      graph.DocKind
	}{
		{"case lines, no section",
			"Kent County Council\nCase reference: 23 013 257\nCategory: Education\nThe Council agreed to apologise to the family.\n" +
				"Case reference: 23 013 258\nCategory: Housing\nThe Council agreed to review its procedures.\n", graph.CouncilPage},
		{"decisions an article lists",
			"The Ombudsman published its findings about three councils on Tuesday.\nLeeds City Council (22 008 451)\nKent County Council (22 008 452)\nIt said each had failed families.\n",
			graph.NewsArticle},
		{"statistics sentences on the last line",
			"Kent County Council\n\n89% of complaints we investigated were upheld. This compares to an average of 85% in similar authorities. " +
				"Adjusted for Kent County Council's population, this is 3.5 upheld decisions per 100,000 residents.", graph.CouncilPage},
		{"the year covered, on the last line",
			"Ms Jane Smith\nChief Executive\nKent County Council\n\nDear Ms Smith\nThank you for your work with us this year.\nThis letter covers complaints for the year ending 31 March 2020",
			graph.AnnualLetter},
		{"a council named after line 80", prose + "Then Kent County Council said it would act.\n", graph.NewsArticle},
		{"a letter set out as a report, the year covered on the last line",
			"Annual Letter 2007/08\nKent County Council\n\nThe number of complaints made to the Ombudsman about the council fell.\nThis letter covers complaints for the year ending 31 March 2008",
			graph.AnnualLetter},
		{"a salutation on line 81, after a page's section", "Kent County Council\nAnnual statistics\n" + prose[:strings.Index(prose, "\n")+1] +
			strings.Repeat("x\n", 77) + "Dear Ms Smith\nAnnual Review letter 2020\n", graph.CouncilPage},
		{"a page's heading on a letter's first line", "Annual statistics\nMs Jane Smith\nChief Executive\nKent County Council\n\nDear Ms Smith\nAnnual Review letter 2020\nThank you for your work with us this year.\n",
			graph.AnnualLetter},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tx, err := textOf("x.txt", []byte(c.doc))
			if err != nil {
				t.Fatal(err)
			}
			got, err := detect(tx)
			if err != nil || got != c.want {
				t.Errorf("detect = %q, %v; want %s", got, err, c.want)
			}
		})
	}
	// A title is a short line: at 60 characters it is running text.
	for _, c := range []struct {
		title string
		want  graph.DocKind
	}{
		{"Annual Letter 2007/08 for Kent County Council, to its staff", graph.AnnualLetter}, // 59 characters
		{"Annual Letter 2007/08 for Kent County Council, to its staffs", graph.NewsArticle},
	} {
		tx, err := textOf("x.txt", []byte(c.title+"\n\nThe number of complaints made to the Ombudsman about the council fell.\nThis letter covers complaints for the year ending 31 March 2008\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got, err := detect(tx); err != nil || got != c.want {
			t.Errorf("title of %d characters: %q, %v; want %s", len(c.title), got, err, c.want)
		}
	}
	// Three commas, or two tabs, make a line a table's row.
	for _, doc := range []string{"council,year,upheld,total\nKent,2023,42,47\n", "council\tyear\tupheld\nKent\t2023\t42\n"} {
		tx, err := textOf("x.csv.txt", []byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := detect(tx); err == nil || !strings.Contains(err.Error(), "it reads as a table: 2 of its 2 lines") {
			t.Errorf("%q: %v, want it refused as a table", doc, err)
		}
	}
	// A JSON array whose first line is its bracket alone is markup too.
	tx, err := textOf("x.json.txt", []byte("[\n  \"Kent County Council upheld complaints about the local authority\",\n  \"and more\"\n]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := detect(tx); err == nil || !strings.Contains(err.Error(), "it is markup (XML or JSON data)") {
		t.Errorf("a JSON array: %v, want it refused as markup", err)
	}
}

// TestHasPrefixFold checks the prefix test lines are sorted by.
func TestHasPrefixFold(t *testing.T) {
	for _, c := range []struct {
		s, prefix string
		want      bool
	}{{"Sub", "sub", true}, {"SUB Category", "sub", true}, {"Su", "sub", false}, {"Sib", "sub", false}, {"", "", true}} {
		if got := hasPrefixFold(c.s, c.prefix); got != c.want {
			t.Errorf("hasPrefixFold(%q, %q) = %v", c.s, c.prefix, got)
		}
	}
}
