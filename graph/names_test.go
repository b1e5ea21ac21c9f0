package graph

import "testing"

// TestSuggest checks the nearest name offered for a name the graph does not
// hold: a start or a whole word of a slug first, then a slug a few edits
// away, and nothing when no slug is near.
func TestSuggest(t *testing.T) {
	slugs := []string{"kent-county-council", "hertfordshire-county-council", "hertsmere-borough-council", "send", "homelessness", "care-charging"}
	for _, c := range []struct{ in, want string }{
		{"kent", ` (did you mean "kent-county-council"?)`},
		{"hertsmere", ` (did you mean "hertsmere-borough-council"?)`},
		{"charging", ` (did you mean "care-charging"?)`},
		{"homelesness", ` (did you mean "homelessness"?)`},
		{"sned", ` (did you mean "send"?)`},
		{"leeds-city-council", ""},
		{"", ""},
	} {
		if got := suggest(c.in, slugs); got != c.want {
			t.Errorf("suggest(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestEditDistance checks the distance suggestions are ranked by.
func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"kitten", "sitting", 3}, {"", "abc", 3}, {"abc", "", 3}, {"send", "sned", 2}, {"same", "same", 0}} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
