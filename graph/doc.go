// Package graph holds ombudsgraph's domain model and the immutable, indexed
// in-memory knowledge graph that every query is answered from.
//
// Documents are turned into [Facts] by the loader; [Build] merges the facts of
// many documents into a [Graph]. A Graph never changes after it is built, so it
// can be shared by any number of readers and replaced atomically as a whole.
// The package depends on the standard library only, so that every store
// (embedded, Neo4j) feeds the same model and gets the same answers.
package graph
