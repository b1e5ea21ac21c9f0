package fetch_test

import (
	"context"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ombudsgraph/ombudsgraph/internal/fetch"
	"github.com/ombudsgraph/ombudsgraph/internal/fetch/fetchtest"
)

func TestFetchDownloadsThenAsksOnlyWhatChanged(t *testing.T) {
	site, srv, clock, o := setup(t)
	res, events := run(t, context.Background(), o)
	checkFiles(t, site, srv, o.Out)
	if res.Fetched != len(fetchtest.Files) || res.NotModified != 0 || res.Councils != 4 {
		t.Errorf("first run: %+v", res)
	}
	// kent: 6 letter links (the commented one is not), surrey: 1.
	if res.Letters != 7 {
		t.Errorf("letters found: %d, want 7", res.Letters)
	}
	checkFirstRun(t, site, res, events)

	// The second run asks for each file with its validators, and every
	// answer is 304.
	site.Reset()
	clock.advance(time.Hour)
	res, _ = run(t, context.Background(), o)
	if res.Fetched != 0 || res.NotModified != len(fetchtest.Files) || len(res.Failures) != 3 || res.Skipped != 0 {
		t.Errorf("second run: %+v", res)
	}
	for _, r := range site.Requests() {
		if r.Status == http.StatusOK && r.URI != "/robots.txt" {
			t.Errorf("second run downloaded %s again", r.URI)
		}
		if r.Status == http.StatusNotModified && r.IfNoneMatch == "" && r.IfModifiedSince == "" {
			t.Errorf("%s: 304 without validators", r.URI)
		}
	}
	checkFiles(t, site, srv, o.Out)

	// A letter that changed is the one file the third run downloads.
	site.Update("/assets/letters/kent-county-council-2023.pdf", func(r *fetchtest.Resource) { r.Body = fetchtest.PDF("Kent 2023, corrected") })
	site.Update("/secure/your-councils-performance/surrey-county-council/letters/surrey-2024.pdf", func(r *fetchtest.Resource) {
		r.Body, r.LastModified = fetchtest.PDF("Surrey 2024, corrected"), r.LastModified.Add(24*time.Hour)
	})
	site.Reset()
	res, events = run(t, context.Background(), o)
	if res.Fetched != 2 || res.NotModified != len(fetchtest.Files)-2 {
		t.Errorf("third run: %+v", res)
	}
	for _, e := range events {
		if e.Kind == fetch.Fetched && !strings.HasSuffix(e.File, "/kent-county-council-2023.pdf") && !strings.HasSuffix(e.File, "/surrey-2024.pdf") {
			t.Errorf("third run fetched %s", e.File)
		}
	}
	checkFiles(t, site, srv, o.Out)
}

