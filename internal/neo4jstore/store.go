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
	"fmt"
	"maps"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/store"
)

// Batch is the most rows one statement sends: no more than one round trip per
// this many rows.
const Batch = 1000

// ReadPage is how many records one paged read asks for when the graph is
// read back. Reading England's 1.5 million links 10,000 at a time took 50 s
// against 65 s 1,000 at a time: most of the time is the driver's decoding
// and the database's, not round trips, but fewer pages save a quarter.
const ReadPage = 10 * Batch

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
	return &Store{driver: driver, db: database, page: ReadPage}
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
	names := make([]string, len(docs))
	for i, f := range docs {
		names[i] = f.Document.Name
	}
	stored, err := s.digests(ctx, names)
	if err != nil {
		return fmt.Errorf("reading the digests of the stored documents: %w", err)
	}
	p := store.Progress{Total: len(docs)}
	for _, f := range docs {
		g, err := graph.Build([]graph.Facts{f}, themes)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Document.Name, err)
		}
		r := rowsOf(f, g.Tags)
		props, err := documentProps(f.Document, r)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Document.Name, err)
		}
		p.Docs, p.Doc = p.Docs+1, f.Document.Name
		have, known := stored[f.Document.Name]
		if have == props["digest"] {
			p.Unchanged++ // Neo4j holds this document as it is: nothing to write
		} else {
			if err := s.putDocument(ctx, props, r, known); err != nil {
				return fmt.Errorf("%s: %w", f.Document.Name, err)
			}
			p.Rows += r.count()
		}
		if progress != nil {
			progress(p)
		}
	}
	return nil
}

// documentProps are the properties of a document's node, with the digest of
// everything its load writes (see rows.digest).
func documentProps(d graph.Document, r *rows) (map[string]any, error) {
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
	digest, err := r.digest(props)
	if err != nil {
		return nil, err
	}
	props["digest"] = digest
	return props, nil
}

// digests reads, in one round trip, the digest stored with each of the named
// documents that Neo4j holds ("" where it has none); a document missing from
// the map is not stored.
func (s *Store) digests(ctx context.Context, names []string) (map[string]string, error) {
	res, err := s.query(ctx, readDigests, map[string]any{"names": strs(names)})
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, rec := range res.Records {
		name, _, err := neo4j.GetRecordValue[string](rec, "name")
		if err != nil {
			return nil, err
		}
		d, _ := rec.AsMap()["digest"].(string) // "" for a document stored before digests were
		out[name] = d
	}
	return out, nil
}

// session opens a write session on the store's database.
func (s *Store) session(ctx context.Context) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
}

// putDocument writes one document's rows in one managed write transaction,
// which the driver retries on transient failures: either all of the new
// version is there and none of the old, or nothing changed.
//
// known says whether Neo4j holds an earlier version of the document; when it
// does not, there is nothing of it to unlink, and that is not asked.
func (s *Store) putDocument(ctx context.Context, props map[string]any, r *rows, known bool) error {
	sess := s.session(ctx)
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var old []int64
		if known {
			var err error
			if old, err = supported(ctx, tx, r.docHid); err != nil {
				return nil, err
			}
			if err := unlink(ctx, tx, r.docHid, old); err != nil {
				return nil, err
			}
		}
		hids := make([]any, len(r.ids))
		keep := map[int64]bool{}
		for i, id := range r.ids {
			hids[i] = hid(id)
			keep[hid(id)] = true
		}
		if err := batched(ctx, tx, clearLinks, "hids", hids, nil); err != nil {
			return nil, err
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
		docParam := map[string]any{"doc": r.docHid, "document": r.doc}
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

// sortedKeys returns the keys of m in order, so that statements run in the
// same order every time.
func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
