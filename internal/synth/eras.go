package synth

import (
	"fmt"
)

// Era is an era of the Ombudsman's annual letter to a council. A letter
// reviews the business year its council's page states, and is sent in the
// summer after it, whatever its era.
type Era string

// The eras of the annual letter.
const (
	// Era2007 is the Local Government Ombudsman's "Annual Letter 2006/07"
	// (2005 to 2008): the date indented with tabs, the recipient block over
	// several lines with a borough council's formal name ("Borough Council of
	// …"), a DX number and "Our ref:", no year sentence, and the statistics
	// appendix "For the period ending 31/03/2007" run on after the signature.
	Era2007 Era = "2007"
	// Era2013 is the "Annual Review Letter 2013" of 2013 to 2016: "Date:
	// 16/07/2013" in a reference block (or "18 June 2015"), a postal address
	// under the council's name (wrapped over two lines in some copies), "for
	// the year ended 31 March 2013", page footers, the "Local Authority
	// Report" tables.
	Era2013 Era = "2013"
	// Era2018 is the "Annual Review letter 2018" of 2017 to 2019 from the
	// Local Government and Social Care Ombudsman: the letterhead over three
	// lines, "By email", "for the year ending" / "31 March 2018" wrapped, the
	// received and decided tables.
	Era2018 Era = "2018"
	// Era2020 is the 2020 letter as a web copy: the recipient, role and
	// council on one line, "<u>" link tags, a paragraph split mid-sentence,
	// the signature run together.
	Era2020 Era = "2020"
	// Era2021 is the letter of 2021 to 2025: "your annual summary of
	// complaint statistics … for the year ending 31 March 2023", the
	// recipient over several lines; in PDF copies the office's address
	// first, a role wrapped, "Gov-" / "ernment", the year's date split over
	// two lines, a running header and page footers. 2023's is signed by an
	// interim Ombudsman, 2025's is sent in May.
	Era2021 Era = "2021"
)

// Eras lists every era of letter, in the order Mix takes them.
var Eras = []Era{Era2007, Era2013, Era2018, Era2020, Era2021}

// EraHelp describes the eras, for the synth command's --era.
var EraHelp = "the annual letters' era: " + Mix + " (each council's letters in every era in turn), or one of " + joinNames(Eras) +
	": 2007 is the 'Annual Letter 2006/07' (formal name, 'For the period ending 31/03/2007'), 2013 the 'Annual Review Letter' of 2013-2016" +
	" ('Date: 16/07/2013', 'year ended'), 2018 the LGSCO letter of 2017-2019, 2020 the letter with its recipient on one line," +
	" 2021 the letters of 2021-2025 ('your annual summary of complaint statistics')"

// ParseEra returns the era named s: one of Eras, or Mix ("" too).
func ParseEra(s string) (Era, error) {
	if s == "" || s == Mix {
		return Mix, nil
	}
	for _, e := range Eras {
		if string(e) == s {
			return e, nil
		}
	}
	return "", fmt.Errorf("unknown letter era %q: want %s or one of %s", s, Mix, joinNames(Eras))
}

// pickEra returns the era of the i-th letter of a council.
func pickEra(e Era, i int) Era {
	if e == "" || e == Mix {
		return Eras[i%len(Eras)]
	}
	return e
}
