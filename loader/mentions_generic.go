package loader

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// genericName is a council an article names generically, at bytes [a,b) of
// paragraph p's text: "the county council", "the Royal Borough".
type genericName struct {
	word string // "county", …, or "royal"
	p    *para
	a, b int
}

// resolveGenerics adds to found, the councils the article names, a mention
// of the council each generic name resolves to (see resolveGeneric), each
// kind resolved once, from those councils and the article's text.
func (g *Gazetteer) resolveGenerics(t *text, found []mention, generics []genericName, text string) []mention {
	named := slices.Clone(found)
	resolved := map[string]*place{}
	for _, gm := range generics {
		pl, ok := resolved[gm.word]
		if !ok {
			pl = g.resolveGeneric(gm.word, named, text)
			resolved[gm.word] = pl
		}
		if pl != nil {
			found = append(found, mention{council: pl.council, spans: gm.p.spans(t, gm.a, gm.b), generic: true})
		}
	}
	return found
}

// resolveGeneric resolves "the county council" (word "county") or "the
// Royal Borough" (word "royal") in an article: to the one council of that
// kind it names, or else to the one whose place or alias its text mentions.
func (g *Gazetteer) resolveGeneric(word string, found []mention, text string) *place {
	fits := func(p *place) bool {
		if word == "royal" {
			return p.royal
		}
		return p.typeWord == word
	}
	var named []*place
	for _, m := range found {
		if p := g.bySlug[m.council.Slug]; p != nil && fits(p) && !slices.Contains(named, p) {
			named = append(named, p)
		}
	}
	if len(named) == 1 {
		return named[0]
	}
	if len(named) > 1 {
		return nil
	}
	var placed []*place
	for _, p := range g.entries {
		if !fits(p) || p.place == "" || p.council.Abolished != "" {
			continue
		}
		for _, name := range append([]string{p.place}, p.aliases...) {
			if containsWord(text, fold(name)) && !slices.Contains(placed, p) {
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
