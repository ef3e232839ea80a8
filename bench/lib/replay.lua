-- Replays pre-signed requests (bench/lib/sign.py) in order, each exactly once, and counts every response that is
-- not 2xx. Every wrk thread has its own Lua state, so thread N reads its own file PREFIX.N.
-- Usage: wrk -t T -c C -d D -s replay.lua URL -- PREFIX METHOD
-- done() prints one line "RESULT {json}" for bench/run.

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("thread_number", counter)
   table.insert(threads, thread)
end

local requests = {}
local next_index = 1
local verify_pending = false
-- Globals read by done() through thread:get().
sent = 0
non2xx = 0
exhausted = 0
first_error = ""
statuses = {}

function init(args)
   verify_pending = thread_number == 1
   local prefix, method = args[1], args[2] or "POST"
   local file = assert(io.open(prefix .. "." .. thread_number, "rb"))
   local content = file:read("*a")
   file:close()
   local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
   for line in content:gmatch("[^\n]+") do
      if method == "GET" then
         requests[#requests + 1] = wrk.format("GET", "/?" .. line, {})
      else
         requests[#requests + 1] = wrk.format("POST", "/", form, line)
      end
   end
end

function request()
   local r = requests[next_index]
   if verify_pending then
      -- wrk calls request() once on the first thread to check the request's syntax before the run; that request
      -- is not sent, so it stays in the queue.
      verify_pending = false
      return r or wrk.format("GET", "/bench-pool-exhausted", {})
   end
   if r == nil then
      -- Out of pre-signed requests: never replay a nonce; send a request that fails and is counted.
      exhausted = exhausted + 1
      return wrk.format("GET", "/bench-pool-exhausted", {})
   end
   requests[next_index] = nil
   next_index = next_index + 1
   sent = sent + 1
   return r
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      local key = tostring(status)
      statuses[key] = (statuses[key] or 0) + 1
      if first_error == "" then
         first_error = key .. " " .. string.sub(body or "", 1, 400)
      end
   end
end

local function json_string(s)
   return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function done(summary, latency, requests)
   local total_non2xx, total_exhausted, total_sent, error_text = 0, 0, 0, ""
   local by_status = {}
   for _, thread in ipairs(threads) do
      total_non2xx = total_non2xx + thread:get("non2xx")
      total_exhausted = total_exhausted + thread:get("exhausted")
      total_sent = total_sent + thread:get("sent")
      if error_text == "" then error_text = thread:get("first_error") end
      for status, n in pairs(thread:get("statuses")) do
         by_status[#by_status + 1] = json_string(status) .. ":" .. n
      end
   end
   local e = summary.errors
   io.write(string.format(
      'RESULT {"requests":%d,"duration_us":%d,"rps":%.2f,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
      '"mean_us":%.1f,"non2xx":%d,"statuses":{%s},"exhausted":%d,"sent":%d,"socket_errors":%d,' ..
      '"timeouts":%d,"first_error":%s}\n',
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
      total_non2xx, table.concat(by_status, ","), total_exhausted, total_sent,
      e.connect + e.read + e.write, e.timeout, json_string(error_text)))
end
