package fetch

import (
	"html"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// Link is a link on a page: its absolute URL, without fragment, and its text.
type Link struct {
	URL  string
	Text string
}

var (
	reComment = regexp.MustCompile(`(?s)<!--.*?-->`)
	reScript  = regexp.MustCompile(`(?is)<(script|style|template)\b[^>]*>.*?</(script|style|template)\s*>`)
	reBase    = regexp.MustCompile(`(?is)<base\b([^>]*)>`)
	reAnchor  = regexp.MustCompile(`(?is)<a\b([^>]*)>(.*?)</a\s*>`)
	reHref    = regexp.MustCompile(`(?is)(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)
	reTag     = regexp.MustCompile(`(?s)<[^>]*>`)
	reSpace   = regexp.MustCompile(`\s+`)

	// reLetterText is the text of a link to an annual letter that is not
	// named .pdf.
	reLetterText = regexp.MustCompile(`(?i)\b(annual\s+(review\s+)?letter|review\s+letter)s?\b`)
)

// Links returns the links of an HTML page in the order they appear, each
// once, resolved against the page's URL (or its <base href>). Links in
// comments and scripts, and links that are not http or https, are left out.
func Links(page []byte, pageURL *url.URL) []Link {
	s := reComment.ReplaceAllString(string(page), "")
	s = reScript.ReplaceAllString(s, "")
	base := pageURL
	if m := reBase.FindStringSubmatch(s); m != nil {
		if h, ok := href(m[1]); ok {
			if b, err := pageURL.Parse(h); err == nil {
				base = b
			}
		}
	}
	var out []Link
	seen := map[string]bool{}
	for _, m := range reAnchor.FindAllStringSubmatch(s, -1) {
		h, ok := href(m[1])
		if !ok {
			continue
		}
		u, err := base.Parse(h)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			continue
		}
		u.Fragment, u.RawFragment = "", ""
		abs := u.String()
		if seen[abs] {
			continue
		}
		seen[abs] = true
		text := html.UnescapeString(reTag.ReplaceAllString(m[2], " "))
		out = append(out, Link{URL: abs, Text: strings.TrimSpace(reSpace.ReplaceAllString(text, " "))})
	}
	return out
}

// href finds the href attribute among a tag's attributes.
func href(attrs string) (string, bool) {
	m := reHref.FindStringSubmatch(attrs)
	if m == nil {
		return "", false
	}
	h := strings.TrimSpace(html.UnescapeString(m[1] + m[2] + m[3]))
	if h == "" || strings.HasPrefix(h, "#") {
		return "", false
	}
	return h, true
}

// IsLetter says whether a link on a council's page is to one of its annual
// letters. With match, a link is when match matches its URL or its text;
// without, when its path ends in .pdf or its text says "annual letter",
// "annual review letter" or "review letter".
func IsLetter(l Link, match *regexp.Regexp) bool {
	if match != nil {
		return match.MatchString(l.URL) || match.MatchString(l.Text)
	}
	u, err := url.Parse(l.URL)
	if err != nil {
		return false
	}
	return strings.HasSuffix(strings.ToLower(u.Path), ".pdf") || reLetterText.MatchString(l.Text)
}

// letterFile names the file a letter is saved in: the last part of its
// URL's path, in letters, digits, '.', '_' and '-', ending in .pdf.
func letterFile(rawURL string) string {
	name := "letter"
	if u, err := url.Parse(rawURL); err == nil {
		base := path.Base(u.Path)
		if s, err := url.PathUnescape(base); err == nil {
			base = s
		}
		var b strings.Builder
		dash := false
		for _, r := range base {
			if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
				if dash {
					b.WriteByte('-')
					dash = false
				}
				b.WriteRune(r)
			} else {
				dash = b.Len() > 0
			}
		}
		// No hidden files (the loader skips them), no "." or "..".
		if s := strings.TrimLeft(b.String(), ".-_"); s != "" {
			name = s
		}
	}
	if len(name) > 120 {
		name = name[:120]
	}
	if strings.HasSuffix(strings.ToLower(name), ".pdf") {
		name = name[:len(name)-4]
	}
	return strings.TrimRight(name, ".-_") + ".pdf"
}
