package fetch_test

import (
	"context"
	"io/fs"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
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

func count(reqs []fetchtest.Request, uri string) int {
	n := 0
	for _, r := range reqs {
		if r.URI == uri {
			n++
		}
	}
	return n
}
