package fetch_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ombudsgraph/ombudsgraph/internal/fetch"
	"github.com/ombudsgraph/ombudsgraph/internal/fetch/fetchtest"
)

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
