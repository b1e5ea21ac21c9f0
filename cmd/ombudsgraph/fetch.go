package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/fetch"
	"github.com/ombudsgraph/ombudsgraph/seed"
)

// version is the tool's version, sent in fetch's User-Agent; set it with
// -ldflags "-X main.version=1.2.3". When empty, the module's version is
// used, or "devel".
var version string

func toolVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// maxRate is the most requests a second fetch makes.
const maxRate = 10

// fetchDocs downloads councils' performance pages and annual letters from
// the Ombudsman's website into a documents folder.
func fetchDocs(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("fetch", stdout)
	var councils listFlag
	fs.Var(&councils, "council", "a council to fetch, by slug (kent-county-council) or name; repeatable or comma-separated")
	all := fs.Bool("all", false, "fetch every current council of the councils reference (seed/councils.json)")
	out := fs.String("out", "", "the documents folder to fetch into, created if missing; give it to `load --docs` or `serve --docs` (required)")
	contact := fs.String("contact", "", "your email address or URL, sent in the User-Agent of every request so the site's operators can reach you (required; also OMBUDSGRAPH_CONTACT)")
	baseURL := fs.String("base-url", fetch.DefaultBaseURL, "the Ombudsman's website (also OMBUDSGRAPH_BASE_URL)")
	rate := fs.Float64("rate", 1, fmt.Sprintf("the most requests a second, at most %d; robots.txt's Crawl-delay can lower it", maxRate))
	retries := fs.Int("retries", 4, "how often to retry a request after a 5xx, a 429 or a network error, with exponential back-off and jitter")
	timeout := fs.Duration("timeout", 2*time.Minute, "how long one request may take, download included")
	maxRetryAfter := fs.Duration("max-retry-after", 10*time.Minute, "the longest Retry-After to wait; a longer one stops the run, to be run again later")
	letters := fs.String("letters", "", "a regular expression that picks the letter links of a council's page by URL or text (default: links to .pdf files, and links whose text says 'annual letter' or 'review letter')")
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if err := envDefaults(fs, getenv, "council", "all", "out", "rate", "retries", "timeout", "max-retry-after", "letters"); err != nil {
		return err
	}
	const cmd = "ombudsgraph fetch: "
	switch {
	case *contact == "":
		return usageError{cmd + "--contact EMAIL_OR_URL is required: every request names the tool and you in its User-Agent, so the Ombudsman's web team can reach you if the fetching troubles their site (also OMBUDSGRAPH_CONTACT)"}
	case *out == "":
		return usageError{cmd + "--out DIR is required: the documents folder to fetch into"}
	case len(councils) == 0 && !*all:
		return usageError{cmd + "say which councils: --council SLUG (repeatable or comma-separated), or --all"}
	case len(councils) > 0 && *all:
		return usageError{cmd + "--council and --all do not go together"}
	case !(*rate > 0 && *rate <= maxRate):
		return usageError{fmt.Sprintf("%s--rate %g: want more than 0 and at most %d requests a second", cmd, *rate, maxRate)}
	case *retries < 0:
		return usageError{cmd + "--retries must be 0 or more"}
	case *timeout <= 0 || *maxRetryAfter < 0:
		return usageError{cmd + "--timeout must be positive, --max-retry-after 0 or more"}
	}
	if err := fetch.CheckContact(*contact); err != nil {
		return usageError{cmd + "--contact: " + err.Error()}
	}
	var letterRE *regexp.Regexp
	if *letters != "" {
		var err error
		if letterRE, err = regexp.Compile(*letters); err != nil {
			return usageError{cmd + "--letters: " + err.Error()}
		}
	}
	ref, err := referenceCouncils(seed.Councils)
	if err != nil {
		return err
	}
	var slugs []string
	if *all {
		for _, c := range ref {
			if !c.abolished {
				slugs = append(slugs, c.slug)
			}
		}
	} else {
		known := map[string]refCouncil{}
		for _, c := range ref {
			known[c.slug] = c
		}
		seen := map[string]bool{}
		for _, v := range councils {
			for _, name := range strings.Split(v, ",") {
				slug := graph.Slug(name)
				if slug == "" || seen[slug] {
					continue
				}
				seen[slug] = true
				slugs = append(slugs, slug)
				switch c, ok := known[slug]; {
				case !ok:
					fmt.Fprintf(stderr, "warning: %s is no council of the councils reference (seed/councils.json); fetching it all the same\n", slug)
				case c.abolished:
					fmt.Fprintf(stderr, "warning: %s was abolished; fetching it all the same\n", slug)
				}
			}
		}
		if len(slugs) == 0 {
			return usageError{cmd + "--council: no council named"}
		}
	}

	rep := newFetchReporter(stdout, stderr, len(slugs))
	start := time.Now()
	res, err := fetch.Run(ctx, fetch.Options{
		BaseURL:       *baseURL,
		Out:           *out,
		Councils:      slugs,
		Contact:       *contact,
		Version:       toolVersion(),
		Interval:      time.Duration(float64(time.Second) / *rate),
		Retries:       *retries,
		Timeout:       *timeout,
		MaxRetryAfter: *maxRetryAfter,
		Letters:       letterRE,
		Report:        rep.event,
	})
	rep.finish()
	if res == nil {
		return fmt.Errorf("%s%w", cmd, err)
	}
	fmt.Fprintf(stdout, "fetched %d of %d councils into %s: %d files downloaded (%s)",
		res.Councils, len(slugs), *out, res.Fetched, size(res.Bytes))
	if res.Same > 0 {
		fmt.Fprintf(stdout, ", %d of them as they were", res.Same)
	}
	fmt.Fprintf(stdout, ", %d not modified", res.NotModified)
	if !res.Resumed.IsZero() {
		fmt.Fprintf(stdout, ", %d done before the interruption", res.Skipped)
	}
	fmt.Fprintf(stdout, "; %d letters linked; %d requests in %s\n", res.Letters, res.Requests, time.Since(start).Round(time.Second))
	if n := len(res.NoLetters); n > 0 {
		list := res.NoLetters
		if n > 10 {
			list = append(list[:10:10], fmt.Sprintf("and %d more", n-10))
		}
		fmt.Fprintf(stderr, "warning: %d council pages link to no annual letter (%s); if letters are on the site, check the links --letters picks\n", n, strings.Join(list, ", "))
	}
	if len(res.Failures) > 0 {
		fmt.Fprintf(stderr, "%s failed:\n", plural(len(res.Failures), "file"))
		for _, f := range res.Failures {
			fmt.Fprintf(stderr, "  %s\n", f.Error())
		}
	}
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%sinterrupted; run the same command again to resume: what is done is kept", cmd)
	case err != nil:
		return fmt.Errorf("%s%w", cmd, err)
	case len(res.Failures) > 0:
		return fmt.Errorf("%s%s failed (listed above); the rest were fetched", cmd, plural(len(res.Failures), "file"))
	}
	return nil
}

