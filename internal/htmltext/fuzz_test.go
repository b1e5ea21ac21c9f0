package htmltext_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ombudsgraph/ombudsgraph/internal/htmltext"
)

// FuzzConvert checks that Convert never panics, that its text is UTF-8 with
// no NUL or other control character but tab and line feed, each line ended,
// and that every error is one of the two it documents, with the kind that
// goes with it.
func FuzzConvert(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join(fixtures, "*.html"))
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"",
		"plain text",
		"<p>a<br>b</p>",
		"<ul><li>a<ol start=-5><li value=x>b</ol></ul>",
		"<table><tr><td>a<td>b<tr><th>c</table>",
		"<pre>\x00a\r\n\tb</pre>",
		"<!doctype html><meta charset=utf-16><p>x",
		"<!doctype html><meta charset=shift_jis><p>\x82\xa0",
		"<p>&#0;&#x1;&#xD800;&#128;&nbsp;&shy;</p>",
		"<!-- saved from url=(0020)https://www.lgo.org.uk/ --><main></main>",
		"<html><head><link rel=canonical href=https://www.lgo.org.uk/x></head><body><main><h1>Kent County Council</h1></main>",
		`<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script><article><h1>x</h1><p>y</p></article>`,
		"\xff\xfe<\x00p\x00>\x00x\x00",
		"<svg><p>a</p></svg><math><p>b</p></math>",
		"<template><p>a</p></template><noscript><p>b</p></noscript>",
		"<details><summary>s</summary>t</details>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		text, kind, err := htmltext.Convert(data)
		if !utf8.ValidString(text) {
			t.Fatalf("text is not UTF-8: %q", text)
		}
		for _, r := range text {
			if r == 0 || r < 0x20 && r != '\t' && r != '\n' || r == 0x7f {
				t.Fatalf("text holds control character %U: %q", r, text)
			}
		}
		switch {
		case err == nil:
			if kind == htmltext.NotHTML {
				t.Fatalf("kind NotHTML with no error")
			}
			if text == "" || !strings.HasSuffix(text, "\n") {
				t.Fatalf("text %q is empty or does not end its last line", text)
			}
		case errors.Is(err, htmltext.ErrNotHTML):
			if kind != htmltext.NotHTML || text != "" {
				t.Fatalf("ErrNotHTML with kind %v and text %q", kind, text)
			}
			if htmltext.IsHTML(data) {
				t.Fatalf("ErrNotHTML, but IsHTML is true")
			}
		case errors.Is(err, htmltext.ErrNoMainContent):
			if kind == htmltext.NotHTML || text != "" {
				t.Fatalf("ErrNoMainContent with kind %v and text %q", kind, text)
			}
		default:
			t.Fatalf("error %v is neither ErrNotHTML nor ErrNoMainContent", err)
		}
	})
}
