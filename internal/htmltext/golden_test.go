package htmltext_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/internal/htmltext"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/*.txt from Convert's output")

// TestGolden compares the text Convert gives for every saved page in
// loader/testdata/formats/html with testdata/golden/NAME.txt. Run with
// -update to rewrite the files after an intended change, and review the
// diff.
func TestGolden(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join(fixtures, "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < len(fixtureList) {
		t.Fatalf("found %d pages in %s, want at least %d", len(pages), fixtures, len(fixtureList))
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			text, kind, err := htmltext.Convert(data)
			if err != nil {
				t.Fatalf("Convert: %v (kind %v)", err, kind)
			}
			got := []byte(text)
			path := filepath.Join("testdata", "golden", name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/htmltext -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("text differs from %s; run go test ./internal/htmltext -run TestGolden -update and review the diff\n%s", path, firstDiff(string(want), string(got)))
			}
		})
	}
}

// firstDiff shows the first line where want and got differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n want %q\n  got %q", i+1, wl, gl)
		}
	}
	return "(the same lines)"
}
