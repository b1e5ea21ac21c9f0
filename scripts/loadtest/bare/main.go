// Command bare is the ceiling of the load test: a bare net/http handler that
// answers each query of the load test with the very bytes ombudsgraph
// answered it with, and does nothing else.
//
//	go run ./scripts/loadtest/bare ADDR ANSWERS.json
//
// ANSWERS.json maps each request body to its response body.
package main

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
	"os"
)

func main() {
	if len(os.Args) != 3 {
		log.Fatal("usage: bare ADDR ANSWERS.json")
	}
	data, err := os.ReadFile(os.Args[2])
	if err != nil {
		log.Fatal(err)
	}
	var answers map[string]string
	if err := json.Unmarshal(data, &answers); err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/query", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		a, ok := answers[string(body)]
		if !ok {
			http.Error(w, "unknown query", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, a)
	})
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	log.Fatal(http.ListenAndServe(os.Args[1], nil))
}
