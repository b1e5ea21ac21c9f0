package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
)

// errDisallowed is a URL robots.txt keeps the fetcher from.
type errDisallowed struct{ why string }

func (e errDisallowed) Error() string { return "robots.txt disallows it (" + e.why + ")" }

// allowed checks u against its site's robots.txt, fetching it the first
// time the site is asked for.
func (f *fetcher) allowed(ctx context.Context, council string, u *url.URL) error {
	o := origin(u)
	r := f.robots[o]
	if r == nil {
		var err error
		if r, err = f.loadRobots(ctx, council, o); err != nil {
			return err
		}
		f.robots[o] = r
		if r.Delay > f.o.Interval {
			f.o.Report(Event{Kind: Warning, URL: o + "/robots.txt", Message: fmt.Sprintf("%s/robots.txt asks for %s between requests (Crawl-delay); waiting that long", o, r.Delay)})
		}
		if r.none != "" {
			f.o.Report(Event{Kind: Warning, URL: o + "/robots.txt", Message: r.none})
		}
	}
	pq := u.EscapedPath()
	if u.RawQuery != "" {
		pq += "?" + u.RawQuery
	}
	if ok, why := r.Allowed(pq); !ok {
		return errDisallowed{why}
	}
	return nil
}

// loadRobots fetches an origin's robots.txt. A 4xx means no rules; a 5xx or
// a network error, after the retries, means everything is disallowed for
// this run (RFC 9309 2.3.1).
func (f *fetcher) loadRobots(ctx context.Context, council, o string) (*Robots, error) {
	robotsURL := o + "/robots.txt"
	var r *Robots
	err := f.retrying(ctx, robotsURL, council, func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, f.o.Timeout)
		defer cancel()
		resp, _, err := f.exchange(ctx, council, robotsURL, nil, false)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		switch {
		case resp.StatusCode >= 200 && resp.StatusCode < 300:
			body, err := io.ReadAll(io.LimitReader(resp.Body, robotsMaxBytes))
			if err != nil {
				return &retryable{err: fmt.Errorf("reading robots.txt: %w", err)}
			}
			r = ParseRobots(body, Agent)
		case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
			return &retryable{err: errors.New(resp.Status), wait: retryAfter(resp, f.o.Clock.Now())}
		case resp.StatusCode >= 400:
			r = AllowAll()
		default:
			return fmt.Errorf("robots.txt: unexpected %s", resp.Status)
		}
		return nil
	})
	if err != nil {
		if err := stopping(ctx, err); err != nil {
			return nil, err
		}
		r = DisallowAll(fmt.Sprintf("%s could not be fetched (%v); RFC 9309 says to take that as disallowing everything, so nothing is fetched from %s this run", robotsURL, err, o))
	}
	return r, nil
}
