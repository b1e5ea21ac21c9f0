// Package fetchtest imitates the Ombudsman's website for tests of fetching,
// on a local test server: its URL layout, council pages linking to annual
// letters, redirects, robots.txt, rate limiting, validators and 304s,
// failures, and PDFs. Nothing here reaches the real site.
package fetchtest

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Resource is what the site answers at one path.
type Resource struct {
	Body        string // "{{BASE}}" is replaced by the site's own URL, as seen by the request
	ContentType string

	ETag         bool      // send an ETag (a hash of the body) and answer If-None-Match
	LastModified time.Time // send Last-Modified and answer If-Modified-Since, when not zero

	Status     int    // answer this status instead (404, say); 0 for 200
	Fail       int    // answer 500 this many times first
	Limit      int    // answer 429 this many times first…
	RetryAfter string // …with this Retry-After
	Redirect   string // answer Status (301 by default) with this Location

	// Before, when set, runs before the answer; it may write part of the
	// answer itself and return true to end it there.
	Before func(w http.ResponseWriter, r *http.Request) bool
}

// Request is one request the site received.
type Request struct {
	At              time.Time
	URI             string // path and query
	UserAgent       string
	IfNoneMatch     string
	IfModifiedSince string
	Status          int
}

// Site is the imitation: an http.Handler.
type Site struct {
	Now func() time.Time // the clock requests are logged by; time.Now if nil

	mu          sync.Mutex
	resources   map[string]*Resource
	requests    []Request
	gen         int // counts Resets
	inflight    int
	maxInflight int
}

// New returns an empty site, answering 404 everywhere.
func New() *Site { return &Site{resources: map[string]*Resource{}} }

// Set makes the site answer r at uri (a path, with its query if any).
func (s *Site) Set(uri string, r *Resource) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.resources[uri] = r
}

// Update changes the resource at uri under the site's lock.
func (s *Site) Update(uri string, change func(*Resource)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	change(s.resources[uri])
}

// Requests returns the requests received so far.
func (s *Site) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Reset forgets the requests received.
func (s *Site) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
	s.gen++
}

// MaxInflight is the most requests the site answered at once.
func (s *Site) MaxInflight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxInflight
}

