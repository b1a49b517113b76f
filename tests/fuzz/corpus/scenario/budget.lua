exercise { title = "T", duration = "1h", tick = "1m", seed = 7 }
team { id = "al", name = "Albania" }
team { id = "xk", name = "Kosovo" }
at("1m", function() while true do end end)
at("2m", function() while true do pcall(function() while true do end end) end end)
at("3m", function() coroutine.wrap(function() while true do end end)() end)
at("4m", function() local co = coroutine.wrap(function() while true do coroutine.yield() end end) while true do co() end end)
at("5m", function() while true do xpcall(function() while true do end end, function() while true do end end) end end)
at("6m", function() log("alive", now()) end)
