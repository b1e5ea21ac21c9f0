package loader

import (
	"cmp"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

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
		}
		seen[t.Slug] = true
	}
	return f.Themes, nil
}

// Tagger finds the terms and acronyms of themes in text.
type Tagger struct {
	terms []term
}

// term is one term or acronym of a theme, compiled.
type term struct {
	theme string
	order int // the theme's position in the theme file
	re    *regexp.Regexp
	// anchor is text every match contains (a term's first word, lower-cased,
	// or the acronym itself), so that re only runs on text that holds it.
	anchor string
	folded bool // anchor is sought in lower-cased text
}

// termSeparator stands between a term's words: "Education, Health and Care"
// also matches "Education, Health, and Care" and "(EHC) Plan" matches
// "EHC plan".
const termSeparator = `[\s,;:()&/–-]+`

// NewTagger compiles the themes' terms and acronyms. Terms match without
// regard to case and acronyms with regard to it, both on word boundaries; a
// trailing "(s)" makes a plural optional.
func NewTagger(themes []graph.Theme) *Tagger {
	tg := &Tagger{}
	for i, t := range themes {
		for _, tm := range t.Terms {
			if words := termWords(tm); len(words) > 0 {
				tg.terms = append(tg.terms, term{theme: t.Slug, order: i, anchor: strings.ToLower(firstWord(tm)), folded: true,
					re: regexp.MustCompile(`(?i)\b` + strings.Join(words, termSeparator) + `\b`)})
			}
		}
		for _, a := range t.Acronyms {
			if words := termWords(a); len(words) > 0 {
				tg.terms = append(tg.terms, term{theme: t.Slug, order: i, anchor: firstWord(a),
					re: regexp.MustCompile(`\b` + strings.Join(words, termSeparator) + `\b`)})
			}
		}
	}
	return tg
}

func splitTerm(s string) []string {
	return strings.FieldsFunc(fold(s), func(r rune) bool { return r == ' ' || r == ',' })
}

// firstWord returns a term's first word, without a "(s)".
func firstWord(s string) string { return strings.TrimSuffix(splitTerm(s)[0], "(s)") }

// termWords returns the regular expressions of a term's words.
func termWords(s string) []string {
	var words []string
	for _, w := range splitTerm(s) {
		plural := strings.HasSuffix(w, "(s)")
		w = regexp.QuoteMeta(strings.TrimSuffix(w, "(s)"))
		if plural {
			w += "s?"
		}
		words = append(words, w)
	}
	return words
}

// Match finds the themes' terms in the quote of span s. Each match's evidence
// is the sentence it was found in. Matches come in the theme file's order of
// themes, and in the order of the text within a theme.
func (tg *Tagger) Match(s graph.Span) []graph.ThemeMatch {
	type found struct {
		m               graph.ThemeMatch
		order, pos, end int
	}
	var hits []found
	f := fold(s.Quote)
	seen := map[string]bool{}
	lower := strings.ToLower(f)
	for _, tm := range tg.terms {
		if tm.folded && !strings.Contains(lower, tm.anchor) || !tm.folded && !strings.Contains(f, tm.anchor) {
			continue
		}
		for _, loc := range tm.re.FindAllStringIndex(f, -1) {
			a, b := origOffset(s.Quote, f, loc[0]), origOffset(s.Quote, f, loc[1])
			sent := sentenceAt(s.Quote, a)
			key := fmt.Sprintf("%s\x00%d\x00%s", tm.theme, sent[0], strings.ToLower(f[loc[0]:loc[1]]))
			if seen[key] {
				continue
			}
			seen[key] = true
			hits = append(hits, found{graph.ThemeMatch{Theme: tm.theme, Term: s.Quote[a:b], Evidence: subSpan(s, sent[0], sent[1])}, tm.order, a, b})
		}
	}
	// Text can be one phrase only: a match that overlaps an earlier (or, at
	// the same place, longer) match of another theme gives way to it, so the
	// "Care Plan" of "Education, Health and Care Plan" is not adult care
	// planning.
	slices.SortStableFunc(hits, func(x, y found) int { return cmp.Or(x.pos-y.pos, y.end-x.end) })
	kept := hits[:0]
	for _, h := range hits {
		if !slices.ContainsFunc(kept, func(k found) bool { return k.m.Theme != h.m.Theme && h.pos < k.end && k.pos < h.end }) {
			kept = append(kept, h)
		}
	}
	hits = kept
	slices.SortStableFunc(hits, func(x, y found) int { return cmp.Or(x.order-y.order, x.pos-y.pos) })
	out := make([]graph.ThemeMatch, len(hits))
	for i, h := range hits {
		out[i] = h.m
	}
	return out
}

// Tag records the theme matches of every improvement, report and article in
// f.
func (tg *Tagger) Tag(f *graph.Facts) {
	for i := range f.Improvements {
		im := &f.Improvements[i]
		im.Matches = nil
		for _, s := range im.Evidence[:1] {
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
		a := &f.Articles[i]
		a.Matches = nil
		for _, s := range a.Body {
			a.Matches = append(a.Matches, tg.Match(s)...)
		}
	}
}
