package neo4jstore_test

import (
	"context"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/faultproxy"
	"github.com/ombudsgraph/ombudsgraph/internal/neo4jstore"
	"github.com/ombudsgraph/ombudsgraph/internal/store/storetest"
)

// viaProxy returns a store that reaches the test server through a proxy the
// test can cut.
func (s server) viaProxy(t *testing.T) (*neo4jstore.Store, *faultproxy.Proxy) {
	t.Helper()
	u, err := url.Parse(s.uri)
	if err != nil {
		t.Fatal(err)
	}
	p, err := faultproxy.Start(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	u.Host = p.Addr()
	u.Scheme = "bolt" // one connection, no routing table pointing past the proxy
	d, err := neo4j.NewDriverWithContext(u.String(), s.auth, func(c *config.Config) {
		c.MaxTransactionRetryTime = time.Second
		c.SocketConnectTimeout = time.Second
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close(context.Background()) })
	return neo4jstore.New(d, s.db), p
}

// TestInterruptedLoad cuts the connection at points through the load of one
// document. The database must then hold exactly what it held before that
// document, or exactly the document's whole new state (when the cut came
// after the commit); a retry must complete and give the counts of a clean
// load.
func TestInterruptedLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: loads the seed corpus once per cut")
	}
	srv := connect(t)
	ctx := context.Background()
	c := storetest.Seed(t)
	base, next := c.Facts[:3], c.Facts[3:4]
	before := storetest.Dump(t, base, c.Themes)
	after := storetest.Dump(t, append(append([]graph.Facts{}, base...), next...), c.Themes)

	// A clean load, to measure the traffic of the document and the counts.
	direct := srv.open(t)
	if err := direct.Put(ctx, c.Themes, base, nil); err != nil {
		t.Fatal(err)
	}
	proxied, p := srv.viaProxy(t)
	start := p.Sent()
	if err := proxied.Put(ctx, c.Themes, next, nil); err != nil {
		t.Fatal(err)
	}
	traffic := p.Sent() - start
	clean, err := direct.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}

	// Back to the base state, which each cut starts from.
	if err := direct.Delete(ctx, []string{next[0].Document.Name}); err != nil {
		t.Fatal(err)
	}
	for _, frac := range []float64{0.1, 0.5, 0.9} {
		t.Run(fmt.Sprintf("cut at %.0f%%", frac*100), func(t *testing.T) {
			if d := storetest.Diff(before, storetest.StoredDump(t, direct)); d != "" {
				t.Fatalf("the test does not start from the base state: %s", d)
			}
			proxied, p := srv.viaProxy(t)
			p.CutAfter(int64(frac * float64(traffic)))
			err := proxied.Put(ctx, c.Themes, next, nil)
			if err == nil {
				t.Fatalf("the load survived a cut at %.0f%% of %d bytes", frac*100, traffic)
			}
			got := storetest.StoredDump(t, direct)
			if got != before && got != after {
				t.Fatalf("after a cut part-way (%v), the database is neither as before the document nor as after it: %s",
					err, storetest.Diff(before, got))
			}
			p.Up()
			if err := proxied.Put(ctx, c.Themes, next, nil); err != nil {
				t.Fatalf("retry: %v", err)
			}
			if d := storetest.Diff(after, storetest.StoredDump(t, direct)); d != "" {
				t.Errorf("after the retry the graph differs from a clean load at %s", d)
			}
			counts, err := direct.Counts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(counts) != fmt.Sprint(clean) {
				t.Errorf("after the retry counts are %v; a clean load gives %v", counts, clean)
			}
			if err := direct.Delete(ctx, []string{next[0].Document.Name}); err != nil {
				t.Fatal(err)
			}
		})
	}
}
