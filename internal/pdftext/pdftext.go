// Package pdftext extracts the text of a PDF, such as an Ombudsman's annual
// review letter, as plain text the loader reads: the lines of each page in
// order down the page, the words of each line in order along it, and the
// pages in order, with a blank line between paragraphs and between pages.
//
// The text is kept as the PDF shows it. A line wrapped by the page stays
// wrapped, and a word hyphenated at the end of a line keeps its hyphen
// ("Local Gov-" / "ernment"): the loader joins wrapped lines itself, and
// quotes each line as it stands. Running headers, footers ("Page 2 of 4")
// and tables are kept too, each row a line; a gap between a table's
// columns becomes a run of spaces as wide as the gap.
//
// # The PDF reader
//
// The PDF is read by PDFium, the PDF engine of Chromium, compiled to
// WebAssembly and run by wazero in the Go process
// (github.com/klippa-app/go-pdfium, webassembly package): no cgo, no
// binary to install, and the WebAssembly module ships inside the Go module.
// The candidates were tried on letters written in the shapes of the real
// ones (gen_test.go writes them, into loader/testdata/formats/pdf):
//
//   - github.com/ledongthuc/pdf (pure Go, text with positions) placed
//     words wrongly wherever a line is written as one TJ array with
//     kerning ("Local vernmentGo &", "Ms emi Adey"), and reported glyph
//     widths that made every justified line look like a table. It cannot
//     open a PDF encrypted with AES-256 (what Acrobat and Word write today,
//     even for a PDF that opens without a password), nor one whose
//     cross-reference table is off by a byte, and it panics on malformed
//     input.
//   - rsc.io/pdf, from which ledongthuc/pdf is forked, has the same
//     faults, is no longer maintained, and cannot decode text in an
//     embedded Unicode (Identity-H) font at all: it returned NUL bytes
//     between the letters.
//   - github.com/pdfcpu/pdfcpu v0.15.0 validates, optimises and encrypts
//     PDFs but does not extract text in reading order.
//   - PDFium read every fixture correctly, including AES-128, AES-256 and
//     RC4 encryption with no password to open, object and cross-reference
//     streams, and Identity-H fonts; it tells a PDF that needs a password
//     from a damaged one; and it runs inside a WebAssembly sandbox with no
//     file system, a memory limit and a time limit, so a hostile PDF can
//     neither reach the machine nor hang the loader. Its one cost is
//     compiling the module, a few seconds the first time a process reads a
//     PDF; the compiled code is cached in the user's cache directory, after
//     which start-up takes a fraction of a second.
//
// PDFium gives each character with its position. This package puts the
// characters into lines and the lines into reading order itself, because
// PDFium's own text follows the order the PDF draws things in, which is not
// always the order they are read in (a footer drawn first, a letterhead
// drawn last).
//
// # Errors
//
// A PDF that cannot be read gives an error that says why, and never a
// guess: errors.Is tells them apart with [ErrScanned], [ErrEncrypted],
// [ErrDamaged] and [ErrNotPDF].
//
//	scanned PDF: no text layer on any of its 2 pages; run OCR first
//	encrypted PDF: it opens only with a password; save a copy without one and load that
//	damaged PDF: PDFium cannot read it (3: incorrect format)
//	not a PDF: the file starts with "<html><body>", not "%PDF-"
package pdftext

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"
)

// The kinds of PDF that Convert cannot read. The errors it returns wrap one
// of them.
var (
	// ErrScanned is a PDF with no text to extract: its pages are images,
	// as a scanner makes them, or its fonts do not say which letters their
	// glyphs are. It needs optical character recognition first.
	ErrScanned = errors.New("scanned PDF")
	// ErrEncrypted is a PDF that opens only with a password, or that is
	// encrypted in a way PDFium does not know.
	ErrEncrypted = errors.New("encrypted PDF")
	// ErrDamaged is a file that starts as a PDF but cannot be read as one,
	// or that takes longer than the time limit to read.
	ErrDamaged = errors.New("damaged PDF")
	// ErrNotPDF is a file that is no PDF at all.
	ErrNotPDF = errors.New("not a PDF")
)

// Error is the error Convert returns for a PDF it cannot read.
type Error struct {
	Kind   error  // ErrScanned, ErrEncrypted, ErrDamaged or ErrNotPDF
	Detail string // what was found
}

func (e *Error) Error() string { return e.Kind.Error() + ": " + e.Detail }

// Unwrap returns the kind of error, for errors.Is.
func (e *Error) Unwrap() error { return e.Kind }

func errorf(kind error, format string, args ...any) *Error {
	return &Error{Kind: kind, Detail: fmt.Sprintf(format, args...)}
}

// Timeout is how long Convert gives one PDF.
var Timeout = time.Minute

// MaxSize is the largest PDF Convert reads, in bytes.
const MaxSize = 128 << 20

// Convert extracts the text of a PDF, as the package describes, within
// Timeout. It never panics: a PDF it cannot read gives an *Error.
func Convert(data []byte) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	defer cancel()
	return ConvertContext(ctx, data)
}

// ConvertContext is Convert, stopped when ctx is done.
func ConvertContext(ctx context.Context, data []byte) (text string, err error) {
	if err := sniff(data); err != nil {
		return "", err
	}
	defer func() {
		if r := recover(); r != nil {
			text, err = "", errorf(ErrDamaged, "the PDF reader failed on it (%v)", r)
		}
	}()
	pages, err := readPages(ctx, data)
	if err != nil {
		return "", err
	}
	return assemble(pages)
}

// IsPDF says whether data is a PDF, by its header: "%PDF-" in the first
// kilobyte, where PDF readers look for it.
func IsPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// sniff rejects what is not a PDF before PDFium sees it.
func sniff(data []byte) error {
	if len(data) > MaxSize {
		return errorf(ErrDamaged, "the file is %d MiB, more than the %d MiB this reader takes", len(data)>>20, MaxSize>>20)
	}
	if IsPDF(data) {
		return nil
	}
	if len(data) == 0 {
		return errorf(ErrNotPDF, "the file is empty")
	}
	return errorf(ErrNotPDF, "the file starts with %s, not \"%%PDF-\"", quoteStart(data))
}

// quoteStart quotes the first few characters of a file.
func quoteStart(data []byte) string {
	s := data[:min(len(data), 16)]
	return fmt.Sprintf("%q", s)
}
