package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// para is lines of a document read as one paragraph: lines wrapped by hand
// ("Herts County \nCouncil") are joined with "\n", folded (see fold).
type para struct {
	text  string
	lines []int // line numbers
	at    []int // where each line starts in text
}

// paragraphs groups the given lines (line numbers, ascending) into
// paragraphs: a line that does not end a sentence runs on into the next line
// of the document when that starts in lower case or with "Council", or when
// the line ends with a space, as text wrapped by hand does.
func paragraphs(lines []string, use []int) []para {
	var out []para
	var b strings.Builder
	for k, n := range use {
		joined := k > 0 && use[k-1] == n-1 && runsOn(lines[n-2], lines[n-1])
		if !joined {
			if len(out) > 0 {
				out[len(out)-1].text = b.String()
			}
			b.Reset()
			out = append(out, para{})
		}
		p := &out[len(out)-1]
		if joined {
			b.WriteByte('\n')
		}
		p.lines = append(p.lines, n)
		p.at = append(p.at, b.Len())
		b.WriteString(fold(lines[n-1]))
	}
	if len(out) > 0 {
		out[len(out)-1].text = b.String()
	}
	return out
}

// runsOn reports whether line next continues line l, wrapped by hand.
func runsOn(l, next string) bool {
	t := strings.TrimSpace(l)
	if t == "" || endsSentence(t) || strings.HasSuffix(t, ":") {
		return false
	}
	n := strings.TrimSpace(next)
	r, _ := utf8.DecodeRuneInString(n)
	first := strings.ToLower(strings.SplitN(n, " ", 2)[0])
	return unicode.IsLower(r) || first == "council" || first == "councils" || first == "council," ||
		strings.HasSuffix(l, " ") && unicode.IsLetter(r)
}

// spans quotes bytes [a,b) of p's text: one span for each line they touch,
// trimmed of white space.
func (p *para) spans(t *text, a, b int) []graph.Span {
	var out []graph.Span
	for k, n := range p.lines {
		lo, hi := p.at[k], len(p.text)
		if k+1 < len(p.lines) {
			hi = p.at[k+1] - 1
		}
		s, e := max(a, lo), min(b, hi)
		if s >= e {
			continue
		}
		seg := p.text[s:e]
		s += len(seg) - len(strings.TrimLeft(seg, " \t"))
		e -= len(seg) - len(strings.TrimRight(seg, " \t"))
		if s >= e {
			continue
		}
		orig, folded := t.lines[n-1], p.text[lo:hi]
		out = append(out, t.span(n, origAt(orig, folded, s-lo), origAt(orig, folded, e-lo)))
	}
	return out
}

// origAt is origOffset, quick where folding changed nothing: every rune fold
// changes takes fewer bytes folded.
func origAt(orig, folded string, b int) int {
	if len(orig) == len(folded) {
		return b
	}
	return origOffset(orig, folded, b)
}
