package loader

import (
	"regexp"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Local news compares councils by their places alone: "92 complaints about
// Sandwell council, 76 about Dudley, 72 each against Walsall and
// Wolverhampton", "Salford (33 per cent), Trafford (50 per cent)". A place
// is read as its council only where a figure stands with it like that, in a
// paragraph about complaints or councils; elsewhere "Leeds" may be the city,
// a hospital or a family's home, so it is not.
var (
	// figureBefore ends the text before a place: "76 about ", "72 each
	// against ", "48 in ".
	figureBefore = regexp.MustCompile(`\d[\d,.]*\s*(?:%|per cent|pc)?\s+(?:\w+\s+)?(?:about|against|for|in)\s+$`)
	// figureAfter starts the text after a place: " (33 per cent)", " (population
	// 793,000) received 185", " received 185", " had 63".
	// Also " received the fewest", ", 26." in a list, and ", they had 63".
	figureAfter = regexp.MustCompile(`^\s*(?:\(\s*(?:population\s+)?\d|,?\s*(?:(?:they|it)\s+)?(?:received|had|drew|recorded|saw|got|logged|upheld)\s+(?:the\s+(?:same|fewest|most)\b|\d)|,\s*\d+(?:,\d{3})*(?:\.\d+)?(?:\s+complaints?)?\s*[.;](?:\s|$))`)
	// listJoin stands between two places of one list.
	listJoin = regexp.MustCompile(`^\s*(?:,|and|or|,\s*and)\s*$`)
	// aboutComplaints shows a paragraph compares councils' complaints.
	aboutComplaints = regexp.MustCompile(`(?i)\b(?:complaints?|ombudsman|upheld|councils?|authorities)\b`)
)

// notPlaceNames are places of councils that are common words or names,
// never read alone as a council.
var notPlaceNames = map[string]bool{
	"reading": true, "hart": true, "rugby": true, "eden": true, "boston": true, "lincoln": true,
	"preston": true, "hastings": true, "bath": true, "derby": true, "richmond": true, "york": true,
}

// placesOf returns the current councils of the gazetteer by their place,
// where exactly one current council has that place; none when the text is
// not about complaints or councils.
func (g *Gazetteer) placesOf(text string) map[string]*place {
	if !aboutComplaints.MatchString(text) {
		return nil
	}
	// The map changes only when the gazetteer learns a council: it is
	// kept for the articles that follow.
	if g.places != nil && g.placesFor == len(g.entries) {
		return g.places
	}
	out := map[string]*place{}
	seen := map[string]int{}
	for _, p := range g.entries {
		if p.place == "" || p.council.Abolished != "" {
			continue
		}
		key := strings.ToLower(p.place)
		seen[key]++
		out[key] = p
	}
	for k, n := range seen {
		if n > 1 || notPlaceNames[k] || len(k) < 4 {
			delete(out, k)
		}
	}
	g.places, g.placesFor = out, len(g.entries)
	return out
}

// placesWithFigures finds the councils a paragraph names by their place in a
// list of figures. taken marks the tokens already read as names.
func (g *Gazetteer) placesWithFigures(text string, toks []token, taken []bool, places map[string]*place, take func(i, j int, c graph.Council)) {
	lastEnd := -1 // where the last place of a list ended
	for i := 0; i < len(toks); i++ {
		if taken[i] || !startsUpper(text[toks[i].a:toks[i].b]) {
			continue
		}
		// The longest run of words from i that is a place: "Tonbridge and
		// Malling".
		var pl *place
		j := i
		for n := min(5, len(toks)-i); n >= 1; n-- {
			if p, ok := places[strings.ToLower(text[toks[i].a:toks[i+n-1].b])]; ok && !containsTaken(taken[i:i+n]) {
				pl, j = p, i+n
				break
			}
		}
		if pl == nil {
			continue
		}
		a, b := toks[i].a, toks[j-1].b
		listed := lastEnd >= 0 && listJoin.MatchString(text[lastEnd:a])
		if listed || figureBefore.MatchString(text[max(0, a-40):a]) || figureAfter.MatchString(text[b:min(len(text), b+40)]) {
			take(i, j, pl.council)
			lastEnd = b
			i = j - 1
			continue
		}
	}
}

func containsTaken(ts []bool) bool {
	for _, t := range ts {
		if t {
			return true
		}
	}
	return false
}
