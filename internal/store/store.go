// Package store defines the system of record that graphs are built from: a
// Store keeps the facts of documents, one document as one unit, and gives them
// back. Every Store passes the shared suite in storetest, so a graph built
// from any store answers exactly as one built straight from the documents.
package store

import (
	"context"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Store keeps the facts of documents, and the themes they were tagged with.
type Store interface {
	// Put writes the facts of each document. A document's facts replace
	// everything that came only from an earlier version of it; facts other
	// documents also state stay. Each document is written all or nothing.
	// The themes replace the stored themes. A document the store already
	// holds as it is, and themes it already holds, are not written again.
	// progress, if not nil, is called after each document.
	Put(ctx context.Context, themes []graph.Theme, docs []graph.Facts, progress func(Progress)) error
	// Delete removes documents and everything that came only from them.
	Delete(ctx context.Context, names []string) error
	// Facts reads back the facts of every document, and the themes.
	Facts(ctx context.Context) ([]graph.Facts, []graph.Theme, error)
	// Revision returns a marker that changes whenever Put or Delete writes.
	Revision(ctx context.Context) (string, error)
	// Counts returns how many nodes and relationships of each kind the store
	// holds, by name, so that two loads can be compared.
	Counts(ctx context.Context) (map[string]int, error)
}

// Progress reports how a Put is going.
type Progress struct {
	// Docs and Total count the documents done so far and in all.
	Docs, Total int
	// Unchanged counts the documents done that the store already held as
	// they are, and so were not written again.
	Unchanged int
	// Rows counts the rows written so far.
	Rows int
	// Doc is the document just written.
	Doc string
}
