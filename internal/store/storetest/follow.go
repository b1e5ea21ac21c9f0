package storetest

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/ombudsgraph/ombudsgraph/internal/live"
)

// waitFor polls cond until it holds, failing t after 30 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// testFollowSeesWrites checks the live refresh over the store, as a server
// runs it: the graph is loaded, a document written and then deleted while
// it runs is picked up each time, and the checks in between find the
// revision unchanged.
func testFollowSeesWrites(t *testing.T, c *Corpus, open opener) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := open(t)
	first, last := c.Facts[:len(c.Facts)-1], c.Facts[len(c.Facts)-1]
	if err := s.Put(ctx, c.Themes, first, nil); err != nil {
		t.Fatal(err)
	}
	h := live.New("test")
	var mu sync.Mutex
	checks := map[string]int{}
	check := func(r string) int {
		mu.Lock()
		defer mu.Unlock()
		return checks[r]
	}
	done := make(chan error, 1)
	go func() {
		done <- live.Follow(ctx, h, s, live.Options{Interval: 20 * time.Millisecond, Backoff: 20 * time.Millisecond,
			MaxBackoff: 100 * time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
			OnCheck: func(r string) { mu.Lock(); checks[r]++; mu.Unlock() }})
	}()
	docs := func() int {
		g, _ := h.Current()
		if g == nil {
			return -1
		}
		return len(g.Documents())
	}
	waitFor(t, "the first load", func() bool { return docs() == len(first) })
	if st := h.Status(); st.State != "ready" || st.Revision == "" {
		t.Errorf("after the first load the status is %+v", st)
	}
	waitFor(t, "a check that finds nothing new", func() bool { return check("unchanged") > 0 })
	if err := s.Put(ctx, c.Themes, c.Facts, nil); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the document written to be served", func() bool { return docs() == len(c.Facts) })
	if err := s.Delete(ctx, []string{last.Document.Name}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the document deleted to go", func() bool { return docs() == len(first) })
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Follow returned %v when its context ended, want nil", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Follow did not return when its context ended")
	}
	if n := check("loaded"); n != 3 {
		t.Errorf("%d loads, want 3: the first, the write, the deletion", n)
	}
	if n := check("failed"); n != 0 {
		t.Errorf("%d failed checks, want none", n)
	}
}
