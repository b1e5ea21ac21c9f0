package main

import (
	"bufio"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rawGet sends GET /healthz on c, keeping the connection alive, and reads
// the answer's status line and headers.
func rawGet(t *testing.T, c net.Conn, r *bufio.Reader) (string, error) {
	t.Helper()
	if _, err := c.Write([]byte("GET /healthz HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n\r\n")); err != nil {
		return "", err
	}
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Status + " close=" + map[bool]string{true: "yes", false: "no"}[resp.Close], nil
}

// TestIdleConnectionsCannotLockOut checks --max-connections: clients that
// open connections and leave them idle past the limit do not lock a new
// client out, because idle keep-alive connections are closed once three
// quarters of the limit are open; and keep-alives come back once the crowd
// has gone.
func TestIdleConnectionsCannotLockOut(t *testing.T) {
	base, stop := startServe(t, []string{"--max-connections", "8"}, nil)
	defer stop()
	addr := strings.TrimPrefix(base, "http://")
	var idle []net.Conn
	defer func() {
		for _, c := range idle {
			c.Close()
		}
	}()
	for range 12 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		idle = append(idle, c)
		c.SetDeadline(time.Now().Add(200 * time.Millisecond))
		rawGet(t, c, bufio.NewReader(c)) // past the limit, this waits unanswered; either way the connection stays open
		c.SetDeadline(time.Time{})
	}
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{}}
	start := time.Now()
	resp, err := client.Get(base + "/healthz")
	if err != nil {
		t.Fatalf("a new client, with 12 idle connections open against a limit of 8: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("a new client: %s", resp.Status)
	}
	t.Logf("a new client was answered in %s", time.Since(start).Round(time.Millisecond))
	closed := 0
	for _, c := range idle {
		c.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
		if _, err := bufio.NewReader(c).ReadByte(); err != nil && !isTimeout(err) {
			closed++ // the server closed it
		}
	}
	if closed == 0 {
		t.Errorf("no idle connection was closed by the server, with 12 open against a limit of 8")
	}
	for _, c := range idle {
		c.Close()
	}
	idle = nil
	// Once the crowd has gone, keep-alives are on again: two requests on
	// one connection.
	var status string
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		r := bufio.NewReader(c)
		c.SetDeadline(time.Now().Add(2 * time.Second))
		first, err1 := rawGet(t, c, r)
		second, err2 := rawGet(t, c, r)
		c.Close()
		status = first + " then " + second
		if err1 == nil && err2 == nil && first == "200 OK close=no" {
			break
		}
	}
	if !strings.HasPrefix(status, "200 OK close=no then 200 OK") {
		t.Errorf("after the idle connections closed: %s, want two answers on one kept-alive connection", status)
	}
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}
