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
	// terms by the first bytes of their anchors: a text is read once, and at
	// each word only the terms that could start there are tried.
	folded, exact map[string][]int
}

// prefixLen is how many bytes of an anchor key the Tagger's maps.
const prefixLen = 3

func prefix(s string) string { return s[:min(len(s), prefixLen)] }

// term is one term or acronym of a theme, compiled.
type term struct {
	theme string
	order int // the theme's position in the theme file
	// re matches the term at the start of a text.
	re *regexp.Regexp
	// anchor is the text every match starts with (a term's first word,
	// lower-cased, or an acronym's), so that re only runs where it stands.
	anchor string
	folded bool // the term is sought in lower-cased text
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// termSeparator stands between a term's words: "Education, Health and Care"
// also matches "Education, Health, and Care" and "(EHC) Plan" matches
// "EHC plan".
const termSeparator = `[\s,;:()&/–-]+`

// NewTagger compiles the themes' terms and acronyms. Terms match without
// regard to case (of ASCII letters) and acronyms with regard to it, both on
// word boundaries; a trailing "(s)" makes a plural optional.
func NewTagger(themes []graph.Theme) *Tagger {
	tg := &Tagger{folded: map[string][]int{}, exact: map[string][]int{}}
	defer func() {
		for i, tm := range tg.terms {
			m := tg.exact
			if tm.folded {
				m = tg.folded
			}
			m[prefix(tm.anchor)] = append(m[prefix(tm.anchor)], i)
		}
	}()
	for i, t := range themes {
		for _, tm := range t.Terms {
			if words := termWords(tm); len(words) > 0 {
				tg.terms = append(tg.terms, term{theme: t.Slug, order: i, anchor: strings.ToLower(firstWord(tm)), folded: true,
					re: regexp.MustCompile(`^` + strings.ToLower(strings.Join(words, termSeparator)) + `\b`)})
			}
		}
		for _, a := range t.Acronyms {
			if words := termWords(a); len(words) > 0 {
				tg.terms = append(tg.terms, term{theme: t.Slug, order: i, anchor: firstWord(a),
					re: regexp.MustCompile(`^` + strings.Join(words, termSeparator) + `\b`)})
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
	lower := asciiLower(f)
	for at := 0; at < len(f); at++ {
		if at > 0 && isWordByte(f[at-1]) || !isWordByte(f[at]) && f[at] < 0x80 {
			continue // not the start of a word
		}
		for _, cand := range [2]struct {
			text  string
			terms []int
		}{{lower, tg.folded[prefix(lower[at:])]}, {f, tg.exact[prefix(f[at:])]}} {
			for _, ti := range cand.terms {
				tm := tg.terms[ti]
				if !strings.HasPrefix(cand.text[at:], tm.anchor) {
					continue
				}
				m := tm.re.FindStringIndex(cand.text[at:])
				if m == nil {
					continue
				}
				loc := [2]int{at, at + m[1]}
				a, b := origOffset(s.Quote, f, loc[0]), origOffset(s.Quote, f, loc[1])
				sent := sentenceAt(s.Quote, a)
				key := fmt.Sprintf("%s\x00%d\x00%s", tm.theme, sent[0], lower[loc[0]:loc[1]])
				if seen[key] {
					continue
				}
				seen[key] = true
				hits = append(hits, found{graph.ThemeMatch{Theme: tm.theme, Term: s.Quote[a:b], Evidence: subSpan(s, sent[0], sent[1])}, tm.order, a, b})
			}
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

// asciiLower lower-cases the ASCII letters of s and leaves every other byte
// as it is, so that byte offsets into the result hold for s. Terms are
// matched on it with lower-case patterns, which is much faster than
// case-insensitive matching.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
