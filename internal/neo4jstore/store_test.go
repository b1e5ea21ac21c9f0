package neo4jstore_test

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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
	neo4jstore.SetReadPage(st, 50) // the seed corpus over many pages
	if err := st.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestStore(t *testing.T) {
	srv := connect(t)
	storetest.Run(t, func(t *testing.T) store.Store { return srv.open(t) })
}

// cypherExample finds a Cypher example of a Markdown file and the answer
// documented under it: its rows as JSON, one object a row with the
// columns in the order the query returns them.
var cypherExample = regexp.MustCompile("(?s)```cypher\n(.*?)```\n\n```json\n(.*?)```")

// TestDocExamples runs each Cypher example of docs/neo4j.md on Neo4j, loaded
// with the seed corpus, and checks the answer documented under it. Answers
// cut short with "…" must begin the same way.
func TestDocExamples(t *testing.T) {
	srv := connect(t)
	ctx := context.Background()
	st := srv.open(t)
	c := storetest.Seed(t)
	if err := st.Put(ctx, c.Themes, c.Facts, nil); err != nil {
		t.Fatal(err)
	}
	// The full-text index fills in the background.
	if _, err := neo4j.ExecuteQuery(ctx, srv.driver, `CALL db.awaitIndexes(60)`, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(srv.db)); err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "neo4j.md"))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		doc = writeAnswers(t, ctx, srv, doc)
		if err := os.WriteFile(filepath.Join("..", "..", "docs", "neo4j.md"), doc, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	examples := cypherExample.FindAllSubmatch(doc, -1)
	if n := len(cypherBlock.FindAll(doc, -1)); len(examples) != n {
		t.Fatalf("%d of docs/neo4j.md's %d Cypher examples have an answer under them; want all", len(examples), n)
	}
	for _, m := range examples {
		q, want := string(m[1]), strings.TrimSpace(string(m[2]))
		res, err := neo4j.ExecuteQuery(ctx, srv.driver, q, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(srv.db), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			t.Errorf("%s\n: %v", q, err)
			continue
		}
		got := rowsJSON(t, res)
		if len(res.Records) == 0 {
			t.Errorf("%s\n: no rows on the seed corpus", q)
		}
		if cut, ok := strings.CutSuffix(want, "…"); ok {
			if !strings.HasPrefix(got, strings.TrimSpace(cut)) {
				t.Errorf("the answer to\n%s\nno longer begins as documented:\n%s", q, got)
			}
			continue
		}
		if got != want {
			t.Errorf("the answer to\n%s\nis no longer as documented:\n%s", q, got)
		}
	}
}

// update rewrites docs/neo4j.md's answers with what Neo4j answers: review
// the diff.
var update = flag.Bool("update", false, "rewrite the answers documented in docs/neo4j.md")

// writeAnswers puts under each Cypher example of doc the answer Neo4j gives,
// in place of the one documented.
func writeAnswers(t *testing.T, ctx context.Context, srv server, doc []byte) []byte {
	t.Helper()
	old := regexp.MustCompile("(?s)(```cypher\n(.*?)```\n)(?:\n```json\n.*?```\n)?")
	return old.ReplaceAllFunc(doc, func(m []byte) []byte {
		sub := old.FindSubmatch(m)
		res, err := neo4j.ExecuteQuery(ctx, srv.driver, string(sub[2]), nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(srv.db))
		if err != nil {
			t.Fatalf("%s: %v", sub[2], err)
		}
		return []byte(string(sub[1]) + "\n```json\n" + rowsJSON(t, res) + "\n```\n")
	})
}

// rowsJSON writes a result's rows as docs/neo4j.md documents them: a JSON
// array with one object a row, its keys in the order of the columns.
func rowsJSON(t *testing.T, res *neo4j.EagerResult) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("[\n")
	for i, r := range res.Records {
		b.WriteString(" {")
		for j, k := range r.Keys {
			v, err := json.Marshal(r.Values[j])
			if err != nil {
				t.Fatal(err)
			}
			kj, _ := json.Marshal(k)
			if j > 0 {
				b.WriteString(", ")
			}
			b.Write(kj)
			b.WriteString(": ")
			b.Write(v)
		}
		b.WriteString("}")
		if i < len(res.Records)-1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("]")
	return b.String()
}
