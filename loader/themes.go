package loader

import (
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// ParseThemes parses a theme file, a JSON object {"themes": [Theme...]}, and
// checks every theme is usable.
func ParseThemes(data []byte) ([]graph.Theme, error) {
	var f struct {
		Themes []graph.Theme `json:"themes"`
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("themes: %w", err)
	}
	seen := map[string]bool{}
	for i, t := range f.Themes {
		switch {
		case t.Slug == "" || t.Slug != graph.Slug(t.Slug):
			return nil, fmt.Errorf("themes: theme %d: slug %q must be lower-case letters, digits and '-'", i+1, t.Slug)
		case seen[t.Slug]:
			return nil, fmt.Errorf("themes: theme %q is defined twice", t.Slug)
		case t.Name == "":
			return nil, fmt.Errorf("themes: theme %q has no name", t.Slug)
		case len(t.Terms) == 0 && len(t.Acronyms) == 0 && len(t.Subcategories) == 0:
			return nil, fmt.Errorf("themes: theme %q has no terms, acronyms or sub-categories, so nothing can carry it", t.Slug)
		}
		for _, term := range append(append([]string{}, t.Terms...), t.Acronyms...) {
			if strings.TrimSpace(term) == "" {
				return nil, fmt.Errorf("themes: theme %q has an empty term", t.Slug)
			}
			if err := checkTerm(term); err != nil {
				return nil, fmt.Errorf("themes: theme %q: %w", t.Slug, err)
			}
		}
		seen[t.Slug] = true
	}
	return f.Themes, nil
}

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

// checkTerm reports a term whose words the Tagger cannot match: each word must
// start with a letter or a digit, since punctuation between words is free
// ("Education, Health & Care"), and a word of punctuation alone would make
// every run of it a match to try.
func checkTerm(term string) error {
	for _, w := range splitTerm(term) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return fmt.Errorf("term %q: the word %q must start with a letter or a digit", term, w)
		}
	}
	return nil
}

func splitTerm(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool { return r == ' ' || r == ',' })
}

// firstWord returns a term's first word, without a "(s)".
func firstWord(s string) string { return strings.TrimSuffix(splitTerm(s)[0], "(s)") }

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
	var seen map[hitKey]bool
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
				if seen[key] {
					continue
				}
				if seen == nil {
					seen = map[hitKey]bool{}
				}
				seen[key] = true
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

// Tag records the theme matches of every improvement, report and article in
// f. An article's matches are read in the light of the whole article (see
// articleMatches), and each says which of its councils it is about (see
// attachThemeCouncils).
func (tg *Tagger) Tag(f *graph.Facts) {
	for i := range f.Improvements {
		im := &f.Improvements[i]
		im.Matches = nil
		for _, s := range im.Evidence[:1] {
			im.Matches = append(im.Matches, tg.Match(s)...)
		}
	}
	for i := range f.Reports {
		r := &f.Reports[i]
		r.Matches = nil
		for _, s := range r.Evidence {
			r.Matches = append(r.Matches, tg.Match(s)...)
		}
	}
	for i := range f.Articles {
		f.Articles[i].Matches = tg.articleMatches(f.Articles[i].Body)
	}
	attachThemeCouncils(f)
}

// The themes that an article's wording can mistake for one another.
const (
	themeSEND         = "send"
	themeCarePlanning = "assessment-care-planning"
	themeDisability   = "disability-discrimination"
	themeHomelessness = "homelessness"
	themeRecords      = "record-keeping"
	themeCharging     = "care-charging"
)

var (
	// sendName is the name SEND stands for, whose "disabilities" is no
	// disability discrimination.
	sendName = regexp.MustCompile(`(?i)special\s+educational\s+needs\s*(?:,\s*)?(?:and|&)\s+disabilit(?:y|ies)`)
	// ehcBefore ends the text before the "needs assessment" of an
	// education, health and care needs assessment.
	ehcBefore = regexp.MustCompile(`(?i)(?:education,?\s+health,?\s+(?:and|&)\s+care|\bEHC(?:P)?|\(EHC\))\s+$`)
	// carePlan is an adult care planning term that an EHC plan is also
	// called in a story about a child's education.
	carePlan = regexp.MustCompile(`(?i)^care\s+plans?$`)
	// adultCare shows a care plan is an adult's after all.
	adultCare = regexp.MustCompile(`(?i)\badults?\b|\bolder\s+(?:person|people)\b|\belderly\b|\bcare\s+home\b|\bhome\s+care\b|\bcare\s+at\s+home\b|\bcarers?\b|\bpensioner\b`)
	// charityAfter follows "homeless" in a charity's name or description.
	charityAfter = regexp.MustCompile(`(?i)^\s+(?:charity|charities|people's\s+charity)\b`)
	// toldTo ends the text before "make a record" when the council told
	// someone else to keep it: "told Mr X to make a record of the noise".
	toldTo = regexp.MustCompile(`(?i)\b(?:told|asked|advised|encouraged|urged|invited|suggested)\b[^.;]*\bto\s+$`)
	// overcharged and forCare find an article about a council that
	// overcharged someone for care.
	overcharged = regexp.MustCompile(`(?i)\bover-?charg(?:e|ed|es|ing)\b`)
	forCare     = regexp.MustCompile(`(?i)\bcare\b`)
)

