package server

// DefaultGCPercent is the garbage collector target (as GOGC) of a serving
// process, from the moment it starts reading documents. The live heap is
// mostly the graph and its search index, which never change once built: with
// the Go default (100) a query over an England-sized graph spends most of its
// time collecting that heap, and building the graph spends a sixth of its
// time collecting (see docs/performance.md). GOMEMLIMIT still caps the heap
// where memory is short; GOGC, when set, wins.
const DefaultGCPercent = 400
