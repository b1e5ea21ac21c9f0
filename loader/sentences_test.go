package loader

import (
	"fmt"
	"regexp"
	"testing"
)

// TestSentences checks where sentences part: after '.', '!' or '?' (and
// closing quotes or brackets) before a space and a capital, a digit or an
// opening quote, not after an abbreviation; at a bullet; each trimmed of
// space and none empty.
func TestSentences(t *testing.T) {
	cases := []struct {
		s    string
		want string // the sentences, each in brackets
	}{
		{"", ""},
		{"   ", ""},
		{"One. Two.", "[One.][Two.]"},
		{"One.  ", "[One.]"},
		{"  One.   Two!  ", "[One.][Two!]"},
		{"Is it? 12 were.", "[Is it?][12 were.]"},
		{`He said "Go." Then left.`, `[He said "Go."][Then left.]`},
		{"It paid (in full.) Then it left.", "[It paid (in full.)][Then it left.]"},
		{"One. two", "[One. two]"},
		{"x.y and z", "[x.y and z]"},
		{"Dr. Smith came. He left.", "[Dr. Smith came.][He left.]"},
		{"It cost. £5 more.", "[It cost.][£5 more.]"},
		{"A • B •", "[A][B]"},
		{"Ends.\t\tNext one", "[Ends.][Next one]"},
		{"Ends. ", "[Ends.]"},
	}
	for _, c := range cases {
		got := ""
		for _, r := range sentences(c.s) {
			got += fmt.Sprintf("[%s]", c.s[r[0]:r[1]])
		}
		if got != c.want {
			t.Errorf("sentences(%q) = %s, want %s", c.s, got, c.want)
		}
	}
}

// TestSentenceIn checks which sentence holds a byte offset: the one whose
// range holds it, or the whole text between or beyond them.
func TestSentenceIn(t *testing.T) {
	sents := [][2]int{{0, 4}, {5, 9}}
	for at, want := range map[int][2]int{0: {0, 4}, 3: {0, 4}, 4: {0, 10}, 5: {5, 9}, 8: {5, 9}, 9: {0, 10}, 12: {0, 10}} {
		if got := sentenceIn(sents, at, 10); got != want {
			t.Errorf("sentenceIn(%d) = %v, want %v", at, got, want)
		}
	}
}

// TestMatchesNearWholeWords checks that the window a statement is looked
// for in starts at a word's start, so that a number is never cut in two,
// and that a statement at the very start of the text keeps its number.
func TestMatchesNearWholeWords(t *testing.T) {
	st := &statement{keyword: "upheld", before: 3, after: 0, re: regexp.MustCompile(`(\d+) upheld`)}
	locs := matchesNear(st, "we had 1234 upheld")
	if len(locs) != 1 || locs[0][2] != 7 || locs[0][3] != 11 {
		t.Errorf("matchesNear = %v, want the number at [7, 11)", locs)
	}
	hits := findStatements("89% of complaints we investigated were upheld.")
	if len(hits) == 0 || hits[0].start != 0 || len(hits[0].m) < 2 || hits[0].m[1] != "89" {
		t.Errorf("findStatements = %+v, want the upheld share 89 from the start", hits)
	}
}
