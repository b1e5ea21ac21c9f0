package pdftext_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/internal/pdftext"
)

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
