-- GET pages in turn from the file BENCH_PATHS (one path with its query string a line), each wrk
-- thread starting at its own offset, with the session cookie. See common.lua.
dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")

local paths
local i

function init(args)
  paths = bench.lines(os.getenv("BENCH_PATHS"))
  i = (thread_id or 0) * 7919 % #paths
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], bench.headers())
end
