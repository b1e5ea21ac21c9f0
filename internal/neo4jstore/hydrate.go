package neo4jstore

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Facts implements store.Store. It reads the graph with paged reads and puts
// every document's facts back together from the FROM links: an entity
// belongs to each document it has a FROM link to, with that link's spans.
// Reads run while no load is under way are consistent: if the revision
// changes during the reads, they start again.
func (s *Store) Facts(ctx context.Context) ([]graph.Facts, []graph.Theme, error) {
	for attempt := 0; ; attempt++ {
		before, err := s.Revision(ctx)
		if err != nil {
			return nil, nil, err
		}
		facts, themes, err := s.read(ctx)
		if err != nil {
			return nil, nil, err
		}
		after, err := s.Revision(ctx)
		if err != nil {
			return nil, nil, err
		}
		if before == after || attempt >= 5 {
			return facts, themes, nil
		}
	}
}

// pages runs a paged read: q must take $after and $limit, order by its
// integer hid column, and return at most $limit records.
func (s *Store) pages(ctx context.Context, q string, each func(*neo4j.Record) error) error {
	after := int64(-1)
	for {
		res, err := neo4j.ExecuteQuery(ctx, s.driver, q, map[string]any{"after": after, "limit": s.page},
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			return err
		}
		for _, rec := range res.Records {
			if err := each(rec); err != nil {
				return err
			}
			h, _, err := neo4j.GetRecordValue[int64](rec, "hid")
			if err != nil {
				return fmt.Errorf("paged read: %w", err)
			}
			after = h
		}
		if len(res.Records) < s.page {
			return nil
		}
	}
}

// read reads everything once.
func (s *Store) read(ctx context.Context) ([]graph.Facts, []graph.Theme, error) {
	ts, err := s.fetchThemes(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("themes: %w", err)
	}
	docs, err := s.fetchDocuments(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("documents: %w", err)
	}
	nodes, err := s.fetchNodes(ctx)
	if err != nil {
		return nil, nil, err
	}
	// Spans by document and entity, in the order the facts had them.
	from, err := s.fetchLinks(ctx, readFrom, docs, func(link) bool { return true })
	if err != nil {
		return nil, nil, fmt.Errorf("provenance: %w", err)
	}
	// Theme links found in the text (TEXT), by document and entity.
	matches, err := s.fetchLinks(ctx, readHasTheme, docs, func(l link) bool { return l.basis == string(graph.BasisText) })
	if err != nil {
		return nil, nil, fmt.Errorf("theme links: %w", err)
	}

	out := make([]graph.Facts, 0, len(docs.order))
	for _, name := range docs.order {
		f := docs.facts[name]
		if err := assemble(f, nodes, from[name], matches[name]); err != nil {
			return nil, nil, fmt.Errorf("document %s: %w", name, err)
		}
		out = append(out, *f)
	}
	return out, ts, nil
}

// fetchThemes reads the themes, in the order they were written.
func (s *Store) fetchThemes(ctx context.Context) ([]graph.Theme, error) {
	type positioned struct {
		t   graph.Theme
		pos int
	}
	var themes []positioned
	err := s.pages(ctx, readThemes, func(rec *neo4j.Record) error {
		r := &record{rec: rec}
		t := graph.Theme{Slug: r.str("slug"), Name: r.str("name"), Description: r.str("description"),
			Subcategories: r.strings("subcategories"), Terms: r.strings("terms"), Acronyms: r.strings("acronyms")}
		themes = append(themes, positioned{t, r.integer("position")})
		return r.err
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(themes, func(a, b positioned) int { return cmp.Compare(a.pos, b.pos) })
	var ts []graph.Theme
	for _, t := range themes {
		ts = append(ts, t.t)
	}
	return ts, nil
}

// documents are the documents read back, each with no entities yet.
type documents struct {
	facts map[string]*graph.Facts // by name
	names map[int64]string        // document hid → name
	order []string                // names, in the order the database lists them
}

// fetchDocuments reads the documents.
func (s *Store) fetchDocuments(ctx context.Context) (documents, error) {
	docs := documents{facts: map[string]*graph.Facts{}, names: map[int64]string{}}
	err := s.pages(ctx, readDocuments, func(rec *neo4j.Record) error {
		r := &record{rec: rec}
		d := document(r)
		docs.facts[d.Name] = &graph.Facts{Document: d}
		docs.names[r.hid()] = d.Name
		docs.order = append(docs.order, d.Name)
		return r.err
	})
	return docs, err
}

// document reads a document's properties, its warnings among them.
func document(r *record) graph.Document {
	d := graph.Document{Name: r.str("name"), Kind: graph.DocKind(r.str("kind")), Title: r.str("title"), Lines: r.integer("lines"),
		SHA256: r.str("sha256"), Format: graph.DocFormat(r.str("format")), Text: r.strings("text")}
	if d.Format == "" {
		d.Format = graph.FormatText // stored before formats were recorded
	}
	if v, ok := r.rec.Get("warnings"); ok && v != nil {
		lines, msgs := r.list("warningLines"), r.strings("warnings")
		for i, m := range msgs {
			line := 0
			if i < len(lines) {
				if n, ok := lines[i].(int64); ok {
					line = int(n)
				}
			}
			d.Warnings = append(d.Warnings, graph.Problem{Doc: d.Name, Line: line, Severity: graph.SeverityWarning, Message: m})
		}
	}
	return d
}

// fetchNodes reads the entities of every label, by ID.
func (s *Store) fetchNodes(ctx context.Context) (map[string]*record, error) {
	nodes := map[string]*record{}
	for _, label := range sortedKeys(nodeReads) {
		err := s.pages(ctx, nodeReads[label], func(rec *neo4j.Record) error {
			r := &record{rec: rec}
			nodes[r.str("id")] = r
			return r.err
		})
		if err != nil {
			return nil, fmt.Errorf("%s nodes: %w", label, err)
		}
	}
	return nodes, nil
}

// fetchLinks reads the FROM or HAS_THEME links q returns and keeps those
// keep accepts, by document and entity.
func (s *Store) fetchLinks(ctx context.Context, q string, docs documents, keep func(link) bool) (map[string]map[string][]link, error) {
	out := map[string]map[string][]link{}
	err := s.pages(ctx, q, func(rec *neo4j.Record) error {
		l, err := readLink(rec, docs.names, docs.facts)
		if err == nil && keep(l) {
			if out[l.doc] == nil {
				out[l.doc] = map[string][]link{}
			}
			out[l.doc][l.node] = append(out[l.doc][l.node], l)
		}
		return err
	})
	return out, err
}
