// Package metrics exports ombudsgraph's Prometheus metrics: requests by
// operation and outcome, their latency, the graph's size by kind, its
// revision and age, and the results of refreshing it from Neo4j.
package metrics

import (
	"net/http"
	"regexp"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/ombudsgraph/ombudsgraph/internal/live"
)

// MaxOperations bounds how many operation names, beyond the reserved ones
// New is given, get their own label value; clients choose the names, so the
// rest are counted as "other".
const MaxOperations = 200

// Metrics holds the server's metrics.
type Metrics struct {
	registry  *prometheus.Registry
	requests  *prometheus.CounterVec
	duration  *prometheus.HistogramVec
	refreshes *prometheus.CounterVec

	mu       sync.Mutex
	names    map[string]bool // the names given a label on first sight
	reserved map[string]bool // the names that always have a label
}

// New returns the metrics of a server whose graph h holds. The reserved
// operation names (those the server's own pages send) always have their own
// label value, however many names clients have made up before them.
func New(h *live.Graph, reserved ...string) *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "ombudsgraph_requests_total", Help: "GraphQL requests by operation name and outcome (ok, errors, rejected, server_error).",
		}, []string{"operation", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "ombudsgraph_request_duration_seconds", Help: "GraphQL request latency by operation name.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"operation"}),
		refreshes: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "ombudsgraph_refreshes_total", Help: "Checks of the store for a new graph, by result (loaded, unchanged, failed).",
		}, []string{"result"}),
		names:    map[string]bool{},
		reserved: map[string]bool{},
	}
	for _, name := range reserved {
		m.reserved[name] = true
	}
	m.registry.MustRegister(m.requests, m.duration, m.refreshes, graphCollector{h},
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in Prometheus's text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

var validName = regexp.MustCompile(`^[_A-Za-z][_0-9A-Za-z]{0,63}$`)

// label returns the label value of an operation name.
func (m *Metrics) label(name string) string {
	if name == "" {
		return "none"
	}
	if name != "anonymous" && !validName.MatchString(name) {
		return "invalid"
	}
	if m.reserved[name] {
		return name
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.names[name] {
		if len(m.names) >= MaxOperations {
			return "other"
		}
		m.names[name] = true
	}
	return name
}

// Request records a finished request.
func (m *Metrics) Request(operation, outcome string, d time.Duration) {
	op := m.label(operation)
	m.requests.WithLabelValues(op, outcome).Inc()
	m.duration.WithLabelValues(op).Observe(d.Seconds())
}

// Refresh records the result of a check of the store.
func (m *Metrics) Refresh(result string) { m.refreshes.WithLabelValues(result).Inc() }

// graphCollector reports the current graph when scraped.
type graphCollector struct{ h *live.Graph }

var (
	nodesDesc = prometheus.NewDesc("ombudsgraph_graph_nodes", "Nodes of the graph being served, by kind.", []string{"kind"}, nil)
	docsDesc  = prometheus.NewDesc("ombudsgraph_graph_documents", "Documents of the graph being served, by kind.", []string{"kind"}, nil)
	infoDesc  = prometheus.NewDesc("ombudsgraph_graph_info", "The revision of the graph being served (always 1).", []string{"revision", "state"}, nil)
	ageDesc   = prometheus.NewDesc("ombudsgraph_graph_age_seconds", "Seconds since the graph being served was loaded.", nil, nil)
	staleDesc = prometheus.NewDesc("ombudsgraph_graph_stale_seconds", "Seconds since the store was found unreachable; 0 when it is not.", nil, nil)
	readyDesc = prometheus.NewDesc("ombudsgraph_ready", "1 once a graph is loaded.", nil, nil)
)

// Describe implements prometheus.Collector.
func (c graphCollector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{nodesDesc, docsDesc, infoDesc, ageDesc, staleDesc, readyDesc} {
		ch <- d
	}
}

// Collect implements prometheus.Collector.
func (c graphCollector) Collect(ch chan<- prometheus.Metric) {
	st := c.h.Status()
	ready := 0.0
	if st.Ready() {
		ready = 1
	}
	ch <- prometheus.MustNewConstMetric(readyDesc, prometheus.GaugeValue, ready)
	stale := 0.0
	if !st.StaleSince.IsZero() {
		stale = time.Since(st.StaleSince).Seconds()
	}
	ch <- prometheus.MustNewConstMetric(staleDesc, prometheus.GaugeValue, stale)
	g, _ := c.h.Current()
	if g == nil {
		return
	}
	ch <- prometheus.MustNewConstMetric(infoDesc, prometheus.GaugeValue, 1, g.Revision(), st.State)
	ch <- prometheus.MustNewConstMetric(ageDesc, prometheus.GaugeValue, time.Since(st.LoadedAt).Seconds())
	counts := g.Counts()
	for _, k := range counts.Entities {
		ch <- prometheus.MustNewConstMetric(nodesDesc, prometheus.GaugeValue, float64(k.Count), k.Name)
	}
	for _, k := range counts.Documents {
		ch <- prometheus.MustNewConstMetric(docsDesc, prometheus.GaugeValue, float64(k.Count), k.Name)
	}
}
