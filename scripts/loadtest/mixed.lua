-- wrk script: a mixed set of GraphQL queries, taken in turn by each
-- connection. A response with GraphQL errors counts as an error, as does
-- any status but 200. The bodies are in queries.json beside this file, one
-- per line, which loadtest.sh writes.
local bodies = {}
errors = 0 -- per thread; done() adds them up
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then table.insert(bodies, line) end
  end
end

local i = 0
function request()
  i = i % #bodies + 1
  return wrk.format("POST", "/query", {["Content-Type"] = "application/json"}, bodies[i])
end

function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("errors")
  end
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.3f p99_ms=%.3f socket_errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    bad))
end
