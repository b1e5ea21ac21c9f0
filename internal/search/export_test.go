package search

// SetEngine chooses the bleve engine, for comparing them in benchmarks.
func SetEngine(e string) { engine = e }
