package loader

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

var (
	// money finds "£17,258", "£8,000", "£1.2m", "£3 million", "£40k".
	money = regexp.MustCompile(`(?i)£\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s?(m|mn|million|bn|billion|k|thousand)\b)?`)
	// digitsBefore finds a number that ends s.
	digitsBefore = regexp.MustCompile(`(\d+(?:\.\d+)?)$`)
	// garbled finds what, straight after a number, shows it was not read
	// whole: "£8,OOO".
	garbled = regexp.MustCompile(`^(?:[.,]?[\p{L}\p{N}])`)
	// qualifierBefore finds a bounding phrase that ends s.
	qualifierBefore = regexp.MustCompile(`(?i)\b(?:(more than|over|almost|nearly|near|around|about|approximately|roughly|up to|less than|fewer than|at least|just over|just under|well over|under|some|close to|in excess of|upwards of|as much as|as little as)\s+|(near|nearly|almost)-)$`)
	// rangeTo finds what joins the two ends of a range: "-", "to", or (after
	// "between") "and".
	rangeTo = regexp.MustCompile(`(?i)^\s*(?:(-|–|—)|(to|and))\s*$`)
	// lowerBefore finds the bare lower end of a range that ends s: "between
	// 20 and " (of "between 20 and 30 per cent"), "20-", "20 to ".
	lowerBefore   = regexp.MustCompile(`(?i)(\bbetween\s+)?(\d+(?:\.\d+)?)\s*(?:(-|–)|(to|and))\s*$`)
	betweenBefore = regexp.MustCompile(`(?i)\bbetween\s+$`)
	fromBefore    = regexp.MustCompile(`(?i)\bfrom\s+$`)
)

var multipliers = map[string]string{"m": "e6", "mn": "e6", "million": "e6", "bn": "e9", "billion": "e9", "k": "e3", "thousand": "e3"}

// claimsIn returns the percentages and amounts of money in line n of t,
// each with the sentence it came from. They are not numbered: an article
// numbers its claims once it has them all.
//
// A range is one claim, its lower end the Value and its upper end Upper:
// "between £10-£50", "between £10 and £50", "£10 to £50", "between 20 and
// 30 per cent", "20-30%". Two amounts joined by "and" without "between" are
// two claims, as are "from £10 to £50", a change.
func claimsIn(t *text, n int, doc string) []graph.Claim {
	orig := t.lines[n-1]
	var out []graph.Claim
	for _, sr := range sentences(orig) {
		sent := orig[sr[0]:sr[1]]
		for _, h := range claimHits(sent) {
			start, qual := h.start, ""
			w := window(sent, h.start)
			if q := qualifierBefore.FindStringSubmatchIndex(sent[w:h.start]); q != nil {
				g := 2
				if q[g] < 0 {
					g = 4
				}
				start, qual = w+q[g], strings.ToLower(sent[w+q[g]:w+q[g+1]])
			}
			ev := t.span(n, sr[0]+start, sr[0]+h.end)
			out = append(out, graph.Claim{
				ArticleDoc: doc, Value: h.value, Upper: h.upper, Unit: h.unit,
				Text: ev.Quote, Qualifier: qual, Sentence: sent,
				Evidence: []graph.Span{t.span(n, sr[0], sr[1]), ev},
			})
		}
	}
	return out
}

// claimHit is a percentage, an amount of money, or a range of either, at
// bytes [start,end) of a sentence.
type claimHit struct {
	start, end int
	value      float64
	upper      *float64
	unit       graph.ClaimUnit
}

// window returns where the few words before byte at of s start: what
// qualifies a number, or begins a range, stands there.
func window(s string, at int) int {
	w := max(0, at-40)
	if w > 0 {
		if i := strings.IndexByte(s[w:at], ' '); i >= 0 {
			w += i + 1
		}
	}
	return w
}

// claimHits finds the claims of a sentence, ranges joined, in order.
func claimHits(sent string) []claimHit {
	hits := claimNumbers(sent)
	var out []claimHit
	for i := 0; i < len(hits); i++ {
		h := hits[i]
		w := window(sent, h.start)
		between := betweenBefore.FindStringIndex(sent[w:h.start]) // where "between" starts is all that is used
		if i+1 < len(hits) && hits[i+1].unit == h.unit && hits[i+1].value > h.value {
			if m := rangeTo.FindStringSubmatch(sent[h.end:hits[i+1].start]); m != nil && joinsRange(m[1], m[2], between != nil, sent[w:h.start]) {
				upper := hits[i+1].value
				if between != nil {
					h.start = w + between[0]
				}
				h.end, h.upper = hits[i+1].end, &upper
				out = append(out, h)
				i++
				continue
			}
		}
		if h.unit == graph.Percent {
			h = withBareLower(sent, w, h)
		}
		out = append(out, h)
	}
	return out
}

