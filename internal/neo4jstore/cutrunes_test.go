package neo4jstore

import "testing"

// TestCutRunes holds cutRunes to cutting a slice of runes, over every range
// of a line with characters of one to four bytes, and past its ends.
func TestCutRunes(t *testing.T) {
	for _, s := range []string{"", "abc", "Kent’s £5 – ok 𝄞!", "é"} {
		r := []rune(s)
		for a := -1; a <= len(r)+1; a++ {
			for b := -1; b <= len(r)+1; b++ {
				got, ok := cutRunes(s, a, b)
				valid := a >= 0 && a <= b && b <= len(r)
				if ok != valid || valid && got != string(r[a:b]) {
					t.Errorf("cutRunes(%q, %d, %d) = %q, %v; want %v", s, a, b, got, ok, valid)
				}
			}
		}
	}
}
