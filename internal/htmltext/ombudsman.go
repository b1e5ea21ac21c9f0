package htmltext

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// siteHost is the Ombudsman's site.
const siteHost = "lgo.org.uk"

// siteNames are the names the Ombudsman's site gives itself.
var siteNames = []string{
	"local government and social care ombudsman",
	"local government ombudsman",
	"lgsco",
	"lgo",
}

// savedFrom is the comment a browser puts at the top of a page it saves,
// with the page's address.
var savedFrom = regexp.MustCompile(`(?i)saved from url=\(\d+\)\s*(\S+)`)

// ombudsmanSite reports whether doc is a page of the Ombudsman's own site,
// by what it says about itself:
//
//  1. the address it gives for itself (link rel=canonical, og:url, the
//     "saved from url" comment a browser writes when it saves a page, or
//     base href): on lgo.org.uk it is the Ombudsman's, anywhere else it is
//     not;
//  2. else the site's name in og:site_name or application-name, or as the
//     last part of the title ("… - Local Government and Social Care
//     Ombudsman");
//  3. else its links: two or more root-relative links under
//     /your-councils-performance/ (a path of the site's own); or, as in a
//     page saved with its links made absolute, more than half of its links
//     to lgo.org.uk and two or more of them under /your-councils-performance/.
//     A news page that links to councils' performance pages has most of its
//     links on its own site.
func ombudsmanSite(doc *html.Node) bool {
	if host, ok := selfAddress(doc); ok {
		return onSite(host)
	}
	if named(doc) {
		return true
	}
	return linksToSite(doc)
}

// onSite reports whether host is the Ombudsman's site.
func onSite(host string) bool {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	return host == siteHost || strings.HasSuffix(host, "."+siteHost)
}

// selfAddress returns the host of the address a page gives for itself.
func selfAddress(doc *html.Node) (string, bool) {
	var host string
	found := false
	consider := func(raw string) {
		if found {
			return
		}
		u, err := url.Parse(strings.TrimSpace(raw))
		if err == nil && u.Host != "" {
			host, found = u.Hostname(), true
		}
	}
	visit(doc, func(n *html.Node) bool {
		switch {
		case n.Type == html.CommentNode:
			if m := savedFrom.FindStringSubmatch(n.Data); m != nil {
				consider(m[1])
			}
		case n.Type != html.ElementNode:
		case n.DataAtom == atom.Link && hasToken(attr(n, "rel"), "canonical"):
			consider(attr(n, "href"))
		case n.DataAtom == atom.Meta && strings.EqualFold(metaKey(n), "og:url"):
			consider(attr(n, "content"))
		case n.DataAtom == atom.Base:
			consider(attr(n, "href"))
		case n.DataAtom == atom.Body:
			return false // what a page says about itself is in its head
		}
		return true
	})
	return host, found
}

// named reports whether the page gives the site's name as its own.
func named(doc *html.Node) bool {
	isName := func(s string) bool {
		s = strings.ToLower(strings.Join(strings.Fields(s), " "))
		for _, name := range siteNames {
			if s == name {
				return true
			}
		}
		return false
	}
	yes := false
	visit(doc, func(n *html.Node) bool {
		if yes || n.Type != html.ElementNode {
			return !yes
		}
		switch n.DataAtom {
		case atom.Meta:
			switch strings.ToLower(metaKey(n)) {
			case "og:site_name", "application-name", "apple-mobile-web-app-title":
				yes = isName(attr(n, "content"))
			}
		case atom.Title:
			t := textContent(n)
			if i := strings.LastIndexAny(t, "|-–—"); i >= 0 {
				_, size := firstRune(t[i:])
				yes = isName(t[i+size:])
			}
		case atom.Body:
			return false
		}
		return !yes
	})
	return yes
}

// linksToSite reports whether a page's links say it is on the Ombudsman's
// site: links of its own site (root-relative) to councils' performance pages,
// which no other site has; or, in a page saved with every link made absolute,
// most links going to lgo.org.uk, some of them to performance pages.
func linksToSite(doc *html.Node) bool {
	var links, site, performance, ownPerformance int
	visit(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode || n.DataAtom != atom.A {
			return true
		}
		href := strings.TrimSpace(attr(n, "href"))
		u, err := url.Parse(href)
		if err != nil || href == "" || strings.HasPrefix(href, "#") || u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
			return true
		}
		links++
		toPerformance := strings.HasPrefix(strings.ToLower(u.Path), "/your-councils-performance/")
		switch {
		case u.Host == "" && toPerformance:
			ownPerformance++
		case u.Host != "" && onSite(u.Hostname()):
			site++
			if toPerformance {
				performance++
			}
		}
		return true
	})
	return ownPerformance >= 2 || performance >= 2 && site*2 > links
}

