package graph_test

import (
	"testing"
	"time"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

func TestSlug(t *testing.T) {
	cases := map[string]string{
		"King's Lynn and West Norfolk Borough Council": "kings-lynn-and-west-norfolk-borough-council",
		"King’s Lynn and West Norfolk Borough Council": "kings-lynn-and-west-norfolk-borough-council",
		"Hertfordshire County Council":                 "hertfordshire-county-council",
		"Brighton & Hove City Council":                 "brighton-hove-city-council",
		"Stoke-on-Trent City Council":                  "stoke-on-trent-city-council",
		"  London Borough of  Tower Hamlets ":          "london-borough-of-tower-hamlets",
		"St. Helens":                                   "st-helens",
	}
	for in, want := range cases {
		if got := graph.Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanName(t *testing.T) {
	for in, want := range map[string]string{
		"Special educational needs": "Special educational needs",
		"King`s Lynn":               "King's Lynn",
		"King’s Lynn":               "King's Lynn",
		" Lead":                     "Lead",
		"Trail ":                    "Trail",
		"Double  space":             "Double space",
		"Tab\tand\nline":            "Tab and line",
		"No\u00a0break":             "No break",
		"Café Council":              "Café Council",
		"":                          "",
	} {
		if got := graph.CleanName(in); got != want {
			t.Errorf("CleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInferAuthorityType(t *testing.T) {
	cases := map[string]graph.AuthorityType{
		"Hertfordshire County Council":                 graph.CountyCouncil,
		"Stockport Metropolitan Borough Council":       graph.MetropolitanBorough,
		"London Borough of Camden":                     graph.LondonBorough,
		"Hertsmere Borough Council":                    graph.DistrictCouncil,
		"South Norfolk District Council":               graph.DistrictCouncil,
		"Canterbury City Council":                      graph.DistrictCouncil,
		"King's Lynn and West Norfolk Borough Council": graph.DistrictCouncil,
		"Cornwall Council":                             graph.UnitaryCouncil,
	}
	for name, want := range cases {
		if got, ok := graph.InferAuthorityType(name); !ok || got != want {
			t.Errorf("InferAuthorityType(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if _, ok := graph.InferAuthorityType("City of London Corporation"); ok {
		t.Errorf("inferred a type for a name that tells none")
	}
}

func TestYears(t *testing.T) {
	y, err := graph.ParseYear("2023-24")
	if err != nil || y.Label() != "2023-24" || y.StartDate() != "2023-04-01" || y.EndDate() != "2024-03-31" {
		t.Errorf("ParseYear(2023-24) = %v %v", y, err)
	}
	for _, ok := range []string{"2023/24", "2023-2024", "1999-00"} {
		if _, err := graph.ParseYear(ok); err != nil {
			t.Errorf("ParseYear(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"2023", "2023-25", "23-24", "2023-24x", ""} {
		if _, err := graph.ParseYear(bad); graph.ErrorCode(err) != graph.CodeInvalid {
			t.Errorf("ParseYear(%q) error = %v, want BAD_USER_INPUT", bad, err)
		}
	}
	if got, _ := graph.YearOfReference("23 014 261"); got.Label() != "2023-24" {
		t.Errorf("YearOfReference = %s", got.Label())
	}
	for day, want := range map[string]string{"2020-03-31": "2019-20", "2020-04-01": "2020-21", "2020-07-22": "2020-21"} {
		d, _ := time.Parse("2006-01-02", day)
		if got := graph.YearOf(d).Label(); got != want {
			t.Errorf("YearOf(%s) = %s, want %s", day, got, want)
		}
	}
}
