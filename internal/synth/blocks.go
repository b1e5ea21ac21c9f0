package synth

import (
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
