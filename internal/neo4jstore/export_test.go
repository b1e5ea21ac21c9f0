package neo4jstore

// SetReadPage sets how many records s reads a page at a time, so that tests
// read the small seed corpus over many pages, as England is read.
func SetReadPage(s *Store, n int) { s.page = n }
