package fetch_test

import (
	"context"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ombudsgraph/ombudsgraph/internal/fetch"
	"github.com/ombudsgraph/ombudsgraph/internal/fetch/fetchtest"
)

// fakeClock moves on by exactly what is slept, at once.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 8, 1, 10, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.now = c.now.Add(d)
		c.slept = append(c.slept, d)
	}
	return nil
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

const contact = "researcher@example.org"

var councils = []string{"kent-county-council", "surrey-county-council", "nowhere-council", "forbidden-council"}

// setup starts the imitation on loopback with a fake clock, and returns it
// and options that fetch from it into a new directory.
func setup(t *testing.T) (*fetchtest.Site, *httptest.Server, *fakeClock, fetch.Options) {
	t.Helper()
	site := fetchtest.Councils()
	clock := newFakeClock()
	site.Now = clock.Now
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	return site, srv, clock, fetch.Options{
		BaseURL:  srv.URL,
		Out:      t.TempDir(),
		Councils: councils,
		Contact:  contact,
		Version:  "1.2.3",
		Retries:  3,
		Clock:    clock,
		Jitter:   func() float64 { return 0.5 },
	}
}

func run(t *testing.T, ctx context.Context, o fetch.Options) (*fetch.Result, []fetch.Event) {
	t.Helper()
	var events []fetch.Event
	o.Report = func(e fetch.Event) { events = append(events, e) }
	res, err := fetch.Run(ctx, o)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res, events
}

func failures(res *fetch.Result) map[string]string {
	out := map[string]string{}
	for _, f := range res.Failures {
		u, _ := url.Parse(f.URL)
		out[u.RequestURI()] = f.Err.Error()
	}
	return out
}

// noParts fails if any hidden .part file is left in dir.
func noParts(t *testing.T, dir string) {
	t.Helper()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".part") {
			t.Errorf("partial file left: %s", p)
		}
		return nil
	})
}

func checkFiles(t *testing.T, site *fetchtest.Site, srv *httptest.Server, dir string) {
	t.Helper()
	for file, uri := range fetchtest.Files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file)))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if want := site.Body(uri, srv.URL); string(got) != want {
			t.Errorf("%s: got %d bytes, want the %d of %s", file, len(got), len(want), uri)
		}
	}
	var all []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			all = append(all, filepath.ToSlash(rel))
		}
		return nil
	})
	for _, f := range all {
		if _, ok := fetchtest.Files[f]; !ok && f != fetch.StateFile {
			t.Errorf("unexpected file %s", f)
		}
	}
	noParts(t, dir)
}

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

func count(reqs []fetchtest.Request, uri string) int {
	n := 0
	for _, r := range reqs {
		if r.URI == uri {
			n++
		}
	}
	return n
}

func TestFetchKeepsToTheRate(t *testing.T) {
	site, _, _, o := setup(t)
	run(t, context.Background(), o)
	reqs := site.Requests()
	// robots.txt; kent's page, 5 letters and 2 retries; surrey's page, its
	// 2 redirects and letter; nowhere's page.
	if len(reqs) != 14 {
		t.Fatalf("%d requests, want 14", len(reqs))
	}
	for i := 1; i < len(reqs); i++ {
		if gap := reqs[i].At.Sub(reqs[i-1].At); gap < time.Second {
			t.Errorf("%s came %s after %s, less than the 1 s interval", reqs[i].URI, gap, reqs[i-1].URI)
		}
	}
	// The 429 said Retry-After: 3; the 500 was retried after the first
	// back-off (2 s halved, plus half of half with the jitter at 0.5).
	after := func(uri string, status int) time.Duration {
		for i, r := range reqs {
			if r.URI == uri && r.Status == status {
				for _, next := range reqs[i+1:] {
					if next.URI == uri {
						return next.At.Sub(r.At)
					}
				}
			}
		}
		t.Fatalf("no retry of %s after %d", uri, status)
		return 0
	}
	if d := after("/assets/letters/kent-limited.pdf", http.StatusTooManyRequests); d != 3*time.Second {
		t.Errorf("retried 429 after %s, want Retry-After's 3s", d)
	}
	if d := after("/assets/letters/kent-flaky.pdf", http.StatusInternalServerError); d != 1500*time.Millisecond {
		t.Errorf("retried 500 after %s, want 1.5s", d)
	}

	// robots.txt's Crawl-delay raises the interval.
	site.Set("/robots.txt", &fetchtest.Resource{Body: "User-agent: *\nCrawl-delay: 5\n"})
	site.Reset()
	o.Out = t.TempDir()
	run(t, context.Background(), o)
	reqs = site.Requests()
	for i := 1; i < len(reqs); i++ {
		if gap := reqs[i].At.Sub(reqs[i-1].At); gap < 5*time.Second {
			t.Errorf("%s came %s after %s, less than the Crawl-delay", reqs[i].URI, gap, reqs[i-1].URI)
		}
	}
}

