package loader

import (
	"strings"
	"unicode/utf8"
)

// termMatcher matches a theme's term at the start of a text, as the regular
// expression ^w1[\s,;:()&/–-]+w2…\b does, where a word may end in an optional
// "s" (a term's "(s)") and "and" may also be "&". It is written out rather
// than left to package regexp because the Tagger tries a term at every place
// its first word stands in every improvement, report and article, and there
// regexp's backtracker took a tenth of the loader's time. It backtracks in
// the expression's order of preference (separators greedy, the plural "s"
// before none, "and" before "&"), so it ends where the expression's
// leftmost-first match ends; TestTermMatcherAgreesWithRegexp holds the two
// to the same answers.
type termMatcher struct {
	words  []string
	plural []bool // the word may end in an "s"
	// amp says some word is "and", which "&" may stand for: since "&" is
	// also a separator, a run of them can be parted in many ways, and the
	// places already found to fail are remembered, to keep the work linear.
	amp bool
}

// newTermMatcher makes the matcher of a term's words, each as splitTerm
// gives it ("plan(s)" for an optional plural), lower-cased when folded.
func newTermMatcher(words []string, folded bool) termMatcher {
	var m termMatcher
	for _, w := range words {
		plural := strings.HasSuffix(w, "(s)")
		w = strings.TrimSuffix(w, "(s)")
		if folded {
			w = strings.ToLower(w)
		}
		m.words = append(m.words, w)
		m.plural = append(m.plural, plural)
		m.amp = m.amp || !plural && strings.EqualFold(w, "and")
	}
	return m
}

// failed remembers the places (word, byte) where the rest of a term cannot
// match; it is nil for a term without "and".
type failed map[[2]int]bool

// isTermSeparator reports whether r may stand between a term's words.
func isTermSeparator(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\f', '\r', ',', ';', ':', '(', ')', '&', '/', '–', '-':
		return true
	}
	return false
}

// match returns the length of the term's match at the start of s, or -1.
func (m termMatcher) match(s string) int {
	if len(m.words) == 0 {
		return -1
	}
	var f failed
	if m.amp {
		f = failed{}
	}
	return m.from(s, 0, 0, f)
}

// from matches the term's words from k on at s[at:], word k first; it
// returns where the match ends, or -1.
func (m termMatcher) from(s string, k, at int, f failed) int {
	if k == len(m.words) {
		if wordBoundary(s, at) {
			return at
		}
		return -1
	}
	if k > 0 {
		// One or more separators, the most first.
		var ends []int
		for i := at; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isTermSeparator(r) {
				break
			}
			i += n
			ends = append(ends, i)
		}
		for j := len(ends) - 1; j >= 0; j-- {
			if e := m.word(s, k, ends[j], f); e >= 0 {
				return e
			}
		}
		return -1
	}
	return m.word(s, k, at, f)
}

// word matches word k at s[at:] and then the rest of the term.
func (m termMatcher) word(s string, k, at int, f failed) int {
	if f[[2]int{k, at}] {
		return -1
	}
	if e := m.wordOnce(s, k, at, f); e >= 0 {
		return e
	}
	if f != nil {
		f[[2]int{k, at}] = true
	}
	return -1
}

// wordOnce is word without the memory of failures.
func (m termMatcher) wordOnce(s string, k, at int, f failed) int {
	w := m.words[k]
	if strings.HasPrefix(s[at:], w) {
		e := at + len(w)
		if m.plural[k] && e < len(s) && s[e] == 's' {
			if end := m.from(s, k+1, e+1, f); end >= 0 {
				return end
			}
		}
		if end := m.from(s, k+1, e, f); end >= 0 {
			return end
		}
	}
	if !m.plural[k] && strings.EqualFold(w, "and") && strings.HasPrefix(s[at:], "&") {
		return m.from(s, k+1, at+1, f)
	}
	return -1
}

// wordBoundary reports whether a \b of package regexp stands at s[i]: an
// ASCII word character on one side and none on the other.
func wordBoundary(s string, i int) bool {
	before := i > 0 && isWordByte(s[i-1])
	after := i < len(s) && isWordByte(s[i])
	return before != after
}
