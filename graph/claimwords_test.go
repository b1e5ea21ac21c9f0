package graph

import "testing"

// TestClaimWords checks the words a claim check reads a sentence for: in any
// case, at the very end of the text, in text outside ASCII (with the letters
// outside ASCII that fold to ASCII ones), and never inside another word.
func TestClaimWords(t *testing.T) {
	for _, c := range []struct {
		p    wordsPattern
		text string
		want bool
	}{
		{remedyWords, "the council did not put things right", true},
		{remedyWords, "In 90% of cases a SATISFACTORY REMEDY was provided", true},
		{remedyWords, "the council’s remedy came late", true},
		{remedyWords, "the council’s answer came late", false},
		{remedyWords, "a £500 REMEDY", true},
		{averageWords, "a £500 remedy", false},
		{upheldWords, "we inveſtigated it", true}, // a long s folds to "s"
		{upheldWords, "we inveſted it", false},
		{upheldWords, "complaints were Upheld", true},
		{upheldWords, "complaints upheld", true},
		{upheldWords, "the upholstery was new", false},
		{complianceWords, "it complied", true},
		{complianceWords, "a complicated case", false},
		{averageWords, "against the average", true},
		{averageWords, "dissimilar figures, similarly", false},
		{averageWords, "", false},
	} {
		if got := c.p.MatchString(c.text); got != c.want {
			t.Errorf("%s in %q: %v, want %v", c.p.re, c.text, got, c.want)
		}
	}
}