// ServeHTTP answers as the site.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	l, res, ok, status := s.arrive(r)
	defer s.leave()
	if !ok || r.Method != http.MethodGet {
		l.record(http.StatusNotFound)
		http.NotFound(w, r)
		return
	}
	switch status {
	case http.StatusInternalServerError:
		l.record(status)
		http.Error(w, "Internal Server Error", status)
		return
	case http.StatusTooManyRequests:
		l.record(status)
		if res.RetryAfter != "" {
			w.Header().Set("Retry-After", res.RetryAfter)
		}
		http.Error(w, "Too Many Requests", status)
		return
	}
	if res.Redirect != "" {
		code := res.Status
		if code == 0 {
			code = http.StatusMovedPermanently
		}
		l.record(code)
		w.Header().Set("Location", strings.ReplaceAll(res.Redirect, "{{BASE}}", base(r)))
		w.WriteHeader(code)
		return
	}
	if res.Status != 0 {
		l.record(res.Status)
		http.Error(w, http.StatusText(res.Status), res.Status)
		return
	}
	body := []byte(strings.ReplaceAll(res.Body, "{{BASE}}", base(r)))
	if notModified(w, r, res, body) {
		l.record(http.StatusNotModified)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if res.Before != nil && res.Before(w, r) {
		l.record(-1)
		return
	}
	if res.ContentType != "" {
		w.Header().Set("Content-Type", res.ContentType)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	l.record(http.StatusOK)
	w.Write(body)
}

// logged is a request in the site's log: its place there, and the Reset it
// came after.
type logged struct {
	s      *Site
	i, gen int
}

// record sets the status the logged request was answered with, unless
// Reset has forgotten the request meanwhile.
func (l logged) record(code int) {
	l.s.mu.Lock()
	defer l.s.mu.Unlock()
	if l.s.gen == l.gen { // not forgotten by Reset meanwhile
		l.s.requests[l.i].Status = code
	}
}

// arrive logs r and counts it in flight. It returns the log entry, a copy
// of the resource at r's URI and whether there is one, and the failure the
// resource answers with this time (500 or 429), or 0; the copy is taken
// after that failure is counted off.
func (s *Site) arrive(r *http.Request) (logged, *Resource, bool, int) {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inflight++
	s.maxInflight = max(s.maxInflight, s.inflight)
	l := logged{s: s, i: len(s.requests), gen: s.gen}
	s.requests = append(s.requests, Request{
		At: now(), URI: r.URL.RequestURI(), UserAgent: r.UserAgent(),
		IfNoneMatch: r.Header.Get("If-None-Match"), IfModifiedSince: r.Header.Get("If-Modified-Since"),
	})
	res, ok := s.resources[r.URL.RequestURI()]
	if !ok {
		return l, nil, false, 0
	}
	status := 0
	switch {
	case res.Fail > 0:
		res.Fail--
		status = http.StatusInternalServerError
	case res.Limit > 0:
		res.Limit--
		status = http.StatusTooManyRequests
	}
	copyRes := *res
	return l, &copyRes, true, status
}

// leave counts a request answered: no longer in flight.
func (s *Site) leave() {
	s.mu.Lock()
	s.inflight--
	s.mu.Unlock()
}

// notModified sets the validators res has (an ETag, a Last-Modified) on the
// answer, and says whether r's conditions find body unchanged: a 304.
func notModified(w http.ResponseWriter, r *http.Request, res *Resource, body []byte) bool {
	if res.ETag {
		sum := sha256.Sum256(body)
		etag := fmt.Sprintf(`"%x"`, sum[:8])
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			return true
		}
	}
	if !res.LastModified.IsZero() {
		w.Header().Set("Last-Modified", res.LastModified.UTC().Format(http.TimeFormat))
		if t, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && r.Header.Get("If-None-Match") == "" &&
			!res.LastModified.Truncate(time.Second).After(t) {
			return true
		}
	}
	return false
}

