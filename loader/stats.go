package loader

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ombudsgraph/ombudsgraph/graph"
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

// statsReader reads the annual statistics a flow states.
type statsReader struct {
	f       *flow
	st      graph.Statistics
	any     bool
	current measure
	at      [2]int // flow range of the statement being applied
	year    *graph.Year
	yearAt  [2]int
	// conflicts names the measures stated twice with different values: the
	// page cannot be trusted on them, so they are left out.
	conflicts map[any]bool
	warnings  []graph.Problem
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

// readStatistics reads the statistics of flow f. It returns false when the
// flow states none. A statement that cannot be used (a percentage over 100,
// a contradiction, a period that is not a business year) is left out with a
// warning; the others stand.
func readStatistics(f *flow, council string, upTo int) (graph.Statistics, bool, []graph.Problem) {
	r := &statsReader{f: f, conflicts: map[any]bool{}}
	hits := findStatements(f.s)
	for _, h := range hits {
		if h.end > upTo {
			continue // in a sentence the text stops in
		}
		r.at = [2]int{h.start, h.end}
		if err := h.st.apply(r, h.m); err != nil {
			if msg := err.Error(); strings.HasSuffix(msg, "neither is kept") {
				r.warn(h.start, "%s", msg)
			} else {
				r.warn(h.start, "%s; left out", msg)
			}
			continue
		}
		r.st.Evidence = append(r.st.Evidence, f.spans(h.start, f.sentenceEnd(h.end))...)
	}
	if !r.any {
		return graph.Statistics{}, false, r.warnings
	}
	for field := range r.conflicts {
		switch p := field.(type) {
		case **int:
			*p = nil
		case **float64:
			*p = nil
		}
	}
	if r.year == nil {
		r.warnings = append(r.warnings, warnf(f.t.name, f.lineOf(hits[0].start), "the annual statistics state no period (such as 'for the period between 1 April 2023 to 31 March 2024'), so their year is unknown; left out"))
		return graph.Statistics{}, false, r.warnings
	}
	r.st.CouncilSlug = council
	r.st.Doc = f.t.name
	r.st.Year = *r.year
	if sp := f.spans(r.yearAt[0], r.yearAt[1]); len(sp) > 0 {
		r.st.YearSpan = sp[0]
	}
	return r.st, true, r.warnings
}

func (r *statsReader) warn(at int, format string, args ...any) {
	r.warnings = append(r.warnings, warnf(r.f.t.name, r.f.lineOf(at), format, args...))
}

func (r *statsReader) rate(field **float64, s, what string, percent bool) error {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("%s %q is not a number", what, s)
	}
	if percent && v > 100 {
		return fmt.Errorf("%s %s%% is more than 100%%", what, s)
	}
	if *field != nil && **field != v {
		r.conflicts[field] = true
		return fmt.Errorf("%s %s contradicts %v stated earlier, so neither is kept", what, s, **field)
	}
	*field = &v
	r.any = true
	return nil
}

func (r *statsReader) count(field **int, s, what string) error {
	v, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
	if err != nil {
		return fmt.Errorf("%s %q is not a whole number", what, s)
	}
	if *field != nil && **field != v {
		r.conflicts[field] = true
		return fmt.Errorf("%d %s contradicts %d stated earlier, so neither is kept", v, what, **field)
	}
	*field = &v
	r.any = true
	return nil
}

// similar reads a similar-authority average, which follows the measure it
// is the average of.
func (r *statsReader) similar(m []string) error {
	var field **float64
	switch r.current {
	case upheldMeasure:
		field = &r.st.SimilarAuthorities.UpheldPercent
	case complianceMeasure:
		field = &r.st.SimilarAuthorities.CompliancePercent
	case remedyMeasure:
		field = &r.st.SimilarAuthorities.SatisfactoryRemedyPercent
	default:
		return fmt.Errorf("a similar-authority average of %s%% follows no measure it could be the average of", m[1])
	}
	return r.rate(field, m[1], "similar-authority average", true)
}

// basis reads "Statistics are based on a total of N things for the period
// between DATE to DATE", which gives a count and the business year.
func (r *statsReader) basis(m []string) error {
	noun := strings.ToLower(m[2])
	switch {
	case strings.HasPrefix(noun, "compliance"):
		if err := r.count(&r.st.ComplianceOutcomes, m[1], "compliance outcomes"); err != nil {
			return err
		}
	case strings.HasPrefix(noun, "upheld"):
		if err := r.count(&r.st.UpheldDecisions, m[1], "upheld decisions"); err != nil {
			return err
		}
	case r.current == remedyMeasure:
		// The satisfactory-remedy rate is a share of upheld decisions,
		// though some years call its base "detailed investigations".
		if err := r.count(&r.st.UpheldDecisions, m[1], "upheld decisions"); err != nil {
			return err
		}
	default:
		if err := r.count(&r.st.Investigations, m[1], "investigations"); err != nil {
			return err
		}
	}
	return r.period(m[3], m[4])
}

// parseDate reads "1 April 2023", "1st April 2023", "1 April, 2023" or
// "01/04/2023".
func parseDate(s string) (time.Time, error) {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, ",", " ")), " ")
	if strings.Contains(s, "/") {
		return time.Parse("2/1/2006", s)
	}
	f := strings.Fields(s)
	if len(f) == 3 {
		f[0] = strings.TrimRight(f[0], "stndrh")
		if len(f[1]) >= 3 {
			if mo, ok := months[strings.ToLower(f[1][:3])]; ok {
				f[1] = mo
			}
		}
		s = strings.Join(f, " ")
	}
	return time.Parse("2 January 2006", s)
}

var months = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
	"jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

// period records the business year a period names.
func (r *statsReader) period(a, b string) error {
	from, err1 := parseDate(a)
	to, err2 := parseDate(b)
	if err1 != nil || err2 != nil {
		return fmt.Errorf("period %q to %q: expected dates such as '1 April 2023'", a, b)
	}
	y := graph.YearOf(from)
	if from.Format("2006-01-02") != y.StartDate() || to.Format("2006-01-02") != y.EndDate() {
		return fmt.Errorf("period %s to %s is not a business year (1 April to 31 March)", a, b)
	}
	if r.year != nil && *r.year != y {
		return fmt.Errorf("period %s differs from %s stated on line %d", y.Label(), r.year.Label(), r.f.lineOf(r.yearAt[0]))
	}
	if r.year == nil {
		r.year = &y
		// Quote the period itself.
		q := r.f.s[r.at[0]:r.at[1]]
		i := strings.Index(q, a)
		j := strings.LastIndex(q, b)
		if i >= 0 && j >= 0 {
			r.yearAt = [2]int{r.at[0] + i, r.at[0] + j + len(b)}
		} else {
			r.yearAt = r.at
		}
	}
	return nil
}
