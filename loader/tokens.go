package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word of a text, or an ampersand.
type token struct {
	a, b int    // byte offsets
	norm string // lower-case, without apostrophes; "&" is "and"
}

// tokenize splits folded text into words (letters and digits, with
// apostrophes inside) and ampersands.
func tokenize(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			out = append(out, token{a: i, b: i + 1, norm: "and"})
			i++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j, plain := scanWord(s, i)
			norm := s[i:j] // a word of lower-case ASCII letters and digits is its own norm
			if !plain {
				norm = wordNorm(s[i:j])
			}
			out = append(out, token{a: i, b: j, norm: norm})
			i = j
		default:
			i += size
		}
	}
	return out
}

// scanWord returns where the word that starts at byte i of s ends: letters and
// digits, with apostrophes between letters. It reports whether the word is
// plain: lower-case ASCII letters and digits only.
func scanWord(s string, i int) (int, bool) {
	plain := true
	j := i
	for j < len(s) {
		if c := s[j]; 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j, plain = j+size, false
			continue
		}
		if r == '\'' && j+1 < len(s) {
			if next, _ := utf8.DecodeRuneInString(s[j+1:]); unicode.IsLetter(next) {
				j, plain = j+1, false
				continue
			}
		}
		break
	}
	return j, plain
}

// wordNorm lower-cases a word and drops its apostrophes.
func wordNorm(w string) string {
	var norm strings.Builder
	norm.Grow(len(w))
	for _, r := range w {
		if r != '\'' {
			norm.WriteRune(unicode.ToLower(r))
		}
	}
	return norm.String()
}
