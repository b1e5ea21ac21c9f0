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
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
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

var emailRE = regexp.MustCompile(`^[^@\s<>()",;:]+@[^@\s<>()",;:]+\.[^@\s<>()",;:]+$`)

// CheckContact checks that contact is an email address or an http(s) URL,
// for the site's operators to reach the person fetching.
func CheckContact(contact string) error {
	if contact == "" {
		return errors.New("a contact is required: an email address or URL where the site's operators can reach you, sent in the User-Agent of every request")
	}
	for _, r := range contact {
		if r < 0x21 || r > 0x7e {
			return fmt.Errorf("contact %q: printable ASCII only, without spaces", contact)
		}
	}
	if emailRE.MatchString(contact) {
		return nil
	}
	if u, err := url.Parse(contact); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		return nil
	}
	return fmt.Errorf("contact %q: want an email address (name@example.org) or an http(s) URL", contact)
}

// UserAgent is the User-Agent of every request: the tool, its version, and
// the contact, as "ombudsgraph/VERSION (+mailto:ADDRESS)" or
// "ombudsgraph/VERSION (+URL)".
func UserAgent(version, contact string) string {
	if version == "" {
		version = "devel"
	}
	if !strings.Contains(contact, "://") {
		contact = "mailto:" + contact
	}
	return fmt.Sprintf("%s/%s (+%s)", Agent, version, contact)
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

// council fetches one council's page and letters. Its error stops the run;
// a file that fails is recorded in the result.
func (f *fetcher) council(ctx context.Context, slug string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	pageURL := f.base.JoinPath("your-councils-performance", slug, "statistics")
	pageFile := slug + "/statistics.html"
	final, err := f.file(ctx, slug, pageURL.String(), pageFile, pageKind)
	if err != nil {
		return err
	}
	if final == "" {
		return nil // failed, and recorded
	}
	page, err := os.ReadFile(filepath.Join(f.o.Out, filepath.FromSlash(pageFile)))
	if err != nil {
		return errStop{err}
	}
	fu, err := url.Parse(final)
	if err != nil {
		fu = pageURL
	}
	var letters []Link
	for _, l := range Links(page, fu) {
		if IsLetter(l, f.o.Letters) {
			letters = append(letters, l)
		}
	}
	f.res.Letters += len(letters)
	if len(letters) == 0 {
		f.res.NoLetters = append(f.res.NoLetters, slug)
		f.o.Report(Event{Kind: Warning, Council: slug, URL: final, Message: "no annual letter is linked from " + final})
	}
	names := map[string]bool{}
	for _, l := range letters {
		name := letterFile(l.URL)
		for i := 2; names[strings.ToLower(name)]; i++ {
			name = strings.TrimSuffix(letterFile(l.URL), ".pdf") + "-" + strconv.Itoa(i) + ".pdf"
		}
		names[strings.ToLower(name)] = true
		if _, err := f.file(ctx, slug, l.URL, slug+"/letters/"+name, pdfKind); err != nil {
			return err
		}
	}
	return nil
}

type kind int

const (
	pageKind kind = iota
	pdfKind
)

// file fetches one file unless it is current, and returns the URL it came
// from after redirects, or "" when it failed (and was recorded). Its error
// stops the run.
func (f *fetcher) file(ctx context.Context, council, rawURL, file string, k kind) (string, error) {
	abs := filepath.Join(f.o.Out, filepath.FromSlash(file))
	prev := f.st.Files[file]
	have := false
	if prev != nil && prev.URL == rawURL {
		if fi, err := os.Stat(abs); err == nil && fi.Mode().IsRegular() && fi.Size() == prev.Size {
			have = true
		}
	}
	if have && !f.resume.IsZero() && !prev.Checked.Before(f.resume) {
		f.res.Skipped++
		f.o.Report(Event{Kind: Skipped, Council: council, URL: rawURL, File: file})
		return orElse(prev.FinalURL, rawURL), nil
	}
	hdr := http.Header{}
	if have {
		if prev.ETag != "" {
			hdr.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			hdr.Set("If-Modified-Since", prev.LastModified)
		}
	}
	var got *download
	err := f.retrying(ctx, rawURL, council, func(ctx context.Context) error {
		var err error
		got, err = f.get(ctx, council, rawURL, hdr, abs, k)
		return err
	})
	if err != nil {
		var stop errStop
		if errors.As(err, &stop) || ctx.Err() != nil {
			if ctx.Err() != nil {
				return "", ctx.Err()
			}
			return "", err
		}
		f.res.Failures = append(f.res.Failures, Failure{Council: council, URL: rawURL, File: file, Err: err})
		f.o.Report(Event{Kind: Failed, Council: council, URL: rawURL, File: file, Err: err})
		return "", nil
	}
	now := f.o.Clock.Now()
	if got.notModified {
		if !have {
			// 304 to a request without validators: the file is not here.
			err := fmt.Errorf("304 Not Modified to a request that was not conditional")
			f.res.Failures = append(f.res.Failures, Failure{Council: council, URL: rawURL, File: file, Err: err})
			f.o.Report(Event{Kind: Failed, Council: council, URL: rawURL, File: file, Err: err})
			return "", nil
		}
		prev.Checked = now
		prev.FinalURL = got.final
		if got.etag != "" {
			prev.ETag = got.etag
		}
		if got.lastModified != "" {
			prev.LastModified = got.lastModified
		}
		f.res.NotModified++
		f.o.Report(Event{Kind: NotModified, Council: council, URL: rawURL, File: file})
	} else {
		same := prev != nil && prev.SHA256 == got.sha256 && have
		changed := now
		if same {
			changed = prev.Changed
		}
		f.st.Files[file] = &entry{
			URL: rawURL, FinalURL: got.final, ETag: got.etag, LastModified: got.lastModified,
			Size: got.size, SHA256: got.sha256, Checked: now, Changed: changed,
		}
		f.res.Fetched++
		f.res.Bytes += got.size
		if same {
			f.res.Same++
		}
		f.o.Report(Event{Kind: Fetched, Council: council, URL: rawURL, File: file, Bytes: got.size, Same: same})
	}
	if err := f.st.save(f.o.Out); err != nil {
		return "", errStop{fmt.Errorf("state file: %w", err)}
	}
	return got.final, nil
}

func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// download is the outcome of one successful exchange.
type download struct {
	final        string // the URL after redirects
	notModified  bool
	etag         string
	lastModified string
	size         int64
	sha256       string
}

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

// get makes one exchange for rawURL, following redirects, and on 200 writes
// the body to abs through a temporary file.
func (f *fetcher) get(ctx context.Context, council, rawURL string, hdr http.Header, abs string, k kind) (*download, error) {
	ctx, cancel := context.WithTimeout(ctx, f.o.Timeout)
	defer cancel()
	resp, final, err := f.exchange(ctx, council, rawURL, hdr, true)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	d := &download{final: final, etag: resp.Header.Get("ETag"), lastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		d.notModified = true
		return d, nil
	case resp.StatusCode == http.StatusOK:
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return nil, &retryable{err: statusErr(resp, final, rawURL), wait: retryAfter(resp, f.o.Clock.Now())}
	default:
		return nil, statusErr(resp, final, rawURL)
	}
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, errStop{err}
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(abs)+".*"+partSuffix)
	if err != nil {
		return nil, errStop{err}
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return nil, errStop{err}
	}
	h := sha256.New()
	head := &headBuffer{max: 1024}
	n, err := io.Copy(io.MultiWriter(tmp, h, head), io.LimitReader(resp.Body, f.o.MaxBytes+1))
	if err != nil {
		tmp.Close()
		// retrying gives up at once if the run's context ended.
		return nil, &retryable{err: fmt.Errorf("reading the body: %w", netErr(err))}
	}
	if n > f.o.MaxBytes {
		tmp.Close()
		return nil, fmt.Errorf("larger than %d MiB", f.o.MaxBytes>>20)
	}
	if cl := resp.ContentLength; cl >= 0 && n != cl {
		tmp.Close()
		return nil, &retryable{err: fmt.Errorf("the body ended after %d of %d bytes", n, cl)}
	}
	if err := checkKind(k, resp.Header.Get("Content-Type"), head.b); err != nil {
		tmp.Close()
		return nil, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, errStop{err}
	}
	if err := tmp.Close(); err != nil {
		return nil, errStop{err}
	}
	if err := os.Rename(tmp.Name(), abs); err != nil {
		return nil, errStop{err}
	}
	d.size = n
	d.sha256 = hex.EncodeToString(h.Sum(nil))
	return d, nil
}

