package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/ombudsgraph/ombudsgraph/internal/faultproxy"
)

// neo4jEnv returns the environment naming the test server, skipping the test
// when there is none. The tests wipe its database.
func neo4jEnv(t *testing.T) map[string]string {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("OMBUDSGRAPH_REQUIRE_NEO4J") != "" {
			t.Fatal("OMBUDSGRAPH_REQUIRE_NEO4J is set but NEO4J_URI is not")
		}
		t.Skip("NEO4J_URI is not set, so there is no Neo4j server to test against (scripts/test.sh starts one and sets it)")
	}
	vars := map[string]string{"NEO4J_URI": uri}
	for _, k := range []string{"NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"} {
		vars[k] = os.Getenv(k)
	}
	var n neo4jFlags
	n.fromEnv(env(vars))
	d, err := n.driver()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(context.Background())
	if err := n.check(context.Background(), d); err != nil {
		if os.Getenv("OMBUDSGRAPH_REQUIRE_NEO4J") != "" {
			t.Fatalf("no Neo4j server is usable at NEO4J_URI %s: %v", uri, err)
		}
		t.Skipf("no Neo4j server is usable at NEO4J_URI %s: %v", uri, err)
	}
	if _, err := neo4j.ExecuteQuery(context.Background(), d, "MATCH (n) DETACH DELETE n", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(n.database)); err != nil {
		t.Fatal(err)
	}
	return vars
}

func query(t *testing.T, base, q string) string {
	t.Helper()
	_, body := get(t, base+"/query?query="+url.QueryEscape(q))
	return body
}

