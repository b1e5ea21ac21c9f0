package htmltext

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestRenderRules checks each rule by which HTML becomes lines of text.
func TestRenderRules(t *testing.T) {
	cases := []struct {
		name, html, want string
	}{
		{"blocks are lines", `<div>one</div><div>two</div><section>three</section><article>four</article>`, "one\ntwo\nthree\nfour\n"},
		{"paragraphs stand apart", `<p>one</p><p>two</p>`, "one\n\ntwo\n"},
		{"headings stand apart", `<h1>Title</h1>text<h2>Part</h2><div>more</div>`, "Title\n\ntext\n\nPart\n\nmore\n"},
		{"a paragraph after a line break leaves one blank line", `<div>a</div><p>b</p><div>c</div>`, "a\n\nb\n\nc\n"},
		{"white space between blocks is nothing", "<div>a</div>\n   \n<div>b</div>", "a\nb\n"},
		{"inline elements run together", `<p><a href="/x">View upheld decisions</a>Adjusted for <b>Kent</b> <i>County</i><span>Council</span></p>`, "View upheld decisionsAdjusted for Kent CountyCouncil\n"},
		{"inline text around a block", `<div>before <span>a</span><div>inside</div>after</div>`, "before a\ninside\nafter\n"},
		{"white space collapses", "<p>\n\t  Between  1 April\n2024   to\r\n31 March 2025  </p>", "Between 1 April 2024 to 31 March 2025\n"},
		{"no-break space is kept", `<p>£&nbsp;5 and 10&nbsp;per cent</p>`, "£\u00a05 and 10\u00a0per cent\n"},
		{"entities are decoded", `<p>Tom &amp; Jerry &pound;8,000 &lsquo;view all&rsquo; &ndash; &#8220;x&#x201D; &lt;b&gt;</p>`, "Tom & Jerry £8,000 ‘view all’ – “x” <b>\n"},
		{"br ends a line", `<p>one<br>two<br/>three</p>`, "one\ntwo\nthree\n"},
		{"two br leave a blank line", `<p>one<br><br>two</p>`, "one\n\ntwo\n"},
		{"many br leave one blank line", `<p>one<br><br><br><br>two</p>`, "one\n\ntwo\n"},
		{"br at the end of a block adds nothing", `<div>one<br></div><div>two</div>`, "one\ntwo\n"},
		{"unordered list", `<ul><li>one</li><li>two</li></ul>`, "• one\n• two\n"},
		{"ordered list", `<ol><li>one<li>two</ol>`, "1. one\n2. two\n"},
		{"ordered list start and value", `<ol start="3"><li>a<li value="7">b<li>c</ol>`, "3. a\n7. b\n8. c\n"},
		{"nested lists are indented", `<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>`, "• a\n  • b\n    1. c\n• d\n"},
		{"an item's later lines are indented to its text", `<ul><li><h3>Complaints upheld</h3><p>79% of complaints we investigated were upheld.</p><a href="#">View upheld decisions</a></li></ul>`, "• Complaints upheld\n\n  79% of complaints we investigated were upheld.\n\n  View upheld decisions\n"},
		{"an empty item shows no marker", `<ul><li></li><li> </li><li>a</li></ul>`, "• a\n"},
		{"an item outside a list", `<li>a</li>`, "• a\n"},
		{"a list after text", `<p>Intro:</p><ul><li>a</li></ul>`, "Intro:\n\n• a\n"},
		{"table cells are tab-separated", `<table><caption>Cap</caption><tr><th>Council</th><th>Upheld</th></tr><tr><td>Kent</td><td>84%</td></tr></table>`, "Cap\nCouncil\tUpheld\nKent\t84%\n"},
		{"empty cells add no tabs at the start", `<table><tr><td></td><td>a</td><td>b</td></tr></table>`, "a\tb\n"},
		{"a cell of blocks", `<table><tr><td><p>a</p><p>b</p></td><td>c</td></tr></table>`, "a\n\nb\n\nc\n"},
		{"definition lists", `<dl><dt>Category</dt><dd>Education</dd><dt>Date</dt><dd>1 May</dd></dl>`, "Category\nEducation\nDate\n1 May\n"},
		{"blockquote", `<p>He said:</p><blockquote>We are sorry.</blockquote><p>Then.</p>`, "He said:\n\nWe are sorry.\n\nThen.\n"},
		{"pre keeps white space", "<pre>  a  b\n    c\n\n\nd</pre><p>e</p>", "  a  b\n    c\n\nd\n\ne\n"},
		{"script, style, noscript, template, svg are dropped", `<p>a<script>x()</script><style>p{}</style><noscript><img src=x>z</noscript><template>t</template><svg><text>s</text></svg><math><mi>m</mi></math>b</p>`, "ab\n"},
		{"media and form controls are dropped", `<p>a<img alt="Concerned woman" src=x><iframe src=y></iframe><select><option>2023-24</option></select><input value=v><textarea>w</textarea>b</p>`, "ab\n"},
		{"hidden elements are dropped", `<p hidden>x</p><p style="color:red; display: none">y</p><p style="visibility:hidden">w</p><p>z</p>`, "z\n"},
		{"hidden until found is shown", `<p hidden="until-found">x</p>`, "x\n"},
		{"closed details are kept", `<details><summary>More about this data</summary><p>Not for us – …</p></details>`, "More about this data\n\nNot for us – …\n"},
		{"buttons run inline", `<h2>Annual statistics <button>?</button><span class="tip">Find out more about annual statistics</span></h2>`, "Annual statistics ?Find out more about annual statistics\n"},
		{"invisible characters are dropped", "<p>Coun&shy;cil&#8203;s\u2060 &#1;x</p>", "Councils x\n"},
		{"hr is a line", `a<hr>b`, "a\nb\n"},
		{"comments are nothing", `<p>a<!-- b -->c</p>`, "ac\n"},
		{"nothing", ``, ""},
		{"only white space", "<div>  \n </div>", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<!doctype html><body>" + c.html))
			if err != nil {
				t.Fatal(err)
			}
			if got := render(doc); got != c.want {
				t.Errorf("render(%q)\n got %q\nwant %q", c.html, got, c.want)
			}
		})
	}
}

// TestRenderDeep checks that a page nested as deeply as the parser allows
// (512 open elements) renders.
func TestRenderDeep(t *testing.T) {
	const depth = 250
	src := strings.Repeat("<div><span>", depth) + "deep" + strings.Repeat("</span></div>", depth)
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := render(doc); got != "deep\n" {
		t.Errorf("render = %q", got)
	}
}