// TestFetchRateOnTheRealClock measures the intervals in real time, with
// generous bounds.
func TestFetchRateOnTheRealClock(t *testing.T) {
	site, _, _, o := setup(t)
	site.Now = nil
	o.Clock, o.Interval, o.Backoff = nil, 40*time.Millisecond, 10*time.Millisecond
	o.MaxRetryAfter = time.Nanosecond // the 429 asks for 3 s: too long here
	site.Update("/assets/letters/kent-limited.pdf", func(r *fetchtest.Resource) { r.Limit = 0 })
	start := time.Now()
	res, _ := run(t, context.Background(), o)
	reqs := site.Requests()
	for i := 1; i < len(reqs); i++ {
		if gap := reqs[i].At.Sub(reqs[i-1].At); gap < 30*time.Millisecond {
			t.Errorf("%s came %s after %s, want about 40ms", reqs[i].URI, gap, reqs[i-1].URI)
		}
	}
	if took := time.Since(start); took < time.Duration(len(reqs)-1)*40*time.Millisecond*3/4 {
		t.Errorf("%d requests in %s", len(reqs), took)
	}
	if res.Fetched != len(fetchtest.Files) {
		t.Errorf("%+v", res)
	}
}

func TestFetchStopsWhenAskedToWaitTooLong(t *testing.T) {
	site, _, _, o := setup(t)
	site.Update("/assets/letters/kent-limited.pdf", func(r *fetchtest.Resource) { r.RetryAfter = "3600" })
	var events []fetch.Event
	o.Report = func(e fetch.Event) { events = append(events, e) }
	res, err := fetch.Run(context.Background(), o)
	if err == nil || !strings.Contains(err.Error(), "Retry-After") || !strings.Contains(err.Error(), "run again later") {
		t.Fatalf("err = %v", err)
	}
	for _, r := range site.Requests() {
		if strings.Contains(r.URI, "surrey") {
			t.Errorf("went on to %s after the site asked to wait an hour", r.URI)
		}
	}
	if res == nil || res.Councils != 0 {
		t.Errorf("%+v", res)
	}
	noParts(t, o.Out)
}

func TestFetchGivesUpAfterTheRetries(t *testing.T) {
	site, _, _, o := setup(t)
	site.Update("/assets/letters/kent-flaky.pdf", func(r *fetchtest.Resource) { r.Fail = 100 })
	res, events := run(t, context.Background(), o)
	if got := failures(res)["/assets/letters/kent-flaky.pdf"]; got != "500 Internal Server Error (after 4 tries)" {
		t.Errorf("failure: %q", got)
	}
	if n := count(site.Requests(), "/assets/letters/kent-flaky.pdf"); n != 4 {
		t.Errorf("%d tries, want 4", n)
	}
	var waits []time.Duration
	for _, e := range events {
		if e.Kind == fetch.Retrying && strings.HasSuffix(e.URL, "kent-flaky.pdf") {
			waits = append(waits, e.Wait)
		}
	}
	// 2 s, 4 s, 8 s, each half fixed and half jitter (0.5 here).
	if want := []time.Duration{1500 * time.Millisecond, 3 * time.Second, 6 * time.Second}; !slices.Equal(waits, want) {
		t.Errorf("back-off %v, want %v", waits, want)
	}
	// The others are all there.
	if res.Fetched != len(fetchtest.Files)-1 {
		t.Errorf("%+v", res)
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
