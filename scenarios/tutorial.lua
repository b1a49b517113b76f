--[[
Tutorial: invoice phishing at the port authority
================================================

A small scenario that shows every part of the scenario API. Read it from top to
bottom; docs/scenario-authoring.md builds it step by step.

  tabletop check scenarios/tutorial.lua        prints nothing when the file is fine
  tabletop simulate scenarios/tutorial.lua     bots play both teams, prints the timeline
  tabletop run scenarios/tutorial.lua          serve it to real teams

The story: a finance clerk at the port authority opens a fake invoice; the stolen
mailbox starts sending phishing to partners. The port's IT team must contain it;
the national CERT must notice that several agencies are hit and coordinate.
Everything here is fictional.
--]]

-- 1. The exercise. Declared once, at the top. Times are seconds or strings:
--    "90s", "15m", "2h", "1h30m", "1:30" (h:mm) or "1:30:00" (h:mm:ss).
exercise {
  title = "Tutorial: invoice phishing at the port authority",
  start = "2025-03-04 09:00", -- the in-world clock at STARTEX, shown to players
  duration = "2h",            -- ENDEX after two hours of exercise time
  tick = "1m",                -- the exercise clock moves one minute at a time
  speed = 1,                  -- real time; `tabletop run --speed 60` rehearses a minute a second
  seed = 42,                  -- math.random draws the same numbers on every run
}

-- 2. Teams. The id is what players type (`login port CODE`, `share cert ...`).
--    Without a secret, `tabletop run` prints a join code for each team.
team { id = "port", name = "Port Authority IT" }
team { id = "cert", name = "National CERT" }

-- 3. Objectives: what the exercise is meant to train. An inject's `expect` says
--    which answer serves which objective; the after-action report uses it.
objective { id = "O1", text = "Contain the compromised mailbox within 30 minutes" }
objective { id = "O2", text = "The national CERT learns of the incident within an hour" }

-- 4. The world state. `state` is a table you own; facilitators see it with the
--    `state` command. Only plain values (numbers, strings, booleans, tables) show.
state.contained = false     -- has the port locked the mailbox?
state.warned = false        -- has the national CERT been told?
state.infected = 1          -- mailboxes the phishing has taken over

-- 5. on(event, fn) runs fn every time something happens. "start" is STARTEX.
on("start", function()
  phase("Move 1: detection")
end)

-- 6. Injects. `at` is an offset from STARTEX; `to` is a team id, a list of ids or
--    "all". `notes` are for facilitators only: teams never see them.
inject {
  id = "P-01", at = "0:05", to = "port",
  from = "Finance department", channel = "phone",
  subject = "A strange invoice",
  body = [[
Hi, it's Mira from accounts payable. I opened an invoice from our usual fuel
supplier, but the PDF asked me to log in to "Office 365" again. I did. Since
then my Outbox is full of e-mails I never wrote. Is that normal?]],
  notes = "Let the team ask questions. The login page was a credential harvester.",
}

-- A decision: teams answer with `decide P-02 lock`. When the deadline passes
-- without an answer, the default is recorded for them (with "timeout").
inject {
  id = "P-02", at = "0:15", to = "port",
  from = "Mail gateway", channel = "alert",
  subject = "Mailbox m.hoxha sends 400 messages a minute",
  body = "Outbound rate limit exceeded for m.hoxha@port.example. Recipients: 1,200 partners.",
  decision = {
    prompt = "What do you do first?",
    options = {
      { "lock", "Lock the mailbox and reset the password" },
      { "watch", "Keep watching to learn what the attacker wants" },
    },
    deadline = "15m",   -- counted from when the inject reaches the team
    default = "watch",  -- recorded if the team does not answer in time
  },
  -- The answer we hope for, how soon, and the objective it serves.
  expect = { option = "lock", within = "30m", objective = "O1" },
  -- on_decision(team, option, timeout) runs when the team answers or times out.
  -- Here the story branches: each answer fires a different follow-up inject.
  on_decision = function(team, option, timeout)
    if option == "lock" then
      state.contained = true
      score(team, 10, "locked the mailbox")
      fire("P-03A")
    else
      fire("P-03B")
    end
  end,
}

