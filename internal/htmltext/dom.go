package htmltext

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// visit calls fn on root and its descendants in document order, without
// recursion; fn's false skips the node's descendants.
func visit(root *html.Node, fn func(*html.Node) bool) {
	n := root
	for {
		if fn(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for {
			if n == root {
				return
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
}

// find returns the first element under root (root included) for which ok
// holds, or nil.
func find(root *html.Node, ok func(*html.Node) bool) *html.Node {
	var found *html.Node
	visit(root, func(n *html.Node) bool {
		if found != nil {
			return false
		}
		if n.Type == html.ElementNode && ok(n) {
			found = n
			return false
		}
		return true
	})
	return found
}

// textContent returns the text under n, scripts and styles left out, its
// white space collapsed.
func textContent(n *html.Node) string {
	var b strings.Builder
	visit(n, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
			b.WriteByte(' ')
		case html.ElementNode:
			switch c.Data {
			case "script", "style", "noscript", "template":
				return false
			}
		}
		return true
	})
	return strings.Join(strings.Fields(b.String()), " ")
}

// hasToken reports whether the space-separated list s holds token, in any
// case.
func hasToken(s, token string) bool {
	for _, f := range strings.Fields(s) {
		if strings.EqualFold(f, token) {
			return true
		}
	}
	return false
}

// firstRune returns the first rune of s and its size.
func firstRune(s string) (rune, int) {
	return utf8.DecodeRuneInString(s)
}

// names returns the values of n's attributes keys, lower-cased, separated by
// spaces, for matching the words of class names and ids: camel case is split
// ("cookieBanner" is "cookie-banner").
func names(n *html.Node, keys ...string) string {
	var b strings.Builder
	for _, k := range keys {
		v := attr(n, k)
		for i, r := range v {
			if r >= 'A' && r <= 'Z' {
				if i > 0 && v[i-1] >= 'a' && v[i-1] <= 'z' {
					b.WriteByte('-')
				}
				r += 'a' - 'A'
			}
			b.WriteRune(r)
		}
		b.WriteByte(' ')
	}
	return b.String()
}
