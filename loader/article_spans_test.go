package loader_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
)

// runeIndex is where sub first stands in s, in runes, as spans count.
func runeIndex(t *testing.T, s, sub string) int {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q is not in %q", sub, s)
	}
	return utf8.RuneCountInString(s[:i])
}

// TestClaimSpans checks every field of the claims of a body line, with the
// spans of each claim and of its sentence, where the line holds more than
// one sentence, a range, a change, a qualifier far into a long sentence, or
// a multiplier.
func TestClaimSpans(t *testing.T) {
	type want struct {
		value     float64
		upper     float64 // 0: no upper end
		unit      graph.ClaimUnit
		text      string
		qualifier string
		sentence  string
	}
	cases := []struct {
		line string
		want []want
	}{
		{"Complaints rose. Between 20 and 30 per cent were upheld.", []want{
			{20, 30, graph.Percent, "Between 20 and 30 per cent", "", "Between 20 and 30 per cent were upheld."}}},
		{"Between 20 and 30 per cent were upheld.", []want{
			{20, 30, graph.Percent, "Between 20 and 30 per cent", "", "Between 20 and 30 per cent were upheld."}}},
		{"Fees ran from £10 to £50 a week.", []want{ // a change: two claims
			{10, 0, graph.GBP, "£10", "", "Fees ran from £10 to £50 a week."},
			{50, 0, graph.GBP, "£50", "", "Fees ran from £10 to £50 a week."}}},
		{"Payments of between £10 and £50 were agreed.", []want{
			{10, 50, graph.GBP, "between £10 and £50", "", "Payments of between £10 and £50 were agreed."}}},
		{"Around 20-30% of cases were late, and almost 40 to 45 per cent took longer.", []want{
			{20, 30, graph.Percent, "Around 20-30%", "around", "Around 20-30% of cases were late, and almost 40 to 45 per cent took longer."},
			{40, 45, graph.Percent, "almost 40 to 45 per cent", "almost", "Around 20-30% of cases were late, and almost 40 to 45 per cent took longer."}}},
		{"It paid £2.5m, then £300k, then £1bn.", []want{
			{2.5e6, 0, graph.GBP, "£2.5m", "", "It paid £2.5m, then £300k, then £1bn."},
			{3e5, 0, graph.GBP, "£300k", "", "It paid £2.5m, then £300k, then £1bn."},
			{1e9, 0, graph.GBP, "£1bn", "", "It paid £2.5m, then £300k, then £1bn."}}},
		{"The council which had previously been criticised repeatedly agreed to pay more than £8,000 to a family.", []want{
			{8000, 0, graph.GBP, "more than £8,000", "more than", "The council which had previously been criticised repeatedly agreed to pay more than £8,000 to a family."}}},
		{"It paid £500 to 20 per cent of the families.", []want{ // money before a percentage
			{500, 0, graph.GBP, "£500", "", "It paid £500 to 20 per cent of the families."},
			{20, 0, graph.Percent, "20 per cent", "", "It paid £500 to 20 per cent of the families."}}},
		{"It paid between £10 and £10 each.", []want{ // no range without a larger upper end
			{10, 0, graph.GBP, "£10", "", "It paid between £10 and £10 each."},
			{10, 0, graph.GBP, "£10", "", "It paid between £10 and £10 each."}}},
		{"It made a one-off-council-wide-and-very-long-running-handover £500 payment.", []want{ // "over" cut from a word is no qualifier
			{500, 0, graph.GBP, "£500", "", "It made a one-off-council-wide-and-very-long-running-handover £500 payment."}}},
		{"Staff said the service-wide-and-very-long-running-unresolved between 20 and 30 per cent were late.", []want{
			{20, 30, graph.Percent, "between 20 and 30 per cent", "", "Staff said the service-wide-and-very-long-running-unresolved between 20 and 30 per cent were late."}}},
		{"Between £5 and £9 was paid. Between 5 and 9 per cent waited.", []want{
			{5, 9, graph.GBP, "Between £5 and £9", "", "Between £5 and £9 was paid."},
			{5, 9, graph.Percent, "Between 5 and 9 per cent", "", "Between 5 and 9 per cent waited."}}},
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			f := parseArticle(t, "Headline here today\n\n"+c.line)
			if len(f.Claims) != len(c.want) {
				t.Fatalf("%d claims, want %d: %+v", len(f.Claims), len(c.want), f.Claims)
			}
			for i, w := range c.want {
				got := f.Claims[i]
				if got.Ordinal != i+1 {
					t.Errorf("claim %d has ordinal %d, want %d", i, got.Ordinal, i+1)
				}
				upper := 0.0
				if got.Upper != nil {
					upper = *got.Upper
				}
				if got.Value != w.value || upper != w.upper || got.Unit != w.unit || got.Text != w.text || got.Qualifier != w.qualifier || got.Sentence != w.sentence {
					t.Errorf("claim %d = %v..%v %s %q %q %q, want %+v", i, got.Value, upper, got.Unit, got.Text, got.Qualifier, got.Sentence, w)
				}
				if len(got.Evidence) != 2 {
					t.Fatalf("claim %d has %d spans, want the sentence's and its own", i, len(got.Evidence))
				}
				checkClaimSpans(t, c.line, f.Claims, i, w.sentence, w.text, i > 0 && w.text == c.want[i-1].text)
			}
		})
	}
}

