package server

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/export"
	"github.com/ombudsgraph/ombudsgraph/internal/search"
)

// DefaultMaxExport is the default cap on the nodes of one export over HTTP.
const DefaultMaxExport = 100_000

// exportHandler serves GET /export/{format}: the subgraph of the selection
// in the query parameters, everything when there are none, as a download.
// A selection larger than max nodes is cut to max, or to a smaller limit=,
// and the response says so in X-Truncated. Errors are JSON with a code, as
// the GraphQL endpoint gives them.
func exportHandler(current func() (*graph.Graph, *search.Index), max int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := export.Lookup(r.PathValue("format"))
		if !ok {
			graphqlError(w, graph.CodeNotFound,
				fmt.Sprintf("no export format %q; the formats are %s", r.PathValue("format"), strings.Join(export.Names(), ", ")))
			return
		}
		g, _ := current()
		if g == nil {
			graphqlError(w, graph.CodeUnavailable, "no graph is loaded yet; try again shortly")
			return
		}
		sg, err := selection(g, r, max)
		if err != nil {
			var ge *graph.Error
			if errors.As(err, &ge) {
				graphqlError(w, ge.Code, err.Error())
			} else {
				graphqlError(w, graph.CodeInternal, "the selection failed")
			}
			return
		}
		var buf bytes.Buffer // whole, so that a failure is an error and not half a file
		if err := f.Write(&buf, sg, export.Meta{Revision: g.Revision(), Query: r.URL.RawQuery}); err != nil {
			graphqlError(w, graph.CodeInternal, "the export failed")
			return
		}
		w.Header().Set("Content-Type", f.ContentType)
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="ombudsgraph-%s.%s"`, g.Revision(), f.Ext))
		w.Header().Set("X-Node-Count", fmt.Sprint(len(sg.Nodes)))
		w.Header().Set("X-Edge-Count", fmt.Sprint(len(sg.Edges)))
		w.Header().Set("X-Truncated", fmt.Sprint(sg.Truncated))
		w.Write(buf.Bytes())
	})
}

// selection returns the subgraph the request's query parameters select,
// with at most max nodes. Its errors are *graph.Error values that name the
// parameter at fault.
func selection(g *graph.Graph, r *http.Request, max int) (*graph.Subgraph, error) {
	sel, err := export.ParseSelection(r.URL.Query())
	if err != nil {
		return nil, err
	}
	if sel.Limit == 0 || sel.Limit > max {
		sel.Limit = max
	}
	return g.Subgraph(sel)
}
