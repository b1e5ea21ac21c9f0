package loader

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ombudsgraph/ombudsgraph/graph"
)

// Source is a document to load: its name and its bytes.
type Source struct {
	Name string
	Data []byte
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
// load. Council pages and letters are parsed before articles, so that an
// article can name any council the corpus knows.
func (l *Loader) Load(srcs []Source) ([]graph.Facts, error) {
	gaz := l.gaz.Clone()
	type doc struct {
		t    *text
		kind graph.DocKind
	}
	var docs []doc
	var errs []error
	for _, s := range srcs {
		t, err := readText(s.Name, bytes.NewReader(s.Data))
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

// ReadPaths reads the documents at the given paths: each file, and every file
// under each directory (hidden files and directories, whose names start with
// '.', are not documents). A document is named by its path as given.
func ReadPaths(paths []string) ([]Source, error) {
	var out []Source
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("documents: %w", err)
		}
		if !info.IsDir() {
			data, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("documents: %w", err)
			}
			out = append(out, Source{Name: filepath.ToSlash(filepath.Clean(p)), Data: data})
			continue
		}
		srcs, err := ReadFS(os.DirFS(p))
		if err != nil {
			return nil, fmt.Errorf("documents: %s: %w", p, err)
		}
		for _, s := range srcs {
			s.Name = filepath.ToSlash(filepath.Join(p, s.Name))
			out = append(out, s)
		}
	}
	return out, nil
}

func hidden(path string) bool {
	base := filepath.Base(path)
	return path != "." && strings.HasPrefix(base, ".")
}
