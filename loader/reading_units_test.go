package loader

import (
	"bytes"
	"strings"
	"testing"
)

// TestTokenizeForms checks words' forms where the scan leaves its fast path
// for lower-case ASCII: capitals, letters beyond ASCII, an apostrophe inside,
// and where a plain word ends.
func TestTokenizeForms(t *testing.T) {
	got := tokenize("caféx don't ABC x,y2 Ærø 'tis")
	want := []token{{0, 6, "caféx"}, {7, 12, "dont"}, {13, 16, "abc"}, {17, 18, "x"}, {19, 21, "y2"}, {22, 27, "ærø"}, {29, 32, "tis"}}
	if len(got) != len(want) {
		t.Fatalf("tokenize = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestTokenize checks the words a name is matched by: letters and digits,
// an apostrophe inside a word kept in its span but not in its form, an
// apostrophe that ends a word left out, and "&" read as "and".
func TestTokenize(t *testing.T) {
	got := tokenize("King's Lynn & councils' work 2")
	want := []token{{0, 6, "kings"}, {7, 11, "lynn"}, {12, 13, "and"}, {14, 22, "councils"}, {24, 28, "work"}, {29, 30, "2"}}
	if len(got) != len(want) {
		t.Fatalf("tokenize = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("token %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestDocumentSizeLimit checks that a document of MaxDocumentSize bytes is
// read and one a byte longer is refused before anything is done with it.
func TestDocumentSizeLimit(t *testing.T) {
	line := []byte("Kent County Council upheld complaints.\n")
	doc := bytes.Repeat(line, MaxDocumentSize/len(line)+1)[:MaxDocumentSize]
	if _, err := readSource("big.txt", doc); err != nil {
		t.Errorf("a document of exactly %d bytes: %v", MaxDocumentSize, err)
	}
	doc = append(doc, 'x')
	if _, err := readSource("big.txt", doc); err == nil || !strings.Contains(err.Error(), "big.txt:1: document is larger than 16 MiB") {
		t.Errorf("a document a byte longer: %v, want it refused", err)
	}
	html := append([]byte("<html><body>"), doc...)
	if _, err := readSource("big.html", html); err == nil || !strings.Contains(err.Error(), "document is larger than 16 MiB") {
		t.Errorf("an HTML page over the limit: %v, want it refused before it is converted", err)
	}
}

// TestLetterWithOnlyADate checks that a letter with a date but no
// salutation or heading is read as far as its year, which it must state.
func TestLetterWithOnlyADate(t *testing.T) {
	tx, err := textOf("l.txt", []byte("22 July 2020\n\nThe Ombudsman writes about Kent County Council's complaints.\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = parseLetter(tx, nil)
	if err == nil || !strings.HasPrefix(err.Error(), "l.txt: expected the year the letter covers") {
		t.Errorf("error = %v, want the year asked for", err)
	}
}

// TestContainsWord checks whole-word matching at a text's start and end,
// inside other words, and at a later occurrence.
func TestContainsWord(t *testing.T) {
	for _, c := range []struct {
		s, w string
		want bool
	}{
		{"kent", "kent", true}, {"kent is", "kent", true}, {"in kent", "kent", true},
		{"xkent", "kent", false}, {"kentx", "kent", false}, {"kentish men of kent", "kent", true}, {"", "kent", false},
	} {
		if got := containsWord(c.s, c.w); got != c.want {
			t.Errorf("containsWord(%q, %q) = %v", c.s, c.w, got)
		}
	}
}

// TestGarbledIn checks the numbers a copy misread as letters, an "l" or an
// "O" before or after a digit, and that words and numbers alone are not.
func TestGarbledIn(t *testing.T) {
	for s, want := range map[string]string{
		"paid £l7O to her": "l7O", "in 2O23 it": "2O23", "code O7 here": "O7", "about 7l people": "7l",
		"code l7 here": "l7", "in 2O it": "2O", "code O0 here": "O0", "code l9 here": "l9", "in 0l it": "0l", "in 9O it": "9O",
		"Ol and lO": "", "in 2023 it": "", "hello world": "", "": "", "7": "",
	} {
		if got := garbledIn(s); got != want {
			t.Errorf("garbledIn(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestPageNumber checks the pager's numbers: one to three digits alone.
func TestPageNumber(t *testing.T) {
	for s, want := range map[string]bool{"1": true, "0": true, "9": true, "123": true, "1234": false, "": false, "1a": false, "a1": false, "/": false, ":": false} {
		if got := pageNumber(s); got != want {
			t.Errorf("pageNumber(%q) = %v", s, got)
		}
	}
}

// TestParseDate checks the forms a statistics period's dates take.
func TestParseDate(t *testing.T) {
	for s, want := range map[string]string{
		"1 April 2023": "2023-04-01", "1st April 2023": "2023-04-01", "31st Mar 2024": "2024-03-31", "1 Apr 2023": "2023-04-01",
		"1 April, 2023": "2023-04-01", "01/04/2023": "2023-04-01", "2nd May 2023": "2023-05-02",
	} {
		d, err := parseDate(s)
		if err != nil || d.Format("2006-01-02") != want {
			t.Errorf("parseDate(%q) = %v, %v; want %s", s, d, err, want)
		}
	}
	if _, err := parseDate("April 2023"); err == nil {
		t.Error("a date without its day was read")
	}
}

// TestWordBytesAndLowering checks the bytes regexp's \b counts as a word's,
// at the ends of each range, and that ASCII lowering changes A to Z only.
func TestWordBytesAndLowering(t *testing.T) {
	for _, c := range []byte("_09azAZ") {
		if !isWordByte(c) {
			t.Errorf("isWordByte(%q) = false", c)
		}
	}
	for _, c := range []byte("/:@[`{ -") {
		if isWordByte(c) {
			t.Errorf("isWordByte(%q) = true", c)
		}
	}
	for in, want := range map[string]string{"@AZ[az]É": "@az[az]É", "A": "a", "zZ": "zz", "no capitals É": "no capitals É", "": ""} {
		if got := asciiLower(in); got != want {
			t.Errorf("asciiLower(%q) = %q, want %q", in, got, want)
		}
	}
	if got := string(asciiLowerInto(nil, "@AZ[")); got != "@az[" {
		t.Errorf("asciiLowerInto = %q", got)
	}
}
