package main

import (
	"net"
	"net/http"
	"sync"

	"golang.org/x/net/netutil"
)

// DefaultMaxConnections is how many connections serve holds open at once
// unless told otherwise: under the usual 1,024 open files a process may
// have, with room left for its own files and its Neo4j connections.
const DefaultMaxConnections = 768

// connectionGuard bounds the connections serve holds: at most max are open
// (netutil.LimitListener; a further client waits in the kernel's queue until
// one closes), and once three quarters of them are open, idle keep-alive
// connections are closed and no more are kept, until half are. So clients
// that open connections and leave them idle cannot lock the others out: the
// idle ones go first.
//
// netutil.LimitListener is the Go project's own listener for this; the
// server's ConnState hook, which net/http calls on every change of a
// connection's state, counts them.
type connectionGuard struct {
	srv           *http.Server
	high, low     int
	mu            sync.Mutex
	open          int
	keepAliveOff  bool
	previousState func(net.Conn, http.ConnState)
}

// guardConnections limits srv's connections on ln to max, and returns the
// listener to serve on.
func guardConnections(srv *http.Server, ln net.Listener, max int) net.Listener {
	g := &connectionGuard{srv: srv, high: max * 3 / 4, low: max / 2, previousState: srv.ConnState}
	srv.ConnState = g.changed
	return netutil.LimitListener(ln, max)
}

// changed counts a connection's change of state, and turns keep-alives off
// and on at the marks.
func (g *connectionGuard) changed(c net.Conn, s http.ConnState) {
	if g.previousState != nil {
		g.previousState(c, s)
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	switch s {
	case http.StateNew:
		g.open++
	case http.StateClosed, http.StateHijacked:
		g.open--
	default:
		return
	}
	switch {
	case !g.keepAliveOff && g.open >= g.high:
		g.keepAliveOff = true
		// This closes the idle connections. net/http calls ConnState
		// without its own lock held, and closing calls no hook, so this
		// cannot deadlock with a hook waiting for g.mu.
		g.srv.SetKeepAlivesEnabled(false)
	case g.keepAliveOff && g.open <= g.low:
		g.keepAliveOff = false
		g.srv.SetKeepAlivesEnabled(true)
	}
}
