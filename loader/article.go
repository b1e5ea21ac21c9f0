package loader

import (
	"io"
	"regexp"
	"slices"
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

func parseArticle(t *text, gaz *Gazetteer) (graph.Facts, error) {
	kinds := lineKinds(t.lines)
	var body, named []int // content lines; lines that can name councils
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
				return graph.Facts{}, errorf(t.name, n, "expected an article's text; found only what a news site puts around one, such as %s", found(strings.TrimSpace(t.lines[n-1])))
			}
		}
		return graph.Facts{}, errorf(t.name, 1, "expected an article's text; found an empty document")
	}
	a := graph.Article{Doc: t.name}
	head := t.whole(body[0])
	a.Headline, a.Evidence = head.Quote, []graph.Span{head}
	headless := isSentence(head.Quote)
	if headless {
		// No headline: the first sentence stands for it.
		s := sentences(head.Quote)[0]
		first := subSpan(head, s[0], s[1])
		a.Headline, a.Evidence = first.Quote, []graph.Span{first}
	}
	f := graph.Facts{}
	at := map[string]int{} // slug → index in f.Councils
	for _, m := range gaz.mentions(t, named) {
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
	var headClaims, claims []graph.Claim
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
		cs := claimsIn(t, n, t.name, 1)
		if n == last && !endsSentence(strings.TrimSpace(t.lines[n-1])) {
			// The article stops mid-sentence, perhaps cut off: a number in
			// its last, unfinished sentence may be cut short ("£8,0"), so it
			// is no claim.
			sents := sentences(t.lines[n-1])
			if len(sents) > 0 {
				cut := sents[len(sents)-1]
				kept := cs[:0]
				for _, c := range cs {
					if c.Evidence[0].Start < utf8.RuneCountInString(t.lines[n-1][:cut[0]]) {
						kept = append(kept, c)
					}
				}
				cs = kept
			}
		}
		if n == body[0] && !headless {
			headClaims = cs
		} else {
			claims = append(claims, cs...)
		}
	}
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
	f.Claims = append(kept, claims...)
	for i := range f.Claims {
		f.Claims[i].Ordinal = i + 1
	}
	f.Document = t.document(graph.NewsArticle, a.Headline)
	f.Articles = []graph.Article{a}
	return f, nil
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

// lineKind says what a line of an article is.
type lineKind int

const (
	contentLine lineKind = iota
	// captionLine is a photo's caption: it may name the councils the story
	// is about, but states no claim of the article and carries no theme.
	captionLine
	// furnitureLine is what the news site puts around the article:
	// navigation, related links, adverts, sign-up and cookie notices,
	// bylines and datelines, share bars, comments.
	furnitureLine
	blankLine
)

