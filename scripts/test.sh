#!/usr/bin/env bash
# The whole test of ombudsgraph: everything CI runs, in the order it runs it.
# Run it from anywhere in a checkout that has ../shared beside it:
#
#   scripts/test.sh
#
# It installs what it needs: Go modules, npm packages (Neo4j's Cypher linter,
# graphql-http, esbuild, GraphiQL, Cytoscape.js, playwright-core), Debian's
# docker-compose (to validate docker-compose.yml), xmllint and Chromium, and
# Neo4j 5.26 Community from Maven Central (scripts/neo4j), embedded in a small
# Java launcher and started on loopback. Then it builds, checks generated code and
# formatting, rebuilds the web pages and checks them against what is
# committed, runs go vet and every Go test with the race detector (the Neo4j
# suite over Bolt against that Neo4j; GraphML exports against the official
# schema with xmllint), fuzzes each parser briefly, and runs the acceptance
# suite, the GraphQL over HTTP audits and the browser tests (Debian's
# Chromium, driven by playwright-core) against the server twice: embedded,
# and hydrated from Neo4j.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
shared=${OMBUDSGRAPH_SHARED:-$root/../shared}
step() { printf '\n== %s\n' "$*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pids=()
scratch=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "${scratch[@]}"
}
trap cleanup EXIT

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

step "go vet and staticcheck"
go vet ./...
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

step "build"
mkdir -p bin
go build -o bin/ombudsgraph ./cmd/ombudsgraph

step "Cypher linter, GraphQL over HTTP audits, web pages and browser tests (npm)"
(cd scripts/cypher-lint && npm ci --no-audit --no-fund --loglevel=error)
(cd scripts/conformance && npm ci --no-audit --no-fund --loglevel=error)
(cd web && npm ci --no-audit --no-fund --loglevel=error)

step "web/dist matches web/src (rebuilt with esbuild; the build is committed so that 'go run' works without npm)"
(cd web && npm run --silent build)
if [ -n "$(git status --porcelain -- web/dist)" ]; then
  git status --short -- web/dist
  echo "web/dist differs from a fresh build of web/src: run 'cd web && npm ci && npm run build' and commit web/dist" >&2
  exit 1
fi

step "Debian packages: docker-compose, xmllint (libxml2-utils), networkx, Chromium, Java 17 and Maven"
missing=()
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless) # for Neo4j (scripts/neo4j)
command -v mvn >/dev/null || missing+=(maven)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
/usr/bin/python3 -c 'import networkx' 2>/dev/null || missing+=(python3-networkx)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core) # text in the screenshots
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

step "docker-compose.yml is valid (Debian docker-compose; no Docker engine here to run it)"
NEO4J_PASSWORD=check docker-compose -f docker-compose.yml config -q

step "Neo4j $(sed -n 's|.*<neo4j.version>\(.*\)</neo4j.version>.*|\1|p' scripts/neo4j/pom.xml) Community, embedded, on loopback (scripts/neo4j)"
# One instance for the whole run, with a random password. The launcher is
# built with Maven (Neo4j's jars cached in ~/.m2), then started on a port the
# system picks; it prints `ready bolt://127.0.0.1:PORT` once it answers a
# query over Bolt with that password.
NEO4J_BUILD_ONLY=1 scripts/neo4j/run.sh
neo4j_password=test-$(python3 -c 'import secrets; print(secrets.token_hex(12))')
neo4j_out=$(mktemp); neo4j_log=$(mktemp)
scratch+=("$neo4j_out" "$neo4j_log")
NEO4J_PASSWORD=$neo4j_password scripts/neo4j/run.sh >"$neo4j_out" 2>"$neo4j_log" &
neo4j_pid=$!; pids+=($neo4j_pid)
neo4j_ready=
for _ in $(seq 1 900); do # 180 s
  neo4j_ready=$(sed -n 's/^ready //p' "$neo4j_out")
  [ -n "$neo4j_ready" ] && break
  if ! kill -0 $neo4j_pid 2>/dev/null; then break; fi
  sleep 0.2
done
if [ -z "$neo4j_ready" ]; then
  cat "$neo4j_log" >&2; echo "Neo4j did not start" >&2; exit 1
