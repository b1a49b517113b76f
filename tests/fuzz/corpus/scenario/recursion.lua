exercise { title = "T", duration = "1h", tick = "1m", seed = 7 }
team { id = "al", name = "Albania" }
team { id = "xk", name = "Kosovo" }
local function f() return 1 + f() end
at("1m", function() return f() end)
at("2m", function() log("caught", pcall(f)) end)
on("start", function() setmetatable({}, {__index = function(t, k) return t[k] end}).x = 1 end)
