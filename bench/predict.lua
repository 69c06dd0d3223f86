-- A copy of ../shared/reference/fastapi/predict.lua (the FastAPI reference's wrk script), used by bench/run.sh when
-- the reference is not checked out next to this repository; when it is, run.sh uses the reference's own copy.
-- wrk script: POST valid /predict JSON bodies, rotating over a fixed set of 100 varied inputs.
-- Env (read in every wrk Lua state):
--   BENCH_URL, BENCH_CONNS, BENCH_THREADS, BENCH_SECS  echoed into the JSON summary line
--   WRK_COUNT_STATUS=1  count non-2xx exactly with a response() hook (costs wrk CPU);
--                       default: non2xx = wrk's status error counter (status >= 400)

local N = 100
local cats = { "A", "B", "C", "D" }
local bodies = {}
-- deterministic, varied, all valid: age 0..120, income >= 0 (incl. 0 and large), all categories
local seed = 12345
local function lcg()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed
end
for i = 1, N do
  local age
  if i == 1 then age = 0 elseif i == 2 then age = 120 else age = lcg() % 121 end
  local income
  if i == 3 then income = "0"
  elseif i == 4 then income = "0.0"
  elseif i % 10 == 0 then income = string.format("%d", lcg() % 1000000)          -- integer-valued
  elseif i % 17 == 0 then income = string.format("%.2f", (lcg() % 100000) * 37.5) -- large
  else income = string.format("%.2f", (lcg() % 15000000) / 100.0) end              -- 0 .. 150k
  local cat = cats[(i % 4) + 1]
  bodies[i] = string.format('{"age": %d, "income": %s, "category": "%s"}', age, income, cat)
end

local reqs = {}
local idx = 0
local count_status = os.getenv("WRK_COUNT_STATUS") == "1"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
  for i = 1, N do
    reqs[i] = wrk.format("POST", nil, headers, bodies[i])
  end
  idx = math.random(0, N - 1)  -- threads start at different offsets
  non2xx = 0
end

function request()
  idx = (idx % N) + 1
  return reqs[idx]
end

if count_status then
  function response(status, headers, body)
    if status < 200 or status > 299 then non2xx = non2xx + 1 end
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local non2xx_total = 0
  if count_status then
    for _, t in ipairs(threads) do non2xx_total = non2xx_total + (t:get("non2xx") or 0) end
  else
    non2xx_total = e.status
  end
  local secs = summary.duration / 1e6
  local function ms(p) return latency:percentile(p) / 1000.0 end
  io.write(string.format(
    'BENCHJSON {"url":"%s","conns":%s,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,' ..
    '"non2xx":%d,"errors":%d,"requests":%d,"secs":%.2f,"threads":%s,"mean_ms":%.3f,"max_ms":%.3f,' ..
    '"err_connect":%d,"err_read":%d,"err_write":%d,"err_timeout":%d,"host_idle_pct_before":%s}\n',
    os.getenv("BENCH_URL") or "", os.getenv("BENCH_CONNS") or "null",
    summary.requests / secs, ms(50), ms(90), ms(99),
    non2xx_total, e.connect + e.read + e.write + e.timeout, summary.requests, secs,
    os.getenv("BENCH_THREADS") or "null", latency.mean / 1000.0, latency.max / 1000.0,
    e.connect, e.read, e.write, e.timeout, os.getenv("BENCH_IDLE_BEFORE") or "null"))
end
