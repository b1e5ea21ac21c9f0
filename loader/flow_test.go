package loader

import (
	"testing"
)

// TestFlow checks the running text a flow makes of some of a document's
// lines: without bullets, indentation or trailing space, glued words parted,
// lines joined by one space and none before the first, and each range of it
// quoted back in its own line.
func TestFlow(t *testing.T) {
	tx := &text{name: "d.txt", lines: []string{
		"Skipped line",
		"  • First point here  ",
		"•",
		"decisionsAdjusted for\tpopulation",
		"Not this one",
	}}
	f := newFlow(tx, 2, 5)
	const want = "First point here decisions Adjusted for population"
	if f.s != want {
		t.Fatalf("flow = %q, want %q", f.s, want)
	}
	// Pieces: "First point here" at 0, "decisions" at 17, "Adjusted for population" at 27.
	for _, c := range []struct{ at, piece int }{{0, 0}, {15, 0}, {16, 1}, {17, 1}, {26, 2}, {27, 2}, {len(want), 3}} {
		if got := f.pieceAt(c.at); got != c.piece {
			t.Errorf("pieceAt(%d) = %d, want %d", c.at, got, c.piece)
		}
	}
	for _, c := range []struct {
		a, b       int
		line       int
		start, end int
		quote      string
	}{
		{0, 5, 2, 4, 9, "First"},
		{6, 16, 2, 10, 20, "point here"},
		{17, 39, 4, 0, 21, "decisionsAdjusted for"}, // glued pieces of one line are quoted whole
		{40, 50, 4, 22, 32, "population"},
	} {
		sp := f.spans(c.a, c.b)
		if len(sp) != 1 || sp[0].Line != c.line || sp[0].Start != c.start || sp[0].End != c.end || sp[0].Quote != c.quote || sp[0].Doc != "d.txt" {
			t.Errorf("spans(%d, %d) = %+v, want line %d [%d,%d) %q", c.a, c.b, sp, c.line, c.start, c.end, c.quote)
		}
	}
	if sp := f.spans(0, len(want)); len(sp) != 2 || sp[0].Line != 2 || sp[1].Line != 4 {
		t.Errorf("the whole flow quoted as %+v, want one span on each of lines 2 and 4", sp)
	}
}

// TestFoldFlow checks that tabs and thin spaces become spaces, wherever they
// stand, and that the text keeps its length in runes.
func TestFoldFlow(t *testing.T) {
	for in, want := range map[string]string{
		"\u2009x":   " x",
		"a\u202fb":  "a b",
		"a\tb":      "a b",
		"plain":     "plain",
		"\u2014 ok": "\u2014 ok", // a dash starts with the same byte, and stays
	} {
		if got := foldFlow(in); got != want {
			t.Errorf("foldFlow(%q) = %q, want %q", in, got, want)
		}
	}
}
