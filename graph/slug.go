package graph

import (
	"strings"
	"unicode"
)

// Slug turns a name into its slug: lower case, apostrophes dropped, and every
// run of other characters that are not letters or digits turned into one '-'.
// "King's Lynn and West Norfolk Borough Council" becomes
// "kings-lynn-and-west-norfolk-borough-council".
func Slug(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	dash := false
	for _, r := range name {
		r = unicode.ToLower(r) // as strings.ToLower does, without its copy
		switch {
		case isApostrophe(r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`'
}

// CleanName trims a name, folds runs of white space into one space and turns
// curly apostrophes into straight ones, so that one council written two ways
// has one name.
func CleanName(s string) string {
	if isCleanName(s) {
		return s
	}
	s = strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return '\''
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// isCleanName reports whether CleanName would give s back as it is: ASCII,
// no backquote, and single spaces between words. Most names are, and
// CleanName is asked of every case's category and sub-category.
func isCleanName(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80 || c == '`' || c < ' ':
			return false // perhaps a curly apostrophe or another space
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}
