package loader

import (
	"slices"
	"strings"
	"testing"
)

// TestGlueCuts checks where copying ran two pieces of a line together: a
// full stop straight before a capital, and a lower-case word of three
// letters or more straight before a capitalised word, but not before a
// word in capitals or at the line's end.
func TestGlueCuts(t *testing.T) {
	cases := []struct {
		line string
		want []int
	}{
		{"residents.The average", []int{10}},
		{"View upheld decisionsAdjusted for", []int{21}},
		{"seeMore of it", []int{3}},     // three lower-case letters are enough
		{"anMore of it", nil},           // two are not
		{"decisionsABC were made", nil}, // a word in capitals is no glued word
		{"decisionsA", nil},             // nor a capital that ends the line
		{"McDonald and iPhone", nil},
	}
	for _, c := range cases {
		if got := glueCuts(c.line, 0, len(c.line)); !slices.Equal(got, c.want) {
			t.Errorf("glueCuts(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestFoundQuotes checks that an error message quotes a line whole up to 80
// characters, and its first 80 and an ellipsis beyond.
func TestFoundQuotes(t *testing.T) {
	l80 := strings.Repeat("é", 80)
	if got := found(l80); got != `"`+l80+`"` {
		t.Errorf("80 characters quoted as %s", got)
	}
	if got := found(l80 + "x"); got != `"`+l80+`…"` {
		t.Errorf("81 characters quoted as %s", got)
	}
}

// TestLineKindBounds checks the limits of the forms a line of news-site
// furniture takes: a story link of at most 16 words, and a breadcrumb trail
// of at least three parts of at most three words each.
func TestLineKindBounds(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }
	cases := []struct {
		line string
		want lineKind
	}{
		{"Read more: " + words(14), furnitureLine}, // 16 words
		{"Read more: " + words(15), contentLine},   // 17 words
		{"Home  News  Kent", furnitureLine},
		{"Home  News", contentLine},
		{"Home  Local News Today  Kent", furnitureLine},
		{"Home  Local News Today Here  Kent", contentLine},
	}
	for _, c := range cases {
		if got := lineKindOf(c.line); got != c.want {
			t.Errorf("lineKindOf(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestLinksAfterANavHeader checks that the short, unfinished lines after a
// "Most read" heading are links (of at most 16 words), up to the first line that is a sentence or
// longer than a link.
func TestLinksAfterANavHeader(t *testing.T) {
	lines := []string{
		"Most read",
		"Council tax to rise again",
		"Bin collections changed for the summer",
		"Sixteen words make a link still " + strings.Repeat("here ", 9) + "end", // 16 words
		"The council said it would " + strings.Repeat("act ", 14) + "now",
		"Another short line",
	}
	want := []lineKind{furnitureLine, furnitureLine, furnitureLine, furnitureLine, contentLine, contentLine}
	if got := lineKinds(lines); !slices.Equal(got, want) {
		t.Errorf("lineKinds = %v, want %v", got, want)
	}
}

// TestReportsSection checks when a "Reports" heading before a page's
// council heads its reports rather than a menu: its help link, a "Public"
// heading, or an introduction among the next four lines that carry text,
// before any other heading.
func TestReportsSection(t *testing.T) {
	const intro = "In the last nine years, the Ombudsman has published the following reports against Kent County Council"
	cases := []struct {
		lines []string
		want  bool
	}{
		{[]string{"Reports ?Find out more about reports"}, true},
		{[]string{"Public interest reports"}, true},
		{[]string{"Reports", "", "", intro}, true},
		{[]string{"Reports", "Menu one", "Menu two", "Menu three", intro}, true},
		{[]string{"Reports", "Menu one", "Menu two", "Menu three", "Menu four", intro}, false},
		{[]string{"Reports", "Annual statistics", intro}, false},
		{[]string{"Reports", "There are no reports"}, true},
		{[]string{"Reports"}, false},
	}
	for _, c := range cases {
		p := &pageParser{t: &text{name: "p.txt", lines: c.lines}}
		if got := p.reportsSection(1, c.lines[0]); got != c.want {
			t.Errorf("%q: %v, want %v", c.lines, got, c.want)
		}
	}
}

func TestCountWords(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "tab\tand\u00a0nbsp\u2003em space", "x\n\ny", "\u00a0lead", "glued—dash words"} {
		if got, want := countWords(s), len(strings.Fields(s)); got != want {
			t.Errorf("countWords(%q) = %d, strings.Fields gives %d", s, got, want)
		}
	}
	if got := countWords(" two  words "); got != 2 {
		t.Errorf("countWords = %d, want 2", got)
	}
}
