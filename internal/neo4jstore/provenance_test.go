package neo4jstore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/ombudsgraph/ombudsgraph/internal/neo4jstore"
	"github.com/ombudsgraph/ombudsgraph/internal/store/storetest"
)

// query runs a statement of a test on the test database.
func (s server) query(t *testing.T, q string) *neo4j.EagerResult {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.driver, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return res
}

// seeded returns the test server and a store on it holding the seed corpus.
func seeded(t *testing.T) (server, *neo4jstore.Store) {
	t.Helper()
	srv := connect(t)
	st := srv.open(t)
	c := storetest.Seed(t)
	if err := st.Put(context.Background(), c.Themes, c.Facts, nil); err != nil {
		t.Fatal(err)
	}
	return srv, st
}

// TestStoredQuotes checks that every FROM and HAS_THEME relationship of the
// seed corpus carries the quote (and a theme's term) its offsets cut from
// its document's text, and names its document.
func TestStoredQuotes(t *testing.T) {
	srv, _ := seeded(t)
	for _, q := range []string{
		`MATCH (n)-[f:FROM]->(d:Document)
		 RETURN f.quote = substring(d.text[f.line - 1], f.start, f.end - f.start) AS same, count(*) AS links`,
		`MATCH (n)-[h:HAS_THEME]->(:Theme) MATCH (d:Document {name: h.document})
		 RETURN h.quote = substring(d.text[h.line - 1], h.start, h.end - h.start)
		    AND h.term = substring(d.text[h.line - 1], h.termStart, h.termEnd - h.termStart) AS same, count(*) AS links`,
	} {
		res := srv.query(t, q)
		if len(res.Records) != 1 {
			t.Errorf("%s\n: %d kinds of answer, want every link the same: %v", q, len(res.Records), res.Records)
			continue
		}
		same, _ := res.Records[0].Get("same")
		links, _ := res.Records[0].Get("links")
		if same != true || links.(int64) < 30 {
			t.Errorf("%s\n: same = %v over %v links, want true over at least 30", q, same, links)
		}
	}
}

// TestNaturalKeysUnique checks that a second council with a slug, a case
// with a reference, or a year with a label already stored is refused.
func TestNaturalKeysUnique(t *testing.T) {
	srv, _ := seeded(t)
	for _, q := range []string{
		`CREATE (:Council {slug: 'kent-county-council'})`,
		`CREATE (:Case {reference: '23 013 236'})`,
		`CREATE (:Year {label: '2023-24'})`,
	} {
		_, err := neo4j.ExecuteQuery(context.Background(), srv.driver, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(srv.db))
		if err == nil || !strings.Contains(err.Error(), "already exists") {
			t.Errorf("%s: %v, want it refused by a uniqueness constraint", q, err)
		}
	}
}

// TestTamperedQuoteRefused checks that reading the graph back refuses a
// FROM link whose stored quote is not what its offsets cut, naming it,
// rather than serving a quote the document does not hold.
func TestTamperedQuoteRefused(t *testing.T) {
	srv, st := seeded(t)
	if _, _, err := st.Facts(context.Background()); err != nil {
		t.Fatalf("before the change: %v", err)
	}
	srv.query(t, `MATCH (:Case {reference: '23 013 236'})-[f:FROM]->(:Document) SET f.quote = 'Case reference: 99 999 999'`)
	_, _, err := st.Facts(context.Background())
	if err == nil || !strings.Contains(err.Error(), `stores the quote "Case reference: 99 999 999"`) || !strings.Contains(err.Error(), "Case:23-013-236") {
		t.Errorf("a tampered quote: %v, want it refused, naming the case and the quote", err)
	}
}