// checkClaimSpans checks claim i's spans: its sentence's, then its own, on
// line 3, where sentence and text stand in line (the second time, when again
// is set: the same words as the claim before).
func checkClaimSpans(t *testing.T, line string, claims []graph.Claim, i int, sentence, text string, again bool) {
	t.Helper()
	sent, own := claims[i].Evidence[0], claims[i].Evidence[1]
	if at := runeIndex(t, line, sentence); sent.Line != 3 || sent.Start != at || sent.End != at+utf8.RuneCountInString(sentence) || sent.Quote != sentence {
		t.Errorf("claim %d: sentence span %+v, want line 3 from %d", i, sent, at)
	}
	at := runeIndex(t, line, sentence) + runeIndex(t, sentence, text)
	if again {
		prevEnd := claims[i-1].Evidence[1].End
		at = prevEnd + runeIndex(t, line[len(string([]rune(line)[:prevEnd])):], text)
	}
	if own.Line != 3 || own.Start != at || own.End != at+utf8.RuneCountInString(text) || own.Quote != text {
		t.Errorf("claim %d: span %+v, want line 3 from %d", i, own, at)
	}
}

// TestArticleYearSpans checks the business years an article's line writes,
// in the order of the line, with their quotes: several of one form in a
// line, a written period before a year written short (so that they must be
// put in order), and a first day written "01".
func TestArticleYearSpans(t *testing.T) {
	cases := []struct {
		line   string
		quotes []string
		labels []string
	}{
		{"Between 1 April 2022 and 31 March 2023, and between 1 April 2023 and 31 March 2024, it slipped.",
			[]string{"Between 1 April 2022 and 31 March 2023", "between 1 April 2023 and 31 March 2024"}, []string{"2022-23", "2023-24"}},
		{"In the year to March 2022 and the year to 31 March 2023 it slipped.",
			[]string{"the year to March 2022", "the year to 31 March 2023"}, []string{"2021-22", "2022-23"}},
		{"Between 1 April 2022 and 31 March 2023 it slipped, and in 2024/25 it recovered.",
			[]string{"Between 1 April 2022 and 31 March 2023", "2024/25"}, []string{"2022-23", "2024-25"}},
		{"In 2024/25 it recovered; the year to March 2021 was worse.",
			[]string{"2024/25", "the year to March 2021"}, []string{"2024-25", "2020-21"}},
		{"From 01 April 2022 to 31 March 2023 it slipped.", []string{"From 01 April 2022 to 31 March 2023"}, []string{"2022-23"}},
		{"From 02 April 2022 to 31 March 2023 it slipped.", nil, nil}, // a case's dates, not a business year
	}
	for _, c := range cases {
		t.Run(c.line, func(t *testing.T) {
			a := parseArticle(t, "Headline here today\n\n"+c.line).Articles[0]
			var quotes, labels []string
			for _, s := range a.YearSpans {
				if at := runeIndex(t, c.line, s.Quote); s.Line != 3 || s.Start != at || s.End != at+utf8.RuneCountInString(s.Quote) {
					t.Errorf("span %+v is not where its quote stands", s)
				}
				quotes = append(quotes, s.Quote)
			}
			for _, y := range a.Years {
				labels = append(labels, y.Label())
			}
			if strings.Join(quotes, "|") != strings.Join(c.quotes, "|") || strings.Join(labels, "|") != strings.Join(c.labels, "|") {
				t.Errorf("years %q %q, want %q %q", quotes, labels, c.quotes, c.labels)
			}
		})
	}
}

