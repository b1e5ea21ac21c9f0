package loader

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/htmltext"
	"github.com/ombudsgraph/ombudsgraph/internal/pdftext"
)

// readSource reads a document in any format the loader knows: plain text; a
// web page saved as HTML, whose main content is read as a browser shows it
// (see package htmltext); or a PDF with a text layer, read in reading order
// (see package pdftext). The text is what evidence quotes; the digest kept is
// of the file as given. A format is told by the file's content; a name
// ending in .html or .htm only says to try HTML first.
func readSource(name string, data []byte) (*text, error) {
	var sum [sha256.Size]byte // of the file, where its text is extracted from it
	format := graph.FormatText
	lower := strings.ToLower(name)
	if pdftext.IsPDF(data) {
		sum = sha256.Sum256(data)
		// A PDF may be larger than a text document: its images count.
		s, err := pdftext.Convert(data)
		if err != nil {
			return nil, &ParseError{Doc: name, Msg: err.Error()}
		}
		data, format = []byte(s), graph.FormatPDF
	} else if len(data) > MaxDocumentSize {
		// Before any conversion: an HTML page is converted whole.
		return nil, errorf(name, 1, "document is larger than %d MiB", MaxDocumentSize>>20)
	} else if mayBeHTML(data) && htmltext.IsHTML(data) || strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") {
		s, _, err := htmltext.Convert(data)
		switch {
		case err == nil:
			sum = sha256.Sum256(data)
			data, format = []byte(s), graph.FormatHTML
		case errors.Is(err, htmltext.ErrNotHTML):
			// Read as text: a file named .html that holds text.
		default:
			return nil, &ParseError{Doc: name, Msg: "HTML: " + err.Error()}
		}
	}
	t, err := textOf(name, data)
	if err != nil {
		return nil, err
	}
	if format != graph.FormatText {
		t.format, t.sum = format, hex.EncodeToString(sum[:])
	}
	return t, nil
}

// mayBeHTML reports whether data can be HTML at all: its first character,
// after a byte-order mark and white space, is '<'. It spares every text
// document htmltext's decoding.
func mayBeHTML(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return true // UTF-16: let htmltext decode it
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	data = bytes.TrimLeft(data, " \t\r\n")
	return len(data) > 0 && data[0] == '<'
}
