exercise { title = "T", duration = "1h", tick = "1m", seed = 7 }
team { id = "al", name = "Albania" }
team { id = "xk", name = "Kosovo" }
inject { id = "A", at = "0:01", to = "all", from = "x", channel = "email", subject = "s", body = "b",
  decision = { prompt = "p", options = {"one", "two"}, deadline = "5m", default = "1" },
  on_decision = function(team, option, timeout) score(team, 1, option or "none") fire("B", team) end }
inject { id = "B", to = {"al", "xk"}, from = "y", channel = "phone", subject = "s2", body = "b2" }
state.n = 0
on("tick", function(t) state.n = state.n + 1 if t > 600 then endex("done") end end)
on("decision", function(team, inject, option, timeout) send { to = team, from = "z", subject = inject, body = tostring(option) } end)
on("end", function(reason) log("end", reason) end)
when(function() return state.n > 3 end, function() phase("later") broadcast = nil end)
after("2m", function() score("al", -5, "late") end)
every("3m", function() log("every", now()) end)
