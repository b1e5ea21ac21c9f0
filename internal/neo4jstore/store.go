// Package neo4jstore keeps ombudsgraph's knowledge graph in Neo4j, the system
// of record: it writes documents' facts as a graph analysts can query with
// Cypher, and reads them back (hydrates) so the server can build the same
// in-memory graph embedded mode builds.
//
// One document is one unit. Writing a document replaces, in one managed
// write transaction, everything that came only from its earlier version;
// entities other documents also support stay. Every entity links to the
// documents it comes from with (entity)-[:FROM {role, line, start,
// end}]->(:Document), which is both its provenance and how the store knows
// when nothing supports it any more.
package neo4jstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/store"
	"github.com/ombudsgraph/ombudsgraph/schema"
)

// Batch is the most rows one statement sends: no more than one round trip per
// this many rows.
const Batch = 1000

// Store is a store.Store in a Neo4j database.
type Store struct {
	driver neo4j.DriverWithContext
	db     string
	// page is how many records a paged read asks for at once.
	page int
}

var _ store.Store = (*Store)(nil)

// New returns a Store that uses the given driver (one per process, made by
// the caller) and database.
func New(driver neo4j.DriverWithContext, database string) *Store {
	return &Store{driver: driver, db: database, page: Batch}
}

// ApplySchema creates the constraints and indexes of schema/neo4j.cypher;
// each statement is safe to run again.
func (s *Store) ApplySchema(ctx context.Context) error {
	for _, q := range schema.Neo4j() {
		if _, err := s.query(ctx, q, nil); err != nil {
			return fmt.Errorf("schema: %s: %w", q, err)
		}
	}
	return nil
}

// query runs one statement in its own transaction.
func (s *Store) query(ctx context.Context, q string, params map[string]any) (*neo4j.EagerResult, error) {
	return neo4j.ExecuteQuery(ctx, s.driver, q, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
}

// Put implements store.Store.
func (s *Store) Put(ctx context.Context, themes []graph.Theme, docs []graph.Facts, progress func(store.Progress)) error {
	if err := s.putThemes(ctx, themes); err != nil {
		return err
	}
	rowsDone := 0
	for i, f := range docs {
		g, err := graph.Build([]graph.Facts{f}, themes)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Document.Name, err)
		}
		r := rowsOf(f, g.Tags)
		if err := s.putDocument(ctx, f.Document, r); err != nil {
			return fmt.Errorf("%s: %w", f.Document.Name, err)
		}
		rowsDone += r.count()
		if progress != nil {
			progress(store.Progress{Docs: i + 1, Total: len(docs), Rows: rowsDone, Doc: f.Document.Name})
		}
	}
	return nil
}

func (s *Store) putThemes(ctx context.Context, themes []graph.Theme) error {
	types := make([]any, len(graph.AuthorityTypes))
	for i, t := range graph.AuthorityTypes {
		types[i] = map[string]any{"hid": hid("AuthorityType:" + string(t)), "name": string(t)}
	}
	if _, err := s.query(ctx, writeAuthorityTypes, map[string]any{"rows": types}); err != nil {
		return fmt.Errorf("authority types: %w", err)
	}
	rows := make([]any, len(themes))
	keep := map[int64]bool{}
	for i, t := range themes {
		h := hid("Theme:" + t.Slug)
		keep[h] = true
		rows[i] = map[string]any{"hid": h, "slug": t.Slug, "name": t.Name, "description": t.Description, "position": i,
			"subcategories": strs(t.Subcategories), "terms": strs(t.Terms), "acronyms": strs(t.Acronyms)}
	}
	if _, err := s.query(ctx, writeThemes, map[string]any{"rows": rows}); err != nil {
		return fmt.Errorf("themes: %w", err)
	}
	res, err := s.query(ctx, listThemes, nil)
	if err != nil {
		return fmt.Errorf("themes: %w", err)
	}
	var gone []any
	for _, rec := range res.Records {
		h, _, err := neo4j.GetRecordValue[int64](rec, "hid")
		if err != nil {
			return fmt.Errorf("themes: %w", err)
		}
		if !keep[h] {
			gone = append(gone, h)
		}
	}
	if len(gone) > 0 {
		if _, err := s.query(ctx, deleteThemes, map[string]any{"hids": gone}); err != nil {
			return fmt.Errorf("themes: %w", err)
		}
	}
	return nil
}

