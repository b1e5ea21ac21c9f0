package pdftext

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// set lays out text as glyphs the way a PDF draws it: each line a string of
// monospaced characters of the given size on baseline y, starting at x,
// where a run of spaces is a gap and one space a space character.
func set(x, y, size float64, s string) []glyph {
	var gs []glyph
	w := size / 2
	for _, r := range s {
		gs = append(gs, glyph{x: x, y: y, right: x + w, em: size, r: r})
		x += w
	}
	return gs
}

// gapped lays out words with gaps (in points) between them and no space
// characters, as Word writes a justified line.
func gapped(x, y, size float64, words []string, gaps ...float64) []glyph {
	var gs []glyph
	for i, w := range words {
		g := set(x, y, size, w)
		gs = append(gs, g...)
		x = g[len(g)-1].right
		if i < len(gaps) {
			x += gaps[i]
		}
	}
	return gs
}

func TestLineText(t *testing.T) {
	for _, c := range []struct {
		name string
		gs   []glyph
		want string
	}{
		{"spaces drawn", set(72, 700, 10, "Dear Ms Osei"), "Dear Ms Osei"},
		{"gaps without spaces", gapped(72, 700, 10, []string{"Annual", "Review", "letter"}, 2.8, 2.8), "Annual Review letter"},
		{"kerning is no space", gapped(72, 700, 10, []string{"Gov", "ernment"}, 0.4), "Government"},
		{"tightened", gapped(72, 700, 10, []string{"W", "ave"}, -0.8), "Wave"},
		{"justified wide", gapped(72, 700, 10, []string{"for", "the", "year", "ending"}, 14, 14, 14), "for the year ending"},
		{"columns", gapped(40, 700, 9, []string{"LOCAL", "REPORT", "For", "the", "period"}, 2.5, 180, 2.5, 2.5), "LOCAL REPORT" + strings.Repeat(" ", 44) + "For the period"},
		{"one wide gap", gapped(72, 700, 10, []string{"Total", "25"}, 40), "Total         25"},
		{"printed twice", append(set(72, 700, 10, "Bold"), set(72.2, 700, 10, "Bold")...), "Bold"},
		{"soft hyphen inside", set(72, 700, 10, "com\u00adplaint"), "complaint"},
		{"soft hyphen at the end", set(72, 700, 10, "Gov\u00ad "), "Gov-"},
		{"trailing and leading space", set(72, 700, 10, "  Page 2 of 2  "), "Page 2 of 2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			gs := slices.Clone(c.gs)
			rand.New(rand.NewPCG(1, 2)).Shuffle(len(gs), func(i, j int) { gs[i], gs[j] = gs[j], gs[i] })
			if got := strings.TrimRight(lineText(gs), " "); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestLinesInReadingOrder draws a page's lines in a shuffled order and
// reads them back down the page, with a blank line at each paragraph's gap
// and none at a heading's.
func TestLinesInReadingOrder(t *testing.T) {
	var gs []glyph
	y := 780.0
	add := func(s string, down float64) {
		gs = append(gs, set(72, y, 11, s)...)
		y -= down
	}
	add("Page 1 of 2 drawn at the top of the stream", 0)
	gs = gs[:0]
	add("Local Government & Social Care", 14)
	add("OMBUDSMAN", 26)
	add("21 July 2021", 28)
	add("Dear Ms Osei", 28)
	add("Complaint statistics", 16)
	add("We upheld 68% of the complaints", 14)
	add("we investigated.", 28)
	add("Page 1 of 2", 0)
	// Superscript-like jitter on one line's baseline stays on the line.
	gs = append(gs, glyph{x: 300, y: 780.8, right: 305, em: 11, r: 'x'})
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(gs), func(i, j int) { gs[i], gs[j] = gs[j], gs[i] })
	got := strings.Join(linesOf(gs), "\n")
	want := strings.Join([]string{
		"Local Government & Social Care" + strings.Repeat(" ", 13) + "x",
		"OMBUDSMAN",
		"",
		"21 July 2021",
		"",
		"Dear Ms Osei",
		"",
		"Complaint statistics",
		"We upheld 68% of the complaints",
		"we investigated.",
		"",
		"Page 1 of 2",
	}, "\n")
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestTurned reads a table drawn a quarter turn anticlockwise (a landscape
// page in a portrait PDF) and a page scanned a little askew.
func TestTurned(t *testing.T) {
	for _, deg := range []float64{90, 270, 180, 1.5, -2} {
		a := deg * math.Pi / 180
		var gs []glyph
		for i, s := range []string{"Local Authority Report", "Total 41"} {
			for _, g := range set(72, 500-float64(i)*14, 11, s) {
				// Draw it turned by a about the page's origin.
				sin, cos := math.Sincos(a)
				x, y := g.x*cos-g.y*sin, g.x*sin+g.y*cos
				q, ok := quadrant(math.Mod(a+2*math.Pi, 2*math.Pi))
				if !ok {
					t.Fatalf("%v degrees: not read", deg)
				}
				g.q = q
				g.x, g.y = turn(a, x, y)
				g.right = g.x + 5.5
				gs = append(gs, g)
			}
		}
		if got := strings.Join(pageLines(gs), "\n"); got != "Local Authority Report\nTotal 41" {
			t.Errorf("%v degrees: got %q", deg, got)
		}
	}
	if _, ok := quadrant(45 * math.Pi / 180); ok {
		t.Error("text at 45 degrees (a watermark) should not be read")
	}
}

func TestAssembleErrors(t *testing.T) {
	_, err := assemble([]page{{}, {}, {}})
	if !errors.Is(err, ErrScanned) || err.Error() != "scanned PDF: no text layer on any of its 3 pages; run OCR first" {
		t.Errorf("got %v", err)
	}
	_, err = assemble([]page{{glyphs: set(72, 700, 10, "\x01\x02"), chars: 10, unmapped: 8}})
	if !errors.Is(err, ErrScanned) || !strings.Contains(err.Error(), "8 of its 10 characters") {
		t.Errorf("got %v", err)
	}
	_, err = assemble([]page{{}})
	if err == nil || !strings.Contains(err.Error(), "any of its 1 page;") {
		t.Errorf("got %v", err)
	}
	text, err := assemble([]page{{glyphs: set(72, 700, 10, "One"), chars: 3}, {}, {glyphs: set(72, 700, 10, "Three"), chars: 5}})
	if err != nil || text != "One\n\nThree\n" {
		t.Errorf("got %q, %v", text, err)
	}
}
