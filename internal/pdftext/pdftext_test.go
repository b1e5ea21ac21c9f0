package pdftext_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/pdftext"
	"github.com/ombudsgraph/ombudsgraph/loader"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.txt from what Convert extracts")

// textPDFs are the fixtures with text, and what a careful reader takes
// from each letter.
var textPDFs = []struct {
	name                                  string
	council, date, year, recipient, title string
}{
	{"letter-2007-wellingborough", "Borough Council of Wellingborough", "2007-06-19", "2006-07", "Mr K Ashdown Chief Executive", "Annual Letter 2006/07"},
	{"letter-2013-lancaster", "Lancaster City Council", "2013-07-16", "2012-13", "Ms R Whitfield Chief Executive", "Annual Review Letter 2013"},
	{"letter-2015-newcastle-under-lyme", "Newcastle-under-Lyme Borough Council", "2015-06-23", "2014-15", "Mr P Okonedo Chief Executive", "Annual Review Letter 2015"},
	{"letter-2021-wiltshire", "Wiltshire Council", "2021-07-20", "2020-21", "Mr Tremlett Chief Executive", "Annual Review letter 2021"},
	{"letter-2024-sefton", "Sefton Metropolitan Borough Council", "2024-07-11", "2023-24", "Ms Adeyemi Chief Executive and Head of Paid Service", "Annual Review letter 2024"},
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatalf("%v (run go test ./internal/pdftext -run TestRegen -regen to write the fixtures)", err)
	}
	return data
}

func convert(t testing.TB, name string) string {
	t.Helper()
	text, err := pdftext.Convert(readFixture(t, name+".pdf"))
	if err != nil {
		t.Fatalf("Convert(%s.pdf): %v", name, err)
	}
	return text
}

func gazetteer(t testing.TB) *loader.Gazetteer {
	t.Helper()
	ref, err := loader.ParseReference(seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	return loader.NewGazetteer(ref)
}

// letterFacts is what the loader reads from a letter, without the
// evidence (whose lines differ between a PDF's text and its twin).
func letterFacts(t *testing.T, name, text string) string {
	t.Helper()
	f, err := loader.Parse(name, strings.NewReader(text), gazetteer(t))
	if err != nil {
		t.Fatalf("the loader refused %s: %v", name, err)
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "kind %s\n", f.Document.Kind)
	for _, c := range f.Councils {
		var named []string
		for _, e := range c.Evidence {
			named = append(named, e.Quote)
		}
		fmt.Fprintf(&sb, "council %s (%s), named %q\n", c.Name, c.Slug, graph.CleanName(strings.Join(named, " ")))
	}
	for _, l := range f.Letters {
		fmt.Fprintf(&sb, "letter to %s: date %s, year %s, recipient %q, title %q\n", l.CouncilSlug, l.Date, l.Year.Label(), l.Recipient, l.Title)
	}
	return sb.String()
}

// TestLettersReadAsTheirTwins converts each letter and checks that its text
// holds the words of its twin in the twin's order (reading order, spaces
// between words, nothing lost or added), and that the loader reads the same
// facts from both, the facts a careful reader takes from the letter.
func TestLettersReadAsTheirTwins(t *testing.T) {
	for _, fx := range textPDFs {
		t.Run(fx.name, func(t *testing.T) {
			got := convert(t, fx.name)
			twin := string(readFixture(t, fx.name+".txt"))
			if g, w := strings.Fields(got), strings.Fields(twin); !slicesEqual(g, w) {
				t.Errorf("the words differ from %s.txt: %s", fx.name, firstWordDiff(w, g))
			}
			fromPDF := letterFacts(t, fx.name+".pdf", got)
			fromTwin := letterFacts(t, fx.name+".txt", twin)
			if fromPDF != fromTwin {
				t.Errorf("the loader reads the PDF's text differently from its twin:\nPDF:\n%stwin:\n%s", fromPDF, fromTwin)
			}
			for _, want := range []string{
				"kind ANNUAL_LETTER",
				fmt.Sprintf("named %q", fx.council),
				fmt.Sprintf("date %s, year %s, recipient %q, title %q", fx.date, fx.year, fx.recipient, fx.title),
			} {
				if !strings.Contains(fromPDF, want) {
					t.Errorf("the loader's facts lack %s:\n%s", want, fromPDF)
				}
			}
		})
	}
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func firstWordDiff(want, got []string) string {
	for i := 0; i < len(want) && i < len(got); i++ {
		if want[i] != got[i] {
			return fmt.Sprintf("word %d: want %q, got %q (after %q)", i+1, want[i], got[i], strings.Join(want[max(0, i-6):i], " "))
		}
	}
	return fmt.Sprintf("want %d words, got %d", len(want), len(got))
}

// TestGolden compares the text of each letter with
// testdata/NAME.golden.txt. Run with -update to rewrite the files after an
// intended change, and review the diff.
func TestGolden(t *testing.T) {
	for _, fx := range textPDFs {
		t.Run(fx.name, func(t *testing.T) {
			got := convert(t, fx.name)
			path := filepath.Join("testdata", fx.name+".golden.txt")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/pdftext -run TestGolden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("text differs from %s; run go test ./internal/pdftext -run TestGolden -update and review the diff\n%s", path, firstLineDiff(string(want), got))
			}
		})
	}
}

func firstLineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) && i < len(g); i++ {
		if w[i] != g[i] {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, w[i], g[i])
		}
	}
	return fmt.Sprintf("want %d lines, got %d", len(w), len(g))
}

