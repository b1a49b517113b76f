-- The exercise the session fuzz target plays: three teams, decisions with and without a
-- deadline, a manual inject, and handlers that react to what the fuzzed sessions type.
exercise {
  title = "Fuzz drill — Ushtrim",
  start = "2024-11-12 09:00",
  duration = "3h",
  tick = "1m",
  speed = 60,
  seed = 7,
  facilitator_secret = "fac-secret",
  observer_secret = "obs-secret",
}

team { id = "al", name = "AKCESK (Shqipëri)", secret = "al-secret" }
team { id = "rs", name = "SRB-CERT", secret = "rs-secret" }
team { id = "me", secret = "me-secret" }

objective { id = "O1", text = "Share indicators early" }

inject {
  id = "I-01", at = "0:05", to = {"al", "rs"},
  from = "Ministria e Financave", channel = "email",
  subject = "Shpërblesë në portalin e-Albania",
  body = [[Portali është jashtë funksionit. Një mesazh kërkon 40 BTC. Çfarë bëni tani, dhe kë
njoftoni së pari? Ky është një tekst i gjatë që duhet të mbështillet në tetëdhjetë kolona.]],
  notes = "Expect isolation first.",
  decision = {
    prompt = "What do you do first?",
    options = { {"isolate", "Take the portal offline"}, {"share", "Alert the regional CSIRTs"} },
    deadline = "30m", default = "isolate",
  },
  expect = { option = "share", within = "1h", objective = "O1" },
  on_decision = function(team, option, timeout)
    score(team, option == "share" and 10 or 2, "I-01 " .. tostring(option))
  end,
}

inject {
  id = "I-02", to = "all", manual = true,
  from = "BalkanWire", channel = "phone",
  subject = "A journalist is calling",
  body = "A journalist asks for a comment.",
}

inject {
  id = "I-03", at = "0:02", to = "me",
  from = "Duty officer", channel = "chat",
  subject = "Warn the public?",
  body = "Decide when you are ready.",
  decision = { prompt = "Warn the public?", options = { "yes", "no", "later" } },
}

state.actions = 0
state.last = ""
on("action", function(team, text)
  state.actions = state.actions + 1
  state.last = text
  if text:find("escalate", 1, true) then fire("I-02", team) end
end)
on("share", function(from, to, text) log(from .. " shared with " .. tostring(to) .. ": " .. text) end)
on("rfi", function(team, text) send { to = team, from = "White cell", subject = "RFI", body = text } end)
on("join", function(team, name) log(name .. " joined " .. team) end)
when(function() return state.actions >= 3 end, function() phase("Move 2") end)
every("20m", function() log("tick " .. now()) end)
