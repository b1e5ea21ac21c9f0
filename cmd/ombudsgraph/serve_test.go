package main

import (
	"errors"
	"flag"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestParseServe checks that serve's flags and environment land in its one
// configuration value, server limits included, and that bad combinations
// are refused with a message naming the flag.
func TestParseServe(t *testing.T) {
	cfg, err := parseServe([]string{"--max-depth", "7", "--cors-origins", "https://a.example, https://b.example", "--response-cache", "0",
		"--request-timeout", "3s", "--max-export-nodes", "9", "--introspection=false", "--strict"},
		env(map[string]string{"OMBUDSGRAPH_ADDR": "127.0.0.1:0"}), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.server.API.MaxDepth != 7 || cfg.server.API.Introspection || cfg.server.Timeout != 3*time.Second || cfg.server.MaxExport != 9 {
		t.Errorf("limits not set: %+v", cfg.server)
	}
	if !slices.Equal(cfg.server.CORSOrigins, []string{"https://a.example", "https://b.example"}) {
		t.Errorf("CORS origins %q", cfg.server.CORSOrigins)
	}
	if cfg.server.ResponseCache != -1 || !cfg.strict || cfg.addr != "127.0.0.1:0" {
		t.Errorf("cache %d, strict %v, addr %q; want -1 (off), true and the address from the environment", cfg.server.ResponseCache, cfg.strict, cfg.addr)
	}

	queries := filepath.Join(t.TempDir(), "queries.json")
	if err := os.WriteFile(queries, []byte(`["{ __typename }"]`), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err = parseServe([]string{"--persisted-queries", queries, "--persisted-only"}, env(nil), io.Discard)
	if err != nil || len(cfg.server.API.Persisted) != 1 || !cfg.server.API.PersistedOnly {
		t.Errorf("persisted queries: %v, %d known", err, len(cfg.server.API.Persisted))
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--max-concurrent", "0"}, "--max-concurrent 0"},
		{[]string{"--max-export-nodes", "0"}, "--max-export-nodes 0"},
		{[]string{"--max-connections", "3"}, "--max-connections 3: give at least 4"},
		{[]string{"--response-cache", "-1"}, "--response-cache -1"},
		{[]string{"--persisted-only"}, "--persisted-only needs --persisted-queries"},
		{[]string{"--persisted-queries", filepath.Join(t.TempDir(), "none.json")}, "--persisted-queries"},
		{[]string{"--no-such-flag"}, "no-such-flag"},
	} {
		if _, err := parseServe(c.args, env(nil), io.Discard); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want it to say %q", c.args, err, c.want)
		}
	}
	if _, err := parseServe([]string{"-h"}, env(nil), io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v, want flag.ErrHelp", err)
	}
}

// TestSlowSenderIsCutOff checks that a client that starts a request and then
// stalls does not hold its connection and request slot for ever: the server
// ends the exchange once the request's time and 5 s more are up.
func TestSlowSenderIsCutOff(t *testing.T) {
	base, stop := startServe(t, []string{"--request-timeout", "1s"}, nil)
	defer stop()
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"query\""); err != nil {
		t.Fatal(err)
	}
	// The client sends nothing more. Well after the server's limit (6 s),
	// the connection must have been answered or closed.
	if err := conn.SetReadDeadline(time.Now().Add(20 * time.Second)); err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(conn)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatal("the server still held a stalled request after 20 s")
	}
}
