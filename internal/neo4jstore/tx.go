package neo4jstore

// This file holds the helpers that run statements inside a managed write
// transaction: finding what a document supports, unlinking and pruning it,
// and sending rows in batches.

import (
	"context"
	"maps"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

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

// collect runs q in tx and returns all its records.
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

// run runs q in tx and waits for it to finish.
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
