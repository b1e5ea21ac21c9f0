package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// mixedDocs writes a --docs folder of one good council page (from the seed
// corpus), a file that is no LGSCO document (a README in Markdown), a binary
// file, a broken symbolic link and a hidden file; it returns the folder.
func mixedDocs(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	page, err := os.ReadFile("../../seed/docs/council-page-kent-county-council.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"kent.txt":  page,
		"README.md": []byte("# Our documents\n\nThis folder holds the **LGSCO** pages we collected, with [links](https://www.lgo.org.uk/).\n\n## How to add one\n\n```sh\ncp page.txt documents/\n```\n\n| file | source |\n|---|---|\n| kent.txt | lgo.org.uk |\n"),
		"scan.pdf":  append([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), bytes.Repeat([]byte{0, 0xff, 0x10, 0x80}, 64)...),
		".notes":    []byte("not a document: hidden"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "moved-away.txt"), filepath.Join(dir, "broken.txt")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// badDocs are the documents of mixedDocs that cannot be loaded.
var badDocs = []string{"README.md", "broken.txt", "scan.pdf"}

type problem struct {
	Doc, Document, Severity, Message, Text string
	Line                                   int
}

// TestServeReportsBadDocuments: serve starts on a folder with documents that
// cannot be loaded, serves the good one, and reports the others in its log,
// in /readyz and in GraphQL, named as in the folder. The messages are the
// loader's to word, so only names and severities are checked.
func TestServeReportsBadDocuments(t *testing.T) {
	dir := mixedDocs(t)
	base, logged, stop := startServeLog(t, []string{"--no-seed", "--docs", dir}, nil)
	defer stop()

	var warned []string
	for _, l := range logged {
		if l["msg"] == "document problem" && l["level"] == "WARN" && l["severity"] == "ERROR" {
			if _, ok := l["line"].(float64); !ok || l["message"] == "" {
				t.Errorf("log line lacks a line or a message: %v", l)
			}
			warned = append(warned, l["doc"].(string))
		}
		if l["msg"] == "loaded" && l["failed"] != float64(len(badDocs)) {
			t.Errorf("loaded line: failed = %v, want %d", l["failed"], len(badDocs))
		}
	}
	if strings.Join(warned, ",") != strings.Join(badDocs, ",") {
		t.Errorf("the log warns of %v, want %v", warned, badDocs)
	}

	code, body := get(t, base+"/readyz")
	var ready struct {
		Status       string
		ProblemCount int
		Problems     []problem
	}
	if err := json.Unmarshal([]byte(body), &ready); err != nil {
		t.Fatal(err)
	}
	if code != 200 || ready.Status != "ready" {
		t.Errorf("/readyz = %d %s, want 200 ready", code, body)
	}
	if got := failedDocs(ready.Problems, func(p problem) string { return p.Doc }); got != strings.Join(badDocs, ",") || ready.ProblemCount != len(ready.Problems) {
		t.Errorf("/readyz problems: %s (count %d), want %v", got, ready.ProblemCount, badDocs)
	}
	if strings.Contains(body, dir) {
		t.Errorf("/readyz shows the server's paths: %s", body)
	}
	for _, p := range ready.Problems {
		if p.Message == "" {
			t.Errorf("a problem without a reason: %+v", p)
		}
	}

	var resp struct {
		Data struct {
			Problems  []problem
			Errors    []problem
			Documents []struct{ Name string }
			Council   struct{ Name string }
		}
		Errors []any
	}
	postQuery(t, base, `{ problems { document line severity message text } errors: problems(severity: ERROR) { document severity }
		documents { name } council(slug: "kent-county-council") { name } }`, &resp)
	if len(resp.Errors) > 0 {
		t.Fatalf("errors: %v", resp.Errors)
	}
	if got := failedDocs(resp.Data.Problems, func(p problem) string { return p.Document }); got != strings.Join(badDocs, ",") {
		t.Errorf("GraphQL problems: %s, want %v", got, badDocs)
	}
	for _, p := range resp.Data.Problems {
		if !strings.HasPrefix(p.Text, p.Document+":") || !strings.HasSuffix(p.Text, p.Message) {
			t.Errorf("text %q is not the FILE:LINE: form of %+v", p.Text, p)
		}
	}
	if got := failedDocs(resp.Data.Errors, func(p problem) string { return p.Document }); got != strings.Join(badDocs, ",") || len(resp.Data.Errors) != len(badDocs) {
		t.Errorf("problems(severity: ERROR): %+v", resp.Data.Errors)
	}
	if len(resp.Data.Documents) != 1 || resp.Data.Documents[0].Name != "kent.txt" || resp.Data.Council.Name != "Kent County Council" {
		t.Errorf("the good document is not served as kent.txt: %+v", resp.Data)
	}
	if err := stop(); err != nil {
		t.Errorf("serve: %v", err)
	}
}

// TestServeStrict: --strict (or OMBUDSGRAPH_STRICT) refuses to start on the
// same folder, naming the documents that cannot be loaded.
func TestServeStrict(t *testing.T) {
	dir := mixedDocs(t)
	for _, c := range []struct {
		args []string
		vars map[string]string
	}{
		{[]string{"--strict"}, nil},
		{nil, map[string]string{"OMBUDSGRAPH_STRICT": "true"}},
	} {
		// Were it to start, it would stop here rather than hang the test.
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		args := append([]string{"serve", "--addr", "127.0.0.1:0", "--no-seed", "--docs", dir}, c.args...)
		err := run(ctx, args, env(c.vars), io.Discard)
		cancel()
		if err == nil {
			t.Errorf("%v %v: serve started", c.args, c.vars)
			continue
		}
		for _, name := range badDocs {
			if !strings.Contains(err.Error(), name+":") {
				t.Errorf("%v %v: the error does not name %s: %v", c.args, c.vars, name, err)
			}
		}
	}
}

// TestLoadExitStatus: load reports every problem on stderr as FILE:LINE:
// lines, loads the rest, and fails when a document could not be loaded; a
// warning alone does not fail it.
func TestLoadExitStatus(t *testing.T) {
	dir := mixedDocs(t)
	var out, stderr bytes.Buffer
	err := runTo(context.Background(), []string{"load", "--no-seed", "--docs", dir}, env(nil), &out, &stderr)
	if err == nil {
		t.Errorf("load succeeded with documents that cannot be loaded")
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	var docs []string
	for _, l := range lines {
		docs = append(docs, l[:strings.Index(l, ":")])
	}
	if strings.Join(docs, ",") != strings.Join(badDocs, ",") || strings.Contains(stderr.String(), dir) {
		t.Errorf("stderr names %v, want %v without the server's paths:\n%s", docs, badDocs, stderr.String())
	}
	if !strings.Contains(out.String(), "documents        1") {
		t.Errorf("the good document did not load:\n%s", out.String())
	}

	// Only the good page: success, and nothing on stderr.
	stderr.Reset()
	if err := runTo(context.Background(), []string{"load", "--no-seed", "--docs", filepath.Join(dir, "kent.txt")}, env(nil), io.Discard, &stderr); err != nil || stderr.Len() > 0 {
		t.Errorf("load of a good page: %v, stderr %q", err, stderr.String())
	}

	// A page cut short mid-sentence loads with a warning, and load succeeds.
	page, _ := os.ReadFile(filepath.Join(dir, "kent.txt"))
	cut := t.TempDir()
	os.WriteFile(filepath.Join(cut, "kent.txt"), page[:3000], 0o644)
	stderr.Reset()
	err = runTo(context.Background(), []string{"load", "--no-seed", "--docs", cut}, env(nil), io.Discard, &stderr)
	if !strings.Contains(stderr.String(), ": warning: ") {
		t.Skipf("the loader reports no warning for a page cut short (stderr %q); the exit status of warnings is untested", stderr.String())
	}
	if err != nil || !strings.HasPrefix(stderr.String(), "kent.txt:") {
		t.Errorf("load with a warning: %v, stderr %q", err, stderr.String())
	}
}

// failedDocs lists the documents of the problems of severity ERROR.
func failedDocs(ps []problem, doc func(problem) string) string {
	var out []string
	for _, p := range ps {
		if p.Severity == "ERROR" {
			out = append(out, doc(p))
		}
	}
	return strings.Join(out, ",")
}

func postQuery(t *testing.T, base, q string, into any) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": q})
	resp, err := http.Post(base+"/query", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(into); err != nil {
		t.Fatal(err)
	}
}

// TestLoadSameNameTwice: the seed corpus and --docs seed/docs give the same
// names; the seed's documents load, and the others are reported, naming
// where each came from.
func TestLoadSameNameTwice(t *testing.T) {
	var out, stderr bytes.Buffer
	err := runTo(context.Background(), []string{"load", "--docs", "../../seed/docs"}, env(nil), &out, &stderr)
	if err == nil || !strings.Contains(out.String(), "documents        5") {
		t.Errorf("load: %v\n%s", err, out.String())
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != 5 || !strings.HasPrefix(lines[0], "council-page-hertfordshire-county-council.txt: ") ||
		!strings.Contains(lines[0], "../../seed/docs/council-page-hertfordshire-county-council.txt") || !strings.Contains(lines[0], seedOrigin) {
		t.Errorf("stderr:\n%s", stderr.String())
	}
}