var (
	// navHeader starts a list of links to other stories.
	navHeader = regexp.MustCompile(`(?i)^(?:most read|most popular|most viewed|most commented|related|related topics|related articles|related stories|related content|related news|related links|more from [^.!?]{1,40}|more on this story|more stories|more news|you may also like|you might also like|read next|recommended|recommended for you|top stories|trending|trending now|latest news|latest stories|in other news|more like this|also in the news|don't miss|popular)$`)
	// furnitureWhole is a line that is a site's furniture by itself.
	furnitureWhole = regexp.MustCompile(`(?i)^(?:share|save|share this|share this article|share this story|share on facebook|print|email|like this:?|like loading\.*|loading\.*|advertisement|- advertisement -|hide ad|ad|sponsored|search|advanced search|newsnews|news|menu|home|skip to (?:main )?content|sign up|sign in|log in|subscribe|newsletter sign ?up|comments|show comments|view comments|accept|accept all|reject all|cookie settings|manage cookies|back to top|next article|previous article|follow us|listen|listen to this article|watch|close|copy link|more|see more|show more)$`)
	// storyLink starts a link to another story: "READ MORE: …".
	storyLink = regexp.MustCompile(`(?i)^(?:read more|read next|read also|also read|see also|related|watch|watch more|more|listen|don't miss|you may also like|recommended)\s*:`)
	// creditLine is a photo's credit alone on its line.
	creditLine = regexp.MustCompile(`(?i)^(?:getty images?|pa media|pa wire|pa|alamy|shutterstock|reuters|archant|afp|ap|istock|istockphoto|pexels|unsplash|google street ?view|google maps|stock image|stock photo|file photo|file picture|archive photo|archive picture|archive image|library picture|library image|supplied|contributed)\.?$`)
	// captionCredit is a photo's credit that ends a caption: "… - Credit:
	// Google Streetview", "… Picture: Archant".
	captionCredit = regexp.MustCompile(`(?i)(?:^(?:picture|photo|image|pic|photograph|credit)s?(?: credit)?\s*:|\s[-–|]\s*(?:credit|picture|photo|image|pic)s?\s*:|(?:^|[.!?]["'”’]?\s+)(?:picture|photo|image|pic|photograph)s?(?: credit)?\s*:\s*[^.!?]{1,80}$|\((?:picture|photo|image|pic|photograph|credit)s?(?: credit)?\s*:[^()]{1,80}\)\s*$)`)
	// signUp is a newsletter, subscription, cookie, advert or contact notice.
	signUp = regexp.MustCompile(`(?i)(?:\bnewsletters?\b.*\b(?:sign[ -]?up|subscribe|inbox|email address|signing up)\b|\b(?:sign[ -]?up|subscribe)\b.*\bnewsletters?\b|\bwe use cookies\b|\buse of cookies\b|\bcookie (?:policy|settings|preferences)\b|\baccept (?:all )?cookies\b|\ball rights reserved\b|^©|^\(c\) \d{4}|\bad-lite\b|\bfewer ads\b|\bad-free\b|\b(?:support|fund|back)\s+(?:quality,?\s+)?(?:independent,?\s+)?(?:local\s+)?journalism\b|\bsubscri(?:be|ption)\b.*£\d+(?:\.\d+)?\s*(?:a|per|/)\s*(?:day|week|month|year)\b|^sign up (?:to|for) (?:our|the)\b|\b(?:sent to|straight to|direct to|in) your inbox\b|\bfreeview channel\b|^watch more (?:of our )?videos\b|^visit shots\b|^got a story\b|^do you have a story\b|\bemail (?:the )?newsdesk\b|^thank you for (?:signing up|subscribing)\b|\bnewspapers in english\b|\bnewspapers from united kingdom\b|^download (?:our|the) app\b|^follow us on\b)`)
	// byline and dateline are a story's author and time of publication.
	byline   = regexp.MustCompile(`^(?:[Bb]y|BY)\s+[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’.-]+){0,3}(?:\s*(?:,|and|&|\||-|–)\s*.*|\s+\S+@\S+.*|\s+@\w+.*)?$`)
	dateline = regexp.MustCompile(`(?i)^(?:(?:last\s+)?(?:updated|published|posted|modified)\b[^.!?]{0,60}\d|posted (?:by|on)\b.*|date \d{4}-\d{2}-\d{2}.*|\d{1,2}[:.]\d{2}\s*(?:am|pm)?,?\s.*\d{4}.*|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}.*|[a-z]+ \d{1,2}, \d{4} at \d{1,2}[:.]\d{2}\s*(?:am|pm)?)$`)
	// reporterTitle is a byline's second line.
	reporterTitle = regexp.MustCompile(`(?i)^(?:local democracy reporter|local democracy reporting service|(?:chief|senior|trainee|political|health|education|council|community|news|business|court|crime|local)?\s*(?:reporter|editor|correspondent|journalist))$`)
	// commentsStart starts a story's comments, which run to its end.
	commentsStart = regexp.MustCompile(`(?i)^(?:\d+\s+(?:thoughts|comments|responses|replies)\s+(?:on|to)\b.*|comments\s*\(\d+\)|\d+\s+comments?|leave a (?:reply|comment)|join the conversation|have your say(?: on this (?:story|article))?\.?(?:\s+comments?\b.*)?|add your comment|post a comment|comments are closed\.?)$`)
	// adSlot is an advert's place: "Advertisement Hide Ad".
	adSlot = regexp.MustCompile(`(?i)^(?:(?:advertisement|hide ad|ad|sponsored|-)\s*)+$`)
	// shareBar is a row of networks to share a story on.
	shareBar = regexp.MustCompile(`(?i)^(?:share(?: this(?: article| story)?)?\s*:?\s*)?(?:(?:facebook|twitter|x|whatsapp|email|linkedin|messenger|copy link|pinterest|reddit|print)\s*)+$`)
	// crumbs splits a breadcrumb trail: "Home   Maidstone   News   Article".
	crumbs = regexp.MustCompile(`\s{2,}|\s+[|›»>/]\s+`)
)

