package loader

import (
	"cmp"
	"regexp"
	"slices"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// The themes that an article's wording can mistake for one another.
const (
	themeSEND         = "send"
	themeCarePlanning = "assessment-care-planning"
	themeDisability   = "disability-discrimination"
	themeHomelessness = "homelessness"
	themeRecords      = "record-keeping"
	themeCharging     = "care-charging"
)

var (
	// sendName is the name SEND stands for, whose "disabilities" is no
	// disability discrimination.
	sendName = regexp.MustCompile(`(?i)special\s+educational\s+needs\s*(?:,\s*)?(?:and|&)\s+disabilit(?:y|ies)`)
	// ehcBefore ends the text before the "needs assessment" of an
	// education, health and care needs assessment.
	ehcBefore = regexp.MustCompile(`(?i)(?:education,?\s+health,?\s+(?:and|&)\s+care|\bEHC(?:P)?|\(EHC\))\s+$`)
	// carePlan is an adult care planning term that an EHC plan is also
	// called in a story about a child's education.
	carePlan = regexp.MustCompile(`(?i)^care\s+plans?$`)
	// adultCare shows a care plan is an adult's after all.
	adultCare = regexp.MustCompile(`(?i)\badults?\b|\bolder\s+(?:person|people)\b|\belderly\b|\bcare\s+home\b|\bhome\s+care\b|\bcare\s+at\s+home\b|\bcarers?\b|\bpensioner\b`)
	// charityAfter follows "homeless" in a charity's name or description.
	charityAfter = regexp.MustCompile(`(?i)^\s+(?:charity|charities|people's\s+charity)\b`)
	// toldTo ends the text before "make a record" when the council told
	// someone else to keep it: "told Mr X to make a record of the noise".
	toldTo = regexp.MustCompile(`(?i)\b(?:told|asked|advised|encouraged|urged|invited|suggested)\b[^.;]*\bto\s+$`)
	// overcharged and forCare find an article about a council that
	// overcharged someone for care.
	overcharged = regexp.MustCompile(`(?i)\bover-?charg(?:e|ed|es|ing)\b`)
	forCare     = regexp.MustCompile(`(?i)\bcare\b`)
)

// articleMatches finds the themes of an article's body, reading each match
// in the light of its sentence and of the whole article:
//
//   - the "disabilities" of "special educational needs and disabilities" is
//     part of SEND's name, not disability discrimination;
//   - the "needs assessment" of an "education, health and care needs
//     assessment" (or an "EHC needs assessment") is SEND, not adult
//     assessment;
//   - in a story about SEND, a "care plan" is the child's EHC plan, and so
//     no adult care planning, unless its sentence is about adults;
//   - "a homeless charity" is a charity, not homelessness;
//   - someone told "to make a record" of something keeps their own record,
//     not the council's;
//   - a sentence in which someone was overcharged for care is care charging.
//
// The rules hold for articles, whose wording is loose; improvements and
// reports are tagged by their terms alone.
func (tg *Tagger) articleMatches(body []graph.Span) []graph.ThemeMatch {
	type spanHits struct {
		s    graph.Span
		hits []themeHit
	}
	var all []spanHits
	send := false
	for _, s := range body {
		var kept []themeHit
		for _, h := range tg.hits(s) {
			// The sentence, and where the match stands in it.
			q, pos, end := s.Quote[h.sent[0]:h.sent[1]], h.pos-h.sent[0], h.end-h.sent[0]
			switch h.m.Theme {
			case themeDisability:
				if inside(sendName, q, pos, end) {
					continue
				}
			case themeCarePlanning:
				if strings.Contains(strings.ToLower(h.m.Term), "needs assessment") && ehcBefore.MatchString(q[:pos]) {
					if tg.themes[themeSEND] {
						h.m.Theme, h.order = themeSEND, tg.order[themeSEND]
						kept = append(kept, h)
					}
					continue
				}
			case themeHomelessness:
				if strings.EqualFold(h.m.Term, "homeless") && charityAfter.MatchString(q[end:]) {
					continue
				}
			case themeRecords:
				if strings.HasPrefix(strings.ToLower(h.m.Term), "make") && toldTo.MatchString(q[:pos]) {
					continue
				}
			}
			send = send || h.m.Theme == themeSEND
			kept = append(kept, h)
		}
		if tg.themes[themeCharging] && strings.Contains(strings.ToLower(s.Quote), "vercharg") && !slices.ContainsFunc(kept, func(h themeHit) bool { return h.m.Theme == themeCharging }) {
			for _, sr := range sentences(s.Quote) {
				sent := s.Quote[sr[0]:sr[1]]
				if !strings.Contains(sent, "vercharg") && !strings.Contains(sent, "VERCHARG") {
					continue
				}
				if m := overcharged.FindStringIndex(sent); m != nil && forCare.MatchString(sent) {
					kept = append(kept, themeHit{graph.ThemeMatch{Theme: themeCharging, Term: sent[m[0]:m[1]], Evidence: subSpan(s, sr[0], sr[1])},
						tg.order[themeCharging], sr[0] + m[0], sr[0] + m[1], sr})
				}
			}
		}
		all = append(all, spanHits{s, kept})
	}
	var out []graph.ThemeMatch
	for _, sh := range all {
		hits := sh.hits
		if send {
			hits = slices.DeleteFunc(hits, func(h themeHit) bool {
				return h.m.Theme == themeCarePlanning && carePlan.MatchString(h.m.Term) && !adultCare.MatchString(h.m.Evidence.Quote)
			})
		}
		slices.SortStableFunc(hits, func(x, y themeHit) int { return cmp.Or(x.order-y.order, x.pos-y.pos) })
		for _, h := range hits {
			out = append(out, h.m)
		}
	}
	return out
}

// inside reports whether bytes [a,b) of s lie inside a match of re.
func inside(re *regexp.Regexp, s string, a, b int) bool {
	for _, m := range re.FindAllStringIndex(s, -1) {
		if m[0] <= a && b <= m[1] {
			return true
		}
	}
	return false
}
