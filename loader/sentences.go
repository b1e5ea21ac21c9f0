package loader

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true, "cllr": true,
	"e.g": true, "i.e": true, "etc": true, "vs": true, "sept": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "oct": true,
	"nov": true, "dec": true, "prof": true, "rev": true,
}

// sentences splits a line into sentences and returns their byte ranges,
// trimmed of surrounding space. A sentence ends at '.', '!' or '?' (and any
// closing quotes or brackets after it) followed by a space and a capital, a
// digit or an opening quote; or at a bullet '•'.
func sentences(s string) [][2]int {
	var out [][2]int
	start := 0
	emit := func(end int) {
		a, b := start, end
		for a < b && isSpaceByte(s[a]) {
			a++
		}
		for b > a && isSpaceByte(s[b-1]) {
			b--
		}
		if a < b {
			out = append(out, [2]int{a, b})
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '•':
			emit(i)
			start = i + size
		case r == '.' || r == '!' || r == '?':
			j := i + size
			for j < len(s) {
				q, qs := utf8.DecodeRuneInString(s[j:])
				if !strings.ContainsRune(`"'”’)]`, q) {
					break
				}
				j += qs
			}
			if j >= len(s) {
				break
			}
			if !isSpaceByte(s[j]) {
				break
			}
			k := j
			for k < len(s) && isSpaceByte(s[k]) {
				k++
			}
			if k >= len(s) {
				break
			}
			next, _ := utf8.DecodeRuneInString(s[k:])
			if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"'“‘£(`, next)) {
				break
			}
			if r == '.' && abbreviations[strings.ToLower(lastWord(s[start:i]))] {
				break
			}
			emit(j)
			start = j
			i = j
			continue
		}
		i += size
	}
	emit(len(s))
	return out
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' }

// lastWord returns the word that ends s.
func lastWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
	return s[i+1:]
}

// sentenceIn returns the range, of sentences sents of a text n bytes long,
// that contains byte offset at; or the whole text.
func sentenceIn(sents [][2]int, at, n int) [2]int {
	i, _ := slices.BinarySearchFunc(sents, at, func(r [2]int, at int) int { return cmp.Compare(r[1], at+1) })
	if i < len(sents) && at >= sents[i][0] && at < sents[i][1] {
		return sents[i]
	}
	return [2]int{0, n}
}
