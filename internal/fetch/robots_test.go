package fetch

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestRobots(t *testing.T) {
	for _, tc := range []struct {
		name, robots string
		allowed      []string
		disallowed   []string
	}{
		{"empty file", "", []string{"/", "/a"}, nil},
		{"the * group when none names us", "User-agent: *\nDisallow: /private\n\nUser-agent: otherbot\nDisallow: /\n",
			[]string{"/", "/public"}, []string{"/private", "/private/x", "/privateer"}},
		{"our group, in any case, and not the * group", "User-agent: *\nDisallow: /\n\nUser-agent: OmbudsGraph/2.0\nDisallow: /x/\n",
			[]string{"/", "/y"}, []string{"/x/1"}},
		{"groups naming us are merged", "User-agent: ombudsgraph\nDisallow: /a/\n\nUser-agent: other\nDisallow: /\n\nUser-agent: ombudsgraph\nDisallow: /b/\n",
			[]string{"/c"}, []string{"/a/1", "/b/1"}},
		{"consecutive user-agent lines share a group", "User-agent: other\nUser-agent: ombudsgraph\nDisallow: /a\n",
			nil, []string{"/a"}},
		{"a user-agent after rules starts a group", "User-agent: ombudsgraph\nDisallow: /a\nUser-agent: other\nDisallow: /b\n",
			[]string{"/b"}, []string{"/a"}},
		{"a prefix of our name is not us", "User-agent: ombudsgraphs\nDisallow: /\nUser-agent: ombuds\nDisallow: /\n",
			[]string{"/"}, nil},
		{"the longest match wins", "User-agent: *\nDisallow: /\nAllow: /your-councils-performance/\nDisallow: /your-councils-performance/x/\n",
			[]string{"/your-councils-performance/kent/statistics"}, []string{"/", "/other", "/your-councils-performance/x/statistics"}},
		{"allow wins a tie", "User-agent: *\nDisallow: /a\nAllow: /a\n", []string{"/a"}, nil},
		{"wildcards and end anchors", "User-agent: *\nDisallow: /*.pdf$\nDisallow: /*/draft\n",
			[]string{"/a.pdf?x=1", "/a.pdfs", "/draft"}, []string{"/a.pdf", "/x/y.pdf", "/x/draft/1"}},
		{"%-encodings compared in one form", "User-agent: *\nDisallow: /%7Euser/\nDisallow: /caf%c3%a9\nDisallow: /a%2fb\n",
			[]string{"/a/b"}, []string{"/~user/x", "/%7euser/x", "/caf%C3%A9", "/a%2Fb"}},
		{"comments, CRLF, empty rules and junk", "# hello\r\nUser-agent: * # all\r\nDisallow:\r\nnonsense\r\nDisallow: nope\r\nDisallow: /z # end\r\n",
			[]string{"/", "/nope"}, []string{"/z"}},
		{"rules before any user-agent are ignored", "Disallow: /\nUser-agent: *\nDisallow: /a\n", []string{"/"}, []string{"/a"}},
		{"robots.txt is always allowed", "User-agent: *\nDisallow: /\n", []string{"/robots.txt"}, []string{"/"}},
	} {
		r := ParseRobots([]byte(tc.robots), Agent)
		for _, p := range tc.allowed {
			if ok, why := r.Allowed(p); !ok {
				t.Errorf("%s: %s disallowed (%s)", tc.name, p, why)
			}
		}
		for _, p := range tc.disallowed {
			if ok, _ := r.Allowed(p); ok {
				t.Errorf("%s: %s allowed", tc.name, p)
			}
		}
	}
	if r := ParseRobots([]byte("User-agent: *\nCrawl-delay: 2.5\nUser-agent: ombudsgraph\nCrawl-delay: 4\n"), Agent); r.Delay != 4*time.Second {
		t.Errorf("Crawl-delay %s", r.Delay)
	}
	if ok, why := DisallowAll("unreachable").Allowed("/x"); ok || why != "unreachable" {
		t.Errorf("DisallowAll: %v %q", ok, why)
	}
}

