--[[
BalkanSecure — regional incident response drill
================================================

What it trains
  A regional tabletop for the national CSIRTs of the Western Balkans, in the spirit
  of BalkanSecure 2.0, "Improving Cyber Incident Response Capabilities in the Western
  Balkans" (the second edition, held in Albania at the Centre for Innovation, Security
  and Defence; the first was held in Prishtinë). It rehearses:
    * first response to a destructive attack on government e-services
      (ransomware as a cover for a wiper, then a data leak and hacktivist claims),
    * cross-border information sharing: indicators shared early change what
      happens to the neighbours when the same campaign reaches them,
    * political escalation (ministries, the national security council) and the
      use of international assistance (an EU/partner liaison desk),
    * public communication under media pressure and disinformation.

  The campaign is modelled on the 2022 attacks on Albanian government systems (the
  e-services were taken offline; ransomware and a disk wiper; stolen data published
  by a "hacktivist" persona; attacks later publicly attributed to a state actor and
  discussed in the US-EU cyber dialogue). Everything in this file is FICTIONAL:
  "e-Shërbime", the Government Digital Services Agency, Adriatik Soft and its RegiDoc
  product, BalkanHost, "Crimson Justice", BalkanWire and every indicator
  (documentation IP ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and
  .example domains) are invented for the drill.

Teams
  al  AKCESK (Albania)                     - the first victim, holds the indicators
  xk  KOS-CERT (Kosovo)                    - hit through a reused supplier account
  mk  MKD-CIRT (North Macedonia)           - hit through the supplier's software update
  me  CIRT.ME (Montenegro)                 - hit through a shared hosting provider
  rs  National CERT of Serbia (SRB-CERT)   - sees the command-and-control traffic
  ba  CERT of Bosnia and Herzegovina       - phishing lure and shared hosting
  eu  EU/partner liaison desk (optional: nothing essential depends on it)

Moves (5 hours of exercise time, 09:00-14:00 in-world)
  Move 1 (T+0:00-1:40)  Detection and first response in Albania
  Move 2 (T+1:40-3:20)  Leak, escalation, and the campaign crosses borders
  Move 3 (T+3:20-5:00)  Recovery, attribution and the public message

How the sharing mechanic works
  Every "share" a team makes is recorded in state.shares (who -> whom, at what
  in-world time). AKCESK has an indicator package from T+0:40 (AL-04). A neighbour
  that receives it (a `share` from al, or AKCESK's answers on AL-04, XK-ASK or
  AL-ATTRIB-WAIT) at least 30 minutes before the campaign reaches it (the time it
  needs to deploy blocks; 45 minutes in Bosnia and Herzegovina, where a warning has
  to reach several levels of government) gets the MILD version of its infection
  inject (the "...-HIT-SOFT" ids) instead of the SEVERE one ("...-HIT-HARD"), and
  points. A neighbour can also protect itself through its own first decision.

    team  campaign arrives   indicators needed by   or protected by its own choice
    xk    T+2:00 (11:00)     T+1:30 (10:30)         XK-01 "disable"
    mk    T+2:10 (11:10)     T+1:40 (10:40)         MK-01 "block"
    me    T+2:20 (11:20)     T+1:50 (10:50)         ME-01 "audit"
    rs    T+2:25 (11:25)     T+1:55 (10:55)         RS-01 "1" (block and sinkhole)
    ba    T+2:35 (11:35)     T+1:50 (10:50)         BA-01 "1" (warn constituents)

How to run it
  tabletop check scenarios/balkansecure.lua         (prints nothing when the file is fine)
  tabletop run scenarios/balkansecure.lua           (then give each team its join code)
  tabletop simulate scenarios/balkansecure.lua --runs 200 --policy random
                                                    (bots play; shows what no run reached)

Reachability
  WC-DDOS and WC-FAKE-IOC are marked `manual = true`: the white cell fires them by
  hand (`fire WC-DDOS`) when a team needs more pressure. No code fires them, so
  `simulate` always lists them as never fired; that is by design.
  Everything else is reached by some run of `simulate --policy random`.
--]]

exercise {
  title = "BalkanSecure — regional incident response drill",
  start = "2024-11-12 09:00",
  duration = "5h",
  tick = "1m",
  speed = 60,
  seed = 2024,
}

---------------------------------------------------------------------------
-- Teams
---------------------------------------------------------------------------

team { id = "al", name = "AKCESK (Albania)" }
team { id = "xk", name = "KOS-CERT (Kosovo)" }
team { id = "mk", name = "MKD-CIRT (North Macedonia)" }
team { id = "me", name = "CIRT.ME (Montenegro)" }
team { id = "rs", name = "National CERT of Serbia (SRB-CERT)" }
team { id = "ba", name = "CERT of Bosnia and Herzegovina" }
team { id = "eu", name = "EU/partner liaison desk (optional)" }

-- Handy lists of team ids, used in `to = ...` and in the code below.
local CSIRTS = { "al", "xk", "mk", "me", "rs", "ba" }     -- the six national teams
local NEIGHBOURS = { "xk", "mk", "me", "rs", "ba" }       -- everyone AKCESK should warn

---------------------------------------------------------------------------
-- Objectives (the after-action report scores the `expect` entries against these)
---------------------------------------------------------------------------

objective { id = "O1", text = "Contain the attack on the e-services portal within 30 minutes of the first report" }
objective { id = "O2", text = "Share actionable indicators with the regional CSIRTs within one hour of having them" }
objective { id = "O3", text = "Neighbouring CSIRTs act on early signals before the campaign reaches their constituents" }
objective { id = "O4", text = "Inform the public early and consistently, nationally and across the region" }
objective { id = "O5", text = "Escalate to the political level in time and make use of international assistance" }
objective { id = "O6", text = "Handle the ransom demand and the data leak lawfully: no payment, timely breach notification" }
objective { id = "O7", text = "Recover safely from known-clean systems and support attribution with evidence" }

---------------------------------------------------------------------------
-- World state. Facilitators see this table live (`state` command).
---------------------------------------------------------------------------

state.portal = "unknown"        -- AL-01: "offline", "degrade" or "online"
state.public_statement = false  -- has AKCESK/the government said anything in public?
state.iocs_released = "no"      -- AL-04: how AKCESK released its indicator package
state.ransom = "undecided"      -- AL-05: "refuse", "negotiate" or "pay"
state.dpa = "undecided"         -- AL-06: "notify" or "assess"
state.escalated = false         -- AL-07: national security council convened?
state.eu_help = "undecided"     -- AL-EU-OFFER: "accept", "decline" or "defer"
state.recovery = "undecided"    -- AL-08: "rebuild" or "restore"
state.press_chasers = 0         -- journalist follow-ups sent so far
state.shares = {}               -- ["al -> xk"] = in-world time of the first share
state.iocs_ready = false        -- true from T+0:40, when AKCESK has its indicator package
state.warned = {}               -- [team] = in-world time it got AKCESK's indicators
state.warned_t = {}             -- the same in exercise seconds (what the code compares)
state.hit = {}                  -- [team] = "mild" or "severe" once the campaign arrives
state.joined_call = {}          -- [team] = true if it joined the regional call (REG-01)
state.evidence = "undecided"    -- AL-02: "image" or "wipe"
state.attribution = "undecided" -- AL-09: "joint", "national" or "none"
state.xk_accounts = "undecided" -- XK-01: "disable", "monitor" or "ask"
state.mk_update = "undecided"   -- MK-01: "block", "allow" or "verify"
state.me_hosting = "undecided"  -- ME-01: "takedown", "restore" or "audit"
state.rs_c2 = "undecided"       -- RS-01: "1" (block and sinkhole) or "2" (monitor)
state.ba_lure = "undecided"     -- BA-01: "1" (warn constituents) or "2" (wait)
state.rs_claim = "undecided"    -- SM-03: "deny" or "verify"

---------------------------------------------------------------------------
-- Small helpers
---------------------------------------------------------------------------

