package neo4jstore_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/ombudsgraph/ombudsgraph/internal/neo4jstore"
	"github.com/ombudsgraph/ombudsgraph/internal/store"
	"github.com/ombudsgraph/ombudsgraph/internal/store/storetest"
)

// The tests run against the server NEO4J_URI names (NEO4J_USERNAME,
// NEO4J_PASSWORD and NEO4J_DATABASE as the command reads them). They wipe its
// database: point them at a disposable one. scripts/test.sh starts NornicDB
// on loopback for them; `docker compose up neo4j` gives a real Neo4j.

// wipeAll empties the test database. It is a test's statement only.
const wipeAll = `MATCH (n) DETACH DELETE n`

type server struct {
	driver neo4j.DriverWithContext
	db     string
	uri    string
}

func connect(t testing.TB) server {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		t.Skip("NEO4J_URI is not set, so there is no Neo4j server to test against (scripts/test.sh starts NornicDB and sets it)")
	}
	auth := neo4j.NoAuth()
	if u := os.Getenv("NEO4J_USERNAME"); u != "" {
		auth = neo4j.BasicAuth(u, os.Getenv("NEO4J_PASSWORD"), "")
	}
	d, err := neo4j.NewDriverWithContext(uri, auth)
	if err != nil {
		t.Fatalf("NEO4J_URI %q: %v", uri, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := d.VerifyConnectivity(ctx); err != nil {
		d.Close(context.Background())
		if os.Getenv("OMBUDSGRAPH_REQUIRE_NEO4J") != "" {
			t.Fatalf("no Neo4j server is reachable at NEO4J_URI %s: %v", uri, err)
		}
		t.Skipf("no Neo4j server is reachable at NEO4J_URI %s: %v", uri, err)
	}
	t.Cleanup(func() { d.Close(context.Background()) })
	db := os.Getenv("NEO4J_DATABASE")
	if db == "" {
		db = "neo4j"
	}
	return server{driver: d, db: db, uri: uri}
}

// open returns a store on an emptied database, with the schema applied.
func (s server) open(t testing.TB) *neo4jstore.Store {
	t.Helper()
	ctx := context.Background()
	if _, err := neo4j.ExecuteQuery(ctx, s.driver, wipeAll, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db)); err != nil {
		t.Fatal(err)
	}
	st := neo4jstore.New(s.driver, s.db)
	if err := st.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestStore(t *testing.T) {
	srv := connect(t)
	storetest.Run(t, func(t *testing.T) store.Store { return srv.open(t) })
}
