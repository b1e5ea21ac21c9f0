package loader

import (
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// caseLabels reads "Category: NAME" and "Sub Category: NAME" (both perhaps
// on one line, or a label alone with its value on the next line) into cas.
// It reports whether the line was a label or its value.
func (p *pageParser) caseLabels(cas *graph.Case, n int, line string, label *string) bool {
	if *label == "" && !hasPrefixFold(line, "cat") && !hasPrefixFold(line, "sub") {
		return false
	}
	orig := p.t.lines[n-1]
	folded := fold(orig)
	at := func(v string) graph.Span {
		i := strings.Index(folded, v)
		return p.t.span(n, origOffset(orig, folded, i), origOffset(orig, folded, i+len(v)))
	}
	name := func(v string) (string, graph.Span) {
		sp := at(v)
		return graph.CleanName(sp.Quote), sp
	}
	if *label != "" {
		v := strings.TrimSpace(line)
		if *label == "category" {
			cas.CategoryName, cas.CategorySpan = name(v)
		} else {
			cas.SubcategoryName, cas.SubcategorySpan = name(v)
		}
		*label = ""
		return true
	}
	if m := matchSub(line); m != nil {
		if m[1] == "" {
			*label = "sub"
		} else {
			cas.SubcategoryName, cas.SubcategorySpan = name(m[1])
		}
		return true
	}
	if m := matchCategory(line); m != nil && cas.CategoryName == "" {
		switch {
		case m[1] == "" && m[2] == "":
			*label = "category"
		case m[1] != "" && m[2] == "" && strings.Contains(m[1], " > "):
			// "Category : Housing > Homelessness", as decisions give it.
			i := strings.Index(m[1], " > ")
			cas.CategoryName, cas.CategorySpan = name(strings.TrimSpace(m[1][:i]))
			cas.SubcategoryName, cas.SubcategorySpan = name(strings.TrimSpace(m[1][i+3:]))
		case m[1] != "":
			cas.CategoryName, cas.CategorySpan = name(m[1])
		}
		if m[2] != "" {
			cas.SubcategoryName, cas.SubcategorySpan = name(m[2])
		}
		return true
	}
	return false
}

// afterLabel returns what follows a label at the start of line ("Category",
// "Sub Category", "Sub-category", "Subcategory", in any case), with the
// space and colon after it, and whether the label was there.
func afterLabel(line string, sub bool) (string, bool) {
	rest := line
	if sub {
		if !hasPrefixFold(rest, "sub") {
			return "", false
		}
		rest = strings.TrimLeft(rest[3:], " -")
	}
	if !hasPrefixFold(rest, "category") {
		return "", false
	}
	rest = rest[len("category"):]
	if rest != "" && rest[0] != ' ' && rest[0] != ':' {
		return "", false // "Categoryless", not a label
	}
	return strings.TrimLeft(rest, " :"), true
}

// matchSub matches "Sub Category: NAME" as caseSub does, without a pattern:
// it is tried on every line of a page's cases.
func matchSub(line string) []string {
	v, ok := afterLabel(line, true)
	if !ok {
		return nil
	}
	return []string{line, strings.TrimSpace(v)}
}

// matchCategory matches "Category: NAME", perhaps followed by "Sub Category:
// NAME" or "Date: …", as caseCategory does, without a pattern.
func matchCategory(line string) []string {
	v, ok := afterLabel(line, false)
	if !ok {
		return nil
	}
	lower := asciiLower(v) // byte offsets in lower hold for v
	if i := strings.Index(lower, " date"); i >= 0 && strings.HasPrefix(strings.TrimLeft(lower[i+5:], " "), ":") {
		v, lower = v[:i], lower[:i]
	}
	sub := ""
	for _, l := range []string{"sub category", "sub-category", "subcategory"} {
		if i := strings.Index(lower, l); i >= 0 {
			if rest, ok := afterLabel(v[i:], true); ok {
				sub = strings.TrimSpace(rest)
				v = v[:i]
				break
			}
		}
	}
	return []string{line, strings.TrimSpace(v), sub}
}