// refCouncil is a council of the councils reference, as fetch needs it.
type refCouncil struct {
	slug      string
	abolished bool
}

// referenceCouncils reads the councils of a councils reference file, in its
// order.
func referenceCouncils(data []byte) ([]refCouncil, error) {
	var f struct {
		Councils []struct {
			Name      string `json:"name"`
			Abolished string `json:"abolished"`
		} `json:"councils"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("councils reference: %w", err)
	}
	var out []refCouncil
	for _, c := range f.Councils {
		if s := graph.Slug(c.Name); s != "" {
			out = append(out, refCouncil{slug: s, abolished: c.Abolished != ""})
		}
	}
	return out, nil
}

// fetchReporter shows a run: a progress bar on a terminal, with failures
// and warnings above it; plain log lines otherwise.
type fetchReporter struct {
	stdout, stderr io.Writer
	bar            *progressbar.ProgressBar
}

func newFetchReporter(stdout, stderr io.Writer, councils int) *fetchReporter {
	r := &fetchReporter{stdout: stdout, stderr: stderr}
	if isTerminal(stdout) {
		r.bar = progressbar.NewOptions(councils,
			progressbar.OptionSetWriter(stdout),
			progressbar.OptionSetDescription("councils"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionFullWidth(),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
		r.bar.RenderBlank()
	}
	return r
}

func (r *fetchReporter) event(e fetch.Event) {
	var line string
	toErr := false
	switch e.Kind {
	case fetch.Fetched:
		line = fmt.Sprintf("fetched %s (%s)", e.File, size(e.Bytes))
		if e.Same {
			line += ", as it was: the site sent no ETag or Last-Modified to ask by"
		}
	case fetch.NotModified:
		line = "not modified: " + e.File
	case fetch.Skipped:
		line = "done before the interruption: " + e.File
	case fetch.Redirected:
		line = fmt.Sprintf("%s: %s to %s", e.URL, e.Message, e.Location)
	case fetch.Retrying:
		line = fmt.Sprintf("%s: %v; try %d of %d in %s", e.URL, e.Err, e.Attempt+1, e.Total, e.Wait.Round(100*time.Millisecond))
		if r.bar != nil {
			r.bar.Describe(fmt.Sprintf("%s: waiting %s (%v)", e.Council, e.Wait.Round(time.Second), e.Err))
			r.bar.RenderBlank()
			return
		}
	case fetch.Failed:
		line, toErr = fmt.Sprintf("FAILED %s: %s: %v", e.Council, e.URL, e.Err), true
	case fetch.Warning:
		line, toErr = "warning: "+e.Message, true
	case fetch.CouncilDone:
		if r.bar != nil {
			r.bar.Describe(e.Council)
			r.bar.Add(1)
			return
		}
		line = fmt.Sprintf("%s done (%d of %d councils)", e.Council, e.Done, e.Total)
	}
	if r.bar == nil {
		if toErr {
			fmt.Fprintln(r.stderr, line)
		} else {
			fmt.Fprintln(r.stdout, line)
		}
		return
	}
	if toErr {
		r.bar.Clear()
		fmt.Fprintln(r.stderr, line)
		r.bar.RenderBlank()
	} else if e.Council != "" {
		r.bar.Describe(e.Council)
	}
}

func (r *fetchReporter) finish() {
	if r.bar != nil {
		r.bar.Clear()
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// size says a number of bytes for people.
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
