package htmltext_test

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/internal/htmltext"
)

// TestNotHTML checks that what is not HTML is told apart, with its own kind
// and error, so that the caller can read it another way.
func TestNotHTML(t *testing.T) {
	cases := []struct{ name, doc string }{
		{"empty", ""},
		{"white space", " \n\t"},
		{"plain text", "Kent County Council\nComplaint overview\n"},
		{"text that mentions a tag", "Use <p> for paragraphs.\n<p>not the start</p>"},
		{"markdown after a comment", "<!-- badges -->\n# Ombudsgraph\n\nSome *text*.\n"},
		{"an unclosed comment", "<!-- html"},
		{"JSON", `{"html": "<p>x</p>"}`},
		{"XML that is not XHTML", `<?xml version="1.0"?><rss><channel/></rss>`},
		{"a tag that only starts like one", "<abbr>x</abbr>"},
		{"PDF", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"},
		{"binary", "<html>\x00\x01\x02"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, kind, err := htmltext.Convert([]byte(c.doc))
			if kind != htmltext.NotHTML || !errors.Is(err, htmltext.ErrNotHTML) || text != "" {
				t.Errorf("Convert = %q, %v, %v; want NotHTML and ErrNotHTML", text, kind, err)
			}
			if htmltext.IsHTML([]byte(c.doc)) {
				t.Errorf("IsHTML = true")
			}
		})
	}
	_, _, err := htmltext.Convert([]byte("Kent County Council\n"))
	if want := `not HTML: it starts with "Kent County Council", not a doctype or an HTML element`; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}

// TestIsHTML checks the ways a saved page or a fragment of one starts.
func TestIsHTML(t *testing.T) {
	cases := []struct{ name, doc string }{
		{"doctype", "<!DOCTYPE html><html><body><p>x</p></body></html>"},
		{"lower-case doctype after white space", "\n\n  <!doctype html>\n<p>x"},
		{"byte order mark", "\ufeff<!DOCTYPE html><p>x"},
		{"saved from url comment", "<!DOCTYPE html>\n<!-- saved from url=(0022)https://example.com/ -->\n<html><p>x"},
		{"comment first", "<!-- saved from url=(0022)https://example.com/ -->\n<html><p>x"},
		{"html element", "<HTML lang=en><BODY>x"},
		{"XHTML", `<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>`},
		{"a fragment", "<p>Kent County Council paid £500.</p>"},
		{"a div fragment", "<div class=x>y</div>"},
		{"UTF-16 with a byte order mark", utf16le("<!DOCTYPE html><p>Kent</p>")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !htmltext.IsHTML([]byte(c.doc)) {
				t.Errorf("IsHTML = false")
			}
			if _, kind, err := htmltext.Convert([]byte(c.doc)); kind == htmltext.NotHTML || errors.Is(err, htmltext.ErrNotHTML) {
				t.Errorf("Convert: kind %v, error %v", kind, err)
			}
		})
	}
}

// utf16le encodes s as UTF-16, little-endian, with a byte order mark.
func utf16le(s string) string {
	b := []byte{0xff, 0xfe}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

// TestNoMainContent checks that a page with nothing but furniture is an
// error that says so, of its kind.
func TestNoMainContent(t *testing.T) {
	const lgoHead = `<!DOCTYPE html><html><head><link rel="canonical" href="https://www.lgo.org.uk/your-councils-performance/kent-county-council/statistics"></head>`
	cases := []struct {
		name, doc string
		kind      htmltext.Kind
	}{
		{"an Ombudsman page of furniture only", lgoHead + `<body><a href="#main">Skip to main content</a><header><nav><a href="/decisions">Decisions</a></nav></header><main id="main"><nav class="breadcrumb"><a href="/">Home</a></nav></main><footer><p>© LGSCO</p></footer><div class="cookie-panel"><p>Review your privacy settings</p></div></body></html>`, htmltext.OmbudsmanPage},
		{"an Ombudsman page with an empty body", lgoHead + `<body></body></html>`, htmltext.OmbudsmanPage},
		{"an empty page", `<!DOCTYPE html><html><head><title></title></head><body></body></html>`, htmltext.Article},
		{"a page of scripts", `<!DOCTYPE html><html><body><script>document.write("Kent County Council")</script><noscript>Turn on JavaScript</noscript></body></html>`, htmltext.Article},
		{"a page nested deeper than the parser allows", "<!DOCTYPE html><body>" + strings.Repeat("<div>", 600) + "Kent", htmltext.Article},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, kind, err := htmltext.Convert([]byte(c.doc))
			if !errors.Is(err, htmltext.ErrNoMainContent) || errors.Is(err, htmltext.ErrNotHTML) {
				t.Fatalf("Convert = %q, %v, %v; want ErrNoMainContent", text, kind, err)
			}
			if kind != c.kind {
				t.Errorf("kind = %v, want %v", kind, c.kind)
			}
			if !strings.HasPrefix(err.Error(), "no main content: ") {
				t.Errorf("error %q does not start with %q", err, "no main content: ")
			}
			t.Log(err)
		})
	}
}

