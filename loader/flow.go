package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// A flow is a document's text with what copy and paste does to it undone, so
// that the sentences that state facts can be found wherever they sit:
//
//   - bullets ('•', '-', '*', '·', '▪', '◦', '–') and indentation before a
//     line's text are dropped;
//   - blank lines are dropped, and every line's text is joined to the next
//     with one space, so a sentence wrapped over several lines
//     ("this is" / "9.9 upheld decisions per 100,000 residents" / ".") reads
//     as one;
//   - text run together by copying ("residents.The average", "View upheld
//     decisionsAdjusted for …") is parted with a space;
//   - curly quotes and apostrophes become straight ones, and non-breaking
//     spaces and tabs plain spaces.
//
// Each piece of the flow remembers the line and offset it came from, so that
// a fact found in the flow quotes the original lines exactly, with one span
// for each line it spans.
type flow struct {
	t      *text
	s      string
	pieces []piece
}

// piece is a run of one line's text in a flow.
type piece struct {
	at   int // byte offset in the flow
	line int // 1-based line number
	off  int // byte offset of the run in its line
	n    int // length of the run in bytes, in the line
	// folded is the run as it stands in the flow; it has as many runes as
	// the original run.
	folded string
}

// bulletLen returns the length of what stands before a line's text:
// indentation, and list markers ('•', '*', '·', '▪', '◦', '‣', '⁃', '●', '○',
// '■', '□', '–', '—', '>', or '-' followed by a space).
func bulletLen(line string) int {
	i := 0
	for i < len(line) {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case r == ' ' || r == '\t' || r == '\u00a0' || r == '\r':
		case strings.ContainsRune("•*·▪◦‣⁃●○■□–—>", r):
		case r == '-' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t'):
		default:
			return i
		}
		i += size
	}
	return i
}

// glueCuts returns where copying ran two pieces of line[start:end]
// together: after a full stop (or '!', '?') straight before a capital
// ("residents.The"), and after a lower-case word of three letters or more
// straight before a capitalised word ("decisionsAdjusted"). It reads the line
// once, without a pattern: every line of every document passes through it.
func glueCuts(line string, start, end int) []int {
	var cuts []int
	lower := 0    // lower-case letters just before
	var prev rune // the rune before
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(line[i:])
		if unicode.IsUpper(r) && i > start {
			switch {
			case prev == '.' || prev == '!' || prev == '?':
				cuts = append(cuts, i)
			case lower >= 3:
				if next, _ := utf8.DecodeRuneInString(line[i+size:]); i+size < end && unicode.IsLower(next) {
					cuts = append(cuts, i)
				}
			}
		}
		if unicode.IsLower(r) {
			lower++
		} else {
			lower = 0
		}
		prev = r
		i += size
	}
	return cuts
}

// newFlow makes the flow of lines [from, to) of t (1-based, to exclusive).
func newFlow(t *text, from, to int) *flow {
	return newFlowOf(t, func(n int) bool { return from <= n && n < to })
}

// newFlowOf makes the flow of the lines of t for which keep is true.
func newFlowOf(t *text, keep func(n int) bool) *flow {
	f := &flow{t: t}
	var b strings.Builder
	size := 0 // the flow's size, near enough, so that b grows once
	for n := 1; n <= len(t.lines); n++ {
		if keep(n) {
			size += len(t.lines[n-1]) + 1
		}
	}
	b.Grow(size)
	var cuts []int // where each line is cut, kept from line to line
	for n := 1; n <= len(t.lines); n++ {
		if !keep(n) {
			continue
		}
		line := t.lines[n-1]
		start := bulletLen(line)
		end := len(strings.TrimRightFunc(line, unicode.IsSpace))
		if start >= end {
			continue
		}
		// Part glued text: cut the run where the glue is.
		cuts = append(append(append(cuts[:0], start), glueCuts(line, start, end)...), end)
		for i := 0; i+1 < len(cuts); i++ {
			a, z := cuts[i], cuts[i+1]
			if a >= z {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			run := line[a:z]
			folded := foldFlow(run)
			f.pieces = append(f.pieces, piece{at: b.Len(), line: n, off: a, n: z - a, folded: folded})
			b.WriteString(folded)
		}
	}
	f.s = b.String()
	return f
}

// foldFlow folds s as fold does, and tabs into spaces, rune for rune.
func foldFlow(s string) string {
	s = fold(s)
	if !strings.ContainsRune(s, '\t') && strings.IndexByte(s, 0xe2) < 0 {
		return s // no tab, and no thin space (both of those start with 0xe2)
	}
	if strings.ContainsAny(s, "\t\u2009\u202f") {
		s = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\u2009' || r == '\u202f' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}

// pieceAt returns the index of the piece that holds flow offset at, or of the
// piece after it when at is a separator.
func (f *flow) pieceAt(at int) int {
	lo, hi := 0, len(f.pieces)
	for lo < hi {
		m := (lo + hi) / 2
		if p := f.pieces[m]; p.at+len(p.folded) <= at {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// spans quotes flow range [a, b) in the original lines: one span for each
// piece the range covers, adjacent pieces of one line merged.
func (f *flow) spans(a, b int) []graph.Span {
	var out []graph.Span
	for i := f.pieceAt(a); i < len(f.pieces) && f.pieces[i].at < b; i++ {
		p := f.pieces[i]
		x, y := max(a, p.at)-p.at, min(b, p.at+len(p.folded))-p.at
		if x >= y {
			continue
		}
		line := f.t.lines[p.line-1]
		run := line[p.off : p.off+p.n]
		ox, oy := p.off+origOffset(run, p.folded, x), p.off+origOffset(run, p.folded, y)
		if n := len(out); n > 0 && out[n-1].Doc == f.t.name && out[n-1].Line == p.line {
			// The same line, parted by glue: quote it whole.
			last := &out[n-1]
			start := byteOffset(line, last.Start)
			*last = f.t.span(p.line, start, oy)
			continue
		}
		out = append(out, f.t.span(p.line, ox, oy))
	}
	return out
}

// byteOffset returns the byte offset of the rune with index r in s.
func byteOffset(s string, r int) int {
	for i := range s {
		if r == 0 {
			return i
		}
		r--
	}
	return len(s)
}

// lineOf returns the line of flow offset at.
func (f *flow) lineOf(at int) int {
	if len(f.pieces) == 0 {
		return 1
	}
	i := min(f.pieceAt(at), len(f.pieces)-1)
	return f.pieces[i].line
}

// sentenceEnd returns where the sentence that flow offset at stands in ends:
// after its full stop, or at the end of its piece (a heading, or a line
// without one), whichever comes first.
func (f *flow) sentenceEnd(at int) int {
	if at <= 0 || len(f.pieces) == 0 {
		return at
	}
	i := min(f.pieceAt(at-1), len(f.pieces)-1)
	p := f.pieces[i]
	end := p.at + len(p.folded)
	for j := at; j < end; j++ {
		if c := f.s[j]; c == '.' || c == '!' || c == '?' {
			if j+1 == end || f.s[j+1] == ' ' {
				return j + 1
			}
		}
	}
	return max(at, end)
}
