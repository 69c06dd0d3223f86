-- wrk script of .ci/checks/60-fleet.sh: POST /predict with a unique X-Request-ID per request
-- (<prefix>-<thread>-<n>), each connection at most one request per DELAY ms. Every 2xx is written as
-- "<request id> <model_version>" to OUT/ok-<thread> and every other answer to OUT/bad-<thread>, so the check can
-- match them with the database's rows. Once the file OUT/stop exists, connections send GET /health/live instead
-- (no prediction), so no prediction is in flight when wrk is interrupted and every one sent is counted.
--   wrk -t2 -c64 -d600s -s fleet-load.lua URL -- PREFIX OUT DELAY
local threads, counter = {}, 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  prefix, out, pause = args[1], args[2], tonumber(args[3] or "20")
  ok_file = io.open(out .. "/ok-" .. tid, "w")
  bad_file = io.open(out .. "/bad-" .. tid, "w")
  ok_file:setvbuf("line")
  bad_file:setvbuf("line")
  stopping, checked = false, 0
  body = '{"age":35,"income":50000,"category":"A"}'
end

function delay() return pause end

function request()
  checked = checked + 1
  if not stopping and checked % 20 == 0 then
    local f = io.open(out .. "/stop", "r")
    if f then f:close(); stopping = true end
  end
  if stopping then return wrk.format("GET", "/health/live") end
  counter = counter + 1
  return wrk.format("POST", "/predict", {["Content-Type"] = "application/json",
    ["X-Request-ID"] = prefix .. "-" .. tid .. "-" .. counter}, body)
end

function response(status, headers, body)
  local id = headers["X-Request-ID"] or headers["x-request-id"] or ""
  if id:sub(1, #prefix + 1) ~= prefix .. "-" then
    if status ~= 200 then bad_file:write("health ", status, "\n") end
    return
  end
  if status >= 200 and status < 300 then
    ok_file:write(id, " ", body:match('"model_version":"([^"]*)"') or "?", "\n")
  else
    bad_file:write(id, " ", status, "\n")
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("wrk: %d responses in %.1f s; socket errors connect %d read %d write %d timeout %d\n",
    summary.requests, summary.duration / 1e6, e.connect, e.read, e.write, e.timeout))
end
