package loader

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
)

// percentUnitRegexp is the expression percentUnits stands for, each match
// then widened over the spaces before it (never into the match before).
var percentUnitRegexp = regexp.MustCompile(`(?i)(?:%|\bper\s?cent\b|\bpercent\b|pc\b)`)

// percentUnitsByRegexp is percentUnits written with percentUnitRegexp.
func percentUnitsByRegexp(s string) [][2]int {
	var out [][2]int
	prevEnd := 0
	for _, m := range percentUnitRegexp.FindAllStringIndex(s, -1) {
		start := m[0]
		for start > prevEnd && isRegexpSpace(s[start-1]) {
			start--
		}
		out = append(out, [2]int{start, m[1]})
		prevEnd = m[1]
	}
	return out
}

// agreePercent fails t unless the scan and the expression find the same
// units in s, and returns how many they found.
func agreePercent(t *testing.T, s string) int {
	t.Helper()
	got, want := percentUnits(s), percentUnitsByRegexp(s)
	if !slices.Equal(got, want) {
		t.Fatalf("percentUnits(%q) = %v, the expression finds %v", s, got, want)
	}
	return len(got)
}

func TestPercentUnits(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want [][2]int
	}{
		{"67%", [][2]int{{2, 3}}},
		{"67 %", [][2]int{{2, 4}}},
		{"67 per cent and 5 PerCent", [][2]int{{2, 11}, {17, 25}}},
		{"67pc, 5 PC.", [][2]int{{2, 4}, {7, 10}}},
		{"percentage, per centre, per  cent, epc", [][2]int{{36, 38}}}, // "epc" has no boundary before "pc", which needs none
		{"pcs; 5\t\n%%", [][2]int{{6, 9}, {9, 10}}},                    // the second "%" takes no spaces that the first took
		{"per\fcent_ per\rcent", [][2]int{{9, 18}}},                    // the unit takes the space before it
		{"", nil},
	} {
		if got := percentUnits(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("percentUnits(%q) = %v, want %v", tc.in, got, tc.want)
		}
		agreePercent(t, tc.in)
	}
}

// TestPercentUnitsAgree holds the scan to its expression over the seed
// documents, whose articles state percentages in several ways.
func TestPercentUnitsAgree(t *testing.T) {
	docs, err := filepath.Glob("../seed/docs/*.txt")
	if err != nil || len(docs) == 0 {
		t.Fatalf("seed documents: %v (%d)", err, len(docs))
	}
	found := 0
	for _, d := range docs {
		b, err := os.ReadFile(d)
		if err != nil {
			t.Fatal(err)
		}
		found += agreePercent(t, string(b))
	}
	if found < 5 {
		t.Fatalf("only %d units in the seed documents: the test would pass on a scan that finds none", found)
	}
}

// FuzzPercentUnits compares the scan with its expression on any text.
func FuzzPercentUnits(f *testing.F) {
	for _, s := range []string{"67 per cent", "5pc", "per\tcent_%", "Per  Cent pcs %"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { agreePercent(t, s) })
}
