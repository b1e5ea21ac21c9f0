package loader

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
)

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
		words := countWords(c)
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
	words := countWords(c)
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
	if endsSentence(c) || strings.ContainsAny(c, "0123456789") {
		return contentLine
	}
	if parts := crumbs.Split(c, -1); len(parts) >= 3 {
		short := true
		for _, p := range parts {
			short = short && countWords(p) <= 3
		}
		if short {
			return furnitureLine
		}
	}
	return contentLine
}

// countWords counts the words of s as strings.Fields parts them, without
// making the parts: it is asked of every line of every article.
func countWords(s string) int {
	n, inWord := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !inWord {
			n++
		}
		inWord = !space
	}
	return n
}
