package loader

import (
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// ParseArticle parses a news article: its headline, the councils it is about,
// the business years written in it, and its claims, every percentage and
// amount of money with the sentence it came from.
//
// What a news site puts around an article is not the article: photo
// captions, navigation and related links, adverts, sign-up and cookie
// notices, bylines and comments (see lineKinds). Captions are read for the
// councils they name; nothing else of them is a fact.
//
// Claims come from the body. A claim of the headline counts only when the
// body does not state it again (the same value and unit, as "Council to pay
// £5,900" above "A council should pay £5,900"): a headline sums its body up,
// and one figure written twice is one claim, not two. A figure only the
// headline gives is a claim of its own.
func ParseArticle(name string, r io.Reader, gaz *Gazetteer) (graph.Facts, error) {
	t, err := readText(name, r)
	if err != nil {
		return graph.Facts{}, err
	}
	return parseArticle(t, gaz)
}

// parseArticle parses the news article t is (see ParseArticle).
func parseArticle(t *text, gaz *Gazetteer) (graph.Facts, error) {
	body, named, err := articleLines(t)
	if err != nil {
		return graph.Facts{}, err
	}
	a := graph.Article{Doc: t.name}
	var headless bool
	a.Headline, a.Evidence, headless = headline(t, body[0])
	f := graph.Facts{}
	f.Councils, a.CouncilSlugs = articleCouncilsOf(gaz, t, named)
	headClaims, claims := readBody(t, &a, body, headless)
	f.Claims = append(unrestated(headClaims, claims), claims...)
	for i := range f.Claims {
		f.Claims[i].Ordinal = i + 1
	}
	f.Document = t.document(graph.NewsArticle, a.Headline)
	f.Articles = []graph.Article{a}
	return f, nil
}

// articleLines returns the lines of an article's body (its content lines)
// and the lines that can name its councils (content and captions), or an
// error if it has no content.
func articleLines(t *text) (body, named []int, err error) {
	kinds := lineKinds(t.lines)
	for n := 1; n <= len(t.lines); n++ {
		switch kinds[n-1] {
		case contentLine:
			body = append(body, n)
			named = append(named, n)
		case captionLine:
			named = append(named, n)
		}
	}
	if len(body) == 0 {
		for n := 1; n <= len(t.lines); n++ {
			if strings.TrimSpace(t.lines[n-1]) != "" {
				return nil, nil, errorf(t.name, n, "expected an article's text; found only what a news site puts around one, such as %s", found(strings.TrimSpace(t.lines[n-1])))
			}
		}
		return nil, nil, errorf(t.name, 1, "expected an article's text; found an empty document")
	}
	return body, named, nil
}

// headline returns an article's headline, its evidence, and whether the
// article is headless: its first line of body, n, reads as a sentence, so
// that its first sentence stands for the headline.
func headline(t *text, n int) (string, []graph.Span, bool) {
	head := t.whole(n)
	if !isSentence(head.Quote) {
		return head.Quote, []graph.Span{head}, false
	}
	// No headline: the first sentence stands for it.
	s := sentences(head.Quote)[0]
	first := subSpan(head, s[0], s[1])
	return first.Quote, []graph.Span{first}, true
}

// articleCouncilsOf returns the councils the named lines of an article
// name, each once with the evidence of every mention, and their slugs, in
// the order of the text.
func articleCouncilsOf(gaz *Gazetteer, t *text, named []int) ([]graph.Council, []string) {
	var councils []graph.Council
	var slugs []string
	at := map[string]int{} // slug → index in councils
	for _, m := range gaz.mentions(t, named) {
		i, seen := at[m.council.Slug]
		if !seen {
			at[m.council.Slug] = len(councils)
			councils = append(councils, m.council)
			slugs = append(slugs, m.council.Slug)
			continue
		}
		councils[i].Evidence = append(councils[i].Evidence, m.council.Evidence...)
	}
	return councils, slugs
}

// readBody quotes the body's lines into a, with the business years they
// write, and returns their claims: the headline's (the first line's, unless
// the article is headless) apart from the rest.
func readBody(t *text, a *graph.Article, body []int, headless bool) (headClaims, claims []graph.Claim) {
	years := map[int]bool{}
	last := len(t.lines)
	for last > 0 && strings.TrimSpace(t.lines[last-1]) == "" {
		last--
	}
	for _, n := range body {
		a.Body = append(a.Body, t.whole(n))
		for _, y := range yearsIn(t.lines[n-1]) {
			a.YearSpans = append(a.YearSpans, t.span(n, y.a, y.b))
			if !years[y.first] {
				years[y.first] = true
				a.Years = append(a.Years, graph.Year{First: y.first})
			}
		}
		cs := claimsIn(t, n, t.name)
		if n == last && !endsSentence(strings.TrimSpace(t.lines[n-1])) {
			cs = withoutCutClaims(t.lines[n-1], cs)
		}
		if n == body[0] && !headless {
			headClaims = cs
		} else {
			claims = append(claims, cs...)
		}
	}
	return headClaims, claims
}

// withoutCutClaims drops, in place, the claims cs of a line's last sentence.
// The article stops mid-sentence, perhaps cut off: a number in its last,
// unfinished sentence may be cut short ("£8,0"), so it is no claim.
func withoutCutClaims(line string, cs []graph.Claim) []graph.Claim {
	sents := sentences(line)
	if len(sents) > 0 {
		cut := sents[len(sents)-1]
		kept := cs[:0]
		for _, c := range cs {
			if c.Evidence[0].Start < utf8.RuneCountInString(line[:cut[0]]) {
				kept = append(kept, c)
			}
		}
		cs = kept
	}
	return cs
}

// unrestated returns the headline's claims that the body's claims do not
// state again: the same value and unit.
func unrestated(headClaims, claims []graph.Claim) []graph.Claim {
	var kept []graph.Claim
	for _, h := range headClaims {
		restated := false
		for _, c := range claims {
			restated = restated || c.Unit == h.Unit && c.Value == h.Value && sameUpper(c.Upper, h.Upper)
		}
		if !restated {
			kept = append(kept, h)
		}
	}
	return kept
}

func sameUpper(x, y *float64) bool { return x == nil && y == nil || x != nil && y != nil && *x == *y }

// isSentence reports whether a line reads as running text rather than a
// headline: it ends with a full stop, question or exclamation mark.
func isSentence(s string) bool { return endsSentence(s) }

// endsSentence reports whether text ends a sentence: with a full stop,
// question or exclamation mark, perhaps inside quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, `"'”’) `)
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?")
}

