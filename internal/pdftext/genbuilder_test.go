package pdftext_test

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"
)

// How a line's words are written into the page's content stream: each
// producer writes text its own way, and the reader must read them all.
type writeMode int

const (
	// whole writes a line as one string, spaces included (LibreOffice,
	// older Word).
	whole writeMode = iota
	// words writes every word at its own position, with no space
	// characters at all (Word's justified text).
	words
	// kerned writes a line as one TJ array, with kerning inside words and
	// the gaps between words as displacements, not spaces (pdfTeX,
	// InDesign).
	kerned
)

// A4 in points, and the margins of the letters.
const (
	pageW, pageH = 595.28, 841.89
	marginL      = 72.0
	marginR      = 72.0
	textW        = pageW - marginL - marginR
)

// builder lays a letter out, and keeps its twin: the lines as a reader
// reads them.
type builder struct {
	f       *fpdf.Fpdf
	mode    writeMode
	tr      func(string) string // to the font's encoding
	family  string
	style   string
	size    float64
	leading float64
	y       float64 // the baseline of the next line, from the top
	yShift  float64 // added to every y (a landscape page)
	twin    []string
	page    []string // this page's lines, in reading order
	footer  []string // this page's footer, read after the rest
	pages   int
}

func newBuilder(mode writeMode, utf8Font []byte) *builder {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pageW, Ht: pageH}})
	f.SetCatalogSort(true)
	t := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	f.SetCreationDate(t)
	f.SetModificationDate(t)
	f.SetProducer("ombudsgraph pdftext fixture generator", false)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(marginL, 72, marginR)
	b := &builder{f: f, mode: mode, family: "Helvetica", size: 11, leading: 14}
	if utf8Font != nil {
		f.AddUTF8FontFromBytes("DejaVu", "", utf8Font)
		b.family = "DejaVu"
		b.tr = func(s string) string { return s }
	} else {
		b.tr = f.UnicodeTranslatorFromDescriptor("") // cp1252: ’ and £
	}
	return b
}

func (b *builder) font(family, style string, size float64) {
	if b.family == "DejaVu" || family == "DejaVu" {
		family, style = "DejaVu", "" // one face is embedded
	}
	b.family, b.style, b.size = family, style, size
	b.f.SetFont(family, style, size)
}

func (b *builder) width(s string) float64 { return b.f.GetStringWidth(b.tr(s)) }

func (b *builder) newPage() {
	if b.pages > 0 {
		b.endPage()
	}
	b.f.AddPage()
	b.pages++
	b.y = 80
	b.font(b.family, b.style, b.size)
}

func (b *builder) endPage() {
	if len(b.twin) > 0 {
		b.twin = append(b.twin, "")
	}
	for len(b.page) > 0 && b.page[len(b.page)-1] == "" {
		b.page = b.page[:len(b.page)-1]
	}
	b.twin = append(b.twin, b.page...)
	b.twin = append(b.twin, b.footer...)
	b.page, b.footer = nil, nil
}

// put writes s with its left end at x on the baseline y, in the builder's
// mode, with extra points between words (a justified line).
func (b *builder) put(x, y float64, s string, extra float64) {
	y += b.yShift
	ws := strings.Fields(s)
	switch b.mode {
	case whole:
		if extra == 0 {
			b.f.Text(x, y, b.tr(s))
			return
		}
		fallthrough
	case words:
		sp := b.width(" ") + extra
		for _, w := range ws {
			b.f.Text(x, y, b.tr(w))
			x += b.width(w) + sp
		}
	case kerned:
		var sb strings.Builder
		fmt.Fprintf(&sb, "BT %.2f %.2f Td [", x, pageH-y)
		space := (b.width(" ") + extra) / b.size * 1000
		for i, w := range ws {
			if i > 0 {
				fmt.Fprintf(&sb, "%.0f", -space)
			}
			sb.WriteString(kern(b.tr(w)))
		}
		sb.WriteString("] TJ ET")
		b.f.RawWriteStr(sb.String())
	}
}