// TestLayoutKept checks what the text keeps of the page: hyphens and
// wrapped lines as they are, the footer after the page's text though it
// was drawn first, the letterhead before the date though it was drawn
// last, a running header, a table's columns apart, and a blank line
// between paragraphs and between pages.
func TestLayoutKept(t *testing.T) {
	has := func(t *testing.T, text string, lines ...string) {
		t.Helper()
		all := strings.Split(text, "\n")
	next:
		for i := range all {
			for j, l := range lines {
				if i+j >= len(all) || all[i+j] != l {
					continue next
				}
			}
			return
		}
		t.Errorf("the text lacks the lines %q:\n%s", lines, text)
	}
	sefton := convert(t, "letter-2024-sefton")
	has(t, sefton, "I write to you with your annual summary of complaint statistics from the Local Gov-",
		"ernment and Social Care Ombudsman for the year ending 31 March", "2024. The figures give an insight into the Council’s approach to complaints, and I have")
	has(t, sefton, "OMBUDSMAN", "PO Box 4771")
	has(t, sefton, "Chief Executive and Head of Paid", "Service", "Sefton Metropolitan Borough Council")
	if !strings.HasPrefix(sefton, "Local Government &\n") {
		t.Errorf("the letterhead, drawn last, should come first:\n%s", sefton)
	}
	if !strings.Contains(sefton, "\nLocal Government & Social Care Ombudsman  ") {
		t.Errorf("the running header should keep the page number apart:\n%s", sefton)
	}

	newcastle := convert(t, "letter-2015-newcastle-under-lyme")
	has(t, newcastle, "complaints teams, and more dates are available this autumn. Details are on our website.",
		"", "Page 1 of 2", "Local Government Ombudsman, PO Box 4771, Coventry CV4 0EH")
	has(t, newcastle, "Phone: 0300 061 0614 Web: www.lgo.org.uk Twitter: @LGOmbudsman", "", "Yours sincerely")
	has(t, newcastle, "Dear Mr Okonedo", "", "Annual Review Letter 2015", "")

	wellingborough := convert(t, "letter-2007-wellingborough")
	if !strings.Contains(wellingborough, "LOCAL AUTHORITY REPORT - Wellingborough          ") {
		t.Errorf("the report's header and period should stand apart, as on the page:\n%s", wellingborough)
	}

	lancaster := convert(t, "letter-2013-lancaster")
	has(t, lancaster, "Local Authority Report: Lancaster City Council", "For the period ending: 31/03/2013")
}

