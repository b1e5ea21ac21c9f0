package loader

// percentUnits finds the percentage units of a sentence: "%", "per cent",
// "percent" (on word boundaries, in any case) and the "pc" some papers write
// ("67pc", a word boundary after it only), each with the spaces before it.
// numberBefore then wants a number straight before the unit.
//
// It is a scan rather than a regular expression: package regexp tries
// `\s*(?:%|\bper\s?cent\b|pc\b)` at every byte of every sentence of every
// article, which was a tenth of parsing England. percentUnitRegexp in the
// tests is the expression it stands for, and the fuzz test holds the two
// to the same answers.
func percentUnits(sent string) [][2]int {
	var out [][2]int
	prevEnd := 0
	for i := 0; i < len(sent); i++ {
		end := percentUnitAt(sent, i)
		if end < 0 {
			continue
		}
		start := i
		for start > prevEnd && isRegexpSpace(sent[start-1]) {
			start--
		}
		out = append(out, [2]int{start, end})
		prevEnd, i = end, end-1
	}
	return out
}

// percentUnitAt returns where a percentage unit that starts at byte i of s
// ends, or -1.
func percentUnitAt(s string, i int) int {
	switch s[i] {
	case '%':
		return i + 1
	case 'p', 'P':
	default:
		return -1
	}
	wordStart := i == 0 || !isWordByte(s[i-1])
	if wordStart && hasPrefixFold(s[i:], "per") {
		j := i + 3
		if j < len(s) && isRegexpSpace(s[j]) && hasPrefixFold(s[j+1:], "cent") {
			j++
		}
		if hasPrefixFold(s[j:], "cent") && wordEnd(s, j+4) {
			return j + 4
		}
	}
	if hasPrefixFold(s[i+1:], "c") && wordEnd(s, i+2) {
		return i + 2
	}
	return -1
}

// wordEnd reports whether a word boundary, as regexp's \b sees one, stands
// at byte i of s given a word byte before it.
func wordEnd(s string, i int) bool { return i >= len(s) || !isWordByte(s[i]) }

// isRegexpSpace reports whether c is a space as regexp's \s counts them.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
