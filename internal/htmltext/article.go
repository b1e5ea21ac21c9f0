package htmltext

import (
	"regexp"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An article's main content is found by codeberg.org/readeck/go-readability/v2,
// a line-by-line Go port of Mozilla's Readability.js, the code behind
// Firefox's Reader View: it scores the page's blocks by their text, commas
// and link density and by class and id names ("comment", "related",
// "sidebar", "share", "ad-break", …), keeps the best one and its siblings,
// and cleans it of the asides, forms, share bars and link lists left in it.
// It is the maintained successor of github.com/go-shiori/go-readability,
// whose module is marked deprecated in favour of it; it follows
// Readability.js 0.6, is faster, and reads the headline from JSON-LD and
// Open Graph metadata. Its own text rendering drops list markers, so the
// content it finds is laid out here by render.

// captionClass matches a word of the class, id or data-component (see
// names) of what readability may keep that is not the article's text:
// captions, credits and bylines, share bars, related links and adverts
// inside the content. Whole words only: "social-care" is no share bar.
var captionClass = regexp.MustCompile(`(?:^|[-_ ])(?:caption|credits?|copyright|byline|authors?|dateline|most-?read|related|share|sharing|share-?(?:bar|tools|buttons|links)|social-?(?:share|links|icons|media|buttons)|adverts?|advertisement|ad-?slot|ads?|newsletter|promo|comments?|cookies?|consent|tag-?list|tags)(?:[-_ ]|$)`)

// furnitureText matches a paragraph that is only the label of an advert or
// of a box that is not the article's.
var furnitureText = regexp.MustCompile(`(?i)^(advertisement|advert|hide ad|sponsored|most read|most popular|trending|share this (article|story|page)|share|comments?( \(\d+\))?|leave a (reply|comment)|sign up to our .*newsletter.*)$`)

// readMore matches the start of an inline link to another article.
var readMore = regexp.MustCompile(`(?i)^(read more|read next|see also|related|more on this story|watch)\s*[:|-]`)

// linksHeading matches the heading of a list of links to other pages.
var linksHeading = regexp.MustCompile(`(?i)^(most read|most popular|most viewed|related( topics| articles| stories| content| links| news)?|more (from|on) .{1,40}|more stories|more news|you may also like|you might also like|read next|recommended( for you)?|top stories|trending( now)?|latest news|topics|tags)$`)

// articleText returns an article's headline and main content.
func articleText(doc *html.Node) (string, error) {
	h1s := headings(doc)
	parser := readability.NewParser()
	parser.KeepClasses = true // for dropArticleFurniture
	art, err := parser.ParseDocument(doc, nil)
	if err != nil {
		return "", noMain("readability could not read the page: %v", err)
	}
	// The headline as it shows: white space collapsed, invisible and
	// control characters dropped.
	headline := strings.Join(strings.Fields(clean(chooseHeadline(art.Title(), h1s))), " ")
	if art.Node == nil {
		return "", noMain("readability found no article text in the page")
	}
	dropArticleFurniture(art.Node)
	body := render(art.Node)
	// Readability keeps a heading that repeats the title; the headline is
	// written once.
	if first, rest, _ := strings.Cut(body, "\n"); headline != "" && sameText(first, headline) {
		body = strings.TrimLeft(rest, "\n")
	}
	if strings.TrimSpace(body) == "" {
		return "", noMain("readability found no article text in the page, only its headline")
	}
	if headline == "" {
		return body, nil
	}
	return headline + "\n\n" + body, nil
}

// h1 is a top-level heading of a page, and whether it is in the page's
// article or main element.
type h1 struct {
	text    string
	article bool
}

// headings returns the page's h1 elements, outside its site header,
// navigation and footer.
func headings(doc *html.Node) []h1 {
	var out []h1
	visit(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		switch n.DataAtom {
		case atom.Nav, atom.Footer, atom.Header, atom.Script, atom.Style, atom.Template, atom.Noscript:
			// An article's header holds its h1 (article > header > h1);
			// the site's header holds its logo.
			return n.DataAtom == atom.Header && inArticle(n)
		case atom.H1:
			if !hidden(n) {
				if t := textContent(n); t != "" {
					out = append(out, h1{t, inArticle(n)})
				}
			}
			return false
		}
		return !hidden(n)
	})
	return out
}

// inArticle reports whether n is inside an article or main element.
func inArticle(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Article || p.DataAtom == atom.Main || strings.EqualFold(attr(p, "role"), "main") {
			return true
		}
	}
	return false
}

// titleSeparator splits a title into its parts: "Headline | Site".
var titleSeparator = regexp.MustCompile(`\s+[|\-–—:»/]{1,2}\s+`)

