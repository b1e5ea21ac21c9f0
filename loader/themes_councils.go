package loader

import (
	"cmp"
	"regexp"
	"slices"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

var (
	// comparedBefore ends the text before a council named only to compare
	// the story's council with: "second only to", "than", "compared with",
	// ", while".
	comparedBefore = regexp.MustCompile(`(?i)(?:\b(?:second|third|fourth|fifth|next)\s+only\s+to|\bonly\s+(?:to|behind)|\bthan(?:\s+(?:at|in|for|by|did|those\s+of|that\s+of))?|\bcompared\s+(?:with|to)|\bin\s+comparison\s+(?:with|to)|\bbehind|\bahead\s+of|\bunlike|\bsimilar\s+to|\bversus|\bvs\.?|\bas\s+did|\bfollowed\s+by|\bneighbouring|\bnearby|\bnext[\s-]door|,\s*(?:while|whereas))\s+(?:the\s+)?(?:neighbouring\s+|nearby\s+)?$`)
	// comparedSentence opens a sentence about other councils than the
	// story's: "Elsewhere, …", "Next door, …".
	comparedSentence = regexp.MustCompile(`(?i)^["'“‘]?\s*(?:elsewhere|next door|by comparison|in comparison|by contrast|in contrast|nearby|in neighbouring|neighbouring|across the border|over the border|for comparison)\b`)
	// anaphor refers back to the council a story is about.
	anaphor    = regexp.MustCompile(`(?i)\b(?:the|this|that)\s+(?:local\s+)?(?:council|authority|borough|unitary\s+authority|(?:county|borough|district|city)\s+council)\b(?:'s)?|\bcounty\s+hall\b|\btown\s+hall\b`)
	councilTax = regexp.MustCompile(`(?i)^\s*tax\b`)
)

// attachThemeCouncils sets, for every theme match of f's articles, the
// councils of the article that its sentence is about (ThemeMatch.Councils).
// [Tagger.Tag] calls it after tagging.
//
// A council named only in comparison ("second only to Birmingham City
// Council", "than Leeds", "Next door, Bromley Council …") is never what a
// sentence is about. The story's subject is the council (or councils) that
// the first lines to name a council name, not in comparison. A match is
// about, in turn:
//
//  1. the councils its sentence names, not in comparison;
//  2. where its sentence refers back ("the council", "the authority",
//     "County Hall"), the council its paragraph named last before it, or
//     else the subject;
//  3. the councils its paragraph names, not in comparison;
//  4. the subject, where its paragraph refers back to it;
//  5. the subject, where the article also names councils besides the
//     subject, so that they do not get the theme.
//
// Otherwise Councils is left empty, and the graph takes the theme to be
// about all the article's councils (see [graph.Article.ThemeCouncils]).
func attachThemeCouncils(f *graph.Facts) {
	for ai := range f.Articles {
		a := &f.Articles[ai]
		lines := f.Document.Text
		if f.Document.Name != a.Doc || len(a.CouncilSlugs) == 0 || len(lines) == 0 || len(a.Matches) == 0 {
			continue
		}
		ac := newArticleCouncils(f, a)
		for mi := range a.Matches {
			ac.attach(&a.Matches[mi])
		}
	}
}

// articleCouncils is where an article names its councils, read to find the
// councils each of its theme matches is about.
type articleCouncils struct {
	a     *graph.Article
	lines []string // the text of the article's document
	// order is each of the article's councils' place among them, from 1.
	order map[string]int
	// byLine holds the councils the article names, not in comparison, by
	// line, in the order of the line.
	byLine map[int][]namedCouncil
	// subjects are the councils the story is about, and others says the
	// article names councils besides them.
	subjects []string
	others   bool
	// paraOf holds what the paragraph of each body line names.
	paraOf map[int]*paraFacts
}

// newArticleCouncils reads where article a of f names its councils: by
// line, the story's subject, and in each paragraph of its body.
func newArticleCouncils(f *graph.Facts, a *graph.Article) *articleCouncils {
	ac := &articleCouncils{a: a, lines: f.Document.Text, order: map[string]int{}, byLine: map[int][]namedCouncil{}}
	for i, c := range a.CouncilSlugs {
		ac.order[c] = i + 1
	}
	for _, m := range ac.namings(f.Councils) {
		if !m.compared {
			ac.byLine[m.line] = append(ac.byLine[m.line], m)
		}
	}
	body := bodyLines(a)
	ac.subjects = ac.subjectsOf(body)
	ac.others = len(ac.subjects) > 0 && len(ac.subjects) < len(a.CouncilSlugs)
	ac.paraOf = ac.paragraphsOf(body)
	return ac
}

// namings returns every place the article names one of its councils (the
// councils' evidence in its document), in the order of the text, each
// marked if it names the council only in comparison.
func (ac *articleCouncils) namings(councils []graph.Council) []namedCouncil {
	lines := ac.lines
	var ms []namedCouncil
	sents := map[int][][2]int{} // sentences of lines, by line
	for _, c := range councils {
		if ac.order[c.Slug] == 0 {
			continue
		}
		for _, s := range c.Evidence {
			if s.Doc == ac.a.Doc && s.Line >= 1 && s.Line <= len(lines) && s.Start <= s.End && s.End <= utf8.RuneCountInString(lines[s.Line-1]) {
				if sents[s.Line] == nil {
					sents[s.Line] = sentences(lines[s.Line-1])
				}
				ms = append(ms, namedCouncil{slug: c.Slug, line: s.Line, start: s.Start, end: s.End, compared: compared(lines[s.Line-1], sents[s.Line], s.Start)})
			}
		}
	}
	slices.SortFunc(ms, func(x, y namedCouncil) int { return cmp.Or(x.line-y.line, x.start-y.start) })
	return ms
}

// bodyLines returns the lines of an article's body, in order, each once.
func bodyLines(a *graph.Article) []int {
	var out []int
	for _, s := range a.Body {
		if len(out) == 0 || out[len(out)-1] != s.Line {
			out = append(out, s.Line)
		}
	}
	return out
}

// sorted returns the councils of set in the order the article gives them.
func (ac *articleCouncils) sorted(set map[string]bool) []string {
	var out []string
	for c := range set {
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y string) int { return ac.order[x] - ac.order[y] })
	return out
}

