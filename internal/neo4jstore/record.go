package neo4jstore

import (
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// record reads typed values out of one record, remembering the first error.
type record struct {
	rec *neo4j.Record
	err error
}

// hid reads the record's hid column.
func (r *record) hid() int64 { return int64(r.integer("hid")) }

// fail remembers the first error, naming the column it came from.
func (r *record) fail(key string, err error) {
	if r.err == nil {
		r.err = fmt.Errorf("reading %s: %w", key, err)
	}
}

// raw returns the value of key, which may be null (a property the entity
// does not have).
func (r *record) raw(key string) any {
	v, ok := r.rec.Get(key)
	if !ok {
		r.fail(key, fmt.Errorf("no such column"))
	}
	return v
}

// str reads a string; null reads as "".
func (r *record) str(key string) string {
	switch v := r.raw(key).(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		r.fail(key, fmt.Errorf("%T is not a string", v))
		return ""
	}
}

// optStr reads a string property that may be absent.
func (r *record) optStr(key string) string { return r.str(key) }

// integer reads a whole number, stored as an integer or a float; null
// reads as 0.
func (r *record) integer(key string) int {
	switch v := r.raw(key).(type) {
	case nil:
		return 0
	case int64:
		return int(v)
	case float64:
		return int(v)
	default:
		r.fail(key, fmt.Errorf("%T is not a number", v))
		return 0
	}
}

// optInt reads a whole number that may be absent: nil when it is.
func (r *record) optInt(key string) *int {
	if r.raw(key) == nil {
		return nil
	}
	v := r.integer(key)
	return &v
}

// float reads a number, stored as an integer or a float.
func (r *record) float(key string) float64 {
	switch v := r.raw(key).(type) {
	case int64:
		return float64(v)
	case float64:
		return v
	default:
		r.fail(key, fmt.Errorf("%T is not a number", v))
		return 0
	}
}

// optFloat reads a number that may be absent: nil when it is.
func (r *record) optFloat(key string) *float64 {
	if r.raw(key) == nil {
		return nil
	}
	v := r.float(key)
	return &v
}

// boolean reads a boolean; anything else reads as false.
func (r *record) boolean(key string) bool {
	v, _ := r.raw(key).(bool)
	return v
}

// list reads a list; anything else reads as nil.
func (r *record) list(key string) []any {
	v, _ := r.raw(key).([]any)
	return v
}

// strings reads a list of strings: nil when the property is absent, empty
// when it is an empty list.
func (r *record) strings(key string) []string {
	l := r.list(key)
	if l == nil {
		return nil
	}
	out := make([]string, 0, len(l))
	for _, v := range l {
		out = append(out, fmt.Sprint(v))
	}
	return out
}
