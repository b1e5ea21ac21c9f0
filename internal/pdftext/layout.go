package pdftext

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
)

// glyph is a character drawn on a page, with its position turned so that
// its line runs left to right and the lines go down as y falls (see turn).
type glyph struct {
	x, y  float64 // the start of its baseline
	right float64 // where its advance ends along the line
	em    float64 // the height of the font's box: its size, near enough
	r     rune
	q     int // the way it runs (see quadrant)
}

// The gaps between characters, in ems, that part words and columns. A word
// space is a quarter of an em or so, more in a justified line; kerning
// moves letters by a few hundredths.
const (
	wordGap   = 0.13 // wider than this, the characters are two words
	columnGap = 1.0  // wider than this, the words are in two columns
	spaceEm   = 0.45 // the width a space stands for in a column gap
	sameLine  = 0.3  // baselines closer than this are one line
	paraGap   = 1.5  // lines further apart than this times the leading have a blank line between them
)

// assemble joins the pages' lines into the document's text, or says why
// there is none.
func assemble(pages []page) (string, error) {
	var out []string
	var chars, unmapped int
	for _, p := range pages {
		chars += p.chars
		unmapped += p.unmapped
		lines := pageLines(p.glyphs)
		if len(lines) > 0 && len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, lines...)
	}
	switch {
	case chars == 0 || len(out) == 0:
		return "", errorf(ErrScanned, "no text layer on any of its %s; run OCR first", plural(len(pages), "page"))
	case unmapped*2 > chars:
		return "", errorf(ErrScanned, "its fonts do not say which letters %d of its %s are, so its text cannot be read; run OCR first", unmapped, plural(chars, "character"))
	}
	return strings.Join(out, "\n") + "\n", nil
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// pageLines reads a page's characters as lines: the text that runs level
// first, then any that runs another way (a landscape table on a portrait
// page, a reference printed up the margin), the way most of it runs first.
func pageLines(gs []glyph) []string {
	var byWay [4][]glyph
	for _, g := range gs {
		byWay[g.q] = append(byWay[g.q], g)
	}
	ways := []int{0, 1, 2, 3}
	slices.SortStableFunc(ways, func(a, b int) int { return cmp.Compare(len(byWay[b]), len(byWay[a])) })
	var out []string
	for _, q := range ways {
		lines := linesOf(byWay[q])
		if len(lines) > 0 && len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, lines...)
	}
	return out
}

// line is the characters on one baseline.
type line struct {
	y, em float64
	gs    []glyph
	text  string
}

// linesOf puts characters that run the same way into lines, top to bottom,
// each read left to right, with a blank line where the gap between two
// lines is a paragraph's.
func linesOf(gs []glyph) []string {
	// Down the page; characters on one baseline keep the order they were
	// drawn in.
	slices.SortStableFunc(gs, func(a, b glyph) int { return cmp.Compare(b.y, a.y) })
	var lines []*line
	for _, g := range gs {
		if n := len(lines); n > 0 && lines[n-1].y-g.y <= sameLine*min(lines[n-1].em, g.em) {
			l := lines[n-1]
			l.gs = append(l.gs, g)
			if !unicode.IsSpace(g.r) {
				l.em = max(l.em, g.em)
			}
			continue
		}
		lines = append(lines, &line{y: g.y, em: g.em, gs: []glyph{g}})
	}
	var kept []*line
	for _, l := range lines {
		if l.text = lineText(l.gs); l.text != "" {
			kept = append(kept, l)
		}
	}
	leading := usualLeading(kept)
	var out []string
	for i, l := range kept {
		if i > 0 {
			d := kept[i-1].y - l.y
			if d > paraGap*leading && d > paraGap*max(l.em, kept[i-1].em) {
				out = append(out, "")
			}
		}
		out = append(out, l.text)
	}
	return out
}

// usualLeading is the distance between baselines that lines are most often
// apart, among those at most half as far apart again as the closest two:
// the leading of the body text, not the gap between its paragraphs.
func usualLeading(lines []*line) float64 {
	var ds []float64
	closest := math.Inf(1)
	for i := 1; i < len(lines); i++ {
		d := math.Round((lines[i-1].y-lines[i].y)*2) / 2
		ds = append(ds, d)
		if d > 0 {
			closest = min(closest, d)
		}
	}
	count := map[float64]int{}
	best, most := 0.0, 0
	for _, d := range ds {
		if d <= 0 || d > paraGap*closest {
			continue
		}
		count[d]++
		if c := count[d]; c > most || c == most && d < best {
			best, most = d, c
		}
	}
	return best
}

// lineText reads a line's characters left to right. A gap wider than a
// word space is a space, and so is a space character. A gap wider than a
// column gap is as many spaces as it is wide, unless every gap between the
// line's words is as wide (a justified line with few words). An
// overprinted character (bold made by printing twice) counts once, and a
// soft hyphen shows only at the end of the line.
func lineText(gs []glyph) string {
	slices.SortStableFunc(gs, func(a, b glyph) int { return cmp.Compare(a.x, b.x) })
	// The characters that show, each with the gap before it: 0 for none,
	// else the gap's width in ems (at least a word space).
	type shown struct {
		r   rune
		gap float64
	}
	var line []shown
	var prev *glyph
	space := false
	for i := range gs {
		g := &gs[i]
		if unicode.IsSpace(g.r) {
			space = prev != nil
			continue
		}
		if g.r == '\u00ad' { // soft hyphen
			if !lastVisible(gs[i+1:]) {
				if prev != nil { // the word goes on after it
					p := *prev
					p.right = max(p.right, g.right)
					prev = &p
				}
				continue
			}
			g.r = '-'
		}
		s := shown{r: g.r}
		if prev != nil {
			em := (prev.em + g.em) / 2
			gap := (g.x - prev.right) / em
			switch {
			case g.r == prev.r && math.Abs(g.x-prev.x) < 0.1*em:
				continue // printed twice
			case space || gap > wordGap:
				s.gap = max(gap, wordGap)
			}
		}
		line = append(line, s)
		prev, space = g, false
	}
	lo, hi, n := math.Inf(1), 0.0, 0
	for _, s := range line {
		if s.gap > 0 {
			lo, hi, n = min(lo, s.gap), max(hi, s.gap), n+1
		}
	}
	justified := n >= 2 && hi-lo <= 0.1
	var sb strings.Builder
	for _, s := range line {
		switch {
		case s.gap > columnGap && !justified:
			sb.WriteString(strings.Repeat(" ", max(2, int(math.Round(s.gap/spaceEm)))))
		case s.gap > 0:
			sb.WriteByte(' ')
		}
		sb.WriteRune(s.r)
	}
	return sb.String()
}

// lastVisible says whether gs holds nothing but white space.
func lastVisible(gs []glyph) bool {
	for _, g := range gs {
		if !unicode.IsSpace(g.r) {
			return false
		}
	}
	return true
}
