exercise { title = "T", duration = "1h", tick = "1m", seed = 7 }
team { id = "al", name = "Albania" }
team { id = "xk", name = "Kosovo" }
log(pcall(load, "return 1", "x", "b"))
log(pcall(load, "\27Lua\84\0\25\147"))
log(pcall(setmetatable, _G, nil))
log(pcall(setmetatable, {}, { __gc = function() end }))
log(pcall(collectgarbage, "stop"))
log(pcall(function() return io.open("/etc/passwd") end))
log(pcall(function() return os.execute("true") end))
log(pcall(function() return string.dump(print) end))
log(pcall(function() return nothing_here end))
log(pcall(math.randomseed))
log(string.format("%5.2f %q %s", 1.5, "a\0b", {}))
log(("x"):rep(10, ","), ("abc"):find("b.", 1), ("a,b,c"):gsub(",", ";"))
log(utf8 and utf8.char(235, 8364) or "no utf8", #state)
