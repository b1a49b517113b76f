--[[
Election night and the grid — a Ukraine–US consultations tabletop
=================================================================

What it trains
  A national tabletop on two attacks that arrive in the same evening: one on the
  election administration and one on the power grid. It draws its themes from the
  interagency Ukrainian–American cyber consultations (the second round was held on
  5 November in Kyiv), where the two sides discussed new assistance projects for the
  cybersecurity of electoral systems and of critical infrastructure, stronger incident
  response, and training in cybersecurity and digital forensics, backed by US
  technical assistance of $10 million. The Ukrainian delegation included the Central
  Election Commission, the State Service for Special Communication and Information
  Protection and the Ministry of Energy; the US one the Departments of State, Energy
  and Homeland Security, the FBI and USAID. The drill rehearses:
    * first response to credential phishing of election officials,
    * keeping the preliminary-results website up and trustworthy on election night
      (DDoS, a staged defacement with fabricated results, disinformation),
    * an intrusion at a power distribution company (stolen remote access, operators'
      screens taken over, breakers opened, a second stage against substation gateways)
      and the choice of a controlled outage,
    * cross-sector sharing: indicators that reach the energy sector in time change
      what happens at the distribution company,
    * escalation, partner assistance, public communication and attribution.

  The attack patterns echo public reporting on the 2014 attack on the Central
  Election Commission (fabricated results prepared for the website; a foreign TV
  channel aired them anyway) and on the 2015 attack on Ukrainian distribution
  companies (stolen VPN access, hijacked dispatcher screens, breakers opened,
  serial-to-Ethernet gateways bricked, a telephone flood on the call centre, manual
  restoration). Everything in this file is FICTIONAL: the election date, the
  Dnipro-Polissia Power Distribution company (DPPD), candidates, channels, the
  "GREY BISON" cluster and every indicator (documentation IP ranges 192.0.2.0/24,
  198.51.100.0/24, 203.0.113.0/24 and .example domains).

Teams
  cert    National CERT (CERT-UA role)                 - coordinates, sees both sectors
  cec     Central Election Commission, IT and security - phishing, results website
  energy  Energy sector CSIRT (Ministry of Energy)     - speaks for the DSO under attack
  us      US partner liaison desk (State, DHS/CISA, DOE, FBI, USAID at the Embassy)

Moves (4 hours of exercise time, election day 18:30-22:30 in-world)
  Move 1 (T+0:00-1:30)  Election day: signals (phishing, odd VPN logins, rumours)
  Move 2 (T+1:30-3:00)  Polls close: DDoS, fabricated results, the grid attack
  Move 3 (T+3:00-4:00)  Trust and recovery: observers, attribution, restoration

How the sharing mechanic works
  The phishing of election officials and the intrusion at the DSO come from the same
  infrastructure (203.0.113.51, *.example domains registered together). The energy
  CSIRT is "warned" when the indicators reach it: the CERT's sector-wide alert
  (CERT-01 "sector"), the joint cell (CERT-02 "1"), the partner's early note (US-01
  "1" fires CERT-US-NOTE to cert and energy), or any `share` to energy (or to all)
  from cert (after T+0:10), cec (after T+0:05) or us (after T+0:30).

  At T+1:45 the attacker moves on the grid. The DSO is PROTECTED (EN-HIT-SOFT) when
  the energy CSIRT cut remote access itself (EN-01 "cut"), or was warned by T+1:15
  (19:45) and had not chosen to leave the access open to watch (EN-01 "monitor").
  Otherwise EN-HIT-HARD: substations go dark during the vote count. The second stage
  at T+2:30 bricks substation gateways (EN-WIPER) if the grid was hit, the SCADA
  servers were kept running (EN-HIT-HARD other than "manual") and no controlled
  outage was accepted (EN-03 "2").

  Other dynamics: the results site's preparation (CEC-02) decides how the DDoS at
  polls close lands; leaving phished accounts open (CEC-01 "watch") lets the attacker
  publish fabricated results at T+1:50; rumours grow every 20 minutes while results
  are unavailable, each wave reaching further (Telegram, national TV, the foreign
  press); CERT-LINK fires once the CERT holds both sectors' reports; the US team
  deploys when the CERT escalated and the partner offered a hunt team; a joint
  attribution goes out when both CERT and US choose it.

  The file uses the helper library of scenarios/lib (docs/scenario-library.md): share
  (the indicators, the reports to the CERT, the sharing credit), ladder (the moves),
  media (the rumour waves) and time (the in-world clock).

How to run it
  tabletop check scenarios/election-grid.lua
  tabletop run scenarios/election-grid.lua --journal election-grid.jsonl
  tabletop simulate scenarios/election-grid.lua --runs 200 --policy random

Reachability
  WC-BOMB-THREAT is `manual = true`: the white cell fires it by hand (`fire
  WC-BOMB-THREAT`) when the election commission needs more pressure or a test of its
  physical-security contacts. No code fires it, so `simulate` lists it as never fired;
  that is by design. Everything else is reached by some run of `simulate --policy random`.
--]]

exercise {
  title = "Election night and the grid — national cyber crisis tabletop",
  start = "2027-03-28 18:30",
  duration = "4h",
  tick = "1m",
  speed = 1,                  -- real time, as in a real exercise; run --speed X to rehearse
  seed = 2018,
}

---------------------------------------------------------------------------
-- Teams
---------------------------------------------------------------------------

team { id = "cert", name = "National CERT (CERT-UA role)" }
team { id = "cec", name = "Central Election Commission — IT and security" }
team { id = "energy", name = "Energy sector CSIRT (Ministry of Energy)" }
team { id = "us", name = "US partner liaison desk" }

local ALL_TEAMS = { "cert", "cec", "energy", "us" }

---------------------------------------------------------------------------
-- Objectives
---------------------------------------------------------------------------

objective { id = "O1", text = "Contain the credential phishing of election officials within 30 minutes" }
objective { id = "O2", text = "Keep preliminary results available and trustworthy on election night" }
objective { id = "O3", text = "Share indicators across sectors and with partners in time to matter" }
objective { id = "O4", text = "Cut the attacker's access to the grid safely and keep polling stations supplied" }
objective { id = "O5", text = "Inform the public early and consistently; answer disinformation with verifiable facts" }
objective { id = "O6", text = "Escalate in time, use partner assistance and support attribution with evidence" }

---------------------------------------------------------------------------
-- World state (facilitators: `state`)
---------------------------------------------------------------------------