// Business years as journalists write them.
var (
	// yearWritten finds "2020/21", "2020-21", "2020/2021", "2012-2013".
	yearWritten = regexp.MustCompile(`\b((?:19|20)\d{2})\s?[/–-]\s?(\d{2}(?:\d{2})?)\b`)
	// dateSpan finds two dates a period runs between: "between April 1,
	// 2020 to March 31, 2021", "Between April 2016 and March 2017", "the
	// period 1st April 2021 to 31st March 2022", "April 2020 till April 2021".
	dateSpan = regexp.MustCompile(`(?i)\b(?P<lead>(?:between|from|covering|during|over|for)\s+)?(?P<period>the\s+(?:period|(?:financial\s+|business\s+)?year)\s+(?:of\s+|from\s+|between\s+)?)?` +
		monthDate("1") + `\s*,?\s*(?:to|and|till|until|through|[-–—])\s*` + monthDate("2"))
	// yearTo finds "the year to March 2022", "the year ending 31 March 2020",
	// "year ended 31st March 2021".
	yearTo = regexp.MustCompile(`(?i)\b(?:(?:the|a)\s+)?(?:financial\s+|business\s+)?year\s+(?:to|ending|ended|up\s+to)\s+(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?March(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?,?\s+((?:19|20)\d{2})\b`)
)

