package metrics_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ombudsgraph/ombudsgraph/internal/live"
	"github.com/ombudsgraph/ombudsgraph/internal/metrics"
)

// TestOperationLabelsCannotBeSquatted checks that made-up operation names
// take at most MaxOperations label values, after which a new name counts as
// "other", while the reserved names (the server's own pages') keep theirs.
func TestOperationLabelsCannotBeSquatted(t *testing.T) {
	m := metrics.New(live.New("test"), "Meta", "Councils")
	for i := range metrics.MaxOperations + 50 {
		m.Request(fmt.Sprintf("Squat%d", i), "ok", time.Millisecond)
	}
	m.Request("Meta", "ok", time.Millisecond)
	m.Request("Late", "ok", time.Millisecond)
	m.Request("not a name!", "ok", time.Millisecond)
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	body := rec.Body.String()
	for _, want := range []string{
		`ombudsgraph_requests_total{operation="Meta",outcome="ok"} 1`,
		`ombudsgraph_requests_total{operation="other",outcome="ok"} 51`, // 50 squatters and "Late"
		`ombudsgraph_requests_total{operation="invalid",outcome="ok"} 1`,
		fmt.Sprintf(`ombudsgraph_requests_total{operation="Squat%d",outcome="ok"} 1`, metrics.MaxOperations-1),
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the metrics lack %s", want)
		}
	}
	for _, absent := range []string{`operation="Late"`, fmt.Sprintf(`operation="Squat%d"`, metrics.MaxOperations)} {
		if strings.Contains(body, absent) {
			t.Errorf("the metrics hold %s, past the limit", absent)
		}
	}
}
