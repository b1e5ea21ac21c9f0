package graph

// Facts are everything one document says, each fact with its provenance. The
// loader produces one Facts per document; [Build] merges them into a Graph.
// Facts hold keys (slugs, references) rather than pointers, so that they can be
// written to and read back from any store unchanged.
type Facts struct {
	Document     Document      `json:"document"`
	Councils     []Council     `json:"councils,omitempty"`
	Statistics   []Statistics  `json:"statistics,omitempty"`
	Reports      []Report      `json:"reports,omitempty"`
	Cases        []Case        `json:"cases,omitempty"`
	Improvements []Improvement `json:"improvements,omitempty"`
	Letters      []Letter      `json:"letters,omitempty"`
	Articles     []Article     `json:"articles,omitempty"`
	Claims       []Claim       `json:"claims,omitempty"`
}