-- Injects without `at` fire only when code calls fire("ID") (above) or when a
-- facilitator types `fire ID`.
inject {
  id = "P-03A", to = "port",
  from = "Mail gateway", channel = "alert",
  subject = "Outbound rate back to normal",
  body = "m.hoxha@port.example is locked. No outbound mail in the last 5 minutes.",
}

-- Options can also be a plain list of labels: the keys are then "1", "2", ...
-- (players type `decide P-03B 1`).
inject {
  id = "P-03B", to = "port",
  from = "Harbour pilots' association", channel = "email",
  subject = "Why are you sending us invoices?",
  body = "Three of our members paid a 'new bank account' invoice from your address.",
  decision = {
    prompt = "Partners are losing money. Now what?",
    options = { "Call the national CERT", "Handle it inside the port" },
    deadline = "10m", default = 2,
  },
  on_decision = function(team, option, timeout)
    if option == "1" then
      -- send{} is an inject made up on the spot, not declared in advance.
      send { to = "cert", from = "Port Authority IT", channel = "phone",
             subject = "Phishing from our mail server",
             body = "One of our mailboxes is sending invoice fraud to partners." }
      state.warned = true
    end
  end,
}

inject {
  id = "C-01", at = "0:45", to = "cert",
  from = "Ministry of Transport", channel = "email",
  subject = "Agencies report fake invoices",
  body = "Two agencies forwarded invoice e-mails that seem to come from the port authority.",
  decision = {
    prompt = "How do you find out what is going on?",
    options = {
      { "ask", "Call the port authority's IT team" },
      { "wait", "Wait for an official report" },
    },
    deadline = "20m", default = "wait",
  },
  expect = { option = "ask", within = "20m", objective = "O2" },
  on_decision = function(team, option, timeout)
    if option == "ask" then state.warned = true end
  end,
}

inject {
  id = "ALL-01", at = "1:30", to = "all",
  from = "Coastal Daily", channel = "phone",
  subject = "Press enquiry",
  body = "We hear the port's e-mail was hacked and partners lost money. Any comment?",
}

-- An inject without `at` that no code fires is the white cell's reserve: the facilitators
-- fire it by hand (`fire WC-01`). `manual = true` says so, for readers and for `check`.
inject {
  id = "WC-01", to = "all", manual = true,
  from = "Port authority director", channel = "phone",
  subject = "The director wants a briefing now",
  body = "Five minutes, no jargon: what happened, what is the damage, what next?",
}

inject {
  id = "P-04", to = "all",
  from = "File server", channel = "alert",
  subject = "Ransom note on the finance share",
  body = "README_RESTORE.txt appeared in 3,000 folders of \\\\fs01\\finance.",
}

-- 7. every(duration, fn): a timer that repeats. Until the mailbox is locked the
--    phishing takes over more mailboxes (up to 64: the address books run out).
every("10m", function()
  if not state.contained and state.infected < 64 then
    state.infected = state.infected * 2
    log("mailboxes taken over:", state.infected)   -- a line for the facilitators
  end
end)

-- at(time, fn) runs once at an offset from STARTEX; after(duration, fn) once,
-- counted from now().
at("1:00", function()
  phase("Move 2: coordination")
end)

-- 8. when(predicate, fn): fn runs once, the first time predicate() is true.
--    Predicates are checked after every tick and every team input.
on("share", function(from, to, text)
  -- a `share` from the port to the CERT (or to everyone) warns the CERT
  if from == "port" and (to == "cert" or to == "all") then
    state.warned = true
  end
end)

when(function() return state.warned end, function()
  score("cert", 5, "learned of the incident")
  log("the national CERT knows, at T+" .. now() // 60 .. " min")
end)

when(function() return state.infected >= 16 end, function()
  fire("P-04")
  after("5m", function() score("port", -5, "ransomware reached the file server") end)
end)

-- 9. on("end") runs at ENDEX, whatever ended it.
on("end", function(reason)
  log("ENDEX (" .. reason .. "): " .. state.infected .. " mailboxes taken over")
end)

-- The hotwash: questions every team receives at ENDEX. They answer with `answer N TEXT`, and
-- the answers go into the journal and the after-action report.
hotwash { "What helped you decide?", "What would you do differently next time?" }