fi
export NEO4J_URI=$neo4j_ready NEO4J_DATABASE=neo4j NEO4J_USERNAME=neo4j NEO4J_PASSWORD=$neo4j_password
echo "NEO4J_URI=$NEO4J_URI NEO4J_DATABASE=$NEO4J_DATABASE NEO4J_USERNAME=$NEO4J_USERNAME"
# The authentication tests use the same instance.
export OMBUDSGRAPH_TEST_AUTH_URI=$NEO4J_URI OMBUDSGRAPH_TEST_AUTH_USER=neo4j OMBUDSGRAPH_TEST_AUTH_PASSWORD=$neo4j_password

step "go test -race"
# The Neo4j suites share one database, so their packages run one at a time.
OMBUDSGRAPH_REQUIRE_LINT=1 OMBUDSGRAPH_REQUIRE_XMLLINT=1 OMBUDSGRAPH_REQUIRE_NETWORKX=1 go test -race -count=1 $(go list ./... | grep -v -e /internal/neo4jstore -e /cmd/ombudsgraph)
OMBUDSGRAPH_REQUIRE_LINT=1 OMBUDSGRAPH_REQUIRE_NEO4J=1 go test -race -count=1 -p 1 ./internal/neo4jstore ./cmd/ombudsgraph

step "fuzz each parser (about 5 s each)"
# Each target runs for a number of executions, about 5 s of its rate here,
# not for a duration: Go 1.26's fuzzing coordinator can fail a run that ends
# on a duration with a bare "context deadline exceeded" and no crasher when
# a worker is mid-input at the deadline (go.dev/issue/75804, fixed in Go
# 1.27). A count has no deadline to race. FUZZTIME, when set, applies to
# every target instead (say FUZZTIME=60s for longer fuzzing by hand).
for target in ./loader:FuzzParse:1000x ./loader:FuzzParsePage:20000x ./loader:FuzzParseLetter:1000x ./loader:FuzzParseArticle:500x \
  ./loader:FuzzTermMatcher:40000x ./loader:FuzzPercentUnits:20000x ./internal/htmltext:FuzzConvert:12000x ./internal/pdftext:FuzzConvert:300x \
  ./internal/fetch:FuzzRobotsAndLinks:40000x; do
  IFS=: read -r pkg fn budget <<<"$target"
  go test "$pkg" -run '^$' -fuzz "^$fn\$" -fuzztime "${FUZZTIME:-$budget}"
done

if [ ! -f "$shared/acceptance/check.py" ]; then
  echo "no acceptance suite at $shared/acceptance: put ../shared beside the checkout, or set OMBUDSGRAPH_SHARED" >&2
  exit 1
fi

# acceptance NAME ARGS...: serves with ARGS, runs the acceptance suite, stops
# the server with SIGTERM and checks it exits cleanly.
acceptance() {
  local name=$1; shift
  local port log pid
  port=$(free_port); log=$(mktemp)
  scratch+=("$log")
  bin/ombudsgraph serve --addr "127.0.0.1:$port" "$@" >"$log" 2>&1 &
  pid=$!; pids+=($pid)
  for _ in $(seq 1 150); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/readyz', timeout=1)" 2>/dev/null; then break; fi
    if ! kill -0 $pid 2>/dev/null; then cat "$log" >&2; echo "the $name server exited" >&2; exit 1; fi
    sleep 0.2
  done
  echo "$name:"
  python3 "$shared/acceptance/check.py" "http://127.0.0.1:$port/query"
  node scripts/conformance/audit.mjs "http://127.0.0.1:$port/query"
  echo "browser tests ($name), screenshots in web/test/artifacts/$name:"
  (cd web && BASE_URL="http://127.0.0.1:$port/" ARTIFACTS="test/artifacts/$name" npm test --silent)
  kill -TERM $pid
  wait $pid || { echo "the $name server did not exit cleanly on SIGTERM" >&2; cat "$log" >&2; exit 1; }
}

step "acceptance suite against 'ombudsgraph serve' (embedded)"
NEO4J_URI= acceptance embedded

step "acceptance suite against 'ombudsgraph serve --neo4j-uri' (hydrated from Neo4j)"
bin/ombudsgraph load --prune
acceptance neo4j --neo4j-uri "$NEO4J_URI"

echo
echo "all checks passed"
