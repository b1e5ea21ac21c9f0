package loader

import (
	"regexp"
	"slices"
	"strings"
)

// measure is a measure of the annual statistics that a similar-authority
// average can follow.
type measure int

const (
	noMeasure measure = iota
	upheldMeasure
	complianceMeasure
	remedyMeasure
)

// Pieces of the statements' patterns.
const (
	num    = `(\d+(?:\.\d+)?)`
	count  = `(\d{1,3}(?:,\d{3})+|\d+)`
	pct    = num + `\s?%`
	date   = `(\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+,?\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})`
	anyOf  = `.+?` // bounded by the window matchesNear gives a statement
	the    = `(?:the\s+)?`
	period = `(?:between|from)\s+` + date + `,?\s+(?:to|and|until|-|–)\s+` + date
)

// statement is one form of sentence that states annual statistics. The
// statements are the one vocabulary of statistics sentences, whatever the
// page's layout or year.
type statement struct {
	name    string
	keyword string
	// before is how far before its keyword a statement may start, and
	// after how far after it it may end.
	before, after int
	re            *regexp.Regexp
	// guarded statements start with a guard that keeps their number from
	// being the tail of another ("9.9 upheld decisions"); the statement
	// itself starts at its first submatch.
	guarded bool
	// apply records the statement's numbers; m holds its submatches.
	apply func(r *statsReader, m []string) error
}

// stmt compiles a statement. Its pattern is matched against lower-cased
// text, so it is written in lower case; keyword is lower-case text every
// match contains, so that the pattern only runs on text that may hold it.
func stmt(name, keyword, pattern string, apply func(r *statsReader, m []string) error) statement {
	before := 200
	if strings.HasPrefix(pattern, keyword) {
		before = 0
	}
	return statement{name: name, keyword: keyword, before: before, after: 240, re: regexp.MustCompile(pattern), apply: apply}
}

// statementReach is how far before its keyword each statement whose
// keyword is not its first words can start; 200 bytes where it is not said.
var statementReach = map[string]int{
	"investigated and upheld": 60, "not for us": 40, "upheld percent": 24, "upheld heading": 24,
	"compliance percent": 40, "compliance heading": 40, "remedy percent": 30, "remedy heading": 40,
	"remedy decisions": 24, "upheld decisions": 24,
}

// statementEnds is how far after its keyword each statement that ends soon
// after it can end; 240 bytes where it is not said.
var statementEnds = map[string]int{
	"upheld decisions": 24, "remedy decisions": 24, "upheld percent": 90, "upheld heading": 24,
	"compliance heading": 32, "remedy heading": 32, "not for us": 40, "assessed and closed": 40,
}

func init() {
	for i := range statements {
		if n, ok := statementReach[statements[i].name]; ok {
			statements[i].before = n
		}
		if n, ok := statementEnds[statements[i].name]; ok {
			statements[i].after = n
		}
	}
}

// numberGuard stands before a statement that starts with a count.
const numberGuard = `(?:^|[^\d.,])`

func guardedStmt(name, keyword, pattern string, apply func(r *statsReader, m []string) error) statement {
	s := stmt(name, keyword, numberGuard+pattern, apply)
	s.guarded = true
	return s
}