state.phish = "undecided"        -- CEC-01: "all", "targeted" or "watch"
state.cert_alert = "undecided"   -- CERT-01: "sector", "election" or "wait"
state.remote = "undecided"       -- EN-01: "cut", "mfa" or "monitor"
state.us_note = "no"             -- US-01: "early" or "late" once the note is out
state.site_prep = "undecided"    -- CEC-02: "cdn", "mirror" or "asis"
state.joint_cell = false         -- CERT-02: joint cell convened?
state.energy_reported = false    -- has the energy CSIRT told the CERT?
state.cert_has_cec = false       -- has the CEC given the CERT its phishing indicators?
state.warned = {}                -- [team] = in-world time it got the indicators
state.site = "up"                -- results website: "up" or "down"
state.results_available = true   -- can citizens see preliminary results somewhere?
state.fake = "none"              -- fabricated results: "blocked" or "live"
state.statement = false          -- has anyone said something in public tonight?
state.grid = "normal"            -- "normal", "mild" (attempt blocked) or "outage"
state.hard_choice = "none"       -- EN-HIT-HARD: "manual", "isolate" or "scada"
state.controlled = "undecided"   -- EN-03: "1" (controlled outage) or "2" (keep supply)
state.escalated = false          -- CERT-04
state.us_help = "undecided"      -- US-02: "1" deploy, "2" analysis, "3" wait
state.attribution = "undecided"  -- CERT-05
state.us_attrib = "undecided"    -- US-03
state.rumours = 0                -- rumour waves so far (set by the media campaign below)
state.shares = {}                -- ["cert -> energy"] = in-world time of the first share

---------------------------------------------------------------------------
-- Helpers (the helper library in scenarios/lib: docs/scenario-library.md)
---------------------------------------------------------------------------

local time = require("time")
local share = require("share")
local ladder = require("ladder")
local media = require("media")

local hm = time.hm                  -- hm(1, 15): seconds in 1 hour 15 minutes
local clock = time.clock("18:30")   -- clock(t): the in-world "HH:MM" at exercise time t

-- Results are unavailable: the site is down and no mirror carries them.
local function results_dark()
  return state.site == "down" and not state.results_available
end

---------------------------------------------------------------------------
-- Sharing between teams
---------------------------------------------------------------------------

-- A point for every partner a team shares with for the first time (state.shares).
share.credit { teams = ALL_TEAMS, state = "shares", clock = clock }

-- The indicators of the campaign (state.warned). A share to the energy CSIRT carries them
-- from the CEC (it holds them from CEC-01, T+0:05), the CERT (CERT-01, T+0:10) or the US
-- desk (US-01, T+0:30); decisions hand them out too (indicators:give).
local indicators = share.knowledge {
  name = "indicators", teams = ALL_TEAMS, state = "warned", clock = clock,
  sources = { cec = hm(0, 5), cert = hm(0, 10), us = hm(0, 30) },
  learners = { "energy" },
  names = { cec = "the CEC", cert = "the national CERT", us = "the US liaison" },
}

-- Did team have the indicators by h:mm after STARTEX?
local function warned_by(team, h, m)
  return indicators:has(team) and indicators:since(team) <= hm(h, m)
end

-- The CEC's phishing indicators reach the CERT by a share from the CEC (after T+0:05).
share.knowledge {
  name = "the CEC's phishing indicators", teams = ALL_TEAMS, quiet = true,
  sources = { cec = hm(0, 5) }, learners = { "cert" },
  on_learn = function()
    state.cert_has_cec = true
    log("the CERT has the CEC's phishing indicators")
  end,
}

-- The energy CSIRT reports the DSO intrusion once it knows of it (EN-01, T+0:25): a share to
-- the CERT, or EN-02 "now".
share.knowledge {
  name = "the DSO's report", teams = ALL_TEAMS, quiet = true,
  sources = { energy = hm(0, 25) }, learners = { "cert" },
  on_learn = function() state.energy_reported = true end,
}

---------------------------------------------------------------------------
-- Timeline
---------------------------------------------------------------------------

-- The moves, one after the other (state.move).
ladder.new {
  name = "moves", state = "move",
  levels = {
    { name = "Move 1: Election day — signals", phase = true },
    { name = "Move 2: Polls close — results night", phase = true, after = "1h30m" },
    { name = "Move 3: Trust and recovery", phase = true, after = "1h30m" },
  },
}

on("start", function()
  log("STARTEX 18:30. Grid attack at 20:15 (T+1:45): the DSO is protected if EN-01 'cut', "
    .. "or energy warned by 19:45 (T+1:15) and EN-01 not 'monitor'.")
end)

-- 20:02: the DDoS on the results website lands according to its preparation (CEC-02).
at("1:32", function()
  if state.site_prep == "cdn" then
    fire("CEC-DDOS-SOFT")
    score("cec", 3, "the results site rode out the DDoS behind the scrubbing service")
  else
    state.site = "down"
    state.results_available = false
    fire("CEC-DDOS-HARD")
    score("cec", -2, "the results site went down at polls close")
  end
end)

-- 20:05: officials locked out by the overnight reset of every account.
at("1:35", function()
  if state.phish == "all" then
    fire("CEC-LOCKOUT")
  end
end)

-- 20:15: the attacker moves on the grid.
at("1:45", function()
  local protected = state.remote == "cut"
    or (warned_by("energy", 1, 15) and state.remote ~= "monitor")
  if protected then
    state.grid = "mild"
    score("energy", 5, "the attacker's remote sessions were blocked before breakers opened")
    fire("EN-HIT-SOFT")
  else
    state.grid = "outage"
    score("energy", -3, "substations opened by the attacker during the count")
    fire("EN-HIT-HARD")
  end
  log("grid attack at " .. clock(now()) .. ": " .. state.grid)
end)

-- 20:20: the fabricated results, prepared with a phished account.
at("1:50", function()
  if state.phish == "watch" then
    state.fake = "live"
    fire("CEC-FAKE-LIVE")
  else
    state.fake = "blocked"
    fire("CEC-FAKE-BLOCKED")
  end
end)

-- 21:00: the second stage against substation gateways.
at("2:30", function()
  if state.controlled == "1" then
    fire("EN-CONTROLLED")
  elseif state.grid == "outage" and state.hard_choice ~= "manual" then
    state.grid = "gateways bricked"
    score("energy", -4, "second stage bricked substation gateways")
    fire("EN-WIPER")
  else
    log("21:00 passes at the DSO: the second stage found no path (grid: " .. state.grid .. ")")
    send {
      to = "energy", from = "DPPD dispatch centre", channel = "phone",
      subject = "21:00 passed quietly",
      body = "Nothing happened at 21:00. The gateways answer, no breaker moved. "
        .. "We keep the crews where they are until you say otherwise.",
    }
  end
end)