// checkFirstRun checks the first run over the imitation: the files that
// fail, and why; the requests it made, each with the User-Agent, none that
// robots.txt disallows or no link names, robots.txt once and one at a time;
// and the redirects it followed.
func checkFirstRun(t *testing.T, site *fetchtest.Site, res *fetch.Result, events []fetch.Event) {
	t.Helper()
	fails := failures(res)
	want := map[string]string{
		"/your-councils-performance/nowhere-council/statistics":   "404 Not Found",
		"/your-councils-performance/forbidden-council/statistics": "robots.txt disallows it (Disallow: /your-councils-performance/forbidden-council/)",
		"/assets/secret/kent-draft.pdf":                           "robots.txt disallows it (Disallow: /assets/secret/)",
	}
	if len(fails) != len(want) {
		t.Errorf("failures: %v", res.Failures)
	}
	for u, msg := range want {
		if fails[u] != msg {
			t.Errorf("failure of %s: %q, want %q", u, fails[u], msg)
		}
	}
	reqs := site.Requests()
	for _, r := range reqs {
		if r.UserAgent != "ombudsgraph/1.2.3 (+mailto:researcher@example.org)" {
			t.Errorf("%s: User-Agent %q", r.URI, r.UserAgent)
		}
		if strings.Contains(r.URI, "forbidden") || strings.Contains(r.URI, "secret") || strings.Contains(r.URI, "hidden") {
			t.Errorf("requested %s, which robots.txt disallows or no link names", r.URI)
		}
	}
	if n := count(reqs, "/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
	if site.MaxInflight() != 1 {
		t.Errorf("%d requests at once, want 1", site.MaxInflight())
	}
	var redirects []string
	for _, e := range events {
		if e.Kind == fetch.Redirected {
			redirects = append(redirects, e.Message)
		}
	}
	if !slices.Equal(redirects, []string{"301 Moved Permanently", "302 Found"}) {
		t.Errorf("redirects: %v", redirects)
	}
}

func TestFetchResumesAfterAnInterruption(t *testing.T) {
	site, srv, _, o := setup(t)
	// A stray partial file, as a killed run leaves, goes at the start.
	stray := filepath.Join(o.Out, "kent-county-council", "letters", ".kent-flaky.pdf.123.part")
	os.MkdirAll(filepath.Dir(stray), 0o755)
	os.WriteFile(stray, []byte("%PDF-1.4 half"), 0o644)

	// Interrupt in the middle of a letter's body.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cut := "/assets/letters/Kent%20County%20Council%202024.PDF"
	site.Update(cut, func(r *fetchtest.Resource) {
		r.Before = func(w http.ResponseWriter, req *http.Request) bool {
			w.Header().Set("Content-Length", "100000")
			w.Write([]byte("%PDF-1.4\n% half of it"))
			w.(http.Flusher).Flush()
			cancel()
			<-req.Context().Done()
			return true
		}
	})
	o.Report = nil
	res, err := fetch.Run(ctx, o)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: err = %v", err)
	}
	done := res.Fetched
	if done != 2 { // kent's page and its first letter
		t.Errorf("done before the interruption: %+v", res)
	}
	noParts(t, o.Out)
	if _, err := os.Stat(filepath.Join(o.Out, "kent-county-council", "letters", "Kent-County-Council-2024.pdf")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the interrupted letter exists: %v", err)
	}

	site.Update(cut, func(r *fetchtest.Resource) { r.Before = nil })
	site.Reset()
	res, _ = run(t, context.Background(), o)
	if res.Resumed.IsZero() || res.Skipped != done || res.Fetched != len(fetchtest.Files)-done || res.NotModified != 0 {
		t.Errorf("resumed run: %+v", res)
	}
	for _, r := range site.Requests() {
		if r.URI == fetchtest.Files["kent-county-council/statistics.html"] || r.URI == "/assets/letters/kent-county-council-2023.pdf" {
			t.Errorf("the resumed run asked again for %s, which was done", r.URI)
		}
	}
	checkFiles(t, site, srv, o.Out)

	// The run finished: the next one asks about everything again.
	site.Reset()
	res, _ = run(t, context.Background(), o)
	if !res.Resumed.IsZero() || res.NotModified != len(fetchtest.Files) || res.Skipped != 0 {
		t.Errorf("run after the resumed one: %+v", res)
	}
}

func TestFetchRefusesWhatIsNotAPDF(t *testing.T) {
	site, _, _, o := setup(t)
	site.Update("/assets/letters/kent-flaky.pdf", func(r *fetchtest.Resource) {
		r.Body, r.ContentType, r.Fail = "<html><body>Please log in</body></html>", "text/html", 0
	})
	res, _ := run(t, context.Background(), o)
	if got := failures(res)["/assets/letters/kent-flaky.pdf"]; !strings.HasPrefix(got, `not a PDF (Content-Type "text/html"`) {
		t.Errorf("failure: %q", got)
	}
	if _, err := os.Stat(filepath.Join(o.Out, "kent-county-council", "letters", "kent-flaky.pdf")); err == nil {
		t.Error("the login page was saved as a letter")
	}
}

