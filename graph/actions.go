package graph

import (
	"bytes"
	"regexp"
	"slices"
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
	var c actionClassifier
	return slices.Clone(c.classify(text))
}

// actionClassifier classifies many texts with one buffer, and gives texts
// that agree to the same actions the same (clipped) slice, so that
// classifying a graph's improvements allocates almost nothing.
type actionClassifier struct {
	lower []byte
	lists map[uint64][]ActionType
}

// classify returns what text agrees to do. The slice is shared: callers must
// not change it.
func (c *actionClassifier) classify(text string) []ActionType {
	matched := c.match(text)
	if out, ok := c.lists[matched]; ok {
		return out
	}
	var out []ActionType
	for i, r := range actionRules {
		if matched&(1<<i) != 0 {
			out = append(out, r.action)
		}
	}
	if len(out) == 0 {
		out = []ActionType{ActionOther}
	}
	if c.lists == nil {
		c.lists = map[uint64][]ActionType{}
	}
	c.lists[matched] = slices.Clip(out)
	return c.lists[matched]
}

// match returns which rules match text, bit i for rule i. The text is
// lower-cased byte for byte (ASCII letters only, as regexp's \b counts
// words), so that offsets hold and no string is made.
func (c *actionClassifier) match(text string) uint64 {
	lower := c.lower[:0]
	for i := 0; i < len(text); i++ {
		b := text[i]
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		lower = append(lower, b)
	}
	c.lower = lower
	var matched uint64 // bit i: rule i matches
	for i := 0; i < len(lower); i++ {
		if i > 0 && isWordByte(lower[i-1]) && lower[i] != "£"[0] {
			continue // not the start of a word, where every start but '£' stands
		}
		for _, st := range actionStarts[lower[i]] {
			r := &actionRules[st.rule]
			if matched&(1<<st.rule) != 0 || !bytes.HasPrefix(lower[i:], []byte(st.start)) {
				continue
			}
			if i > 0 && isWordByte(lower[i-1]) && st.start != "£" {
				continue // a start other than '£' in the middle of a word
			}
			if r.head.Match(lower[i:]) {
				matched |= 1 << st.rule
			}
		}
	}
	return matched
}

// actionStart is one of a rule's starts.
type actionStart struct {
	rule  int
	start string
}

// actionStarts holds the rules' starts by their first byte, so that a text
// is read once and a rule is tried only where one of its starts stands.
var actionStarts = func() (by [256][]actionStart) {
	for i, r := range actionRules {
		for _, s := range r.starts {
			by[s[0]] = append(by[s[0]], actionStart{i, s})
		}
	}
	return by
}()

// isWordByte reports whether c is an ASCII letter, digit or underscore, as
// regexp's \b counts them.
func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// Actions returns what the improvement with the given ID agrees to do.
func (g *Graph) Actions(id string) []ActionType {
	if im, ok := g.nodes[id].node.(*Improvement); ok {
		return im.actions
	}
	return nil
}

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
		for _, a := range im.actions {
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
	var c actionClassifier
	for _, im := range g.improvements {
		im.actions = c.classify(im.Text)
	}
}
