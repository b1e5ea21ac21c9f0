package loader

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/htmltext"
)

// readSource reads a document in any format the loader knows: plain text,
// or a web page saved as HTML, whose main content is read as a browser shows
// it (see package htmltext). The text is what evidence quotes; the digest
// kept is of the file as given. A format is told by the file's content; a
// name ending in .html or .htm only says to try HTML first.
func readSource(name string, data []byte) (*text, error) {
	if len(data) > MaxDocumentSize {
		return nil, errorf(name, 1, "document is larger than %d MiB", MaxDocumentSize>>20)
	}
	sum := sha256.Sum256(data)
	format := graph.FormatText
	lower := strings.ToLower(name)
	if htmltext.IsHTML(data) || strings.HasSuffix(lower, ".html") || strings.HasSuffix(lower, ".htm") {
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
