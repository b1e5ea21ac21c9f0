package graph

import (
	"regexp"
	"slices"
	"strings"
)

// ActionType is a kind of thing a council agrees to do after a case.
type ActionType string

// The kinds of action, in the order they are listed.
const (
	ActionRemind          ActionType = "REMIND_OR_BRIEF"
	ActionTrain           ActionType = "TRAIN"
	ActionReview          ActionType = "REVIEW"
	ActionChangeProcedure ActionType = "CHANGE_PROCEDURE"
	ActionEvidence        ActionType = "PROVIDE_EVIDENCE"
	ActionApologise       ActionType = "APOLOGISE"
	ActionPay             ActionType = "PAY"
	ActionOther           ActionType = "OTHER"
)

// ActionTypes lists every action type in a stable order.
var ActionTypes = []ActionType{ActionRemind, ActionTrain, ActionReview, ActionChangeProcedure, ActionEvidence, ActionApologise, ActionPay, ActionOther}

// actionRules say which words mark which action. An improvement can agree to
// several actions ("review … and remind staff …"). Patterns are matched on
// the text in lower case, and only when the text holds one of their anchors,
// which is much faster than case-insensitive matching of every rule.
var actionRules = []struct {
	action  ActionType
	anchors []string
	re      *regexp.Regexp
}{
	{ActionRemind, []string{"remind", "brief", "bulletin", "share", "circulate", "aware", "attention"},
		regexp.MustCompile(`\b(remind\w*|brief\w*|bulletin|share (?:a copy of )?(?:this|the|our) (?:final )?decision|circulate|make staff aware|draw (?:their|staff) attention)`)},
	{ActionTrain, []string{"train", "learning", "workshop"}, regexp.MustCompile(`\b(train\w*|learning (?:session|event)s?|workshops?)\b`)},
	{ActionReview, []string{"review", "audit", "reconsider", "look again"}, regexp.MustCompile(`\b(review\w*|audit\w*|reconsider\w*|look again)\b`)},
	{ActionChangeProcedure, []string{"chang", "amend", "updat", "revis", "introduc", "implement", "develop", "creat", "put in place", "put into place", "action plan", "measures to"},
		regexp.MustCompile(`\b((?:change|amend|update|revise|introduce|implement|develop|create|put in place)\w* (?:\w+ ){0,4}(?:polic(?:y|ies)|procedures?|process(?:es)?|guidance|plan|systems?|tracker|protocols?|practice)|action plan|put (?:in place|into place)|measures to)\b`)},
	{ActionEvidence, []string{"evidence", "update", "report back", "confirm", "provide the ombudsman"},
		regexp.MustCompile(`\b(evidence|provide (?:an )?update|report back|confirm(?:ation)? to the ombudsman|provide the ombudsman with)\b`)},
	{ActionApologise, []string{"apolog"}, regexp.MustCompile(`\b(apologi[sz]\w*|apology)\b`)},
	{ActionPay, []string{"pay", "£", "refund", "compensat", "reimburs"}, regexp.MustCompile(`(\bpay\b|\bpayments?\b|£\d|\brefund\w*|\bcompensat\w*|\breimburs\w*)`)},
}

// ClassifyActions returns what an improvement's text agrees to do, in the
// order of ActionTypes; OTHER when no rule matches.
func ClassifyActions(text string) []ActionType {
	lower := strings.ToLower(text)
	var out []ActionType
	for _, r := range actionRules {
		if containsAny(lower, r.anchors) && r.re.MatchString(lower) {
			out = append(out, r.action)
		}
	}
	if len(out) == 0 {
		out = []ActionType{ActionOther}
	}
	return out
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// Actions returns what the improvement with the given ID agrees to do.
func (g *Graph) Actions(id string) []ActionType { return g.actions[id] }

// ActionCount counts the improvements that agree to one kind of action.
type ActionCount struct {
	Action ActionType
	Count  int
}

// ActionCounts counts, for each action type, the improvements the filter
// selects that agree to it. Every action type is listed, zeros included.
func (g *Graph) ActionCounts(f Filter) ([]ActionCount, error) {
	imps, err := g.Improvements(f)
	if err != nil {
		return nil, err
	}
	counts := map[ActionType]int{}
	for _, im := range imps {
		for _, a := range g.actions[im.ID()] {
			counts[a]++
		}
	}
	out := make([]ActionCount, len(ActionTypes))
	for i, a := range ActionTypes {
		out[i] = ActionCount{a, counts[a]}
	}
	return out, nil
}

func (b *builder) classify() {
	g := b.g
	g.actions = make(map[string][]ActionType, len(g.improvements))
	for _, im := range g.improvements {
		g.actions[im.ID()] = slices.Clip(ClassifyActions(im.Text))
	}
}
