-- Verdict proposals: every request is a valid new proposal for another claim, as alice's browser
-- posts the claim page's "Propose a verdict" form. The form's fields come from a fetched form:
--   BENCH_FORM  the fixed part of the body, URL-encoded (csrf-token, levelId, correctionNote)
--   BENCH_POOL  one claim a line: id <TAB> version <TAB> claimReviewed (URL-encoded)
-- Each wrk thread takes every BENCH_THREADS-th claim of the pool. A proposal raises the claim's
-- version by one, so after running through its share a thread proposes again with version + 1.
-- Anything but 303 (See Other, back to the claim page) is unexpected. See common.lua.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local pool = {}
local form
local i = 0
local round = 0
local sent = 0

-- A fresh idempotency key (a random UUID) for every proposal: the form's own key would make
-- every request after the first a replay of the first, answered 303 without a new verdict.
local function uuid()
  return string.gsub("xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx", "[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end)
end

function init(args)
  math.randomseed(os.time() * 1000 + (thread_id or 0))
  form = os.getenv("BENCH_FORM")
  local all = bench.lines(os.getenv("BENCH_POOL"))
  for n, line in ipairs(all) do
    if (n - 1) % bench.threads == (thread_id or 0) then
      local id, version, reviewed = line:match("^(%d+)\t(%d+)\t(.*)$")
      pool[#pool + 1] = { id = id, version = tonumber(version), reviewed = reviewed }
    end
  end
  if #pool == 0 then error("empty proposal pool for thread " .. tostring(thread_id)) end
end

function request()
  i = i + 1
  if i > #pool then
    i = 1
    round = round + 1
  end
  sent = sent + 1
  local claim = pool[i]
  local key = uuid()
  local body = form .. "&idempotency-key=" .. key .. "&claim=" .. claim.id .. "&claimVersion=" .. (claim.version + round)
      .. "&claimReviewed=" .. claim.reviewed
      .. "&ratingExplanation=Benchmark+proposal+" .. (thread_id or 0) .. "-" .. sent
      .. "%3A+the+cited+figures+and+the+primary+document+do+not+support+the+claim+as+worded."
  return wrk.format("POST", "/verdicts", bench.headers({
    ["Content-Type"] = "application/x-www-form-urlencoded" }), body)
end
