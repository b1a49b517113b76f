-- A scenario whose course depends on math.random: used to test that seeds matter.
exercise { title = "Random drill", duration = "2h", tick = "1m", seed = 7 }
team { id = "a", name = "Team A" }
team { id = "b", name = "Team B" }

inject {
  id = "I-1", at = "0:05", to = "all", subject = "Something odd", body = "Logs show it.",
  decision = { prompt = "Act?", options = { {"yes", "Act"}, {"no", "Wait"} }, deadline = "20m", default = "no" },
}

every("10m", function()
  local t = math.random(1, 2) == 1 and "a" or "b"
  score(t, math.random(1, 10), "luck of the draw")
end)
