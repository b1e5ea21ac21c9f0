package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// startServe runs `serve` on port 0 and returns its base URL, and a function
// that stops it and returns run's error.
func startServe(t *testing.T, args []string, vars map[string]string) (string, func() error) {
	t.Helper()
	base, _, stop := startServeLog(t, args, vars)
	return base, stop
}

// startServeLog is startServe that also returns the lines serve logged
// before it listened, each a JSON object.
func startServeLog(t *testing.T, args []string, vars map[string]string) (string, []map[string]any, func() error) {
	t.Helper()
	var logged []map[string]any
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), env(vars), pw)
		pw.CloseWithError(err)
		done <- err
	}()
	sc := bufio.NewScanner(pr)
	for sc.Scan() {
		var line struct{ Msg, Addr string }
		var all map[string]any
		if json.Unmarshal(sc.Bytes(), &all) == nil {
			logged = append(logged, all)
		}
		if json.Unmarshal(sc.Bytes(), &line) == nil && line.Msg == "listening" {
			go io.Copy(io.Discard, pr)
			// stop may be called more than once (deferred, and to check
			// the error); it stops serve once.
			return "http://" + line.Addr, logged, sync.OnceValue(func() error {
				cancel()
				select {
				case err := <-done:
					return err
				case <-time.After(15 * time.Second):
					return errors.New("serve did not stop")
				}
			})
		}
	}
	cancel()
	t.Fatalf("serve ended before listening: %v", <-done)
	return "", nil, nil
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestServe(t *testing.T) {
	base, stop := startServe(t, nil, nil)
	if code, body := get(t, base+"/healthz"); code != 200 || !strings.Contains(body, "ok") {
		t.Errorf("/healthz = %d %s", code, body)
	}
	if code, body := get(t, base+"/readyz"); code != 200 || !strings.Contains(body, `"revision"`) {
		t.Errorf("/readyz = %d %s", code, body)
	}
	if code, body := get(t, base+"/"); code != 200 || !strings.Contains(body, "assets/playground.js") {
		t.Errorf("/ = %d, want the playground", code)
	}
	if code, body := get(t, base+"/explore"); code != 200 || !strings.Contains(body, "assets/explore.js") {
		t.Errorf("/explore = %d, want the explorer", code)
	}
	for _, asset := range []string{"/assets/playground.js", "/assets/playground.css", "/assets/explore.js", "/assets/explore.css"} {
		if code, body := get(t, base+asset); code != 200 || len(body) < 1000 {
			t.Errorf("%s = %d, %d bytes", asset, code, len(body))
		}
	}
	if code, body := get(t, base+"/export/d3?seeds=Council:kent-county-council"); code != 200 || !strings.Contains(body, `"links"`) {
		t.Errorf("/export/d3 = %d %.200s", code, body)
	}
	if code, body := get(t, base+`/query?query={councils{totalCount}}`); code != 200 || body != `{"data":{"councils":{"totalCount":3}}}` {
		t.Errorf("GET /query = %d %s", code, body)
	}
	resp, err := http.Post(base+"/query", "application/json", strings.NewReader(`{"query":"{ theme(slug: \"send\") { caseCount } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != `{"data":{"theme":{"caseCount":11}}}` || resp.Header.Get("X-Request-ID") == "" {
		t.Errorf("POST /query = %s (request ID %q)", b, resp.Header.Get("X-Request-ID"))
	}
	req, _ := http.NewRequest(http.MethodOptions, base+"/query", nil)
	req.Header.Set("Origin", "https://example.org")
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "content-type")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" || resp.Header.Get("Access-Control-Allow-Credentials") != "" {
		t.Errorf("CORS preflight: allow-origin %q, credentials %q", resp.Header.Get("Access-Control-Allow-Origin"), resp.Header.Get("Access-Control-Allow-Credentials"))
	}
	if code, body := get(t, base+"/metrics"); code != 200 || !strings.Contains(body, `ombudsgraph_requests_total{operation="anonymous",outcome="ok"}`) ||
		!strings.Contains(body, `ombudsgraph_graph_nodes{kind="cases"} 20`) || !strings.Contains(body, "ombudsgraph_request_duration_seconds_bucket") {
		t.Errorf("/metrics = %d, lacking request counts, latency or graph size:\n%.2000s", code, body)
	}
	if err := stop(); err != nil {
		t.Errorf("serve returned %v after shutdown, want nil", err)
	}
}

func TestServeCORSOrigins(t *testing.T) {
	base, stop := startServe(t, nil, map[string]string{"OMBUDSGRAPH_CORS_ORIGINS": "https://scrutiny.example"})
	defer stop()
	for origin, want := range map[string]string{"https://scrutiny.example": "https://scrutiny.example", "https://evil.example": ""} {
		req, _ := http.NewRequest(http.MethodGet, base+"/query?query={years{label}}", nil)
		req.Header.Set("Origin", origin)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != want {
			t.Errorf("origin %s: allow-origin %q, want %q", origin, got, want)
		}
	}
}

func TestServeWithDocs(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "camden.txt"), []byte("London Borough of Camden\nReports\nA title\nA summary.\n"), 0o644)
	base, stop := startServe(t, nil, map[string]string{"OMBUDSGRAPH_DOCS": dir})
	defer stop()
	if _, body := get(t, base+`/query?query={council(slug:"london-borough-of-camden"){authorityType{name}reports{title}}}`); !strings.Contains(body, `"London Borough"`) {
		t.Errorf("a document from OMBUDSGRAPH_DOCS is not served: %s", body)
	}
}

func TestServeStrictRefusesBadDocuments(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("Kent County Council\nService improvements\n\x00\x01\x02\n"), 0o644)
	// Were it to start, it would stop here rather than hang the test.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err := run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--strict", "--docs", dir}, env(nil), io.Discard)
	if err == nil || !strings.Contains(err.Error(), "bad.txt:3: ") || !strings.Contains(err.Error(), "--strict") {
		t.Errorf("error = %v", err)
	}
}

func TestLoad(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"load"}, env(nil), &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"documents        5", "COUNCIL_PAGE   2", "cases            20", "improvements     28"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("load output lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if err := run(context.Background(), []string{"load", "--json"}, env(nil), &out); err != nil {
		t.Fatal(err)
	}
	var dump struct{ Cases []any }
	if err := json.Unmarshal(out.Bytes(), &dump); err != nil || len(dump.Cases) != 20 {
		t.Errorf("load --json: %v, %d cases", err, len(dump.Cases))
	}
}

func TestLoadReportsBadDocuments(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Kent County Council\nReports\nA title\nA summary.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("Kent County Council\nReports\nA \x00 title\n"), 0o644)
	var out, stderr bytes.Buffer
	err := runTo(context.Background(), []string{"load", "--no-seed", "--docs", dir}, env(nil), &out, &stderr)
	if err == nil || !strings.Contains(err.Error(), "1 of 2 documents could not be loaded") {
		t.Errorf("error = %v", err)
	}
	if !strings.HasPrefix(stderr.String(), "bad.txt:3: ") || strings.Contains(stderr.String(), dir) {
		t.Errorf("stderr = %q, want bad.txt:3: and what is wrong, without the server's path", stderr.String())
	}
	if !strings.Contains(out.String(), "documents        1") {
		t.Errorf("the good document did not load:\n%s", out.String())
	}
}

func TestUsage(t *testing.T) {
	var u usageError
	if err := run(context.Background(), []string{"frobnicate"}, env(nil), io.Discard); !errors.As(err, &u) {
		t.Errorf("unknown command: %v", err)
	}
	if err := run(context.Background(), nil, env(nil), io.Discard); !errors.As(err, &u) {
		t.Errorf("no command: %v", err)
	}
	if err := run(context.Background(), []string{"serve", "--bogus"}, env(nil), io.Discard); !errors.As(err, &u) {
		t.Errorf("bad flag: %v", err)
	}
	if err := run(context.Background(), []string{"load", "--docs", "/no/such/dir"}, env(nil), io.Discard); err == nil || !strings.Contains(err.Error(), "/no/such/dir") {
		t.Errorf("missing docs: %v", err)
	}
}

// TestServeDrainTimesOut checks that serve exits cleanly when its drain's
// time is up with a request still open: --shutdown-timeout promises that
// requests still running then are cut off, not that the process fails.
func TestServeDrainTimesOut(t *testing.T) {
	base, stop := startServe(t, []string{"--shutdown-timeout", "100ms"}, nil)
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// A request whose headers never end keeps its connection busy.
	if _, err := conn.Write([]byte("GET /healthz HTTP/1.1\r\nHost: x\r\n")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	if err := stop(); err != nil {
		t.Errorf("serve's drain timed out and it returned %v, want nil", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("serve took %v to stop with a 100ms drain", d)
	}
}
