package pdftext

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf16"

	"github.com/klippa-app/go-pdfium"
	pdfiumerrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/structs"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// memoryLimit is the most memory one PDFium instance may use: 512 MiB, in
// WebAssembly pages of 64 KiB.
const memoryLimit = 8192

// engine is the PDFium pool, started the first time a PDF is read.
var engine struct {
	sync.Mutex
	pool pdfium.Pool
	err  error
}

// pool returns the PDFium pool, starting it if need be. Each document gets
// an instance of its own, so that nothing one PDF does to PDFium's memory
// reaches the next; at most GOMAXPROCS (up to 4) run at once.
func pool() (pdfium.Pool, error) {
	engine.Lock()
	defer engine.Unlock()
	if engine.pool != nil || engine.err != nil {
		return engine.pool, engine.err
	}
	rc := wazero.NewRuntimeConfigCompiler().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithCloseOnContextDone(true).
		WithMemoryLimitPages(memoryLimit)
	if cache := compilationCache(); cache != nil {
		rc = rc.WithCompilationCache(cache)
	}
	n := min(runtime.GOMAXPROCS(0), 4)
	engine.pool, engine.err = webassembly.Init(webassembly.Config{
		MinIdle:       0,
		MaxIdle:       n,
		MaxTotal:      n,
		FSConfig:      wazero.NewFSConfig(), // no file system: PDFium reads from memory
		RuntimeConfig: rc,
		Stdout:        io.Discard,
		Stderr:        io.Discard,
	})
	if engine.err != nil {
		engine.err = fmt.Errorf("starting the PDF reader (PDFium in WebAssembly): %w", engine.err)
	}
	return engine.pool, engine.err
}

// compilationCache keeps PDFium's compiled code in the user's cache
// directory (~/.cache/ombudsgraph/wazero on Linux), so that only the first
// process to read a PDF spends seconds compiling it. Without a cache
// directory, each process compiles it once.
func compilationCache() wazero.CompilationCache {
	dir, err := os.UserCacheDir()
	if err != nil {
		return nil
	}
	dir = filepath.Join(dir, "ombudsgraph", "wazero")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil
	}
	cache, err := wazero.NewCompilationCacheWithDir(dir)
	if err != nil {
		return nil
	}
	return cache
}

// page is what PDFium finds on a page.
type page struct {
	glyphs []glyph
	// chars counts the characters that are not white space, and unmapped
	// those of them whose font does not say which letter they are.
	chars, unmapped int
}

// readPages reads every page's characters, with PDFium, within ctx.
func readPages(ctx context.Context, data []byte) ([]page, error) {
	p, err := pool()
	if err != nil {
		return nil, err
	}
	inst, err := p.GetInstanceWithContext(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, timedOut(ctx)
		}
		return nil, fmt.Errorf("starting the PDF reader: %w", err)
	}
	var killed atomic.Bool
	stop := context.AfterFunc(ctx, func() {
		killed.Store(true)
		inst.Kill() // interrupts PDFium mid-call
	})
	defer func() {
		if stop() {
			inst.Close()
		}
	}()
	pages, err := func() (pages []page, err error) {
		defer func() {
			if r := recover(); r != nil && !killed.Load() {
				panic(r)
			} else if r != nil {
				err = errors.New("killed")
			}
		}()
		return readDocument(inst, data)
	}()
	if killed.Load() {
		return nil, timedOut(ctx)
	}
	return pages, err
}

func timedOut(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return errorf(ErrDamaged, "reading it did not finish within the time limit")
	}
	return ctx.Err()
}

// readDocument opens a PDF in an instance of PDFium and reads its pages.
func readDocument(inst pdfium.Pdfium, data []byte) ([]page, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	switch {
	case errors.Is(err, pdfiumerrors.ErrPassword):
		return nil, errorf(ErrEncrypted, "it opens only with a password; save a copy without one and load that")
	case errors.Is(err, pdfiumerrors.ErrSecurity):
		return nil, errorf(ErrEncrypted, "it is encrypted in a way the PDF reader does not support (%v)", err)
	case err != nil:
		return nil, errorf(ErrDamaged, "PDFium cannot read it (%v)", err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		return nil, errorf(ErrDamaged, "PDFium cannot count its pages (%v)", err)
	}
	if count.PageCount <= 0 {
		return nil, errorf(ErrDamaged, "it has no pages")
	}
	pages := make([]page, count.PageCount)
	for i := range pages {
		pg, err := readPage(inst, doc.Document, i)
		if err != nil {
			return nil, errorf(ErrDamaged, "page %d of %d cannot be read (%v)", i+1, count.PageCount, err)
		}
		pages[i] = pg
	}
	return pages, nil
}

// readPage reads the characters of page i (from 0), each with its position
// turned so that its line runs left to right.
func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, i int) (page, error) {
	var pg page
	lp, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: i})
	if err != nil {
		return pg, err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &lp.Page}})
	if err != nil {
		return pg, err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	n, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return pg, err
	}
	cr := charReader{inst: inst, page: tp.TextPage, count: n.Count}
	for c := 0; c < n.Count; c++ {
		if err := cr.read(&pg, c); err != nil {
			return pg, err
		}
	}
	return pg, nil
}

// charReader reads the characters of one page's text with PDFium.
type charReader struct {
	inst  pdfium.Pdfium
	page  references.FPDF_TEXTPAGE
	count int // the characters PDFium counts on the page
}

