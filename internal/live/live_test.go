package live_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ombudsgraph/ombudsgraph/internal/live"
	"github.com/ombudsgraph/ombudsgraph/internal/store"
	"github.com/ombudsgraph/ombudsgraph/internal/store/storetest"
)

// flaky is a store that fails while err is set, and counts the checks of
// its revision.
type flaky struct {
	store.Store
	mu     sync.Mutex
	err    error
	checks int
}

func (f *flaky) set(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.err = err
}

func (f *flaky) Revision(ctx context.Context) (string, error) {
	f.mu.Lock()
	f.checks++
	err := f.err
	f.mu.Unlock()
	if err != nil {
		return "", err
	}
	return f.Store.Revision(ctx)
}

// seeded returns a flaky store holding the seed corpus.
func seeded(t *testing.T) *flaky {
	t.Helper()
	c := storetest.Seed(t)
	m := store.NewMemory()
	if err := m.Put(context.Background(), c.Themes, c.Facts, nil); err != nil {
		t.Fatal(err)
	}
	return &flaky{Store: m}
}

// follow runs live.Follow over s until the test ends, and returns the
// holder and what Follow returned (once it has).
func follow(t *testing.T, s store.Store, fatal func(error) bool) (*live.Graph, chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	h := live.New("test")
	done := make(chan error, 1)
	go func() {
		done <- live.Follow(ctx, h, s, live.Options{Interval: 10 * time.Millisecond, Backoff: 10 * time.Millisecond,
			MaxBackoff: 40 * time.Millisecond, Fatal: fatal, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	}()
	t.Cleanup(cancel)
	return h, done
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// TestServesLastGoodGraphWhileStoreFails checks that a store that fails
// after the first load leaves the graph served, with the status "stale"
// since the failure and its error, and that the status is "ready" again
// once the store answers.
func TestServesLastGoodGraphWhileStoreFails(t *testing.T) {
	s := seeded(t)
	h, _ := follow(t, s, nil)
	waitFor(t, "the first load", func() bool { return h.Status().State == "ready" })
	before := time.Now()
	s.set(errors.New("connection refused"))
	waitFor(t, "the status to be stale", func() bool { return h.Status().State == "stale" })
	st := h.Status()
	if st.StaleSince.Before(before) || !strings.Contains(st.Error, "connection refused") || !st.Ready() {
		t.Errorf("while the store fails the status is %+v, want stale since the failure, with its error, and ready", st)
	}
	if g, _ := h.Current(); g == nil || len(g.Documents()) != 5 {
		t.Errorf("while the store fails the graph served is %v, want the last good one", g)
	}
	s.set(nil)
	waitFor(t, "the status to be ready again", func() bool { return h.Status().State == "ready" })
	if st := h.Status(); !st.StaleSince.IsZero() || st.Error != "" {
		t.Errorf("once the store answers the status is %+v, want no stale time or error", st)
	}
}

// TestRetriesUntilFirstLoad checks that a store away at start is retried,
// with the status "loading" and the error meanwhile, until it answers.
func TestRetriesUntilFirstLoad(t *testing.T) {
	s := seeded(t)
	s.set(errors.New("no route to host"))
	h, _ := follow(t, s, func(error) bool { return false })
	waitFor(t, "three failed checks", func() bool { s.mu.Lock(); defer s.mu.Unlock(); return s.checks >= 3 })
	if st := h.Status(); st.State != "loading" || st.Ready() || !strings.Contains(st.Error, "no route to host") {
		t.Errorf("while the store is away at start the status is %+v, want loading, not ready, with the error", st)
	}
	s.set(nil)
	waitFor(t, "the first load", func() bool { return h.Status().State == "ready" })
}

// TestFatalErrorStopsFollowing checks that an error the caller calls fatal
// (a wrong password, say) ends Follow with that error, without retrying.
func TestFatalErrorStopsFollowing(t *testing.T) {
	s := seeded(t)
	wrong := errors.New("the client is unauthorized")
	s.set(wrong)
	_, done := follow(t, s, func(err error) bool { return errors.Is(err, wrong) })
	select {
	case err := <-done:
		if !errors.Is(err, wrong) {
			t.Errorf("Follow returned %v, want the fatal error", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Follow went on after a fatal error")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.checks != 1 {
		t.Errorf("%d checks of the store, want 1: a fatal error is not retried", s.checks)
	}
}
