package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// retryable is a failure worth trying again: after wait if the site said
// how long (Retry-After), else after the back-off.
type retryable struct {
	err  error
	wait time.Duration
}

func (r *retryable) Error() string { return r.err.Error() }
func (r *retryable) Unwrap() error { return r.err }

// retrying runs try until it succeeds, fails for good, or has failed
// 1+Retries times, waiting between tries.
func (f *fetcher) retrying(ctx context.Context, rawURL, council string, try func(context.Context) error) error {
	for attempt := 1; ; attempt++ {
		err := try(ctx)
		var r *retryable
		if err == nil || !errors.As(err, &r) {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if r.wait > f.o.MaxRetryAfter {
			return errStop{fmt.Errorf("%s: %v, asking to wait %s (Retry-After), longer than we wait (%s); stopping: run again later", rawURL, r.err, r.wait, f.o.MaxRetryAfter)}
		}
		if attempt > f.o.Retries {
			if f.o.Retries == 0 {
				return r.err
			}
			return fmt.Errorf("%w (after %d tries)", r.err, attempt)
		}
		wait := r.wait
		if wait <= 0 {
			d := f.o.Backoff << (attempt - 1)
			if d > f.o.MaxBackoff || d <= 0 {
				d = f.o.MaxBackoff
			}
			wait = d/2 + time.Duration(f.o.Jitter()*float64(d/2))
		}
		f.o.Report(Event{Kind: Retrying, Council: council, URL: rawURL, Err: r.err, Wait: wait, Attempt: attempt, Total: f.o.Retries + 1})
		if err := f.o.Clock.Sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// stopping returns the error that stops the run when err (a failed try's,
// after the retries) is one, or the context has ended; nil when err costs
// only the file it came from.
func stopping(ctx context.Context, err error) error {
	var stop errStop
	if errors.As(err, &stop) || ctx.Err() != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	}
	return nil
}

// netErr says a network error plainly.
func netErr(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return fmt.Errorf("timed out: %w", err)
	}
	return err
}

func statusErr(resp *http.Response, final, rawURL string) error {
	if final != rawURL {
		return fmt.Errorf("%s (from %s)", resp.Status, final)
	}
	return errors.New(resp.Status)
}

// retryAfter reads a Retry-After header, in seconds or as an HTTP date, or
// returns 0.
func retryAfter(resp *http.Response, now time.Time) time.Duration {
	v := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0)
	}
	return 0
}