// TestOmbudsmanSite checks how the Ombudsman's own pages are recognised: by
// what they say about themselves, never by a file name.
func TestOmbudsmanSite(t *testing.T) {
	const body = `<body><main><h1>Kent County Council</h1><p>Complaint overview</p></main></body></html>`
	links := func(hrefs ...string) string {
		var b strings.Builder
		for _, h := range hrefs {
			b.WriteString(`<a href="` + h + `">link</a> `)
		}
		return b.String()
	}
	cases := []struct {
		name, doc string
		want      htmltext.Kind
	}{
		{"canonical on the site", `<!DOCTYPE html><html><head><link rel="canonical" href="https://www.lgo.org.uk/your-councils-performance/kent-county-council/statistics"></head>` + body, htmltext.OmbudsmanPage},
		{"canonical without www", `<!DOCTYPE html><html><head><link rel="Canonical" href="https://lgo.org.uk/decisions/x"></head>` + body, htmltext.OmbudsmanPage},
		{"og:url", `<!DOCTYPE html><html><head><meta property="og:url" content="https://www.lgo.org.uk/your-councils-performance/kent-county-council/statistics"></head>` + body, htmltext.OmbudsmanPage},
		{"saved from url", "<!DOCTYPE html>\n<!-- saved from url=(0067)https://www.lgo.org.uk/your-councils-performance/kent-county-council -->\n<html><head></head>" + body, htmltext.OmbudsmanPage},
		{"base href", `<!DOCTYPE html><html><head><base href="https://www.lgo.org.uk/"></head>` + body, htmltext.OmbudsmanPage},
		{"og:site_name", `<!DOCTYPE html><html><head><meta property="og:site_name" content="Local Government and Social Care Ombudsman"></head>` + body, htmltext.OmbudsmanPage},
		{"the site's name ends the title", `<!DOCTYPE html><html><head><title>Kent County Council - Local Government and Social Care Ombudsman</title></head>` + body, htmltext.OmbudsmanPage},
		{"most links to the site, some to performance pages", `<!DOCTYPE html><html><head></head><body>` + links("/your-councils-performance/kent-county-council/statistics", "/your-councils-performance/kent-county-council/serviceimprovements", "https://www.lgo.org.uk/decisions", "https://twitter.com/LGOmbudsman") + `<main><h1>Kent County Council</h1></main></body></html>`, htmltext.OmbudsmanPage},
		{"a news page that names the Ombudsman in its title", `<!DOCTYPE html><html><head><title>Council criticised by Local Government and Social Care Ombudsman - Kent Messenger</title></head><body><article><h1>Council criticised</h1><p>Kent County Council was criticised by the ombudsman, which upheld most complaints.</p></article></body></html>`, htmltext.Article},
		{"a news page that links to performance pages", `<!DOCTYPE html><html><head><link rel="canonical" href="https://www.kentnews.example/news/council"></head><body><article><h1>Council criticised</h1><p>Kent County Council was criticised. ` + links("https://www.lgo.org.uk/your-councils-performance/kent-county-council/statistics", "https://www.lgo.org.uk/your-councils-performance/medway-council/statistics") + `</p></article></body></html>`, htmltext.Article},
		{"a news page without a canonical address that links to performance pages", `<!DOCTYPE html><html><head><title>Council criticised - Kent News</title></head><body><nav>` + links("/news", "/sport", "/whats-on", "/property", "/jobs") + `</nav><article><h1>Council criticised</h1><p>Kent County Council was criticised by the ombudsman. ` + links("https://www.lgo.org.uk/your-councils-performance/kent-county-council/statistics", "https://www.lgo.org.uk/your-councils-performance/medway-council/statistics") + `</p></article></body></html>`, htmltext.Article},
		{"a file named like the site's page", `<!DOCTYPE html><html><head><title>lgo.org.uk your-councils-performance kent-county-council statistics</title></head><body><p>Kent County Council was criticised by the ombudsman, which upheld most complaints about it.</p></body></html>`, htmltext.Article},
		{"another site's canonical outweighs the name", `<!DOCTYPE html><html><head><link rel="canonical" href="https://www.example.com/lgo"><meta property="og:site_name" content="Local Government and Social Care Ombudsman"></head>` + body, htmltext.Article},
		{"a look-alike host", `<!DOCTYPE html><html><head><link rel="canonical" href="https://www.notlgo.org.uk/x"></head>` + body, htmltext.Article},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, kind, err := htmltext.Convert([]byte(c.doc))
			if err != nil {
				t.Fatal(err)
			}
			if kind != c.want {
				t.Errorf("kind = %v, want %v", kind, c.want)
			}
		})
	}
}

