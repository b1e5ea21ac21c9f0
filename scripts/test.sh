#!/usr/bin/env bash
# The whole test of ombudsgraph: everything CI runs, in the order it runs it.
# Run it from anywhere in a checkout that has ../shared beside it:
#
#   scripts/test.sh
#
# It installs what it needs (Go modules), builds, checks that generated code
# and formatting are current, runs go vet and every Go test with the race
# detector, runs each parser's fuzz target briefly, then starts the server on
# a free loopback port and runs the acceptance suite against it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${OMBUDSGRAPH_SHARED:-$root/../shared}
fuzztime=${FUZZTIME:-5s}
step() { printf '\n== %s\n' "$*"; }

step "Go modules"
go mod download
go mod verify

step "Generated code matches schema/*.graphqls (gqlgen)"
go tool gqlgen generate
if [ -n "$(git status --porcelain -- internal/api gqlgen.yml schema)" ]; then
  git status --short -- internal/api
  echo "gqlgen's output differs from the committed code: run 'go tool gqlgen generate' and commit the result" >&2
  exit 1
fi

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then
  echo "not gofmt-ed:" >&2; echo "$unformatted" >&2; exit 1
fi

step "go vet"
go vet ./...

step "build"
mkdir -p bin
go build -o bin/ombudsgraph ./cmd/ombudsgraph

step "go test -race"
go test -race -count=1 ./...

step "fuzz each parser for $fuzztime"
for target in FuzzParse FuzzParsePage FuzzParseLetter FuzzParseArticle; do
  go test ./loader -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime"
done

step "acceptance suite against 'ombudsgraph serve'"
if [ ! -f "$shared/acceptance/check.py" ]; then
  echo "no acceptance suite at $shared/acceptance: put ../shared beside the checkout, or set OMBUDSGRAPH_SHARED" >&2
  exit 1
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
bin/ombudsgraph serve --addr "127.0.0.1:$port" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/readyz', timeout=1)" 2>/dev/null; then break; fi
  if ! kill -0 $pid 2>/dev/null; then cat "$log" >&2; echo "the server exited" >&2; exit 1; fi
  sleep 0.1
done
python3 "$shared/acceptance/check.py" "http://127.0.0.1:$port/query"
kill -TERM $pid
wait $pid || { echo "the server did not exit cleanly on SIGTERM" >&2; cat "$log" >&2; exit 1; }
trap - EXIT
echo
echo "all checks passed"
