// Package fetch downloads councils' performance pages and annual letters
// from the Ombudsman's website into a documents folder, politely: one
// request at a time, at most one per Interval, within robots.txt, with
// conditional requests, retries with back-off, and resumption after an
// interruption.
//
// For each council it fetches BASE/your-councils-performance/SLUG/statistics
// into SLUG/statistics.html, and every annual letter that page links to into
// SLUG/letters/NAME.pdf. A hidden state file in the folder (StateFile) keeps
// each file's URL and validators (ETag, Last-Modified), so a second run asks
// only whether each file changed, and records the run, so a run after an
// interruption skips what the interrupted run finished.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"time"
)

// Agent is the product token the fetcher goes by: in its User-Agent, and
// the name robots.txt groups are matched against.
const Agent = "ombudsgraph"

// DefaultBaseURL is the Ombudsman's website.
const DefaultBaseURL = "https://www.lgo.org.uk"

// Options say what to fetch and how. Zero durations and sizes take the
// defaults given; Retries is taken as it is.
type Options struct {
	BaseURL  string   // the site; DefaultBaseURL if empty
	Out      string   // the documents folder (created if missing)
	Councils []string // council slugs, fetched in this order
	Contact  string   // an email address or URL, sent in the User-Agent (required)
	Version  string   // the tool's version, sent in the User-Agent

	Interval      time.Duration  // the least time between two requests' starts (1 s); robots.txt's Crawl-delay raises it
	Retries       int            // retries after a 5xx, a 429 or a network error
	Backoff       time.Duration  // the wait before the first retry (2 s), doubled each time, with jitter
	MaxBackoff    time.Duration  // the longest wait between retries (1 min)
	MaxRetryAfter time.Duration  // the longest Retry-After honoured (10 min); a longer one stops the run
	Timeout       time.Duration  // how long one request may take, body included (2 min)
	MaxBytes      int64          // the largest file (100 MiB)
	ResumeWithin  time.Duration  // how recent an interrupted run must be to be resumed (24 h)
	Letters       *regexp.Regexp // which links are letters: nil for IsLetter's default

	Client *http.Client   // nil: a client of its own; its redirects are followed by Run
	Clock  Clock          // nil: the real clock
	Jitter func() float64 // a number in [0, 1) for back-off jitter; nil: random
	Report func(Event)    // told of every step; may be nil
}

// Clock tells the time and waits. Tests give a fake one.
type Clock interface {
	Now() time.Time
	// Sleep waits d, or until ctx is done, and then returns ctx.Err().
	Sleep(ctx context.Context, d time.Duration) error
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
	return ctx.Err()
}

// EventKind says what an Event reports.
type EventKind int

const (
	Fetched     EventKind = iota // a file was downloaded (Same: with the bytes it had)
	NotModified                  // the site answered 304: the file is as it was
	Skipped                      // done by the interrupted run this one resumes
	Redirected                   // the site sent the request elsewhere (URL to Location)
	Retrying                     // a request failed and is tried again after Wait
	Failed                       // a file could not be fetched (Err); the others go on
	Warning                      // something the user should know (Message)
	CouncilDone                  // a council is done (Done of Total)
)

// Event is one step of a run.
type Event struct {
	Kind     EventKind
	Council  string
	URL      string
	Location string // Redirected: where to
	File     string // the path in Out, '/'-separated
	Bytes    int64
	Same     bool // Fetched: the file came again with the bytes it had
	Wait     time.Duration
	Attempt  int // Retrying: the attempt that failed, from 1
	Err      error
	Message  string
	Done     int
	Total    int
}

// Failure is one file that could not be fetched.
type Failure struct {
	Council string
	URL     string
	File    string
	Err     error
}

func (f Failure) Error() string { return fmt.Sprintf("%s: %s: %v", f.Council, f.URL, f.Err) }

// Result counts what a run did.
type Result struct {
	Councils    int       // councils done
	Fetched     int       // files downloaded
	Same        int       // of those, files that came with the bytes they had (no validators)
	NotModified int       // files the site said had not changed
	Skipped     int       // files the interrupted run had done
	Bytes       int64     // bytes downloaded
	Letters     int       // letter links found
	NoLetters   []string  // councils whose page linked to no letter
	Failures    []Failure // files that could not be fetched
	Requests    int       // HTTP requests sent, robots.txt and redirects included
	Resumed     time.Time // the start of the interrupted run this one resumed, if any
}

