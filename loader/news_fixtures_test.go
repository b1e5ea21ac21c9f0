package loader_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// newsExpected is what a careful reader takes from an article in
// testdata/news: its NAME.expected.json.
type newsExpected struct {
	Kind           string              `json:"kind"`
	Headline       string              `json:"headline"`
	Councils       []string            `json:"councils"`
	ThemedCouncils map[string][]string `json:"themedCouncils"`
	Years          []string            `json:"years"`
	Claims         []struct {
		Text      string   `json:"text"`
		Value     float64  `json:"value"`
		Upper     *float64 `json:"upper"`
		Unit      string   `json:"unit"`
		Qualifier string   `json:"qualifier"`
	} `json:"claims"`
	Themes []string `json:"themes"`
}

// newsMisses are expected facts the parser is known not to take, each with
// the reason. TestNewsFixtures fails on any other missing fact, and on one
// of these once it is taken (so that the list is kept true).
var newsMisses = map[string]string{
	"02_kingston_send_remedies theme alternative-provision":                                        "'kept her at home for two terms' says it in everyday words; no term of the theme file does",
	"02_kingston_send_remedies themed alternative-provision royal-borough-of-kingston-upon-thames": "as above",
	"08_slough_send_verb_care_plan theme alternative-provision":                                    "'the council did not arrange anything else' says it in everyday words; no term of the theme file does",
	"08_slough_send_verb_care_plan themed alternative-provision slough-borough-council":            "as above",
}

// newsFacts lists an article's facts as comparable keys: its councils,
// business years, claims (text, value, upper, unit and qualifier), themes,
// and the councils each theme counts for (as the graph counts them, see
// graph.Article.ThemeCouncils).
func newsFacts(f graph.Facts) []string {
	var keys []string
	a := f.Articles[0]
	for _, c := range a.CouncilSlugs {
		keys = append(keys, "council "+c)
	}
	for _, y := range a.Years {
		keys = append(keys, "year "+y.Label())
	}
	for _, c := range f.Claims {
		keys = append(keys, claimKey(c.Text, c.Value, c.Upper, string(c.Unit), c.Qualifier))
	}
	themes := map[string]bool{}
	for _, m := range a.Matches {
		if !themes[m.Theme] {
			themes[m.Theme] = true
			keys = append(keys, "theme "+m.Theme)
			for _, c := range a.ThemeCouncils(m.Theme) {
				keys = append(keys, "themed "+m.Theme+" "+c)
			}
		}
	}
	return keys
}

func claimKey(text string, value float64, upper *float64, unit, qualifier string) string {
	u := "-"
	if upper != nil {
		u = fmt.Sprint(*upper)
	}
	return fmt.Sprintf("claim %q %v-%s %s %q", text, value, u, unit, qualifier)
}

func (e newsExpected) facts() []string {
	var keys []string
	for _, c := range e.Councils {
		keys = append(keys, "council "+graph.Slug(c))
	}
	for _, y := range e.Years {
		keys = append(keys, "year "+y)
	}
	for _, c := range e.Claims {
		keys = append(keys, claimKey(c.Text, c.Value, c.Upper, c.Unit, c.Qualifier))
	}
	for _, t := range e.Themes {
		keys = append(keys, "theme "+t)
		for _, c := range e.ThemedCouncils[t] {
			keys = append(keys, "themed "+t+" "+graph.Slug(c))
		}
	}
	return keys
}

// TestNewsFixtures parses the synthetic articles of testdata/news, written
// in the shapes real local news takes (see the notes in each expected.json;
// 11 to 16 were written after the parser was tuned on 01 to 10, to check
// that it generalises),
// with the seed councils and themes, and checks every fact against what a
// careful reader takes from them: the councils, business years, claims,
// themes and the councils each theme is about. Over all of them, at least
// 90% of the expected facts must be taken, and at least 98% of the facts
// taken must be expected.
func TestNewsFixtures(t *testing.T) {
	themes, err := loader.ParseThemes(seed.Themes)
	if err != nil {
		t.Fatal(err)
	}
	tagger := loader.NewTagger(themes)
	paths, err := filepath.Glob(filepath.Join("testdata", "news", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in testdata/news: %v", err)
	}
	var expected, taken, right int
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var want newsExpected
		js, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".expected.json")
		if err == nil {
			err = json.Unmarshal(js, &want)
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Run(name, func(t *testing.T) {
			f, err := loader.ParseArticle(name+".txt", bytes.NewReader(data), gazetteer(t))
			if err != nil {
				t.Fatal(err)
			}
			tagger.Tag(&f)
			if h := f.Articles[0].Headline; h != want.Headline {
				t.Errorf("headline = %q, want %q", h, want.Headline)
			}
			got, exp := newsFacts(f), want.facts()
			expected += len(exp)
			taken += len(got)
			for _, k := range exp {
				reason, known := newsMisses[name+" "+k]
				switch {
				case slices.Contains(got, k):
					right++
					if known {
						t.Errorf("taken now, so no longer a known miss (take it off newsMisses): %s", k)
					}
				case known:
					t.Logf("known miss: %s (%s)", k, reason)
				default:
					t.Errorf("missing: %s", k)
				}
			}
			for _, k := range got {
				if !slices.Contains(exp, k) {
					t.Errorf("not stated: %s", k)
				}
			}
		})
	}
	recall, precision := float64(right)/float64(expected), float64(right)/float64(taken)
	t.Logf("news fixtures: %d of %d expected facts taken (recall %.1f%%); %d of %d facts taken are right (precision %.1f%%)",
		right, expected, 100*recall, right, taken, 100*precision)
	if recall < 0.9 || precision < 0.98 {
		t.Errorf("recall %.1f%% (want at least 90%%), precision %.1f%% (want at least 98%%)", 100*recall, 100*precision)
	}
}

// TestNewsFixturesDamaged damages every news fixture as TestDamagedDocuments
// damages the seed corpus: a damaged article must give no fact the original
// does not. A claim is known by its value and unit here, not its text: where
// a damaged copy loses the body's "more than £5,000", the headline's "£5k"
// is no longer restated, and is a claim of its own, of a figure the
// original states.
func TestNewsFixturesDamaged(t *testing.T) {
	factKeys := func(f graph.Facts) map[string]bool {
		keys := factKeys(f)
		for k := range keys {
			if strings.HasPrefix(k, "claim ") {
				delete(keys, k)
			}
		}
		for _, c := range f.Claims {
			keys[strings.Replace(claimKey("", c.Value, c.Upper, string(c.Unit), ""), `"" `, "", 1)] = true
		}
		return keys
	}
	paths, _ := filepath.Glob(filepath.Join("testdata", "news", "*.txt"))
	gaz := gazetteer(t)
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		orig, err := loader.ParseArticle("a.txt", bytes.NewReader(data), gaz.Clone())
		if err != nil {
			t.Fatal(err)
		}
		want := factKeys(orig)
		for name, d := range damage(string(data)) {
			t.Run(filepath.Base(path)+"/"+name, func(t *testing.T) {
				f, err := loader.ParseArticle("a.txt", bytes.NewReader(d), gaz.Clone())
				if err != nil {
					return
				}
				for k := range factKeys(f) {
					if !want[k] {
						t.Errorf("a fact the original does not give: %s", k)
					}
				}
			})
		}
	}
}
