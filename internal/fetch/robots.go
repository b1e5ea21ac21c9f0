package fetch

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// robotsMaxBytes is how much of a robots.txt is read: RFC 9309 asks crawlers
// to parse at least 500 KiB.
const robotsMaxBytes = 500 << 10

// Robots is what one site's robots.txt says to one crawler: the rules of the
// groups that name the crawler's product token, or else those of the '*'
// groups (RFC 9309, section 2.2.1), and the Crawl-delay they ask for.
//
// This is a small parser of its own rather than a dependency: RFC 9309's
// rules are short and exact (groups naming the same crawler merged, the
// longest matching rule wins and Allow wins a tie, '*' and '$', %-encoding
// compared in one form, 4xx means no rules and 5xx means keep out), and the
// Go libraries at hand predate the RFC, and differ from it on group
// selection and precedence.
type Robots struct {
	rules []robotsRule
	// Delay is the Crawl-delay the matched groups ask for (0 if none).
	// Crawl-delay is not in RFC 9309, but a good citizen honours it.
	Delay time.Duration
	// none is why everything is disallowed (the file could not be had),
	// or "" when the rules apply.
	none string
}

type robotsRule struct {
	allow   bool
	pattern string // normalized
	re      *regexp.Regexp
}

// AllowAll is the Robots of a site without a robots.txt (RFC 9309 2.3.1.3:
// a 4xx status means the crawler may access any resource).
func AllowAll() *Robots { return &Robots{} }

// DisallowAll is the Robots of a site whose robots.txt cannot be reached
// (RFC 9309 2.3.1.4: a 5xx status or a network error means the crawler must
// assume complete disallow); why says what happened.
func DisallowAll(why string) *Robots { return &Robots{none: why} }

// ParseRobots reads a robots.txt for the crawler whose product token is
// agent (such as "ombudsgraph"). It never fails: lines it cannot read are
// ignored, as RFC 9309 asks.
func ParseRobots(body []byte, agent string) *Robots {
	if len(body) > robotsMaxBytes {
		body = body[:robotsMaxBytes]
	}
	type group struct {
		agents  []string
		rules   []robotsRule
		delay   time.Duration
		members bool
	}
	var groups []*group
	var cur *group
	text := strings.ReplaceAll(strings.ReplaceAll(string(body), "\r\n", "\n"), "\r", "\n")
	text = strings.TrimPrefix(text, "\uFEFF")
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			// A user-agent line after a group's rules starts a new group;
			// consecutive user-agent lines share one.
			if cur == nil || cur.members {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, productToken(value))
		case "allow", "disallow":
			if cur == nil {
				continue
			}
			cur.members = true
			if value == "" || (value[0] != '/' && value[0] != '*') {
				continue // an empty rule matches nothing
			}
			cur.rules = append(cur.rules, newRule(key == "allow", value))
		case "crawl-delay":
			if cur == nil {
				continue
			}
			cur.members = true
			if s, err := strconv.ParseFloat(value, 64); err == nil && s > 0 && s < 24*3600 {
				cur.delay = max(cur.delay, time.Duration(s*float64(time.Second)))
			}
		}
	}
	pick := func(token string) *Robots {
		var r *Robots
		for _, g := range groups {
			for _, a := range g.agents {
				if strings.EqualFold(a, token) {
					if r == nil {
						r = &Robots{}
					}
					r.rules = append(r.rules, g.rules...)
					r.Delay = max(r.Delay, g.delay)
					break
				}
			}
		}
		return r
	}
	if r := pick(agent); r != nil {
		return r
	}
	if r := pick("*"); r != nil {
		return r
	}
	return AllowAll()
}

// productToken is the product token a user-agent line names: its leading
// letters, '_' and '-', or "*".
func productToken(v string) string {
	if strings.HasPrefix(v, "*") {
		return "*"
	}
	end := 0
	for end < len(v) {
		c := v[end]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '-') {
			break
		}
		end++
	}
	return v[:end]
}

func newRule(allow bool, pattern string) robotsRule {
	p := normalizePath(pattern)
	var re strings.Builder
	re.WriteString(`\A`)
	body, anchored := p, false
	if strings.HasSuffix(body, "$") {
		body, anchored = body[:len(body)-1], true
	}
	for i, part := range strings.Split(body, "*") {
		if i > 0 {
			re.WriteString(`.*`)
		}
		re.WriteString(regexp.QuoteMeta(part))
	}
	if anchored {
		re.WriteString(`\z`)
	}
	return robotsRule{allow: allow, pattern: p, re: regexp.MustCompile(re.String())}
}

// Allowed says whether the crawler may fetch pathQuery (the URL's escaped
// path and query, such as "/a/b?c=d"), and if not, which rule forbids it.
func (r *Robots) Allowed(pathQuery string) (bool, string) {
	if pathQuery == "" {
		pathQuery = "/"
	}
	if pathQuery == "/robots.txt" || strings.HasPrefix(pathQuery, "/robots.txt?") {
		return true, ""
	}
	if r.none != "" {
		return false, r.none
	}
	p := normalizePath(pathQuery)
	best, bestLen := (*robotsRule)(nil), -1
	for i := range r.rules {
		rule := &r.rules[i]
		if !rule.re.MatchString(p) {
			continue
		}
		if n := len(rule.pattern); n > bestLen || n == bestLen && rule.allow {
			best, bestLen = rule, n
		}
	}
	if best == nil || best.allow {
		return true, ""
	}
	return false, "Disallow: " + best.pattern
}

// normalizePath puts a path, or a rule's pattern, in the one form RFC 9309
// compares them in: %-escapes of unreserved characters decoded, other
// escapes in capitals, and bytes outside printable US-ASCII escaped.
func normalizePath(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			v := unhex(s[i+1])<<4 | unhex(s[i+2])
			if isUnreserved(v) {
				b.WriteByte(v)
			} else {
				fmt.Fprintf(&b, "%%%02X", v)
			}
			i += 2
			continue
		}
		if c <= ' ' || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func isUnreserved(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}