func base(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// PDF returns a small, valid one-page PDF that says text.
func PDF(text string) string {
	text = strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`).Replace(text)
	content := fmt.Sprintf("BT /F1 12 Tf 72 720 Td (%s) Tj ET", text)
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.String()
}

// Councils is the imitation's layout, with what each council's page shows:
//
//   - kent-county-council: letters linked relatively, absolutely (with a
//     space in the name) and by text without .pdf; a letter robots.txt
//     disallows; a letter that fails once with 500 and one rate-limited
//     once with 429 and Retry-After; a link in a comment; validators by
//     ETag.
//   - surrey-county-council: its page moved twice (301, then 302 to an
//     "https-like" path), linking a letter relative to where it ended;
//     validators by Last-Modified only.
//   - nowhere-council: 404.
//   - forbidden-council: robots.txt disallows its page.
//
// robots.txt has a '*' group that disallows everything, and a group for
// ombudsgraph that allows all but forbidden-council and /assets/secret/.
func Councils() *Site {
	s := New()
	lm := time.Date(2025, 7, 1, 9, 0, 0, 0, time.UTC)
	s.Set("/robots.txt", &Resource{ContentType: "text/plain", Body: "# the imitation's robots.txt\n" +
		"User-agent: *\nDisallow: /\n\n" +
		"User-agent: OmbudsGraph\nAllow: /\nDisallow: /your-councils-performance/forbidden-council/\nDisallow: /assets/secret/\n"})
	html := func(title, body string) string {
		return "<!DOCTYPE html>\n<html><head><title>" + title + "</title></head><body>\n" +
			`<nav><a href="/">Home</a> <a href="/your-councils-performance">Your council's performance</a> <a href="mailto:x@example.org">Email</a></nav>` + "\n" +
			body + "\n<footer><a href=\"/privacy\">Privacy</a></footer></body></html>\n"
	}
	s.Set("/your-councils-performance/kent-county-council/statistics", &Resource{ContentType: "text/html; charset=utf-8", ETag: true, Body: html("Kent County Council",
		`<h1>Kent County Council</h1>
<p>Annual statistics: 81% of complaints we investigated were upheld.</p>
<h2>Annual review letters</h2>
<ul>
<li><a href="/assets/letters/kent-county-council-2023.pdf">Annual review letter 2023</a></li>
<li><a class="doc" href='{{BASE}}/assets/letters/Kent%20County%20Council%202024.PDF#page=1'>Annual review letter 2024 (PDF, 120 KB)</a></li>
<li><a href="/documents/letter?id=2022&amp;council=kent">Annual review letter 2022</a></li>
<li><a href="/assets/secret/kent-draft.pdf">Draft letter</a></li>
<li><a href="/assets/letters/kent-flaky.pdf">Annual letter 2021</a></li>
<li><a href="/assets/letters/kent-limited.pdf">Annual letter 2020</a></li>
<!-- <li><a href="/assets/letters/kent-hidden.pdf">old</a></li> -->
<li><a href="#top">Back to top</a></li>
</ul>`)})
	pdf := func(text string, etag bool, last time.Time) *Resource {
		return &Resource{ContentType: "application/pdf", Body: PDF(text), ETag: etag, LastModified: last}
	}
	s.Set("/assets/letters/kent-county-council-2023.pdf", pdf("Kent 2023", true, time.Time{}))
	s.Set("/assets/letters/Kent%20County%20Council%202024.PDF", pdf("Kent 2024", true, time.Time{}))
	s.Set("/documents/letter?id=2022&council=kent", pdf("Kent 2022", true, lm))
	s.Set("/assets/secret/kent-draft.pdf", pdf("secret", true, time.Time{}))
	flaky := pdf("Kent 2021", true, time.Time{})
	flaky.Fail = 1
	s.Set("/assets/letters/kent-flaky.pdf", flaky)
	limited := pdf("Kent 2020", true, time.Time{})
	limited.Limit, limited.RetryAfter = 1, "3"
	s.Set("/assets/letters/kent-limited.pdf", limited)

	s.Set("/your-councils-performance/surrey-county-council/statistics", &Resource{Redirect: "/your-councils-performance/surrey-county-council/statistics/"})
	s.Set("/your-councils-performance/surrey-county-council/statistics/", &Resource{Status: http.StatusFound, Redirect: "{{BASE}}/secure/your-councils-performance/surrey-county-council/statistics/"})
	s.Set("/secure/your-councils-performance/surrey-county-council/statistics/", &Resource{ContentType: "text/html", LastModified: lm, Body: html("Surrey County Council",
		`<h1>Surrey County Council</h1><p><a href="../letters/surrey-2024.pdf">Annual review letter 2024</a></p>`)})
	s.Set("/secure/your-councils-performance/surrey-county-council/letters/surrey-2024.pdf", pdf("Surrey 2024", false, lm))
	s.Set("/your-councils-performance/forbidden-council/statistics", &Resource{ContentType: "text/html", Body: html("Forbidden", "")})
	return s
}

// Files are the files Councils gives for kent-county-council and
// surrey-county-council, by path in the out directory, with the resource
// each comes from.
var Files = map[string]string{
	"kent-county-council/statistics.html":                      "/your-councils-performance/kent-county-council/statistics",
	"kent-county-council/letters/kent-county-council-2023.pdf": "/assets/letters/kent-county-council-2023.pdf",
	"kent-county-council/letters/Kent-County-Council-2024.pdf": "/assets/letters/Kent%20County%20Council%202024.PDF",
	"kent-county-council/letters/letter.pdf":                   "/documents/letter?id=2022&council=kent",
	"kent-county-council/letters/kent-flaky.pdf":               "/assets/letters/kent-flaky.pdf",
	"kent-county-council/letters/kent-limited.pdf":             "/assets/letters/kent-limited.pdf",
	"surrey-county-council/statistics.html":                    "/secure/your-councils-performance/surrey-county-council/statistics/",
	"surrey-county-council/letters/surrey-2024.pdf":            "/secure/your-councils-performance/surrey-county-council/letters/surrey-2024.pdf",
}

// Body returns what the site serves at uri, with {{BASE}} as base.
func (s *Site) Body(uri, base string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.ReplaceAll(s.resources[uri].Body, "{{BASE}}", base)
}