// TestErrors checks the errors that say why a PDF cannot be read.
func TestErrors(t *testing.T) {
	letter := readFixture(t, "letter-2021-wiltshire.pdf")
	for _, c := range []struct {
		name string
		data []byte
		kind error
		want string
	}{
		{"scanned", readFixture(t, "scanned-2022-letter.pdf"), pdftext.ErrScanned, "scanned PDF: no text layer on any of its 2 pages; run OCR first"},
		{"encrypted", readFixture(t, "encrypted-2022-letter.pdf"), pdftext.ErrEncrypted, "encrypted PDF: it opens only with a password; save a copy without one and load that"},
		{"truncated", letter[:len(letter)/3], pdftext.ErrDamaged, "damaged PDF: "},
		{"cut short by 40 bytes", letter[:len(letter)-40], pdftext.ErrDamaged, "damaged PDF: PDFium cannot read it"},
		{"header only", []byte("%PDF-1.7\n"), pdftext.ErrDamaged, "damaged PDF: "},
		{"garbage after the header", append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte{0xAB, 0x00, 0x17}, 500)...), pdftext.ErrDamaged, "damaged PDF: "},
		{"html", []byte("<!DOCTYPE html><html><body><p>Annual Review letter</p></body></html>"), pdftext.ErrNotPDF, `not a PDF: the file starts with "<!DOCTYPE html><", not "%PDF-"`},
		{"text", []byte("22 July 2020\nDear Mrs Bijle\n"), pdftext.ErrNotPDF, "not a PDF: "},
		{"empty", nil, pdftext.ErrNotPDF, "not a PDF: the file is empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			text, err := pdftext.Convert(c.data)
			if err == nil {
				t.Fatalf("no error; got text %q", text)
			}
			if !errors.Is(err, c.kind) {
				t.Errorf("error %q is not %v", err, c.kind)
			}
			var pe *pdftext.Error
			if !errors.As(err, &pe) {
				t.Errorf("error %q is a %T, not a *pdftext.Error", err, err)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %q, want %q", err, c.want)
			}
			for _, kind := range []error{pdftext.ErrScanned, pdftext.ErrEncrypted, pdftext.ErrDamaged, pdftext.ErrNotPDF} {
				if kind != c.kind && errors.Is(err, kind) {
					t.Errorf("error %q is also %v", err, kind)
				}
			}
		})
	}
}

func TestIsPDF(t *testing.T) {
	for _, c := range []struct {
		data string
		want bool
	}{
		{"%PDF-1.7\n", true},
		{"\xef\xbb\xbf%PDF-1.4", true}, // junk before the header, as some servers send
		{strings.Repeat(" ", 1100) + "%PDF-1.4", false},
		{"<html>", false},
		{"", false},
	} {
		if got := pdftext.IsPDF([]byte(c.data)); got != c.want {
			t.Errorf("IsPDF(%.20q) = %v", c.data, got)
		}
	}
}

// TestRepaired checks that a PDF whose cross-reference table is off, as
// when a line is added after the header, is repaired and read.
func TestRepaired(t *testing.T) {
	letter := readFixture(t, "letter-2021-wiltshire.pdf")
	shifted := append(append(append([]byte{}, letter[:9]...), "% a line added\n"...), letter[9:]...)
	got, err := pdftext.Convert(shifted)
	if err != nil {
		t.Fatal(err)
	}
	if got != convert(t, "letter-2021-wiltshire") {
		t.Error("the text of the repaired PDF differs")
	}
}

