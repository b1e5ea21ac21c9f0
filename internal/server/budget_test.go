package server

import (
	"bytes"
	"container/list"
	"crypto/sha256"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
)

// entry is a cached answer of a 100-byte body and a 10-byte content type:
// 238 bytes of the budget with its 128 bytes of bookkeeping.
func entry(i int) *cached {
	return &cached{key: sha256.Sum256([]byte{byte(i)}), contentType: strings.Repeat("t", 10), body: bytes.Repeat([]byte("b"), 100)}
}

// TestResponseBudget checks the cache's accounting in bytes: an answer of a
// sixteenth of the budget is kept and a larger one is not; sixteen such
// answers fill the budget exactly, evicting nothing; the seventeenth evicts
// the least recently used one only.
func TestResponseBudget(t *testing.T) {
	const size = 100 + 10 + 128
	if got := entry(0).size(); got != size {
		t.Fatalf("an answer of 110 bytes costs %d, want %d with its bookkeeping", got, size)
	}
	c := &responses{budget: 16 * size, order: list.New(), entries: map[[sha256.Size]byte]*list.Element{}}
	big := entry(99)
	big.body = append(big.body, 'x')
	c.put(big)
	if c.get(big.key) != nil || c.used != 0 {
		t.Errorf("an answer over a sixteenth of the budget was kept (%d bytes used)", c.used)
	}
	for i := range 16 {
		c.put(entry(i))
	}
	if c.used != 16*size || c.order.Len() != 16 {
		t.Fatalf("sixteen answers use %d bytes in %d entries, want %d in 16", c.used, c.order.Len(), 16*size)
	}
	c.get(entry(0).key) // entry 0 is now the most recent, entry 1 the least
	c.put(entry(16))
	if c.used != 16*size || c.get(entry(1).key) != nil || c.get(entry(0).key) == nil || c.get(entry(16).key) == nil {
		t.Errorf("the seventeenth answer: %d bytes used; want entry 1 alone evicted and %d bytes used", c.used, 16*size)
	}
}

// TestRecorderKeepsAMegabyte checks that a response of up to a megabyte is
// kept for the cache, and that one byte more gives it up.
func TestRecorderKeepsAMegabyte(t *testing.T) {
	r := &recorder{ResponseWriter: httptest.NewRecorder(), status: 200}
	r.Write(bytes.Repeat([]byte("a"), 1<<20-1))
	r.Write([]byte("a"))
	if r.overflow || r.body.Len() != 1<<20 {
		t.Fatalf("a megabyte: overflow %v, %d bytes kept", r.overflow, r.body.Len())
	}
	r.Write([]byte("a"))
	if !r.overflow || r.body.Len() != 0 {
		t.Errorf("a megabyte and a byte: overflow %v, %d bytes kept", r.overflow, r.body.Len())
	}
}

// TestDefaultMaxConcurrent checks the default: twice the cores Go may use.
func TestDefaultMaxConcurrent(t *testing.T) {
	if got, want := DefaultMaxConcurrent(), 2*runtime.GOMAXPROCS(0); got != want {
		t.Errorf("DefaultMaxConcurrent() = %d, want %d", got, want)
	}
}
