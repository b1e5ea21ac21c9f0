package loader

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

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
