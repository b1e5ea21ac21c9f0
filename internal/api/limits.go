package api

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/api/exec"
	"github.com/ombudsgraph/ombudsgraph/internal/api/model"
)

// Options bound what one operation may ask, and which operations may run.
// Zero values take the defaults named.
type Options struct {
	// MaxComplexity bounds an operation's cost: every field costs 1, and a
	// list multiplies the cost of its items by its page size (or an estimate
	// of its length). Default 5,000.
	MaxComplexity int
	// MaxDepth bounds how deeply selections nest. Default 12.
	MaxDepth int
	// MaxAliases bounds how many aliased fields an operation has. Default 30.
	MaxAliases int
	// MaxTokens bounds the tokens of a request's document, read before any
	// other limit applies: parsing and validating grow faster than the
	// text. Default 2,000, thirteen times a full introspection query.
	MaxTokens int
	// Introspection allows __schema and __type queries.
	Introspection bool
	// Persisted are queries known in advance, by the hex SHA-256 of their
	// text; with PersistedOnly, nothing else runs.
	Persisted     map[string]string
	PersistedOnly bool
}

// Defaults of Options.
const (
	DefaultMaxComplexity = 5000
	DefaultMaxDepth      = 12
	DefaultMaxAliases    = 30
	DefaultMaxTokens     = 2000
)

