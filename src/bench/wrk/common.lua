-- Shared by the wrk scripts of src/bench/run.sh (loaded with dofile). Settings come from the
-- environment, set by org.claimdesk.bench.HttpBench for each run:
--   BENCH_COOKIE   Cookie header of the signed-in session (empty for the public baselines)
--   BENCH_EXPECT   the status every response must have (200 for pages, 303 for the proposal)
--   BENCH_THREADS  wrk's -t, so each thread takes its own share of a list
-- Every response whose status differs from BENCH_EXPECT is counted as unexpected, and done()
-- prints one machine-readable BENCH line: requests, duration, latency percentiles (microseconds),
-- wrk's own error counts and the unexpected statuses (with the first few status codes seen).
bench = {}

function bench.lines(file)
  local list = {}
  for line in io.lines(file) do
    if line ~= "" then list[#list + 1] = line end
  end
  if #list == 0 then error("no lines in " .. file) end
  return list
end

bench.cookie = os.getenv("BENCH_COOKIE") or ""
bench.expect = tonumber(os.getenv("BENCH_EXPECT") or "200")
bench.threads = tonumber(os.getenv("BENCH_THREADS") or "1")

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

-- per-thread state (each wrk thread runs its own copy of the script)
unexpected = 0
first_statuses = ""

function bench.headers(extra)
  local h = {}
  if bench.cookie ~= "" then h["Cookie"] = bench.cookie end
  if extra then for k, v in pairs(extra) do h[k] = v end end
  return h
end

function response(status, headers, body)
  if status ~= bench.expect then
    unexpected = unexpected + 1
    if unexpected <= 3 then first_statuses = first_statuses .. status .. "," end
  end
end

function done(summary, latency, requests)
  local bad, statuses = 0, ""
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("unexpected") or 0)
    statuses = statuses .. (thread:get("first_statuses") or "")
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
    "status_errors=%d socket_errors=%d unexpected=%d first_unexpected=%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write + e.timeout,
    bad, statuses == "" and "-" or statuses))
end
