package htmltext

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The rules by which an element's text becomes lines, as a browser lays it
// out and as its copy gives it (the innerText algorithm of the HTML standard,
// with list markers added as Firefox's copy does):
//
//   - a paragraph or heading (p, h1–h6) stands apart: a blank line before
//     and after it;
//   - any other block (div, section, article, li, dd, dt, blockquote, tr,
//     address, figure, …) starts and ends a line;
//   - br ends a line (two in a row leave a blank line); runs of blank lines
//     become one;
//   - inline elements (a, span, strong, em, abbr, time, …) run together with
//     the text around them, with no space added: "<a>View</a>Adjusted" is
//     "ViewAdjusted", as copying gives it;
//   - white space (space, tab, line feed, carriage return, form feed)
//     collapses to one space, and none is kept at the start or end of a
//     line; a no-break space is kept; soft hyphens and zero-width spaces,
//     which a browser does not show, are dropped; pre keeps its white space;
//   - a list item starts with "• " (ul, menu) or "N. " (ol, counting from its
//     start and value attributes); a nested list is indented two spaces a
//     level, and the lines of an item after its first are indented to its
//     text;
//   - the cells of a table row are separated by a tab, a row is a line;
//   - what a browser does not show is dropped: head, script, style,
//     noscript, template, svg, math, iframe, object, embed, canvas, video,
//     audio, img, select, textarea, input, and any element with the hidden
//     attribute or an inline style of display:none or visibility:hidden.
//     The closed part of a details element is kept: it is the page's text,
//     one click away.

// blockBreaks is how many line breaks an element needs around it: 2 for a
// paragraph or heading (a blank line), 1 for another block, 0 for inline.
func blockBreaks(a atom.Atom) int {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return 2
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Body, atom.Center,
		atom.Dd, atom.Details, atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Dt,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.Header,
		atom.Hgroup, atom.Hr, atom.Html, atom.Legend, atom.Li, atom.Listing, atom.Main,
		atom.Menu, atom.Nav, atom.Ol, atom.Optgroup, atom.Option, atom.Plaintext, atom.Pre,
		atom.Section, atom.Summary, atom.Table, atom.Caption, atom.Thead, atom.Tbody,
		atom.Tfoot, atom.Tr, atom.Ul, atom.Xmp, atom.Search:
		return 1
	}
	return 0
}

// skipped reports whether an element shows no text in a browser.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Head, atom.Title, atom.Script, atom.Style, atom.Noscript, atom.Template,
		atom.Svg, atom.Math, atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Video,
		atom.Audio, atom.Img, atom.Picture, atom.Select, atom.Datalist, atom.Textarea,
		atom.Input, atom.Map, atom.Area, atom.Source, atom.Track, atom.Meta, atom.Link,
		atom.Base, atom.Param, atom.Frameset, atom.Frame:
		return true
	}
	if n.Type == html.ElementNode && n.DataAtom == 0 {
		// Foreign or custom elements render their text, except the
		// namespaced SVG and MathML ones the parser keeps whole.
		if n.Namespace == "svg" || n.Namespace == "math" {
			return true
		}
	}
	return hidden(n)
}

var (
	displayNone      = regexp.MustCompile(`(?i)display\s*:\s*none`)
	visibilityHidden = regexp.MustCompile(`(?i)visibility\s*:\s*hidden`)
)

// hidden reports whether an element is hidden by its own attributes.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			if !strings.EqualFold(strings.TrimSpace(a.Val), "until-found") {
				return true
			}
		case "style":
			if displayNone.MatchString(a.Val) || visibilityHidden.MatchString(a.Val) {
				return true
			}
		}
	}
	return false
}

// isSpace reports whether b is HTML white space, which collapses.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// invisible reports whether r is a character a browser does not show, or a
// control character that has no place in text.
func invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u2060', '\ufeff':
		return true
	}
	return r < 0x20 && r != '\t' && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0
}

// renderer writes an element's text as lines.
type renderer struct {
	out    strings.Builder
	line   strings.Builder // the line being written, without its indentation
	lines  int             // lines finished
	breaks int             // line breaks owed before the next text
	space  bool            // a collapsible space owed before the next text
	sep    string          // a cell separator owed before the next text
	marker string          // a list marker owed before the next text
	indent string          // the indentation of the lines being written
	pre    int             // how many pre elements we are in
}

// frame is what an element changed, to undo when it ends.
type frame struct {
	n      *html.Node
	indent string
	breaks int
}

// render returns the text of n and what it contains.
func render(n *html.Node) string {
	var r renderer
	r.walk(n)
	r.flushLine()
	return r.out.String()
}

// walk visits root and its descendants without recursion, so that a
// document nested however deeply cannot exhaust the stack.
func (r *renderer) walk(root *html.Node) {
	var w walker
	n := root
	for {
		if r.enter(&w, n) {
			if n.FirstChild != nil {
				n = n.FirstChild
				continue
			}
			r.leave(&w)
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
			r.leave(&w)
		}
	}
}

