// Package search is full-text search over a graph's texts (improvements,
// reports, letters, articles and claims) with bleve: an in-memory index built
// from one graph, with English stemming, "quoted phrases", highlighted
// snippets, and filters by kind, council, year and theme.
package search

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Kinds are the kinds of node the index holds.
var Kinds = []graph.Kind{graph.KindImprovement, graph.KindReport, graph.KindLetter, graph.KindArticle, graph.KindClaim}

// Index is the full-text index of one graph. It never changes after Build.
type Index struct {
	idx bleve.Index
}

// doc is what is indexed of one node.
type doc struct {
	Text    string   `json:"text"`
	Kind    string   `json:"kind"`
	Council []string `json:"council"`
	Year    []string `json:"year"`
	Theme   []string `json:"theme"`
}

// engine says which bleve engine holds the index in memory: "scorch" or
// "upsidedown" (bleve's NewMemOnly).
var engine = "scorch"

func newIndex() (bleve.Index, error) {
	if engine == "upsidedown" {
		return bleve.NewMemOnly(newMapping())
	}
	// Scorch with no path keeps its segments in memory.
	return bleve.NewUsing("", newMapping(), scorch.Name, scorch.Name, nil)
}

func newMapping() mapping.IndexMapping {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	text.Store = true
	text.IncludeTermVectors = true
	kw := bleve.NewTextFieldMapping()
	kw.Analyzer = keyword.Name
	kw.Store = false
	kw.IncludeInAll = false
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("text", text)
	for _, f := range []string{"kind", "council", "year", "theme"} {
		dm.AddFieldMappingsAt(f, kw)
	}
	m := bleve.NewIndexMapping()
	m.DefaultMapping = dm
	m.DefaultAnalyzer = en.AnalyzerName
	return m
}

// Build indexes the texts of g.
func Build(g *graph.Graph) (*Index, error) {
	idx, err := newIndex()
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	b := idx.NewBatch()
	add := func(id string, d doc) error {
		d.Theme = g.ThemesOf(id)
		if err := b.Index(id, d); err != nil {
			return err
		}
		if b.Size() >= batchSize {
			if err := idx.Batch(b); err != nil {
				return err
			}
			b.Reset()
		}
		return nil
	}
	imps, err := g.Improvements(graph.Filter{})
	if err != nil {
		return nil, err
	}
	for _, im := range imps {
		c, _ := g.Case(im.CaseRef)
		if err := add(im.ID(), doc{Text: im.Text, Kind: string(graph.KindImprovement), Council: []string{c.CouncilSlug}, Year: []string{c.Year.Label()}}); err != nil {
			return nil, err
		}
	}
	for _, r := range g.AllReports() {
		if err := add(r.ID(), doc{Text: r.Title + "\n" + r.Summary, Kind: string(graph.KindReport), Council: []string{r.CouncilSlug}}); err != nil {
			return nil, err
		}
	}
	for _, l := range g.AllLetters() {
		text := l.Title + "\n" + l.Recipient
		if d, ok := g.Document(l.Doc); ok && len(d.Text) > 0 {
			text = strings.Join(d.Text, "\n")
		}
		if err := add(l.ID(), doc{Text: text, Kind: string(graph.KindLetter), Council: []string{l.CouncilSlug}, Year: []string{l.Year.Label()}}); err != nil {
			return nil, err
		}
	}
	for _, a := range g.Articles() {
		var text []string
		for _, s := range a.Body {
			text = append(text, s.Quote)
		}
		if len(text) == 0 {
			text = []string{a.Headline}
		}
		if err := add(a.ID(), doc{Text: strings.Join(text, "\n"), Kind: string(graph.KindArticle), Council: a.CouncilSlugs, Year: labels(a.Years)}); err != nil {
			return nil, err
		}
	}
	for _, c := range g.AllClaims() {
		a, _ := g.Article(c.ArticleDoc)
		if err := add(c.ID(), doc{Text: c.Sentence, Kind: string(graph.KindClaim), Council: a.CouncilSlugs, Year: labels(a.Years)}); err != nil {
			return nil, err
		}
	}
	if err := idx.Batch(b); err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return &Index{idx: idx}, nil
}

