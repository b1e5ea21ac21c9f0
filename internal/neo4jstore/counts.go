package neo4jstore

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

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
