package neo4jstore

import (
	"context"
	"fmt"

	"github.com/ombudsgraph/ombudsgraph/schema"
)

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
