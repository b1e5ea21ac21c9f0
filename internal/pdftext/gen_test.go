package pdftext_test

// The fixtures in loader/testdata/formats/pdf are annual review letters
// written for these tests in the shapes of the real ones (the prose, the
// people and the figures are made up), typeset by the generator below the
// ways real PDF producers write text, each with its plain-text twin,
// NAME.txt: the letter as a reader sees it, line by line. Regenerate them
// after changing the generator with
//
//	go test ./internal/pdftext -run TestRegen -regen
//
// and review the diff. The output is the same byte for byte on every run.

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var regen = flag.Bool("regen", false, "rewrite the PDF fixtures in loader/testdata/formats/pdf from the generator")

// fixtureDir holds the PDFs and their twins.
var fixtureDir = filepath.Join("..", "..", "loader", "testdata", "formats", "pdf")

func TestRegen(t *testing.T) {
	if !*regen {
		t.Skip("run with -regen to rewrite the PDF fixtures")
	}
	// The 2021 letter is set in DejaVu Sans Condensed, which fpdf ships,
	// embedded as a Unicode (Identity-H) font, as Word embeds Calibri.
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-pdf/fpdf").Output()
	if err != nil {
		t.Fatalf("finding fpdf's fonts: %v", err)
	}
	font, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "font", "DejaVuSansCondensed.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	fixtures, err := generate(font)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(fixtureDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, fx := range fixtures {
		if err := os.WriteFile(filepath.Join(fixtureDir, fx.name+".pdf"), fx.pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		if fx.text != "" {
			if err := os.WriteFile(filepath.Join(fixtureDir, fx.name+".txt"), []byte(fx.text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("wrote %s.pdf (%d bytes)", fx.name, len(fx.pdf))
	}
}

// fixture is one generated PDF and, for a PDF with text, its twin.
type fixture struct {
	name string
	pdf  []byte
	text string
}

func generate(font []byte) ([]fixture, error) {
	var out []fixture
	for _, mk := range []func([]byte) (fixture, error){
		letter2007, letter2013, letter2015, letter2021, letter2024, scanned, encrypted,
	} {
		fx, err := mk(font)
		if err != nil {
			return nil, err
		}
		out = append(out, fx)
	}
	return out, nil
}
