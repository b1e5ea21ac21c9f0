package loader_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
)

// expected is what a careful reader takes from a document in
// testdata/layouts: its NAME.expected.json.
type expected struct {
	Kind    string `json:"kind"`
	Council string `json:"council"`
	// CouncilAbolished says the council no longer exists (its page or
	// letter is from before a reorganisation).
	CouncilAbolished bool             `json:"councilAbolished"`
	Statistics       []map[string]any `json:"statistics"`
	Reports          []struct {
		Title  string `json:"title"`
		Public *bool  `json:"public"`
	} `json:"reports"`
	Cases []struct {
		Reference    string `json:"reference"`
		Category     string `json:"category"`
		Subcategory  string `json:"subcategory"`
		Improvements int    `json:"improvements"`
	} `json:"cases"`
	Warnings  []string `json:"warnings"`
	Date      string   `json:"date"`
	Year      string   `json:"year"`
	Recipient string   `json:"recipient"`
	Title     string   `json:"title"`
}

// expectedKeys lists the facts of an expected document as comparable keys.
func expectedKeys(e expected) []string {
	var keys []string
	add := func(format string, args ...any) { keys = append(keys, fmt.Sprintf(format, args...)) }
	switch e.Kind {
	case "page":
		add("kind %s", graph.CouncilPage)
		add("council %s", graph.CleanName(e.Council))
		add("council abolished %v", e.CouncilAbolished)
		for _, s := range e.Statistics {
			year := s["year"]
			for k, v := range s {
				if k == "year" {
					continue
				}
				if k == "investigated" {
					k = "investigations" // the 2024-25 layout's word for it
				}
				add("statistics %s %s %v", year, k, v)
			}
		}
		for _, r := range e.Reports {
			add("report %s", r.Title)
			if r.Public != nil {
				add("report %s public %v", r.Title, *r.Public)
			}
		}
		for _, c := range e.Cases {
			add("case %s %s / %s", c.Reference, c.Category, c.Subcategory)
			add("case %s improvements %d", c.Reference, c.Improvements)
		}
	case "letter":
		add("kind %s", graph.AnnualLetter)
		add("council %s", graph.CleanName(e.Council))
		add("council abolished %v", e.CouncilAbolished)
		add("letter date %s", e.Date)
		add("letter year %s", e.Year)
		add("letter recipient %s", e.Recipient)
		add("letter title %s", e.Title)
	}
	return keys
}

// gotKeys lists the facts the loader read, as expectedKeys lists them.
func gotKeys(f graph.Facts, e expected) []string {
	var keys []string
	add := func(format string, args ...any) { keys = append(keys, fmt.Sprintf(format, args...)) }
	add("kind %s", f.Document.Kind)
	for _, c := range f.Councils {
		// The council as the document names it (the reference file may
		// know it by another name), and whether it still exists.
		if len(c.Evidence) > 0 {
			add("council %s", graph.CleanName(strings.Join(strings.Fields(spansText(c.Evidence)), " ")))
		}
		add("council abolished %v", c.Abolished != "")
	}
	for _, s := range f.Statistics {
		for _, m := range graph.StatisticsMeasures {
			if v := m.Value(&s); v != nil {
				add("statistics %s %s %v", s.Year.Label(), m.Name, v)
			}
		}
	}
	for _, r := range f.Reports {
		add("report %s", r.Title)
		add("report %s public %v", r.Title, r.PublicInterest)
	}
	improvements := map[string]int{}
	for _, im := range f.Improvements {
		improvements[im.CaseRef]++
	}
	for _, c := range f.Cases {
		add("case %s %s / %s", c.Reference, c.CategoryName, c.SubcategoryName)
		add("case %s improvements %d", c.Reference, improvements[c.Reference])
	}
	for _, l := range f.Letters {
		add("letter date %s", l.Date)
		add("letter year %s", l.Year.Label())
		add("letter recipient %s", l.Recipient)
		add("letter title %s", l.Title)
	}
	return keys
}

// TestLayouts reads a document in every layout and era the Ombudsman has
// used (pages since 2018-19, letters since 2006/07, in the shapes copy and
// paste gives them), written for these tests in the shapes of real ones, and
// checks every fact a careful reader takes from each: none missing, none
// wrong, and a warning where the text is cut short.
func TestLayouts(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "layouts", "*", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 15 {
		t.Fatalf("found %d documents in testdata/layouts, want every layout", len(files))
	}
	var want, found, wrong int
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".expected.json")
			if err != nil {
				t.Fatal(err)
			}
			var e expected
			if err := json.Unmarshal(raw, &e); err != nil {
				t.Fatalf("expected.json: %v", err)
			}
			f, err := loader.Parse(filepath.Base(path), strings.NewReader(string(data)), gazetteer(t))
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			exp := expectedKeys(e)
			got := gotKeys(f, e)
			have := map[string]bool{}
			for _, k := range got {
				have[k] = true
			}
			wantSet := map[string]bool{}
			for _, k := range exp {
				wantSet[k] = true
			}
			want += len(exp)
			for _, k := range exp {
				if have[k] {
					found++
				} else {
					t.Errorf("missing: %s", k)
				}
			}
			for _, k := range got {
				if !wantSet[k] {
					wrong++
					t.Errorf("not stated: %s", k)
				}
			}
			if len(e.Warnings) > 0 && len(f.Document.Warnings) == 0 {
				t.Errorf("no warning, want one like %q", e.Warnings[0])
			}
			for _, w := range f.Document.Warnings {
				t.Logf("warning: %s", w)
			}
		})
	}
	t.Logf("layouts: %d of %d facts read (%.1f%%), %d read that the documents do not state", found, want, 100*float64(found)/float64(max(want, 1)), wrong)
}

// TestLayoutGolden compares everything the loader reads from each layout
// document, evidence and warnings included, with NAME.golden.json beside it.
// Run with -update to rewrite the files after an intended change, and review
// the diff.
//
// The saved web pages and PDF letters of testdata/formats have golden files
// of their facts too, beside them.
func TestLayoutGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "layouts", "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("layout documents: %v (%d found)", err, len(files))
	}
	for _, pattern := range []string{"*.html", "letter-*.pdf"} {
		more, err := filepath.Glob(filepath.Join("testdata", "formats", "*", pattern))
		if err != nil || len(more) == 0 {
			t.Fatalf("format documents %s: %v (%d found)", pattern, err, len(more))
		}
		files = append(files, more...)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := loader.Parse(filepath.Base(path), strings.NewReader(string(data)), gazetteer(t))
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(struct {
				Facts    graph.Facts     `json:"facts"`
				Warnings []graph.Problem `json:"warnings"`
			}{f, f.Document.Warnings}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, strings.TrimSuffix(path, filepath.Ext(path))+".golden.json", got)
		})
	}
}

// spansText joins the quotes of spans, as a name wrapped over lines reads.
func spansText(spans []graph.Span) string {
	var parts []string
	for _, sp := range spans {
		parts = append(parts, sp.Quote)
	}
	return strings.Join(parts, " ")
}
