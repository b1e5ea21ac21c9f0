package loader

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

var (
	councilWord    = regexp.MustCompile(`(?i)\bcouncil\b`)
	boroughOf      = regexp.MustCompile(`\b(?:London|Royal) Borough of ((?:[A-Z][\p{L}'-]*)(?:\s+(?:and|upon|[A-Z][\p{L}'-]*))*)`)
	genericCouncil = regexp.MustCompile(`(?i)\bthe (county|borough|district|city) council\b`)
	wordToken      = regexp.MustCompile(`[\p{L}\p{N}'&.-]+`)
)

// typeWords are the words between a place and "Council" that name a type.
var typeWords = map[string]bool{"county": true, "borough": true, "district": true, "city": true, "metropolitan": true}

// notPlaces are capitalised words that start sentences or name bodies, and
// so never begin a council's place name.
var notPlaces = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "but": true, "in": true, "at": true, "on": true,
	"of": true, "for": true, "by": true, "with": true, "from": true, "to": true, "as": true, "yesterday": true,
	"today": true, "meanwhile": true, "however": true, "when": true, "while": true, "now": true, "last": true,
	"this": true, "that": true, "its": true, "their": true, "his": true, "her": true, "our": true, "your": true,
	"local": true, "government": true, "ombudsman": true, "social": true, "care": true, "every": true,
	"each": true, "said": true, "says": true, "after": true, "before": true, "under": true,
}

// connectors may stand inside a place name: "Newcastle upon Tyne".
var connectors = map[string]bool{"and": true, "upon": true, "on": true, "in": true, "under": true, "with": true, "le": true, "of": true, "&": true}

// mention is a council named in a line of an article.
type mention struct {
	council graph.Council
	span    graph.Span
}

// mentions returns the councils the lines name, in order of first mention.
// Besides full names, it knows places with and without their type ("Herts
// County Council", "Hertfordshire Council") and aliases from the reference
// file. "The county council" (or borough, district, city) resolves to the one
// council of that type the article names, or else to the one whose place the
// article mentions.
func (g *Gazetteer) mentions(t *text, lines []int) []mention {
	var found []mention
	type generic struct {
		word string
		line int
		span [2]int
	}
	var generics []generic
	for _, n := range lines {
		orig := t.lines[n-1]
		f := fold(orig)
		taken := make([]bool, len(f)+1)
		take := func(a, b int, c graph.Council) {
			for i := a; i < b; i++ {
				taken[i] = true
			}
			found = append(found, mention{council: c, span: t.span(n, origOffset(orig, f, a), origOffset(orig, f, b))})
		}
		for _, m := range boroughOf.FindAllStringSubmatchIndex(f, -1) {
			name := f[m[0]:m[1]]
			if p, ok := g.bySurface[surfaceKey(name)]; ok {
				take(m[0], m[1], p.council)
			} else {
				take(m[0], m[1], g.Council(name, graph.Span{}))
			}
		}
		for _, m := range councilWord.FindAllStringIndex(f, -1) {
			if taken[m[0]] {
				continue
			}
			if a, c, ok := g.named(f, m[0], m[1]); ok {
				take(a, m[1], c)
			}
		}
		for _, m := range genericCouncil.FindAllStringSubmatchIndex(f, -1) {
			if !taken[m[0]] {
				generics = append(generics, generic{word: strings.ToLower(f[m[2]:m[3]]), line: n, span: [2]int{m[0], m[1]}})
			}
		}
	}
	for _, gm := range generics {
		p := g.resolveGeneric(gm.word, found, t, lines)
		if p == nil {
			continue
		}
		orig := t.lines[gm.line-1]
		f := fold(orig)
		found = append(found, mention{council: p.council, span: t.span(gm.line, origOffset(orig, f, gm.span[0]), origOffset(orig, f, gm.span[1]))})
	}
	for i := range found {
		found[i].council.Evidence = []graph.Span{found[i].span}
	}
	return found
}

// named looks at the words before "council" at f[s:e] for a council's name.
// It returns where the name starts and the council.
func (g *Gazetteer) named(f string, s, e int) (int, graph.Council, bool) {
	lo := max(0, s-160)
	toks := wordToken.FindAllStringIndex(f[lo:s], -1)
	if len(toks) > 8 {
		toks = toks[len(toks)-8:]
	}
	// Words must run up to "council" with nothing but spaces between.
	for i := len(toks) - 1; i >= 0; i-- {
		end := lo + toks[i][1]
		next := s
		if i+1 < len(toks) {
			next = lo + toks[i+1][0]
		}
		if strings.TrimSpace(f[end:next]) != "" {
			toks = toks[i+1:]
			break
		}
	}
	for k := len(toks); k >= 1; k-- {
		a := lo + toks[len(toks)-k][0]
		if p, ok := g.bySurface[surfaceKey(f[a:e])]; ok {
			return a, p.council, true
		}
	}
	// An official name no reference or document has given yet: capitalised
	// place words, a capitalised type word, then "Council".
	if f[s] != 'C' || len(toks) < 2 {
		return 0, graph.Council{}, false
	}
	i := len(toks) - 1
	word := func(i int) string { return f[lo+toks[i][0] : lo+toks[i][1]] }
	if !typeWords[strings.ToLower(word(i))] || !startsUpper(word(i)) {
		return 0, graph.Council{}, false
	}
	if strings.EqualFold(word(i), "borough") && i > 0 && strings.EqualFold(word(i-1), "metropolitan") {
		i--
	}
	start := -1
	for j := i - 1; j >= 0; j-- {
		w := word(j)
		switch {
		case startsUpper(w) && !notPlaces[strings.ToLower(w)]:
			start = j
		case connectors[strings.ToLower(w)] && start >= 0:
			continue
		default:
			j = -1
		}
	}
	if start < 0 {
		return 0, graph.Council{}, false
	}
	a := lo + toks[start][0]
	return a, g.Council(f[a:e], graph.Span{}), true
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// resolveGeneric resolves "the county council" (word "county") in an article.
func (g *Gazetteer) resolveGeneric(word string, found []mention, t *text, lines []int) *place {
	var named []*place
	for _, m := range found {
		if p := g.bySlug[m.council.Slug]; p != nil && p.typeWord == word && !slices.Contains(named, p) {
			named = append(named, p)
		}
	}
	if len(named) == 1 {
		return named[0]
	}
	if len(named) > 1 {
		return nil
	}
	var body strings.Builder
	for _, n := range lines {
		body.WriteString(fold(t.lines[n-1]))
		body.WriteByte('\n')
	}
	text := body.String()
	var placed []*place
	for _, p := range g.entries {
		if p.typeWord != word || p.place == "" {
			continue
		}
		for _, name := range append([]string{p.place}, p.aliases...) {
			if containsWord(text, name) && !slices.Contains(placed, p) {
				placed = append(placed, p)
			}
		}
	}
	if len(placed) == 1 {
		return placed[0]
	}
	return nil
}

// containsWord reports whether w occurs in s as a whole word, with regard to
// case.
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:a])
		after, _ := utf8.DecodeRuneInString(s[b:])
		if (a == 0 || !isWordRune(before)) && (b == len(s) || !isWordRune(after)) {
			return true
		}
		i = a + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