// TestOmbudsmanFurniture checks that an Ombudsman's page keeps its whole
// structure and loses only the site's furniture.
func TestOmbudsmanFurniture(t *testing.T) {
	doc := `<!DOCTYPE html><html><head><link rel="canonical" href="https://www.lgo.org.uk/your-councils-performance/kent-county-council/statistics"></head><body>
<a class="skip-link" href="#content">Skip to main content</a>
<div class="cookie-banner"><p>We use cookies.</p><button>Accept</button></div>
<header><a href="/">Local Government and Social Care Ombudsman</a><nav><ul><li><a href="/decisions">Decisions</a></li></ul></nav><form role="search"><label>Search</label></form></header>
<div id="content">
<nav class="breadcrumb"><a href="/">Home</a></nav>
<h1>Kent County Council</h1>
<section><header><h2>Reports</h2></header><p>The Ombudsman has published the following reports against Kent County Council</p><ul><li>First</li><li>Second</li></ul><p><a href="/x">View all</a></p><footer><p>Last updated: 4 April 2015</p></footer></section>
<p><a href="#top">Back to top</a></p>
</div>
<footer><p>© LGSCO</p></footer>
</body></html>`
	text, kind, err := htmltext.Convert([]byte(doc))
	if err != nil || kind != htmltext.OmbudsmanPage {
		t.Fatalf("Convert: %v, %v", kind, err)
	}
	want := "Kent County Council\n\nReports\n\nThe Ombudsman has published the following reports against Kent County Council\n\n• First\n• Second\n\nView all\n\nLast updated: 4 April 2015\n"
	if text != want {
		t.Errorf("text\n%s\nwant\n%s", text, want)
	}
}

// TestArticleHeadline checks that an article's headline is its first line,
// once, whichever way the page gives it.
func TestArticleHeadline(t *testing.T) {
	const story = `<p>Kent County Council has been told to pay £500 to a family after the Local Government and Social Care Ombudsman found it took too long to assess their son.</p><p>The ombudsman upheld 84 per cent of the complaints it investigated about the council in 2023/24.</p>`
	cases := []struct{ name, doc, want string }{
		{"h1 and a title with the site's name", `<!DOCTYPE html><html><head><title>Council to pay family £500 | Kent News</title></head><body><header><h1 class="logo">Kent News</h1></header><article><h1>Council to pay family £500</h1>` + story + `</article></body></html>`, "Council to pay family £500"},
		{"JSON-LD headline, no h1", `<!DOCTYPE html><html><head><title>Kent News</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council to pay family £500"}</script></head><body><article>` + story + `</article></body></html>`, "Council to pay family £500"},
		{"og:title", `<!DOCTYPE html><html><head><meta property="og:title" content="Council to pay family £500"></head><body><article>` + story + `</article></body></html>`, "Council to pay family £500"},
		{"the h1 is longer than the title", `<!DOCTYPE html><html><head><title>Council to pay family - Kent News</title></head><body><article><h1>Council to pay family £500 after delays</h1>` + story + `</article></body></html>`, "Council to pay family £500 after delays"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, kind, err := htmltext.Convert([]byte(c.doc))
			if err != nil || kind != htmltext.Article {
				t.Fatalf("Convert: %v, %v", kind, err)
			}
			lines := strings.Split(text, "\n")
			if lines[0] != c.want {
				t.Errorf("first line %q, want %q\n%s", lines[0], c.want, text)
			}
			if lines[1] != "" || !strings.HasPrefix(lines[2], "Kent County Council has been told") {
				t.Errorf("want the headline, a blank line and the story:\n%s", text)
			}
			if strings.Count(text, c.want+"\n") != 1 {
				t.Errorf("headline written more than once:\n%s", text)
			}
		})
	}
}

