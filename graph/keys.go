package graph

import "strings"

// foldKey is the key a name is compared by: lower case, with its words
// parted by single spaces. Names of ASCII that are already folded, the
// common case, come back without a copy.
func foldKey(s string) string {
	if folded(s) {
		return s
	}
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// folded reports whether s is ASCII in foldKey's form already.
func folded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80 || 'A' <= c && c <= 'Z':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		case c != ' ' && c <= ' ':
			return false
		}
	}
	return true
}

// subKey is the key of a sub-category: its category's and its own folded
// names, since two categories may each have an "Other".
func subKey(category, name string) [2]string { return [2]string{foldKey(category), foldKey(name)} }
