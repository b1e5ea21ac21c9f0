// Package htmltext turns a saved web page (HTML) into the plain text the
// loader reads: the lines a browser shows, as selecting the page's main
// content and copying it gives them.
//
// [Convert] reads two kinds of page, told apart by what the document says
// about itself, never by its file name:
//
//   - [OmbudsmanPage]: a page of the Local Government and Social Care
//     Ombudsman's own site (lgo.org.uk): a council's performance
//     ("Annual statistics", "Complaint overview"), service improvements, a
//     decision, an annual letter or a news release. It is recognised by its
//     canonical address or og:url (or the address a browser records when it
//     saves a page), by the site's name in og:site_name, application-name or
//     the title, or, where it says none of these, by most of its links going
//     to the site with some under /your-councils-performance/. Its structure
//     is kept whole, sections, headings, list items and links such as
//     "View all" included; only the site's furniture is dropped: the header,
//     navigation and footer, the cookie panel, the search form and the
//     "Skip to main content" and "Back to top" links.
//   - [Article]: any other page, such as a news article. Its main content is
//     found by readability (see article.go), which leaves out the site's
//     navigation, cookie notices, related links, "Most Read" boxes, adverts,
//     share bars and comments; captions and inline "Read more" links are
//     dropped after it. The headline is the first line, then a blank line,
//     then the article.
//
// Either way the text is laid out by the rules in render.go: blocks on lines
// of their own, inline elements run together, white space collapsed,
// entities decoded, list items marked "• " or "1. ". The text is UTF-8 with
// no NUL or other control characters but tab and line feed, and each line
// ends with a line feed.
//
// Documents in another encoding are decoded as the HTML standard says (a
// byte order mark, a meta charset, else UTF-8 or Windows-1252).
//
// golang.org/x/net/html parses the page: it is the Go project's own
// implementation of the HTML standard's parsing algorithm, so a page is read
// into the same tree a browser builds, unclosed paragraphs, stray tags and all;
// it is maintained with the Go project and has no dependencies beyond the
// standard library.
package htmltext

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Kind is what Convert took a document for.
type Kind int

// The kinds of document Convert tells apart.
const (
	// NotHTML is a document that is not HTML, such as plain text; the
	// caller reads it some other way. Convert's error then wraps
	// [ErrNotHTML].
	NotHTML Kind = iota
	// OmbudsmanPage is a page of the Ombudsman's own site, its structure
	// kept whole.
	OmbudsmanPage
	// Article is any other page, such as a news article, read for its main
	// content by readability.
	Article
)

// String returns the kind's name: "not HTML", "Ombudsman page" or
// "article".
func (k Kind) String() string {
	switch k {
	case NotHTML:
		return "not HTML"
	case OmbudsmanPage:
		return "Ombudsman page"
	case Article:
		return "article"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

var (
	// ErrNotHTML is wrapped by the error of a document that is not HTML.
	// Convert then returns the kind NotHTML, and the caller may read the
	// document as text instead.
	ErrNotHTML = errors.New("not HTML")
	// ErrNoMainContent is wrapped by the error of an HTML page with no main
	// content: nothing but furniture, or no text at all. Its message is
	// "no main content: " and why.
	ErrNoMainContent = errors.New("no main content")
)

// Convert returns the text of an HTML page's main content, and the kind of
// page it took it for.
//
// The error wraps [ErrNotHTML] (with kind NotHTML) when data is not HTML,
// and [ErrNoMainContent] (with the page's kind) when the page has no main
// content, or none can be taken from it: a page nested more than 512
// elements deep, which the parser refuses, is such a page, of kind Article.
// Every error is one of these two.
func Convert(data []byte) (text string, kind Kind, err error) {
	doc, err := parse(data)
	if errors.Is(err, ErrNotHTML) {
		return "", NotHTML, err
	}
	if err != nil {
		return "", Article, err
	}
	if ombudsmanSite(doc) {
		text, err := ombudsmanText(doc)
		return text, OmbudsmanPage, err
	}
	text, err = articleText(doc)
	return text, Article, err
}

// IsHTML reports whether data is an HTML document, by how it starts (after
// any byte order mark, white space and comments): a doctype, or one of the
// elements that start pages or fragments (html, head, body, meta, title, div,
// p, …), as the MIME sniffing standard and browsers tell HTML from text.
func IsHTML(data []byte) bool {
	s, err := decode(data)
	return err == nil && sniff(s)
}

// parse decodes data and parses it as HTML, or reports that it is not HTML.
func parse(data []byte) (*html.Node, error) {
	s, err := decode(data)
	if err != nil {
		return nil, err
	}
	if !sniff(s) {
		return nil, fmt.Errorf("%w: it starts with %s, not a doctype or an HTML element", ErrNotHTML, start(s))
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		// Reading a string does not fail: the parser refuses a page nested
		// more than 512 elements deep.
		return nil, noMain("the page cannot be parsed: %v", err)
	}
	return doc, nil
}

// decode returns data as UTF-8, decoded from the encoding its byte order
// mark or meta charset declares, as browsers do.
func decode(data []byte) (string, error) {
	if bytes.IndexByte(data, 0) >= 0 && !bytes.HasPrefix(data, []byte{0xff, 0xfe}) && !bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return "", fmt.Errorf("%w: it holds NUL bytes, as a binary file does", ErrNotHTML)
	}
	enc, _, _ := charset.DetermineEncoding(data, "text/html")
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("%w: it cannot be decoded as text: %v", ErrNotHTML, err)
	}
	out = bytes.TrimPrefix(out, []byte("\ufeff"))
	return strings.ToValidUTF8(string(out), "\ufffd"), nil
}

// htmlStarts are the tags that start an HTML document or fragment, as the
// MIME sniffing standard lists them, with the elements that start a saved
// page's fragments besides.
var htmlStarts = []string{
	"!doctype html", "html", "head", "body", "script", "iframe", "h1", "h2", "h3", "h4", "h5", "h6",
	"div", "font", "table", "a", "style", "title", "b", "br", "p", "meta", "link", "main",
	"article", "section", "header", "nav", "span", "ul", "ol", "form", "base", "noscript",
}

// sniff reports whether s starts as HTML does.
func sniff(s string) bool {
	for {
		s = strings.TrimLeft(s, " \t\n\r\f")
		if !strings.HasPrefix(s, "<!--") {
			break
		}
		end := strings.Index(s[4:], "-->")
		if end < 0 {
			return false
		}
		s = s[4+end+3:]
	}
	if strings.HasPrefix(s, "<?xml") {
		// XHTML: an XML declaration, then the html element.
		end := strings.Index(s, "?>")
		if end < 0 {
			return false
		}
		return sniff(s[end+2:])
	}
	if !strings.HasPrefix(s, "<") {
		return false
	}
	s = s[1:]
	for _, tag := range htmlStarts {
		if len(s) > len(tag) && strings.EqualFold(s[:len(tag)], tag) {
			switch s[len(tag)] {
			case ' ', '\t', '\n', '\r', '\f', '>', '/':
				return true
			}
		}
	}
	return false
}

// start quotes the start of s for a message.
func start(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "nothing"
	}
	if i := strings.IndexAny(s, "\n\r"); i >= 0 {
		s = s[:i]
	}
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// noMain returns the error of a page with no main content.
func noMain(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrNoMainContent, fmt.Sprintf(format, args...))
}