// walker is where a walk is: the elements it is in, the counters of the
// lists it is in (nil for an unordered list), and the cells begun in the
// table rows it is in.
type walker struct {
	stack []frame
	lists []*int
	rows  []*int
}

// enter starts node n, and reports whether its children are to be walked
// (then leave must end it).
func (r *renderer) enter(w *walker, n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return false
	case html.DocumentNode:
		w.stack = append(w.stack, frame{n: n, indent: r.indent})
		return true
	case html.ElementNode:
	default:
		return false
	}
	if skipped(n) {
		return false
	}
	f := frame{n: n, indent: r.indent, breaks: blockBreaks(n.DataAtom)}
	r.block(f.breaks)
	switch n.DataAtom {
	case atom.Br:
		r.br()
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext:
		r.pre++
	case atom.Ul, atom.Menu, atom.Dir:
		w.lists = append(w.lists, nil)
	case atom.Ol:
		c := 1
		if v, err := strconv.Atoi(strings.TrimSpace(attr(n, "start"))); err == nil {
			c = v
		}
		w.lists = append(w.lists, &c)
	case atom.Li:
		r.listItem(n, w.lists)
	case atom.Tr:
		w.rows = append(w.rows, new(int))
	case atom.Td, atom.Th:
		if len(w.rows) > 0 {
			cells := w.rows[len(w.rows)-1]
			if *cells > 0 {
				r.sep = "\t"
			}
			*cells++
		}
	}
	w.stack = append(w.stack, f)
	return true
}

// leave ends the element on top of the stack.
func (r *renderer) leave(w *walker) {
	if len(w.stack) == 0 {
		return
	}
	f := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	if f.n.Type != html.ElementNode {
		return
	}
	switch f.n.DataAtom {
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext:
		r.pre--
	case atom.Ul, atom.Menu, atom.Dir, atom.Ol:
		if len(w.lists) > 0 {
			w.lists = w.lists[:len(w.lists)-1]
		}
	case atom.Tr:
		if len(w.rows) > 0 {
			w.rows = w.rows[:len(w.rows)-1]
		}
	case atom.Li:
		// An item with no text shows no marker.
		r.marker = ""
	}
	r.indent = f.indent
	r.block(f.breaks)
}

// listItem owes the marker of a list item and indents its lines.
func (r *renderer) listItem(n *html.Node, lists []*int) {
	depth := len(lists)
	if depth == 0 {
		depth = 1 // an item outside a list shows as a bullet
	}
	marker := "• "
	if depth <= len(lists) && lists[depth-1] != nil {
		c := lists[depth-1]
		if v, err := strconv.Atoi(strings.TrimSpace(attr(n, "value"))); err == nil {
			*c = v
		}
		marker = strconv.Itoa(*c) + ". "
		*c++
	}
	base := strings.Repeat("  ", depth-1)
	r.marker = base + marker
	r.indent = base + strings.Repeat(" ", utf8.RuneCountInString(marker))
}

// block owes k line breaks, as a block's start or end does.
func (r *renderer) block(k int) {
	if k > r.breaks {
		r.breaks = k
	}
}

// br ends the line.
func (r *renderer) br() {
	r.breaks++
}

// text writes a text node's text.
func (r *renderer) text(s string) {
	if r.pre > 0 {
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				r.breaks++
			}
			if part != "" {
				r.word(clean(part), true)
			}
		}
		return
	}
	start := -1
	for i, c := range s {
		if isSpace(c) {
			if start >= 0 {
				r.word(clean(s[start:i]), false)
				start = -1
			}
			r.space = true
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		r.word(clean(s[start:]), false)
	}
}

// clean drops the characters a browser does not show.
func clean(s string) string {
	if !strings.ContainsFunc(s, invisible) && utf8.ValidString(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\ufffd")
	return strings.Map(func(c rune) rune {
		if invisible(c) {
			return -1
		}
		return c
	}, s)
}

// word writes a run of text with no collapsible space in it.
func (r *renderer) word(w string, pre bool) {
	if w == "" {
		return
	}
	if r.breaks > 0 {
		if r.line.Len() > 0 || r.lines > 0 {
			r.flushLine()
			if r.breaks >= 2 && r.lines > 0 {
				r.out.WriteByte('\n')
			}
		}
		r.breaks = 0
		r.space, r.sep = false, ""
	}
	if r.line.Len() == 0 {
		if r.marker != "" {
			r.line.WriteString(r.marker)
			r.marker = ""
		} else {
			r.line.WriteString(r.indent)
		}
		if !pre {
			r.space, r.sep = false, ""
		}
	}
	if r.sep != "" {
		r.line.WriteString(r.sep)
	} else if r.space {
		r.line.WriteByte(' ')
	}
	r.space, r.sep = false, ""
	r.line.WriteString(w)
}

// flushLine ends the line being written, if it has text.
func (r *renderer) flushLine() {
	l := strings.TrimRight(r.line.String(), " \t")
	r.line.Reset()
	if strings.TrimSpace(l) == "" {
		return
	}
	r.out.WriteString(l)
	r.out.WriteByte('\n')
	r.lines++
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
