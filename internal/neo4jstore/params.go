package neo4jstore

// This file turns Go values into the lists that statements take as
// parameters.

// strs turns strings into a list Neo4j stores, never null.
func strs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// int64s turns hids into a list parameter.
func int64s(xs []int64) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// maps2anys turns rows into a list parameter.
func maps2anys(ms []map[string]any) []any {
	out := make([]any, len(ms))
	for i, m := range ms {
		out[i] = m
	}
	return out
}
