package graph

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Year is an LGSCO business year, which runs from 1 April to 31 March.
type Year struct {
	// First is the calendar year in which the business year begins.
	First int `json:"first"`
}

// Label returns the year's label, such as "2023-24".
func (y Year) Label() string {
	if y.First < 1000 || y.First > 9998 {
		return fmt.Sprintf("%d-%02d", y.First, (y.First+1)%100)
	}
	next := (y.First + 1) % 100 // labels are made for every node and count: no fmt
	return strconv.Itoa(y.First) + "-" + string(rune('0'+next/10)) + string(rune('0'+next%10))
}

// StartDate returns the first day of the year as YYYY-MM-DD.
func (y Year) StartDate() string { return fmt.Sprintf("%04d-04-01", y.First) }

// EndDate returns the last day of the year as YYYY-MM-DD.
func (y Year) EndDate() string { return fmt.Sprintf("%04d-03-31", y.First+1) }

// ID returns the year's global ID.
func (y Year) ID() string { return NodeID(KindYear, y.Label()) }

// String returns the label.
func (y Year) String() string { return y.Label() }

var yearLabel = regexp.MustCompile(`^(\d{4})\s*[-/–]\s*(\d{2}|\d{4})$`)

// ParseYear parses a business year label: "2023-24", "2023/24" or
// "2023-2024". The second part must be the year after the first.
func ParseYear(s string) (Year, error) {
	m := yearLabel.FindStringSubmatch(s)
	if m == nil {
		return Year{}, Errorf(CodeInvalid, "year %q: want a business year such as 2023-24", s)
	}
	first, _ := strconv.Atoi(m[1])
	second, _ := strconv.Atoi(m[2])
	if len(m[2]) == 2 {
		second += first / 100 * 100
		if second < first {
			second += 100
		}
	}
	if second != first+1 {
		return Year{}, Errorf(CodeInvalid, "year %q: a business year spans two consecutive years, such as 2023-24", s)
	}
	return Year{First: first}, nil
}

// YearOf returns the business year that contains the day t.
func YearOf(t time.Time) Year {
	if t.Month() >= time.April {
		return Year{First: t.Year()}
	}
	return Year{First: t.Year() - 1}
}

// YearOfReference returns the business year a case was received in, from the
// two-digit prefix of its reference: "23 014 261" is 2023-24.
func YearOfReference(ref string) (Year, error) {
	if len(ref) < 2 || ref[0] < '0' || ref[0] > '9' || ref[1] < '0' || ref[1] > '9' {
		return Year{}, Errorf(CodeInvalid, "case reference %q: want two digits of year first", ref)
	}
	return Year{First: 2000 + int(ref[0]-'0')*10 + int(ref[1]-'0')}, nil
}
