package loader

import (
	"cmp"
	"slices"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Tagger finds the terms and acronyms of themes in text.
type Tagger struct {
	terms []term
	// themes and order hold the themes' slugs and their positions in the
	// theme file.
	themes map[string]bool
	order  map[string]int
	// terms by the first bytes of their anchors: a text is read once, and at
	// each word only the terms that could start there are tried.
	folded, exact map[string][]int
	// mayFolded and mayExact say which first two bytes anchors start with,
	// so that most words are passed over without a lookup in the maps.
	mayFolded, mayExact *pairFilter
}

// pairFilter marks the pairs of bytes that some anchor starts with. It is a
// plain table rather than a set: a word's first two bytes index it directly.
type pairFilter [1 << 16]bool

// add marks the pair anchor starts with, or every pair its one byte starts.
func (p *pairFilter) add(anchor string) {
	switch len(anchor) {
	case 0:
		for i := range p {
			p[i] = true
		}
	case 1:
		for c := range 256 {
			p[int(anchor[0])<<8|c] = true
		}
	default:
		p[int(anchor[0])<<8|int(anchor[1])] = true
	}
}

// may reports whether an anchor could start s.
func (p *pairFilter) may(s string) bool {
	return len(s) < 2 || p[int(s[0])<<8|int(s[1])]
}

// prefixLen is how many bytes of an anchor key the Tagger's maps.
const prefixLen = 3

func prefix(s string) string { return s[:min(len(s), prefixLen)] }

// term is one term or acronym of a theme, compiled.
type term struct {
	theme string
	order int // the theme's position in the theme file
	// match matches the term at the start of a text.
	match termMatcher
	// anchor is the text every match starts with (a term's first word,
	// lower-cased, or an acronym's), so that re only runs where it stands.
	anchor string
	folded bool // the term is sought in lower-cased text
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// NewTagger compiles the themes' terms and acronyms. Terms match without
// regard to case (of ASCII letters) and acronyms with regard to it, both on
// word boundaries; a trailing "(s)" makes a plural optional.
func NewTagger(themes []graph.Theme) *Tagger {
	tg := &Tagger{folded: map[string][]int{}, exact: map[string][]int{}, themes: map[string]bool{}, order: map[string]int{},
		mayFolded: &pairFilter{}, mayExact: &pairFilter{}}
	defer func() {
		for i, tm := range tg.terms {
			m, may := tg.exact, tg.mayExact
			if tm.folded {
				m, may = tg.folded, tg.mayFolded
			}
			m[prefix(tm.anchor)] = append(m[prefix(tm.anchor)], i)
			may.add(tm.anchor)
		}
	}()
	for i, t := range themes {
		tg.themes[t.Slug], tg.order[t.Slug] = true, i
		for _, tm := range t.Terms {
			if words := splitTerm(tm); len(words) > 0 && checkTerm(tm) == nil {
				tg.terms = append(tg.terms, term{theme: t.Slug, order: i, anchor: strings.ToLower(firstWord(tm)), folded: true,
					match: newTermMatcher(words, true)})
			}
		}
		for _, a := range t.Acronyms {
			if words := splitTerm(a); len(words) > 0 && checkTerm(a) == nil {
				tg.terms = append(tg.terms, term{theme: t.Slug, order: i, anchor: firstWord(a),
					match: newTermMatcher(words, false)})
			}
		}
	}
	return tg
}

// themeHit is a match of a theme's term at bytes [pos,end) of a span's
// quote.
type themeHit struct {
	m               graph.ThemeMatch
	order, pos, end int
	sent            [2]int // the sentence's bytes
}

// Match finds the themes' terms in the quote of span s. Each match's evidence
// is the sentence it was found in. Matches come in the theme file's order of
// themes, and in the order of the text within a theme.
func (tg *Tagger) Match(s graph.Span) []graph.ThemeMatch {
	hits := tg.hits(s)
	if len(hits) == 0 {
		return nil
	}
	out := make([]graph.ThemeMatch, len(hits))
	for i, h := range hits {
		out[i] = h.m
	}
	return out
}

// hits finds the themes' terms in the quote of span s, in the order Match
// gives them.
func (tg *Tagger) hits(s graph.Span) []themeHit {
	var hits []themeHit
	f := fold(s.Quote)
	type hitKey struct {
		theme string
		sent  int
		term  string
	}
	var seen []hitKey // few: a slice is quicker than a map
	lower := asciiLower(f)
	var sents [][2]int // the quote's sentences, once there is a match
	for at := 0; at < len(f); at++ {
		if at > 0 && isWordByte(f[at-1]) || !isWordByte(f[at]) && f[at] < 0x80 {
			continue // not the start of a word
		}
		for _, cand := range [2]struct {
			text string
			may  *pairFilter
			m    map[string][]int
		}{{lower, tg.mayFolded, tg.folded}, {f, tg.mayExact, tg.exact}} {
			if !cand.may.may(cand.text[at:]) {
				continue
			}
			for _, ti := range cand.m[prefix(cand.text[at:])] {
				tm := tg.terms[ti]
				if !strings.HasPrefix(cand.text[at:], tm.anchor) {
					continue
				}
				n := tm.match.match(cand.text[at:])
				if n < 0 {
					continue
				}
				loc := [2]int{at, at + n}
				a, b := origAt(s.Quote, f, loc[0]), origAt(s.Quote, f, loc[1])
				if sents == nil {
					sents = sentences(s.Quote)
				}
				sent := sentenceIn(sents, a, len(s.Quote))
				key := hitKey{tm.theme, sent[0], lower[loc[0]:loc[1]]}
				if slices.Contains(seen, key) {
					continue
				}
				seen = append(seen, key)
				hits = append(hits, themeHit{graph.ThemeMatch{Theme: tm.theme, Term: s.Quote[a:b], Evidence: subSpan(s, sent[0], sent[1])}, tm.order, a, b, sent})
			}
		}
	}
	// Text can be one phrase only: a match that overlaps an earlier (or, at
	// the same place, longer) match of another theme gives way to it, so the
	// "Care Plan" of "Education, Health and Care Plan" is not adult care
	// planning.
	slices.SortStableFunc(hits, func(x, y themeHit) int { return cmp.Or(x.pos-y.pos, y.end-x.end) })
	kept := hits[:0]
	for _, h := range hits {
		if !slices.ContainsFunc(kept, func(k themeHit) bool { return k.m.Theme != h.m.Theme && h.pos < k.end && k.pos < h.end }) {
			kept = append(kept, h)
		}
	}
	hits = kept
	slices.SortStableFunc(hits, func(x, y themeHit) int { return cmp.Or(x.order-y.order, x.pos-y.pos) })
	return hits
}

// asciiLowerInto appends s to dst with its ASCII letters in lower case.
func asciiLowerInto(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// asciiLower lower-cases the ASCII letters of s and leaves every other byte
// as it is, so that byte offsets into the result hold for s. Terms are
// matched on it with lower-case patterns, which is much faster than
// case-insensitive matching.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s // nothing to lower, nothing to copy
	}
	// A strings.Builder gives its bytes as the string without a copy.
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}
