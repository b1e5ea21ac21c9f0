package graph

import (
	"fmt"
	"math"
	"regexp"
	"strings"
)

// ClaimStatus is the verdict of checking a claim against official statistics.
type ClaimStatus string

// The verdicts.
const (
	// ClaimConsistent: the claim agrees with the official statistic.
	ClaimConsistent ClaimStatus = "CONSISTENT"
	// ClaimDiffers: the official statistic says something else.
	ClaimDiffers ClaimStatus = "DIFFERS"
	// ClaimUnverified: there is no official statistic to check it against.
	ClaimUnverified ClaimStatus = "UNVERIFIED"
)

// Metric names a statistic the Ombudsman publishes.
type Metric string

// The metrics a claim can speak about.
const (
	MetricUpheldPercent                    Metric = "UPHELD_PERCENT"
	MetricCompliancePercent                Metric = "COMPLIANCE_PERCENT"
	MetricSatisfactoryRemedyPercent        Metric = "SATISFACTORY_REMEDY_PERCENT"
	MetricSimilarUpheldPercent             Metric = "SIMILAR_UPHELD_PERCENT"
	MetricSimilarCompliancePercent         Metric = "SIMILAR_COMPLIANCE_PERCENT"
	MetricSimilarSatisfactoryRemedyPercent Metric = "SIMILAR_SATISFACTORY_REMEDY_PERCENT"
)

// ClaimCheck is the result of checking one claim.
type ClaimCheck struct {
	Status ClaimStatus
	// Council, Year and Metric say which statistic the claim speaks about,
	// as far as they could be told; Statistics is that statistic's record
	// and Official its value, when the graph has them.
	Council       *Council
	Year          *Year
	Metric        Metric
	Statistics    *Statistics
	OfficialValue *float64
	// Reason says why the claim got its status.
	Reason string
}

// Check returns the check of the claim with the given ID.
func (g *Graph) Check(claimID string) (ClaimCheck, bool) {
	c, ok := g.checks[claimID]
	return c, ok
}

// ClaimTolerance is how far, in percentage points, a claim may be from the
// official value and still be consistent with it: statistics are published
// rounded to whole numbers.
const ClaimTolerance = 0.5

var (
	upheldWords     = words(`(?i)\b(upheld|uphold|upholds|investigat\w*)\b`, "uphold", "upheld", "investigat")
	complianceWords = words(`(?i)\b(compl(?:y|ied|iance|ying)|implemented|recommendations)\b`, "compl", "implemented", "recommendations")
	remedyWords     = words(`(?i)\b(satisfactory remed\w*|remed(?:y|ied|ies)|put things right)\b`, "remed", "put things right")
	averageWords    = words(`(?i)\b(average|similar|comparable)\b`, "average", "similar", "comparable")
)

// wordsPattern is a case-insensitive pattern of words and the lower-case
// text one of which every match contains: most sentences hold none of them,
// and looking for text is much cheaper than running the pattern.
type wordsPattern struct {
	re    *regexp.Regexp
	hints []string
}

func words(pattern string, hints ...string) wordsPattern {
	return wordsPattern{regexp.MustCompile(pattern), hints}
}

// MatchString reports whether the pattern matches s. The pattern runs only
// where a hint stands. Its case folding knows two letters outside ASCII that
// fold to ASCII ones, the long s "ſ" and the Kelvin sign "K"; text with
// either goes straight to it.
func (w wordsPattern) MatchString(s string) bool {
	if strings.Contains(s, "ſ") || strings.Contains(s, "K") {
		return w.re.MatchString(s)
	}
	for _, h := range w.hints {
		if containsFold(s, h) {
			return w.re.MatchString(s)
		}
	}
	return false
}

// containsFold reports whether s contains lower-case ASCII h in any case.
func containsFold(s, h string) bool {
	for i := 0; i+len(h) <= len(s); i++ {
		if s[i]|0x20 == h[0] && strings.EqualFold(s[i:i+len(h)], h) {
			return true
		}
	}
	return false
}

// checkClaims checks every claim. A percentage is read as an official
// statistic when its sentence names one (upheld, compliance, satisfactory
// remedy), or when it continues the sentence before ("the average among
// similar authorities was just eight per cent"); as the similar-authority
// average when "average", "similar" or "comparable" stands between it and
// the claim before it, or just after it. The council and year are the
// article's, when it has one of each or the sentence names one.
func (b *builder) checkClaims() {
	g := b.g
	g.checks = make(map[string]ClaimCheck, len(g.claims))
	for _, a := range g.articles {
		var prev Metric
		prevEnd := 0
		prevSentence := ""
		for _, c := range g.claimsByArticle[a.Doc] {
			if c.Sentence != prevSentence {
				prevEnd = 0
			}
			chk := g.checkClaim(a, c, prev, prevEnd)
			if chk.Metric != "" {
				prev = chk.Metric
			}
			prevSentence = c.Sentence
			if i := strings.Index(c.Sentence, c.Text); i >= 0 {
				prevEnd = i + len(c.Text)
			}
			g.checks[c.ID()] = chk
		}
	}
}

