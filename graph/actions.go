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
// several actions ("review … and remind staff …"). Each rule is a list of
// alternatives that each start with one of its starts, at the start of a
// word; a rule is tried only where one of its starts stands in the text (in
// lower case), anchored there, which is much faster than searching the whole
// text with every rule.
var actionRules = []struct {
	action ActionType
	starts []string
	head   *regexp.Regexp
}{
	{ActionRemind, []string{"remind", "brief", "bulletin", "share", "circulate", "make staff aware", "draw"},
		regexp.MustCompile(`^(?:remind\w*|brief\w*|bulletin|share (?:a copy of )?(?:this|the|our) (?:final )?decision|circulate|make staff aware|draw (?:their|staff) attention)`)},
	{ActionTrain, []string{"train", "learning", "workshop"}, regexp.MustCompile(`^(?:train\w*|learning (?:session|event)s?|workshops?)\b`)},
	{ActionReview, []string{"review", "audit", "reconsider", "look again"}, regexp.MustCompile(`^(?:review\w*|audit\w*|reconsider\w*|look again)\b`)},
	{ActionChangeProcedure, []string{"change", "amend", "update", "revise", "introduce", "implement", "develop", "create", "put", "action plan", "measures to"},
		regexp.MustCompile(`^(?:(?:change|amend|update|revise|introduce|implement|develop|create|put in place)\w* (?:\w+ ){0,4}(?:polic(?:y|ies)|procedures?|process(?:es)?|guidance|plan|systems?|tracker|protocols?|practice)|action plan|put (?:in place|into place)|measures to)\b`)},
	{ActionEvidence, []string{"evidence", "provide", "report back", "confirm"},
		regexp.MustCompile(`^(?:evidence|provide (?:an )?update|report back|confirm(?:ation)? to the ombudsman|provide the ombudsman with)\b`)},
	{ActionApologise, []string{"apolog"}, regexp.MustCompile(`^(?:apologi[sz]\w*|apology)\b`)},
	{ActionPay, []string{"pay", "£", "refund", "compensat", "reimburs"}, regexp.MustCompile(`^(?:pay\b|payments?\b|£\d|refund\w*|compensat\w*|reimburs\w*)`)},
}

// ClassifyActions returns what an improvement's text agrees to do, in the
// order of ActionTypes; OTHER when no rule matches.
func ClassifyActions(text string) []ActionType {
	lower := strings.ToLower(text)
	var out []ActionType
	for _, r := range actionRules {
		if ruleMatches(lower, r.starts, r.head) {
			out = append(out, r.action)
		}
	}
	if len(out) == 0 {
		out = []ActionType{ActionOther}
	}
	return out
}

// ruleMatches reports whether head matches s at the start of a word where
// one of starts stands ('£' needs no word before it to end).
func ruleMatches(s string, starts []string, head *regexp.Regexp) bool {
	for _, start := range starts {
		for from := 0; ; {
			i := strings.Index(s[from:], start)
			if i < 0 {
				break
			}
			i += from
			from = i + 1
			if i > 0 && isWordByte(s[i-1]) && start != "£" {
				continue
			}
			if head.MatchString(s[i:]) {
				return true
			}
		}
	}
	return false
}

// isWordByte reports whether c is an ASCII letter, digit or underscore, as
// regexp's \b counts them.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
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