// waitFor polls until cond holds, failing after the timeout.
func waitFor(t *testing.T, what string, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func readiness(t *testing.T, base string) (int, map[string]any) {
	code, body := get(t, base+"/readyz")
	var st map[string]any
	json.Unmarshal([]byte(body), &st)
	return code, st
}

// TestServeFromNeo4j loads the seed corpus into Neo4j, serves it through a
// proxy, takes the database away and brings it back with a new document.
func TestServeFromNeo4j(t *testing.T) {
	vars := neo4jEnv(t)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"load"}, env(vars), &out); err != nil {
		t.Fatalf("load: %v\n%s", err, out.String())
	}
	if !strings.HasPrefix(out.String(), "loaded 5 documents") {
		t.Errorf("load said %q", out.String())
	}
	first := out.String()
	out.Reset()
	if err := run(context.Background(), []string{"load"}, env(vars), &out); err != nil {
		t.Fatalf("load again: %v\n%s", err, out.String())
	}
	// The same documents again: nothing is written, and the revision stays.
	if again := out.String(); !strings.HasPrefix(again, "loaded 5 documents (0 written, 5 unchanged and skipped; 0 rows)") ||
		again[strings.LastIndex(again, "revision "):] != first[strings.LastIndex(first, "revision "):] {
		t.Errorf("loading the same documents again said %q, after %q", again, first)
	}
	u, _ := url.Parse(vars["NEO4J_URI"])
	p, err := faultproxy.Start(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	served := map[string]string{"NEO4J_URI": "bolt://" + p.Addr(), "NEO4J_DATABASE": vars["NEO4J_DATABASE"],
		"NEO4J_USERNAME": vars["NEO4J_USERNAME"], "NEO4J_PASSWORD": vars["NEO4J_PASSWORD"]}
	base, stop := startServe(t, []string{"--refresh-interval", "200ms"}, served)
	defer stop()
	waitFor(t, "the graph to load", 20*time.Second, func() bool { code, _ := readiness(t, base); return code == 200 })
	if got := query(t, base, `{theme(slug:"send"){caseCount councils{council{slug}caseCount}}}`); got !=
		`{"data":{"theme":{"caseCount":11,"councils":[{"council":{"slug":"hertfordshire-county-council"},"caseCount":8},{"council":{"slug":"kent-county-council"},"caseCount":3}]}}}` {
		t.Errorf("hydrated SEND trace = %s", got)
	}

	p.Down()
	waitFor(t, "readiness to report stale", 20*time.Second, func() bool {
		_, st := readiness(t, base)
		return st["status"] == "stale" && st["staleSince"] != nil
	})
	if got := query(t, base, `{councils{totalCount}}`); got != `{"data":{"councils":{"totalCount":3}}}` {
		t.Errorf("while the database is away the server answers %s", got)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "camden.txt"), []byte("London Borough of Camden\nReports\nA title\nA summary.\n"), 0o644)
	out.Reset()
	if err := run(context.Background(), []string{"load", "--no-seed", "--docs", dir}, env(vars), &out); err != nil {
		t.Fatalf("load: %v", err)
	}
	p.Up()
	waitFor(t, "the new document to be served", 30*time.Second, func() bool {
		return query(t, base, `{councils{totalCount}}`) == `{"data":{"councils":{"totalCount":4}}}`
	})
	if _, st := readiness(t, base); st["status"] != "ready" {
		t.Errorf("after the database came back readiness is %v", st)
	}
	waitFor(t, "an unchanged check after the reload", 10*time.Second, func() bool {
		_, m := get(t, base+"/metrics")
		return strings.Contains(m, `ombudsgraph_refreshes_total{result="unchanged"}`)
	})
	_, m := get(t, base+"/metrics")
	for _, want := range []string{`ombudsgraph_refreshes_total{result="loaded"} 2`, `ombudsgraph_refreshes_total{result="failed"}`} {
		if !strings.Contains(m, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

// TestServeWaitsForNeo4j starts the server while the database is away: it
// reports not ready, retries, and serves once the database comes.
func TestServeWaitsForNeo4j(t *testing.T) {
	vars := neo4jEnv(t)
	if err := run(context.Background(), []string{"load"}, env(vars), &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse(vars["NEO4J_URI"])
	p, err := faultproxy.Start(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	p.Down()
	served := map[string]string{"NEO4J_URI": "bolt://" + p.Addr(), "NEO4J_DATABASE": vars["NEO4J_DATABASE"],
		"NEO4J_USERNAME": vars["NEO4J_USERNAME"], "NEO4J_PASSWORD": vars["NEO4J_PASSWORD"]}
	base, stop := startServe(t, []string{"--refresh-interval", "200ms"}, served)
	defer stop()
	time.Sleep(time.Second)
	if code, st := readiness(t, base); code != 503 || st["status"] != "loading" {
		t.Errorf("with the database away at start, readiness is %d %v; want 503 loading", code, st)
	}
	if got := query(t, base, `{councils{totalCount}}`); !strings.Contains(got, `"code":"UNAVAILABLE"`) {
		t.Errorf("before a graph is loaded a query gives %s", got)
	}
	p.Up()
	waitFor(t, "the graph to load once the database came", 30*time.Second, func() bool {
		code, _ := readiness(t, base)
		return code == 200
	})
	if got := query(t, base, `{councils{totalCount}}`); got != `{"data":{"councils":{"totalCount":3}}}` {
		t.Errorf("after loading the server answers %s", got)
	}
}

func TestNeo4jConfigErrors(t *testing.T) {
	vars := neo4jEnv(t)
	bad := map[string]string{"NEO4J_URI": vars["NEO4J_URI"], "NEO4J_DATABASE": "no-such-database",
		"NEO4J_USERNAME": vars["NEO4J_USERNAME"], "NEO4J_PASSWORD": vars["NEO4J_PASSWORD"]}
	for _, cmd := range [][]string{{"load"}, {"serve", "--addr", "127.0.0.1:0"}} {
		err := run(context.Background(), cmd, env(bad), &bytes.Buffer{})
		var c configError
		if !errors.As(err, &c) || !strings.Contains(err.Error(), "NEO4J_DATABASE") || !strings.Contains(err.Error(), `"no-such-database" does not exist`) {
			t.Errorf("%s with a missing database: %v", cmd[0], err)
		}
	}
	err := run(context.Background(), []string{"load"}, env(map[string]string{"NEO4J_URI": "http://localhost:7474"}), &bytes.Buffer{})
	if !strings.HasPrefix(fmtErr(err), "--neo4j-uri (NEO4J_URI): \"http://localhost:7474\" is not a Neo4j URI") {
		t.Errorf("a bad URI: %v", err)
	}
}

func fmtErr(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestNeo4jAuth runs against a server that requires a password, named by
// OMBUDSGRAPH_TEST_AUTH_URI, _USER and _PASSWORD (scripts/test.sh starts one).
func TestNeo4jAuth(t *testing.T) {
	uri := os.Getenv("OMBUDSGRAPH_TEST_AUTH_URI")
	if uri == "" {
		if os.Getenv("OMBUDSGRAPH_REQUIRE_NEO4J") != "" {
			t.Fatal("OMBUDSGRAPH_REQUIRE_NEO4J is set but OMBUDSGRAPH_TEST_AUTH_URI is not")
		}
		t.Skip("OMBUDSGRAPH_TEST_AUTH_URI is not set, so there is no server with authentication to test against (scripts/test.sh starts one)")
	}
	db := os.Getenv("NEO4J_DATABASE")
	user, password := os.Getenv("OMBUDSGRAPH_TEST_AUTH_USER"), os.Getenv("OMBUDSGRAPH_TEST_AUTH_PASSWORD")
	cases := []struct {
		name, user, password, want string
	}{
		{"right password", user, password, ""},
		{"wrong password", user, password + "-wrong", `NEO4J_USERNAME/NEO4J_PASSWORD: ` + uri + ` refused the credentials of user "` + user + `"`},
		{"no credentials", "", "", "NEO4J_USERNAME/NEO4J_PASSWORD: " + uri + " requires authentication and none was given"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vars := map[string]string{"NEO4J_URI": uri, "NEO4J_DATABASE": db, "NEO4J_USERNAME": c.user, "NEO4J_PASSWORD": c.password}
			var out bytes.Buffer
			err := run(context.Background(), []string{"load", "--no-seed", "--docs", filepath.Join("..", "..", "seed", "docs", "letter-hertsmere-borough-council-2020.txt")}, env(vars), &out)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("load: %v", err)
			case c.want == "" && !strings.HasPrefix(out.String(), "loaded 1 documents"):
				t.Errorf("load said %q", out.String())
			case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want) || strings.Contains(err.Error(), "\n")):
				t.Errorf("error = %v\nwant one line starting %s", err, c.want)
			}
		})
	}
}
