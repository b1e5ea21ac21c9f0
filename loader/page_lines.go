package loader

import (
	"regexp"
	"strings"
)

// Lines of the reports and service improvements sections that state no fact.
var (
	improvIntro  = regexp.MustCompile(`(?i)^(?:since .+ agreed to make the following improvements|we list up to|click .?view all)`)
	reportsIntro = regexp.MustCompile(`(?i)\bpublished the following\b`)
	noneListed   = regexp.MustCompile(`(?i)^(?:there (?:are|have been) )?no (?:public (?:interest )?)?(?:reports|service improvements|cases|improvements)\b`)
	linkLine     = regexp.MustCompile(`(?i)^(?:view (?:all|upheld|more|the)\b.*|read more\b.*|show (?:more|less)\b.*|find out more\b.*|back to top|print this page|share this page|\?find out more.*)$`)
	caseRef      = regexp.MustCompile(`(?i)^(?:case )?ref(?:erence)?(?: number)?\s*:?\s*(\d{2})\s*(\d{3})\s*(\d{3})\b`)
	caseCategory = regexp.MustCompile(`(?i)^category\s*:?\s*(.*?)\s*(?:\bsub[ -]?category\s*:?\s*(.*?))?\s*(?:\bdate\s*:.*)?$`)
	// namedCase is a case as the service improvements page lists it:
	// "Leeds City Council (22 008 451)".
	namedCase = regexp.MustCompile(`^[A-Z][^()]{2,90}?\s*\((\d{2})\s*(\d{3})\s*(\d{3})\)$`)
	caseSub   = regexp.MustCompile(`(?i)^sub[ -]?category\s*:?\s*(.*?)\s*$`)
)

// garbledNumber matches a number misread as letters: "l7O", "2O23".
var garbledNumber = regexp.MustCompile(`\b(?:\d+[lO][\dlO]*|[lO]+\d[\dlO]*)\b`)

// garbledIn returns the first garbled number in s, or "".
func garbledIn(s string) string {
	for i := 1; i < len(s); i++ {
		a, b := s[i-1], s[i]
		if (a == 'l' || a == 'O') && b >= '0' && b <= '9' || (b == 'l' || b == 'O') && a >= '0' && a <= '9' {
			return garbledNumber.FindString(s)
		}
	}
	return ""
}

// noiseWords are the first words of the lines improvIntro, noneListed and
// linkLine match, so that most lines need no pattern tried.
var noiseWords = map[string]bool{
	"since": true, "we": true, "click": true, "there": true, "no": true, "view": true, "read": true,
	"show": true, "find": true, "back": true, "print": true, "share": true, "?find": true,
}

// isNoise reports whether a line of the improvements section states no
// fact: its introduction, "no improvements", or a link.
func isNoise(line string) bool {
	if pageNumber(line) {
		return true
	}
	first, _, _ := strings.Cut(line, " ")
	var buf [8]byte // longer than every noise word: no allocation for a line's first word
	if len(first) > len(buf) || !noiseWords[string(asciiLowerInto(buf[:0], first))] {
		return false
	}
	return improvIntro.MatchString(line) || noneListed.MatchString(line) || isLink(line)
}

// pageNumber reports whether a line is only a number, as a list's pager
// gives ("1", "2", "Next").
func pageNumber(line string) bool {
	if line == "" || len(line) > 3 {
		return false
	}
	for i := 0; i < len(line); i++ {
		if line[i] < '0' || line[i] > '9' {
			return false
		}
	}
	return true
}

// isLink reports whether a line is a link and nothing else ("View all
// satisfactory remedy decisions"): short, and of linkLine's forms. A long
// line that starts like a link has text run into it.
func isLink(line string) bool {
	return len(line) <= 60 && linkLine.MatchString(line)
}

// hasMarker reports whether a line starts with a list marker ('-', '•' …).
func hasMarker(line string) bool {
	return strings.TrimSpace(line[:bulletLen(line)]) != ""
}

// startsLower reports whether s starts with a lower-case ASCII letter.
func startsLower(s string) bool {
	for _, r := range s {
		return r >= 'a' && r <= 'z'
	}
	return false
}
