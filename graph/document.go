package graph

// DocKind is the kind of a source document, detected from its content.
type DocKind string

// The kinds of document.
const (
	CouncilPage  DocKind = "COUNCIL_PAGE"
	AnnualLetter DocKind = "ANNUAL_LETTER"
	NewsArticle  DocKind = "NEWS_ARTICLE"
)

// DocFormat is the format of the file a document was read from.
type DocFormat string

// The formats the loader reads. The text of an HTML or PDF file is what the
// loader extracts from it: its lines and offsets are what evidence quotes.
const (
	FormatText DocFormat = "TEXT"
	FormatHTML DocFormat = "HTML"
	FormatPDF  DocFormat = "PDF"
)

// Document is one source document: a council performance page, an annual
// review letter or a news article.
type Document struct {
	// Name identifies the document: its path relative to where it was found.
	Name string `json:"name"`
	// Kind is what the document was detected to be.
	Kind DocKind `json:"kind"`
	// Title is the document's own title: a council's name, a letter's
	// heading, an article's headline.
	Title string `json:"title"`
	// Lines is the number of lines in the document.
	Lines int `json:"lines"`
	// SHA256 is the hex digest of the document's bytes: of the file as it
	// was given, whatever its format.
	SHA256 string `json:"sha256"`
	// Format is the format of the file the document was read from; "" is
	// plain text.
	Format DocFormat `json:"format,omitempty"`
	// Text holds the document's lines, without line endings. Spans quote
	// them; stores keep them so that quotes can be recovered.
	Text []string `json:"-"`
	// Warnings are the parts of the document that could not be read, such
	// as a page that stops mid-section. The rest of its facts stand.
	Warnings []Problem `json:"warnings,omitempty"`
}

// ID returns the document's global ID.
func (d *Document) ID() string { return NodeID(KindDocument, d.Name) }

// Span is the provenance of a fact: a quoted span of one line of a document.
type Span struct {
	// Doc is the name of the document.
	Doc string `json:"doc"`
	// Line is the 1-based line number.
	Line int `json:"line"`
	// Start and End are the 0-based offsets, in characters (Unicode code
	// points), of the quote within the line; End is exclusive.
	Start int `json:"start"`
	End   int `json:"end"`
	// Quote is the quoted text itself.
	Quote string `json:"quote"`
}
