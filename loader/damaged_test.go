package loader_test

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// factKeys names every fact a document gives, so that the facts of a damaged
// copy can be checked against the original's.
func factKeys(f graph.Facts) map[string]bool {
	keys := map[string]bool{}
	add := func(format string, args ...any) { keys[fmt.Sprintf(format, args...)] = true }
	for _, c := range f.Councils {
		add("council %s %s %s", c.Slug, c.Name, c.Type)
	}
	for _, s := range f.Statistics {
		// Each measure is a fact of its own: a page cut short may state
		// some of them.
		for _, m := range graph.StatisticsMeasures {
			if v := m.Value(&s); v != nil {
				add("statistics %s %s %s %v", s.CouncilSlug, s.Year.Label(), m.Name, v)
			}
		}
	}
	for _, c := range f.Cases {
		add("case %s %s %s %s", c.Reference, c.CouncilSlug, c.CategoryName, c.SubcategoryName)
	}
	for _, i := range f.Improvements {
		add("improvement %s %s", i.CaseRef, i.Text)
	}
	for _, r := range f.Reports {
		// A report's title and its summary are facts of their own: a
		// page cut short in a summary still lists the report.
		add("report %s %s", r.CouncilSlug, r.Title)
		if r.Summary != "" {
			add("report summary %s %s %s", r.CouncilSlug, r.Title, r.Summary)
		}
	}
	for _, l := range f.Letters {
		add("letter %s %s %s %s", l.CouncilSlug, l.Date, l.Year.Label(), l.Recipient)
	}
	for _, a := range f.Articles {
		add("article %s", a.Doc)
		for _, c := range a.CouncilSlugs {
			add("article about %s", c)
		}
		for _, y := range a.Years {
			add("article of %s", y.Label())
		}
	}
	for _, c := range f.Claims {
		add("claim %v %s %s", c.Value, c.Unit, c.Text)
	}
	return keys
}

var fileLine = regexp.MustCompile(`^[^:]+:\d+: \S`)

// damage returns damaged variants of a document, by name.
func damage(text string) map[string][]byte {
	lines := strings.Split(text, "\n")
	v := map[string][]byte{
		"empty":                {},
		"blank":                []byte("\n\n   \n"),
		"binary":               {0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 1},
		"utf-16":               append([]byte{0xff, 0xfe}, utf16(text)...),
		"latin-1":              latin1(text),
		"numbers garbled":      []byte(strings.NewReplacer("0", "O", "1", "l").Replace(text)),
		"half the lines":       []byte(strings.Join(lines[:len(lines)/2], "\n")),
		"sections reordered":   []byte(strings.Join(reorder(lines), "\n")),
		"lines shuffled a bit": []byte(strings.Join(swapPairs(lines), "\n")),
	}
	for _, frac := range []float64{0.1, 0.33, 0.5, 0.77, 0.95} {
		v[fmt.Sprintf("truncated at %.0f%%", frac*100)] = []byte(text[:int(frac*float64(len(text)))])
	}
	return v
}

func utf16(s string) []byte {
	var b bytes.Buffer
	for _, r := range s {
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	return b.Bytes()
}

func latin1(s string) []byte {
	var b bytes.Buffer
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r == '’' || r == '‘':
			b.WriteByte(0x92)
		case r < 0x100:
			b.WriteByte(byte(r))
		default:
			b.WriteByte('?')
		}
	}
	return b.Bytes()
}

// reorder moves the second half of a document's lines before the first.
func reorder(lines []string) []string {
	mid := len(lines) / 2
	return append(append([]string{lines[0]}, lines[mid:]...), lines[1:mid]...)
}

// swapPairs swaps every other pair of lines after the first few.
func swapPairs(lines []string) []string {
	out := append([]string{}, lines...)
	for i := 5; i+1 < len(out); i += 4 {
		out[i], out[i+1] = out[i+1], out[i]
	}
	return out
}

// TestDamagedDocuments damages every seed document in the ways documents
// get damaged. Each variant must give a FILE:LINE: error or parse cleanly,
// and a clean parse must give no fact the original does not: never a panic,
// never a silently wrong fact.
func TestDamagedDocuments(t *testing.T) {
	srcs, err := loader.ReadFS(seed.Docs())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		orig, err := loader.Parse(s.Name, bytes.NewReader(s.Data), gazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		want := factKeys(orig)
		for name, data := range damage(string(s.Data)) {
			t.Run(s.Name+"/"+name, func(t *testing.T) {
				f, err := loader.Parse(s.Name, bytes.NewReader(data), gazetteer(t))
				if err != nil {
					var pe *loader.ParseError
					if !errors.As(err, &pe) || !fileLine.MatchString(err.Error()) {
						t.Errorf("error is not FILE:LINE: …: %v", err)
					}
					return
				}
				if name == "lines shuffled a bit" {
					// Lines swapped in pairs still read as sentences, and
					// a tolerant reader must join a sentence wrapped over
					// lines: "this is" / "4.5 upheld decisions …" states
					// 4.5 whatever the original said. What must hold is
					// that every fact quotes the text it came from.
					checkSpans(t, data, f)
					return
				}
				for k := range factKeys(f) {
					if !want[k] {
						t.Errorf("a fact the original does not give: %s", k)
					}
				}
			})
		}
	}
}

// checkSpans checks that every span of f quotes exactly its line's
// characters start to end in data.
func checkSpans(t *testing.T, data []byte, f graph.Facts) {
	t.Helper()
	spans := spansOf(f)
	if len(spans) == 0 {
		t.Error("no spans to check")
	}
	lines := strings.Split(string(data), "\n")
	for _, sp := range spans {
		checkSpan(t, lines, sp)
	}
}