// Run fetches the councils' pages and letters. A file that cannot be
// fetched is reported and costs only itself; Run's error is for what stops
// the whole run: bad options, a folder that cannot be written, the context
// ending (an interruption, resumed by the next run), or the site asking to
// wait longer than MaxRetryAfter.
func Run(ctx context.Context, o Options) (*Result, error) {
	f, err := newFetcher(o)
	if err != nil {
		return nil, err
	}
	return f.run(ctx)
}

type fetcher struct {
	o      Options
	base   *url.URL
	ua     string
	client *http.Client
	st     *state
	res    *Result
	robots map[string]*Robots // by origin
	last   time.Time          // when the last request started
	resume time.Time          // files checked since this were done by the interrupted run
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func newFetcher(o Options) (*fetcher, error) {
	if o.BaseURL == "" {
		o.BaseURL = DefaultBaseURL
	}
	base, err := url.Parse(o.BaseURL)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("base URL %q: want an absolute http or https URL", o.BaseURL)
	}
	if err := CheckContact(o.Contact); err != nil {
		return nil, err
	}
	if o.Out == "" {
		return nil, errors.New("no out directory")
	}
	for _, s := range o.Councils {
		if !slugRE.MatchString(s) {
			return nil, fmt.Errorf("council %q: not a slug (lower-case letters and digits joined by '-')", s)
		}
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.Interval, time.Second)
	def(&o.Backoff, 2*time.Second)
	def(&o.MaxBackoff, time.Minute)
	def(&o.MaxRetryAfter, 10*time.Minute)
	def(&o.Timeout, 2*time.Minute)
	def(&o.ResumeWithin, 24*time.Hour)
	if o.MaxBytes <= 0 {
		o.MaxBytes = 100 << 20
	}
	o.Retries = max(o.Retries, 0)
	if o.Clock == nil {
		o.Clock = realClock{}
	}
	if o.Jitter == nil {
		o.Jitter = rand.Float64
	}
	if o.Report == nil {
		o.Report = func(Event) {}
	}
	client := &http.Client{}
	if o.Client != nil {
		c := *o.Client
		client = &c
	}
	// Redirects are followed here, one request at a time like any other,
	// each within robots.txt and the rate.
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &fetcher{
		o:      o,
		base:   base,
		ua:     UserAgent(o.Version, o.Contact),
		client: client,
		robots: map[string]*Robots{},
		res:    &Result{},
	}, nil
}

// errStop is an error that stops the run, not only its file.
type errStop struct{ err error }

func (e errStop) Error() string { return e.err.Error() }
func (e errStop) Unwrap() error { return e.err }

func (f *fetcher) run(ctx context.Context) (*Result, error) {
	if err := os.MkdirAll(f.o.Out, 0o755); err != nil {
		return nil, err
	}
	if err := removeParts(f.o.Out); err != nil {
		return nil, fmt.Errorf("removing what an interrupted run left: %w", err)
	}
	st, warn := loadState(f.o.Out)
	if warn != "" {
		f.o.Report(Event{Kind: Warning, Message: warn})
	}
	f.st = st
	now := f.o.Clock.Now()
	if !st.Run.Started.IsZero() && st.Run.Finished.IsZero() && now.Sub(st.Run.Started) < f.o.ResumeWithin {
		f.resume = st.Run.Started
		f.res.Resumed = st.Run.Started
		f.o.Report(Event{Kind: Warning, Message: fmt.Sprintf("resuming the run interrupted since %s: what it finished is skipped", st.Run.Started.Format(time.RFC3339))})
	} else {
		st.Run = runState{Started: now}
	}
	if err := st.save(f.o.Out); err != nil {
		return nil, fmt.Errorf("state file: %w", err)
	}
	for i, slug := range f.o.Councils {
		if err := f.council(ctx, slug); err != nil {
			return f.res, err
		}
		f.res.Councils++
		f.o.Report(Event{Kind: CouncilDone, Council: slug, Done: i + 1, Total: len(f.o.Councils)})
	}
	st.Run.Finished = f.o.Clock.Now()
	if err := st.save(f.o.Out); err != nil {
		return f.res, fmt.Errorf("state file: %w", err)
	}
	return f.res, nil
}
