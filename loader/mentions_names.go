package loader

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// known returns the council that tokens tks of text name, if they are a
// name the gazetteer knows written as names are: an acronym in capitals,
// any other name with its first word capitalised ("Kingston council", not
// "bury council papers"). A possessive ("Council's", "RBWM's") is the name
// without it. It returns where the name ends in text.
func (g *Gazetteer) known(text string, tks []token) (*place, int, bool) {
	key, end := keyOf(tks), tks[len(tks)-1].b
	p, ok := g.bySurface[key]
	if !ok {
		if !strings.HasSuffix(text[:end], "'s") {
			return nil, 0, false
		}
		key, end = strings.TrimSuffix(key, "s"), end-len("'s")
		if p, ok = g.bySurface[key]; !ok {
			return nil, 0, false
		}
	}
	written := text[tks[0].a:end]
	if g.acronyms[key] {
		return p, end, !strings.ContainsFunc(written, unicode.IsLower)
	}
	r, _ := utf8.DecodeRuneInString(written)
	return p, end, unicode.IsUpper(r) || unicode.IsDigit(r)
}

// keyOf is the surface key of tokens.
func keyOf(tks []token) string {
	if len(tks) == 1 {
		return tks[0].norm
	}
	var b strings.Builder
	for i, tk := range tks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(tk.norm)
	}
	return b.String()
}

// softGap reports whether what stands between two tokens can stand inside a
// name: white space (one line break at most), a hyphen, an apostrophe, the
// full stop of "St.", or a comma between place words ("Bournemouth,
// Christchurch and Poole"), never before a type word or "Council" ("In
// Poole, Council tax …").
func softGap(text string, x, y token) bool {
	gap := text[x.b:y.a]
	if strings.Count(gap, "\n") > 1 {
		return false
	}
	for _, r := range gap {
		switch r {
		case ' ', '\t', '\n', '-', '\'':
		case '.':
			if x.norm != "st" {
				return false
			}
		case ',':
			if typeWords[y.norm] || y.norm == "council" || y.norm == "councils" {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// tokenRange returns the tokens that bytes [a,b) of the text cover.
func tokenRange(toks []token, a, b int) (int, int) {
	i, _ := slices.BinarySearchFunc(toks, a, func(t token, a int) int { return cmp.Compare(t.b, a+1) })
	j := i
	for j < len(toks) && toks[j].a < b {
		j++
	}
	return i, j
}

// unknown looks at the words before "Council" (token i) for the official
// name of a council the gazetteer does not know: capitalised place words
// and a capitalised type word ("South Norfolk District Council"). It returns
// the token the name starts at.
func (g *Gazetteer) unknown(text string, toks []token, taken []bool, i int) (int, bool) {
	word := func(k int) string { return text[toks[k].a:toks[k].b] }
	k := i - 1
	if k < 1 || taken[k] || !softGap(text, toks[k], toks[i]) || !typeWords[toks[k].norm] || !startsUpper(word(k)) {
		return 0, false
	}
	if toks[k].norm == "borough" && !taken[k-1] && toks[k-1].norm == "metropolitan" && softGap(text, toks[k-1], toks[k]) {
		k--
	}
	start := -1
	for j := k - 1; j >= 0 && k-j <= 7 && !taken[j] && softGap(text, toks[j], toks[j+1]); j-- {
		w := word(j)
		if startsUpper(w) && !notPlaces[toks[j].norm] {
			start = j
		} else if !connectors[toks[j].norm] || start < 0 {
			break
		}
	}
	return start, start >= 0
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// plausibleName reports whether a council's name that no reference gives
// can be one: not two phrases a copy ran together ("County Hall in
// NorwichNorfolk County Council": a word with a capital inside it, other
// than Mc, Mac or O'), and no building ("County Hall", "Town Hall").
func plausibleName(name string) bool {
	if strings.Contains(name, " Hall ") {
		return false
	}
	for _, w := range strings.Fields(name) {
		rs := []rune(w)
		for i := 1; i < len(rs); i++ {
			if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) {
				prefix := string(rs[:i])
				if prefix != "Mc" && prefix != "Mac" {
					return false
				}
			}
		}
	}
	return true
}
