package loader

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

var (
	boroughOf      = regexp.MustCompile(`\b(?:London|Royal) Borough of ((?:[A-Z][\p{L}'-]*)(?:\s+(?:(?:and|upon)\s+)?[A-Z][\p{L}'-]*)*)`)
	genericCouncil = regexp.MustCompile(`(?i)\bthe\s+(county|borough|district|city)\s+council\b`)
	// royalBorough is "the Royal Borough" without "of …", which means the
	// one Royal Borough the article is about, if it is about one.
	royalBorough = regexp.MustCompile(`\bRoyal Borough\b(?:\s+of\b)?`)
	wordToken    = regexp.MustCompile(`[\p{L}\p{N}'&.-]+`)
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
	"council": true, "councils": true,
}

// connectors may stand inside a place name: "Newcastle upon Tyne".
var connectors = map[string]bool{"and": true, "upon": true, "on": true, "in": true, "under": true, "with": true, "le": true, "of": true, "&": true}

// mention is a council named in an article: where, quoted (two spans where
// a name is wrapped over two lines), and how.
type mention struct {
	council graph.Council
	spans   []graph.Span
	generic bool // "the county council", "the Royal Borough": resolved from the others
}

// mentions returns the councils the lines name, in the order of the text.
// Besides full names, it knows every name the reference gives ("RBWM",
// "Croydon Council"), places and aliases with and without their type
// ("Herts County Council", "Hertfordshire Council", "Kingston council"),
// "&" for "and", curly apostrophes, names wrapped over two lines, and two
// councils joined ("Hertfordshire County and Dacorum Borough Councils"). "The
// county council" (or borough, district, city) and "the Royal Borough"
// resolve to the one council of that kind the article names, or else to the
// one whose place the article mentions.
func (g *Gazetteer) mentions(t *text, lines []int) []mention {
	var found []mention
	var generics []genericName
	ps := paragraphs(t.lines, lines)
	var body strings.Builder
	size := 0
	for _, n := range lines {
		size += len(t.lines[n-1]) + 1
	}
	body.Grow(size)
	for _, n := range lines {
		body.WriteString(t.lines[n-1])
		body.WriteByte('\n')
	}
	places := g.placesOf(body.String())
	var all strings.Builder
	for pi := range ps {
		p := &ps[pi]
		all.WriteString(p.text)
		all.WriteByte('\n')
		s := g.scanPara(t, p)
		s.knownNames()
		s.joinedCouncils()
		// Places standing for their councils in a list of figures.
		g.placesWithFigures(p.text, s.toks, s.taken, places, s.take)
		s.newCouncils()
		found = append(found, s.found...)
		generics = append(generics, s.generics()...)
	}
	found = g.resolveGenerics(t, found, generics, all.String())
	found = slices.DeleteFunc(found, func(m mention) bool { return len(m.spans) == 0 })
	slices.SortStableFunc(found, func(x, y mention) int {
		return cmp.Or(x.spans[0].Line-y.spans[0].Line, x.spans[0].Start-y.spans[0].Start)
	})
	for i := range found {
		found[i].council.Evidence = found[i].spans
	}
	return found
}

// paraScan finds the councils one paragraph of an article names, by its
// tokens: each finder takes the tokens it reads as a name, and the finders
// after it pass them over.
type paraScan struct {
	g     *Gazetteer
	t     *text
	p     *para
	toks  []token
	taken []bool // the tokens read as a name
	// reach[i] is how many tokens from i on run on without a break.
	reach []int
	found []mention // the paragraph's mentions, in the order found
}

// scanPara tokenizes paragraph p of t, to find the councils it names.
func (g *Gazetteer) scanPara(t *text, p *para) *paraScan {
	toks := tokenize(p.text)
	s := &paraScan{g: g, t: t, p: p, toks: toks, taken: make([]bool, len(toks)), reach: make([]int, len(toks))}
	for i := len(toks) - 1; i >= 0; i-- {
		s.reach[i] = 1
		if i+1 < len(toks) && softGap(p.text, toks[i], toks[i+1]) {
			s.reach[i] = s.reach[i+1] + 1
		}
	}
	return s
}

// takeTo takes tokens i..j-1, to byte end of the text, as a mention of
// council c.
func (s *paraScan) takeTo(i, j, end int, c graph.Council) {
	for k := i; k < j; k++ {
		s.taken[k] = true
	}
	s.found = append(s.found, mention{council: c, spans: s.p.spans(s.t, s.toks[i].a, end)})
}

