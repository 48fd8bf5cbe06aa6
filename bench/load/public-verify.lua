-- wrk script for GET /api/v1/public/verify: each request takes a random line of the paths file the load script
-- writes (genuine number and name, a real number with a wrong name, an unknown number), so the database sees
-- many different numbers rather than one cached row.
local paths = {}

function init(args)
  local file = assert(io.open(args[1] or "paths.txt", "r"))
  for line in file:lines() do paths[#paths + 1] = line end
  file:close()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], { ["Accept"] = "application/json" })
end

local statuses = {}

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx responses: %d\n", summary.errors.status))
end