// lineKinds sorts the lines of an article into content, captions, the
// site's furniture and blank lines, conservatively: a line is furniture only
// by a form that a story's own text does not take (a "Most Read" heading and
// the links after it, a "- Credit:" caption, a cookie notice, a byline), so
// that no sentence of the story is lost.
func lineKinds(lines []string) []lineKind {
	kinds := make([]lineKind, len(lines))
	seen := map[string]bool{}
	inLinks, inComments, afterCredit := false, false, false
	caption := "" // the caption just before, lower-cased
	first := true // the first line that is not blank: a story's comments never start it
	for i, l := range lines {
		c := strings.TrimSpace(fold(l))
		if c == "" {
			kinds[i] = blankLine
			continue
		}
		k := lineKindOf(c)
		words := len(strings.Fields(c))
		switch {
		case inComments || commentsStart.MatchString(c) && !first:
			inComments = true
			k = furnitureLine
		case navHeader.MatchString(c):
			inLinks = true
			k = furnitureLine
		case inLinks && k == contentLine && !endsSentence(c) && words <= 16:
			k = furnitureLine // a link to another story
		case afterCredit && k == contentLine && words <= 40:
			k = captionLine // the caption under "Getty Images"
		case caption != "" && k == contentLine && words <= 4 && strings.Contains(caption, strings.ToLower(c)):
			k = furnitureLine // the caption's credit again, alone: "Archant"
		case k == contentLine && words >= 4 && seen[c]:
			k = furnitureLine // a caption or credit repeated
		}
		if k == contentLine {
			inLinks = inLinks && !endsSentence(c) && words <= 16
			seen[c] = true
		}
		// A credit alone on its line stands above its caption ("Getty
		// Images", then the caption) unless it follows one.
		afterCredit = k == furnitureLine && creditLine.MatchString(c) && caption == ""
		caption = ""
		if k == captionLine {
			caption = strings.ToLower(c)
		}
		kinds[i] = k
		first = false
	}
	return kinds
}

// signUpWords are words one of which every notice signUp finds has: a
// line without any is no notice, and the regular expression need not run.
var signUpWords = []string{"newsletter", "cookie", "rights reserved", "©", "(c)", "ad-lite", "fewer ads", "ad-free", "journalism",
	"subscri", "sign up", "sign-up", "signup", "inbox", "freeview", "watch more", "visit shots", "a story", "newsdesk",
	"thank you for", "newspapers", "download", "follow us"}

// lineKindOf sorts a line by its own form.
func lineKindOf(c string) lineKind {
	words := len(strings.Fields(c))
	lc := strings.ToLower(c)
	notice := slices.ContainsFunc(signUpWords, func(w string) bool { return strings.Contains(lc, w) })
	credited := strings.Contains(lc, "credit") || strings.Contains(lc, "pic") || strings.Contains(lc, "photo") || strings.Contains(lc, "image")
	short := words <= 16
	switch {
	case short && (furnitureWhole.MatchString(c) || storyLink.MatchString(c) || creditLine.MatchString(c) || shareBar.MatchString(c) || adSlot.MatchString(c)),
		notice && signUp.MatchString(c), words <= 6 && reporterTitle.MatchString(c):
		return furnitureLine
	case short && (byline.MatchString(c) || dateline.MatchString(c)) && !endsSentence(c):
		return furnitureLine
	case credited && captionCredit.MatchString(c):
		return captionLine
	}
	if parts := crumbs.Split(c, -1); len(parts) >= 3 && !endsSentence(c) && !strings.ContainsAny(c, "0123456789") {
		short := true
		for _, p := range parts {
			short = short && len(strings.Fields(p)) <= 3
		}
		if short {
			return furnitureLine
		}
	}
	return contentLine
}
