exercise { title = "T", duration = "1h", tick = "1m", seed = 7 }
team { id = "al", name = "Albania" }
team { id = "xk", name = "Kosovo" }
at("1m", function() local s = string.rep("x", 1 << 30) end)
at("2m", function() local t, i = {}, 0 while true do i = i + 1 t[i] = string.rep("y", 1000) .. i end end)
at("3m", function() log("caught", pcall(string.rep, "x", 1 << 30)) end)
local big = {} for i = 1, 1000 do big[i] = -i end
at("4m", function() while true do table.sort(big) end end)
