package graph

import "strings"

// AuthorityType is one of the five kinds of authority the Ombudsman compares
// councils within.
type AuthorityType string

// The authority types, named as the Ombudsman names them.
const (
	CountyCouncil       AuthorityType = "County Council"
	DistrictCouncil     AuthorityType = "District Council"
	MetropolitanBorough AuthorityType = "Metropolitan Borough"
	UnitaryCouncil      AuthorityType = "Unitary Council"
	LondonBorough       AuthorityType = "London Borough"
)

// AuthorityTypes lists every authority type in a stable order.
var AuthorityTypes = []AuthorityType{CountyCouncil, DistrictCouncil, MetropolitanBorough, UnitaryCouncil, LondonBorough}

// Name returns the type's name, such as "County Council".
func (t AuthorityType) Name() string { return string(t) }

// ID returns the type's global ID.
func (t AuthorityType) ID() string { return NodeID(KindAuthorityType, Slug(string(t))) }

// ParseAuthorityType returns the authority type with the given name, matched
// without regard to case and allowing the plural ("County Councils").
func ParseAuthorityType(s string) (AuthorityType, bool) {
	s = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), "s")
	for _, t := range AuthorityTypes {
		if strings.ToLower(string(t)) == s {
			return t, true
		}
	}
	return "", false
}

// InferAuthorityType infers a council's type from its name, for when no
// document or reference data states it:
//
//   - "… Metropolitan Borough Council" is a Metropolitan Borough;
//   - "… County Council" is a County Council;
//   - "London Borough of …" is a London Borough;
//   - "… District Council", "… Borough Council" and "… City Council" are
//     District Councils;
//   - any other "… Council" (such as "Cornwall Council") is a Unitary Council,
//     the form England's newer unitary authorities take.
//
// It reports false for a name that fits none of these.
func InferAuthorityType(name string) (AuthorityType, bool) {
	n := strings.ToLower(CleanName(name))
	switch {
	case strings.HasPrefix(n, "london borough of "):
		return LondonBorough, true
	case strings.HasSuffix(n, " metropolitan borough council"):
		return MetropolitanBorough, true
	case strings.HasSuffix(n, " county council"):
		return CountyCouncil, true
	case strings.HasSuffix(n, " district council"), strings.HasSuffix(n, " borough council"), strings.HasSuffix(n, " city council"):
		return DistrictCouncil, true
	case strings.HasSuffix(n, " council"):
		return UnitaryCouncil, true
	}
	return "", false
}