// statements, most specific first: where two overlap, the first wins.
var statements = []statement{
	stmt("period basis", "statistics are based on", `statistics are based on a total of `+count+`\s+(detailed investigations?|investigations?|compliance outcomes?|upheld decisions?|complaints?|decisions?)\s+for the period\s+`+period, (*statsReader).basis),
	stmt("complaints dealt with", "we dealt with", period+`,?\s+we dealt with `+count+` complaints?`, func(r *statsReader, m []string) error {
		if err := r.period(m[1], m[2]); err != nil {
			return err
		}
		return r.count(&r.st.ComplaintsDealtWith, m[3], "complaints dealt with")
	}),
	stmt("investigated and upheld", "and upheld", `we investigated `+count+` (?:complaints?|cases?)(?: in detail)?,? and upheld `+count+`(?:[.,;)]|\s+(?:of (?:them|these)|complaints?|cases?))`, func(r *statsReader, m []string) error {
		r.current = upheldMeasure
		if err := r.count(&r.st.Investigations, m[1], "investigations"); err != nil {
			return err
		}
		return r.count(&r.st.UpheldDecisions, m[2], "upheld decisions")
	}),
	stmt("not for us", "not for us", `(?:of these,?\s+)?`+count+`\s+(?:complaints?\s+)?(?:were|was)\s+not for us`, func(r *statsReader, m []string) error {
		return r.count(&r.st.NotForUs, m[1], "complaints not for the Ombudsman")
	}),
	stmt("assessed and closed", "assessed and closed", `we assessed and closed `+count+` complaints?`, func(r *statsReader, m []string) error {
		return r.count(&r.st.AssessedAndClosed, m[1], "complaints assessed and closed")
	}),
	stmt("investigated", "we investigated", `we investigated `+count+` (?:complaints?|cases?)`, func(r *statsReader, m []string) error {
		return r.count(&r.st.Investigations, m[1], "investigations")
	}),
	stmt("per 100,000", "adjusted for", `adjusted for `+anyOf+`population,?\s+this is\s+`+num+`\s?%?\s+upheld (?:decisions?|complaints?) per 100,000 residents`, func(r *statsReader, m []string) error {
		return r.rate(&r.st.UpheldPer100k, m[1], "upheld decisions per 100,000 residents", false)
	}),
	stmt("similar per 100,000", "the average for authorities", `the average for authorities of this type is\s+`+num+`\s?%?\s+upheld (?:decisions?|complaints?) per 100,000 residents`, func(r *statsReader, m []string) error {
		return r.rate(&r.st.SimilarAuthorities.UpheldPer100k, m[1], "similar-authority upheld decisions per 100,000 residents", false)
	}),
	stmt("upheld percent", "% of ", pct+` of `+the+`(?:complaints|cases|detailed investigations|investigations)(?: we investigated| investigated)? (?:were|was) upheld`, setPercent(upheldMeasure)),
	stmt("we upheld percent", "we upheld", `we upheld `+pct+` of `+the+`(?:complaints|cases|detailed investigations|investigations)`, setPercent(upheldMeasure)),
	stmt("upheld heading", "complaints upheld by", pct+`\s+complaints upheld by `, setPercent(upheldMeasure)),
	stmt("compliance percent", "we were satisfied", `(?:in\s+)?`+pct+` of cases,? we were satisfied (?:that\s+)?`+the+anyOf+` had successfully implemented our recommendations`, setPercent(complianceMeasure)),
	stmt("compliance heading", "successfully implemented by", pct+` of cases were successfully implemented by `, setPercent(complianceMeasure)),
	stmt("remedy percent", "of upheld ", `in `+pct+` of upheld (?:cases|complaints),? we found (?:that\s+)?`+the+anyOf+` had provided a satisfactory remedy`, setPercent(remedyMeasure)),
	stmt("remedy heading", "satisfactory remedy provided by", pct+`\s+complaints with (?:a\s+)?satisfactory remedy provided by `, setPercent(remedyMeasure)),
	stmt("similar average", "this compares to an average", `this compares to an average of\s+`+pct+`\s+(?:in|for|across) similar authorities`, (*statsReader).similar),
	guardedStmt("remedy decisions", "satisfactory remedy decision", count+` satisfactory remedy decisions?`, func(r *statsReader, m []string) error {
		return r.count(&r.st.SatisfactoryRemedyDecisions, m[1], "satisfactory remedy decisions")
	}),
	guardedStmt("upheld decisions", "upheld decision", count+` upheld decisions?( per)?`, func(r *statsReader, m []string) error {
		if m[2] != "" {
			return nil // a rate per 100,000 whose sentence is cut short
		}
		return r.count(&r.st.UpheldDecisions, m[1], "upheld decisions")
	}),
}

func setPercent(ms measure) func(*statsReader, []string) error {
	return func(r *statsReader, m []string) error {
		r.current = ms
		var field **float64
		switch ms {
		case upheldMeasure:
			field = &r.st.UpheldPercent
		case complianceMeasure:
			field = &r.st.CompliancePercent
		default:
			field = &r.st.SatisfactoryRemedyPercent
		}
		return r.rate(field, m[1], "percentage", true)
	}
}

// hit is a statement found in a flow.
type hit struct {
	st    *statement
	start int
	end   int
	m     []string
}

// findStatements finds every statement in flow text s, the most specific
// first where two overlap, and returns them in the order of the text.
func findStatements(s string) []hit {
	lower := asciiLower(s)
	var hits []hit
	taken := func(a, b int) bool {
		for _, h := range hits {
			if a < h.end && h.start < b {
				return true
			}
		}
		return false
	}
	for i := range statements {
		st := &statements[i]
		if !strings.Contains(lower, st.keyword) {
			continue
		}
		for _, loc := range matchesNear(st, lower) {
			a, b := loc[0], loc[1]
			if st.guarded {
				a = loc[2] // the guard before the number is not part of it
			}
			if taken(a, b) {
				continue
			}
			m := make([]string, len(loc)/2)
			for k := range m {
				if loc[2*k] >= 0 {
					m[k] = s[loc[2*k]:loc[2*k+1]]
				}
			}
			hits = append(hits, hit{st: st, start: a, end: b, m: m})
		}
	}
	slices.SortFunc(hits, func(x, y hit) int { return x.start - y.start })
	return hits
}

// matchesNear finds the statement's matches in lower, running its pattern
// only on a window around each place its keyword stands: a page is long, and
// its statements few.
func matchesNear(st *statement, lower string) [][]int {
	before, after := st.before, st.after
	var out [][]int
	seen := map[[2]int]bool{}
	for from := 0; ; {
		i := strings.Index(lower[from:], st.keyword)
		if i < 0 {
			break
		}
		i += from
		from = i + len(st.keyword)
		lo, hi := max(0, i-before), min(len(lower), i+len(st.keyword)+after)
		// Start the window at a word's start, so that a pattern's
		// guard or a number is never cut in two.
		for lo > 0 && lower[lo-1] != ' ' {
			lo--
		}
		for _, loc := range st.re.FindAllStringSubmatchIndex(lower[lo:hi], -1) {
			if loc[0]+lo > i || loc[1]+lo < i+len(st.keyword) {
				continue // a match of the window that holds not this keyword
			}
			for k := range loc {
				if loc[k] >= 0 {
					loc[k] += lo
				}
			}
			if key := [2]int{loc[0], loc[1]}; !seen[key] {
				seen[key] = true
				out = append(out, loc)
			}
		}
	}
	return out
}
