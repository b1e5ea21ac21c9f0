package loader

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// MaxDocumentSize is the largest document the loader reads.
const MaxDocumentSize = 16 << 20

// text is a document read into lines, ready to quote from.
type text struct {
	name  string
	lines []string // without line endings
	sum   string
	// format is the format of the file the text was extracted from ("" for
	// plain text); sum is then the digest of that file.
	format graph.DocFormat
}

// readText reads a whole document. It rejects what is not UTF-8 text, saying
// on which line the trouble is.
func readText(name string, r io.Reader) (*text, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxDocumentSize+1))
	if err != nil {
		return nil, errorf(name, 1, "cannot read the document: %v", err)
	}
	return textOf(name, data)
}

// textOf is readText of a document already in memory.
func textOf(name string, data []byte) (*text, error) {
	if len(data) > MaxDocumentSize {
		return nil, errorf(name, 1, "document is larger than %d MiB", MaxDocumentSize>>20)
	}
	sum := sha256.Sum256(data)
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, errorf(name, 1, "document is encoded as UTF-16; expected UTF-8 text")
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	str := string(data)
	if !strings.Contains(str, "\n") && strings.Contains(str, "\r") {
		// Old Mac line endings: a CR alone ends each line.
		str = strings.ReplaceAll(str, "\r", "\n")
	}
	t := &text{name: name, lines: strings.Split(str, "\n"), sum: hex.EncodeToString(sum[:])}
	// Most documents are valid UTF-8 without a NUL: each line is checked
	// only when the whole is not.
	checked := utf8.ValidString(str) && strings.IndexByte(str, 0) < 0
	for i, l := range t.lines {
		l = strings.TrimSuffix(l, "\r")
		t.lines[i] = l
		if checked {
			continue
		}
		if j := strings.IndexByte(l, 0); j >= 0 {
			return nil, errorf(name, i+1, "NUL byte at column %d: this is a binary file, not a text document", utf8.RuneCountInString(l[:j])+1)
		}
		if !utf8.ValidString(l) {
			col := 1
			for j := 0; j < len(l); {
				r, size := utf8.DecodeRuneInString(l[j:])
				if r == utf8.RuneError && size <= 1 {
					break
				}
				j += size
				col++
			}
			return nil, errorf(name, i+1, "invalid UTF-8 at column %d: expected UTF-8 text (is the document in another encoding?)", col)
		}
	}
	// A final newline does not start another line.
	if n := len(t.lines); n > 1 && t.lines[n-1] == "" {
		t.lines = t.lines[:n-1]
	}
	return t, nil
}

// document returns the Document record for the text.
func (t *text) document(kind graph.DocKind, title string) graph.Document {
	format := t.format
	if format == "" {
		format = graph.FormatText
	}
	return graph.Document{Name: t.name, Kind: kind, Title: title, Lines: len(t.lines), SHA256: t.sum, Format: format, Text: t.lines}
}

// span quotes bytes [start,end) of line n (1-based), counting offsets in
// characters.
func (t *text) span(n, start, end int) graph.Span {
	return lineSpan(t.name, n, t.lines[n-1], start, end)
}

// whole quotes line n without its surrounding white space.
func (t *text) whole(n int) graph.Span {
	l := t.lines[n-1]
	trimmed := strings.TrimSpace(l)
	start := strings.Index(l, trimmed)
	return t.span(n, start, start+len(trimmed))
}

// contentSpan quotes line n's text without bullets, indentation or trailing
// space.
func (t *text) contentSpan(n int) graph.Span {
	l := t.lines[n-1]
	start := bulletLen(l)
	return t.span(n, start, start+len(content(l)))
}

// lineSpan quotes bytes [start,end) of the given line.
func lineSpan(doc string, n int, line string, start, end int) graph.Span {
	if start < 0 || end > len(line) || start > end {
		panic(fmt.Sprintf("span %d:%d-%d out of line of %d bytes", n, start, end, len(line)))
	}
	rs := utf8.RuneCountInString(line[:start])
	return graph.Span{Doc: doc, Line: n, Start: rs, End: rs + utf8.RuneCountInString(line[start:end]), Quote: line[start:end]}
}

// subSpan quotes bytes [start,end) of the quote of s, which must be a span of a
// single line.
func subSpan(s graph.Span, start, end int) graph.Span {
	q := s.Quote
	rs := s.Start + utf8.RuneCountInString(q[:start])
	return graph.Span{Doc: s.Doc, Line: s.Line, Start: rs, End: rs + utf8.RuneCountInString(q[start:end]), Quote: q[start:end]}
}

// fold turns curly quotes and apostrophes into straight ones, one rune for one
// rune, so that character offsets into the folded text hold for the original.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s // every rune fold changes is outside ASCII
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '’', '‘', 'ʼ':
			return '\''
		case '“', '”':
			return '"'
		case '\u00a0':
			return ' '
		}
		return r
	}, s)
}

// origOffset maps byte offset b of fold(orig) back to the byte offset of the
// same character in orig.
func origOffset(orig, folded string, b int) int {
	n := utf8.RuneCountInString(folded[:b])
	for i := range orig {
		if n == 0 {
			return i
		}
		n--
	}
	return len(orig)
}