// monthDate is a date with a month and year, and perhaps a day before or
// after the month; its groups are named with the suffix.
func monthDate(k string) string {
	return `(?:(?P<dayA` + k + `>\d{1,2})(?:st|nd|rd|th)?\s+)?(?P<month` + k + `>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?` +
		`(?:\s+(?P<dayB` + k + `>\d{1,2})(?:st|nd|rd|th)?)?,?\s+(?P<year` + k + `>(?:19|20)\d{2})\b`
}

// yearHit is a business year written at bytes [a,b) of a line.
type yearHit struct {
	first, a, b int
}

// yearsIn finds the business years a line writes: "2019/20", "2012-2013",
// a period from 1 April to 31 March of the next year (or, written loosely,
// from April to April), and "the year to March 2022". A window that is no
// business year, such as a tax year (6 April to 5 April), a quarter or the
// dates of a case's events, is none; neither is a range of years such as
// "2018-2020".
func yearsIn(line string) []yearHit {
	var out []yearHit
	for _, m := range yearWritten.FindAllStringSubmatchIndex(line, -1) {
		first, _ := strconv.Atoi(line[m[2]:m[3]])
		second, _ := strconv.Atoi(line[m[4]:m[5]])
		if second%100 != (first+1)%100 || (second >= 100 && second != first+1) {
			continue // a range of years such as 2018-2020, not a business year
		}
		out = append(out, yearHit{first, m[0], m[1]})
	}
	lower := strings.ToLower(line)
	var spans, tos [][]int
	if strings.Contains(lower, "apr") {
		spans = dateSpan.FindAllStringSubmatchIndex(line, -1)
	}
	if strings.Contains(lower, "mar") {
		tos = yearTo.FindAllStringSubmatchIndex(line, -1)
	}
	for _, m := range spans {
		get := func(name string) string {
			i := dateSpan.SubexpIndex(name)
			if m[2*i] < 0 {
				return ""
			}
			return line[m[2*i]:m[2*i+1]]
		}
		day := func(k string) string { return get("dayA"+k) + get("dayB"+k) }
		y1, _ := strconv.Atoi(get("year1"))
		y2, _ := strconv.Atoi(get("year2"))
		m1, m2 := strings.ToLower(get("month1")[:3]), strings.ToLower(get("month2")[:3])
		d1, d2 := day("1"), day("2")
		if y2 != y1+1 || m1 != "apr" || d1 != "" && d1 != "1" && d1 != "01" {
			continue
		}
		// Said to be a period ("between", "the period", "the year"), or
		// to the day: a case's events can run from one April to a March.
		lead := strings.ToLower(strings.TrimSpace(get("lead")))
		said := get("period") != "" || lead == "between" || lead == "covering"
		exact := d1 != "" && d2 == "31"
		if m2 == "mar" && (d2 == "" || d2 == "31") && (said || exact) || m2 == "apr" && d1 == "" && d2 == "" && said {
			a := m[0]
			if i := dateSpan.SubexpIndex("period"); m[2*i] >= 0 {
				a = m[2*i] // "the period …", not "during the period …"
			}
			out = append(out, yearHit{y1, a, m[1]})
		}
	}
	for _, m := range tos {
		d := ""
		for _, g := range []int{2, 4} {
			if m[g] >= 0 {
				d = line[m[g]:m[g+1]]
			}
		}
		if d == "" || d == "31" {
			y, _ := strconv.Atoi(line[m[6]:m[7]])
			out = append(out, yearHit{y - 1, m[0], m[1]})
		}
	}
	return sortYears(out)
}

// sortYears puts years in the order of their line, the first of
// overlapping ones only.
func sortYears(out []yearHit) []yearHit {
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].a < out[j-1].a; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	kept := out[:0]
	for _, y := range out {
		if len(kept) > 0 && y.a < kept[len(kept)-1].b {
			continue
		}
		kept = append(kept, y)
	}
	return kept
}