// read adds character c to pg: its glyph, unless it is a space or line
// break PDFium inferred, runs at a slant or is not drawn; and its count
// among the page's characters, and its unmapped ones.
func (cr charReader) read(pg *page, c int) error {
	r, ok, err := cr.char(c)
	if err != nil || !ok {
		return err
	}
	a, err := cr.angle(c)
	if err != nil {
		return err
	}
	q, ok := quadrant(a)
	if !ok {
		return nil
	}
	o, err := cr.inst.FPDFText_GetCharOrigin(&requests.FPDFText_GetCharOrigin{TextPage: cr.page, Index: c})
	if err != nil {
		return err
	}
	box, err := cr.inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: cr.page, Index: c})
	if err != nil {
		return err
	}
	switch {
	case r == 0x02:
		r = '-' // PDFium's mark for a hyphen that ends a line
	case !unicode.IsSpace(r) && (unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF):
		pg.chars++
		pg.unmapped++ // a glyph with no letter
		return nil
	}
	g, ok := placed(r, q, a, o.X, o.Y, box.Rect)
	if !ok {
		return nil // no size: not drawn
	}
	if !unicode.IsSpace(r) && r != 0 {
		pg.chars++
		um, err := cr.inst.FPDFText_HasUnicodeMapError(&requests.FPDFText_HasUnicodeMapError{TextPage: cr.page, Index: c})
		if err != nil {
			return err
		}
		if um.HasUnicodeMapError || r == unicode.ReplacementChar {
			pg.unmapped++
		}
	}
	pg.glyphs = append(pg.glyphs, g)
	return nil
}

// char returns the letter of character c, or false for a space or line
// break PDFium inferred, and for half of a character outside the Basic
// Multilingual Plane that has no other half.
func (cr charReader) char(c int) (rune, bool, error) {
	gen, err := cr.inst.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: cr.page, Index: c})
	if err != nil {
		return 0, false, err
	}
	if gen.IsGenerated {
		return 0, false, nil // a space or line break PDFium inferred; gaps are measured here
	}
	u, err := cr.inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: cr.page, Index: c})
	if err != nil {
		return 0, false, err
	}
	r := rune(u.Unicode)
	if utf16.IsSurrogate(r) {
		// A character outside the Basic Multilingual Plane comes as
		// two; a lone half is not text.
		if r >= 0xDC00 || c+1 == cr.count {
			return 0, false, nil
		}
		lo, err := cr.inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: cr.page, Index: c + 1})
		if err != nil {
			return 0, false, err
		}
		if r = utf16.DecodeRune(r, rune(lo.Unicode)); r == unicode.ReplacementChar {
			return 0, false, nil
		}
	}
	return r, true, nil
}

// angle returns the angle character c runs at, in radians anticlockwise
// from level.
func (cr charReader) angle(c int) (float64, error) {
	angle, err := cr.inst.FPDFText_GetCharAngle(&requests.FPDFText_GetCharAngle{TextPage: cr.page, Index: c})
	if err != nil {
		return 0, err
	}
	// PDFium measures the angle clockwise; here it is anticlockwise,
	// as the page's y axis goes up.
	a := 0.0
	if ca := float64(angle.CharAngle); ca > 0 && ca < 2*math.Pi {
		a = 2*math.Pi - ca
	}
	return a, nil
}

// placed returns the glyph of r, running in quadrant q at angle a from its
// origin (x, y) within box, turned so that its line runs left to right; or
// false when it has no size, and so is not drawn.
func placed(r rune, q int, a, x, y float64, box structs.FPDF_FS_RECTF) (glyph, bool) {
	g := glyph{r: r, q: q}
	g.x, g.y = turn(a, x, y)
	g.right, g.em = math.Inf(-1), 0
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, corner := range [4][2]float32{{box.Left, box.Bottom}, {box.Right, box.Bottom}, {box.Left, box.Top}, {box.Right, box.Top}} {
		x, y := turn(a, float64(corner[0]), float64(corner[1]))
		g.right = max(g.right, x)
		lo, hi = min(lo, y), max(hi, y)
	}
	g.em = hi - lo
	if g.em <= 0 || math.IsNaN(g.em) || math.IsInf(g.em, 0) || math.IsNaN(g.x) || math.IsNaN(g.y) {
		return g, false
	}
	g.right = max(g.right, g.x)
	return g, true
}

// quadrant says which way a character runs, from its angle in radians
// (anticlockwise from level): 0 level, 1 upwards, 2 upside down, 3
// downwards. Text at a slant is not read.
func quadrant(angle float64) (int, bool) {
	q := math.Round(angle / (math.Pi / 2))
	if math.Abs(angle-q*math.Pi/2) > angleTolerance {
		return 0, false
	}
	return int(q) % 4, true
}

// turn turns a point of the page by -angle, so that text drawn at that
// angle runs left to right, with its lines going down the page as y falls.
// A line on a page scanned a little askew comes out level.
func turn(angle, x, y float64) (float64, float64) {
	sin, cos := math.Sincos(angle)
	return x*cos + y*sin, y*cos - x*sin
}

// angleTolerance is how far from level, or from a right angle, text may
// run and still be read: text at a slant is a watermark or a stamp
// ("COPY" across the page), never the letter.
const angleTolerance = 10 * math.Pi / 180