// strs turns strings into a list Neo4j stores, never null.
func strs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func (s *Store) session(ctx context.Context) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
}

// putDocument writes one document's rows in one managed write transaction,
// which the driver retries on transient failures: either all of the new
// version is there and none of the old, or nothing changed.
func (s *Store) putDocument(ctx context.Context, d graph.Document, r *rows) error {
	sess := s.session(ctx)
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		old, err := supported(ctx, tx, r.docHid)
		if err != nil {
			return nil, err
		}
		if err := unlink(ctx, tx, r.docHid, old); err != nil {
			return nil, err
		}
		hids := make([]any, len(r.ids))
		keep := map[int64]bool{}
		for i, id := range r.ids {
			hids[i] = hid(id)
			keep[hid(id)] = true
		}
		for _, typ := range sortedKeys(relClears) {
			if err := batched(ctx, tx, relClears[typ], "hids", hids, nil); err != nil {
				return nil, err
			}
		}
		props := map[string]any{"hid": r.docHid, "name": d.Name, "kind": string(d.Kind), "title": d.Title,
			"lines": d.Lines, "sha256": d.SHA256, "format": string(d.Format), "text": strs(d.Text)}
		if len(d.Warnings) > 0 {
			// A document's warnings: their lines and messages, side by side.
			lines, msgs := make([]any, len(d.Warnings)), make([]any, len(d.Warnings))
			for i, w := range d.Warnings {
				lines[i], msgs[i] = w.Line, w.Message
			}
			props["warningLines"], props["warnings"] = lines, msgs
		}
		if err := run(ctx, tx, writeDocument, map[string]any{"hid": r.docHid, "props": props}); err != nil {
			return nil, err
		}
		for _, label := range sortedKeys(r.nodes) {
			if err := batched(ctx, tx, nodeWrites[label], "rows", maps2anys(r.nodes[label]), nil); err != nil {
				return nil, err
			}
		}
		for _, typ := range sortedKeys(r.rels) {
			if err := batched(ctx, tx, relWrites[typ], "rows", maps2anys(r.rels[typ]), nil); err != nil {
				return nil, err
			}
		}
		docParam := map[string]any{"doc": r.docHid}
		if err := batched(ctx, tx, writeFrom, "rows", maps2anys(r.from), docParam); err != nil {
			return nil, err
		}
		if err := batched(ctx, tx, writeHasTheme, "rows", maps2anys(r.hasTheme), docParam); err != nil {
			return nil, err
		}
		if err := prune(ctx, tx, old, keep); err != nil {
			return nil, err
		}
		return nil, bump(ctx, tx)
	})
	return err
}

// Delete implements store.Store.
func (s *Store) Delete(ctx context.Context, names []string) error {
	for _, name := range names {
		doc := hid("Document:" + name)
		sess := s.session(ctx)
		_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			old, err := supported(ctx, tx, doc)
			if err != nil {
				return nil, err
			}
			if err := unlink(ctx, tx, doc, old); err != nil {
				return nil, err
			}
			if err := prune(ctx, tx, old, nil); err != nil {
				return nil, err
			}
			if err := run(ctx, tx, deleteDocument, map[string]any{"doc": doc}); err != nil {
				return nil, err
			}
			return nil, bump(ctx, tx)
		})
		sess.Close(ctx)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// supported returns the entities (as hids) the document supports now.