func (o Options) withDefaults() Options {
	if o.MaxComplexity <= 0 {
		o.MaxComplexity = DefaultMaxComplexity
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxTokens <= 0 {
		o.MaxTokens = DefaultMaxTokens
	}
	if o.MaxAliases <= 0 {
		o.MaxAliases = DefaultMaxAliases
	}
	return o
}

// pageCost is what a page of a connection multiplies its items' cost by. A
// page never holds more than MaxPage items; a larger `first` is refused by
// the resolver with a clearer message than the complexity limit's.
func pageCost(first *int) int {
	if first != nil && *first >= 0 {
		return min(max(*first, 1), MaxPage)
	}
	return DefaultPage
}

// Limits of the subgraph field's node count.
const (
	DefaultSubgraphLimit = 500
	MaxSubgraphLimit     = 5000
)

// Estimated lengths of lists that are not paged.
const (
	shortList = 10  // a council's letters, a case's improvements, …
	longList  = 100 // every council of a theme, every cell of a matrix, …
)

// complexity gives lists their real cost.
func complexity() exec.ComplexityRoot {
	var c exec.ComplexityRoot
	c.Query.Cases = func(child int, _ *model.CaseFilter, first *int, _ *string) int { return child * pageCost(first) }
	c.Query.Improvements = func(child int, _ *model.CaseFilter, first *int, _ *string) int { return child * pageCost(first) }
	c.Query.Councils = func(child int, _ *string, first *int, _ *string) int { return child * pageCost(first) }
	c.Query.Search = func(child int, _ string, _ *model.SearchFilter, first *int, _ *string) int {
		return child * pageCost(first)
	}
	c.Query.Nodes = func(child int, ids []string) int { return child * max(len(ids), 1) }
	c.Query.Articles = func(child int, _, _, _ *string) int { return child * longList }
	c.Query.Documents = func(child int) int { return child * longList }
	c.Query.Problems = func(child int, _ *graph.Severity) int { return child * longList }
	c.Document.Warnings = func(child int) int { return child * shortList }
	c.Query.ThemeMatrix = func(child int, _, _, _ []string) int { return child * longList }
	c.Council.Cases = func(child int, _ *model.CaseFilter, first *int, _ *string) int { return child * pageCost(first) }
	c.Council.Improvements = func(child int, _ *model.CaseFilter, first *int, _ *string) int { return child * pageCost(first) }
	c.Council.Statistics = func(child int) int { return child * shortList }
	c.Council.Letters = func(child int) int { return child * shortList }
	c.Council.Reports = func(child int) int { return child * shortList }
	c.Council.Articles = func(child int) int { return child * shortList }
	c.Council.Peers = func(child int) int { return child * longList }
	c.Theme.Cases = func(child int, first *int, _ *string) int { return child * pageCost(first) }
	c.Theme.Improvements = func(child int, first *int, _ *string) int { return child * pageCost(first) }
	c.Theme.Councils = func(child int) int { return child * longList }
	c.Theme.Reports = func(child int) int { return child * longList }
	c.Theme.Articles = func(child int) int { return child * longList }
	c.AuthorityType.Councils = func(child int) int { return child * longList }
	c.Case.Improvements = func(child int) int { return child * shortList }
	// A subgraph's nodes are flat and computed at once: its cost grows with
	// its limit, by hundreds of nodes.
	c.Query.Subgraph = func(child int, _ []string, _ *int, _ []graph.Kind, _, _ []string, limit *int) int {
		n := DefaultSubgraphLimit
		if limit != nil {
			n = min(max(*limit, 1), MaxSubgraphLimit)
		}
		return child * ((n + 99) / 100)
	}
	c.GraphNode.Evidence = func(child int) int { return child * shortList }
	return c
}

// guard rejects operations deeper, with more aliases, not persisted when
// they must be, or introspecting when introspection is off.
type guard struct{ o Options }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = guard{}

// ExtensionName implements graphql.HandlerExtension.
func (guard) ExtensionName() string { return "OmbudsgraphLimits" }

// Validate implements graphql.HandlerExtension.
func (guard) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationContext checks an operation before it runs.
func (g guard) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if g.o.PersistedOnly {
		sum := sha256.Sum256([]byte(oc.RawQuery))
		if _, ok := g.o.Persisted[hex.EncodeToString(sum[:])]; !ok {
			return limitError(graph.CodePersistedRequired, "only persisted queries run on this server; send the hash of a known query as extensions.persistedQuery")
		}
	}
	if !g.o.Introspection && introspects(oc.Doc, oc.Operation.SelectionSet, map[string]bool{}) {
		return limitError(graph.CodeIntrospection, "introspection is turned off on this server")
	}
	m := newMeasurer(oc.Doc, onlyIntrospection(oc.Doc, oc.Operation.SelectionSet, map[string]bool{}))
	size := m.measure(oc.Operation.SelectionSet)
	depth, aliases := size.depth, size.aliases
	if size.fields > g.o.MaxComplexity {
		// Every field costs at least 1, so the complexity limit would refuse
		// the operation too, but only after expanding every fragment spread
		// again, which a few kilobytes of fragments spread into each other
		// make take minutes.
		return limitError(graph.CodeComplexityLimit, fmt.Sprintf("the operation selects %d fields once its fragments are spread; at most %d are allowed", size.fields, g.o.MaxComplexity))
	}
	if depth > g.o.MaxDepth {
		return limitError(graph.CodeDepthLimit, fmt.Sprintf("the operation nests %d levels deep; at most %d are allowed", depth, g.o.MaxDepth))
	}
	if aliases > g.o.MaxAliases {
		return limitError(graph.CodeAliasLimit, fmt.Sprintf("the operation has %d aliases; at most %d are allowed", aliases, g.o.MaxAliases))
	}
	return nil
}

func limitError(code, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": code}}
}

// persistedQueries is an APQ cache that also knows the persisted queries, and
// that, when only persisted queries may run, learns no new ones.
type persistedQueries struct {
	known map[string]string
	only  bool
	cache graphql.Cache[string]
}

// Get implements graphql.Cache.
func (p persistedQueries) Get(ctx context.Context, hash string) (string, bool) {
	if q, ok := p.known[hash]; ok {
		return q, true
	}
	if p.only {
		return "", false
	}
	return p.cache.Get(ctx, hash)
}

// Add implements graphql.Cache.
func (p persistedQueries) Add(ctx context.Context, hash, query string) {
	if !p.only {
		p.cache.Add(ctx, hash, query)
	}
}