---------------------------------------------------------------------------
-- Recurring pressure and conditions
---------------------------------------------------------------------------

-- Every 20 minutes while preliminary results are unavailable, the rumours grow, and each wave
-- reaches a wider audience (state.rumours counts them).
media.campaign {
  name = "rumours", every = "20m", to = { "cec", "cert" }, from = "Media monitoring",
  active = results_dark, count = "rumours", score = { cec = -1 },
  reason = "results unavailable: rumours growing",
  waves = {
    { channel = "social",
      subject = function(n) return "Rumour wave #" .. n .. ": 'they switched the results off'" end,
      body = function()
        return "It is " .. clock() .. " and the results page is still dark. Channels with a "
          .. "combined 1.4 million subscribers now say the commission 'switched off the "
          .. "results to rewrite them'. Two candidates' headquarters repeat it on air."
      end },
    { channel = "news",
      subject = function(n) return "Rumour wave #" .. n .. ": talk shows ask 'what is the CEC hiding?'" end,
      body = function()
        return "It is " .. clock() .. " and the results page is still dark. Two national "
          .. "channels interrupt their election specials: a panel asks whether the count is "
          .. "being 'corrected'. Viewers are told to gather at district commissions."
      end },
    { channel = "news",
      subject = function(n) return "Rumour wave #" .. n .. ": the foreign press picks it up" end,
      body = function()
        return "It is " .. clock() .. " and the results page is still dark. Foreign news sites "
          .. "run 'Blackout of election results fuels fraud claims'. Two embassies ask the "
          .. "Ministry of Foreign Affairs what is going on."
      end },
  },
}

