package neo4jstore_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/ombudsgraph/ombudsgraph/internal/neo4jstore"
	"github.com/ombudsgraph/ombudsgraph/internal/store"
	"github.com/ombudsgraph/ombudsgraph/internal/store/storetest"
)

// The tests run against the server NEO4J_URI names (NEO4J_USERNAME,
// NEO4J_PASSWORD and NEO4J_DATABASE as the command reads them). They wipe its
// database: point them at a disposable one. scripts/test.sh starts a
// throwaway Neo4j on loopback for them (scripts/neo4j/run.sh); so does
// `docker compose up neo4j`.

// wipeAll empties the test database. It is a test's statement only.
const wipeAll = `MATCH (n) DETACH DELETE n`

type server struct {
	driver neo4j.DriverWithContext
	auth   neo4j.AuthToken
	db     string
	uri    string
}

func connect(t testing.TB) server {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("OMBUDSGRAPH_REQUIRE_NEO4J") != "" {
			t.Fatal("OMBUDSGRAPH_REQUIRE_NEO4J is set but NEO4J_URI is not")
		}
		t.Skip("NEO4J_URI is not set, so there is no Neo4j server to test against (scripts/test.sh starts one and sets it)")
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
	return server{driver: d, auth: auth, db: db, uri: uri}
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

// TestDocExamples runs each Cypher example of docs/neo4j.md on the seed
// corpus, so that the queries analysts copy run on Neo4j and find something.
func TestDocExamples(t *testing.T) {
	srv := connect(t)
	ctx := context.Background()
	st := srv.open(t)
	c := storetest.Seed(t)
	if err := st.Put(ctx, c.Themes, c.Facts, nil); err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "neo4j.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range cypherBlock.FindAllSubmatch(doc, -1) {
		q := string(m[1])
		res, err := neo4j.ExecuteQuery(ctx, srv.driver, q, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(srv.db), neo4j.ExecuteQueryWithReadersRouting())
		switch {
		case err != nil:
			t.Errorf("%s\n: %v", q, err)
		case len(res.Records) == 0:
			t.Errorf("%s\n: no rows on the seed corpus", q)
		default:
			t.Logf("%s\n: %d rows, the first %v", q, len(res.Records), res.Records[0].Values)
		}
	}
}
