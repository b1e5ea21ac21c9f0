package synth

import (
	"fmt"
	"strings"
)

// blocks writes a page as a bulleted, blank-line copy.
type blocks struct{ out []string }

// para writes lines together, then a blank line.
func (b *blocks) para(lines ...string) { b.out = append(b.out, append(lines, "")...) }

// body writes lines of a block's body, indented, together, then a blank
// line.
func (b *blocks) body(lines ...string) {
	for _, l := range lines {
		b.out = append(b.out, "    "+l)
	}
	b.out = append(b.out, "")
}

// head writes a block's bulleted heading.
func (b *blocks) head(h string) { b.para("  • " + h) }

func (b *blocks) String() string {
	return strings.TrimRight(strings.Join(b.out, "\n"), "\n")
}

// cases writes the cases as bulleted items.
func (b *blocks) cases(cases []caseDoc) {
	for _, k := range cases {
		b.head("Case reference: " + k.ref)
		b.body("Category: " + k.category)
		b.body("Sub Category: " + k.sub)
		for _, im := range k.improvements {
			b.para("      • " + im)
		}
	}
}

// complianceAndRemedyBlocks writes the bulleted layouts' compliance block,
// and their satisfactory remedy block when there were upheld decisions for
// it to be a share of, whose base reads as remedyBase.
func (d *pageDoc) complianceAndRemedyBlocks(b *blocks, remedyBase string) {
	s, a, y := d.s, d.a, d.y
	b.head("Compliance with Ombudsman recommendations")
	b.body(pct(s.compliance) + " of cases we were satisfied the Council had successfully implemented our recommendations.")
	b.body(fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.compliance)))
	b.body(fmt.Sprintf("Statistics are based on a total of %d compliance outcomes %s", s.outcomes, period(y)))
	if s.upheldN > 0 {
		b.head("Satisfactory remedies provided by the Council")
		b.body(fmt.Sprintf("In %s of upheld cases we found the Council had provided a satisfactory remedy before the complaint reached the Ombudsman.", pct(s.remedy)))
		b.body(fmt.Sprintf("This compares to an average of %s in similar authorities.", pct(a.remedy)))
		b.body(plural(s.remedyN, "satisfactory remedy decision", "satisfactory remedy decisions"))
		b.body(fmt.Sprintf("Statistics are based on a total of %d %s %s", s.upheldN, remedyBase, period(y)))
		b.body("View all satisfactory remedy decisions")
	}
}
