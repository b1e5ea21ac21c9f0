package graph

// slabSize is how many elements a slab allocates at a time.
const slabSize = 1024

// slab hands out short slices of large allocations. Building England's graph
// gives 300,000 nodes a few theme tags each; a slab makes those a few hundred
// allocations rather than a million. Each slice it hands out has its length
// as its capacity, so appending to one copies it rather than writing over
// its neighbour.
type slab[T any] struct{ free []T }

// take returns n zero elements, or nil when n is 0.
func (s *slab[T]) take(n int) []T {
	if n == 0 {
		return nil
	}
	if len(s.free) < n {
		s.free = make([]T, max(slabSize, n))
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}
