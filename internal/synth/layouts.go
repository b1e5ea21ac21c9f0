package synth

import (
	"fmt"
	"strings"
)

// Layout is a layout of the council performance page, as the Ombudsman's
// site has rendered it and as a copy of it comes out.
type Layout string

// The page layouts. Those of the "Annual statistics" page (2018-19 to
// 2023-24) word their bases by the page's year: "N detailed investigations"
// for 2020-21 to 2022-23, where the satisfactory-remedy base is also
// "N detailed investigations" (the upheld count); "N investigations" and
// "N upheld decisions" otherwise.
const (
	// Annual is the "Annual statistics" page as a compact copy: chart
	// captions, a "-" line before each block, the similar-authority rate
	// glued after "residents.".
	Annual Layout = "annual"
	// AnnualGlued is Annual with the links' text glued to the next sentence:
	// "residents.View upheld decisionsStatistics are based …", "View all
	// satisfactory remedy decisionsAnnual letters", "….View annual letters".
	AnnualGlued Layout = "annual-glued"
	// AnnualWrapped is Annual with a blank line after every line and the
	// sentences hard-wrapped mid-sentence ("in similar" / "authorities.").
	AnnualWrapped Layout = "annual-wrapped"
	// AnnualBulleted is the page as a bulleted copy: the "Advice on comparing
	// statistics across years" banner before the council's name, '•' block
	// headings with indented bodies, a blank line between sentences, the
	// rate per 100,000 over three lines ("this is" / "R upheld decisions per
	// 100,000 residents" / "."), "View upheld decisions" and "View annual
	// letters" on lines of their own, bulleted cases.
	AnnualBulleted Layout = "annual-bulleted"
	// Annual2018 is the first page, of 2018-19: no rates per 100,000, and
	// "View upheld decisionsStatistics are based …" glued.
	Annual2018 Layout = "annual-2018"
	// Defunct is the current template rendered for an abolished council:
	// "Annual statistics", the older "More about this data" glossary, no
	// rates per 100,000 or chart captions, averages that may be "n/a",
	// compliance that may be "No recommendations were due …".
	Defunct Layout = "defunct"
	// Overview is the 2024-25 "Complaint overview" page as a compact copy:
	// the four counts in one line, the "More about this data" glossary and
	// chart legend, "We investigated N complaints and upheld N.", the rate
	// per 100,000 on one line, glued to "View upheld decisions" or written
	// with a stray '%' ("7.5% upheld decisions per 100,000 residents").
	Overview Layout = "overview"
	// OverviewBulleted is the 2024-25 page as a blank-line copy: the site's
	// banner, the comparing-years banner, a merger preamble naming the
	// predecessors of a unitary council, '•' blocks, the cookie panel.
	OverviewBulleted Layout = "overview-bulleted"
)

// Layouts lists every page layout, in the order Mix takes them.
var Layouts = []Layout{Annual, AnnualGlued, AnnualWrapped, AnnualBulleted, Annual2018, Defunct, Overview, OverviewBulleted}

// LayoutHelp describes the layouts, for the synth command's --layout.
var LayoutHelp = "the council pages' layout: " + Mix + " (each council's pages in every layout in turn), or one of " + joinNames(Layouts) +
	": annual is the 2018-19 to 2023-24 'Annual statistics' page as a compact copy, annual-glued with links' text glued to the next sentence," +
	" annual-wrapped hard-wrapped with a blank line after every line, annual-bulleted with '•' blocks and the comparing-years banner;" +
	" annual-2018 is 2018-19's, without rates per 100,000; defunct is an abolished council's ('n/a' averages);" +
	" overview is the 2024-25 'Complaint overview' page, overview-bulleted a blank-line copy of it with banners and a merger preamble"

// ParseLayout returns the layout named s: one of Layouts, or Mix ("" too).
func ParseLayout(s string) (Layout, error) {
	if s == "" || s == Mix {
		return Mix, nil
	}
	for _, l := range Layouts {
		if string(l) == s {
			return l, nil
		}
	}
	return "", fmt.Errorf("unknown page layout %q: want %s or one of %s", s, Mix, joinNames(Layouts))
}

func joinNames[T ~string](xs []T) string {
	var s []string
	for _, x := range xs {
		s = append(s, string(x))
	}
	return strings.Join(s, ", ")
}

// pickLayout returns the layout of the i-th page of a council.
func pickLayout(l Layout, i int) Layout {
	if l == "" || l == Mix {
		return Layouts[i%len(Layouts)]
	}
	return l
}
