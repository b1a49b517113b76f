--[[
time — exercise time in hours and minutes, and the in-world clock (docs/scenario-library.md).

  local time = require("time")
  local hm = time.hm                 -- hm(1, 30) is 5400: seconds in 1 hour 30 minutes
  local clock = time.clock("09:00") -- STARTEX is 09:00 in the world
  log("it is " .. clock())           -- "it is 10:30" at T+1:30
  clock(hm(2, 0))                    -- "11:00"
]]

local util = require("libutil")

local time = {}

-- Seconds in h hours, m minutes and s seconds (m and s may be left out).
function time.hm(h, m, s)
  for i, v in ipairs({ h, m or 0, s or 0 }) do
    if type(v) ~= "number" then
      util.fail(util.where(1), "time.hm",
        "argument " .. i .. " must be a number, not a " .. type(v))
    end
  end
  return h * 3600 + (m or 0) * 60 + (s or 0)
end

-- A function giving the in-world clock "HH:MM" at exercise time t (seconds, default now()) of
-- an exercise whose STARTEX is at start ("HH:MM") in the world.
function time.clock(start)
  local h, m
  if type(start) == "string" then
    h, m = start:match("^(%d%d?):(%d%d)$")
  end
  if h == nil or tonumber(h) > 23 or tonumber(m) > 59 then
    util.fail(util.where(1), "time.clock", "the start must be \"HH:MM\", such as \"09:00\"")
  end
  local base = tonumber(h) * 60 + tonumber(m)
  return function(t)
    local minutes = base + (t or now()) // 60
    return string.format("%02d:%02d", minutes // 60 % 24, minutes % 60)
  end
end

return time
