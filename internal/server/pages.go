package server

import (
	"io/fs"
	"net/http"
)

// page serves one HTML page of pages. Pages are small and change with the
// binary, so browsers revalidate them every time.
func page(pages fs.FS, name string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, err := fs.ReadFile(pages, name)
		if err != nil {
			http.Error(w, "page missing from the build: "+name, http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:")
		w.Write(data)
	})
}

// assets serves the pages' scripts, styles and fonts from /assets/.
func assets(pages fs.FS) http.Handler {
	files := http.FileServerFS(pages)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
