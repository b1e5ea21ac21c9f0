package loader_test

import (
	"bytes"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// copyShapes are what copying a page out of a browser does to its text.
var copyShapes = map[string]func(lines []string) []string{
	"bullets and indentation": func(lines []string) []string {
		out := make([]string, len(lines))
		for i, l := range lines {
			switch {
			case l == "":
			case i%3 == 0:
				out[i] = "  • " + l
			default:
				out[i] = "    " + l
			}
		}
		return out
	},
	"a blank line between every line": func(lines []string) []string {
		var out []string
		for _, l := range lines {
			out = append(out, l, "")
		}
		return out
	},
	"long lines wrapped": func(lines []string) []string {
		var out []string
		for _, l := range lines {
			out = append(out, wrap(l)...)
		}
		return out
	},
	"link text glued to the next sentence": func(lines []string) []string {
		var out []string
		for i := 0; i < len(lines); i++ {
			if strings.HasPrefix(lines[i], "View ") && i+1 < len(lines) && !isHeading(lines[i+1]) {
				out = append(out, lines[i]+lines[i+1])
				i++
				continue
			}
			out = append(out, lines[i])
		}
		return out
	},
	"non-breaking spaces, curly quotes and CRLF": func(lines []string) []string {
		out := make([]string, len(lines))
		for i, l := range lines {
			l = regexp.MustCompile(`(\d) `).ReplaceAllString(l, "$1\u00a0")
			l = strings.ReplaceAll(l, "'", "’")
			out[i] = l + "  \r"
		}
		return out
	},
}

// headings are the lines a copy never runs into the text before them.
var headings = regexp.MustCompile(`^(?:Annual statistics|Annual letters|Public reports|Reports|Service improvements|Last updated|Case reference|Category|Sub Category|-$)`)

func isHeading(l string) bool { return headings.MatchString(strings.TrimSpace(l)) }

// wrap breaks a line of more than 70 characters before a word that starts
// in lower case near its middle, as a narrow window does.
func wrap(l string) []string {
	if len(l) <= 70 || isHeading(l) {
		return []string{l}
	}
	mid := len(l) / 2
	for d := 0; d < mid-10; d++ {
		for _, at := range []int{mid + d, mid - d} {
			if at > 0 && at+1 < len(l) && l[at] == ' ' && l[at+1] >= 'a' && l[at+1] <= 'z' {
				return append([]string{l[:at]}, wrap(l[at+1:])...)
			}
		}
	}
	return []string{l}
}

// TestCopyShapesKeepFacts is a metamorphic test: the seed council pages and
// letter, in every shape copy and paste gives them, state the same facts as
// the originals, each with evidence that quotes the changed text exactly.
func TestCopyShapesKeepFacts(t *testing.T) {
	srcs, err := loader.ReadFS(seed.Docs())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range srcs {
		if !strings.HasPrefix(s.Name, "council-page") && !strings.HasPrefix(s.Name, "letter") {
			continue
		}
		orig, err := loader.Parse(s.Name, bytes.NewReader(s.Data), gazetteer(t))
		if err != nil {
			t.Fatal(err)
		}
		want := sortedKeys(factKeys(orig))
		if len(want) < 2 {
			t.Fatalf("%s: only %d facts in the original", s.Name, len(want))
		}
		for shape, change := range copyShapes {
			n++
			t.Run(filepath.Base(s.Name)+"/"+shape, func(t *testing.T) {
				data := []byte(strings.Join(change(strings.Split(strings.TrimSuffix(string(s.Data), "\n"), "\n")), "\n"))
				f, err := loader.Parse(s.Name, bytes.NewReader(data), gazetteer(t))
				if err != nil {
					t.Fatal(err)
				}
				got := sortedKeys(factKeys(f))
				for _, k := range want {
					if !slices.Contains(got, k) {
						t.Errorf("lost: %s", k)
					}
				}
				for _, k := range got {
					if !slices.Contains(want, k) {
						t.Errorf("gained: %s", k)
					}
				}
				checkSpans(t, data, f)
			})
		}
	}
	if n == 0 {
		t.Fatal("no seed pages or letters")
	}
}

// sortedKeys lists fact keys in order, with the quotes and spaces a copy
// changes made plain: a fact read from a copy keeps the copy's characters.
func sortedKeys(m map[string]bool) []string {
	plain := strings.NewReplacer("’", "'", "\u00a0", " ")
	var out []string
	for k := range m {
		out = append(out, plain.Replace(k))
	}
	slices.Sort(out)
	return out
}
