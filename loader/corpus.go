package loader

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
	"github.com/ombudsgraph/ombudsgraph/internal/pdftext"
)

// Source is a document to load: its name and its bytes.
type Source struct {
	Name string
	Data []byte
	// Origin says where the document was read from, such as the path of its
	// file, for messages that must tell two sources apart; "" when Name says
	// enough.
	Origin string
	// Err, when not nil, says why the document could not be read at all
	// (Data is then empty). Load reports it as the document's problem.
	Err error
}

// Loader parses documents into facts, resolving councils against the
// councils reference file and tagging items with the themes.
type Loader struct {
	gaz    *Gazetteer
	tagger *Tagger
	themes []graph.Theme
}

// New returns a Loader steered by a theme file and a councils reference file
// (both JSON; see [ParseThemes] and [ParseReference]).
func New(themes, councils []byte) (*Loader, error) {
	ts, err := ParseThemes(themes)
	if err != nil {
		return nil, err
	}
	ref, err := ParseReference(councils)
	if err != nil {
		return nil, err
	}
	return &Loader{gaz: NewGazetteer(ref), tagger: NewTagger(ts), themes: ts}, nil
}

// Themes returns the themes the loader tags with.
func (l *Loader) Themes() []graph.Theme { return l.themes }

// Load parses every source and returns the facts of those that parse. The
// error joins one *ParseError for each source that does not; the others still
// load. A source that could not be read (Err set), and a source with the same
// name as an earlier one, are reported the same way. Council pages and letters
// are parsed before articles, so that an article can name any council the
// corpus knows.
func (l *Loader) Load(srcs []Source) ([]graph.Facts, error) {
	gaz := l.gaz.Clone()
	type doc struct {
		t    *text
		kind graph.DocKind
	}
	var docs []doc
	var errs []error
	first := map[string]Source{}
	for _, s := range srcs {
		if had, ok := first[s.Name]; ok {
			errs = append(errs, &ParseError{Doc: s.Name, Msg: fmt.Sprintf(
				"two documents have this name: the one from %s is left out, and the one from %s is loaded; rename one of them", where(s), where(had))})
			continue
		}
		first[s.Name] = s
		if s.Err != nil {
			errs = append(errs, &ParseError{Doc: s.Name, Msg: s.Err.Error()})
			continue
		}
		t, err := readSource(s.Name, s.Data)
		if err == nil {
			var kind graph.DocKind
			if kind, err = detect(t); err == nil {
				docs = append(docs, doc{t, kind})
				continue
			}
		}
		errs = append(errs, err)
	}
	// Articles last: stable sort keeps the sources' order otherwise.
	slices.SortStableFunc(docs, func(a, b doc) int {
		return cmp.Compare(boolInt(a.kind == graph.NewsArticle), boolInt(b.kind == graph.NewsArticle))
	})
	var out []graph.Facts
	for _, d := range docs {
		f, err := parseKind(d.t, d.kind, gaz)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		l.tagger.Tag(&f)
		out = append(out, f)
	}
	return out, errors.Join(errs...)
}

// where names a source for a message.
func where(s Source) string {
	if s.Origin != "" {
		return s.Origin
	}
	return s.Name
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ReadFS reads every document in fsys, naming each by its path there.
func ReadFS(fsys fs.FS) ([]Source, error) {
	var out []Source
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if hidden(path) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		out = append(out, Source{Name: path, Data: data})
		return nil
	})
	return out, err
}

// ReadPaths reads the documents at the given paths (the --docs of the
// commands): each file, and every file under each directory. Hidden files and
// directories, whose names start with '.', are not documents.
//
// Documents are named without the server's paths: a document under a
// directory by its path relative to that directory, with '/' between parts
// ("pages/camden.txt" for ~/lgsco/pages/camden.txt under ~/lgsco); a file
// given itself by its base name. Two documents may so get one name, from two
// paths; [Loader.Load] then keeps the first and reports the second, naming
// both paths (each Source's Origin is the path it was read from).
//
// A file that cannot be read (a broken symbolic link, a file without read
// permission, a directory that cannot be listed, a file too large to be a
// document) costs only itself: it is returned as a Source with Err set, for
// Load to report as that document's problem, and the rest of its directory is
// read. A path given that does not exist, or cannot be looked at, is an error
// of its own, and then nothing is returned.
func ReadPaths(paths []string) ([]Source, error) {
	var out []Source
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
		if !info.IsDir() {
			out = append(out, readFile(p, filepath.Base(p), nil))
			continue
		}
		srcs, err := readDir(p)
		if err != nil {
			return nil, fmt.Errorf("documents: %s: %w", p, err)
		}
		out = append(out, srcs...)
	}
	return out, nil
}

// readDir reads every document under the directory root, naming each by its
// path relative to root. Only root itself failing is an error.
func readDir(root string) ([]Source, error) {
	// Walk the directory a link points at, if root is one, but name and
	// place documents under root as given.
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, err
	}
	var out []Source
	err = filepath.WalkDir(real, func(path string, d fs.DirEntry, err error) error {
		rel, rerr := filepath.Rel(real, path)
		if rerr != nil {
			return rerr
		}
		name := filepath.ToSlash(rel)
		if err != nil {
			if path == real {
				return err
			}
			// A directory that cannot be listed: its documents are unknown.
			out = append(out, Source{Name: name, Origin: filepath.Join(root, rel), Err: fmt.Errorf("cannot be read: %s", reason(err))})
			return nil
		}
		if path == real {
			return nil
		}
		if hidden(name) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		out = append(out, readFile(path, name, d))
		return nil
	})
	return out, err
}

// readFile reads the file at path as the document called name. A file that
// cannot be read is returned with Err set. d is the file's directory entry
// when a walk found it.
func readFile(path, name string, d fs.DirEntry) Source {
	src := Source{Name: name, Origin: path}
	fail := func(format string, args ...any) Source {
		src.Err = fmt.Errorf(format, args...)
		return src
	}
	link := d != nil && d.Type()&fs.ModeSymlink != 0
	info, err := os.Stat(path)
	switch {
	case err != nil && link && errors.Is(err, fs.ErrNotExist):
		return fail("a symbolic link to a file that does not exist")
	case err != nil:
		return fail("cannot be read: %s", reason(err))
	case info.IsDir():
		return fail("a symbolic link to a directory; links to directories are not followed")
	case !info.Mode().IsRegular():
		return fail("not a regular file (%s)", info.Mode().Type())
	case info.Size() > pdftext.MaxSize:
		return fail("document is larger than %d MiB", pdftext.MaxSize>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fail("cannot be read: %s", reason(err))
	}
	src.Data = data
	return src
}

// reason is an error without the path it is about, so that messages do not
// show the server's paths.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func hidden(path string) bool {
	base := filepath.Base(path)
	return path != "." && strings.HasPrefix(base, ".")
}
