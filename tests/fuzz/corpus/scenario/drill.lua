-- A small exercise for the network tests: two teams, a decision with a deadline, a manual inject.
exercise {
  title = "Ushtrim — Tirana e-services drill",
  start = "2024-11-12 09:00",
  duration = "2h",
  tick = "1m",
  speed = 60,
  seed = 7,
}

team { id = "al", name = "AKCESK (Shqipëri)" }
team { id = "xk", name = "KOS-CERT (Kosovë)" }

objective { id = "O1", text = "Share indicators with the neighbours early" }

inject {
  id = "I-01", at = "0:10", to = {"al"},
  from = "Ministria e Financave", channel = "email",
  subject = "Shpërblesë në portalin e-Albania",
  body = [[Portali është jashtë funksionit. Çfarë bëni?]],
  decision = {
    prompt = "What do you do first?",
    options = { {"isolate", "Take the portal offline"}, {"share", "Alert the regional CSIRTs"} },
    deadline = "30m", default = "isolate",
  },
  expect = { option = "share", within = "1h", objective = "O1" },
}

inject {
  id = "I-02", to = "all", manual = true,
  from = "BalkanWire", channel = "phone",
  subject = "A journalist is calling",
  body = "A journalist asks for a comment on the outage.",
}

inject {
  id = "I-03", at = "0:05", to = {"xk"},
  from = "KOS-CERT duty officer", channel = "chat",
  subject = "Heads-up from Tirana",
  body = "Nothing to decide yet.",
}

state.shares = 0
on("share", function(from, to, text) state.shares = state.shares + 1 end)
