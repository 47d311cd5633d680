-- wrk: GET the paths of $PATHS in turn (each thread from its own offset), with the API token of $TOKEN
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local token = os.getenv("TOKEN")
local counter = 0
local i = 0

function setup(thread)
  counter = counter + 1
  thread:set("start", counter * 997)
end

function init(args)
  i = start or 0
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Authorization"] = "Bearer " .. token })
end