// chooseHeadline picks the headline, as the page shows it:
//
//  1. the h1 that readability's title (from JSON-LD, Open Graph or the title
//     element) or a part of the title of three words or more is part of, or
//     that is most of the title;
//  2. else the only h1 of the article or main element;
//  3. else the title;
//  4. else the only h1.
func chooseHeadline(title string, h1s []h1) string {
	title = strings.Join(strings.Fields(title), " ")
	parts := []string{title}
	for _, p := range titleSeparator.Split(title, -1) {
		if len(strings.Fields(p)) >= 3 {
			parts = append(parts, p)
		}
	}
	for _, h := range h1s {
		for _, p := range parts {
			if p != "" && (containsText(h.text, p) || containsText(p, h.text) && len(h.text) >= len(p)/2) {
				return h.text
			}
		}
	}
	var inArticle []string
	for _, h := range h1s {
		if h.article {
			inArticle = append(inArticle, h.text)
		}
	}
	switch {
	case len(inArticle) == 1:
		return inArticle[0]
	case title != "":
		return title
	case len(h1s) == 1:
		return h1s[0].text
	}
	return ""
}

// norm folds s for comparing: lower case, letters and digits only.
func norm(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r > 0x7f && r != '\u2019' && r != '\u2018' && r != '\u201c' && r != '\u201d':
			return r
		}
		return -1
	}, s)
}

func sameText(a, b string) bool { return norm(a) == norm(b) && norm(a) != "" }

func containsText(a, b string) bool { return norm(b) != "" && strings.Contains(norm(a), norm(b)) }

// dropArticleFurniture removes from readability's content what is not the
// article's text: figure captions and credits, related links and adverts it
// kept, and "Read more: …" links to other articles.
func dropArticleFurniture(root *html.Node) {
	var drop []*html.Node
	visit(root, func(n *html.Node) bool {
		if n == root || n.Type != html.ElementNode {
			return true
		}
		switch {
		case n.DataAtom == atom.Figcaption,
			n.DataAtom == atom.Aside,
			n.DataAtom == atom.Figure && hasMedia(n),
			captionClass.MatchString(names(n, "class", "id", "data-component")),
			linkList(n),
			blockish(n) && furnitureText.MatchString(textContent(n)),
			blockish(n) && readMore.MatchString(textContent(n)) && linkDensity(n) > 0.5:
			drop = append(drop, n)
			if heading(n) {
				// The list of links under it goes with it.
				drop = append(drop, nextElement(n))
			}
			return false
		}
		return true
	})
	for _, n := range drop {
		if n != nil && n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

// nextElement returns the element after n, or nil.
func nextElement(n *html.Node) *html.Node {
	next := n.NextSibling
	for next != nil && next.Type != html.ElementNode {
		next = next.NextSibling
	}
	return next
}

// hasMedia reports whether n holds an image, a video or an embed, as a
// figure whose text is then its caption and credit.
func hasMedia(n *html.Node) bool {
	return find(n, func(c *html.Node) bool {
		switch c.DataAtom {
		case atom.Img, atom.Picture, atom.Video, atom.Iframe, atom.Svg, atom.Object, atom.Embed, atom.Audio:
			return true
		}
		return false
	}) != nil
}

// linkList reports whether n is a list of links to other pages under its
// heading ("Related Topics", "More from …"), or such a heading above one.
func linkList(n *html.Node) bool {
	if !blockish(n) {
		return false
	}
	if heading(n) {
		next := nextElement(n)
		return linksHeading.MatchString(textContent(n)) && next != nil && linkDensity(next) > 0.5
	}
	// A block that starts with such a heading, and is links besides.
	first := n.FirstChild
	for first != nil && (first.Type != html.ElementNode && strings.TrimSpace(first.Data) == "" || first.Type == html.CommentNode) {
		first = first.NextSibling
	}
	if first == nil || first.Type != html.ElementNode || !heading(first) || !linksHeading.MatchString(textContent(first)) {
		return false
	}
	all := len(textContent(n)) - len(textContent(first))
	return all > 0 && float64(linkedLen(n))/float64(all) > 0.5
}

// heading reports whether n is a heading element.
func heading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// blockish reports whether n is a block that a label may fill.
func blockish(n *html.Node) bool {
	return blockBreaks(n.DataAtom) > 0
}

// linkDensity is the share of n's text that is link text.
func linkDensity(n *html.Node) float64 {
	all := len(textContent(n))
	if all == 0 {
		return 0
	}
	return float64(linkedLen(n)) / float64(all)
}

// linkedLen is the length of the link text under n.
func linkedLen(n *html.Node) int {
	linked := 0
	visit(n, func(c *html.Node) bool {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			linked += len(textContent(c))
			return false
		}
		return true
	})
	return linked
}