// metaKey returns a meta element's property or name.
func metaKey(n *html.Node) string {
	if p := attr(n, "property"); p != "" {
		return strings.TrimSpace(p)
	}
	return strings.TrimSpace(attr(n, "name"))
}

// ombudsmanText returns the text of an Ombudsman's page: its main element
// (or, without one, the element its "Skip to main content" link leads to,
// or else its body), less the site's furniture.
func ombudsmanText(doc *html.Node) (string, error) {
	main := mainElement(doc)
	if main != nil {
		dropFurniture(main, false)
		if text := render(main); text != "" {
			return text, nil
		}
	}
	body := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		return "", noMain("the page has no body")
	}
	dropFurniture(body, true)
	if text := render(body); text != "" {
		return text, nil
	}
	if main != nil {
		return "", noMain("the page's main element has no text, and nothing outside its header, navigation, footer and cookie panel has any")
	}
	return "", noMain("the page has no text outside its header, navigation, footer and cookie panel")
}

// mainElement returns the element that holds a page's main content: main
// (or role=main), else the target of a "Skip to …" link, else nil.
func mainElement(doc *html.Node) *html.Node {
	if m := find(doc, func(n *html.Node) bool {
		return (n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main")) && !hidden(n)
	}); m != nil {
		return m
	}
	var target string
	visit(doc, func(n *html.Node) bool {
		if target == "" && n.Type == html.ElementNode && n.DataAtom == atom.A && skipLink(n) {
			target = fragment(n)
		}
		return target == ""
	})
	if target == "" {
		return nil
	}
	return find(doc, func(n *html.Node) bool { return attr(n, "id") == target })
}

// furnitureClass matches a word of the class or id (see names) of a cookie
// panel or consent banner, or of a "Skip to" or "Back to top" link.
var furnitureClass = regexp.MustCompile(`(?:^|[-_ ])(?:cookies?|cookie-?(?:banner|panel|consent|settings|notice)|consent|gdpr|privacy-?(?:settings|panel|banner)|skip-?links?|back-?to-?top)(?:[-_ ]|$)`)

// dropFurniture removes the site's furniture from under root: navigation,
// search forms, cookie panels, "Skip to" and "Back to top" links; and, when
// whole is set (root is the whole body, not its main element), the header,
// footer and banner of the site, which in a main element would be a
// section's own.
func dropFurniture(root *html.Node, whole bool) {
	var drop []*html.Node
	visit(root, func(n *html.Node) bool {
		if n == root || n.Type != html.ElementNode {
			return true
		}
		role := strings.ToLower(attr(n, "role"))
		switch {
		case n.DataAtom == atom.Nav, role == "navigation", role == "search", n.DataAtom == atom.Search,
			n.DataAtom == atom.Form && strings.Contains(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), "search"),
			role == "banner" || role == "contentinfo",
			whole && (n.DataAtom == atom.Header || n.DataAtom == atom.Footer) && !inSection(n, root),
			furnitureClass.MatchString(names(n, "class", "id")),
			strings.Contains(strings.ToLower(attr(n, "aria-label")), "cookie"),
			n.DataAtom == atom.A && (skipLink(n) || backToTop(n)):
			drop = append(drop, n)
			return false
		}
		return true
	})
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
}

// inSection reports whether n is inside an article, section or main element
// under root, where a header or footer is that section's own.
func inSection(n, root *html.Node) bool {
	for p := n.Parent; p != nil && p != root; p = p.Parent {
		switch p.DataAtom {
		case atom.Article, atom.Section, atom.Main:
			return true
		}
	}
	return false
}

// skipLink reports whether a is a "Skip to main content" link.
func skipLink(a *html.Node) bool {
	return fragment(a) != "" && strings.HasPrefix(strings.ToLower(textContent(a)), "skip to")
}

// backToTop reports whether a is a "Back to top" link.
func backToTop(a *html.Node) bool {
	t := strings.ToLower(textContent(a))
	return fragment(a) != "" && (t == "back to top" || t == "top of page" || t == "return to top" || t == "top")
}

// fragment returns the fragment of a link's address: "main" for "#main",
// and for "https://…/page#main", as a browser writes the links of a page it
// saves.
func fragment(a *html.Node) string {
	href := strings.TrimSpace(attr(a, "href"))
	if i := strings.IndexByte(href, '#'); i >= 0 {
		return href[i+1:]
	}
	return ""
}
