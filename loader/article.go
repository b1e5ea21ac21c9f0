package loader

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// yearWritten finds business years as journalists write them: "2020/21",
// "2020-21", "2020/2021".
var yearWritten = regexp.MustCompile(`\b((?:19|20)\d{2})\s?[/–-]\s?(\d{2}(?:\d{2})?)\b`)

// ParseArticle parses a news article: its headline, the councils it is about,
// the business years written in it, and its claims, every percentage and
// amount of money with the sentence it came from.
func ParseArticle(name string, r io.Reader, gaz *Gazetteer) (graph.Facts, error) {
	t, err := readText(name, r)
	if err != nil {
		return graph.Facts{}, err
	}
	return parseArticle(t, gaz)
}

func parseArticle(t *text, gaz *Gazetteer) (graph.Facts, error) {
	var lines []int
	for n := 1; n <= len(t.lines); n++ {
		if strings.TrimSpace(t.lines[n-1]) != "" {
			lines = append(lines, n)
		}
	}
	if len(lines) == 0 {
		return graph.Facts{}, errorf(t.name, 1, "expected an article's text; found an empty document")
	}
	a := graph.Article{Doc: t.name}
	head := t.whole(lines[0])
	a.Headline, a.Evidence = head.Quote, []graph.Span{head}
	if isSentence(head.Quote) {
		// No headline: the first sentence stands for it.
		s := sentences(head.Quote)[0]
		first := subSpan(head, s[0], s[1])
		a.Headline, a.Evidence = first.Quote, []graph.Span{first}
	}
	f := graph.Facts{}
	at := map[string]int{} // slug → index in f.Councils
	for _, m := range gaz.mentions(t, lines) {
		i, seen := at[m.council.Slug]
		if !seen {
			at[m.council.Slug] = len(f.Councils)
			f.Councils = append(f.Councils, m.council)
			a.CouncilSlugs = append(a.CouncilSlugs, m.council.Slug)
			continue
		}
		f.Councils[i].Evidence = append(f.Councils[i].Evidence, m.council.Evidence...)
	}
	years := map[int]bool{}
	for _, n := range lines {
		a.Body = append(a.Body, t.whole(n))
		for _, m := range yearWritten.FindAllStringSubmatchIndex(t.lines[n-1], -1) {
			first, _ := strconv.Atoi(t.lines[n-1][m[2]:m[3]])
			second, _ := strconv.Atoi(t.lines[n-1][m[4]:m[5]])
			if second%100 != (first+1)%100 || (second >= 100 && second != first+1) {
				continue // a range of years such as 2018-2020, not a business year
			}
			y := graph.Year{First: first}
			a.YearSpans = append(a.YearSpans, t.span(n, m[0], m[1]))
			if !years[first] {
				years[first] = true
				a.Years = append(a.Years, y)
			}
		}
		claims := claimsIn(t, n, t.name, len(f.Claims)+1)
		if n == lines[len(lines)-1] && !endsSentence(strings.TrimSpace(t.lines[n-1])) {
			// The article stops mid-sentence, perhaps cut off: a number in
			// its last, unfinished sentence may be cut short ("£8,0"), so it
			// is no claim.
			last := sentences(t.lines[n-1])
			if len(last) > 0 {
				cut := last[len(last)-1]
				kept := claims[:0]
				for _, c := range claims {
					if c.Evidence[0].Start < utf8.RuneCountInString(t.lines[n-1][:cut[0]]) {
						kept = append(kept, c)
					}
				}
				claims = kept
			}
		}
		f.Claims = append(f.Claims, claims...)
	}
	f.Document = t.document(graph.NewsArticle, a.Headline)
	f.Articles = []graph.Article{a}
	return f, nil
}

// isSentence reports whether a line reads as running text rather than a
// headline: it ends with a full stop, question or exclamation mark.
func isSentence(s string) bool { return endsSentence(s) }

// endsSentence reports whether text ends a sentence: with a full stop,
// question or exclamation mark, perhaps inside quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’) `)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}
