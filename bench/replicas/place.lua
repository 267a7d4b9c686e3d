-- wrk: one order placement per request, each with its own Idempotency-Key (a new order every time).
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  token = args[1]
end

request = function()
  counter = counter + 1
  local headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), id, counter),
  }
  return wrk.format("POST", "/partner/v2/orders", headers, '{ "items": [ { "productId": 3, "quantity": 1 } ] }')
end