// TestCutLastSentence checks that a number in an article's unfinished last
// sentence is no claim, whatever blank lines follow it, while the same
// number in a finished sentence is one.
func TestCutLastSentence(t *testing.T) {
	for _, doc := range []string{"Headline here today\n\nIt paid £8,0", "Headline here today\n\nIt paid £8", "Headline here today\n\nIt paid £8\n\n\n"} {
		if f := parseArticle(t, doc); len(f.Claims) != 0 {
			t.Errorf("%q: a number cut short became claims %+v", doc, f.Claims)
		}
	}
	if f := parseArticle(t, "Headline here today\n\nIt paid £8,000.\n\n\n"); len(f.Claims) != 1 || f.Claims[0].Value != 8000 {
		t.Errorf("a finished sentence's number: claims %+v, want £8,000", f.Claims)
	}
}

// TestHeadlineClaimRestated checks that a headline's claim is left out when
// the body states it again, the same value, unit and upper end, and kept
// when the body states a different range or a bare number.
func TestHeadlineClaimRestated(t *testing.T) {
	cases := []struct {
		doc   string
		texts []string
	}{
		{"Council pays 20-30% more\n\nIt paid between 20 and 30 per cent more.", []string{"between 20 and 30 per cent"}},
		{"Council pays 20-30% more\n\nIt paid between 20 and 35 per cent more.", []string{"20-30%", "between 20 and 35 per cent"}},
		{"Council pays 20-30% more\n\nIt paid 20 per cent more.", []string{"20-30%", "20 per cent"}},
		{"Council pays 20% more\n\nIt paid between 20 and 35 per cent more.", []string{"20%", "between 20 and 35 per cent"}},
		{"Council pays 20% more\n\nIt paid 20 per cent more.", []string{"20 per cent"}},
	}
	for _, c := range cases {
		var texts []string
		for _, cl := range parseArticle(t, c.doc).Claims {
			texts = append(texts, cl.Text)
		}
		if strings.Join(texts, "|") != strings.Join(c.texts, "|") {
			t.Errorf("%q: claims %q, want %q", c.doc, texts, c.texts)
		}
	}
}

// TestOnlyFurniture checks that a document of nothing but what a news site
// puts around an article is refused, naming its first such line.
func TestOnlyFurniture(t *testing.T) {
	for doc, want := range map[string]string{
		"\n\nShare this article\n":          `a.txt:3: expected an article's text; found only what a news site puts around one, such as "Share this article"`,
		"By Jane Smith\nShare this article": `a.txt:1: expected an article's text; found only what a news site puts around one, such as "By Jane Smith"`,
	} {
		_, err := loader.ParseArticle("a.txt", strings.NewReader(doc), gazetteer(t))
		if err == nil || err.Error() != want {
			t.Errorf("%q: error %v, want %s", doc, err, want)
		}
	}
}
