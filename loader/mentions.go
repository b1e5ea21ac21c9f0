package loader

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

var (
	boroughOf      = regexp.MustCompile(`\b(?:London|Royal) Borough of ((?:[A-Z][\p{L}'-]*)(?:\s+(?:and|upon|[A-Z][\p{L}'-]*))*)`)
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

// para is lines of a document read as one paragraph: lines wrapped by hand
// ("Herts County \nCouncil") are joined with "\n", folded (see fold).
type para struct {
	text  string
	lines []int // line numbers
	at    []int // where each line starts in text
}

// paragraphs groups the given lines (line numbers, ascending) into
// paragraphs: a line that does not end a sentence runs on into the next line
// of the document when that starts in lower case or with "Council", or when
// the line ends with a space, as text wrapped by hand does.
func paragraphs(lines []string, use []int) []para {
	var out []para
	var b strings.Builder
	for k, n := range use {
		joined := k > 0 && use[k-1] == n-1 && runsOn(lines[n-2], lines[n-1])
		if !joined {
			if len(out) > 0 {
				out[len(out)-1].text = b.String()
			}
			b.Reset()
			out = append(out, para{})
		}
		p := &out[len(out)-1]
		if joined {
			b.WriteByte('\n')
		}
		p.lines = append(p.lines, n)
		p.at = append(p.at, b.Len())
		b.WriteString(fold(lines[n-1]))
	}
	if len(out) > 0 {
		out[len(out)-1].text = b.String()
	}
	return out
}

// runsOn reports whether line next continues line l, wrapped by hand.
func runsOn(l, next string) bool {
	t := strings.TrimSpace(l)
	if t == "" || endsSentence(t) || strings.HasSuffix(t, ":") {
		return false
	}
	n := strings.TrimSpace(next)
	r, _ := utf8.DecodeRuneInString(n)
	first := strings.ToLower(strings.SplitN(n, " ", 2)[0])
	return unicode.IsLower(r) || first == "council" || first == "councils" || first == "council," ||
		strings.HasSuffix(l, " ") && unicode.IsLetter(r)
}

// spans quotes bytes [a,b) of p's text: one span for each line they touch,
// trimmed of white space.
func (p *para) spans(t *text, a, b int) []graph.Span {
	var out []graph.Span
	for k, n := range p.lines {
		lo, hi := p.at[k], len(p.text)
		if k+1 < len(p.lines) {
			hi = p.at[k+1] - 1
		}
		s, e := max(a, lo), min(b, hi)
		if s >= e {
			continue
		}
		seg := p.text[s:e]
		s += len(seg) - len(strings.TrimLeft(seg, " \t"))
		e -= len(seg) - len(strings.TrimRight(seg, " \t"))
		if s >= e {
			continue
		}
		orig, folded := t.lines[n-1], p.text[lo:hi]
		out = append(out, t.span(n, origAt(orig, folded, s-lo), origAt(orig, folded, e-lo)))
	}
	return out
}

// origAt is origOffset, quick where folding changed nothing: every rune fold
// changes takes fewer bytes folded.
func origAt(orig, folded string, b int) int {
	if len(orig) == len(folded) {
		return b
	}
	return origOffset(orig, folded, b)
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
	type generic struct {
		word string // "county", …, or "royal"
		p    *para
		a, b int
	}
	var generics []generic
	ps := paragraphs(t.lines, lines)
	var body strings.Builder
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
		toks := tokenize(p.text)
		taken := make([]bool, len(toks))
		takeTo := func(i, j, end int, c graph.Council) { // tokens i..j-1, to byte end
			for k := i; k < j; k++ {
				taken[k] = true
			}
			found = append(found, mention{council: c, spans: p.spans(t, toks[i].a, end)})
		}
		take := func(i, j int, c graph.Council) { takeTo(i, j, toks[j-1].b, c) }
		// reach[i] is how many tokens from i on run on without a break.
		reach := make([]int, len(toks))
		for i := len(toks) - 1; i >= 0; i-- {
			reach[i] = 1
			if i+1 < len(toks) && softGap(p.text, toks[i], toks[i+1]) {
				reach[i] = reach[i+1] + 1
			}
		}
		raw := func(i int) string { return p.text[toks[i].a:toks[i].b] }
		// Known names, longest first.
		for i := 0; i < len(toks); i++ {
			if !g.firsts[toks[i].norm] && !(strings.HasSuffix(raw(i), "'s") && g.firsts[strings.TrimSuffix(toks[i].norm, "s")]) {
				continue // no name starts with this word ("RBWM's": with "RBWM")
			}
			for n := min(g.longest, reach[i]); n >= 1; n-- {
				pl, end, ok := g.known(p.text, toks[i:i+n])
				if !ok {
					continue
				}
				takeTo(i, i+n, end, pl.council)
				i += n - 1
				break
			}
		}
		// Two councils joined: "Hertfordshire County and Dacorum Borough
		// Councils".
		for i, tk := range toks {
			if tk.norm != "councils" || taken[i] {
				continue
			}
			first := i
			for first > 0 && i-first < 12 && !taken[first-1] && softGap(p.text, toks[first-1], toks[first]) {
				first--
			}
			for m := i - 2; m > first; m-- {
				if toks[m].norm != "and" {
					continue
				}
				right, ok := g.bySurface[keyOf(toks[m+1:i])+" council"]
				if !ok || !startsUpper(raw(m+1)) {
					continue
				}
				for s := first; s < m; s++ {
					left, ok := g.bySurface[keyOf(toks[s:m])+" council"]
					if ok && startsUpper(raw(s)) && left != right {
						take(s, m, left.council)
						take(m+1, i+1, right.council)
						break
					}
				}
				break
			}
		}
		// Places standing for their councils in a list of figures.
		g.placesWithFigures(p.text, toks, taken, places, take)
		// Councils no reference or document has given yet.
		for _, m := range boroughOf.FindAllStringSubmatchIndex(p.text, -1) {
			if i, j := tokenRange(toks, m[0], m[1]); i < j && !slices.Contains(taken[i:j], true) && plausibleName(p.text[m[0]:m[1]]) {
				take(i, j, g.Council(p.text[m[0]:m[1]], graph.Span{}))
			}
		}
		for i, tk := range toks {
			end := tk.b
			if tk.norm == "councils" && strings.HasSuffix(raw(i), "'s") {
				end -= len("'s") // "South Norfolk District Council's"
			} else if tk.norm != "council" {
				continue
			}
			if !taken[i] && raw(i)[0] == 'C' {
				if s, ok := g.unknown(p.text, toks, taken, i); ok && plausibleName(p.text[toks[s].a:end]) {
					takeTo(s, i+1, end, g.Council(p.text[toks[s].a:end], graph.Span{}))
				}
			}
		}
		for _, m := range genericCouncil.FindAllStringSubmatchIndex(p.text, -1) {
			if i, j := tokenRange(toks, m[0], m[1]); !slices.Contains(taken[i:j], true) {
				generics = append(generics, generic{strings.ToLower(p.text[m[2]:m[3]]), p, m[0], m[1]})
			}
		}
		for _, m := range royalBorough.FindAllStringIndex(p.text, -1) {
			if i, j := tokenRange(toks, m[0], m[1]); !strings.HasSuffix(p.text[m[0]:m[1]], "of") && !slices.Contains(taken[i:j], true) {
				a := m[0]
				if strings.HasSuffix(strings.ToLower(p.text[:a]), "the ") {
					a -= len("the ")
				}
				generics = append(generics, generic{"royal", p, a, m[1]})
			}
		}
	}
	text := all.String()
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
	found = slices.DeleteFunc(found, func(m mention) bool { return len(m.spans) == 0 })
	slices.SortStableFunc(found, func(x, y mention) int {
		return cmp.Or(x.spans[0].Line-y.spans[0].Line, x.spans[0].Start-y.spans[0].Start)
	})
	for i := range found {
		found[i].council.Evidence = found[i].spans
	}
	return found
}

