// Package loader turns documents into facts with provenance: it detects each
// document's kind from its content, parses council performance pages, annual
// review letters and news articles, resolves the councils they name, and tags
// items with themes.
//
// Every parser is a pure function of its input (an io.Reader, plus the
// gazetteer of known councils where names must be resolved). A document that
// does not fit its kind is rejected with a *ParseError that says where and
// what; nothing in it is silently dropped.
package loader