// articleMatches finds the themes of an article's body, reading each match
// in the light of its sentence and of the whole article:
//
//   - the "disabilities" of "special educational needs and disabilities" is
//     part of SEND's name, not disability discrimination;
//   - the "needs assessment" of an "education, health and care needs
//     assessment" (or an "EHC needs assessment") is SEND, not adult
//     assessment;
//   - in a story about SEND, a "care plan" is the child's EHC plan, and so
//     no adult care planning, unless its sentence is about adults;
//   - "a homeless charity" is a charity, not homelessness;
//   - someone told "to make a record" of something keeps their own record,
//     not the council's;
//   - a sentence in which someone was overcharged for care is care charging.
//
// The rules hold for articles, whose wording is loose; improvements and
// reports are tagged by their terms alone.
func (tg *Tagger) articleMatches(body []graph.Span) []graph.ThemeMatch {
	type spanHits struct {
		s    graph.Span
		hits []themeHit
	}
	var all []spanHits
	send := false
	for _, s := range body {
		var kept []themeHit
		for _, h := range tg.hits(s) {
			// The sentence, and where the match stands in it.
			q, pos, end := s.Quote[h.sent[0]:h.sent[1]], h.pos-h.sent[0], h.end-h.sent[0]
			switch h.m.Theme {
			case themeDisability:
				if inside(sendName, q, pos, end) {
					continue
				}
			case themeCarePlanning:
				if strings.Contains(strings.ToLower(h.m.Term), "needs assessment") && ehcBefore.MatchString(q[:pos]) {
					if tg.themes[themeSEND] {
						h.m.Theme, h.order = themeSEND, tg.order[themeSEND]
						kept = append(kept, h)
					}
					continue
				}
			case themeHomelessness:
				if strings.EqualFold(h.m.Term, "homeless") && charityAfter.MatchString(q[end:]) {
					continue
				}
			case themeRecords:
				if strings.HasPrefix(strings.ToLower(h.m.Term), "make") && toldTo.MatchString(q[:pos]) {
					continue
				}
			}
			send = send || h.m.Theme == themeSEND
			kept = append(kept, h)
		}
		if tg.themes[themeCharging] && strings.Contains(strings.ToLower(s.Quote), "vercharg") && !slices.ContainsFunc(kept, func(h themeHit) bool { return h.m.Theme == themeCharging }) {
			for _, sr := range sentences(s.Quote) {
				sent := s.Quote[sr[0]:sr[1]]
				if !strings.Contains(sent, "vercharg") && !strings.Contains(sent, "VERCHARG") {
					continue
				}
				if m := overcharged.FindStringIndex(sent); m != nil && forCare.MatchString(sent) {
					kept = append(kept, themeHit{graph.ThemeMatch{Theme: themeCharging, Term: sent[m[0]:m[1]], Evidence: subSpan(s, sr[0], sr[1])},
						tg.order[themeCharging], sr[0] + m[0], sr[0] + m[1], sr})
				}
			}
		}
		all = append(all, spanHits{s, kept})
	}
	var out []graph.ThemeMatch
	for _, sh := range all {
		hits := sh.hits
		if send {
			hits = slices.DeleteFunc(hits, func(h themeHit) bool {
				return h.m.Theme == themeCarePlanning && carePlan.MatchString(h.m.Term) && !adultCare.MatchString(h.m.Evidence.Quote)
			})
		}
		slices.SortStableFunc(hits, func(x, y themeHit) int { return cmp.Or(x.order-y.order, x.pos-y.pos) })
		for _, h := range hits {
			out = append(out, h.m)
		}
	}
	return out
}

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
		order := map[string]int{}
		for i, c := range a.CouncilSlugs {
			order[c] = i + 1
		}
		var ms []namedCouncil
		sents := map[int][][2]int{} // sentences of lines, by line
		for _, c := range f.Councils {
			if order[c.Slug] == 0 {
				continue
			}
			for _, s := range c.Evidence {
				if s.Doc == a.Doc && s.Line >= 1 && s.Line <= len(lines) && s.Start <= s.End && s.End <= utf8.RuneCountInString(lines[s.Line-1]) {
					if sents[s.Line] == nil {
						sents[s.Line] = sentences(lines[s.Line-1])
					}
					ms = append(ms, namedCouncil{slug: c.Slug, line: s.Line, start: s.Start, end: s.End, compared: compared(lines[s.Line-1], sents[s.Line], s.Start)})
				}
			}
		}
		sorted := func(set map[string]bool) []string {
			var out []string
			for c := range set {
				out = append(out, c)
			}
			slices.SortFunc(out, func(x, y string) int { return order[x] - order[y] })
			return out
		}
		slices.SortFunc(ms, func(x, y namedCouncil) int { return cmp.Or(x.line-y.line, x.start-y.start) })
		byLine := map[int][]namedCouncil{}
		for _, m := range ms {
			if !m.compared {
				byLine[m.line] = append(byLine[m.line], m)
			}
		}
		// namedIn returns the councils named, not in comparison, in runes
		// [start,end) of line n (end -1: to its end).
		namedIn := func(n, start, end int) map[string]bool {
			set := map[string]bool{}
			for _, m := range byLine[n] {
				if m.start >= start && (end < 0 || m.end <= end) {
					set[m.slug] = true
				}
			}
			return set
		}
		var bodyLines []int
		for _, s := range a.Body {
			if len(bodyLines) == 0 || bodyLines[len(bodyLines)-1] != s.Line {
				bodyLines = append(bodyLines, s.Line)
			}
		}
		var subjects []string
		for _, n := range bodyLines {
			if set := namedIn(n, 0, -1); len(set) > 0 {
				subjects = sorted(set)
				break
			}
		}
		others := len(subjects) > 0 && len(subjects) < len(a.CouncilSlugs)
		refers := func(s string) bool {
			for _, m := range anaphor.FindAllStringIndex(fold(s), -1) {
				if !councilTax.MatchString(fold(s)[m[1]:]) {
					return true
				}
			}
			return false
		}
		paraOf := map[int]*paraFacts{}
		for _, p := range paragraphs(lines, bodyLines) {
			pf := &paraFacts{byLine: byLine}
			set := map[string]bool{}
			pf.lines = p.lines
			for _, n := range p.lines {
				for c := range namedIn(n, 0, -1) {
					set[c] = true
				}
				paraOf[n] = pf
			}
			pf.refers = func() bool {
				return slices.ContainsFunc(p.lines, func(n int) bool { return refers(lines[n-1]) })
			}
			pf.named = sorted(set)
		}
		for mi := range a.Matches {
			m := &a.Matches[mi]
			m.Councils = nil
			ev := m.Evidence
			if ev.Doc != a.Doc || ev.Line < 1 || ev.Line > len(lines) {
				continue
			}
			if set := namedIn(ev.Line, ev.Start, ev.End); len(set) > 0 {
				m.Councils = sorted(set)
				continue
			}
			p := paraOf[ev.Line]
			if refers(ev.Quote) {
				m.Councils = slices.Clone(subjects)
				if last := p.lastBefore(ev.Line, ev.Start); last != "" {
					m.Councils = []string{last}
				}
				continue
			}
			switch {
			case p != nil && len(p.named) > 0:
				m.Councils = slices.Clone(p.named)
			case others || p != nil && p.refers():
				m.Councils = slices.Clone(subjects)
			}
		}
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

// inside reports whether bytes [a,b) of s lie inside a match of re.
func inside(re *regexp.Regexp, s string, a, b int) bool {
	for _, m := range re.FindAllStringIndex(s, -1) {
		if m[0] <= a && b <= m[1] {
			return true
		}
	}
	return false
}

// asciiLower lower-cases the ASCII letters of s and leaves every other byte
// as it is, so that byte offsets into the result hold for s. Terms are
// matched on it with lower-case patterns, which is much faster than
// case-insensitive matching.
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

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
