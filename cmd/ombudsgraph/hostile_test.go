package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// post sends a request to /query and returns the status and the error code
// of its first error, if any.
func post(t *testing.T, base, contentType string, body []byte) (int, string, string) {
	t.Helper()
	resp, err := http.Post(base+"/query", contentType, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out struct {
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	json.Unmarshal(b, &out)
	if len(out.Errors) == 0 {
		return resp.StatusCode, "", string(b)
	}
	code, _ := out.Errors[0].Extensions["code"].(string)
	return resp.StatusCode, code, out.Errors[0].Message
}

func jsonQuery(q string, extra ...string) []byte {
	m := map[string]any{"query": q}
	for i := 0; i+1 < len(extra); i += 2 {
		m[extra[i]] = extra[i+1]
	}
	b, _ := json.Marshal(m)
	return b
}

// TestHostileInputs sends what an abusive client might, and checks that each
// gets a clear error with a code and leaves the server answering.
func TestHostileInputs(t *testing.T) {
	base, stop := startServe(t, nil, nil)
	defer stop()
	nested := strings.Repeat("cases { edges { node { council { ", 13) + "name" + strings.Repeat(" } } } }", 13)
	var aliases strings.Builder
	for i := 0; i < 100; i++ {
		aliases.WriteString("a")
		aliases.WriteString(strings.Repeat("x", i%7))
		aliases.WriteString(string(rune('a' + i%26)))
		aliases.WriteString(strings.Repeat("b", i/26))
		aliases.WriteString(": years { label } ")
	}
	huge := "{ years { label } } #" + strings.Repeat("x", 2<<20)
	cases := []struct {
		name, contentType string
		body              []byte
		status            int
		code              string
	}{
		{"50-level nested query", "application/json", jsonQuery(`{ council(slug: "kent-county-council") { ` + nested + ` } }`), 200, "DEPTH_LIMIT_EXCEEDED"},
		{"first: 1000000", "application/json", jsonQuery(`{ cases(first: 1000000) { totalCount } }`), 200, "BAD_USER_INPUT"},
		{"100 aliases", "application/json", jsonQuery("{ " + aliases.String() + " }"), 200, "ALIAS_LIMIT_EXCEEDED"},
		{"4,000 fields", "application/json", jsonQuery("{ " + strings.Repeat("years { label } ", 1000) + " }"), 200, "GRAPHQL_PARSE_FAILED"},
		{"2 MB query", "application/json", jsonQuery(huge), 413, "REQUEST_TOO_LARGE"},
		{"invalid UTF-8", "application/json", []byte("{\"query\": \"{ years { label \xff\xfe } }\"}"), 200, "GRAPHQL_PARSE_FAILED"},
		{"plain text", "text/plain", []byte("{ years { label } }"), 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"form", "application/x-www-form-urlencoded", []byte("query=%7Byears%7Blabel%7D%7D"), 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"not JSON", "application/json", []byte("{query: nope"), 400, "BAD_REQUEST"},
		{"unknown operation", "application/json", jsonQuery(`query A { years { label } }`, "operationName", "B"), 200, "GRAPHQL_VALIDATION_FAILED"},
		{"query not a string", "application/json", []byte(`{"query": {"x": 1}}`), 400, "BAD_REQUEST"},
		{"costly query", "application/json", jsonQuery(`{ councils(first: 100) { edges { node { cases(first: 100) { edges { node { improvements { text } } } } } } } }`), 200, "COMPLEXITY_LIMIT_EXCEEDED"},
		{"batch over the cap", "application/json", []byte("[" + strings.TrimSuffix(strings.Repeat(`{"query":"{ years { label } }"},`, 11), ",") + "]"), 400, "BATCH_LIMIT_EXCEEDED"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, code, msg := post(t, base, c.contentType, c.body)
			if status != c.status || code != c.code {
				t.Errorf("got %d %s (%.200s), want %d %s", status, code, msg, c.status, c.code)
			}
			if code := query(t, base, `{councils{totalCount}}`); code != `{"data":{"councils":{"totalCount":3}}}` {
				t.Errorf("afterwards the server answers %s", code)
			}
		})
	}
	// A batch within the cap answers each operation, in order.
	resp, err := http.Post(base+"/query", "application/json", strings.NewReader(`[{"query":"{ years { label } }"},{"query":"{ councils { totalCount } }"}]`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != `[{"data":{"years":[{"label":"2019-20"},{"label":"2020-21"},{"label":"2023-24"},{"label":"2024-25"}]}},{"data":{"councils":{"totalCount":3}}}]` {
		t.Errorf("batch answered %s", b)
	}
}

// TestPersistedAndIntrospection serves only persisted queries, without
// introspection.
func TestPersistedAndIntrospection(t *testing.T) {
	const known = "{ councils { totalCount } }"
	file := filepath.Join(t.TempDir(), "persisted.json")
	data, _ := json.Marshal([]string{known})
	os.WriteFile(file, data, 0o644)
	base, stop := startServe(t, []string{"--persisted-queries", file, "--persisted-only"}, map[string]string{"OMBUDSGRAPH_INTROSPECTION": "false"})
	sum := sha256.Sum256([]byte(known))
	hash := hex.EncodeToString(sum[:])
	body, _ := json.Marshal(map[string]any{"extensions": map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hash}}})
	if status, code, msg := post(t, base, "application/json", body); status != 200 || code != "" || !strings.Contains(msg, `"totalCount":3`) {
		t.Errorf("a persisted query by its hash: %d %s %s", status, code, msg)
	}
	if status, code, _ := post(t, base, "application/json", jsonQuery(`{ years { label } }`)); code != "PERSISTED_QUERY_REQUIRED" {
		t.Errorf("an unknown query with --persisted-only: %d %s", status, code)
	}
	if status, code, msg := post(t, base, "application/json", jsonQuery(known)); status != 200 || code != "" {
		t.Errorf("the text of a persisted query: %d %s %s", status, code, msg)
	}
	intro := "{ __schema { queryType { name } } }"
	data, _ = json.Marshal([]string{known, intro})
	os.WriteFile(file, data, 0o644)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	base, stop = startServe(t, []string{"--persisted-queries", file, "--introspection=false"}, nil)
	defer stop()
	if _, code, msg := post(t, base, "application/json", jsonQuery(intro)); code == "" || !strings.Contains(strings.ToLower(msg), "introspection") {
		t.Errorf("introspection when disabled: %s %s", code, msg)
	}
}