func supported(ctx context.Context, tx neo4j.ManagedTransaction, doc int64) ([]int64, error) {
	recs, err := collect(ctx, tx, supportedBy, map[string]any{"doc": doc})
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	var out []int64
	for _, rec := range recs {
		h, _, err := neo4j.GetRecordValue[int64](rec, "hid")
		if err != nil {
			return nil, err
		}
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out, nil
}

func collect(ctx context.Context, tx neo4j.ManagedTransaction, q string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, q, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// unlink removes the theme links and provenance the document gave.
func unlink(ctx context.Context, tx neo4j.ManagedTransaction, doc int64, old []int64) error {
	if err := batched(ctx, tx, clearHasTheme, "hids", int64s(old), map[string]any{"doc": doc}); err != nil {
		return err
	}
	return run(ctx, tx, clearFrom, map[string]any{"doc": doc})
}

// prune deletes the entities of old that are not in keep and that no
// document supports any more.
func prune(ctx context.Context, tx neo4j.ManagedTransaction, old []int64, keep map[int64]bool) error {
	var candidates []any
	for _, h := range old {
		if !keep[h] {
			candidates = append(candidates, h)
		}
	}
	still := map[int64]bool{}
	for _, chunk := range slices.Collect(slices.Chunk(candidates, Batch)) {
		recs, err := collect(ctx, tx, stillSupported, map[string]any{"hids": chunk})
		if err != nil {
			return err
		}
		for _, rec := range recs {
			h, _, err := neo4j.GetRecordValue[int64](rec, "hid")
			if err != nil {
				return err
			}
			still[h] = true
		}
	}
	var gone []any
	for _, h := range candidates {
		if !still[h.(int64)] {
			gone = append(gone, h)
		}
	}
	return batched(ctx, tx, deleteEntities, "hids", gone, nil)
}

func int64s(xs []int64) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func bump(ctx context.Context, tx neo4j.ManagedTransaction) error {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return err
	}
	return run(ctx, tx, bumpRevision, map[string]any{"value": hex.EncodeToString(b[:]), "at": time.Now().UTC().Format(time.RFC3339Nano)})
}

func run(ctx context.Context, tx neo4j.ManagedTransaction, q string, params map[string]any) error {
	res, err := tx.Run(ctx, q, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// batched runs q once per Batch items, passing them as $name along with
// params.
func batched(ctx context.Context, tx neo4j.ManagedTransaction, q, name string, items []any, params map[string]any) error {
	for _, chunk := range slices.Collect(slices.Chunk(items, Batch)) {
		p := maps.Clone(params)
		if p == nil {
			p = map[string]any{}
		}
		p[name] = chunk
		if err := run(ctx, tx, q, p); err != nil {
			return err
		}
	}
	return nil
}

func maps2anys(ms []map[string]any) []any {
	out := make([]any, len(ms))
	for i, m := range ms {
		out[i] = m
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}

// Revision implements store.Store.
func (s *Store) Revision(ctx context.Context) (string, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, readRevision, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return "", err
	}
	if len(res.Records) == 0 {
		return "", nil
	}
	v, _, err := neo4j.GetRecordValue[string](res.Records[0], "value")
	return v, err
}

// Counts implements store.Store: nodes by label and relationships by type.
func (s *Store) Counts(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	res, err := s.query(ctx, countNodes, nil)
	if err != nil {
		return nil, err
	}
	for _, rec := range res.Records {
		labels, _, err := neo4j.GetRecordValue[[]any](rec, "labels")
		if err != nil {
			return nil, err
		}
		total, _, err := neo4j.GetRecordValue[int64](rec, "total")
		if err != nil {
			return nil, err
		}
		for _, l := range labels {
			out[fmt.Sprint(l)] += int(total)
		}
	}
	res, err = s.query(ctx, countRels, nil)
	if err != nil {
		return nil, err
	}
	for _, rec := range res.Records {
		t, _, err := neo4j.GetRecordValue[string](rec, "type")
		if err != nil {
			return nil, err
		}
		total, _, err := neo4j.GetRecordValue[int64](rec, "total")
		if err != nil {
			return nil, err
		}
		out[":"+t] += int(total)
	}
	return out, nil
}

// Documents returns the names of the documents the database holds.
func (s *Store) Documents(ctx context.Context) ([]string, error) {
	var out []string
	err := s.pages(ctx, readDocumentNames, func(rec *neo4j.Record) error {
		name, _, err := neo4j.GetRecordValue[string](rec, "name")
		out = append(out, name)
		return err
	})
	return out, err
}