func labels(ys []graph.Year) []string {
	out := make([]string, len(ys))
	for i, y := range ys {
		out[i] = y.Label()
	}
	return out
}

// batchSize is how many documents go to the index at once.
const batchSize = 5000

// Filter narrows a search. Empty fields select everything.
type Filter struct {
	// Kinds are the kinds of node to search; all of Kinds when empty.
	Kinds []graph.Kind
	// Council is a council's slug, Year a business year label and Theme a
	// theme's slug.
	Council, Year, Theme string
}

// Hit is one search result.
type Hit struct {
	// ID is the global ID of the node found.
	ID    string
	Kind  graph.Kind
	Score float64
	// Snippet is the best-matching passage, with matches marked <mark>…</mark>.
	Snippet string
}

// phrase finds "quoted phrases" in a search text.
var phrase = regexp.MustCompile(`"([^"]*)"`)

// MaxText is the longest search text accepted.
const MaxText = 500

// Search finds the nodes whose text matches text, most relevant first, and
// returns hits from offset on (at most size of them) and the total number of
// matches. Words match their stems ("reminded" finds "remind"); "quoted
// phrases" match as phrases; every phrase must match, and at least one of the
// other words. A search still running when ctx ends stops, with an error
// coded graph.CodeTimeout.
func (ix *Index) Search(ctx context.Context, text string, f Filter, offset, size int) ([]Hit, int, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil, 0, graph.Errorf(graph.CodeInvalid, "text: give some words to search for")
	}
	if len(text) > MaxText {
		return nil, 0, graph.Errorf(graph.CodeInvalid, "text: %d characters is too long; search with at most %d", len(text), MaxText)
	}
	var must []query.Query
	for _, m := range phrase.FindAllStringSubmatch(text, -1) {
		if p := strings.TrimSpace(m[1]); p != "" {
			q := bleve.NewMatchPhraseQuery(p)
			q.SetField("text")
			must = append(must, q)
		}
	}
	if rest := strings.TrimSpace(phrase.ReplaceAllString(text, " ")); rest != "" {
		q := bleve.NewMatchQuery(strings.ReplaceAll(rest, `"`, " "))
		q.SetField("text")
		must = append(must, q)
	}
	if len(must) == 0 {
		return nil, 0, graph.Errorf(graph.CodeInvalid, "text: %q has no words to search for", text)
	}
	var kinds []query.Query
	for _, k := range f.Kinds {
		kinds = append(kinds, term("kind", string(k)))
	}
	if len(kinds) > 0 {
		must = append(must, bleve.NewDisjunctionQuery(kinds...))
	}
	if f.Council != "" {
		must = append(must, term("council", f.Council))
	}
	if f.Year != "" {
		y, err := graph.ParseYear(f.Year)
		if err != nil {
			return nil, 0, err
		}
		must = append(must, term("year", y.Label()))
	}
	if f.Theme != "" {
		must = append(must, term("theme", f.Theme))
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(must...), size, offset, false)
	req.Highlight = bleve.NewHighlightWithStyle("html")
	req.Highlight.AddField("text")
	req.SortBy([]string{"-_score", "_id"})
	res, err := ix.idx.SearchInContext(ctx, req)
	if ctx.Err() != nil {
		return nil, 0, graph.Errorf(graph.CodeTimeout, "the search ran out of time; narrow it with quoted phrases or a filter")
	}
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	hits := make([]Hit, len(res.Hits))
	for i, h := range res.Hits {
		kind, _, _ := graph.SplitID(h.ID)
		hits[i] = Hit{ID: h.ID, Kind: kind, Score: h.Score, Snippet: strings.Join(h.Fragments["text"], " … ")}
	}
	return hits, int(res.Total), nil
}

func term(field, value string) query.Query {
	q := bleve.NewTermQuery(value)
	q.SetField(field)
	return q
}