func (g *Graph) checkClaim(a *Article, c *Claim, prev Metric, prevEnd int) ClaimCheck {
	if c.Unit != Percent {
		return ClaimCheck{Status: ClaimUnverified, Reason: "the Ombudsman's annual statistics hold no amounts of money"}
	}
	s := c.Sentence
	at := strings.Index(s, c.Text)
	if at < 0 {
		at = 0
	}
	before, after := s[min(prevEnd, at):at], s[min(at+len(c.Text), len(s)):]
	if len(after) > 40 {
		after = after[:40]
	}
	similar := averageWords.MatchString(before) || averageWords.MatchString(after)
	var base Metric
	switch {
	case remedyWords.MatchString(s):
		base = MetricSatisfactoryRemedyPercent
	case complianceWords.MatchString(s):
		base = MetricCompliancePercent
	case upheldWords.MatchString(s):
		base = MetricUpheldPercent
	case prev != "" && averageWords.MatchString(s):
		base = Metric(strings.TrimPrefix(string(prev), "SIMILAR_"))
		similar = true
	default:
		return ClaimCheck{Status: ClaimUnverified, Reason: "the sentence names no statistic the Ombudsman publishes"}
	}
	metric := base
	if similar {
		metric = "SIMILAR_" + base
	}
	chk := ClaimCheck{Status: ClaimUnverified, Metric: metric}
	council, reason := g.claimCouncil(a, s)
	if council == nil {
		chk.Reason = reason
		return chk
	}
	chk.Council = council
	year, reason := claimYear(a, s)
	if year == nil {
		chk.Reason = reason
		return chk
	}
	chk.Year = year
	for _, st := range g.statsByCouncil[council.Slug] {
		if st.Year == *year {
			chk.Statistics = st
		}
	}
	if chk.Statistics == nil {
		chk.Reason = fmt.Sprintf("there are no official statistics for %s in %s", council.Name, year.Label())
		return chk
	}
	chk.OfficialValue = metricValue(chk.Statistics, metric)
	if chk.OfficialValue == nil {
		chk.Reason = fmt.Sprintf("the statistics of %s for %s do not state %s", council.Name, year.Label(), metricName(metric, council))
		return chk
	}
	if math.Abs(*chk.OfficialValue-c.Value) <= ClaimTolerance {
		chk.Status = ClaimConsistent
		chk.Reason = fmt.Sprintf("the Ombudsman's statistics give %s in %s as %g%%", metricName(metric, council), year.Label(), *chk.OfficialValue)
	} else {
		chk.Status = ClaimDiffers
		chk.Reason = fmt.Sprintf("the claim says %g%%; the Ombudsman's statistics give %s in %s as %g%%", c.Value, metricName(metric, council), year.Label(), *chk.OfficialValue)
	}
	return chk
}

// claimCouncil is the council a claim speaks about: the article's only
// council, or the one of its councils the sentence names.
func (g *Graph) claimCouncil(a *Article, sentence string) (*Council, string) {
	switch len(a.CouncilSlugs) {
	case 0:
		return nil, "the article names no council"
	case 1:
		return g.councilBySlug[a.CouncilSlugs[0]], ""
	}
	var named []*Council
	for _, slug := range a.CouncilSlugs {
		c := g.councilBySlug[slug]
		place := strings.Fields(c.Name)[0]
		if strings.Contains(sentence, place) {
			named = append(named, c)
		}
	}
	if len(named) == 1 {
		return named[0], ""
	}
	return nil, "the article names several councils and the sentence does not say which"
}

var sentenceYear = regexp.MustCompile(`\b((?:19|20)\d{2})\s?[/–-]\s?(\d{2})\b`)

// claimYear is the business year a claim speaks about: one written in its
// sentence, or the article's only one.
func claimYear(a *Article, sentence string) (*Year, string) {
	if m := sentenceYear.FindString(sentence); m != "" {
		if y, err := ParseYear(m); err == nil {
			return &y, ""
		}
	}
	switch len(a.Years) {
	case 0:
		return nil, "the article names no business year"
	case 1:
		y := a.Years[0]
		return &y, ""
	}
	return nil, "the article names several business years and the sentence does not say which"
}

func metricValue(s *Statistics, m Metric) *float64 {
	switch m {
	case MetricUpheldPercent:
		return s.UpheldPercent
	case MetricCompliancePercent:
		return s.CompliancePercent
	case MetricSatisfactoryRemedyPercent:
		return s.SatisfactoryRemedyPercent
	case MetricSimilarUpheldPercent:
		return s.SimilarAuthorities.UpheldPercent
	case MetricSimilarCompliancePercent:
		return s.SimilarAuthorities.CompliancePercent
	case MetricSimilarSatisfactoryRemedyPercent:
		return s.SimilarAuthorities.SatisfactoryRemedyPercent
	}
	return nil
}

// metricName describes a metric of a council in words.
func metricName(m Metric, c *Council) string {
	switch m {
	case MetricUpheldPercent:
		return "the upheld rate of " + c.Name
	case MetricCompliancePercent:
		return "the compliance rate of " + c.Name
	case MetricSatisfactoryRemedyPercent:
		return "the satisfactory remedy rate of " + c.Name
	case MetricSimilarUpheldPercent:
		return "the average upheld rate of authorities similar to " + c.Name
	case MetricSimilarCompliancePercent:
		return "the average compliance rate of authorities similar to " + c.Name
	case MetricSimilarSatisfactoryRemedyPercent:
		return "the average satisfactory remedy rate of authorities similar to " + c.Name
	}
	return string(m)
}