// claimNumbers finds the percentages and amounts of money of a sentence, in
// order, each on its own.
func claimNumbers(sent string) []claimHit {
	var hits []claimHit
	percents := strings.Contains(sent, "%") || strings.Contains(sent, "cent") || strings.Contains(sent, "CENT") ||
		strings.Contains(sent, "pc")
	var units [][2]int
	if percents {
		units = percentUnits(sent)
	}
	for _, m := range units {
		start, v, ok := numberBefore(sent[:m[0]])
		if ok {
			hits = append(hits, claimHit{start: start, end: m[1], value: v, unit: graph.Percent})
		}
	}
	var monies [][]int
	if strings.Contains(sent, "£") {
		monies = money.FindAllStringSubmatchIndex(sent, -1)
	}
	for _, m := range monies {
		if garbled.MatchString(sent[m[1]:]) {
			continue // "£8,OOO": not a number that can be read whole
		}
		num := strings.ReplaceAll(sent[m[2]:m[3]], ",", "")
		if m[4] >= 0 {
			num += sent[m[4]:m[5]]
		}
		if m[6] >= 0 {
			num += multipliers[strings.ToLower(sent[m[6]:m[7]])]
		}
		v, err := strconv.ParseFloat(num, 64)
		if err == nil {
			hits = append(hits, claimHit{start: m[0], end: m[1], value: v, unit: graph.GBP})
		}
	}
	slices.SortFunc(hits, func(a, b claimHit) int { return a.start - b.start })
	return hits
}

// withBareLower makes percentage h of sent a range when the lower end stands
// bare before it, in the words from byte w: "between 20 and 30 per cent".
func withBareLower(sent string, w int, h claimHit) claimHit {
	m := lowerBefore.FindStringSubmatchIndex(sent[w:h.start])
	for k := range m {
		if m[k] >= 0 {
			m[k] += w
		}
	}
	if m != nil && !numberGlued(sent[:m[4]]) {
		lower, err := strconv.ParseFloat(sent[m[4]:m[5]], 64)
		word := ""
		if m[8] >= 0 {
			word = sent[m[8]:m[9]]
		}
		dash := ""
		if m[6] >= 0 {
			dash = sent[m[6]:m[7]]
		}
		if err == nil && lower < h.value && joinsRange(dash, word, m[2] >= 0, sent[w:m[4]]) {
			upper := h.value
			h.value, h.upper, h.start = lower, &upper, m[4]
			if m[2] >= 0 {
				h.start = m[2]
			}
		}
	}
	return h
}

// joinsRange reports whether a dash or a word ("to", "and") between two
// numbers makes them a range: a dash always, "to" unless the first number
// follows "from" (a change: "from £10 to £50"), "and" only after "between".
func joinsRange(dash, word string, between bool, before string) bool {
	switch {
	case dash != "":
		return true
	case strings.EqualFold(word, "to"):
		return between || !fromBefore.MatchString(before)
	case strings.EqualFold(word, "and"):
		return between
	}
	return false
}

// numberGlued reports whether the text before a number ends in a way that
// makes the number part of another: "£", a digit, a comma or a full stop.
func numberGlued(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == '£' || r == ',' || r == '.' || unicode.IsDigit(r) || unicode.IsLetter(r)
}

// numberBefore reads the number that ends s, in digits ("70 ") or words
// ("eight ", "twenty-five "). It returns where the number starts.
func numberBefore(s string) (int, float64, bool) {
	trimmed := strings.TrimRight(s, " \u00a0")
	if m := digitsBefore.FindStringSubmatchIndex(trimmed); m != nil {
		if m[2] > 0 && (trimmed[m[2]-1] == ',' || trimmed[m[2]-1] == '£') {
			return 0, 0, false
		}
		if before, _ := utf8.DecodeLastRuneInString(trimmed[:m[2]]); m[2] > 0 && (unicode.IsLetter(before) || before == '.') {
			return 0, 0, false // "l0%": a garbled number, not 0
		}
		v, err := strconv.ParseFloat(trimmed[m[2]:m[3]], 64)
		return m[2], v, err == nil
	}
	// Take the longest run of number words that ends s.
	toks := wordToken.FindAllStringIndex(trimmed, -1)
	best, bestStart := -1.0, 0
	for k := 1; k <= len(toks) && k <= 8; k++ {
		a := toks[len(toks)-k][0]
		if v, ok := wordsToNumber(trimmed[a:]); ok {
			best, bestStart = v, a
		}
	}
	if best < 0 {
		return 0, 0, false
	}
	return bestStart, best, true
}

var units = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// wordsToNumber reads a number written in words: "eight", "twenty-five",
// "one hundred and five", "a hundred".
func wordsToNumber(s string) (float64, bool) {
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) == 0 {
		return 0, false
	}
	total, current, any := 0.0, 0.0, false
	for i, w := range words {
		switch {
		case units[w] > 0 || w == "zero":
			current += units[w]
			any = true
		case w == "hundred":
			if current == 0 {
				current = 1
			}
			current *= 100
			any = true
		case w == "thousand":
			if current == 0 {
				current = 1
			}
			total += current * 1000
			current = 0
			any = true
		case w == "and" && i > 0 && i < len(words)-1:
		case w == "a" && i == 0 && len(words) > 1:
		default:
			return 0, false
		}
	}
	return total + current, any
}
