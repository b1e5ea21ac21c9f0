package graph_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/synth"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// referenceRules are the action rules as whole-text patterns: the form they
// had before ClassifyActions tried them only where their starts stand. They
// are the oracle the faster form must agree with.
var referenceRules = []struct {
	action graph.ActionType
	re     *regexp.Regexp
}{
	{graph.ActionRemind, regexp.MustCompile(`\b(remind\w*|brief\w*|bulletin|share (?:a copy of )?(?:this|the|our) (?:final )?decision|circulate|make staff aware|draw (?:their|staff) attention)`)},
	{graph.ActionTrain, regexp.MustCompile(`\b(train\w*|learning (?:session|event)s?|workshops?)\b`)},
	{graph.ActionReview, regexp.MustCompile(`\b(review\w*|audit\w*|reconsider\w*|look again)\b`)},
	{graph.ActionChangeProcedure, regexp.MustCompile(`\b((?:change|amend|update|revise|introduce|implement|develop|create|put in place)\w* (?:\w+ ){0,4}(?:polic(?:y|ies)|procedures?|process(?:es)?|guidance|plan|systems?|tracker|protocols?|practice)|action plan|put (?:in place|into place)|measures to)\b`)},
	{graph.ActionEvidence, regexp.MustCompile(`\b(evidence|provide (?:an )?update|report back|confirm(?:ation)? to the ombudsman|provide the ombudsman with)\b`)},
	{graph.ActionApologise, regexp.MustCompile(`\b(apologi[sz]\w*|apology)\b`)},
	{graph.ActionPay, regexp.MustCompile(`(\bpay\b|\bpayments?\b|£\d|\brefund\w*|\bcompensat\w*|\breimburs\w*)`)},
}

func referenceClassify(text string) []graph.ActionType {
	lower := strings.ToLower(text)
	var out []graph.ActionType
	for _, r := range referenceRules {
		if r.re.MatchString(lower) {
			out = append(out, r.action)
		}
	}
	if len(out) == 0 {
		out = []graph.ActionType{graph.ActionOther}
	}
	return out
}

// TestClassifyActionsMatchesReference checks that ClassifyActions gives what
// the whole-text patterns give, on the improvements of the seed corpus and of
// a synthetic corpus, and on texts where a start stands inside a word or
// without a word before it.
func TestClassifyActionsMatchesReference(t *testing.T) {
	docs := synth.Generate(synth.Options{Councils: 60, Years: 3, LastYear: 2024, CasesPerPage: 10, Seed: 3})
	l, err := loader.New(seed.Themes, seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := loader.ReadFS(seed.Docs())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		srcs = append(srcs, loader.Source{Name: d.Name, Data: []byte(d.Text)})
	}
	facts, err := l.Load(srcs)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"Repay £5 to Mr X.", "It will prepay the fee.", "Pay Mrs Y £200.", "£50 to the family", "share this decision with staff",
		"sharethis decision", "Brief staff.", "debrief the team", "The Council will put in place a plan.", "update its policy on charging",
		"provide an update to the Ombudsman", "Apologise to Ms Z.", "audited accounts", "the workshop", "reconsidering", "nothing at all"}
	for _, f := range facts {
		for _, im := range f.Improvements {
			texts = append(texts, im.Text)
		}
	}
	if len(texts) < 1000 {
		t.Fatalf("only %d texts", len(texts))
	}
	for _, text := range texts {
		if got, want := graph.ClassifyActions(text), referenceClassify(text); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
}
