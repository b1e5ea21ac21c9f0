package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

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
	prev, have := f.kept(file, rawURL, abs)
	if have && !f.resume.IsZero() && !prev.Checked.Before(f.resume) {
		f.res.Skipped++
		f.o.Report(Event{Kind: Skipped, Council: council, URL: rawURL, File: file})
		return orElse(prev.FinalURL, rawURL), nil
	}
	hdr := conditional(prev, have)
	var got *download
	err := f.retrying(ctx, rawURL, council, func(ctx context.Context) error {
		var err error
		got, err = f.get(ctx, council, rawURL, hdr, abs, k)
		return err
	})
	if err != nil {
		if err := stopping(ctx, err); err != nil {
			return "", err
		}
		f.failed(council, rawURL, file, err)
		return "", nil
	}
	now := f.o.Clock.Now()
	if got.notModified {
		if !have {
			// 304 to a request without validators: the file is not here.
			f.failed(council, rawURL, file, fmt.Errorf("304 Not Modified to a request that was not conditional"))
			return "", nil
		}
		f.unchanged(council, rawURL, file, prev, got, now)
	} else {
		f.fetched(council, rawURL, file, prev, have, got, now)
	}
	if err := f.st.save(f.o.Out); err != nil {
		return "", errStop{fmt.Errorf("state file: %w", err)}
	}
	return got.final, nil
}

// kept returns the state file's entry for file, and whether the file is in
// Out as that entry has it: fetched from rawURL, and of the size recorded.
func (f *fetcher) kept(file, rawURL, abs string) (*entry, bool) {
	prev := f.st.Files[file]
	if prev != nil && prev.URL == rawURL {
		if fi, err := os.Stat(abs); err == nil && fi.Mode().IsRegular() && fi.Size() == prev.Size {
			return prev, true
		}
	}
	return prev, false
}

// conditional returns the headers that ask the site whether the file prev
// records has changed since: none when the file is not kept (have false).
func conditional(prev *entry, have bool) http.Header {
	hdr := http.Header{}
	if have {
		if prev.ETag != "" {
			hdr.Set("If-None-Match", prev.ETag)
		}
		if prev.LastModified != "" {
			hdr.Set("If-Modified-Since", prev.LastModified)
		}
	}
	return hdr
}

// failed records a file that could not be fetched, in the result and to
// the report.
func (f *fetcher) failed(council, rawURL, file string, err error) {
	f.res.Failures = append(f.res.Failures, Failure{Council: council, URL: rawURL, File: file, Err: err})
	f.o.Report(Event{Kind: Failed, Council: council, URL: rawURL, File: file, Err: err})
}

// unchanged records the site's answer (got) that the file prev records has
// not changed: when it was checked, where it came from, and any validators
// the answer renewed.
func (f *fetcher) unchanged(council, rawURL, file string, prev *entry, got *download, now time.Time) {
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
}

// fetched records a file downloaded (got) in the state, keeping when it
// last changed if it came with the bytes it had (prev, kept when have).
func (f *fetcher) fetched(council, rawURL, file string, prev *entry, have bool, got *download, now time.Time) {
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

func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
