package server

import "testing"

// TestCompleteAnswer checks which bodies the response cache may keep.
func TestCompleteAnswer(t *testing.T) {
	cases := []struct {
		body string
		keep bool
	}{
		{`{"data":{"council":{"name":"Kent County Council"}}}`, true},
		{` {"data":{}} `, true},
		{`[{"data":{"a":1}},{"data":{"b":2}}]`, true},
		{`null`, false},
		{``, false},
		{`{"data":null}`, false},
		{`{"errors":[{"message":"x"}]}`, false},
		{`{"data":{"a":1},"errors":[{"message":"x"}]}`, false},
		{`[{"data":{"a":1}},null]`, false},
		{`[]`, false},
		{`{"data":{"a":`, false},
	}
	for _, c := range cases {
		if got := completeAnswer([]byte(c.body)); got != c.keep {
			t.Errorf("completeAnswer(%q) = %v, want %v", c.body, got, c.keep)
		}
	}
}
