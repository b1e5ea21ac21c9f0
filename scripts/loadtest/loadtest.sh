#!/usr/bin/env bash
# Load test: a mixed query set (council overview, theme trace, search, a
# paged list) at 64 connections for 60 s, against the seed corpus and against
# a synthetic England-sized corpus, next to a bare net/http handler that
# answers with the same bytes (the ceiling). Loopback only; every run is
# bounded by DURATION and stops by itself.
#
#   scripts/loadtest/loadtest.sh                 # 60 s per run, 64 connections
#   DURATION=10s CONNECTIONS=16 scripts/loadtest/loadtest.sh
#
# It needs wrk (Debian's package; installed if missing) and prints a Markdown
# table for docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${DURATION:-60s}
connections=${CONNECTIONS:-64}
threads=2
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
go build -o "$work/ombudsgraph" ./cmd/ombudsgraph
go build -o "$work/bare" ./scripts/loadtest/bare

cp scripts/loadtest/queries.txt "$work/queries.json"

rss() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status"; }

# run NAME PID PORT: one wrk run against the server at PORT.
run() {
  local name=$1 pid=$2 port=$3 before after out
  # Warm up, so that "before" is the steady state and not the empty heap.
  wrk -t"$threads" -c"$connections" -d5s -s scripts/loadtest/mixed.lua "http://127.0.0.1:$port" -- "$work/queries.json" >/dev/null
  before=$(rss "$pid")
  out=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 5s -s scripts/loadtest/mixed.lua "http://127.0.0.1:$port" -- "$work/queries.json" | grep '^RESULT')
  after=$(rss "$pid")
  echo "| $name | $(echo "$out" | sed -E 's/RESULT requests=([0-9]+) duration_s=([0-9.]+) rps=([0-9]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) socket_errors=([0-9]+) non2xx=([0-9]+)/\3 | \4 | \5 | \6 + \7 | /')$before → $after MB |"
}

# serve NAME ARGS...: starts ombudsgraph, waits until ready, runs, stops it.
serve() {
  local name=$1; shift
  local port; port=$(free_port)
  "$work/ombudsgraph" serve --addr "127.0.0.1:$port" "$@" >"$work/$name.log" 2>&1 &
  local pid=$!; pids+=($pid)
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
    sleep 0.2
  done
  # Record the answers, for the bare handler, then warm up.
  python3 - "$port" "$work/queries.json" "$work/$name.answers.json" <<'P'
import json, sys, urllib.request
port, queries, out = sys.argv[1:]
answers = {}
for line in open(queries):
    line = line.strip()
    if not line: continue
    req = urllib.request.Request(f"http://127.0.0.1:{port}/query", data=line.encode(), headers={"Content-Type": "application/json"})
    answers[line] = urllib.request.urlopen(req).read().decode()
    assert '"errors"' not in answers[line], answers[line][:300]
json.dump(answers, open(out, "w"))
P
  run "ombudsgraph, $name" "$pid" "$port"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ "${CEILING:-1}" = 1 ] || return 0
  local bport; bport=$(free_port)
  "$work/bare" "127.0.0.1:$bport" "$work/$name.answers.json" >/dev/null 2>&1 &
  local bpid=$!; pids+=($bpid)
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$bport/healthz" >/dev/null && break; sleep 0.1; done
  run "bare net/http, same bytes ($name)" "$bpid" "$bport"
  kill "$bpid"; wait "$bpid" 2>/dev/null || true
}

echo "load test: $connections connections, $threads wrk threads, $duration per run, on $(nproc) cores"
echo
echo "| server | requests/s | p50 ms | p99 ms | errors (socket + non-2xx or GraphQL) | memory before → after |"
echo "|---|---|---|---|---|---|"
serve "seed corpus"
# The same without the response cache: every request runs its resolvers.
CEILING=0 serve "seed corpus, --response-cache 0" --response-cache 0
"$work/ombudsgraph" synth --out "$work/england" >/dev/null
GOGC=${GOGC:-100} serve "England-sized corpus" --no-seed --docs "$work/england"
GOGC=${GOGC:-100} CEILING=0 serve "England-sized corpus, --response-cache 0" --no-seed --docs "$work/england" --response-cache 0