-- Every hour, a line for the white cell.
every("1h", function()
  local got = {}
  for team, since in pairs(state.warned) do
    got[#got + 1] = team .. "@" .. since
  end
  log("status " .. clock(now()) .. ": site " .. state.site .. ", grid " .. state.grid
    .. ", fake results " .. state.fake .. ", warned: "
    .. (#got > 0 and table.concat(got, ", ") or "nobody"))
end)

-- The CERT holds both sectors' reports: it can connect the dots.
when(function() return state.cert_has_cec and state.energy_reported end, function()
  fire("CERT-LINK")
  score("cert", 3, "holds both sectors' reports")
end)

-- A formal national escalation plus the partner's offer: the hunt team deploys.
when(function() return state.escalated and state.us_help == "1" end, function()
  fire("US-TEAM-ON-SITE")
  score("us", 2, "assistance requested and delivered")
  score("cert", 1, "brought in partner assistance")
end)

-- Both the CERT and the partner go public with the attribution.
when(function() return state.attribution == "joint" and state.us_attrib == "join" end, function()
  fire("JOINT-ATTRIB")
  score("cert", 2, "joint attribution with a partner")
  score("us", 2, "joint attribution with a partner")
end)

-- Final assessment before ENDEX.
at("3:55", function()
  if state.statement then
    score("cec", 2, "the public heard from the authorities on election night")
  end
  if state.grid == "mild" then
    score("energy", 2, "no customer lost power to the attack")
  end
  if state.results_available then
    score("cec", 2, "preliminary results available at the end of the night")
  end
  log("final picture: grid " .. state.grid .. ", site " .. state.site .. ", fake results "
    .. state.fake .. ", rumour waves " .. state.rumours)
end)

on("end", function(reason)
  log("ENDEX (" .. reason .. "). Hot wash: what did each sector know, when, and from whom?")
end)

---------------------------------------------------------------------------
-- MOVE 1 — Election day: signals (T+0:00 - 1:30)
---------------------------------------------------------------------------

inject {
  id = "ALL-00", at = "0:00", to = "all",
  from = "Exercise control", channel = "liaison",
  subject = "STARTEX: election night tabletop",
  body = [[
Good evening. It is Sunday 28 March, election day, 18:30. Polling stations close at 20:00;
the Central Election Commission starts publishing preliminary results from the district
election commissions' protocols shortly after. Everything in this exercise is fictional.

Work as you would tonight: your own procedures, your own escalation paths. Use `share TEAM
TEXT` to pass information to another team, `action TEXT` to record what you do and `rfi
TEXT` to ask exercise control. Decisions have deadlines; a missed deadline records the
default.]],
  notes = "Read aloud. The cert team sits in the middle: make sure it knows it may call the others. The us desk is a partner, not an operator: it advises and offers.",
}

inject {
  id = "CEC-01", at = "0:05", to = "cec",
  from = "CEC service desk", channel = "ticket",
  subject = "SD-2231: officials entered passwords on a fake CEC login page",
  body = [[
Since 17:50 officials of at least 14 district election commissions received an e-mail
"Your CEC account expires at 20:00 — confirm now", linking to cvk-gov-login.example. Two of
them entered their user name and password. One of these accounts logged in to the
protocol-entry system at 18:21 from 198.51.100.40, an address abroad.

The protocol-entry system is how district commissions transmit the preliminary results
tonight. 225 district accounts are in use.]],
  decision = {
    prompt = "What do you do with the accounts?",
    options = {
      { "all",      "Reset all 225 district accounts now and re-issue by phone" },
      { "targeted", "Reset the two accounts, block the address, review every login since Friday" },
      { "watch",    "Keep the two accounts open under watch to see what the attacker wants" },
    },
    deadline = "20m", default = "targeted",
  },
  expect = { option = "targeted", within = "30m", objective = "O1" },
  on_decision = function(team, option, timeout)
    state.phish = option
    if option == "targeted" then
      score(team, 3, "contained the phished accounts without stopping the count")
    elseif option == "all" then
      score(team, 1, "contained the phishing, at a cost for the count")
    else
      score(team, -2, "left phished accounts open on election night")
      after("30m", function() fire("CEC-PHISH-SPREAD") end)
    end
  end,
  notes = "The trade-off: 'all' is the safest for the accounts but re-issuing 225 credentials by phone two hours before the count locks officials out (CEC-LOCKOUT at 20:05). 'watch' lets the attacker in: the fabricated results go live at 20:20 (CEC-FAKE-LIVE). Whatever they choose, a `share cert ...` gives the CERT the indicators (CERT-LINK later).",
}

inject {
  id = "CERT-01", at = "0:10", to = "cert",
  from = "CERT sensor network", channel = "alert",
  subject = "DNS lookups of cvk-gov-login.example from government networks",
  body = [[
Our passive DNS sensors show 61 lookups of cvk-gov-login.example from district election
commission networks since 17:55. The domain was registered three days ago together with
dppd-vpn.example and update-scada.example (same registrant e-mail, same name servers); all
three resolve into 203.0.113.0/24.

DPPD (Dnipro-Polissia Power Distribution) is a regional distribution company; its customers
include about 1,100 polling stations.]],
  decision = {
    prompt = "Who gets an alert from you now?",
    options = {
      { "sector",   "All critical-infrastructure operators and the election bodies (TLP:AMBER)" },
      { "election", "Only the election administration: that is where the lookups are" },
      { "wait",     "Nobody yet: wait for a formal report from the CEC" },
    },
    deadline = "30m", default = "election",
  },
  expect = { option = "sector", within = "30m", objective = "O3" },
  on_decision = function(team, option, timeout)
    state.cert_alert = option
    if option == "sector" then
      indicators:give("energy", "CERT sector-wide alert")
      indicators:give("cec", "CERT sector-wide alert")
      score(team, 3, "alerted both sectors on shared infrastructure")
    elseif option == "election" then
      indicators:give("cec", "CERT alert to the election bodies")
      score(team, 1, "alerted the election administration")
    else
      score(team, -1, "waited for a formal report")
    end
  end,
  notes = "The key clue: the same registrant registered a power-company VPN look-alike. Only 'sector' (or a later `share energy ...`) gets it to the energy CSIRT. The energy CSIRT needs it by 19:45.",
}

inject {
  id = "SM-01", at = "0:20", to = "all",
  from = "Media monitoring", channel = "social",
  subject = "Telegram: 'no light at polling stations tonight', 'results already written'",
  body = [[
Three anonymous Telegram channels (combined 900,000 subscribers) post, within ten minutes of
each other:

- "Polling stations in the north will be left without electricity during the count. Ask
  yourself who benefits."
- "The commission's server was hacked weeks ago. The results are already written."

The posts use the same picture of a server room and the same spelling mistakes.]],
  notes = "Pre-announcing the outage is a tell: the grid attack is planned. Good teams pass this to the energy CSIRT and ask the CEC what its public line is.",
}

inject {
  id = "EN-01", at = "0:25", to = "energy",
  from = "DPPD security officer", channel = "phone",
  subject = "Night-time VPN logins by a contractor account at DPPD",
  body = [[
"Our VPN shows logins by 'svc-metering', a contractor account, at 03:10 and 04:40 today
from 203.0.113.51. The contractor says nobody worked at night. From the VPN the account
reached our SCADA jump host, where there is a new local user 'helpdesk2'.

The dispatch centre runs the distribution network remotely through that jump host. On
election night we keep extra crews, but not enough to run substations by hand."]],
  decision = {
    prompt = "What do you tell DPPD?",
    options = {
      { "cut",     "Cut all remote access to the SCADA network now; crews to key substations" },
      { "mfa",     "Disable the contractor account and 'helpdesk2', force MFA on the VPN, keep remote operation" },
      { "monitor", "Keep the access open under watch to learn what the attacker wants" },
    },
    deadline = "30m", default = "mfa",
  },
  expect = { option = "cut", within = "30m", objective = "O4" },
  on_decision = function(team, option, timeout)
    state.remote = option
    if option == "cut" then
      score(team, 3, "took the attacker's remote path away")
    elseif option == "monitor" then
      score(team, -2, "left an attacker inside a control network on election night")
    end
  end,
  notes = "Real trade-off: 'cut' protects whatever else happens but strains the crews all night. 'mfa' is enough only if the energy CSIRT gets the indicators (203.0.113.0/24, the look-alike domains) by 19:45: without them the attacker uses a second route. 'monitor' means even the indicators do not help. Push them to report to the CERT (`share cert ...`).",
}

inject {
  id = "US-01", at = "0:30", to = "us",
  from = "Partner analysts (DOE and DHS, via the Embassy)", channel = "liaison",
  subject = "Toolkit analysis: grid module and phishing kit, same cluster",
  body = [[
Analysts at home link tonight's phishing domain to a cluster we track as GREY BISON. Their
note covers a phishing kit aimed at election officials and a toolkit that talks the IEC 104
protocol to substation equipment and overwrites the firmware of serial-to-Ethernet
gateways. A sanitised TLP:AMBER version can go to your counterparts now; the full package
needs clearance at home, about 90 minutes.

The bilateral assistance programme covers incident response support and digital forensics.]],
  decision = {
    prompt = "What do you pass to your counterparts?",
    -- Plain list: the option keys are "1" and "2".
    options = {
      "Pass the sanitised TLP:AMBER note to the CERT and the energy CSIRT now",
      "Wait for clearance and pass the full package",
    },
    deadline = "20m", default = "2",
  },
  expect = { option = "1", within = "30m", objective = "O3" },
  on_decision = function(team, option, timeout)
    if option == "1" then
      state.us_note = "early"
      score(team, 3, "shared an actionable note early")
      fire("CERT-US-NOTE")
      indicators:give("energy", "partner note, early")
    else
      state.us_note = "late"
      after("90m", function()
        fire("CERT-US-NOTE")
        indicators:give("energy", "partner note, late")
      end)
    end
  end,
  notes = "Sanitised now beats complete later: the energy CSIRT needs the indicators by 19:45. A 'wait' delivers the note 90 minutes after the decision, after the grid attack.",
}

inject {
  id = "CEC-02", at = "0:35", to = "cec",
  from = "CEC web operations", channel = "email",
  subject = "Scanning of the results site; offer of a scrubbing service",
  body = [[
Since noon the results site vybory.cvk.example has been scanned from about 3,000 addresses.
Last election the site peaked at 11 million page views in the first hour after polls closed.

The assistance project for election systems funds a DDoS scrubbing and content delivery
service. We can move the site behind it now (a DNS change, 20 minutes of risk, never tested
under election load). Or we prepare signed result files for mirrors run by partners and
media. Or we keep the site as it is: it survived last time.]],
  decision = {
    prompt = "How do you prepare the results site for 20:00?",
    options = {
      { "cdn",    "Move the site behind the scrubbing service now" },
      { "mirror", "Prepare signed result files for partner and media mirrors" },
      { "asis",   "Keep the current set-up" },
    },
    deadline = "25m", default = "asis",
  },
  expect = { option = "cdn", within = "30m", objective = "O2" },
  on_decision = function(team, option, timeout)
    state.site_prep = option
    if option == "cdn" then
      score(team, 2, "moved the results site behind protection")
    elseif option == "mirror" then
      score(team, 1, "prepared signed results for mirrors")
    end
  end,
  notes = "'cdn' makes the DDoS at 20:02 a non-event (CEC-DDOS-SOFT). 'mirror' still loses the site, but results can be published at once through mirrors. 'asis' loses the site with no fallback.",
}

inject {
  id = "CERT-02", at = "0:50", to = "cert",
  from = "Secretariat of the National Security and Defence Council", channel = "phone",
  subject = "A consolidated picture before polls close",
  body = [[
"The Secretary wants one consolidated picture of cyber threats to the election before polls
close, and every hour after. Do you bring the commission, the energy CSIRT, the security
service and the US liaison into one room (or one call) now, or do you send us written
summaries?"]],
  decision = {
    prompt = "How do you organise tonight?",
    options = {
      "Convene a joint cell now: CEC, energy CSIRT, security service, US liaison",
      "Send written hourly summaries",
    },
    deadline = "30m", default = "2",
  },
  expect = { option = "1", within = "30m", objective = "O6" },
  on_decision = function(team, option, timeout)
    if option == "1" then
      state.joint_cell = true
      score(team, 2, "convened a joint cell")
      if state.cert_alert ~= "wait" or state.cert_has_cec then
        indicators:give("energy", "joint cell")
      end
    end
  end,
  notes = "In the joint cell the energy CSIRT hears the CERT's indicators (unless the CERT chose to wait on CERT-01 and has nothing from the CEC).",
}

inject {
  id = "EN-02", at = "1:00", to = "energy",
  from = "National Energy Regulator", channel = "email",
  subject = "Incident notification: now or within 24 hours?",
  body = [[
The regulator reminds you that DPPD must notify a significant incident to the national CERT
within 24 hours. DPPD's management asks you to wait until Monday: "Tonight of all nights we
do not want the word 'incident' in any government report about the grid."]],
  decision = {
    prompt = "When do you notify the national CERT?",
    options = {
      { "now",   "Notify the national CERT formally now" },
      { "later", "Within the legal 24 hours, after the election night" },
    },
    deadline = "20m", default = "later",
  },
  expect = { option = "now", within = "20m", objective = "O3" },
  on_decision = function(team, option, timeout)
    if option == "now" then
      state.energy_reported = true
      score(team, 2, "notified the national CERT early")
    end
  end,
  notes = "A `share cert ...` counts as a report too. The CERT can only connect the two sectors (CERT-LINK) when it has both reports.",
}

-- Move 1 branches (fired by code only)

inject {
  id = "CEC-PHISH-SPREAD", to = "cec",
  from = "CEC service desk", channel = "ticket",
  subject = "SD-2240: six more accounts used from abroad",
  body = [[
Six more district accounts logged in from 198.51.100.40 and 198.51.100.41 in the last half
hour. One of them also opened the content-management interface of the results site, where
district accounts have read access to the page templates. A template was downloaded.]],
  notes = "Fired 30 minutes after CEC-01 'watch'. The template download prepares the fabricated results (CEC-FAKE-LIVE at 20:20). It is not too late to reset the accounts; let them realise it.",
}

inject {
  id = "CEC-LOCKOUT", to = "cec",
  from = "CEC service desk", channel = "phone",
  subject = "Thirty-one districts cannot log in to transmit protocols",
  body = [[
"Thirty-one district commissions have not received their new credentials and cannot log in
to transmit protocols. Our phone lines are full. Some districts say they will bring paper
protocols to the regional office by car instead. That will take hours."]],
  notes = "Consequence of resetting every account (CEC-01 'all'). The count is not at risk (paper protocols are what counts), but preliminary results are slower: a communication problem more than a security one.",
}

inject {
  id = "CERT-US-NOTE", to = { "cert", "energy" },
  from = "US partner liaison desk", channel = "liaison",
  subject = "TLP:AMBER: GREY BISON phishing kit and grid toolkit",
  body = [[
Indicators and advice from the partner's analysts:

- infrastructure: 203.0.113.0/24, 198.51.100.40-41, cvk-gov-login.example,
  dppd-vpn.example, update-scada.example
- the grid module sends IEC 104 commands from a compromised jump host and overwrites the
  firmware of serial-to-Ethernet gateways; earlier use included a scheduled second stage
- advice: remove remote access to control networks, reset accounts used from the above
  addresses, be ready to operate substations manually, keep images of jump hosts]],
  notes = "Early (US-01 '1') or 90 minutes late (US-01 '2'). Early, it reaches the energy CSIRT before the 19:45 cut-off.",
}

inject {
  id = "CERT-LINK", to = "cert",
  from = "CERT analysis team", channel = "ticket",
  subject = "One actor, two sectors",
  body = [[
With the CEC's phishing report and DPPD's notification side by side: the address that used
the phished CEC accounts (198.51.100.40) and the one behind the DPPD contractor logins
(203.0.113.51) were rented with the same payment details, and both look-alike domains share
a registrant. This is one operation against the election and the grid.]],
  notes = "Fired once the CERT has both the CEC's indicators and the energy CSIRT's report. Good moment to escalate (CERT-04) and to brief the NSDC.",
}

---------------------------------------------------------------------------
-- MOVE 2 — Polls close: results night (T+1:30 - 3:00)
---------------------------------------------------------------------------

inject {
  id = "ALL-01", at = "1:30", to = "all",
  from = "Central Election Commission", channel = "news",
  subject = "20:00: polling stations close",
  body = [[
Polling stations have closed. Precinct commissions count the paper ballots by hand and send
their protocols to the district commissions, which enter them into the protocol-entry
system. The first preliminary results are due on the results site at about 20:30.]],
  notes = "The official result rests on the paper protocols, not on the website: a useful fact for every public statement tonight.",
}

inject {
  id = "CEC-DDOS-SOFT", to = "cec",
  from = "Scrubbing service operations", channel = "alert",
  subject = "40 Gbit/s attack absorbed",
  body = [[
From 20:01 a reflection attack of up to 40 Gbit/s and an HTTP flood from about 80,000
addresses hit vybory.cvk.example. The scrubbing service absorbs it; page loads slowed for
six minutes and are now normal.]],
  notes = "Consequence of CEC-02 'cdn'. Ask the CEC who else should know the attack profile (the CERT, ISPs).",
}

inject {
  id = "CEC-DDOS-HARD", to = { "cec", "cert" },
  from = "CEC web operations", channel = "phone",
  subject = "Results site down under a 40 Gbit/s attack",
  body = [[
"From 20:01 the results site is flooded: a reflection attack of up to 40 Gbit/s plus an
HTTP flood from about 80,000 addresses. Our hosting link is saturated; the site and the
CEC's public e-mail are unreachable. The first results are due in half an hour."]],
  decision = {
    prompt = "How do you get preliminary results to the public?",
    options = {
      { "mirror", "Publish signed result files through partner and media mirrors" },
      { "filter", "Ask the national CERT and the ISPs for upstream filtering, then restore the site" },
      { "wait",   "Wait for the attack to subside" },
    },
    deadline = "20m", default = "wait",
  },
  expect = { option = "mirror", within = "20m", objective = "O2" },
  on_decision = function(team, option, timeout)
    if team ~= "cec" then
      -- The CERT's answer is its advice to the commission; the CEC's answer decides.
      log("the CERT advises the CEC: " .. tostring(option))
      return
    end
    if option == "mirror" then
      if state.site_prep == "mirror" then
        state.results_available = true
        score(team, 2, "results published through prepared mirrors")
      else
        after("30m", function()
          state.results_available = true
          log("results available through improvised mirrors")
        end)
      end
    elseif option == "filter" then
      after("25m", function()
        state.site = "up"
        state.results_available = true
        log("results site back after upstream filtering")
      end)
    else
      after("1h", function()
        state.site = "up"
        state.results_available = true
        log("the DDoS subsided; results site back")
      end)
    end
  end,
  notes = "Both the CEC and the CERT decide: the CERT's answer is its advice. Mirrors are fastest when prepared (CEC-02 'mirror'). Every 20 minutes without results a rumour wave costs the CEC a point.",
}

inject {
  id = "US-02", at = "1:40", to = "us",
  from = "Embassy front office", channel = "liaison",
  subject = "Can we do more than advise tonight?",
  body = [[
"Home says a remote hunt team funded under the assistance programme can start within the
hour, with analysts who trained your counterparts in digital forensics last year. They need
a request from a national authority to touch any system. Or we limit ourselves to analysing
samples that are sent to us."]],
  decision = {
    prompt = "What do you offer?",
    options = {
      "Offer the remote hunt team now, on a national request",
      "Offer malware analysis of samples only",
      "Wait for a formal diplomatic request",
    },
    deadline = "30m", default = "2",
  },
  on_decision = function(team, option, timeout)
    state.us_help = option
    if option == "1" then
      score(team, 1, "offered hands-on help")
    end
  end,
  notes = "The hunt team deploys (US-TEAM-ON-SITE) only when the CERT escalates nationally (CERT-04 'escalate'). Encourage the us desk to tell the CERT what is on offer.",
}

inject {
  id = "EN-HIT-SOFT", to = "energy",
  from = "DPPD dispatch centre", channel = "phone",
  subject = "Someone tried to open breakers; nothing moved",
  body = [[
"At 20:14 a session from the jump host tried to send switching commands to nine substations.
Nothing reached them: remote access was closed and the addresses you gave us are blocked.
The dispatchers are shaken but every feeder is energised. The jump host is isolated; we kept
its disk."]],
  notes = "The protected branch: remote access cut or indicators acted on in time. Ask who else needs to know (the CERT, the CEC: polling stations keep power).",
}

inject {
  id = "EN-HIT-HARD", to = { "energy", "cert" },
  from = "DPPD dispatch centre", channel = "phone",
  subject = "Cursors moving on their own; substations opening",
  body = [[
"At 20:14 the mouse pointers on two dispatcher screens started moving by themselves. Breakers
opened at 12 substations, one after another. About 80,000 customers are without power,
including 140 polling stations in the middle of the count. The dispatchers are locked out of
their own accounts. Our call centre is flooded by thousands of calls from foreign numbers;
customers cannot get through."]],
  decision = {
    prompt = "How does DPPD restore supply?",
    options = {
      { "manual",  "Shut down the SCADA servers; crews close breakers by hand, manual operation" },
      { "isolate", "Disconnect the control network from everything, then restore from the control room" },
      { "scada",   "Restore from the control room at once; speed first" },
    },
    deadline = "15m", default = "scada",
  },
  expect = { option = "manual", within = "15m", objective = "O4" },
  on_decision = function(team, option, timeout)
    if team ~= "energy" then
      return   -- the CERT's answer is advice; the energy CSIRT's answer decides
    end
    state.hard_choice = option
    if option == "manual" then
      score(team, 2, "moved to manual operation: slow but safe")
    elseif option == "scada" then
      score(team, -1, "restored through a compromised control system")
      after("10m", function()
        send {
          to = "energy", from = "DPPD dispatch centre", channel = "phone",
          subject = "Breakers opened again",
          body = "We closed four substations from the control room and the same pointer "
            .. "opened them again three minutes later. The attacker is still in the SCADA servers.",
        }
      end)
    end
  end,
  notes = "Echoes the 2015 pattern: hijacked screens, a telephone flood, restoration by hand. 'manual' takes 1-3 hours but leaves the attacker nothing to work with; it also defuses the second stage at 21:00. Make sure the CEC hears about the polling stations in the dark.",
}

inject {
  id = "CEC-FAKE-LIVE", to = { "cec", "cert" },
  from = "CEC web operations", channel = "phone",
  subject = "Fabricated results are on our site",
  body = [[
"A results page we did not publish is live: it shows candidate H. Danylenko winning with
37.4 % on a 'final' count. It was uploaded at 20:17 through the content-management system
with the account of a district official, one of the phished accounts. Screenshots are
already circulating."]],
  decision = {
    prompt = "What do you do with the site?",
    options = {
      { "pull",    "Take the site offline, preserve the server, republish from verified data" },
      { "replace", "Replace the page at once and keep the site online" },
    },
    deadline = "10m", default = "replace",
  },
  on_decision = function(team, option, timeout)
    if team ~= "cec" then
      return
    end
    if option == "pull" then
      score(team, 1, "stopped the fabricated results and kept the evidence")
      if state.site == "up" then
        state.site = "down"
        state.results_available = false
        after("30m", function()
          state.site = "up"
          state.results_available = true
          log("results site republished from verified data")
        end)
      end
    else
      after("20m", function()
        send {
          to = { "cec", "cert" }, from = "CEC web operations", channel = "phone",
          subject = "The fabricated page is back",
          body = "The fake results page reappeared at " .. clock(now()) .. ". The attacker "
            .. "still has a way into the content-management server.",
        }
        score("cec", -2, "fabricated results published twice")
      end)
    end
  end,
  notes = "Fired at 20:20 only if the CEC kept the phished accounts open (CEC-01 'watch'). 'replace' looks faster but the attacker is still in: the page returns 20 minutes later.",
}

inject {
  id = "CEC-FAKE-BLOCKED", to = "cec",
  from = "CEC web operations", channel = "ticket",
  subject = "SD-2251: staged fake results file found and removed",
  body = [[
Our integrity check found results_final.html in the staging area of the results site at
20:16: a complete results page showing candidate H. Danylenko winning with 37.4 %. It was
uploaded through a web shell on the staging server, not through a district account, and
never went live. We removed it and kept a copy of the server.]],
  decision = {
    prompt = "Do you say anything in public?",
    options = {
      { "disclose", "Disclose the blocked attempt now, with the facts" },
      { "quiet",    "Keep quiet until forensics are done" },
    },
    deadline = "15m", default = "quiet",
  },
  on_decision = function(team, option, timeout)
    if option == "disclose" then
      state.statement = true
      score(team, 2, "pre-empted the disinformation with facts")
    end
  end,
  notes = "Real dilemma: disclosing admits an intrusion on election night; staying quiet leaves the field to the foreign TV report at 20:30 (SM-02), which airs the fake page anyway.",
}

inject {
  id = "SM-02", at = "2:00", to = { "cec", "cert" },
  from = "Media monitoring", channel = "news",
  subject = "Foreign TV airs 'CEC results': Danylenko wins",
  body = [[
A foreign state TV channel's evening news shows a graphic "according to the website of the
Central Election Commission": candidate H. Danylenko, 37.4 %, winner. The graphic matches
the fabricated page pixel for pixel. The clip is shared 40,000 times in twenty minutes.]],
  decision = {
    prompt = "Who speaks, and what do they say?",
    options = {
      { "joint", "A joint CEC-CERT statement now: what was attempted, what counts (paper protocols)" },
      { "alone", "Each institution speaks for itself" },
      { "none",  "No comment: do not amplify it" },
    },
    deadline = "20m", default = "alone",
  },
  expect = { option = "joint", within = "20m", objective = "O5" },
  on_decision = function(team, option, timeout)
    if option == "joint" then
      state.statement = true
      score(team, 2, "spoke with one voice")
    elseif option == "alone" then
      state.statement = true
    else
      score(team, -1, "left the fabricated result unanswered")
    end
  end,
  notes = "The 2014 pattern: the fake never needs to go live to be broadcast. The strongest answer is boring and verifiable: paper protocols count, here is how to check them.",
}

inject {
  id = "EN-03", at = "2:10", to = "energy",
  from = "US partner liaison desk, relaying DOE analysts", channel = "liaison",
  subject = "Second stage expected at 21:00 against substation gateways",
  body = [[
The analysts found a scheduled task in a sample from the earlier campaign: at 21:00 local
time the toolkit overwrites the firmware of the serial-to-Ethernet gateways in substations
and reconfigures the control centre's UPS. Bricked gateways leave substations without remote
control for days.

The only sure protection is to have the SCADA servers off or the gateways disconnected before
21:00. DPPD can de-energise three key substations for about 40 minutes to disconnect them
safely. That darkens about 30 polling stations in the middle of the count.]],
  decision = {
    prompt = "Do you accept a controlled outage?",
    options = {
      "Yes: controlled 40-minute outage, announced, polling stations warned",
      "No: keep supply and rely on what is already done",
    },
    deadline = "15m", default = "2",
  },
  on_decision = function(team, option, timeout)
    state.controlled = option
    if option == "1" then
      score(team, 1, "chose a controlled outage over an uncontrolled one")
    end
  end,
  notes = "The controlled outage is only necessary if the attacker is still in the SCADA servers (grid hit and not 'manual' on EN-HIT-HARD). They cannot know for sure. If they choose it, make sure they tell the CEC (polling stations).",
}

inject {
  id = "CERT-04", at = "2:20", to = "cert",
  from = "Secretariat of the National Security and Defence Council", channel = "phone",
  subject = "National-level response?",
  body = [[
"Election systems and the grid in one evening. Does the Secretary convene the crisis
coordination and make a formal request for partner assistance, or do the sector regulators
handle their own incidents?"]],
  decision = {
    prompt = "What do you advise?",
    options = {
      { "escalate", "National crisis coordination and a formal request for partner assistance" },
      { "sectoral", "Leave it to the sectors; the CERT supports" },
    },
    deadline = "20m", default = "sectoral",
  },
  expect = { option = "escalate", within = "30m", objective = "O6" },
  on_decision = function(team, option, timeout)
    if option == "escalate" then
      state.escalated = true
      score(team, 2, "escalated a cross-sector campaign")
    end
  end,
  notes = "Escalation plus the partner's offer (US-02 '1') deploys the hunt team (US-TEAM-ON-SITE).",
}

inject {
  id = "EN-WIPER", to = { "energy", "cert", "cec" },
  from = "DPPD dispatch centre", channel = "phone",
  subject = "21:00: gateways bricked, control centre on battery alarms",
  body = [[
"At 21:00 every serial-to-Ethernet gateway in 16 substations stopped answering; the
firmware is gone. The UPS of the control centre switched off the dispatch room. We run the
network by telephone and crews now, probably for days. 60 polling stations are counting by
torchlight or generators."]],
  notes = "Worst branch: the grid was hit and the SCADA servers stayed up, and no controlled outage was accepted. Use it in the hot wash: what would have changed with the indicators at 19:45?",
}

inject {
  id = "EN-CONTROLLED", to = { "energy", "cec" },
  from = "DPPD dispatch centre", channel = "phone",
  subject = "Controlled outage done; gateways disconnected",
  body = [[
"The three substations have been de-energised since 20:45 as announced and come back at
about 21:25. The gateways are disconnected and will be reflashed tomorrow. At 21:00 nothing
happened on the network. 30 polling stations are counting by generator or torchlight;
regional police are helping."]],
  notes = "Consequence of EN-03 '1'. Ask whether the CEC was told in advance and whether the public announcement mentioned the election.",
}

inject {
  id = "US-TEAM-ON-SITE", to = { "cert", "energy", "us" },
  from = "US partner liaison desk", channel = "liaison",
  subject = "Hunt team connected",
  body = [[
The remote hunt team is working with the CERT and DPPD's engineers. First results: the jump
host image holds the attacker's tools and the scheduler entry for the second stage, and the
same operator handle appears in the web shell on the CEC's staging server.]],
  notes = "Fired when the CERT escalated (CERT-04) and the partner offered its hunt team (US-02 '1'). Strengthens attribution in Move 3.",
}

---------------------------------------------------------------------------
-- MOVE 3 — Trust and recovery (T+3:00 - 4:00)
---------------------------------------------------------------------------

inject {
  id = "ALL-02", at = "3:00", to = "all",
  from = "Central Election Commission", channel = "news",
  subject = "21:30: 62 % of protocols processed",
  body = [[
62 % of precinct protocols have been processed. Turnout is reported at 58 %. International
observers and candidates' headquarters ask for a briefing on the night's incidents.]],
  notes = "Move 3 opens. Ask each team for a two-line status to exercise control.",
}

inject {
  id = "CEC-04", at = "3:05", to = "cec",
  from = "Head of the international observation mission", channel = "email",
  subject = "Request: technical briefing on tonight's incidents",
  body = [[
The observation mission's core team asks for a briefing tonight: what happened to the
results site, whether the fabricated results ever reached the protocol-entry system, and how
the commission knows that the preliminary results match the paper protocols.]],
  decision = {
    prompt = "What do you give the observers?",
    options = {
      { "briefing",  "A technical briefing with logs and the protocol cross-check method" },
      { "statement", "A written statement, details after the certification of results" },
    },
    deadline = "30m", default = "statement",
  },
  expect = { option = "briefing", within = "30m", objective = "O5" },
  on_decision = function(team, option, timeout)
    if option == "briefing" then
      score(team, 2, "gave observers evidence, not assurances")
    end
  end,
  notes = "The observers' report will be read abroad. Evidence and the paper trail are the commission's best defence.",
}

inject {
  id = "CERT-05", at = "3:15", to = "cert",
  from = "Security service liaison", channel = "phone",
  subject = "Attribution: say it tonight, with partners, or later?",
  body = [[
"Our assessment with the partner's analysts: GREY BISON, a cluster we link to a foreign
military intelligence service. The evidence: shared infrastructure, the toolkit, and the
operator handle. The Ministry of Foreign Affairs asks whether the CERT's technical evidence
supports a public attribution, and whether it should be joint with partners."]],
  decision = {
    prompt = "What do you recommend?",
    options = {
      { "joint",    "A joint public attribution with partners, with technical annex" },
      { "national", "A national attribution only" },
      { "later",    "Nothing public until the results are certified" },
    },
    deadline = "25m", default = "later",
  },
  expect = { option = "joint", within = "30m", objective = "O6" },
  on_decision = function(team, option, timeout)
    state.attribution = option
    if option ~= "later" then
      score(team, 1, "supported attribution with evidence")
    end
  end,
  notes = "A joint attribution needs the us desk too (US-03 'join'): then JOINT-ATTRIB fires. 'later' is defensible: attribution in the middle of the count can itself be spun.",
}

inject {
  id = "US-03", at = "3:20", to = "us",
  from = "Department of State, cyber policy office", channel = "liaison",
  subject = "Would we join a public attribution?",
  body = [[
Washington asks the desk: if the national authorities attribute tonight's attacks publicly,
should the US join with its own statement and technical annex, support it without naming
anyone, or stay silent while the count goes on?]],
  decision = {
    prompt = "What do you recommend to Washington?",
    options = {
      { "join",    "Join a joint statement with a technical annex" },
      { "support", "Support the partner's statement without naming the actor" },
      { "no",      "Stay silent for now" },
    },
    deadline = "25m", default = "support",
  },
  on_decision = function(team, option, timeout)
    state.us_attrib = option
    if option == "join" then
      score(team, 1, "ready to attribute jointly")
    end
  end,
  notes = "Check whether the us desk asked the CERT what it recommends (CERT-05) before answering.",
}

inject {
  id = "EN-04", at = "3:30", to = "energy",
  from = "DPPD management", channel = "email",
  subject = "When can we go back to remote operation?",
  body = [[
The crews have been out since 20:00. DPPD's management wants remote operation back tonight:
"We cannot run the network by hand for a week." The engineers say the jump host and the
SCADA servers should be rebuilt first, which takes about two weeks.]],
  decision = {
    prompt = "What do you advise?",
    options = {
      { "rebuild",  "Rebuild the jump host and SCADA servers first; remote access back with MFA and monitoring" },
      { "reenable", "Re-enable remote operation tonight with new passwords" },
    },
    deadline = "20m", default = "reenable",
  },
  expect = { option = "rebuild", within = "30m", objective = "O4" },
  on_decision = function(team, option, timeout)
    if option == "rebuild" then
      score(team, 2, "recovery from known-clean systems")
    else
      score(team, -2, "remote access back on systems the attacker controlled")
    end
  end,
  notes = "In 2015 the companies ran parts of the grid manually for months. New passwords on a compromised jump host change nothing.",
}

inject {
  id = "JOINT-ATTRIB", to = "all",
  from = "Ministry of Foreign Affairs", channel = "news",
  subject = "Joint statement: election and grid attacks attributed",
  body = [[
The Ministry of Foreign Affairs and the US Department of State issue a joint statement
attributing the attacks on the election commission and on a power distribution company to
a unit of a foreign military intelligence service, with a technical annex of indicators for
network defenders.]],
  notes = "Fired when CERT-05 'joint' and US-03 'join'. Ask: was the evidence preserved (jump host image, staging server copy)?",
}

inject {
  id = "ALL-HOTWASH", at = "3:50", to = "all",
  from = "Exercise control", channel = "liaison",
  subject = "10 minutes to ENDEX: prepare the hot wash",
  body = [[
Prepare three points for the hot wash:

- what you knew first, and when the other sector learned it;
- which decision tonight you would take differently;
- what you need from the others (and from partners) before the next election.]],
  notes = "Show the `state` table: warned times, grid, site, rumour waves.",
}

-- Held in reserve: the white cell fires it by hand (`fire WC-BOMB-THREAT`) when the
-- election commission needs more pressure, or to test its physical-security contacts.
-- No code fires it, so simulate always lists it as never fired.
inject {
  id = "WC-BOMB-THREAT", to = { "cec", "cert" }, manual = true,
  from = "Regional police duty officer", channel = "phone",
  subject = "E-mailed bomb threats to 40 polling stations",
  body = [[
"Forty polling stations received the same e-mail in the last ten minutes: explosives in the
building, evacuate. The sender address is a free mail account; the mail came through
198.51.100.41. We are sending patrols. Do you know anything about this address?"]],
  notes = "Reserve inject. The address is one of the phishing ones: a test of whether the CEC and the CERT pass indicators to the police.",
}

-- HOTWASH: answered after ENDEX with `answer N TEXT`; the answers go into the AAR.
hotwash {
  "How did you tell the attack on the results website apart from the disinformation about it?",
  "When did the energy sector learn what the election team had seen, and did it matter?",
  "Which decision about public communication on election night would you take differently?",
  "What would you ask your international partners for earlier next time?",
}
