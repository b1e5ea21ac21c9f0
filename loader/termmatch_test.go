package loader

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// termRegexp is the regular expression a termMatcher stands for: the words
// of the term, with "(s)" an optional plural and "and" also "&", parted by
// one or more separators, and a word boundary at the end.
func termRegexp(term string, folded bool) *regexp.Regexp {
	var words []string
	for _, w := range splitTerm(term) {
		plural := strings.HasSuffix(w, "(s)")
		w = regexp.QuoteMeta(strings.TrimSuffix(w, "(s)"))
		if plural {
			w += "s?"
		}
		if strings.EqualFold(w, "and") {
			w = "(?:" + w + "|&)"
		}
		words = append(words, w)
	}
	pattern := `^` + strings.Join(words, `[\s,;:()&/–-]+`) + `\b`
	if folded {
		pattern = strings.ToLower(pattern)
	}
	return regexp.MustCompile(pattern)
}

// agree checks that the matcher and the regular expression of term end
// their matches at the same place at every byte of text.
func agree(t *testing.T, term, text string, folded bool) int {
	t.Helper()
	m, re := newTermMatcher(splitTerm(term), folded), termRegexp(term, folded)
	matches := 0
	for at := 0; at <= len(text); at++ {
		want := -1
		if loc := re.FindStringIndex(text[at:]); loc != nil {
			want = loc[1]
			matches++
		}
		if got := m.match(text[at:]); got != want {
			t.Fatalf("term %q at %q: matcher ends at %d, the expression at %d", term, text[at:], got, want)
		}
	}
	return matches
}

// TestTermMatcherAgreesWithRegexp holds the hand-written matcher to the
// regular expression it replaces, for every term and acronym of the seed
// themes over text written to catch plurals, "&" for "and", runs of
// separators and word boundaries, and over the seed documents.
func TestTermMatcherAgreesWithRegexp(t *testing.T) {
	// The seed package imports this one, so its files are read from disk.
	data, err := os.ReadFile("../seed/themes.json")
	if err != nil {
		t.Fatal(err)
	}
	themes, err := ParseThemes(data)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"An Education, Health and Care Plan; education health & care plans, Education, Health, and Care plan.",
		"education & health care plans; EHC plan (EHC) Plan EHCP EHCPs EHCs",
		"care plans care plansx care  –  plan care/plan care-plan care– plan care&plan care & & plan",
		"special educational needs and disabilities, special educational needs & disability SEND SENDs",
		"homelessness homeless- homeless applications housing  register; council tax reduction",
		"and & and& &and",
	}
	docs, err := filepath.Glob("../seed/docs/*.txt")
	if err != nil || len(docs) == 0 {
		t.Fatalf("seed documents: %v (%d)", err, len(docs))
	}
	for _, d := range docs {
		b, err := os.ReadFile(d)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	matches := 0
	for _, th := range themes {
		for _, term := range th.Terms {
			for _, text := range texts {
				matches += agree(t, term, strings.ToLower(fold(text)), true)
			}
		}
		for _, a := range th.Acronyms {
			for _, text := range texts {
				matches += agree(t, a, fold(text), false)
			}
		}
	}
	if matches < 20 {
		t.Fatalf("only %d matches over the texts: the test would pass on a matcher that never matches", matches)
	}
}

// FuzzTermMatcher compares the matcher with its regular expression on any
// term and text.
func FuzzTermMatcher(f *testing.F) {
	f.Add("education, health and care plan(s)", "education, health & care plans.", true)
	f.Add("EHC", "EHCs and EHC-plans", false)
	f.Add("care plan(s)", "care  – plansx care plan", true)
	f.Fuzz(func(t *testing.T, term, text string, folded bool) {
		if !utf8.ValidString(term) || len(splitTerm(term)) == 0 || checkTerm(term) != nil {
			return // ParseThemes refuses the term
		}
		if folded {
			text = strings.ToLower(text)
		}
		agree(t, term, text, folded)
	})
}