// known returns the council that tokens tks of text name, if they are a
// name the gazetteer knows written as names are: an acronym in capitals,
// any other name with its first word capitalised ("Kingston council", not
// "bury council papers"). A possessive ("Council's", "RBWM's") is the name
// without it. It returns where the name ends in text.
func (g *Gazetteer) known(text string, tks []token) (*place, int, bool) {
	key, end := keyOf(tks), tks[len(tks)-1].b
	p, ok := g.bySurface[key]
	if !ok {
		if !strings.HasSuffix(text[:end], "'s") {
			return nil, 0, false
		}
		key, end = strings.TrimSuffix(key, "s"), end-len("'s")
		if p, ok = g.bySurface[key]; !ok {
			return nil, 0, false
		}
	}
	written := text[tks[0].a:end]
	if g.acronyms[key] {
		return p, end, !strings.ContainsFunc(written, unicode.IsLower)
	}
	r, _ := utf8.DecodeRuneInString(written)
	return p, end, unicode.IsUpper(r) || unicode.IsDigit(r)
}

// keyOf is the surface key of tokens.
func keyOf(tks []token) string {
	var b strings.Builder
	for i, tk := range tks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tk.norm)
	}
	return b.String()
}

// softGap reports whether what stands between two tokens can stand inside a
// name: white space (one line break at most), a hyphen, an apostrophe, the
// full stop of "St.", or a comma between place words ("Bournemouth,
// Christchurch and Poole"), never before a type word or "Council" ("In
// Poole, Council tax …").
func softGap(text string, x, y token) bool {
	gap := text[x.b:y.a]
	if strings.Count(gap, "\n") > 1 {
		return false
	}
	for _, r := range gap {
		switch r {
		case ' ', '\t', '\n', '-', '\'':
		case '.':
			if x.norm != "st" {
				return false
			}
		case ',':
			if typeWords[y.norm] || y.norm == "council" || y.norm == "councils" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// tokenRange returns the tokens that bytes [a,b) of the text cover.
func tokenRange(toks []token, a, b int) (int, int) {
	i, _ := slices.BinarySearchFunc(toks, a, func(t token, a int) int { return cmp.Compare(t.b, a+1) })
	j := i
	for j < len(toks) && toks[j].a < b {
		j++
	}
	return i, j
}

// unknown looks at the words before "Council" (token i) for the official
// name of a council the gazetteer does not know: capitalised place words
// and a capitalised type word ("South Norfolk District Council"). It returns
// the token the name starts at.
func (g *Gazetteer) unknown(text string, toks []token, taken []bool, i int) (int, bool) {
	word := func(k int) string { return text[toks[k].a:toks[k].b] }
	k := i - 1
	if k < 1 || taken[k] || !softGap(text, toks[k], toks[i]) || !typeWords[toks[k].norm] || !startsUpper(word(k)) {
		return 0, false
	}
	if toks[k].norm == "borough" && !taken[k-1] && toks[k-1].norm == "metropolitan" && softGap(text, toks[k-1], toks[k]) {
		k--
	}
	start := -1
	for j := k - 1; j >= 0 && k-j <= 7 && !taken[j] && softGap(text, toks[j], toks[j+1]); j-- {
		w := word(j)
		if startsUpper(w) && !notPlaces[toks[j].norm] {
			start = j
		} else if !connectors[toks[j].norm] || start < 0 {
			break
		}
	}
	return start, start >= 0
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
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

// plausibleName reports whether a council's name that no reference gives
// can be one: not two phrases a copy ran together ("County Hall in
// NorwichNorfolk County Council": a word with a capital inside it, other
// than Mc, Mac or O'), and no building ("County Hall", "Town Hall").
func plausibleName(name string) bool {
	if strings.Contains(name, " Hall ") {
		return false
	}
	for _, w := range strings.Fields(name) {
		rs := []rune(w)
		for i := 1; i < len(rs); i++ {
			if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) {
				prefix := string(rs[:i])
				if prefix != "Mc" && prefix != "Mac" {
					return false
				}
			}
		}
	}
	return true
}