// namedIn returns the councils named, not in comparison, in runes
// [start,end) of line n (end -1: to its end).
func (ac *articleCouncils) namedIn(n, start, end int) map[string]bool {
	set := map[string]bool{}
	for _, m := range ac.byLine[n] {
		if m.start >= start && (end < 0 || m.end <= end) {
			set[m.slug] = true
		}
	}
	return set
}

// subjectsOf returns the story's subject: the councils that the first of
// the body's lines to name a council, not in comparison, names.
func (ac *articleCouncils) subjectsOf(body []int) []string {
	var subjects []string
	for _, n := range body {
		if set := ac.namedIn(n, 0, -1); len(set) > 0 {
			subjects = ac.sorted(set)
			break
		}
	}
	return subjects
}

// paragraphsOf reads what each paragraph of the body names, and returns it
// by line.
func (ac *articleCouncils) paragraphsOf(body []int) map[int]*paraFacts {
	lines := ac.lines
	paraOf := map[int]*paraFacts{}
	for _, p := range paragraphs(lines, body) {
		pf := &paraFacts{byLine: ac.byLine}
		set := map[string]bool{}
		pf.lines = p.lines
		for _, n := range p.lines {
			for c := range ac.namedIn(n, 0, -1) {
				set[c] = true
			}
			paraOf[n] = pf
		}
		pf.refers = func() bool {
			return slices.ContainsFunc(p.lines, func(n int) bool { return refersBack(lines[n-1]) })
		}
		pf.named = ac.sorted(set)
	}
	return paraOf
}

// refersBack reports whether s refers back to the council a story is about
// ("the council", "County Hall"), and not to its council tax.
func refersBack(s string) bool {
	for _, m := range anaphor.FindAllStringIndex(fold(s), -1) {
		if !councilTax.MatchString(fold(s)[m[1]:]) {
			return true
		}
	}
	return false
}

// attach sets the councils theme match m is about, by the rules
// attachThemeCouncils gives, or leaves them empty.
func (ac *articleCouncils) attach(m *graph.ThemeMatch) {
	m.Councils = nil
	ev := m.Evidence
	if ev.Doc != ac.a.Doc || ev.Line < 1 || ev.Line > len(ac.lines) {
		return
	}
	if set := ac.namedIn(ev.Line, ev.Start, ev.End); len(set) > 0 {
		m.Councils = ac.sorted(set)
		return
	}
	p := ac.paraOf[ev.Line]
	if refersBack(ev.Quote) {
		m.Councils = slices.Clone(ac.subjects)
		if last := p.lastBefore(ev.Line, ev.Start); last != "" {
			m.Councils = []string{last}
		}
		return
	}
	switch {
	case p != nil && len(p.named) > 0:
		m.Councils = slices.Clone(p.named)
	case ac.others || p != nil && p.refers():
		m.Councils = slices.Clone(ac.subjects)
	}
}

// namedCouncil is a council an article names, where, and whether only in
// comparison.
type namedCouncil struct {
	slug             string
	line, start, end int
	compared         bool
}

// paraFacts is what a paragraph of an article names, and whether it refers
// back to the story's council.
type paraFacts struct {
	lines  []int
	named  []string
	refers func() bool
	byLine map[int][]namedCouncil // the councils the article names, not in comparison, by line
}

// lastBefore returns the council the paragraph names last before rune start
// of line n, or "": the council "the council" there refers back to.
func (p *paraFacts) lastBefore(n, start int) string {
	if p == nil {
		return ""
	}
	last := ""
	for _, l := range p.lines {
		for _, m := range p.byLine[l] { // in the order of the line
			if l < n || l == n && m.end <= start {
				last = m.slug
			}
		}
	}
	return last
}

// compared reports whether the council named at rune start of line, whose
// sentences are sents, is named only in comparison.
func compared(line string, sents [][2]int, start int) bool {
	b := len(line)
	for i := range line {
		if start == 0 {
			b = i
			break
		}
		start--
	}
	sent := sentenceIn(sents, b, len(line))
	return comparedSentence.MatchString(fold(line[sent[0]:sent[1]])) || comparedBefore.MatchString(fold(line[sent[0]:b]))
}
