package loader

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// ParseThemes parses a theme file, a JSON object {"themes": [Theme...]}, and
// checks every theme is usable.
func ParseThemes(data []byte) ([]graph.Theme, error) {
	var f struct {
		Themes []graph.Theme `json:"themes"`
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("themes: %w", err)
	}
	seen := map[string]bool{}
	for i, t := range f.Themes {
		switch {
		case t.Slug == "" || t.Slug != graph.Slug(t.Slug):
			return nil, fmt.Errorf("themes: theme %d: slug %q must be lower-case letters, digits and '-'", i+1, t.Slug)
		case seen[t.Slug]:
			return nil, fmt.Errorf("themes: theme %q is defined twice", t.Slug)
		case t.Name == "":
			return nil, fmt.Errorf("themes: theme %q has no name", t.Slug)
		case len(t.Terms) == 0 && len(t.Acronyms) == 0 && len(t.Subcategories) == 0:
			return nil, fmt.Errorf("themes: theme %q has no terms, acronyms or sub-categories, so nothing can carry it", t.Slug)
		}
		for _, term := range append(append([]string{}, t.Terms...), t.Acronyms...) {
			if strings.TrimSpace(term) == "" {
				return nil, fmt.Errorf("themes: theme %q has an empty term", t.Slug)
			}
			if err := checkTerm(term); err != nil {
				return nil, fmt.Errorf("themes: theme %q: %w", t.Slug, err)
			}
		}
		seen[t.Slug] = true
	}
	return f.Themes, nil
}

// checkTerm reports a term whose words the Tagger cannot match: each word must
// start with a letter or a digit, since punctuation between words is free
// ("Education, Health & Care"), and a word of punctuation alone would make
// every run of it a match to try.
func checkTerm(term string) error {
	for _, w := range splitTerm(term) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return fmt.Errorf("term %q: the word %q must start with a letter or a digit", term, w)
		}
	}
	return nil
}

func splitTerm(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool { return r == ' ' || r == ',' })
}

// firstWord returns a term's first word, without a "(s)".
func firstWord(s string) string { return strings.TrimSuffix(splitTerm(s)[0], "(s)") }

// Tag records the theme matches of every improvement, report and article in
// f. An article's matches are read in the light of the whole article (see
// articleMatches), and each says which of its councils it is about (see
// attachThemeCouncils).
func (tg *Tagger) Tag(f *graph.Facts) {
	for i := range f.Improvements {
		im := &f.Improvements[i]
		im.Matches = nil
		for _, s := range im.Evidence { // a line each, where it wraps
			im.Matches = append(im.Matches, tg.Match(s)...)
		}
	}
	for i := range f.Reports {
		r := &f.Reports[i]
		r.Matches = nil
		for _, s := range r.Evidence {
			r.Matches = append(r.Matches, tg.Match(s)...)
		}
	}
	for i := range f.Articles {
		f.Articles[i].Matches = tg.articleMatches(f.Articles[i].Body)
	}
	attachThemeCouncils(f)
}
