package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// maxRedirects is how many redirects one request follows.
const maxRedirects = 5

// exchange sends a GET for rawURL and follows redirects, each hop within
// robots.txt (when checkRobots) and the rate. It returns the final response,
// whatever its status, and its URL.
func (f *fetcher) exchange(ctx context.Context, council, rawURL string, hdr http.Header, checkRobots bool) (*http.Response, string, error) {
	cur := rawURL
	for hop := 0; ; hop++ {
		u, err := url.Parse(cur)
		if err != nil {
			return nil, cur, err
		}
		if checkRobots {
			if err := f.allowed(ctx, council, u); err != nil {
				return nil, cur, err
			}
		}
		if err := f.wait(ctx, u); err != nil {
			return nil, cur, err
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, cur, nil)
		if err != nil {
			return nil, cur, err
		}
		for k, v := range hdr {
			req.Header[k] = v
		}
		req.Header.Set("User-Agent", f.ua)
		if req.Header.Get("Accept") == "" {
			req.Header.Set("Accept", "text/html,application/pdf;q=0.9,*/*;q=0.5")
		}
		f.res.Requests++
		resp, err := f.client.Do(req)
		if err != nil {
			if ctx.Err() != nil && !errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return nil, cur, ctx.Err()
			}
			return nil, cur, &retryable{err: netErr(err)}
		}
		switch resp.StatusCode {
		case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
			http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		default:
			return resp, cur, nil
		}
		loc := resp.Header.Get("Location")
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		if loc == "" {
			return nil, cur, fmt.Errorf("%s without a Location", resp.Status)
		}
		if hop == maxRedirects {
			return nil, cur, fmt.Errorf("more than %d redirects (the last to %s)", maxRedirects, loc)
		}
		next, err := u.Parse(loc)
		if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
			return nil, cur, fmt.Errorf("%s to %q, which is not an http(s) URL", resp.Status, loc)
		}
		next.Fragment, next.RawFragment = "", ""
		f.o.Report(Event{Kind: Redirected, Council: council, URL: cur, Location: next.String(), Message: resp.Status})
		cur = next.String()
	}
}

// wait holds the request to u until the interval since the last request's
// start has passed: Interval, or the Crawl-delay of u's site if longer.
func (f *fetcher) wait(ctx context.Context, u *url.URL) error {
	interval := f.o.Interval
	if r := f.robots[origin(u)]; r != nil && r.Delay > interval {
		interval = r.Delay
	}
	if !f.last.IsZero() {
		if d := f.last.Add(interval).Sub(f.o.Clock.Now()); d > 0 {
			if err := f.o.Clock.Sleep(ctx, d); err != nil {
				return err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	f.last = f.o.Clock.Now()
	return nil
}

func origin(u *url.URL) string { return u.Scheme + "://" + strings.ToLower(u.Host) }
