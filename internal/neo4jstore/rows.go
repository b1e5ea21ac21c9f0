package neo4jstore

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// hid is the integer key of the node or relationship with the given global
// ID: the first 63 bits of its SHA-256. Statements match and merge on hids,
// never on text (see queries.go).
func hid(id string) int64 {
	sum := sha256.Sum256([]byte(id))
	return int64(binary.BigEndian.Uint64(sum[:8]) >> 1)
}

// rows are what one document writes: nodes by label, relationships by type,
// the provenance of every span, and theme links.
type rows struct {
	doc      string
	docHid   int64
	nodes    map[string][]map[string]any
	rels     map[string][]map[string]any
	from     []map[string]any
	hasTheme []map[string]any
	ids      []string        // every entity written, in order
	seen     map[string]bool // entities written
	relSeen  map[string]bool // relationships written
	seq      int             // numbers spans in the order of the facts
}

// The roles a span plays for its entity, kept on FROM so that hydration can
// put each span back where it came from.
const (
	roleName        = "name"
	roleLine        = "line"
	rolePeriod      = "period"
	roleReference   = "reference"
	roleCategory    = "category"
	roleSubcategory = "subcategory"
	roleText        = "text"
	roleTitle       = "title"
	roleSummary     = "summary"
	roleHeadline    = "headline"
	roleBody        = "body"
	roleYear        = "year"
)

// improvementID is an improvement's key in Neo4j: its case and a digest of
// its text, which stay the same whichever documents state it. (The graph's
// IDs number improvements within their case instead, which depends on the
// whole corpus.)
func improvementID(caseRef, text string) string {
	sum := sha256.Sum256([]byte(text))
	return "Improvement:" + strings.ReplaceAll(caseRef, " ", "-") + "/" + hex.EncodeToString(sum[:6])
}

// newRows returns empty rows for the named document.
func newRows(doc string) *rows {
	return &rows{doc: doc, docHid: hid("Document:" + doc), nodes: map[string][]map[string]any{}, rels: map[string][]map[string]any{},
		seen: map[string]bool{}, relSeen: map[string]bool{}}
}

// node writes an entity once per document; later calls only add spans.
func (r *rows) node(label, id string, props map[string]any) {
	if r.seen[id] {
		return
	}
	r.seen[id] = true
	r.ids = append(r.ids, id)
	props["id"] = id
	props["hid"] = hid(id)
	for k, v := range props {
		if v == nil {
			delete(props, k) // Neo4j stores no nulls: a missing value is no property
		}
	}
	r.nodes[label] = append(r.nodes[label], map[string]any{"hid": hid(id), "props": props})
}

// rel writes a relationship once per document.
func (r *rows) rel(typ, from, to string) {
	key := typ + "\x00" + from + "\x00" + to
	if r.relSeen[key] {
		return
	}
	r.relSeen[key] = true
	r.rels[typ] = append(r.rels[typ], map[string]any{"from": hid(from), "to": hid(to)})
}

// span records that entity id comes from span s, in the given role: the
// quote is characters start to end of the line, and is written too, so that
// an analyst reads it without cutting the document's text.
func (r *rows) span(id, role string, ordinal int, s graph.Span) {
	r.seq++
	r.from = append(r.from, map[string]any{
		"hid": hid(r.doc + "|" + id + "|FROM|" + itoa(r.seq)), "node": hid(id), "role": role, "seq": r.seq, "ordinal": ordinal,
		"line": s.Line, "start": s.Start, "end": s.End, "quote": s.Quote,
	})
}

// theme records that entity id carries a theme. The term is found in the
// evidence's quote and written as its offsets in the line, and both the term
// and the quote are written out too.
//
// For an article, councils are the councils the matched sentence is about.
func (r *rows) theme(id string, t graph.ThemeTag, councils ...string) {
	r.seq++
	s := t.Evidence
	termStart, termEnd := s.Start, s.End
	if i := strings.Index(s.Quote, t.Term); i >= 0 {
		termStart = s.Start + utf8.RuneCountInString(s.Quote[:i])
		termEnd = termStart + utf8.RuneCountInString(t.Term)
	}
	r.hasTheme = append(r.hasTheme, map[string]any{
		"hid": hid(r.doc + "|" + id + "|HAS_THEME|" + itoa(r.seq)), "node": hid(id), "theme": hid("Theme:" + t.Theme),
		"basis": string(t.Basis), "term": t.Term, "quote": s.Quote, "seq": r.seq, "line": s.Line, "start": s.Start, "end": s.End,
		"termStart": termStart, "termEnd": termEnd, "councils": councilList(councils),
	})
}

// itoa formats n in decimal.
func itoa(n int) string { return strconv.Itoa(n) }

// year writes a business year, and that span s names it.
func (r *rows) year(y graph.Year, s graph.Span) {
	r.node("Year", y.ID(), map[string]any{"label": y.Label(), "first": y.First, "startDate": y.StartDate(), "endDate": y.EndDate()})
	r.span(y.ID(), roleYear, 0, s)
}

// councilList is a theme link's councils as Neo4j stores a list: no
// property at all when there are none.
func councilList(cs []string) any {
	if len(cs) == 0 {
		return nil
	}
	return strs(cs)
}

// optString is s as a property value: none when it is empty.
func optString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// optFloat is *p as a property value: none when p is nil.
func optFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

// rowsOf turns one document's facts into rows. tags are the themes the
// document alone gives its cases and improvements, beyond their own text.
func rowsOf(f graph.Facts, tags func(id string) []graph.ThemeTag) *rows {
	r := newRows(f.Document.Name)
	r.councils(f.Councils)
	r.statistics(f.Statistics)
	r.cases(f.Cases, tags)
	r.improvements(f.Improvements, tags)
	r.reports(f.Reports)
	r.letters(f.Letters)
	r.articles(f.Articles)
	r.claims(f.Claims)
	return r
}

// count returns how many rows r holds.
func (r *rows) count() int {
	n := len(r.from) + len(r.hasTheme)
	for _, v := range r.nodes {
		n += len(v)
	}
	for _, v := range r.rels {
		n += len(v)
	}
	return n
}

// digest is the hex SHA-256 of everything a document's load writes: its
// node's properties (props, without the digest) and r's rows. Two loads
// with the same digest write the same graph, so a document whose stored
// digest is the same is not written again. It covers what the text alone
// does not: the themes it was tagged with, and how this version of
// ombudsgraph reads it.
func (r *rows) digest(props map[string]any) (string, error) {
	// encoding/json writes a map's keys in order: the same rows give the
	// same bytes.
	b, err := json.Marshal(map[string]any{"document": props, "nodes": r.nodes, "relationships": r.rels, "from": r.from, "hasTheme": r.hasTheme})
	if err != nil {
		return "", fmt.Errorf("the digest of what it writes: %w", err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}
