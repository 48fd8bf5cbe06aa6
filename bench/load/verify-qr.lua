-- wrk script for POST /api/v1/verify/qr: each request checks a random line of the codes file the load script writes
-- (`certguard qr-sample`: genuine signed CG1 texts of registry certificates), so the registry sees many numbers.
local bodies = {}

function init(args)
  local file = assert(io.open(args[1] or "codes.txt", "r"))
  for line in file:lines() do
    if #line > 0 then bodies[#bodies + 1] = '{"text":"' .. line .. '"}' end
  end
  file:close()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  return wrk.format("POST", "/api/v1/verify/qr",
    { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }, bodies[math.random(#bodies)])
end

function done(summary, latency, requests)
  io.write(string.format("non-2xx responses: %d\n", summary.errors.status))
end
