package loader

import (
	"encoding/json"
	"fmt"
	"regexp"
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
	themes []matcher
}

type matcher struct {
	slug string
	re   []*regexp.Regexp // terms (any case) and acronyms (exact case)
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
	for _, t := range themes {
		m := matcher{slug: t.Slug}
		if p := alternatives(t.Terms); p != "" {
			m.re = append(m.re, regexp.MustCompile(`(?i)\b(?:`+p+`)\b`))
		}
		if p := alternatives(t.Acronyms); p != "" {
			m.re = append(m.re, regexp.MustCompile(`\b(?:`+p+`)\b`))
		}
		tg.themes = append(tg.themes, m)
	}
	return tg
}

func alternatives(terms []string) string {
	var alts []string
	for _, term := range terms {
		var words []string
		for _, w := range strings.FieldsFunc(fold(term), func(r rune) bool { return r == ' ' || r == ',' }) {
			plural := strings.HasSuffix(w, "(s)")
			w = regexp.QuoteMeta(strings.TrimSuffix(w, "(s)"))
			if plural {
				w += "s?"
			}
			words = append(words, w)
		}
		if len(words) > 0 {
			alts = append(alts, strings.Join(words, termSeparator))
		}
	}
	return strings.Join(alts, "|")
}

// Match finds the themes' terms in the quote of span s. Each match's evidence
// is the sentence it was found in.
func (tg *Tagger) Match(s graph.Span) []graph.ThemeMatch {
	var out []graph.ThemeMatch
	f := fold(s.Quote)
	seen := map[string]bool{}
	for _, m := range tg.themes {
		for _, re := range m.re {
			for _, loc := range re.FindAllStringIndex(f, -1) {
				a, b := origOffset(s.Quote, f, loc[0]), origOffset(s.Quote, f, loc[1])
				sent := sentenceAt(s.Quote, a)
				key := fmt.Sprintf("%s\x00%d\x00%s", m.slug, sent[0], strings.ToLower(f[loc[0]:loc[1]]))
				if seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, graph.ThemeMatch{Theme: m.slug, Term: s.Quote[a:b], Evidence: subSpan(s, sent[0], sent[1])})
			}
		}
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
