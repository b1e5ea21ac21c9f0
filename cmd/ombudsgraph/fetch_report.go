package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/ombudsgraph/ombudsgraph/internal/fetch"
)

// fetchSummary writes what a run did: on stdout its counts, out of the
// councils asked for, and how long it took since start; on stderr the
// councils whose page linked to no letter, and the files that failed.
func fetchSummary(stdout, stderr io.Writer, res *fetch.Result, councils int, out string, start time.Time) {
	fmt.Fprintf(stdout, "fetched %d of %d councils into %s: %d files downloaded (%s)",
		res.Councils, councils, out, res.Fetched, size(res.Bytes))
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