// take takes tokens i..j-1 as a mention of council c.
func (s *paraScan) take(i, j int, c graph.Council) { s.takeTo(i, j, s.toks[j-1].b, c) }

// raw returns token i as the text writes it.
func (s *paraScan) raw(i int) string { return s.p.text[s.toks[i].a:s.toks[i].b] }

// knownNames takes the names the gazetteer knows, longest first.
func (s *paraScan) knownNames() {
	g, toks := s.g, s.toks
	for i := 0; i < len(toks); i++ {
		if !g.firsts[toks[i].norm] && !(strings.HasSuffix(s.raw(i), "'s") && g.firsts[strings.TrimSuffix(toks[i].norm, "s")]) {
			continue // no name starts with this word ("RBWM's": with "RBWM")
		}
		for n := min(g.longest, s.reach[i]); n >= 1; n-- {
			pl, end, ok := g.known(s.p.text, toks[i:i+n])
			if !ok {
				continue
			}
			s.takeTo(i, i+n, end, pl.council)
			i += n - 1
			break
		}
	}
}

// joinedCouncils takes two councils joined: "Hertfordshire County and
// Dacorum Borough Councils".
func (s *paraScan) joinedCouncils() {
	g, text, toks, taken := s.g, s.p.text, s.toks, s.taken
	for i, tk := range toks {
		if tk.norm != "councils" || taken[i] {
			continue
		}
		first := i
		for first > 0 && i-first < 12 && !taken[first-1] && softGap(text, toks[first-1], toks[first]) {
			first--
		}
		for m := i - 2; m > first; m-- {
			if toks[m].norm != "and" {
				continue
			}
			right, ok := g.bySurface[keyOf(toks[m+1:i])+" council"]
			if !ok || !startsUpper(s.raw(m+1)) {
				continue
			}
			for k := first; k < m; k++ {
				left, ok := g.bySurface[keyOf(toks[k:m])+" council"]
				if ok && startsUpper(s.raw(k)) && left != right {
					s.take(k, m, left.council)
					s.take(m+1, i+1, right.council)
					break
				}
			}
			break
		}
	}
}

// newCouncils takes the councils no reference or document has given yet:
// "London Borough of …", and an official name before "Council" ("South
// Norfolk District Council").
func (s *paraScan) newCouncils() {
	g, text, toks, taken := s.g, s.p.text, s.toks, s.taken
	for _, m := range boroughOf.FindAllStringSubmatchIndex(text, -1) {
		if i, j := tokenRange(toks, m[0], m[1]); i < j && !slices.Contains(taken[i:j], true) && plausibleName(text[m[0]:m[1]]) {
			s.take(i, j, g.Council(text[m[0]:m[1]], graph.Span{}))
		}
	}
	for i, tk := range toks {
		end := tk.b
		if tk.norm == "councils" && strings.HasSuffix(s.raw(i), "'s") {
			end -= len("'s") // "South Norfolk District Council's"
		} else if tk.norm != "council" {
			continue
		}
		if !taken[i] && s.raw(i)[0] == 'C' {
			if k, ok := g.unknown(text, toks, taken, i); ok && plausibleName(text[toks[k].a:end]) {
				s.takeTo(k, i+1, end, g.Council(text[toks[k].a:end], graph.Span{}))
			}
		}
	}
}

// generics returns the councils the paragraph names generically, where no
// name has taken them: "the county council", "the Royal Borough".
func (s *paraScan) generics() []genericName {
	var out []genericName
	text, toks, taken := s.p.text, s.toks, s.taken
	for _, m := range genericCouncil.FindAllStringSubmatchIndex(text, -1) {
		if i, j := tokenRange(toks, m[0], m[1]); !slices.Contains(taken[i:j], true) {
			out = append(out, genericName{strings.ToLower(text[m[2]:m[3]]), s.p, m[0], m[1]})
		}
	}
	for _, m := range royalBorough.FindAllStringIndex(text, -1) {
		if i, j := tokenRange(toks, m[0], m[1]); !strings.HasSuffix(text[m[0]:m[1]], "of") && !slices.Contains(taken[i:j], true) {
			a := m[0]
			if strings.HasSuffix(strings.ToLower(text[:a]), "the ") {
				a -= len("the ")
			}
			out = append(out, genericName{"royal", s.p, a, m[1]})
		}
	}
	return out
}