func TestFetchWithoutRobotsTxt(t *testing.T) {
	site, _, _, o := setup(t)
	site.Set("/robots.txt", &fetchtest.Resource{Status: http.StatusNotFound})
	res, _ := run(t, context.Background(), o)
	// With no robots.txt, nothing is disallowed: the forbidden council and
	// the secret letter come too.
	if len(res.Failures) != 1 || res.Fetched != len(fetchtest.Files)+2 {
		t.Errorf("%+v", res)
	}

	// A robots.txt that answers 500 keeps the fetcher out (RFC 9309).
	site.Set("/robots.txt", &fetchtest.Resource{Status: http.StatusServiceUnavailable})
	site.Reset()
	o.Out = t.TempDir()
	res, _ = run(t, context.Background(), o)
	if res.Fetched != 0 || len(res.Failures) != 4 {
		t.Errorf("%+v", res)
	}
	for _, r := range site.Requests() {
		if r.URI != "/robots.txt" {
			t.Errorf("requested %s while robots.txt could not be had", r.URI)
		}
	}
	if n := count(site.Requests(), "/robots.txt"); n != 4 {
		t.Errorf("robots.txt asked %d times, want 4 (3 retries)", n)
	}
}

// TestFetchFollowsHTTPToHTTPS: a site whose http:// answers send the
// fetcher to https://, where another robots.txt applies.
func TestFetchFollowsHTTPToHTTPS(t *testing.T) {
	secure := fetchtest.Councils()
	tls := httptest.NewTLSServer(secure)
	defer tls.Close()
	plain := fetchtest.New()
	plain.Set("/robots.txt", &fetchtest.Resource{Body: "User-agent: *\nAllow: /\n"})
	plain.Set("/your-councils-performance/kent-county-council/statistics", &fetchtest.Resource{Redirect: tls.URL + "/your-councils-performance/kent-county-council/statistics"})
	plain.Set("/your-councils-performance/forbidden-council/statistics", &fetchtest.Resource{Redirect: tls.URL + "/your-councils-performance/forbidden-council/statistics"})
	srv := httptest.NewServer(plain)
	defer srv.Close()
	o := fetch.Options{
		BaseURL: srv.URL, Out: t.TempDir(), Councils: []string{"kent-county-council", "forbidden-council"},
		Contact: "https://example.org/contact", Client: tls.Client(), Clock: newFakeClock(), Retries: 1,
	}
	res, _ := run(t, context.Background(), o)
	fails := failures(res)
	if res.Fetched != 6 || len(fails) != 2 || !strings.HasPrefix(fails["/your-councils-performance/forbidden-council/statistics"], "robots.txt disallows") {
		t.Errorf("%+v %v", res, fails)
	}
	if n := count(secure.Requests(), "/robots.txt"); n != 1 {
		t.Errorf("the https robots.txt asked %d times", n)
	}
	if ua := secure.Requests()[0].UserAgent; ua != "ombudsgraph/devel (+https://example.org/contact)" {
		t.Errorf("User-Agent %q", ua)
	}
}

func TestOptionsChecked(t *testing.T) {
	for _, tc := range []struct {
		o    fetch.Options
		want string
	}{
		{fetch.Options{Out: "x", Councils: []string{"a"}}, "a contact is required"},
		{fetch.Options{Out: "x", Councils: []string{"a"}, Contact: "me"}, `contact "me": want an email address`},
		{fetch.Options{Out: "x", Councils: []string{"a"}, Contact: "me@example.org\r\nX: y"}, "printable ASCII"},
		{fetch.Options{Out: "x", Councils: []string{"../etc"}, Contact: contact}, `council "../etc": not a slug`},
		{fetch.Options{Out: "x", BaseURL: "ftp://x", Contact: contact}, "want an absolute http or https URL"},
	} {
		_, err := fetch.Run(context.Background(), tc.o)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: err = %v, want %q", tc.o, err, tc.want)
		}
	}
	for _, ok := range []string{"me@example.org", "https://example.org/contact", "http://x.example"} {
		if err := fetch.CheckContact(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
}