func TestLinks(t *testing.T) {
	page := `<html><head><base href="https://www.lgo.org.uk/sub/"></head><body>
<a href="a.pdf">A</a>
<A HREF='/b.pdf' class=x>B <span>letter</span></A>
<a class="y" href=c.pdf>C &amp; D</a>
<a href="https://cdn.example.org/d.pdf#page=2">D</a>
<a href="a.pdf">A again</a>
<!-- <a href="hidden.pdf">hidden</a> -->
<script>var s = '<a href="script.pdf">x</a>';</script>
<a href="mailto:x@y.z">mail</a> <a href="#top">top</a> <a name="n">no href</a>
<a data-href="no.pdf" href="/e?x=1&amp;y=2">Annual Review Letter 2019</a>
</body></html>`
	base, _ := url.Parse("https://www.lgo.org.uk/your-councils-performance/kent/statistics")
	var got []string
	for _, l := range Links([]byte(page), base) {
		got = append(got, l.URL+" | "+l.Text)
	}
	want := []string{
		"https://www.lgo.org.uk/sub/a.pdf | A",
		"https://www.lgo.org.uk/b.pdf | B letter",
		"https://www.lgo.org.uk/sub/c.pdf | C & D",
		"https://cdn.example.org/d.pdf | D",
		"https://www.lgo.org.uk/e?x=1&y=2 | Annual Review Letter 2019",
	}
	if !slices.Equal(got, want) {
		t.Errorf("links:\n%q\nwant\n%q", got, want)
	}
	for _, tc := range []struct {
		link Link
		want bool
	}{
		{Link{URL: "https://x/a/B.PDF"}, true},
		{Link{URL: "https://x/doc?id=1", Text: "Annual review letter 2023"}, true},
		{Link{URL: "https://x/doc?id=1", Text: "Annual letters"}, true},
		{Link{URL: "https://x/news", Text: "Newsletter"}, false},
		{Link{URL: "https://x/a.pdf.html", Text: "report"}, false},
	} {
		if got := IsLetter(tc.link, nil); got != tc.want {
			t.Errorf("IsLetter(%+v) = %v", tc.link, got)
		}
	}
	re := regexp.MustCompile(`/letters/`)
	if IsLetter(Link{URL: "https://x/a.pdf"}, re) || !IsLetter(Link{URL: "https://x/letters/1"}, re) {
		t.Error("IsLetter with a pattern")
	}
	for in, want := range map[string]string{
		"https://x/assets/Kent%20County%20Council%202024.PDF": "Kent-County-Council-2024.pdf",
		"https://x/doc?id=1":               "doc.pdf",
		"https://x/":                       "letter.pdf",
		"https://x/..%2F..%2Fetc%2Fpasswd": "passwd.pdf",
		"https://x/.hidden.pdf":            "hidden.pdf",
		"https://x/caf%C3%A9.pdf":          "caf.pdf",
	} {
		if got := letterFile(in); got != want {
			t.Errorf("letterFile(%s) = %q, want %q", in, got, want)
		}
	}
}

// FuzzRobotsAndLinks: no robots.txt or page makes the parsers panic, and no
// link names a file outside its folder or hidden from the loader.
func FuzzRobotsAndLinks(f *testing.F) {
	f.Add("User-agent: *\nDisallow: /*.pdf$\nAllow: /a%2f\n", "/a/b.pdf", `<a href="../x/%2e%2e/.y.pdf">l</a>`)
	f.Add("User-agent: ombudsgraph\nCrawl-delay: 1e9\n", "/%zz", `<base href="//evil"><a href='/ä?x#y'>a`)
	base, _ := url.Parse("https://www.lgo.org.uk/your-councils-performance/x/statistics")
	f.Fuzz(func(t *testing.T, robots, path, page string) {
		ParseRobots([]byte(robots), Agent).Allowed(path)
		for _, l := range Links([]byte(page), base) {
			name := letterFile(l.URL)
			if name == "" || strings.HasPrefix(name, ".") || strings.ContainsAny(name, `/\`) || !strings.HasSuffix(name, ".pdf") {
				t.Errorf("letterFile(%q) = %q", l.URL, name)
			}
		}
	})
}
