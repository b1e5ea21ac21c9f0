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
	sum := sha256.Sum256(data)
	format := graph.FormatText
	lower := strings.ToLower(name)
	if pdftext.IsPDF(data) {
		// A PDF may be larger than a text document: its images count.
		s, err := pdftext.Convert(data)
		if err != nil {
			return nil, &ParseError{Doc: name, Msg: err.Error()}
		}
		data, format = []byte(s), graph.FormatPDF
	} else if len(data) > MaxDocumentSize {
		return nil, errorf(name, 1, "document is larger than %d MiB", MaxDocumentSize>>20)
	} else if htmltext.IsHTML(data) || strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") {
		s, _, err := htmltext.Convert(data)
		switch {
		case err == nil:
			data, format = []byte(s), graph.FormatHTML
		case errors.Is(err, htmltext.ErrNotHTML):
			// Read as text: a file named .html that holds text.
		default:
			return nil, &ParseError{Doc: name, Msg: "HTML: " + err.Error()}
		}
	}
	t, err := readText(name, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if format != graph.FormatText {
		t.format, t.sum = format, hex.EncodeToString(sum[:])
	}
	return t, nil
}
