package neo4jstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

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

// bump sets the revision to a new random value, with the time of the write,
// in the transaction that writes.
func bump(ctx context.Context, tx neo4j.ManagedTransaction) error {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return err
	}
	return run(ctx, tx, bumpRevision, map[string]any{"value": hex.EncodeToString(b[:]), "at": time.Now().UTC().Format(time.RFC3339Nano)})
}