// TestOwnerPasswordOnly checks that a PDF encrypted only against editing,
// which opens without a password, is read.
func TestOwnerPasswordOnly(t *testing.T) {
	data := readFixture(t, "letter-2013-lancaster.pdf")
	if !bytes.Contains(data, []byte("/Encrypt")) {
		t.Fatal("the 2013 fixture should be encrypted")
	}
	if _, err := pdftext.Convert(data); err != nil {
		t.Fatal(err)
	}
}

// TestCancelled checks that a cancelled conversion stops and says so.
func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := pdftext.ConvertContext(ctx, readFixture(t, "letter-2021-wiltshire.pdf")); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

// TestConcurrent converts the letters at once, as a loader reading a
// directory might.
func TestConcurrent(t *testing.T) {
	want := map[string]string{}
	for _, fx := range textPDFs {
		want[fx.name] = convert(t, fx.name)
	}
	errs := make(chan error, 3*len(textPDFs))
	for range 3 {
		for _, fx := range textPDFs {
			go func() {
				got, err := pdftext.Convert(readFixture(t, fx.name+".pdf"))
				if err == nil && got != want[fx.name] {
					err = fmt.Errorf("%s: the text differs when converted concurrently", fx.name)
				}
				errs <- err
			}()
		}
	}
	timeout := time.After(2 * time.Minute)
	for range 3 * len(textPDFs) {
		select {
		case err := <-errs:
			if err != nil {
				t.Error(err)
			}
		case <-timeout:
			t.Fatal("concurrent conversions did not finish")
		}
	}
}

// FuzzConvert checks that no input makes Convert panic or hang, that every
// error it gives is one of its kinds, and that the text it gives is clean
// UTF-8 lines. Run it longer with
//
//	go test ./internal/pdftext -run '^$' -fuzz FuzzConvert -fuzztime 5m
func FuzzConvert(f *testing.F) {
	files, err := filepath.Glob(filepath.Join(fixtureDir, "*.pdf"))
	if err != nil || len(files) == 0 {
		f.Fatalf("PDF fixtures: %v (%d found)", err, len(files))
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := pdftext.Convert(data)
		if err != nil {
			var pe *pdftext.Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %q is a %T, not a *pdftext.Error", err, err)
			}
			if text != "" {
				t.Fatalf("text %q with error %v", text, err)
			}
			return
		}
		if !utf8.ValidString(text) || !strings.HasSuffix(text, "\n") {
			t.Fatalf("text is not UTF-8 lines: %q", text)
		}
		for _, r := range text {
			if r != '\n' && (unicode.IsControl(r) || r != ' ' && unicode.IsSpace(r)) {
				t.Fatalf("text holds %U: %q", r, text)
			}
		}
		for _, l := range strings.Split(text, "\n") {
			if strings.TrimRight(l, " ") != l {
				t.Fatalf("line %q ends with a space", l)
			}
		}
	})
}

// TestTimeLimit stops conversions at every point, from before PDFium starts
// to midway through the pages, and checks that each either finishes or says
// it ran out of time, and that PDFium is still there for the next PDF.
func TestTimeLimit(t *testing.T) {
	data := readFixture(t, "letter-2015-newcastle-under-lyme.pdf")
	want := convert(t, "letter-2015-newcastle-under-lyme")
	for _, limit := range []time.Duration{time.Nanosecond, time.Millisecond, 3 * time.Millisecond, 10 * time.Millisecond, 30 * time.Millisecond} {
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		text, err := pdftext.ConvertContext(ctx, data)
		cancel()
		switch {
		case err == nil && text != want:
			t.Errorf("%v: the text differs", limit)
		case err != nil && (!errors.Is(err, pdftext.ErrDamaged) || !strings.Contains(err.Error(), "time limit")):
			t.Errorf("%v: %v", limit, err)
		}
	}
	if got := convert(t, "letter-2015-newcastle-under-lyme"); got != want {
		t.Error("the text differs after conversions were stopped")
	}
}