// checkKind checks that a page is HTML and a letter a PDF: a site that
// answers 200 with a login page or an error page must not leave it as a
// letter.
func checkKind(k kind, contentType string, head []byte) error {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch k {
	case pdfKind:
		if !bytes.Contains(head, []byte("%PDF-")) {
			return fmt.Errorf("not a PDF (Content-Type %q, starting %q)", contentType, snippet(head))
		}
	case pageKind:
		if mt != "text/html" && mt != "application/xhtml+xml" &&
			!strings.HasPrefix(http.DetectContentType(head), "text/html") {
			return fmt.Errorf("not an HTML page (Content-Type %q, starting %q)", contentType, snippet(head))
		}
	}
	return nil
}

func snippet(b []byte) string {
	if len(b) > 40 {
		b = b[:40]
	}
	return string(b)
}

type headBuffer struct {
	b   []byte
	max int
}

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := h.max - len(h.b); room > 0 {
		h.b = append(h.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

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
		var stop errStop
		if errors.As(err, &stop) || ctx.Err() != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, err
		}
		r = DisallowAll(fmt.Sprintf("%s could not be fetched (%v); RFC 9309 says to take that as disallowing everything, so nothing is fetched from %s this run", robotsURL, err, o))
	}
	return r, nil
}