// kern writes a word as TJ strings, with the kerning between some pairs of
// letters that a typesetter would tighten.
func kern(w string) string {
	var sb strings.Builder
	sb.WriteByte('(')
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == '(' || c == ')' || c == '\\' {
			sb.WriteByte('\\')
		}
		sb.WriteByte(c)
		if i+1 < len(w) {
			switch w[i : i+2] {
			case "Te", "To", "Wa", "Yo", "Av", "ov", "ye", "r.", "y,", "Ad":
				sb.WriteString(")40(")
			}
		}
	}
	sb.WriteByte(')')
	return sb.String()
}

// line writes a line at the left margin and moves down.
func (b *builder) line(s string) {
	b.put(marginL, b.y, s, 0)
	b.page = append(b.page, s)
	b.y += b.leading
}

// right writes a line against the right margin and moves down.
func (b *builder) right(s string) {
	b.put(pageW-marginR-b.width(s), b.y, s, 0)
	b.page = append(b.page, s)
	b.y += b.leading
}

// gap leaves the space between paragraphs.
func (b *builder) gap() {
	b.y += b.leading * 0.8
	b.page = append(b.page, "")
}

// para writes a justified paragraph, wrapped at the text width and at any
// "\n", and leaves a gap after it.
func (b *builder) para(s string) {
	b.lines(s, true)
	b.gap()
}

func (b *builder) lines(s string, justify bool) {
	var lines []string
	for _, chunk := range strings.Split(s, "\n") {
		lines = append(lines, b.wrap(chunk, textW)...)
	}
	for i, l := range lines {
		extra := 0.0
		if n := len(strings.Fields(l)); justify && i < len(lines)-1 && n > 1 && !strings.HasSuffix(l, "-") {
			extra = (textW - b.width(l)) / float64(n-1)
		}
		b.put(marginL, b.y, l, extra)
		b.page = append(b.page, l)
		b.y += b.leading
	}
}

func (b *builder) wrap(s string, w float64) []string {
	var lines []string
	var cur string
	for _, word := range strings.Fields(s) {
		try := word
		if cur != "" {
			try = cur + " " + word
		}
		if cur != "" && b.width(try) > w {
			lines = append(lines, cur)
			cur = word
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// heading writes a bold heading.
func (b *builder) heading(s string) {
	style := b.style
	b.font(b.family, "B", b.size)
	b.line(s)
	b.font(b.family, style, b.size)
	b.y += 2
}

// row writes a table row, its cells at the column positions xs (points from
// the left edge); empty cells are left out. In the twin, three spaces part
// the cells.
func (b *builder) row(xs []float64, cells ...string) {
	var kept []string
	for i, c := range cells {
		if c == "" {
			continue
		}
		b.put(xs[i], b.y, c, 0)
		kept = append(kept, c)
	}
	b.page = append(b.page, strings.Join(kept, "   "))
	b.y += b.leading * 0.9
}

// spread writes two texts on one line, one against each margin.
func (b *builder) spread(left, right string, width float64) {
	b.put(marginL, b.y, left, 0)
	b.put(marginL+width-b.width(right), b.y, right, 0)
	b.page = append(b.page, left+"   "+right)
	b.y += b.leading
}

// footerAt writes footer lines at the foot of the page now, though a reader
// reads them after the rest of the page.
func (b *builder) footerAt(lines ...string) {
	y := pageH - 40 - float64(len(lines)-1)*10
	style, size := b.style, b.size
	b.font(b.family, "", 8)
	for _, l := range lines {
		b.put(pageW/2-b.width(l)/2, y, l, 0)
		y += 10
	}
	b.font(b.family, style, size)
	b.footer = append(b.footer, lines...)
}

// letterhead writes the Ombudsman's name stacked at the top right, its last
// line large.
func (b *builder) letterhead(lines ...string) {
	b.y = 60
	for i, l := range lines {
		if i == len(lines)-1 {
			b.font(b.family, "B", 16)
			b.y += 4
		} else {
			b.font(b.family, "B", 10)
		}
		b.right(l)
	}
	b.font(b.family, "", 11)
	b.y += 10
}

func (b *builder) fixture(name string) (fixture, error) {
	b.endPage()
	var out bytes.Buffer
	if err := b.f.Output(&out); err != nil {
		return fixture{}, err
	}
	return fixture{name, out.Bytes(), strings.Join(b.twin, "\n") + "\n"}, nil
}
