--[[
Dying embers — a state-sponsored router botnet taken down
==========================================================

What it trains
  A national tabletop for the Czech cyber community and a US partner, in the spirit of
  the first US–Czech bilateral cyber dialogue (Prague, 18 March 2024, on the sidelines
  of the Prague Cyber Security Conference), where the Czech Republic recalled its part
  in Operation DYING EMBER: an international effort to remediate over a thousand
  compromised routers of unsuspecting victims in the United States and around the
  world that Russian nation-state actors had used for their operations. The dialogue
  also stressed information sharing between CERTs, joint exercises, disrupting
  malicious cyber actors and attributing malicious behaviour. It rehearses:
    * detecting home and small-office (SOHO) routers used as proxy infrastructure for
      spear-phishing against government (APT28-style tradecraft),
    * coordination between the national authority, the national CSIRT, an ISP and law
      enforcement, and with the FBI, under operational secrecy,
    * the legal basis for touching private devices: a court-authorised remote operation
      versus notification of owners,
    * the risk of tipping off the actor before H-hour,
    * notification of owners and ISPs, remediation guidance, and a joint attribution.

  The operation is modelled on public descriptions of DYING EMBER (early 2024): routers
  with default administrator passwords, first infected by a criminal botnet and then
  used by a state actor; a court-authorised operation that copied and deleted the
  actor's files and changed firewall rules to block remote management, reversible by
  the owner with a factory reset. Everything in this file is FICTIONAL: the VantaLink
  ER-4 router, Vltava Telecom, the ministries' staff, the "SLATE FALCON" cluster, the
  date and every indicator (documentation IP ranges 192.0.2.0/24, 198.51.100.0/24,
  203.0.113.0/24 and .example domains).

Teams
  nukib   NÚKIB (GovCERT.CZ)                    - national authority, government networks
  csirt   CSIRT.CZ (national CSIRT)             - notifications to owners and networks
  isp     Vltava Telecom CSIRT (an ISP)         - 31 of the Czech routers are its customers'
  police  Police cybercrime liaison (NCOZ, with the supervising prosecutor)
  fbi     FBI legal attaché, US Embassy Prague  - holds the list of Czech routers

Moves (4 hours of exercise time, 09:00-13:00 in-world; the operation's H-hour is 12:00)
  Move 1 (T+0:00-1:15)  Detection: phishing from Czech home routers, a partner's call
  Move 2 (T+1:15-2:45)  Coordination: legal basis, evidence, secrecy, preparation
  Move 3 (T+2:45-4:00)  H-hour and after: results, notification, remediation, attribution

How the mechanics work
  The list of the 74 compromised Czech routers. The FBI holds it. It reaches Czech
  teams through FBI-01 (option 1: nukib, csirt and police; option 2: police only), any
  `share` from fbi (after T+0:30), or a `share` from a Czech team that has it
  (state.has_list). The ISP can pre-stage notifications only if it has the list by
  T+2:30.

  The court. The police learn of the operation (POL-01) once they have the list, or at
  T+1:40 at the latest (the FBI's formal request). POL-01 "court" asks a Czech court to
  authorise the remote operation on Czech routers; the answer comes 80 minutes later and
  is yes (COURT-OK) only with evidence in hand (the ISP preserved a router, ISP-01
  "preserve"; NÚKIB mapped the infrastructure, NUK-HUNT; or the FBI shared its
  forensic report, FBI-02 "include").

  Tipping off. Public or visible steps before H-hour add to state.tip: a reset of the
  ISP's routers (ISP-01 "reset") +1, customer notifications before H-hour (ISP-02
  "notify") +1, a public warning (CSI-02 "now") +2, a public reactive measure (NUK-03
  "measure") +1, confirming an investigation to the press (SM-01 "confirm") +1, a
  held operation (FBI-03 "2") +1 when something was visible already. At 3 or more the
  actor is tipped off. state.actor shows how aware it is (unaware, wary, alarmed,
  tipped off).

  Lure waves. Until NÚKIB blocks the infrastructure (NUK-01 "share" or "block") or
  H-hour comes, a lure wave reaches the government every 30 minutes, each one higher
  up (state.phish_waves), at a point each for NÚKIB.

  The file uses the helper library of scenarios/lib (docs/scenario-library.md): share
  (the list, the sharing credit), ladder (the moves, the actor's awareness), media (the
  lure waves) and time (the in-world clock).

  H-hour (T+3:00, or T+3:30 when the FBI holds): OP-TIPPED if the actor was tipped off;
  otherwise OP-FULL when Czech routers are included (court order in hand and FBI-02
  "include"), else OP-PARTIAL. A joint attribution (ATTRIB-JOINT) goes out when NÚKIB
  joins (NUK-04 "join") and the FBI publishes the advisory (FBI-04 "publish").

How to run it
  tabletop check scenarios/soho-botnet.lua
  tabletop run scenarios/soho-botnet.lua --journal soho-botnet.jsonl
  tabletop simulate scenarios/soho-botnet.lua --runs 200 --policy random

Reachability
  WC-VENDOR is `manual = true`: the white cell fires it by hand (`fire WC-VENDOR`) in
  Move 3 when the teams need pressure on their public message (a vendor disputing the
  advisory). No code fires it, so `simulate` lists it as never fired; that is by
  design. Everything else is reached by some run of `simulate --policy random`.
--]]

exercise {
  title = "Dying embers — a state-sponsored router botnet taken down",
  start = "2025-02-11 09:00",
  duration = "4h",
  tick = "1m",
  speed = 1,                  -- real time, as in a real exercise; run --speed X to rehearse
  seed = 2024,
}

---------------------------------------------------------------------------
-- Teams
---------------------------------------------------------------------------

team { id = "nukib", name = "NÚKIB (GovCERT.CZ)" }
team { id = "csirt", name = "CSIRT.CZ (national CSIRT)" }
team { id = "isp", name = "Vltava Telecom CSIRT" }
team { id = "police", name = "Police cybercrime liaison (NCOZ)" }
team { id = "fbi", name = "FBI legal attaché, Prague" }

local ALL_TEAMS = { "nukib", "csirt", "isp", "police", "fbi" }
local CZ_GOV = { "nukib", "csirt", "police" }   -- who FBI-01 option 1 briefs

---------------------------------------------------------------------------
-- Objectives
---------------------------------------------------------------------------

objective { id = "O1", text = "Block the phishing infrastructure and share indicators within 30 minutes" }
objective { id = "O2", text = "Preserve evidence before anything is reset" }
objective { id = "O3", text = "Secure a lawful basis in time for action on Czech routers" }
objective { id = "O4", text = "Keep the operation confidential until H-hour while preparing the partners who must act" }
objective { id = "O5", text = "Notify owners and networks with clear remediation guidance right after H-hour" }
objective { id = "O6", text = "Attribute jointly with partners on the basis of evidence" }

---------------------------------------------------------------------------
-- World state (facilitators: `state`)
---------------------------------------------------------------------------

state.nukib_ioc = "undecided"    -- NUK-01: "share", "block" or "watch"
state.isp_routers = "undecided"  -- ISP-01: "reset", "notify" or "preserve"
state.csirt_report = "undecided" -- CSI-01: "forward", "ask" or "check"
state.fbi_brief = "undecided"    -- FBI-01: "1" all, "2" police only, "3" after H-hour
state.has_list = {}              -- [team] = in-world time it got the list of Czech routers
state.police_knows = false       -- POL-01 fires once this is true (or at T+1:40)
state.evidence = {}              -- evidence in hand: ["router image"] = true, ...
state.court = "none"             -- "pending", "granted", "refused" or "mla"
state.fbi_scope = "undecided"    -- FBI-02: "include" or "exclude"
state.isp_measure = "undecided"  -- ISP-02: "filter", "notify" or "wait"
state.campaign = "undecided"     -- CSI-02: "staged", "now" or "none"
state.tip = 0                    -- tipping-off points (3 or more: the actor noticed)
state.confirmed = false          -- SM-01: has anyone confirmed an investigation?
state.tips = {}                  -- what added them
state.h_hour = "12:00"           -- 12:30 if the FBI holds
state.outcome = "pending"        -- "full", "partial" or "tipped"
state.cz_fixed = 0               -- Czech routers neutralised or fixed by ENDEX (of 74)
state.phish_waves = 0            -- lure waves so far (set by the media campaign below)
state.attribution = "undecided"  -- NUK-04
state.advisory = "undecided"     -- FBI-04
state.shares = {}                -- ["nukib -> isp"] = in-world time of the first share

---------------------------------------------------------------------------
-- Helpers (the helper library in scenarios/lib: docs/scenario-library.md)
---------------------------------------------------------------------------

local time = require("time")
local share = require("share")
local ladder = require("ladder")
local media = require("media")

local hm = time.hm                  -- hm(1, 40): seconds in 1 hour 40 minutes
local clock = time.clock("09:00")   -- clock(t): the in-world "HH:MM" at exercise time t

-- How many entries a table has.
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

-- Something visible before H-hour: the actor may notice.
local function tip(points, what)
  if state.outcome ~= "pending" then
    return
  end
  state.tip = state.tip + points
  state.tips[#state.tips + 1] = what .. " (+" .. points .. ")"
  log("tip-off risk +" .. points .. ": " .. what .. " (total " .. state.tip .. ")")
end

local function tipped()
  return state.tip >= 3
end

---------------------------------------------------------------------------
-- Sharing between teams
---------------------------------------------------------------------------

-- A point for every partner a team shares with for the first time (state.shares).
share.credit { teams = ALL_TEAMS, state = "shares", clock = clock }

-- The list of the Czech routers (state.has_list). The FBI has it from FBI-01 (T+0:30) and its
-- shares carry it from then on; a Czech team that has it passes it on when it shares.
local list = share.knowledge {
  name = "router list", teams = ALL_TEAMS, state = "has_list", clock = clock,
  sources = { fbi = hm(0, 30) }, relay = true,
  learners = function(team) return team ~= "fbi" end,
  on_learn = function(team)
    if team == "police" then
      state.police_knows = true
    end
  end,
}

---------------------------------------------------------------------------
-- Timeline
---------------------------------------------------------------------------

-- The moves, one after the other (state.move).
ladder.new {
  name = "moves", state = "move",
  levels = {
    { name = "Move 1: Detection", phase = true },
    { name = "Move 2: Coordination under secrecy", phase = true, after = "1h15m" },
    { name = "Move 3: H-hour and after", phase = true, after = "1h30m" },
  },
}

on("start", function()
  log("STARTEX 09:00. H-hour 12:00 (T+3:00), 12:30 if the FBI holds. Tip-off at 3 points. "
    .. "Czech routers included only with a Czech court order and FBI-02 'include'.")
end)

-- The police learn of the operation: from the list, a share, or the FBI's formal request.
when(function() return state.police_knows or now() >= hm(1, 40) end, function()
  fire("POL-01")
end)

-- The court's answer, 80 minutes after the request.
local function court_answer()
  if count(state.evidence) > 0 then
    state.court = "granted"
    fire("COURT-OK")
    score("police", 4, "court order for action on Czech routers")
  else
    state.court = "refused"
    fire("COURT-NO")
    score("police", -1, "court request without evidence")
  end
end

-- H-hour. Called at 12:00, or at 12:30 when the FBI holds.
local function h_hour()
  local included = state.court == "granted" and state.fbi_scope == "include"
  if tipped() then
    state.outcome = "tipped"
    state.cz_fixed = included and 40 or 12
    fire("OP-TIPPED")
    score("fbi", -2, "the actor was tipped off")
    score("nukib", -1, "the actor was tipped off")
  elseif included then
    state.outcome = "full"
    state.cz_fixed = 71
    fire("OP-FULL")
    score("fbi", 3, "operation covered the Czech routers")
    score("police", 3, "operation covered the Czech routers")
    score("nukib", 2, "operation covered the Czech routers")
  else
    state.outcome = "partial"
    state.cz_fixed = 0
    fire("OP-PARTIAL")
    score("fbi", 1, "operation done abroad; Czech routers left to notification")
  end
  -- What the ISP pre-staged counts right after H-hour.
  if list:has("isp") and list:since("isp") <= hm(2, 30) and state.outcome ~= "full" then
    state.cz_fixed = state.cz_fixed + 20
    score("isp", 2, "pre-staged notifications went out at H-hour")
  end
  log("H-hour " .. state.h_hour .. ": " .. state.outcome .. ", Czech routers fixed: "
    .. state.cz_fixed .. " of 74; tip points " .. state.tip)
  after("10m", function() fire("ISP-03") end)
  after("15m", function() fire("CSI-03") end)
end

---------------------------------------------------------------------------
-- Recurring pressure and conditions
---------------------------------------------------------------------------

-- Until NÚKIB blocks the infrastructure (or H-hour comes), a lure wave reaches the
-- government every 30 minutes, each one higher up (state.phish_waves counts them).
local function lure_subject(n)
  return "Lure wave #" .. n .. " at " .. clock()
end

media.campaign {
  name = "lure waves", every = "30m", to = "nukib", channel = "email",
  count = "phish_waves", score = { nukib = -1 }, reason = "phishing infrastructure still unblocked",
  stop = function()
    return state.nukib_ioc == "share" or state.nukib_ioc == "block" or state.outcome ~= "pending"
  end,
  waves = {
    { from = "Ministry of Industry and Trade, IT security", subject = lure_subject,
      body = "Another 40 staff received 'conference invitation' e-mails. The link leads to a "
        .. "login page on a Czech home address, port 8443. Two people entered passwords." },
    { from = "Ministry of the Interior, security department", subject = lure_subject,
      body = "The same invitation reached 60 of our staff, among them a deputy minister's "
        .. "office. The login page sits on another Czech home address. Three passwords." },
    { from = "Government Office, IT operations", subject = lure_subject,
      body = "The lures have reached the Government Office. The Prime Minister's chief of "
        .. "staff asks why the addresses behind them are still not blocked." },
  },
}

-- The actor's awareness, for the white cell (state.actor): it climbs with the tip-off points
-- until H-hour.
ladder.new {
  name = "actor", state = "actor",
  hold = function() return state.outcome ~= "pending" end,
  levels = {
    { name = "unaware" },
    { name = "wary", when = function() return state.tip >= 1 end,
      log = "actor: wary (tip 1): its operators check their proxies more often" },
    { name = "alarmed", when = function() return state.tip >= 2 end,
      log = "actor: alarmed (tip 2): one more visible step and it cleans up before H-hour" },
    { name = "tipped off", when = tipped,
      log = "actor: tipped off (tip 3): it will run its clean-up script before H-hour" },
  },
}

-- Every hour, a line for the white cell.
every("1h", function()
  local got = {}
  for team, since in pairs(state.has_list) do
    got[#got + 1] = team .. "@" .. since
  end
  log("status " .. clock(now()) .. ": court " .. state.court .. ", tip " .. state.tip
    .. ", list: " .. (#got > 0 and table.concat(got, ", ") or "FBI only"))
end)

-- NÚKIB joins and the FBI publishes: a joint attribution.
when(function() return state.attribution == "join" and state.advisory == "publish" end, function()
  fire("ATTRIB-JOINT")
  score("nukib", 2, "joint attribution with partners")
  score("fbi", 2, "joint attribution with partners")
end)

-- Final assessment before ENDEX.
at("3:55", function()
  if state.court == "granted" then
    score("police", 1, "lawful basis secured in time")
  end
  if state.cz_fixed >= 60 then
    score("csirt", 2, "most Czech routers cleaned")
  end
  log("final picture: outcome " .. state.outcome .. ", " .. state.cz_fixed
    .. " of 74 Czech routers fixed, tips: "
    .. (#state.tips > 0 and table.concat(state.tips, "; ") or "none"))
end)

on("end", function(reason)
  log("ENDEX (" .. reason .. "). Hot wash: who knew what before H-hour, and who needed to?")
end)

---------------------------------------------------------------------------
-- MOVE 1 — Detection (T+0:00 - 1:15)
---------------------------------------------------------------------------

inject {
  id = "ALL-00", at = "0:00", to = "all",
  from = "Exercise control", channel = "liaison",
  subject = "STARTEX: router botnet tabletop",
  body = [[
Good morning. It is Tuesday 11 February, 09:00 in Prague (03:00 in Washington). Everything
in this exercise is fictional.

Work as you would today: your own procedures, your own legal constraints. Use `share TEAM
TEXT` to pass information, `action TEXT` to record what you do and `rfi TEXT` to ask
exercise control. Decisions have deadlines; a missed deadline records the default.]],
  notes = "Read aloud. The fbi team knows more than everyone else from T+0:30: it decides what to tell whom. Watch `state.has_list` and `state.tip`.",
}

inject {
  id = "NUK-01", at = "0:05", to = "nukib",
  from = "GovCERT.CZ analysts", channel = "ticket",
  subject = "GOV-0211-04: spear-phishing from Czech home addresses",
  body = [[
Since 07:30 two ministries received "conference invitation" e-mails with links to login
pages. The pages are served on port 8443 from 14 addresses in Czech residential ranges,
among them 203.0.113.18 and 203.0.113.64 (Vltava Telecom customers). Banner grabbing shows
VantaLink ER-4 routers. Three staff entered their passwords.

The lure and the credential-harvesting kit match public reporting on SLATE FALCON, a
cluster that partners link to a foreign military intelligence service.]],
  decision = {
    prompt = "What do you do with the infrastructure?",
    options = {
      { "share", "Block the 14 addresses, reset the three accounts, share indicators with CSIRT.CZ and the ISPs" },
      { "block", "Block and reset in government networks only" },
      { "watch", "Reset the accounts but leave the addresses unblocked to map the infrastructure" },
    },
    deadline = "25m", default = "block",
  },
  expect = { option = "share", within = "30m", objective = "O1" },
  on_decision = function(team, option, timeout)
    state.nukib_ioc = option
    if option == "share" then
      score(team, 3, "blocked and shared the indicators")
    elseif option == "block" then
      score(team, 1, "blocked in government networks")
    else
      after("40m", function() fire("NUK-HUNT") end)
    end
  end,
  notes = "'watch' maps the infrastructure (NUK-HUNT: evidence for the court) but lure waves keep landing every 30 minutes until H-hour. 'share' is the expected answer: indicators are not the same thing as the operation's secret.",
}

inject {
  id = "ISP-01", at = "0:10", to = "isp",
  from = "Vltava Telecom abuse desk", channel = "ticket",
  subject = "ABU-88231: 12 customer routers with foreign SSH and port 8443",
  body = [[
Netflow shows 12 of our customers' VantaLink ER-4 routers accepting SSH sessions from
foreign hosting providers and serving HTTPS on port 8443. Last year a criminal botnet
spread through ER-4 routers that still had the factory password. Four of the 12 are
routers we lease and manage; eight belong to customers (two small firms, six households).

We can push a factory reset to the four we manage in a few minutes.]],
  decision = {
    prompt = "What do you do with the routers?",
    options = {
      { "reset",    "Factory-reset the four managed routers now and e-mail the other eight customers" },
      { "notify",   "Phone the 12 customers and tell them to reset" },
      { "preserve", "Touch nothing; capture traffic and image one managed router, call CSIRT.CZ and the police" },
    },
    deadline = "25m", default = "notify",
  },
  expect = { option = "preserve", within = "30m", objective = "O2" },
  on_decision = function(team, option, timeout)
    state.isp_routers = option
    if option == "preserve" then
      state.evidence["router image"] = true
      score(team, 2, "preserved evidence before any reset")
      after("30m", function() fire("ISP-EVIDENCE") end)
    elseif option == "reset" then
      tip(1, "the ISP reset four routers")
      score(team, -1, "destroyed evidence on the managed routers")
    end
  end,
  notes = "The trade-off: resetting protects four customers now but destroys evidence and shows the actor that someone is cleaning. 'notify' is slower and also visible, but owners act one by one. 'preserve' gives the court its evidence (COURT-OK).",
}

inject {
  id = "CSI-01", at = "0:20", to = "csirt",
  from = "A national CSIRT in the CSIRTs Network", channel = "email",
  subject = "TLP:AMBER: Czech IPs used as proxies against our ministry",
  body = [[
Colleagues, nine Czech IP addresses served phishing pages and relayed SSH to our ministry's
mail server over the last week (list attached; six are Vltava Telecom customers). Our
analysis points to a state actor. We ask you to handle the Czech end.

Please note: a partner law enforcement agency asked us to keep this within CSIRTs for now.]],
  decision = {
    prompt = "What do you do with the report?",
    options = {
      { "forward", "Forward the nine addresses to the ISPs' abuse contacts as usual" },
      { "ask",     "Ask the reporting CSIRT what the law enforcement interest is before acting" },
      { "check",   "Check the addresses against NÚKIB's data first" },
    },
    deadline = "25m", default = "forward",
  },
  on_decision = function(team, option, timeout)
    state.csirt_report = option
    if option == "ask" then
      score(team, 2, "asked before acting on a sensitive report")
      after("20m", function() fire("CSI-ASK-REPLY") end)
    elseif option == "check" then
      score(team, 1, "cross-checked with the national authority")
    end
  end,
  notes = "The routine answer ('forward') is not wrong: nine addresses handled as abuse reports are normal churn for the actor. But it misses the context: 'ask' reveals that there is an operation (CSI-ASK-REPLY), 'check' connects CSIRT.CZ with NÚKIB.",
}

inject {
  id = "FBI-01", at = "0:30", to = "fbi",
  from = "FBI headquarters, Cyber Division", channel = "liaison",
  subject = "TLP:AMBER: operation at 12:00 Prague time; 74 Czech routers",
  body = [[
A US court has authorised an operation against a network of compromised VantaLink ER-4
routers used by SLATE FALCON as proxies. H-hour is 06:00 Eastern, 12:00 in Prague. More
than a thousand routers in the US and abroad; 74 are in the Czech Republic. The warrant
covers devices in the US only: action on Czech routers needs a Czech legal basis.

You may brief Czech partners with a need to know. You hold the list of the 74 Czech
addresses and a forensic report on the actor's files.]],
  decision = {
    prompt = "Whom do you brief now?",
    -- Plain list: keys "1", "2" and "3".
    options = {
      "NÚKIB, CSIRT.CZ and the police now, with the list, under TLP:AMBER",
      "The police only, through the law enforcement channel",
      "Nobody until after H-hour",
    },
    deadline = "25m", default = "2",
  },
  expect = { option = "1", within = "30m", objective = "O4" },
  on_decision = function(team, option, timeout)
    state.fbi_brief = option
    if option == "1" then
      for _, t in ipairs(CZ_GOV) do
        list:give(t, "FBI briefing")
      end
      score(team, 2, "briefed the partners who must act")
    elseif option == "2" then
      list:give("police", "FBI law enforcement channel")
      score(team, 1, "briefed law enforcement")
    else
      score(team, -2, "kept partners in the dark")
    end
  end,
  notes = "Secrecy versus preparation. Nobody Czech can act on 74 routers by 12:00 without the list. Option 3 still lets the police learn at 10:40 (the formal request), too late for a court order before noon.",
}

-- Move 1 branches

inject {
  id = "POL-01", to = "police",
  from = "Supervising prosecutor, High Public Prosecutor's Office", channel = "phone",
  subject = "The FBI asks what we can do about 74 Czech routers by noon",
  body = [[
"I have the FBI's request. Their operation at 12:00 copies and deletes the actor's files on
the routers and closes remote management with a firewall rule; the owner can undo it with a
factory reset. Their warrant stops at their border. For Czech routers we can ask a court
to authorise the same remote action today, which has never been done here and needs
evidence; or send a formal request for mutual legal assistance (weeks); or leave it to the
owners, notified by CSIRT.CZ and the ISPs."]],
  decision = {
    prompt = "What do you ask the prosecutor to do?",
    options = {
      { "court",  "Apply to a court today to authorise remote action on the Czech routers" },
      { "mla",    "Proceed by formal mutual legal assistance" },
      { "notify", "No technical action; owners are notified after H-hour" },
    },
    deadline = "30m", default = "mla",
  },
  expect = { option = "court", within = "30m", objective = "O3" },
  on_decision = function(team, option, timeout)
    if option == "court" then
      state.court = "pending"
      score(team, 1, "sought a lawful basis in time")
      after("80m", court_answer)
    elseif option == "mla" then
      state.court = "mla"
    end
  end,
  notes = "Fires when the police learn of the operation (FBI-01, or any share of the list) or at 10:40 at the latest. The court answers 80 minutes after 'court': granted only with evidence (ISP-01 'preserve', NUK-HUNT, or FBI-02 'include').",
}

inject {
  id = "NUK-HUNT", to = "nukib",
  from = "GovCERT.CZ analysts", channel = "ticket",
  subject = "GOV-0211-09: the infrastructure mapped",
  body = [[
Watching the 14 addresses paid off: they relay to 61 more Czech ER-4 routers and to
upstream servers abroad. We have full packet captures of the actor logging in to a router
with the factory password and starting the phishing kit. This is the evidence a court would
want.]],
  notes = "Consequence of NUK-01 'watch': evidence for the court (state.evidence). The lure waves continue meanwhile. Does NÚKIB give the captures to the police?",
}

inject {
  id = "ISP-EVIDENCE", to = "isp",
  from = "Vltava Telecom forensic engineer", channel = "ticket",
  subject = "ABU-88231: router image and captures",
  body = [[
The image of managed router VL-4410 shows a criminal botnet's files from last year plus a
newer set of scripts: an SSH relay, a credential-harvesting web server on port 8443, and a
cron job that deletes logs. Captures show the operator connecting from 198.51.100.71. The
image is hashed and stored.]],
  notes = "Consequence of ISP-01 'preserve'. Good teams pass it to the police (`share police ...`).",
}

inject {
  id = "CSI-ASK-REPLY", to = "csirt",
  from = "A national CSIRT in the CSIRTs Network", channel = "phone",
  subject = "Reply: please do not trigger mass clean-up before noon",
  body = [[
"Our police say a partner operation is planned for today around noon. Routine abuse reports
now would make owners reset routers in a pattern the actor can see. Talk to your national
authority and your police; they should have been contacted."]],
  notes = "Consequence of CSI-01 'ask'. CSIRT.CZ now knows there is an operation; it may ask NÚKIB or the police for the list.",
}

---------------------------------------------------------------------------
-- MOVE 2 — Coordination under secrecy (T+1:15 - 2:45)
---------------------------------------------------------------------------

inject {
  id = "FBI-02", at = "1:20", to = "fbi",
  from = "FBI headquarters, operations", channel = "liaison",
  subject = "Scope decision: Czech routers in or out?",
  body = [[
Operations needs the final target list by 11:00 Prague time. If a Czech court authorises
action, the Czech routers can be included: then the Czech side needs our forensic report on
the actor's files to show the court. Otherwise we exclude them and the Czech partners notify
owners after H-hour.]],
  decision = {
    prompt = "Czech routers in the operation?",
    options = {
      { "include", "Include them if the Czech court authorises; send our forensic report to the police" },
      { "exclude", "Exclude them; the Czech side notifies owners" },
    },
    deadline = "30m", default = "exclude",
  },
  on_decision = function(team, option, timeout)
    state.fbi_scope = option
    if option == "include" then
      state.evidence["FBI forensic report"] = true
      score(team, 1, "shared evidence to enable partner action")
    end
  end,
  notes = "The forensic report counts as evidence for the Czech court.",
}

inject {
  id = "ISP-02", at = "1:30", to = "isp",
  from = "Vltava Telecom network operations", channel = "email",
  subject = "What do we do before noon?",
  body = [[
We can filter inbound SSH and port 8443 to all ER-4 routers in our network (about 9,000,
most not compromised; some business customers manage their routers remotely that way). Or
notify the customers we know about now. Or wait for a coordinated time, if anyone tells us
when that is.]],
  decision = {
    prompt = "What does the ISP do before noon?",
    options = {
      { "filter", "Filter inbound SSH and 8443 to ER-4 routers network-wide at 12:00" },
      { "notify", "Notify the affected customers now" },
      { "wait",   "Wait for a coordinated time" },
    },
    deadline = "30m", default = "wait",
  },
  expect = { option = "filter", within = "30m", objective = "O4" },
  on_decision = function(team, option, timeout)
    state.isp_measure = option
    if option == "notify" then
      tip(1, "the ISP notified customers before H-hour")
    elseif option == "filter" then
      score(team, 1, "prepared a network measure for H-hour")
    end
  end,
  notes = "Network filtering at H-hour is invisible before and protects after, but blocks some business customers' remote management: a net neutrality and customer question. The ISP can only time it if someone tells it when H-hour is.",
}

inject {
  id = "CSI-02", at = "1:40", to = "csirt",
  from = "CSIRT.CZ duty officer", channel = "ticket",
  subject = "Owner notification campaign: when and how?",
  body = [[
Whatever happens at noon, thousands of ER-4 owners need guidance: factory reset, firmware
update, a new administrator password, no remote management from the internet. We can
publish a warning about the ER-4 now, or prepare notifications and guidance to go out right
after the operation.]],
  decision = {
    prompt = "What do you do?",
    options = {
      { "staged", "Prepare notifications and guidance for release right after H-hour" },
      { "now",    "Publish a public warning about the ER-4 now" },
      { "none",   "Leave notification to the ISPs" },
    },
    deadline = "30m", default = "none",
  },
  expect = { option = "staged", within = "30m", objective = "O5" },
  on_decision = function(team, option, timeout)
    state.campaign = option
    if option == "staged" then
      score(team, 2, "prepared guidance for H-hour")
    elseif option == "now" then
      tip(2, "CSIRT.CZ published a warning before H-hour")
    end
  end,
  notes = "A public warning now protects some owners a few hours earlier and almost certainly tips the actor off (+2). If CSIRT.CZ does not know about the operation, this is a fair choice: ask it what it knew.",
}

inject {
  id = "COURT-OK", to = { "police", "fbi" },
  from = "Supervising prosecutor", channel = "phone",
  subject = "The court authorised remote action on the Czech routers",
  body = [[
"The judge authorised the remote action on the 74 listed Czech routers, limited to copying
and deleting the actor's files and changing the firewall rules, with a report to the court
within 30 days and notification of every owner. The evidence convinced her."]],
  notes = "Czech routers are included at H-hour if the FBI chose 'include' on FBI-02. Tell the FBI!",
}

inject {
  id = "COURT-NO", to = "police",
  from = "Supervising prosecutor", channel = "phone",
  subject = "The court refused: not enough evidence",
  body = [[
"The judge refused: we could not show her what is on the Czech routers or that the action
is proportionate. Without a forensic image or the partner's report, we have a story, not
evidence. We can apply again tomorrow."]],
  notes = "No evidence in hand when the court decided (state.evidence empty). Czech routers fall back to notification.",
}

inject {
  id = "NUK-03", at = "2:00", to = "nukib",
  from = "Ministry of Defence, security department", channel = "phone",
  subject = "Lures now at the Ministry of Defence",
  body = [[
"Forty of our staff got the conference invitation this morning. It came through the same
kind of home-router addresses. Can NÚKIB order every obliged entity to block these addresses
today?"]],
  decision = {
    prompt = "How do you protect the obliged entities?",
    options = {
      { "measure", "Issue a public reactive measure ordering the blocks" },
      { "tlp",     "Share the indicators with obliged entities privately under TLP:AMBER" },
      { "none",    "Nothing more until after H-hour" },
    },
    deadline = "25m", default = "tlp",
  },
  on_decision = function(team, option, timeout)
    if option == "measure" then
      tip(1, "NÚKIB published a reactive measure before H-hour")
      score(team, 1, "protected obliged entities")
    elseif option == "tlp" then
      score(team, 2, "protected obliged entities quietly")
    else
      score(team, -1, "left obliged entities exposed")
    end
  end,
  notes = "A reactive measure is legally strong but public. TLP sharing protects without announcing anything.",
}

inject {
  id = "SM-01", at = "2:15", to = "police",
  from = "Reporter, a Czech news site", channel = "phone",
  subject = "'Are Russian spies using Czech home routers?'",
  body = [[
"A source tells me that foreign intelligence uses Czech home routers for hacking and that
the police have something planned today. Can you confirm there is an investigation? We
publish at 11:45."]],
  decision = {
    prompt = "What do you say?",
    options = {
      { "confirm",   "Confirm an investigation is under way" },
      { "nocomment", "No comment on operational matters; promise information later today" },
    },
    deadline = "15m", default = "nocomment",
  },
  on_decision = function(team, option, timeout)
    if option == "confirm" then
      state.confirmed = true
      tip(1, "the police confirmed an investigation to the press")
    else
      score(team, 1, "kept operational secrecy without lying")
    end
  end,
  notes = "'confirm' adds tip-off risk. A good answer promises information later without confirming the operation.",
}

inject {
  id = "FBI-03", at = "2:40", to = "fbi",
  from = "FBI headquarters, operations", channel = "liaison",
  subject = "Go / no-go for 12:00",
  body = [[
Final check. Operations can hold for 30 minutes if a partner needs time (a court order on
its way, an ISP not ready). Every extra half hour means more people know.]],
  decision = {
    prompt = "Go at 12:00 or hold?",
    options = { "Go at 12:00", "Hold until 12:30" },
    deadline = "15m", default = "1",
  },
  on_decision = function(team, option, timeout)
    if option == "2" then
      state.h_hour = "12:30"
      -- Thirty more minutes matter only if something has already leaked.
      if state.tip > 0 then
        tip(1, "the operation was held for 30 minutes after visible steps")
      end
      at("3:30", h_hour)
    else
      at("3:00", h_hour)
    end
  end,
  notes = "Holding helps when a Czech court order is due between 12:00 and 12:30; it adds tip-off risk only if something visible has happened already (state.tip > 0). Ask the fbi team whether it checked with the police first.",
}

---------------------------------------------------------------------------
-- MOVE 3 — H-hour and after (T+2:45 - 4:00)
---------------------------------------------------------------------------

inject {
  id = "ALL-02", at = "2:45", to = "all",
  from = "Exercise control", channel = "liaison",
  subject = "11:45: H-hour approaches",
  body = [[
It is 11:45 in Prague, 05:45 in Washington. Each team: one line to exercise control on what
you have ready for H-hour and who you are waiting for.]],
  notes = "FBI-03 decides 12:00 or 12:30. Under 'none' the default is 12:00.",
}

inject {
  id = "OP-FULL", to = "all",
  from = "FBI legal attaché / NCOZ", channel = "liaison",
  subject = "H-hour: operation complete, Czech routers included",
  body = [[
The operation ran worldwide. On 71 of the 74 Czech routers the actor's files were copied
for evidence and deleted, and remote management from the internet was closed by a firewall
rule; three were offline. Owners' own settings and data were not touched; a factory reset
undoes the firewall change. Owners must now be notified, as the court ordered.]],
  notes = "Best branch: evidence, a court order, inclusion, and no tip-off. The routers still carry the factory password: remediation guidance matters.",
}

inject {
  id = "OP-PARTIAL", to = "all",
  from = "FBI legal attaché", channel = "liaison",
  subject = "H-hour: operation complete abroad; Czech routers untouched",
  body = [[
The operation ran on routers in the US and in partner countries with a legal basis. The 74
Czech routers were not touched: the actor's tools still run on them. They must be cleaned by
their owners, which means notification through the ISPs and clear guidance.]],
  notes = "No Czech court order, or the FBI excluded Czech routers. The ISP's pre-staged notifications help (state.cz_fixed).",
}

inject {
  id = "OP-TIPPED", to = "all",
  from = "FBI legal attaché", channel = "liaison",
  subject = "H-hour: the actor moved first",
  body = [[
At 11:20 the actor ran its clean-up script on about 40 % of the botnet: logs and tools
deleted, evidence gone. New proxies appeared on routers of another model. The operation
still ran on the rest. Headquarters asks what happened on the Czech side this morning.]],
  notes = "Three or more tip-off points (state.tips lists them). Use it in the hot wash: which visible step was necessary, which was not?",
}

inject {
  id = "ISP-03", to = "isp",
  from = "Vltava Telecom customer care", channel = "phone",
  subject = "Customers calling: 'my router stopped answering remotely'",
  body = [[
"Since noon customers call about their ER-4s: business customers cannot manage them
remotely any more, households ask whether they were hacked. The team lead wants to know
what we tell them, and whether we should revert the firewall change for those who ask."]],
  decision = {
    prompt = "What do you tell customers?",
    options = {
      { "guide",  "Remediation guidance: factory reset, firmware update, new password, no remote management from the internet" },
      { "revert", "Help them revert the firewall change on request" },
      { "vendor", "Refer them to the vendor" },
    },
    deadline = "20m", default = "vendor",
  },
  expect = { option = "guide", within = "20m", objective = "O5" },
  on_decision = function(team, option, timeout)
    if option == "guide" then
      state.cz_fixed = math.min(74, state.cz_fixed + 3)
      score(team, 2, "gave customers the remediation steps")
    elseif option == "revert" then
      score(team, -2, "re-opened remote management on routers with factory passwords")
    end
  end,
  notes = "Fired ten minutes after H-hour. Reverting the firewall change without a reset and new password re-exposes the router.",
}

inject {
  id = "CSI-03", to = "csirt",
  from = "CSIRT.CZ duty officer", channel = "ticket",
  subject = "Notifying owners: which channel?",
  body = [[
We have the 74 Czech addresses now (from the partners or the ISPs). Owners have to be told
that their router was used by a state actor, what was done, and how to fix it. ISPs know
their customers; we do not.]],
  decision = {
    prompt = "How do you notify the owners?",
    options = {
      "Through each ISP's abuse contact, with remediation guidance in Czech and English",
      "A public advisory and press release only",
      "Both",
    },
    deadline = "30m", default = "2",
  },
  expect = { option = "3", within = "30m", objective = "O5" },
  on_decision = function(team, option, timeout)
    if option == "1" or option == "3" then
      state.cz_fixed = math.min(74, state.cz_fixed + (state.campaign == "staged" and 15 or 8))
      score(team, 2, "owners notified through their networks")
    end
    if option == "2" or option == "3" then
      score(team, 1, "public guidance for every ER-4 owner")
    end
  end,
  notes = "Fired fifteen minutes after H-hour. Pre-staged guidance (CSI-02 'staged') makes notification faster.",
}

inject {
  id = "NUK-04", at = "3:20", to = "nukib",
  from = "Ministry of Foreign Affairs, Special Envoy for Cyberspace", channel = "phone",
  subject = "Joining the partners' attribution?",
  body = [[
"The partners will publish a joint advisory at 13:00 attributing the router network to
SLATE FALCON, which they link to a foreign military intelligence service, with technical
details. They ask whether the Czech Republic joins. The government can approve it in time
if NÚKIB says the technical evidence supports it."]],
  decision = {
    prompt = "What do you recommend?",
    options = {
      { "join",    "Join the joint advisory and attribution" },
      { "support", "A national statement supporting the partners, without our own attribution" },
      { "none",    "No statement" },
    },
    deadline = "25m", default = "support",
  },
  expect = { option = "join", within = "30m", objective = "O6" },
  on_decision = function(team, option, timeout)
    state.attribution = option
    if option == "join" and count(state.evidence) > 0 then
      score(team, 2, "joined an attribution backed by evidence")
    elseif option == "join" then
      score(team, 1, "joined the attribution on partners' evidence")
    end
  end,
  notes = "Ask what Czech evidence there is (state.evidence). Joining without own evidence is possible but weaker.",
}

inject {
  id = "FBI-04", at = "3:30", to = "fbi",
  from = "FBI headquarters, public affairs", channel = "liaison",
  subject = "Advisory at 13:00 with indicators?",
  body = [[
The joint advisory is ready: the actor's scripts, indicators, and guidance for owners. Some
partners ask for a delay to finish their own notifications; others want it out now so that
owners of other router models can check themselves.]],
  decision = {
    prompt = "Publish at 13:00?",
    options = {
      { "publish", "Publish at 13:00 with all partners ready to sign" },
      { "delay",   "Delay 24 hours for partners' notifications" },
    },
    deadline = "20m", default = "publish",
  },
  on_decision = function(team, option, timeout)
    state.advisory = option
  end,
  notes = "If NÚKIB joined (NUK-04 'join') and the FBI publishes, ATTRIB-JOINT fires.",
}

inject {
  id = "POL-03", at = "3:40", to = "police",
  from = "NCOZ head of cybercrime", channel = "phone",
  subject = "Criminal proceedings: what now?",
  body = [[
"The owners are victims, the actor is out of reach. Do we open criminal proceedings and ask
owners for consent to image their routers, so that we can support the attribution and a
later prosecution? Or hand the file to counter-intelligence and close ours?"]],
  decision = {
    prompt = "What do you do?",
    options = {
      { "open",    "Open proceedings, collect router images with owners' consent" },
      { "handover", "Hand the file to counter-intelligence" },
    },
    deadline = "15m", default = "handover",
  },
  on_decision = function(team, option, timeout)
    if option == "open" then
      state.evidence["owner images"] = true
      score(team, 1, "kept a criminal case and evidence")
    end
  end,
  notes = "No wrong answer; ask how each option serves attribution and the victims.",
}

inject {
  id = "ATTRIB-JOINT", to = "all",
  from = "Ministry of Foreign Affairs", channel = "news",
  subject = "Joint advisory: router network attributed",
  body = [[
The Czech Republic, the United States and other partners publish a joint advisory
attributing the network of compromised routers to SLATE FALCON, a unit of a foreign
military intelligence service, with indicators and remediation guidance for owners.]],
  notes = "Fired when NUK-04 'join' and FBI-04 'publish'.",
}

inject {
  id = "SM-02", at = "3:45", to = "all",
  from = "Czech Television newsroom", channel = "news",
  subject = "'Is my router a spy?': viewers ask",
  body = [[
The evening news wants a guest and a simple message for viewers: how do I know whether my
router was used, and what do I do? The newsroom asks every institution involved for a
spokesperson.]],
  notes = "A check on consistency: do all teams give the same four steps (factory reset, update firmware, new password, no remote management from the internet)?",
}

inject {
  id = "ALL-HOTWASH", at = "3:50", to = "all",
  from = "Exercise control", channel = "liaison",
  subject = "10 minutes to ENDEX: prepare the hot wash",
  body = [[
Prepare three points for the hot wash:

- what you knew before H-hour, and who else needed it;
- which visible step before H-hour was necessary, and which was not;
- what would make a court order possible faster next time.]],
  notes = "Show `state`: has_list, evidence, court, tips, cz_fixed.",
}

-- Held in reserve: the white cell fires it by hand (`fire WC-VENDOR`) in Move 3 to
-- press the teams' public message. No code fires it, so simulate always lists it.
inject {
  id = "WC-VENDOR", to = { "nukib", "csirt" }, manual = true,
  from = "VantaLink press office", channel = "news",
  subject = "Vendor: 'our routers are secure'",
  body = [[
VantaLink's statement: "The ER-4 is secure when configured according to our documentation.
The reported incidents concern devices whose owners did not change the default password.
We reject any suggestion of a vulnerability in our products."]],
  notes = "Reserve inject. Do the teams answer with secure-by-default arguments, or leave owners confused?",
}

-- HOTWASH: answered after ENDEX with `answer N TEXT`; the answers go into the AAR.
hotwash {
  "What did you share with law enforcement and the ISPs, and what did you hold back? Why?",
  "Which step risked tipping off the actor, and how did you weigh it?",
  "How did you reach and advise the owners of the compromised routers?",
  "What legal or procedural obstacle slowed you most, and who can remove it?",
}
