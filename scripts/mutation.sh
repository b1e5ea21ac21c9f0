#!/usr/bin/env bash
# Mutation testing of ombudsgraph's core packages with gremlins, which makes
# small changes to the code (a < for a <=, a + for a -, a condition negated)
# and runs the package's tests against each: a change no test notices
# ("LIVED") marks a behaviour the tests do not pin down. It is not part of
# CI (it takes over an hour on two cores); docs/testing.md records the
# figures and what was done about the survivors.
#
#   scripts/mutation.sh                   # graph, loader, internal/api, internal/server
#   scripts/mutation.sh ./graph           # one package
#
# gremlins (github.com/go-gremlins/gremlins) is used because it is kept up,
# needs no change to the code or the tests, runs only the mutants some test
# covers, and reports efficacy (killed ÷ killed and lived) per run; the other
# Go tools either rewrite files in place (go-mutesting) or need a harness
# written into the tests (ooze).
set -euo pipefail
cd "$(dirname "$0")/.."
gremlins=(go run github.com/go-gremlins/gremlins/cmd/gremlins@v0.6.0)
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(./graph ./loader ./internal/api ./internal/server)
mkdir -p mutation
for p in "${pkgs[@]}"; do
  name=$(echo "${p#./}" | tr / _)
  echo "== $p"
  # The timeout (go test's -timeout, on the test run, not the build) is a
  # multiple of the tests' time with coverage (about 7 s for loader): ten
  # times it allows for a busy machine, and stops a mutant that loops (a
  # loop counter turned the wrong way) in about a minute rather than five.
  # --test-cpu is not used: gremlins v0.6.0 passes it to go test as one
  # argument ("-cpu 1"), which go test refuses, and every mutant then counts
  # as killed.
  "${gremlins[@]}" unleash --workers 2 --timeout-coefficient 10 -o "mutation/$name.json" "$p" | tee "mutation/$name.log" | tail -6
done
