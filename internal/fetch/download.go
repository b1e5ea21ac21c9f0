package fetch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// download is the outcome of one successful exchange.
type download struct {
	final        string // the URL after redirects
	notModified  bool
	etag         string
	lastModified string
	size         int64
	sha256       string
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
