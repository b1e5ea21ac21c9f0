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

// fetchCmd begins the fetch command's messages.
const fetchCmd = "ombudsgraph fetch: "

// fetchDocs downloads councils' performance pages and annual letters from
// the Ombudsman's website into a documents folder.
func fetchDocs(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("fetch", stdout)
	fl := newFetchFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if err := envDefaults(fs, getenv, "council", "all", "out", "rate", "retries", "timeout", "max-retry-after", "letters"); err != nil {
		return err
	}
	letterRE, err := fl.check()
	if err != nil {
		return err
	}
	slugs, err := fl.slugs(stderr)
	if err != nil {
		return err
	}

	rep := newFetchReporter(stdout, stderr, len(slugs))
	start := time.Now()
	res, err := fetch.Run(ctx, fetch.Options{
		BaseURL:       *fl.baseURL,
		Out:           *fl.out,
		Councils:      slugs,
		Contact:       *fl.contact,
		Version:       toolVersion(),
		Interval:      time.Duration(float64(time.Second) / *fl.rate),
		Retries:       *fl.retries,
		Timeout:       *fl.timeout,
		MaxRetryAfter: *fl.maxRetryAfter,
		Letters:       letterRE,
		Report:        rep.event,
	})
	rep.finish()
	if res == nil {
		return fmt.Errorf("%s%w", fetchCmd, err)
	}
	fetchSummary(stdout, stderr, res, len(slugs), *fl.out, start)
	switch {
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%sinterrupted; run the same command again to resume: what is done is kept", fetchCmd)
	case err != nil:
		return fmt.Errorf("%s%w", fetchCmd, err)
	case len(res.Failures) > 0:
		return fmt.Errorf("%s%s failed (listed above); the rest were fetched", fetchCmd, plural(len(res.Failures), "file"))
	}
	return nil
}

// fetchFlags are the fetch command's flags, as the flag set fills them in.
type fetchFlags struct {
	councils               listFlag
	all                    *bool
	out, contact, baseURL  *string
	rate                   *float64
	retries                *int
	timeout, maxRetryAfter *time.Duration
	letters                *string
}

// newFetchFlags defines the fetch command's flags in fs.
func newFetchFlags(fs *flag.FlagSet) *fetchFlags {
	fl := &fetchFlags{}
	fs.Var(&fl.councils, "council", "a council to fetch, by slug (kent-county-council) or name; repeatable or comma-separated")
	fl.all = fs.Bool("all", false, "fetch every current council of the councils reference (seed/councils.json)")
	fl.out = fs.String("out", "", "the documents folder to fetch into, created if missing; give it to `load --docs` or `serve --docs` (required)")
	fl.contact = fs.String("contact", "", "your email address or URL, sent in the User-Agent of every request so the site's operators can reach you (required; also OMBUDSGRAPH_CONTACT)")
	fl.baseURL = fs.String("base-url", fetch.DefaultBaseURL, "the Ombudsman's website (also OMBUDSGRAPH_BASE_URL)")
	fl.rate = fs.Float64("rate", 1, fmt.Sprintf("the most requests a second, at most %d; robots.txt's Crawl-delay can lower it", maxRate))
	fl.retries = fs.Int("retries", 4, "how often to retry a request after a 5xx, a 429 or a network error, with exponential back-off and jitter")
	fl.timeout = fs.Duration("timeout", 2*time.Minute, "how long one request may take, download included")
	fl.maxRetryAfter = fs.Duration("max-retry-after", 10*time.Minute, "the longest Retry-After to wait; a longer one stops the run, to be run again later")
	fl.letters = fs.String("letters", "", "a regular expression that picks the letter links of a council's page by URL or text (default: links to .pdf files, and links whose text says 'annual letter' or 'review letter')")
	return fl
}

// check checks the flags given, and returns the expression --letters
// gives, or nil for fetch's default.
func (fl *fetchFlags) check() (*regexp.Regexp, error) {
	switch {
	case *fl.contact == "":
		return nil, usageError{fetchCmd + "--contact EMAIL_OR_URL is required: every request names the tool and you in its User-Agent, so the Ombudsman's web team can reach you if the fetching troubles their site (also OMBUDSGRAPH_CONTACT)"}
	case *fl.out == "":
		return nil, usageError{fetchCmd + "--out DIR is required: the documents folder to fetch into"}
	case len(fl.councils) == 0 && !*fl.all:
		return nil, usageError{fetchCmd + "say which councils: --council SLUG (repeatable or comma-separated), or --all"}
	case len(fl.councils) > 0 && *fl.all:
		return nil, usageError{fetchCmd + "--council and --all do not go together"}
	case !(*fl.rate > 0 && *fl.rate <= maxRate):
		return nil, usageError{fmt.Sprintf("%s--rate %g: want more than 0 and at most %d requests a second", fetchCmd, *fl.rate, maxRate)}
	case *fl.retries < 0:
		return nil, usageError{fetchCmd + "--retries must be 0 or more"}
	case *fl.timeout <= 0 || *fl.maxRetryAfter < 0:
		return nil, usageError{fetchCmd + "--timeout must be positive, --max-retry-after 0 or more"}
	}
	if err := fetch.CheckContact(*fl.contact); err != nil {
		return nil, usageError{fetchCmd + "--contact: " + err.Error()}
	}
	var letterRE *regexp.Regexp
	if *fl.letters != "" {
		var err error
		if letterRE, err = regexp.Compile(*fl.letters); err != nil {
			return nil, usageError{fetchCmd + "--letters: " + err.Error()}
		}
	}
	return letterRE, nil
}

// slugs returns the slugs of the councils to fetch: every current council
// of the councils reference for --all, else those --council names, each
// once, with a warning on stderr for one the reference does not have as
// current.
func (fl *fetchFlags) slugs(stderr io.Writer) ([]string, error) {
	ref, err := referenceCouncils(seed.Councils)
	if err != nil {
		return nil, err
	}
	var slugs []string
	if *fl.all {
		for _, c := range ref {
			if !c.abolished {
				slugs = append(slugs, c.slug)
			}
		}
		return slugs, nil
	}
	known := map[string]refCouncil{}
	for _, c := range ref {
		known[c.slug] = c
	}
	seen := map[string]bool{}
	for _, v := range fl.councils {
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
		return nil, usageError{fetchCmd + "--council: no council named"}
	}
	return slugs, nil
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