// TestEncodings checks that a page in another encoding is read as it
// declares, and that the text is always UTF-8.
func TestEncodings(t *testing.T) {
	cases := []struct{ name, doc string }{
		{"windows-1252 by meta charset", "<!DOCTYPE html><html><head><meta charset=\"windows-1252\"></head><body><p>Council paid \xa3500 \x96 \x93sorry\x94</p></body></html>"},
		{"latin-1 by http-equiv", "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>Council paid \xa3500 \x96 \x93sorry\x94</p></body></html>"},
		{"undeclared and not UTF-8", "<!DOCTYPE html><html><body><p>Council paid \xa3500 \x96 \x93sorry\x94</p></body></html>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, _, err := htmltext.Convert([]byte(c.doc))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(text, "Council paid £500 – “sorry”") {
				t.Errorf("text %q", text)
			}
		})
	}
	// Bytes that are not UTF-8 in a page that says it is become U+FFFD.
	text, _, err := htmltext.Convert([]byte("<!DOCTYPE html><meta charset=utf-8><p>Council paid \xa3500 to a family in Kent, the ombudsman said.</p>"))
	if err != nil || !utf8.ValidString(text) || !strings.Contains(text, "\ufffd500") {
		t.Errorf("Convert = %q, %v", text, err)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[htmltext.Kind]string{htmltext.NotHTML: "not HTML", htmltext.OmbudsmanPage: "Ombudsman page", htmltext.Article: "article", 7: "Kind(7)"} {
		if got := k.String(); got != want {
			t.Errorf("%d: %q, want %q", int(k), got, want)
		}
	}
}

// TestArticleFurniture checks that what readability keeps of a news site's
// furniture is dropped, and the story's own text, whatever its class names,
// is not.
func TestArticleFurniture(t *testing.T) {
	doc := `<!DOCTYPE html><html><head><title>Council to pay family £500 - Kent News</title></head><body>
<article class="story topic-social-care">
<h1>Council to pay family £500</h1>
<div class="article__byline">By Sam Green, Local Democracy Reporter</div>
<div class="share-tools"><a href="https://facebook.com/x">Facebook</a><a href="https://twitter.com/x">X</a></div>
<figure><img src="a.jpg" alt="County Hall"><figcaption>County Hall, where 40% of staff work <span>(Image: Kent News)</span></figcaption></figure>
<div class="story-body social-care">
<p>Kent County Council has been told to pay £500 to a family after the Local Government and Social Care Ombudsman found it took too long to assess their son, who has complex needs, for support at home.</p>
<p class="ad-label">Advertisement</p>
<p><strong>READ MORE:</strong> <a href="/news/other">Council spends £2,000 on new signs</a></p>
<p>The ombudsman upheld 84 per cent of the complaints it investigated about the council in 2023/24, against an average of 79 per cent for county councils across England.</p>
<figure class="table"><table><tr><th>Council</th><th>Upheld</th></tr><tr><td>Kent</td><td>84%</td></tr></table></figure>
<p>A council spokesperson said it accepted the findings and had apologised to the family, and that it was reviewing how long its assessments take.</p>
</div>
<h2>Related Topics</h2>
<ul><li><a href="/topics/kent">Kent County Council</a></li><li><a href="/topics/care">Social care</a></li></ul>
</article></body></html>`
	text, kind, err := htmltext.Convert([]byte(doc))
	if err != nil || kind != htmltext.Article {
		t.Fatalf("Convert: %v, %v", kind, err)
	}
	want := "Council to pay family £500\n\n" +
		"Kent County Council has been told to pay £500 to a family after the Local Government and Social Care Ombudsman found it took too long to assess their son, who has complex needs, for support at home.\n\n" +
		"The ombudsman upheld 84 per cent of the complaints it investigated about the council in 2023/24, against an average of 79 per cent for county councils across England.\n\n" +
		"Council\tUpheld\nKent\t84%\n\n" +
		"A council spokesperson said it accepted the findings and had apologised to the family, and that it was reviewing how long its assessments take.\n"
	if text != want {
		t.Errorf("text\n%s\nwant\n%s", text, want)
	}
}
