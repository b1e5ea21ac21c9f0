package main

import (
	"bytes"
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ombudsgraph/ombudsgraph/internal/fetch/fetchtest"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// runFetch runs `fetch` with args and returns its standard output,
// standard error and error.
func runFetch(t *testing.T, args []string, vars map[string]string) (string, string, error) {
	t.Helper()
	var out, errw bytes.Buffer
	err := runTo(context.Background(), append([]string{"fetch"}, args...), env(vars), &out, &errw)
	return out.String(), errw.String(), err
}

func TestFetchCommand(t *testing.T) {
	site := fetchtest.Councils()
	// Retries are internal/fetch's to test; here they only take time.
	site.Update("/assets/letters/kent-flaky.pdf", func(r *fetchtest.Resource) { r.Fail = 0 })
	site.Update("/assets/letters/kent-limited.pdf", func(r *fetchtest.Resource) { r.Limit = 0 })
	srv := httptest.NewServer(site)
	defer srv.Close()
	dir := t.TempDir()
	args := []string{"--base-url", srv.URL, "--out", dir, "--rate", "10", "--retries", "1",
		"--council", "kent-county-council", "--council", "Surrey County Council,nowhere-council"}
	out, errs, err := runFetch(t, args, map[string]string{"OMBUDSGRAPH_CONTACT": "scrutiny@example.org"})

	// nowhere-council's 404 fails the run at the end, and costs only itself.
	var u usageError
	if err == nil || errors.As(err, &u) || err.Error() != "ombudsgraph fetch: 2 files failed (listed above); the rest were fetched" {
		t.Errorf("err = %v", err)
	}
	for _, want := range []string{
		"fetched kent-county-council/statistics.html (",
		"fetched kent-county-council/letters/Kent-County-Council-2024.pdf (",
		"fetched surrey-county-council/letters/surrey-2024.pdf (",
		"/your-councils-performance/surrey-county-council/statistics: 301 Moved Permanently to ",
		"kent-county-council done (1 of 3 councils)",
		"fetched 3 of 3 councils into " + dir + ": 8 files downloaded (",
		"; 7 letters linked; 12 requests in ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("standard output lacks %q:\n%s", want, out)
		}
	}
	for _, want := range []string{
		"warning: nowhere-council is no council of the councils reference (seed/councils.json); fetching it all the same",
		"FAILED nowhere-council: " + srv.URL + "/your-councils-performance/nowhere-council/statistics: 404 Not Found",
		"2 files failed:\n  kent-county-council: " + srv.URL + "/assets/secret/kent-draft.pdf: robots.txt disallows it (Disallow: /assets/secret/)\n",
		"  nowhere-council: " + srv.URL + "/your-councils-performance/nowhere-council/statistics: 404 Not Found\n",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("standard error lacks %q:\n%s", want, errs)
		}
	}
	for file := range fetchtest.Files {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(file))); err != nil {
			t.Error(err)
		}
	}
	for _, r := range site.Requests() {
		if !strings.HasPrefix(r.UserAgent, "ombudsgraph/") || !strings.HasSuffix(r.UserAgent, " (+mailto:scrutiny@example.org)") {
			t.Errorf("User-Agent %q", r.UserAgent)
		}
	}

	// Again: nothing new is downloaded.
	site.Reset()
	out, _, _ = runFetch(t, append(args, "--contact", "scrutiny@example.org"), nil)
	if !strings.Contains(out, ": 0 files downloaded (0 bytes), 8 not modified;") {
		t.Errorf("second run:\n%s", out)
	}
}

func TestFetchRequiresAContact(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--all", "--out", dir}, "ombudsgraph fetch: --contact EMAIL_OR_URL is required"},
		{[]string{"--all", "--out", dir, "--contact", "me"}, `ombudsgraph fetch: --contact: contact "me": want an email address`},
		{[]string{"--all", "--contact", "me@example.org"}, "--out DIR is required"},
		{[]string{"--out", dir, "--contact", "me@example.org"}, "say which councils: --council SLUG (repeatable or comma-separated), or --all"},
		{[]string{"--all", "--council", "x", "--out", dir, "--contact", "me@example.org"}, "--council and --all do not go together"},
		{[]string{"--all", "--out", dir, "--contact", "me@example.org", "--rate", "50"}, "--rate 50: want more than 0 and at most 10 requests a second"},
		{[]string{"--all", "--out", dir, "--contact", "me@example.org", "--letters", "("}, "--letters: error parsing regexp"},
	} {
		_, _, err := runFetch(t, tc.args, nil)
		var u usageError
		if !errors.As(err, &u) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v, want a usage error with %q", tc.args, err, tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused runs wrote %d files", len(entries))
	}
}

func TestFetchAllIsTheCurrentCouncils(t *testing.T) {
	ref, err := referenceCouncils(seed.Councils)
	if err != nil {
		t.Fatal(err)
	}
	var current []string
	for _, c := range ref {
		if !c.abolished {
			current = append(current, c.slug)
		}
	}
	if !slices.Contains(current, "kent-county-council") || !slices.Contains(current, "borough-council-of-kings-lynn-west-norfolk") ||
		slices.Contains(current, "allerdale-borough-council") || len(current) < 300 || len(current) >= len(ref) {
		t.Errorf("%d current councils of %d", len(current), len(ref))
	}
	// --all asks for each of them, in that order, here from a site whose
	// robots.txt keeps the fetcher out, so that the test makes one request.
	site := fetchtest.New()
	site.Set("/robots.txt", &fetchtest.Resource{Body: "User-agent: *\nDisallow: /your-councils-performance/\n"})
	srv := httptest.NewServer(site)
	defer srv.Close()
	out, errs, err := runFetch(t, []string{"--all", "--base-url", srv.URL, "--out", t.TempDir(), "--rate", "10", "--retries", "0", "--contact", "https://example.org/me"}, nil)
	if err == nil || !strings.Contains(out, "fetched "+strconv.Itoa(len(current))+" of "+strconv.Itoa(len(current))+" councils") {
		t.Errorf("err = %v\n%s", err, out)
	}
	if n := strings.Count(errs, "\n  "); n != len(current) {
		t.Errorf("%d failures, want one per council", n)
	}
	if !strings.Contains(errs, "  adur-district-council: "+srv.URL+"/your-councils-performance/adur-district-council/statistics: robots.txt disallows it") {
		t.Errorf("standard error:\n%.1000s", errs)
	}
	if len(site.Requests()) != 1 {
		t.Errorf("%d requests, want only robots.txt", len(site.Requests()))
	}
}