-- Seconds for h hours and m minutes, to compare with now().
local function hm(h, m)
  return h * 3600 + m * 60
end

-- The in-world clock ("HH:MM") at exercise time t; STARTEX is 09:00.
local function clock(t)
  local minutes = 9 * 60 + math.floor(t / 60)
  return string.format("%02d:%02d", (minutes // 60) % 24, minutes % 60)
end

-- How many entries a table has.
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

-- A neighbour receives AKCESK's indicators (how: "share", "decision", "call", ...).
-- Only the first time counts; the time is what decides MILD or SEVERE later.
local function warn(team, how)
  if team == "al" or team == "eu" or state.warned[team] then
    return
  end
  state.warned[team] = clock(now())
  state.warned_t[team] = now()
  score("al", 1, "indicators reached " .. team)
  log("indicators reached " .. team .. " at " .. clock(now()) .. " (" .. how .. ")")
end

-- Did team get the indicators by h:mm after STARTEX?
local function warned_before(team, h, m)
  local t = state.warned_t[team]
  return t ~= nil and t <= hm(h, m)
end

-- The campaign reaches a neighbour. Returns true when the team was protected,
-- i.e. the caller fires the MILD inject; false means the SEVERE one.
local function arrive(team, protected)
  if protected then
    state.hit[team] = "mild"
    score(team, 5, "acted on shared indicators before the campaign arrived")
  else
    state.hit[team] = "severe"
    score(team, -3, "campaign arrived with no warning acted on")
  end
  log("campaign reached " .. team .. ": " .. state.hit[team])
  return protected
end

---------------------------------------------------------------------------
-- Cross-border sharing: every `share` command from any team lands here.
-- `to` is a team id, or "all" when the team shared with everyone.
---------------------------------------------------------------------------

on("share", function(from, to, text)
  local targets = { to }
  if to == nil or to == "all" then
    targets = { "al", "xk", "mk", "me", "rs", "ba", "eu" }
  end
  local new = 0   -- teams this sender had never shared with before
  for _, target in ipairs(targets) do
    local pair = from .. " -> " .. target
    if target ~= from and not state.shares[pair] then
      state.shares[pair] = clock(now())
      new = new + 1
    end
    -- Once AKCESK has its indicator package, anything it shares carries it.
    if from == "al" and state.iocs_ready then
      warn(target, "shared by AKCESK")
    end
  end
  -- One point per new partner, in one score line.
  if new > 0 then
    score(from, new, "shared with " .. new .. " new partner(s)")
  end
end)

---------------------------------------------------------------------------
-- Timeline: phases and the points where the campaign crosses a border
---------------------------------------------------------------------------

on("start", function()
  phase("Move 1: Detection and first response")
  log("STARTEX. Campaign arrives: xk 11:00, mk 11:10, me 11:20, rs 11:25, ba 11:35. "
    .. "MILD if AKCESK's indicators arrived 30 minutes earlier (45 for ba).")
end)

-- AKCESK's indicator package exists from now on (AL-04 arrives at the same time).
at("0:40", function()
  state.iocs_ready = true
end)

at("1:40", function()
  phase("Move 2: Leak, escalation and spread")
end)

at("3:20", function()
  phase("Move 3: Recovery, attribution and the public message")
end)

-- Kosovo, 11:00: the stolen supplier account is tried on a ministry VPN.
-- MILD if KOS-CERT had AKCESK's indicators by 10:30 (T+1:30), or if it disabled
-- supplier accounts itself (XK-01).
at("2:00", function()
  if arrive("xk", warned_before("xk", 1, 30) or state.xk_accounts == "disable") then
    fire("XK-HIT-SOFT")
  else
    fire("XK-HIT-HARD")
  end
end)

-- North Macedonia, 11:10: the trojanised RegiDoc update activates in municipalities.
-- MILD if warned by 10:40, or if MKD-CIRT told municipalities to hold the update (MK-01).
at("2:10", function()
  if arrive("mk", warned_before("mk", 1, 40) or state.mk_update == "block") then
    fire("MK-HIT-SOFT")
  else
    fire("MK-HIT-HARD")
  end
end)

-- Montenegro, 11:20: web shells on the shared hosting platform are used.
-- MILD if warned by 10:50, or if CIRT.ME demanded a platform audit (ME-01).
at("2:20", function()
  if arrive("me", warned_before("me", 1, 50) or state.me_hosting == "audit") then
    fire("ME-HIT-SOFT")
  else
    fire("ME-HIT-HARD")
  end
end)

-- Serbia, 11:25: a hosting customer's servers start beaconing and encrypting.
-- MILD if warned by 10:55, or if it chose "1" on RS-01 (block and sinkhole).
at("2:25", function()
  if arrive("rs", warned_before("rs", 1, 55) or state.rs_c2 == "1") then
    fire("RS-HIT-SOFT")
  else
    fire("RS-HIT-HARD")
  end
end)

-- Bosnia and Herzegovina, 11:35: the invoice lure pays off for the attacker.
-- MILD if warned by 10:50 (45 minutes ahead: the warning must reach several levels
-- of government), or if it chose "1" on BA-01 (warn constituents about the lure).
at("2:35", function()
  if arrive("ba", warned_before("ba", 1, 50) or state.ba_lure == "1") then
    fire("BA-HIT-SOFT")
  else
    fire("BA-HIT-HARD")
  end
end)

---------------------------------------------------------------------------
-- Recurring pressure and conditions
---------------------------------------------------------------------------

-- Every 45 minutes, while nobody has said anything in public, a journalist chases
-- AKCESK again. An ad-hoc message (send), not a declared inject, because it repeats.
every("45m", function()
  if state.public_statement then
    return
  end
  state.press_chasers = state.press_chasers + 1
  send {
    to = "al", from = "BalkanWire newsroom", channel = "phone",
    subject = "Follow-up #" .. state.press_chasers .. ": still no comment?",
    body = "It is " .. clock(now()) .. ". We publish within the hour with or without your comment. "
      .. "Citizens cannot get documents, a hacktivist group claims it holds their data, and "
      .. "the government has not said a word. Is the data of citizens safe, yes or no?",
  }
  score("al", -1, "journalists still chasing: no public statement")
end)

-- Every hour, a summary for the white cell: who has the indicators so far.
every("1h", function()
  local got = {}
  for team, since in pairs(state.warned) do
    got[#got + 1] = team .. "@" .. since
  end
  log("sharing check " .. clock(now()) .. ": " .. count(state.shares) .. " share pairs; warned: "
    .. (#got > 0 and table.concat(got, ", ") or "nobody"))
end)

-- Once four of the five neighbours have the indicators, the region sees the whole picture.
when(function() return count(state.warned) >= 4 end, function()
  fire("REG-NETWORK")
  score("al", 3, "indicators reached most of the region")
end)

-- The data protection authority goes public if the leak is out and nobody notified it.
when(function() return now() >= hm(2, 40) and state.dpa == "assess" end, function()
  fire("AL-DPA-PRESS")
  score("al", -2, "breach not notified while the leak was public")
end)

-- An escalated crisis plus accepted EU help: the expert team deploys.
when(function() return state.escalated and state.eu_help == "accept" end, function()
  fire("EU-TEAM-DEPLOYED")
  score("al", 2, "political escalation and international assistance combined")
end)

-- Final assessment a little before ENDEX (scores are shown in the hot wash).
at("4:50", function()
  if state.public_statement then
    score("al", 3, "the public was informed")
  end
  if state.recovery == "rebuild" then
    score("al", 2, "recovered from known-clean images")
  end
  for _, team in ipairs(NEIGHBOURS) do
    if state.joined_call[team] then
      score(team, 1, "took part in the regional coordination call")
    end
  end
  log("final picture: " .. count(state.warned) .. " of 5 neighbours warned; "
    .. count(state.shares) .. " share pairs; press follow-ups: " .. state.press_chasers)
end)

on("end", function(reason)
  log("ENDEX (" .. reason .. "). Hand out the hot-wash questions.")
end)

---------------------------------------------------------------------------
-- MOVE 1 — Detection and first response (T+0:00 - 1:40)
---------------------------------------------------------------------------

inject {
  id = "ALL-00", at = "0:00", to = "all",
  from = "Exercise control", channel = "liaison",
  subject = "STARTEX: BalkanSecure regional drill",
  body = [[
Good morning. This is a regional tabletop drill for the national CSIRTs of the Western Balkans.
Everything in it is fictional. Work as you would on a normal Tuesday: your own procedures, your
own escalation paths, your own judgement.

Use `share TEAM TEXT` (or `share all TEXT`) to pass information to other CSIRTs, `action TEXT`
to record what you do, and `rfi TEXT` to ask exercise control for information. Decisions have
deadlines; if you miss one, the default is recorded for you.

The in-world date is Tuesday 12 November, 09:00.]],
  notes = "Read aloud at STARTEX. Check every team is logged in (`teams`). The eu desk is optional: if nobody plays it, its decisions time out harmlessly.",
}

inject {
  id = "AL-01", at = "0:05", to = "al",
  from = "Government Digital Services Agency (GDSA) — duty officer", channel = "email",
  subject = "Ransom note on the e-Shërbime portal, services failing",
  body = [[
Since 08:40 the e-Shërbime portal has returned errors for document requests. Our admins found
a ransom note (README_RESTORE.txt) on three application servers and encrypted files with the
extension .crimson. Monitoring shows heavy SMB traffic from the portal's back-end to the
file servers in the Tiranë data centre. The portal still answers for static pages.

The portal serves roughly 1.2 million citizen requests a month (certificates, tax, permits).
We need your advice now: do we pull it?]],
  decision = {
    prompt = "What do you advise the GDSA to do with the portal?",
    options = {
      { "offline", "Take the portal and its back-end offline now" },
      { "degrade", "Keep a static read-only front page, isolate all back-end segments" },
      { "online",  "Keep it online while we investigate" },
    },
    deadline = "30m", default = "degrade",
  },
  expect = { option = "offline", within = "30m", objective = "O1" },
  on_decision = function(team, option, timeout)
    state.portal = option
    if option == "offline" then
      score(team, 3, "contained the portal quickly")
      fire("AL-01-OFF")
    elseif option == "degrade" then
      score(team, 2, "isolated the back-end, kept a front page")
      fire("AL-01-DEG")
    else
      -- Keeping it online gives the wiper time: the damage shows 20 minutes later.
      score(team, -3, "left an infected portal online")
      after("20m", function() fire("AL-01-ON") end)
    end
  end,
  notes = "The real trade-off: 'offline' is what happened in 2022 and stops the spread, but citizens lose services (AL-01-OFF). 'degrade' is a defensible middle way. 'online' lets the wiper spread (AL-01-ON) and, with a hasty restore in Move 3, can lead to the catastrophic branch.",
}

inject {
  id = "AL-02", at = "0:15", to = "al",
  from = "AKCESK SOC", channel = "ticket",
  subject = "TKT-4471: wiper behaviour on data-centre file servers",
  body = [[
EDR on two file servers in the government data centre flags a signed driver writing raw
sectors to disk, and a scheduled task 'SysHealthCheck' on 14 hosts. This is not ransomware:
it destroys the master boot record. The encryption on the portal looks like a distraction.

We can image the affected disks first (3-4 hours) or reimage at once to get services back.]],
  decision = {
    prompt = "Preserve evidence or reimage immediately?",
    options = {
      { "image", "Image the affected disks before anything is rebuilt" },
      { "wipe",  "Reimage at once; service first" },
    },
    deadline = "20m", default = "image",
  },
  on_decision = function(team, option, timeout)
    state.evidence = option
    if option == "image" then
      score(team, 2, "preserved forensic evidence")
    else
      score(team, -1, "lost evidence needed for attribution")
    end
  end,
  notes = "Evidence matters in Move 3 (attribution, AL-09). If they chose 'wipe', remind them when the MFA asks what the attribution rests on.",
}

inject {
  id = "SM-01", at = "0:20", to = "all",
  from = "@crimson_justice (X and Telegram)", channel = "social",
  subject = "Hacktivist claim: 'your portal is ours'",
  body = [[
Post, 09:18, with three screenshots of GDSA server consoles:

"Government of Albania, you failed your citizens. e-Shërbime is ours, and so is everything
behind it. Your neighbours use the same people and the same software. Who is next?
#CrimsonJustice"

The post has 4,000 shares within fifteen minutes, mostly from newly created accounts.]],
  notes = "Public to all teams: neighbours should start asking 'same people, same software' — who is that? Good teams ask al via share/rfi.",
}

inject {
  id = "AL-03", at = "0:30", to = "al",
  from = "Chief of Staff, Ministry of State for Digital Affairs", channel = "phone",
  subject = "The Prime Minister's office wants a line",
  body = [[
"The PM's office is getting calls from every editor in Tiranë. Is this an attack, is citizens'
data gone, and when is the portal back? They want something public in the next half hour.
What do we say?"]],
  decision = {
    prompt = "Public statement on the outage?",
    options = {
      { "now",    "Issue a short holding statement now (attack confirmed, services affected, updates to follow)" },
      { "later",  "Wait until the scope is known" },
      { "silent", "No comment; refer journalists to the ministry" },
    },
    deadline = "20m", default = "later",
  },
  expect = { option = "now", within = "45m", objective = "O4" },
  on_decision = function(team, option, timeout)
    if option == "now" then
      state.public_statement = true
      score(team, 2, "holding statement issued early")
    else
      -- If there is still no statement an hour later, the PM's office calls back.
      after("1h", function()
        if not state.public_statement then
          fire("AL-PM-CALL")
        end
      end)
    end
  end,
  notes = "A holding statement does not need the full scope. 'later' and 'silent' trigger the journalist follow-ups every 45 minutes and AL-PM-CALL one hour later.",
}

inject {
  id = "AL-04", at = "0:40", to = "al",
  from = "AKCESK analysis team", channel = "ticket",
  subject = "TKT-4475: indicator package ready (TLP:AMBER draft)",
  body = [[
First indicator package from the portal and the file servers:
  - command and control: 203.0.113.14, 203.0.113.77, update-regidoc.example
  - wiper driver SHA-256 9f2c…e41a, ransomware SHA-256 51b0…c7d3
  - initial access to the data centre VPN: supplier account 'asoft-support02'
    (Adriatik Soft, maker of the RegiDoc registry software)
  - web shells uploaded from 198.51.100.23, a BalkanHost shared-hosting address

Adriatik Soft has customers in Kosovo, North Macedonia and Bosnia and Herzegovina.
BalkanHost hosts municipal sites in Montenegro and Bosnia and Herzegovina.
The intelligence service asks us not to release anything until it has an attribution.]],
  decision = {
    prompt = "What do you do with the indicator package?",
    -- A plain list of labels: the option keys are "1", "2" and "3".
    options = {
      "Share the full package with all regional CSIRTs now (TLP:AMBER)",
      "Share only with Kosovo and North Macedonia (existing bilateral agreements)",
      "Hold it until the intelligence service has an attribution",
    },
    deadline = "30m", default = "3",
  },
  expect = { option = "1", within = "30m", objective = "O2" },
  on_decision = function(team, option, timeout)
    if option == "1" then
      state.iocs_released = "all"
      for _, n in ipairs(NEIGHBOURS) do
        warn(n, "AKCESK package to all")
      end
      score(team, 2, "shared indicators with the whole region early")
    elseif option == "2" then
      state.iocs_released = "bilateral"
      warn("xk", "AKCESK bilateral")
      warn("mk", "AKCESK bilateral")
      score(team, 1, "shared indicators bilaterally")
    else
      state.iocs_released = "held"
      score(team, -2, "held indicators back waiting for attribution")
      after("45m", function() fire("AL-ATTRIB-WAIT") end)
    end
  end,
  notes = "The central decision of the drill. Attribution is not needed to share technical indicators; TLP handles sensitivity. Whatever they decide here, any `share` to a neighbour also counts. Watch the `state.warned` table.",
}

inject {
  id = "XK-01", at = "0:45", to = "xk",
  from = "Ministry IT security officer, Prishtinë", channel = "email",
  subject = "Odd VPN logins from a supplier account",
  body = [[
Our VPN logs show logins at 03:12 and 06:40 today by 'asoft-support02', an Adriatik Soft
support account we use for RegiDoc maintenance. Adriatik Soft says nobody on their side was
working at those hours. The sessions came from 203.0.113.14. Nothing else looks wrong yet.
Did you see the news from Tiranë?]],
  decision = {
    prompt = "What do you do about the supplier account?",
    options = {
      { "disable", "Disable all supplier accounts across constituents now" },
      { "monitor", "Monitor and collect more data first" },
      { "ask",     "Ask AKCESK whether the account and address appear in their incident" },
    },
    deadline = "30m", default = "monitor",
  },
  expect = { option = "ask", within = "30m", objective = "O3" },
  on_decision = function(team, option, timeout)
    state.xk_accounts = option
    if option == "disable" then
      score(team, 2, "disabled the suspicious supplier access")
    elseif option == "ask" then
      score(team, 2, "asked the neighbour that was hit")
      fire("XK-ASK")
    end
  end,
  notes = "Either 'disable' (self-protection) or 'ask' (cooperation) is good. 'ask' sends AL a request it must answer (XK-ASK).",
}

inject {
  id = "MK-01", at = "0:50", to = "mk",
  from = "Municipal IT coordinator network", channel = "ticket",
  subject = "Urgent RegiDoc update pushed to municipalities",
  body = [[
Adriatik Soft's update server pushed 'RegiDoc 7.4.2 — urgent security fix' at 08:55.
Eleven municipalities have installed it, about thirty more will install during the day.
The release notes are one line long. The update contacts update-regidoc.example.
The vendor's support line is not answering.]],
  decision = {
    prompt = "What do you tell the municipalities?",
    options = {
      { "block",  "Hold the update everywhere and block the update host" },
      { "allow",  "Let it proceed; the vendor is trusted" },
      { "verify", "Ask the vendor and AKCESK to confirm the hashes first" },
    },
    deadline = "30m", default = "allow",
  },
  expect = { option = "block", within = "30m", objective = "O3" },
  on_decision = function(team, option, timeout)
    state.mk_update = option
    if option == "block" then
      score(team, 2, "stopped a suspicious supply-chain update")
    elseif option == "allow" then
      score(team, -1, "let an unverified urgent update run")
    end
  end,
  notes = "'verify' only protects if AKCESK answers in time (mk needs the indicators by 10:40). If mk shares or asks al, prompt al to respond.",
}

inject {
  id = "ME-01", at = "1:00", to = "me",
  from = "BalkanHost abuse desk", channel = "email",
  subject = "Two municipal websites defaced on our shared platform",
  body = [[
Two municipal websites on our shared platform in Podgorica show a 'Crimson Justice' banner
since 09:50. We restored one of them from a copy once already; it was defaced again in
twenty minutes. The same platform hosts about 300 customers in the region, including
public bodies in Bosnia and Herzegovina and Albania.]],
  decision = {
    prompt = "What do you ask BalkanHost to do?",
    options = {
      { "takedown", "Take the defaced sites offline" },
      { "restore",  "Restore from clean copies and keep them online" },
      { "audit",    "Demand a full audit of the platform for web shells" },
    },
    deadline = "25m", default = "takedown",
  },
  on_decision = function(team, option, timeout)
    state.me_hosting = option
    if option == "audit" then
      score(team, 2, "looked beyond the defacement")
    end
  end,
  notes = "Re-defacement within minutes means persistent access (web shells). Only 'audit' or AKCESK's indicators (198.51.100.23) lead there.",
}

inject {
  id = "RS-01", at = "1:05", to = "rs",
  from = "Large Serbian ISP, security team", channel = "email",
  subject = "Hosting customers talking to an address in today's news",
  body = [[
Netflow shows three of our hosting customers in Belgrade connecting every 60 seconds to
203.0.113.77, which a researcher on social media links to the Albanian incident. Volumes are
small. One of the customers is a software reseller that distributes RegiDoc.]],
  decision = {
    prompt = "How do you handle the traffic?",
    -- Plain list: keys "1" and "2".
    options = {
      "Ask ISPs to block and sinkhole the addresses nationally",
      "Monitor only; blocking may tip off the attacker",
    },
    deadline = "30m", default = "2",
  },
  on_decision = function(team, option, timeout)
    state.rs_c2 = option
  end,
  notes = "Either choice is defensible. Sinkholing protects; monitoring needs someone to act on what is seen. A share to al asking for context is the best move.",
}

inject {
  id = "BA-01", at = "1:10", to = "ba",
  from = "Cantonal administration IT", channel = "email",
  subject = "'RegiDoc invoice' e-mails in the local language",
  body = [[
Several public bodies received e-mails this morning titled 'RegiDoc faktura — hitno' with a
link to a BalkanHost-hosted page that asks for RegiDoc support credentials. The Bosnian,
Croatian and Serbian texts are fluent. Nobody has reported entering credentials. Yet.]],
  decision = {
    prompt = "What do you do?",
    options = {
      "Warn all constituents about the lure now",
      "Wait for more reports before alerting",
    },
    deadline = "25m", default = "2",
  },
  on_decision = function(team, option, timeout)
    state.ba_lure = option
  end,
  notes = "Coordination across entity and cantonal bodies is slow: a warning takes time to land. The lure page is on the same BalkanHost address as in AKCESK's package.",
}

inject {
  id = "EU-01", at = "1:10", to = "eu",
  from = "EU Delegation in Tiranë", channel = "liaison",
  subject = "Situation desk activated",
  body = [[
The EU Delegation has activated its liaison desk for the incident in Albania. Partner
experts (incident response, forensics) could be made available at short notice if the
Albanian authorities request it. Do you signal availability to AKCESK now, or wait for a
formal request through diplomatic channels?]],
  decision = {
    prompt = "Signal availability now?",
    options = {
      { "offer", "Signal availability to AKCESK now, informally" },
      { "wait",  "Wait for a formal request" },
    },
    deadline = "30m", default = "wait",
  },
  on_decision = function(team, option, timeout)
    if option == "offer" then
      fire("EU-OFFER-EARLY")
    end
  end,
  notes = "Optional team. The formal offer (AL-EU-OFFER) reaches AKCESK at 11:40 regardless.",
}

inject {
  id = "NEWS-01", at = "1:15", to = "all",
  from = "BalkanWire", channel = "news",
  subject = "Queues at counters as Albania's e-services go dark",
  body = [[
Citizens queue at post offices and municipal counters in Tiranë, Durrës and Shkodër for
documents normally issued online. A notary says property sales are frozen. The government
has not commented. A group calling itself Crimson Justice claims responsibility online.]],
  notes = "Pressure on al. Neighbours may get calls from their own press asking 'could it happen here?'.",
}

inject {
  id = "AL-05", at = "1:25", to = "al",
  from = "Unknown sender via GDSA contact form", channel = "email",
  subject = "Ransom demand: 40 BTC, 48 hours",
  body = [[
"Pay 40 BTC to the wallet below within 48 hours and you get the decryptor. Otherwise your
citizens' records are published, starting with the civil registry and public payroll.
Do not contact the police."

The GDSA director asks what AKCESK recommends to the government.]],
  decision = {
    prompt = "What do you recommend?",
    options = {
      { "refuse",    "Do not engage and do not pay; hand the demand to the police" },
      { "negotiate", "Open a channel through law enforcement to buy time" },
      { "pay",       "Recommend paying to get the decryptor" },
    },
    deadline = "30m", default = "refuse",
  },
  expect = { option = "refuse", within = "30m", objective = "O6" },
  on_decision = function(team, option, timeout)
    state.ransom = option
    if option == "refuse" then
      score(team, 2, "did not engage with the extortion")
    elseif option == "negotiate" then
      fire("AL-05-NEG")
    else
      score(team, -5, "recommended paying the ransom")
      fire("AL-05-PAY")
    end
  end,
  notes = "The wiper (AL-02) shows the ransom is a cover: paying cannot restore wiped disks. 'pay' plus a hasty restore in Move 3 after an 'online' portal in Move 1 ends the exercise early.",
}

-- Move 1 branches: fired only by the code above (no `at`).

inject {
  id = "AL-01-OFF", to = "al",
  from = "Ministry of Interior, civil registry", channel = "phone",
  subject = "Civil registry counters cannot issue certificates",
  body = [[
"With the portal down our counters cannot issue birth certificates or ID renewals, and
tomorrow is the deadline for university enrolment documents. Can you give us a date? And
can we at least get the registry database back without the portal?"]],
  notes = "Consequence of 'offline'. A good answer: restore a minimal internal service from clean systems, communicate a workaround (extended deadlines).",
}

inject {
  id = "AL-01-DEG", to = "al",
  from = "GDSA duty officer", channel = "ticket",
  subject = "Static front page up, back-end isolated",
  body = [[
The portal now shows a static page with counter opening hours. Back-end segments are
isolated. Two internal hosts still try to reach 203.0.113.14 every minute; we blocked it at
the firewall. Citizens are unhappy but informed.]],
  notes = "Consequence of 'degrade'. Ask them what else should be isolated.",
}

inject {
  id = "AL-01-ON", to = "al",
  from = "GDSA duty officer", channel = "phone",
  subject = "Tax administration systems are rebooting into a blank screen",
  body = [[
"The tax administration's servers, which share the portal's back-end, went down in the last
ten minutes. They reboot to 'Operating system not found'. We also lost two backup servers
that were mounted on the same network. We need a decision on the portal now."]],
  notes = "Consequence of keeping the portal online: the wiper has spread. This state makes a hasty restore in Move 3 dangerous (AL-REINFECT).",
}

inject {
  id = "XK-ASK", to = "al",
  from = "KOS-CERT duty officer", channel = "liaison",
  subject = "KOS-CERT asks: do you see 'asoft-support02' and 203.0.113.14?",
  body = [[
"We see VPN logins by the Adriatik Soft account 'asoft-support02' from 203.0.113.14 at a
ministry in Prishtinë. Is that in your incident? Anything you can give us now helps."]],
  decision = {
    prompt = "Answer KOS-CERT?",
    options = {
      { "answer", "Confirm and send them the indicators now" },
      { "hold",   "Hold: nothing leaves until the package is cleared" },
    },
    deadline = "15m", default = "answer",
  },
  expect = { option = "answer", within = "15m", objective = "O2" },
  on_decision = function(team, option, timeout)
    if option == "answer" then
      warn("xk", "AKCESK answered KOS-CERT")
      score(team, 2, "answered a neighbour's request")
    else
      score(team, -1, "left a neighbour without an answer")
    end
  end,
  notes = "Fired when KOS-CERT chose 'ask' on XK-01. A direct `share xk ...` from al counts just as well. KOS-CERT needs the indicators by 10:30.",
}

inject {
  id = "AL-PM-CALL", to = "al",
  from = "Office of the Prime Minister", channel = "phone",
  subject = "Why is the government still silent?",
  body = [[
"It has been more than an hour since we asked for a line. Opposition MPs are on television
saying the data of every citizen has been stolen. The Prime Minister will speak at 12:30
with or without your input. Do we get a statement from you now?"]],
  decision = {
    prompt = "Give the PM's office a statement?",
    options = {
      { "statement", "Yes: agreed facts, what citizens should do, next update time" },
      { "hold",      "No: wait for the national security council" },
    },
    deadline = "15m", default = "statement",
  },
  on_decision = function(team, option, timeout)
    if option == "statement" then
      state.public_statement = true
      score(team, 1, "gave the government a statement, late")
    else
      score(team, -2, "left the PM to speak without technical input")
    end
  end,
  notes = "Fired one hour after AL-03 if there is still no public statement.",
}

inject {
  id = "AL-ATTRIB-WAIT", to = "al",
  from = "State Intelligence Service liaison", channel = "phone",
  subject = "Attribution will take days",
  body = [[
"We will not have an attribution we can stand behind for several days. In the meantime we
hear that KOS-CERT and MKD-CIRT are seeing something similar. We do not object to technical
indicators going to CSIRTs under TLP:AMBER."]],
  decision = {
    prompt = "Release the indicator package now?",
    options = {
      { "release", "Release it to all regional CSIRTs now" },
      { "keep",    "Keep holding it" },
    },
    deadline = "20m", default = "keep",
  },
  on_decision = function(team, option, timeout)
    if option == "release" then
      state.iocs_released = "late"
      for _, n in ipairs(NEIGHBOURS) do
        warn(n, "AKCESK late release")
      end
      score(team, 1, "released indicators, late")
    end
  end,
  notes = "Fired 45 minutes after AL-04 option 3. Releasing now may still help the countries reached last (see the table in the header: indicators are needed 30 minutes before the campaign arrives).",
}

inject {
  id = "AL-05-NEG", to = "al",
  from = "State Police, cybercrime unit", channel = "phone",
  subject = "The actor answered — with a data sample",
  body = [[
"We opened the channel as agreed. They replied in ten minutes with 5,000 payroll records as
proof and raised the price to 60 BTC. They do not care about the money, in our view: they are
performing for an audience."]],
  notes = "Consequence of 'negotiate'. Points to the political motive.",
}

inject {
  id = "AL-05-PAY", to = "al",
  from = "GDSA director", channel = "phone",
  subject = "The decryptor does nothing for the wiped servers",
  body = [[
"Finance moved the money through an intermediary. The 'decryptor' unlocks three files on
one server; the wiped machines cannot be helped at all. The Minister is asking who
recommended paying. And the group posted that Albania pays."]],
  notes = "Consequence of 'pay'. Political fallout; make sure the team feels it.",
}

inject {
  id = "EU-OFFER-EARLY", to = "al",
  from = "EU Delegation in Tiranë (liaison desk)", channel = "liaison",
  subject = "Informal: partner experts could come at short notice",
  body = [[
Informal heads-up from the EU liaison desk: incident response and forensic experts from
partners could be made available at short notice once there is a formal request.]],
  notes = "Fired when the eu desk chose 'offer' on EU-01. Nice to have, not essential.",
}

---------------------------------------------------------------------------
-- MOVE 2 — Leak, escalation and spread (T+1:40 - 3:20)
---------------------------------------------------------------------------

inject {
  id = "ALL-M2", at = "1:40", to = "all",
  from = "Exercise control", channel = "liaison",
  subject = "Move 2: the leak and the spread",
  body = [[
Move 2 begins. It is 10:40. Assume that everything decided so far has been carried out.
The campaign is now looking for its next targets. Watch your own constituents, and talk
to each other.]],
  notes = "Short pause if needed. Glance at `state`: state.warned decides who gets the MILD or SEVERE version at 11:00-11:35.",
}

inject {
  id = "SM-02", at = "1:45", to = "all",
  from = "@crimson_justice (Telegram channel)", channel = "social",
  subject = "Hacktivists publish a sample of citizens' data",
  body = [[
The group posts a 40 MB archive: names, personal numbers and salaries of about 20,000 public
employees, and scanned ID cards. "Part one. The rest after the deadline. Neighbours: check
your RegiDoc servers." The Telegram channel gains 12,000 subscribers in an hour.]],
  notes = "The leak is real and public. Triggers breach-notification questions (AL-06). The RegiDoc hint is public too: neighbours who haven't asked al yet should do so now.",
}

inject {
  id = "REG-01", at = "1:50", to = CSIRTS,
  from = "KOS-CERT, on behalf of the regional CSIRT community", channel = "liaison",
  subject = "Regional coordination call at 11:15?",
  body = [[
Several of us see pieces of the same campaign. We propose a regional call at 11:15 (video,
TLP:AMBER) to put the indicators on the table and agree who warns which suppliers. The
BalkanSecure contact list is current. Will you join and bring what you have?]],
  decision = {
    prompt = "Join the regional call?",
    options = {
      { "join",    "Join and put our indicators on the table" },
      { "observe", "Listen in, share nothing yet" },
    },
    deadline = "20m", -- no default: a team that does not answer is not in the call
  },
  expect = { option = "join", within = "20m", objective = "O2" },
  on_decision = function(team, option, timeout)
    if option ~= "join" then
      return
    end
    state.joined_call[team] = true
    score(team, 1, "joined the regional call")
    -- If AKCESK joins, its indicator package reaches every CSIRT in the call.
    if team == "al" then
      for _, n in ipairs(NEIGHBOURS) do
        warn(n, "regional call")
      end
    end
  end,
  notes = "No default on purpose. If al joins, every neighbour gets the indicators, but by now too late to change what happens at 11:00-11:35: use the call to compare what each team has seen and to agree on the public line.",
}

inject {
  id = "AL-06", at = "1:55", to = "al",
  from = "Information and Data Protection Commissioner's office", channel = "email",
  subject = "Personal data breach: notification expected",
  body = [[
Personal data of public employees is circulating on Telegram. We expect a notification from
the controllers and a decision on informing the people affected. What is your advice to the
GDSA and the Ministry of Finance?]],
  decision = {
    prompt = "Advice on breach notification?",
    options = {
      { "notify", "Notify the Commissioner now and prepare notices for those affected" },
      { "assess", "Finish the scope assessment first" },
    },
    deadline = "40m", default = "assess",
  },
  expect = { option = "notify", within = "40m", objective = "O6" },
  on_decision = function(team, option, timeout)
    state.dpa = option
    if option == "notify" then
      score(team, 2, "breach notified promptly")
    end
  end,
  notes = "Waiting is not illegal at this point, but the data is already public. 'assess' triggers AL-DPA-PRESS at 11:40.",
}

-- The campaign arrives in each neighbouring country: fired by the at() timers at the top.

inject {
  id = "XK-HIT-SOFT", to = "xk",
  from = "Ministry IT security officer, Prishtinë", channel = "email",
  subject = "Blocked: supplier account tried again",
  body = [[
At 10:58 'asoft-support02' tried to log in to the VPN again from 203.0.113.14. The account
was already disabled, the address blocked. A scan of RegiDoc servers found the scheduled
task 'SysHealthCheck' on one host, not yet run. It has been removed.]],
  notes = "MILD version: KOS-CERT had the indicators or disabled supplier accounts. Ask them to share what they saw with the others.",
}

inject {
  id = "XK-HIT-HARD", to = "xk",
  from = "Ministry IT security officer, Prishtinë", channel = "phone",
  subject = "Ministry document system encrypted",
  body = [[
"Since 10:58 our document management system and two file servers show .crimson files and a
ransom note. The attacker came in over VPN with the Adriatik Soft account. Staff are being
sent home. What do we do?"]],
  decision = {
    prompt = "How do you contain it?",
    options = {
      { "isolate", "Isolate the ministry from the government backbone" },
      { "contain", "Contain only the affected hosts, keep the ministry connected" },
    },
    deadline = "30m", default = "isolate",
  },
  on_decision = function(team, option, timeout)
    if option == "isolate" then
      score(team, 1, "isolated the affected ministry")
    end
  end,
  notes = "SEVERE version: the warning never arrived (or was not acted on). Debrief: which share would have changed this?",
}

inject {
  id = "MK-HIT-SOFT", to = "mk",
  from = "Municipal IT coordinator network", channel = "ticket",
  subject = "RegiDoc update held; eleven hosts cleaned",
  body = [[
The update was held everywhere. On the eleven municipalities that had installed it, the
hash of the new RegiDoc service matched the indicators and was removed before it activated
at 11:10. Registry services continue.]],
  notes = "MILD version: MKD-CIRT blocked the update or had the hashes in time.",
}

inject {
  id = "MK-HIT-HARD", to = "mk",
  from = "Municipal IT coordinator network", channel = "phone",
  subject = "Municipal registries wiped",
  body = [[
"At 11:10 the registry servers in eleven municipalities rebooted and never came back.
Another nine that installed the update since are encrypting right now. Marriage
registrations and property records are stopped. Do we pull the plug on all of them?"]],
  decision = {
    prompt = "What now?",
    options = {
      { "offline", "Take every RegiDoc server offline nationally" },
      { "paper",   "Keep the network up and move counters to paper procedures" },
    },
    deadline = "30m", default = "offline",
  },
  on_decision = function(team, option, timeout)
    if option == "offline" then
      score(team, 1, "stopped the spread in municipalities")
    end
  end,
  notes = "SEVERE version. The update host was in AKCESK's package since 09:40.",
}

inject {
  id = "AL-07", at = "2:15", to = "al",
  from = "Secretariat of the National Security Council", channel = "phone",
  subject = "The council wants a briefing",
  body = [[
"The President of the Council wants to know if this is a national security matter. The
intelligence service suspects a foreign state. Should the council meet this afternoon and
activate the national cyber crisis plan, or is a written brief from AKCESK enough?"]],
  decision = {
    prompt = "Escalate to the national security council?",
    options = {
      { "escalate", "Yes: convene the council and activate the crisis plan" },
      { "brief",    "No: a written brief, keep it at agency level" },
    },
    deadline = "30m", default = "brief",
  },
  expect = { option = "escalate", within = "30m", objective = "O5" },
  on_decision = function(team, option, timeout)
    if option == "escalate" then
      state.escalated = true
      score(team, 2, "escalated a state-level attack to the political level")
      fire("AL-NSC-TASK")
    end
  end,
  notes = "Destructive attacks on the state, a leak and a suspected state actor meet most national thresholds. Escalating unlocks diplomatic tools (attribution, partner requests).",
}

inject {
  id = "ME-HIT-SOFT", to = "me",
  from = "BalkanHost abuse desk", channel = "email",
  subject = "Web shells found and removed",
  body = [[
Following your guidance we searched the platform for uploads from 198.51.100.23 and found
web shells on 31 customer sites, including 6 public bodies. All removed; passwords reset.
Someone tried to use one of them at 11:20 and got a 404.]],
  notes = "MILD version: CIRT.ME had the BalkanHost address or demanded an audit.",
}

inject {
  id = "ME-HIT-HARD", to = "me",
  from = "BalkanHost abuse desk", channel = "phone",
  subject = "Thirty sites defaced, one leaking data",
  body = [[
"At 11:20 thirty customer sites were defaced at once. One of them, a municipal tax page,
had its database dumped; the file is already on the Crimson Justice channel. We can take
the whole platform down, but that takes 300 customers offline."]],
  decision = {
    prompt = "What do you advise?",
    options = {
      "Take the whole shared platform offline until it is clean",
      "Clean it site by site and keep the rest online",
    },
    deadline = "30m", default = "1",
  },
  on_decision = function(team, option, timeout)
    if option == "1" then
      score(team, 1, "contained the shared platform")
    end
  end,
  notes = "SEVERE version. Both choices are defensible; ask how they would notify the 300 customers.",
}

inject {
  id = "RS-HIT-SOFT", to = "rs",
  from = "Large Serbian ISP, security team", channel = "email",
  subject = "Beacons sinkholed; reseller cleaned up",
  body = [[
The three customers' servers still try to reach the command-and-control addresses, which now
land in the sinkhole. The RegiDoc reseller found the wiper's scheduled task on two build
machines and removed it before it ran.]],
  notes = "MILD version: the National CERT had the addresses blocked in time.",
}

inject {
  id = "RS-HIT-HARD", to = "rs",
  from = "Large Serbian ISP, security team", channel = "phone",
  subject = "RegiDoc reseller's build servers destroyed",
  body = [[
"The reseller's build machines were wiped at 11:25, and it had signed RegiDoc packages for
customers in Serbia and Montenegro on them this morning. We do not know what those packages
contain. The C2 traffic is still flowing."]],
  decision = {
    prompt = "What do you do about the C2 traffic now?",
    options = {
      { "sinkhole", "Sinkhole the C2 addresses and domains nationally" },
      { "watch",    "Keep watching to learn more about the actor" },
    },
    deadline = "30m", default = "sinkhole",
  },
  on_decision = function(team, option, timeout)
    if option == "sinkhole" then
      score(team, 1, "cut the command-and-control channel")
    end
  end,
  notes = "SEVERE version. The signed packages are a new supply-chain risk for me: a good team warns CIRT.ME.",
}

inject {
  id = "NEWS-02", at = "2:30", to = CSIRTS,
  from = "BalkanWire regional desk", channel = "news",
  subject = "Is the Albanian attack spreading across the region?",
  body = [[
BalkanWire asks every national CSIRT the same three questions for a 12:00 story:
1. Are institutions in your country affected by the campaign hitting Albania?
2. Have you received information from the Albanian authorities?
3. What should citizens and organisations in your country do?]],
  notes = "Tests consistency: do the CSIRTs coordinate their lines (a share, the regional call) or contradict each other?",
}

inject {
  id = "BA-HIT-SOFT", to = "ba",
  from = "Cantonal administration IT", channel = "email",
  subject = "Lure page blocked, two password resets",
  body = [[
The lure page is blocked on all government resolvers. Two staff admitted entering RegiDoc
credentials; their accounts were reset before anyone used them. An attempt with one of them
was logged at 11:35 and failed.]],
  notes = "MILD version: the CERT warned constituents or had the indicators.",
}

inject {
  id = "BA-HIT-HARD", to = "ba",
  from = "Cantonal administration IT", channel = "phone",
  subject = "Stolen RegiDoc credentials used; cantonal records encrypted",
  body = [[
"Credentials from the invoice e-mail were used at 11:35. The cantonal records system is
encrypted and the hacktivists already posted a screenshot of it. Entity-level bodies are
asking who is in charge of the response."]],
  decision = {
    prompt = "How do you organise the response?",
    options = {
      { "coordinate", "Coordinate all affected bodies from the CERT and take the lure sites down" },
      { "local",      "Leave the response to each affected body" },
    },
    deadline = "30m", default = "coordinate",
  },
  on_decision = function(team, option, timeout)
    if option == "coordinate" then
      score(team, 1, "took the coordinating role")
    end
  end,
  notes = "SEVERE version. Good moment to discuss national coordination across levels of government.",
}

inject {
  id = "AL-EU-OFFER", at = "2:40", to = "al",
  from = "EU Delegation in Tiranë", channel = "liaison",
  subject = "Formal offer of incident response assistance",
  body = [[
On behalf of the EU and partner states, the Delegation offers a team of incident response
and forensic experts, deployable within 24 hours, and support for a regional exchange of
indicators. A formal request from the Albanian government is needed.]],
  decision = {
    prompt = "Accept the assistance?",
    options = {
      { "accept",  "Accept now" },
      { "decline", "Decline; handle it nationally" },
      { "defer",   "Defer until the national security council has met" },
    },
    deadline = "45m", default = "defer",
  },
  expect = { option = "accept", within = "45m", objective = "O5" },
  on_decision = function(team, option, timeout)
    state.eu_help = option
    if option == "accept" then
      score(team, 2, "accepted international assistance")
    end
  end,
  notes = "Sent to al whether or not the eu desk is played. 'accept' plus an escalated council deploys the team (EU-TEAM-DEPLOYED).",
}

inject {
  id = "SM-03", at = "3:05", to = "rs",
  from = "@crimson_justice (X)", channel = "social",
  subject = "Claim: 'Serbian tax service is next, already inside'",
  body = [[
The group posts a screenshot said to show the Serbian tax administration's admin console,
and the words "already inside". Local media pick it up within minutes. The tax
administration says it sees nothing unusual.]],
  decision = {
    prompt = "How do you respond?",
    options = {
      { "deny",   "Public statement: no evidence of compromise, investigation ongoing" },
      { "verify", "Say nothing until the screenshot is verified" },
    },
    deadline = "30m", default = "verify",
  },
  on_decision = function(team, option, timeout)
    state.rs_claim = option
  end,
  notes = "The screenshot is fake (an old demo console); hacktivist personas inflate claims to spread fear. If they ask (rfi), tell them so after 15 minutes of checking.",
}

-- Move 2 branches and conditions.

inject {
  id = "AL-DPA-PRESS", to = "al",
  from = "Information and Data Protection Commissioner", channel = "news",
  subject = "Commissioner: 'no notification received'",
  body = [[
The Commissioner tells television that no controller has notified the breach although the
data of 20,000 employees is public, and announces an inquiry.]],
  notes = "Fired at 11:40 when AL-06 was 'assess'.",
}

inject {
  id = "AL-NSC-TASK", to = "al",
  from = "National Security Council", channel = "liaison",
  subject = "Council tasks AKCESK",
  body = [[
The council has met and activated the national cyber crisis plan. AKCESK is tasked to:
(1) coordinate technically with the regional CSIRTs and partners, (2) give the Ministry of
Foreign Affairs the evidence for a possible attribution, (3) brief the council again at 13:00.]],
  notes = "Fired on 'escalate' (AL-07).",
}

inject {
  id = "REG-NETWORK", to = "all",
  from = "Regional CSIRT community", channel = "liaison",
  subject = "The regional picture is complete",
  body = [[
With indicators now held by most national CSIRTs, the pieces fit: one actor, three ways
in (the Adriatik Soft support account, the RegiDoc update channel, the BalkanHost shared
platform), one set of command-and-control servers. The vendor and the hosting provider
have been told by several CSIRTs at once.]],
  notes = "Fired when four of the five neighbours have the indicators. Praise it in the hot wash.",
}

inject {
  id = "EU-TEAM-DEPLOYED", to = { "al", "eu" },
  from = "EU Delegation in Tiranë", channel = "liaison",
  subject = "Expert team en route",
  body = [[
The formal request has been received. Six incident responders and forensic analysts land in
Tiranë tonight; a liaison officer joins AKCESK's morning briefing tomorrow. Please name a
point of contact and prepare access to the disk images.]],
  notes = "Fired when the council was convened (AL-07) and the EU offer accepted (AL-EU-OFFER). Disk images exist only if AL-02 was 'image'.",
}

---------------------------------------------------------------------------
-- MOVE 3 — Recovery, attribution and the public message (T+3:20 - 5:00)
---------------------------------------------------------------------------

inject {
  id = "ALL-M3", at = "3:20", to = "all",
  from = "Exercise control", channel = "liaison",
  subject = "Move 3: recovery and the public message",
  body = [[
Move 3 begins. It is 12:20. The campaign's active phase appears to be over. The questions
now are how to come back safely, who did it, and what to tell the public.]],
  notes = "Check `state.hit` for who had MILD or SEVERE. Invite SEVERE teams to tell the room what would have helped.",
}

inject {
  id = "AL-08", at = "3:25", to = "al",
  from = "AKCESK forensics lead", channel = "ticket",
  subject = "TKT-4502: initial access and recovery options",
  body = [[
Initial access was an internet-facing collaboration server, unpatched since 2021, used
about fourteen months ago; the supplier account came later. Two recovery options:
  (a) rebuild from known-clean images and re-import data after checks: about 5 days;
  (b) restore last night's backups now: portal up tomorrow. Backups were taken while the
      attacker was inside, and some backup servers sat on the same network.]],
  decision = {
    prompt = "How do you recover?",
    options = {
      { "rebuild", "Rebuild from known-clean images (slower, safer)" },
      { "restore", "Restore last night's backups now (faster)" },
    },
    deadline = "40m", default = "rebuild",
  },
  expect = { option = "rebuild", within = "40m", objective = "O7" },
  on_decision = function(team, option, timeout)
    state.recovery = option
    if option == "restore" then
      if state.portal == "online" then
        -- The wiper spread while the portal stayed up: the backups are poisoned.
        fire("AL-REINFECT")
        score(team, -5, "restored poisoned backups")
        if state.ransom == "pay" then
          -- Catastrophic branch: paid, and the restored systems are destroyed again.
          log("CATASTROPHIC BRANCH: paid ransom + poisoned restore. ENDEX in 20 minutes.")
          after("20m", function()
            endex("catastrophic: the restored government systems were wiped a second time")
          end)
        end
      else
        fire("AL-RESTORE-OK")
        score(team, 1, "restored service quickly")
      end
    end
  end,
  notes = "'restore' is a gamble that pays off only if the back-end was isolated early (AL-01 'offline' or 'degrade'). With 'online' in Move 1 it fails (AL-REINFECT), and with a paid ransom as well the exercise ends early: use the time for the hot wash.",
}

inject {
  id = "AL-09", at = "3:40", to = "al",
  from = "Ministry of Foreign Affairs, security policy directorate", channel = "liaison",
  subject = "Attribution: partners propose a joint statement",
  body = [[
Partner governments say their own findings point to the same state-sponsored actor and
offer to attribute the attack jointly with Albania. The Minister asks whether AKCESK's
technical evidence supports that, and what you recommend.]],
  decision = {
    prompt = "What do you recommend on attribution?",
    options = {
      { "joint",    "Support a joint attribution with partners" },
      { "national", "A national statement only" },
      { "none",     "No attribution yet" },
    },
    deadline = "45m", default = "none",
  },
  expect = { option = "joint", within = "45m", objective = "O7" },
  on_decision = function(team, option, timeout)
    state.attribution = option
    if option == "joint" then
      if state.evidence == "image" then
        score(team, 2, "attribution backed by preserved evidence")
      end
      fire("AL-JOINT-ATTR")
    end
  end,
  notes = "Attribution is political; AKCESK's part is the evidence. If AL-02 was 'wipe', the technical case is thin: ask them how confident they are.",
}

inject {
  id = "NEWS-03", at = "3:50", to = CSIRTS,
  from = "BalkanWire regional desk", channel = "news",
  subject = "Press conferences this afternoon: a joint message?",
  body = [[
Ministers in three capitals have called press conferences for 14:00. Journalists ask
whether the CSIRTs of the region will say something together: what happened, what was
shared, what citizens and organisations should do.]],
  decision = {
    prompt = "What will your country's technical message be?",
    options = {
      "Join a joint regional statement by the national CSIRTs",
      "A national statement only",
      "No statement today",
    },
    deadline = "30m", default = "2",
  },
  expect = { option = "1", within = "30m", objective = "O4" },
  on_decision = function(team, option, timeout)
    if option == "1" then
      score(team, 2, "joined the regional public message")
    end
    if team == "al" and (option == "1" or option == "2") then
      state.public_statement = true
    end
  end,
  notes = "Plain-list decision (keys 1, 2, 3). A joint statement needs someone to draft it: see who takes the pen.",
}

inject {
  id = "EU-02", at = "4:00", to = "eu",
  from = "EEAS, Brussels", channel = "liaison",
  subject = "Partner statement of support?",
  body = [[
Brussels asks the desk whether a statement of support for Albania and the region is useful
today, and whether it should mention capacity building for the Western Balkans.]],
  decision = {
    prompt = "Recommend a statement today?",
    options = {
      { "today", "Yes, today, coordinated with Tiranë" },
      { "later", "Later, after the national statements" },
    },
    deadline = "30m", default = "later",
  },
  notes = "Optional team; no consequence in code. Discuss timing relative to AL-09.",
}

inject {
  id = "REG-02", at = "4:05", to = NEIGHBOURS,
  from = "Adriatik Soft, management", channel = "email",
  subject = "Vendor statement: build server compromised",
  body = [[
Adriatik Soft confirms that its build server and a support account were compromised. It
has published RegiDoc 7.4.3, built on a new server and signed with a new key, and asks all
customers to install it today.]],
  decision = {
    prompt = "What do you advise your constituents?",
    options = {
      { "suspend", "Suspend RegiDoc until an independent audit is done" },
      { "patch",   "Install 7.4.3 after checking the new signature" },
    },
    deadline = "30m", default = "patch",
  },
  on_decision = function(team, option, timeout)
    if option == "patch" then
      score(team, 1, "restored a supplier relationship on verifiable terms")
    end
  end,
  notes = "Both are defensible; ask how they verify the new signing key and who talks to the vendor for the region.",
}

inject {
  id = "SM-04", at = "4:20", to = "all",
  from = "@crimson_justice (Telegram channel)", channel = "social",
  subject = "'Part two tomorrow'",
  body = [[
"Part two tomorrow: the civil registry. Thank your governments." The post links to a
file-sharing page that serves malware to anyone who clicks it.]],
  notes = "Last pressure point. A good team warns the public not to download 'leaks'.",
}

inject {
  id = "ALL-HOTWASH", at = "4:45", to = "all",
  from = "Exercise control", channel = "liaison",
  subject = "15 minutes to ENDEX: prepare the hot wash",
  body = [[
Please prepare three points for the hot wash:
1. What information did you receive from other CSIRTs, and when? What did it change?
2. Which decision was hardest, and what would you need to make it faster?
3. One thing you will change in your procedures next week.]],
  notes = "Scores are final at 13:50 (T+4:50). Pull up `state.shares` and `state.hit` for the debrief.",
}

-- Move 3 branches.

inject {
  id = "AL-REINFECT", to = "al",
  from = "GDSA duty officer", channel = "phone",
  subject = "Restored servers are wiping themselves",
  body = [[
"We restored the backups and the portal came up for forty minutes. Then the 'SysHealthCheck'
task ran from the restored images and the servers went dark again. The backups carry the
wiper. We have lost the civil registry's last three backups."]],
  notes = "Consequence of 'restore' after the portal stayed 'online' in Move 1.",
}

inject {
  id = "AL-RESTORE-OK", to = "al",
  from = "GDSA duty officer", channel = "ticket",
  subject = "Backups restored on isolated hosts",
  body = [[
The backups were restored on isolated hosts and scanned against the indicator package.
Nothing found. Core services come back tomorrow morning; a monitoring watch stays in place.]],
  notes = "Consequence of 'restore' when the back-end had been isolated early. Lucky, and defensible.",
}

inject {
  id = "AL-JOINT-ATTR", to = "all",
  from = "BalkanWire", channel = "news",
  subject = "Albania and partners attribute the attack to a state actor",
  body = [[
Albania and several partner governments publicly attribute the attacks on Albanian e-services
to a state-sponsored actor. Crimson Justice's channel answers within minutes with threats
against "every country that signed". Regional CSIRTs report a spike in scanning.]],
  notes = "Fired when al chose 'joint' on AL-09. Everyone gets it: does anyone raise their alert level?",
}

---------------------------------------------------------------------------
-- White cell reserve: fired by hand only (`fire WC-DDOS`), never by code.
-- `simulate` cannot reach these; that is by design.
---------------------------------------------------------------------------

inject {
  id = "WC-DDOS", manual = true, to = "al",
  from = "AKCESK network operations", channel = "phone",
  subject = "Our own website and mail gateway are under DDoS",
  body = [[
"Our public website and the mail gateway are down under a 40 Gbit/s flood. Partners cannot
e-mail us. We still have phones and the secure chat."]],
  notes = "Use when AKCESK is coasting: do they have out-of-band channels to the other CSIRTs?",
}

inject {
  id = "WC-FAKE-IOC", manual = true, to = "all",
  from = "Forwarded by a constituent", channel = "email",
  subject = "'Official AKCESK indicator list' circulating",
  body = [[
A PDF titled 'AKCESK — official indicators' is being forwarded between organisations. It
lists a major cloud provider's address ranges as malicious and asks readers to block them.
AKCESK did not write it.]],
  notes = "Disinformation test: who verifies with AKCESK before acting? Use in Move 2 or 3.",
}
