--[[
Cyber Atlantic — a transatlantic DDoS and ICS exercise
======================================================

What it trains
  A transatlantic tabletop between EU and US cyber agencies, in the style of Cyber
  Atlantic, the joint EU–US exercise conducted under the EU–US Working Group on
  Cybersecurity and Cybercrime. The Working Group was set up at the 2010 Lisbon
  EU–US Summit; its focus areas include cyber incident management, public-private
  partnership on critical infrastructure, awareness raising and cybercrime, and it
  ran public-private workshops on industrial control systems (US fact sheet on
  EU–US cyber cooperation, March 2014). Later EU–US cyber dialogues brought CISA,
  the FBI, ENISA and CERT-EU around the same table. The drill rehearses:
    * simultaneous DDoS waves against public services in a member state, against
      EU institutions and in the US, by a hacktivist persona,
    * an ICS campaign against internet-exposed PLCs in small water and heating
      utilities on both sides of the Atlantic,
    * information sharing across the Atlantic and its relay through the CSIRTs
      Network: technical details that reach the utilities in time change what
      happens to them,
    * escalation in the EU crisis framework (CSIRTs Network, EU-CyCLONe),
      respect for TLP, and joint EU–US communication.

  The ICS strand echoes public reporting on 2023 attacks on internet-exposed PLCs
  with factory passwords at water utilities in the US and in Ireland (defaced
  screens, stopped pumps, a small community without water). Everything in this file
  is FICTIONAL: the Kestrel KX-300 PLC and its vendor, the Millbrook Water
  Authority, the Kilbrannagh group water scheme, the Šilupė district heating company,
  the personas "@ColdFront" and "@AquaReckoning", and every indicator (documentation
  IP ranges 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 and .example domains).

Teams
  cisa    CISA (United States)                 - first ICS victim; holds the details
  certeu  CERT-EU                              - EU institutions under DDoS; threat intel
  enisa   ENISA                                - CSIRTs Network secretariat, EU-CyCLONe support
  ie      NCSC Ireland (CSIRT-IE)              - exposed PLCs at small water schemes
  lt      NKSC Lithuania (CERT-LT)             - DDoS on public services; district heating PLCs

Moves (4 hours of exercise time, 14:00-18:00 Brussels = 08:00-12:00 Washington)
  Move 1 (T+0:00-1:20)  Two campaigns at once: DDoS waves and the first ICS victim
  Move 2 (T+1:20-2:40)  The campaign crosses the Atlantic: utilities, escalation
  Move 3 (T+2:40-4:00)  Joint response: communication, TLP, attribution, lessons

How the sharing mechanic works
  CISA holds the technical details of the PLC campaign from T+0:10 (CISA-01): the PLC
  model, the exposed port, the factory password, the scanner addresses. A team is
  "warned" (state.warned) when the details reach it: CISA-01 "partners" (enisa and
  certeu at once), the public CISA-ALERT (45 minutes after "alert", or at T+2:00 when
  CISA held or shared only with partners), any `share` from cisa or from a warned
  team, ENISA's relay through the CSIRTs Network (ENI-RELAY: at once with the network
  call of ENI-01, else 15 minutes later, or 60 minutes after "validate"), the
  vendor's global notice (CISA-02 "global", 30 minutes later), or CERT-EU's own
  analysis shared with everyone (CEU-02 "share").

    team  PLC attack      details needed by           or protected by its own choice
    ie    T+1:30 (15:30)  T+1:10 (T+1:20 with IE-01 "notify": owners already known)
    lt    T+1:45 (15:45)  T+1:25 (useless after       LT-02 "disconnect"
                          LT-02 "monitor")

  Protected teams get the "...-HIT-SOFT" inject and points; the others "...-HIT-HARD"
  with a decision. Other dynamics: the DDoS on Lithuanian e-services costs a point
  every 20 minutes until mitigated; EU-CyCLONe activation fires CYCLONE-ON; a joint
  EU–US advisory (JOINT-STATEMENT) needs CISA "joint" and ENISA "cosign"; a
  situation report that forwards TLP:AMBER details to a wide list (ENI-04 "full")
  draws a complaint from CISA.

How to run it
  tabletop check scenarios/cyber-atlantic.lua
  tabletop run scenarios/cyber-atlantic.lua --journal cyber-atlantic.jsonl
  tabletop simulate scenarios/cyber-atlantic.lua --runs 200 --policy random

Reachability
  WC-LEAK is `manual = true`: the white cell fires it by hand (`fire WC-LEAK`) in
  Move 3 to test TLP discipline and joint press lines. No code fires it, so
  `simulate` lists it as never fired; that is by design. Everything else is reached
  by some run of `simulate --policy random`.
--]]

exercise {
  title = "Cyber Atlantic — transatlantic DDoS and ICS exercise",
  start = "2025-11-04 14:00",
  duration = "4h",
  tick = "1m",
  speed = 1,                  -- real time, as in a real exercise; run --speed X to rehearse
  seed = 2011,
}

---------------------------------------------------------------------------
-- Teams
---------------------------------------------------------------------------

team { id = "cisa", name = "CISA (United States)" }
team { id = "certeu", name = "CERT-EU" }
team { id = "enisa", name = "ENISA" }
team { id = "ie", name = "NCSC Ireland (CSIRT-IE)" }
team { id = "lt", name = "NKSC Lithuania (CERT-LT)" }

local ALL_TEAMS = { "cisa", "certeu", "enisa", "ie", "lt" }
local NATIONAL = { "ie", "lt" }

---------------------------------------------------------------------------
-- Objectives
---------------------------------------------------------------------------

objective { id = "O1", text = "Share actionable technical details across the Atlantic within one hour of having them" }
objective { id = "O2", text = "Relay the details to national CSIRTs in time for operators to act" }
objective { id = "O3", text = "Protect water and heating operators from the PLC campaign" }
objective { id = "O4", text = "Mitigate the DDoS on public services and EU institutions and share the attack profile" }
objective { id = "O5", text = "Escalate through the EU crisis framework proportionately" }
objective { id = "O6", text = "Communicate jointly and consistently across the Atlantic, respecting TLP" }

---------------------------------------------------------------------------
-- World state (facilitators: `state`)
---------------------------------------------------------------------------

state.cisa_first = "undecided"   -- CISA-01: "partners", "alert" or "hold"
state.alert_out = false          -- has CISA's public alert been published?
state.warned = {}                -- [team] = in-world time it got the PLC details
state.warned_t = {}              -- the same in exercise seconds
state.network_call = false       -- ENI-01 option 1: CSIRTs Network call running
state.cyclone = false            -- EU-CyCLONe activated?
state.ie_prep = "undecided"      -- IE-01: "notify", "advisory" or "wait"
state.lt_plc = "undecided"       -- LT-02: "disconnect", "request" or "monitor"
state.lt_ddos = "ongoing"        -- "ongoing" or "mitigated"
state.hit = {}                   -- [team] = "mild" or "severe"
state.joint = { cisa = false, enisa = false }  -- the joint advisory needs both
state.tlp_breach = false         -- ENI-04 "full"
state.ddos_complaints = 0
state.shares = {}

---------------------------------------------------------------------------
-- Helpers
---------------------------------------------------------------------------

-- Seconds for h hours and m minutes.
local function hm(h, m)
  return h * 3600 + m * 60
end

-- The in-world clock ("HH:MM", Brussels) at exercise time t; STARTEX is 14:00.
local function clock(t)
  local minutes = 14 * 60 + t // 60
  return string.format("%02d:%02d", (minutes // 60) % 24, minutes % 60)
end

-- The PLC details reach a team (first time only). CISA has them from the start.
local function warn(team, how)
  if team == "cisa" or state.warned[team] then
    return
  end
  state.warned[team] = clock(now())
  state.warned_t[team] = now()
  log("PLC details reached " .. team .. " at " .. clock(now()) .. " (" .. how .. ")")
end

-- Does a team hold the details now?
local function holds(team)
  if team == "cisa" then
    return now() >= hm(0, 10)
  end
  return state.warned[team] ~= nil
end

-- Did team have the details by h:mm after STARTEX?
local function warned_by(team, h, m)
  local t = state.warned_t[team]
  return t ~= nil and t <= hm(h, m)
end

-- CISA's public alert: published once, reaches everyone.
local function publish_alert()
  if state.alert_out then
    return
  end
  state.alert_out = true
  fire("CISA-ALERT")
  for _, t in ipairs(ALL_TEAMS) do
    warn(t, "CISA public alert")
  end
end

-- The DDoS on Lithuanian e-services is mitigated (first time only).
local function ddos_mitigated(how)
  if state.lt_ddos == "ongoing" then
    state.lt_ddos = "mitigated"
    log("DDoS on Lithuanian e-services mitigated at " .. clock(now()) .. " (" .. how .. ")")
  end
end

---------------------------------------------------------------------------
-- Sharing between teams
---------------------------------------------------------------------------

on("share", function(from, to, text)
  local targets = { to }
  if to == nil or to == "all" then
    targets = ALL_TEAMS
  end
  local new = 0
  local carries = holds(from)   -- the sender holds the PLC details, so the share carries them
  for _, target in ipairs(targets) do
    local pair = from .. " -> " .. target
    if target ~= from and not state.shares[pair] then
      state.shares[pair] = clock(now())
      new = new + 1
    end
    if target ~= from and carries then
      warn(target, "shared by " .. from)
    end
  end
  if new > 0 then
    score(from, new, "shared with " .. new .. " new partner(s)")
  end
end)

---------------------------------------------------------------------------
-- Timeline
---------------------------------------------------------------------------

on("start", function()
  phase("Move 1: Two campaigns at once")
  log("STARTEX 14:00 Brussels / 08:00 Washington. PLC attacks: ie 15:30 (details by 15:10, "
    .. "15:20 with IE-01 'notify'), lt 15:45 (LT-02 'disconnect', or details by 15:25 and not 'monitor').")
end)

at("1:20", function()
  phase("Move 2: The campaign crosses the Atlantic")
end)

at("2:40", function()
  phase("Move 3: Joint response")
end)

-- 15:30: the PLC campaign reaches an Irish group water scheme.
at("1:30", function()
  local by = state.ie_prep == "notify" and hm(1, 20) or hm(1, 10)
  local t = state.warned_t.ie
  if t ~= nil and t <= by then
    state.hit.ie = "mild"
    score("ie", 5, "operators acted on the details before the attack")
    fire("IE-HIT-SOFT")
  else
    state.hit.ie = "severe"
    score("ie", -3, "the attack found the PLC exposed")
    fire("IE-HIT-HARD")
  end
  log("PLC attack on ie: " .. state.hit.ie)
end)

-- 15:45: the campaign reaches a Lithuanian district heating company.
at("1:45", function()
  if state.lt_plc == "disconnect" or (warned_by("lt", 1, 25) and state.lt_plc ~= "monitor") then
    state.hit.lt = "mild"
    score("lt", 5, "operators acted before the attack")
    fire("LT-HIT-SOFT")
  else
    state.hit.lt = "severe"
    score("lt", -3, "the attack found the PLCs exposed")
    fire("LT-HIT-HARD")
  end
  log("PLC attack on lt: " .. state.hit.lt)
end)

-- 16:00: CISA's public alert goes out at the latest now.
at("2:00", publish_alert)

-- 16:30: the DDoS waves stop by themselves.
at("2:30", function()
  ddos_mitigated("the attackers stopped")
end)

---------------------------------------------------------------------------
-- Recurring pressure and conditions
---------------------------------------------------------------------------

-- Every 20 minutes while the DDoS on Lithuanian e-services goes on.
every("20m", function()
  if state.lt_ddos ~= "ongoing" then
    return
  end
  state.ddos_complaints = state.ddos_complaints + 1
  send {
    to = "lt", from = "Government communications office, Vilnius", channel = "phone",
    subject = "E-services still down (" .. clock(now()) .. ")",
    body = "Citizens cannot sign documents or file declarations; the railway's ticket sales "
      .. "are offline. The Prime Minister's spokesperson needs a time for recovery.",
  }
  score("lt", -1, "public e-services still unavailable")
end)

-- Every hour, a line for the white cell.
every("1h", function()
  local got = {}
  for team, since in pairs(state.warned) do
    got[#got + 1] = team .. "@" .. since
  end
  log("status " .. clock(now()) .. ": DDoS " .. state.lt_ddos .. ", CyCLONe "
    .. tostring(state.cyclone) .. ", details reached: "
    .. (#got > 0 and table.concat(got, ", ") or "nobody"))
end)

-- ENISA holds the details: it decides how to relay them.
when(function() return state.warned.enisa ~= nil end, function()
  fire("ENI-RELAY")
end)

-- EU-CyCLONe is activated.
when(function() return state.cyclone end, function()
  fire("CYCLONE-ON")
end)

-- Both sides agreed: the joint EU-US advisory goes out.
when(function() return state.joint.cisa and state.joint.enisa end, function()
  fire("JOINT-STATEMENT")
  score("cisa", 2, "joint EU-US advisory")
  score("enisa", 2, "joint EU-US advisory")
  score("certeu", 1, "joint EU-US advisory")
end)

-- Final assessment before ENDEX.
at("3:55", function()
  local reached = 0
  for _, t in ipairs(NATIONAL) do
    if state.hit[t] == "mild" then
      reached = reached + 1
      score("cisa", 1, "details protected an operator in " .. t)
      score("enisa", 1, "details protected an operator in " .. t)
    end
  end
  log("final picture: " .. reached .. " of 2 national operators protected; DDoS "
    .. state.lt_ddos .. "; complaints " .. state.ddos_complaints
    .. "; TLP breach " .. tostring(state.tlp_breach))
end)

on("end", function(reason)
  log("ENDEX (" .. reason .. "). Hot wash: trace the PLC details from Washington to Kilbrannagh and Šilupė.")
end)

---------------------------------------------------------------------------
-- MOVE 1 — Two campaigns at once (T+0:00 - 1:20)
---------------------------------------------------------------------------

inject {
  id = "ALL-00", at = "0:00", to = "all",
  from = "Exercise control", channel = "liaison",
  subject = "STARTEX: Cyber Atlantic tabletop",
  body = [[
Good afternoon in Europe, good morning in Washington. It is Tuesday 4 November, 14:00 in
Brussels, 13:00 in Dublin, 15:00 in Vilnius and 08:00 in Washington. Everything in this
exercise is fictional.

Use `share TEAM TEXT` to pass information to another team, `action TEXT` to record what you
do and `rfi TEXT` to ask exercise control. Decisions have deadlines; a missed deadline records
the default. Mind the Traffic Light Protocol: say what TLP you share under.]],
  notes = "Read aloud. The cisa team holds the key details from T+0:10: watch `state.warned` fill up (or not).",
}

inject {
  id = "LT-01", at = "0:05", to = "lt",
  from = "State e-services gateway operations", channel = "phone",
  subject = "DDoS on the e-services gateway and the railway's ticketing",
  body = [[
"Since 14:52 local time the state e-services gateway and the railway's ticket site get
floods of HTTPS requests from about 20,000 addresses, mostly compromised routers and rented
servers in third countries. The gateway is down; the railway sells tickets at counters only.
@ColdFront claims it on Telegram."]],
  decision = {
    prompt = "How do you handle the DDoS?",
    options = {
      { "scrub", "Route through the ISPs' scrubbing and filter traffic from outside the EU" },
      { "ride",  "Scale up capacity and ride it out" },
      { "ask",   "Ask the CSIRTs Network for the attack profiles others see" },
    },
    deadline = "20m", default = "ride",
  },
  expect = { option = "scrub", within = "20m", objective = "O4" },
  on_decision = function(team, option, timeout)
    if option == "scrub" then
      after("20m", function() ddos_mitigated("scrubbing and geo-filtering") end)
      score(team, 1, "mitigated upstream")
    elseif option == "ask" then
      -- With the network call running (ENI-01), others' profiles arrive fast.
      after(state.network_call and "15m" or "45m", function()
        ddos_mitigated("attack profiles shared through the CSIRTs Network")
      end)
      score(team, 1, "asked the network")
    end
  end,
  notes = "Geo-filtering is quick but blocks Lithuanians abroad and foreign users: a real trade-off. 'ask' works best once ENISA runs a CSIRTs Network call. Every 20 minutes of outage costs lt a point.",
}

inject {
  id = "CISA-01", at = "0:10", to = "cisa",
  from = "Millbrook Water Authority, Pennsylvania (via CISA Central)", channel = "phone",
  subject = "Water utility: defaced HMI, booster pumps stopped",
  body = [[
"At 07:40 our operators found the screen of a Kestrel KX-300 controller showing a message
from @AquaReckoning, and two booster pump stations stopped. The controller was reachable from
the internet on TCP 41100 with the factory password. Logins came from 198.51.100.120 and
203.0.113.200. We run in manual now; the water is safe."

CISA analysts say scans for TCP 41100 from the same addresses hit Europe since yesterday.]],
  decision = {
    prompt = "What do you do with the details?",
    options = {
      { "partners", "Share the details under TLP:AMBER with CERT-EU and ENISA now" },
      { "alert",    "Publish a public alert with mitigations (about 45 minutes to clear)" },
      { "hold",     "Investigate first; publish later today" },
    },
    deadline = "20m", default = "hold",
  },
  expect = { option = "partners", within = "30m", objective = "O1" },
  on_decision = function(team, option, timeout)
    state.cisa_first = option
    if option == "partners" then
      warn("enisa", "CISA TLP:AMBER to partners")
      warn("certeu", "CISA TLP:AMBER to partners")
      score(team, 3, "shared details with transatlantic partners at once")
    elseif option == "alert" then
      score(team, 2, "went public with mitigations")
      after("45m", publish_alert)
    else
      score(team, -1, "held the details")
    end
  end,
  notes = "The key decision. The scans already hit Europe. 'partners' reaches ENISA and CERT-EU at once (they must relay); 'alert' reaches everyone in 45 minutes; 'hold' publishes at 16:00, after both European attacks. A direct `share ie ...` / `share lt ...` works too.",
}

inject {
  id = "CEU-01", at = "0:15", to = "certeu",
  from = "CERT-EU monitoring", channel = "alert",
  subject = "DDoS on EU institutions' websites during a plenary session",
  body = [[
Since 14:10 the websites of two EU institutions, including the live stream of a plenary
session, get an HTTPS flood of up to 1.2 million requests per second. The request pattern
(randomised query strings, one browser signature) matches what Lithuania reports. @ColdFront
lists "the Brussels bureaucrats" among today's targets.]],
  decision = {
    prompt = "What do you do?",
    options = {
      { "mitigate", "Mitigate for the EU institutions" },
      { "share",    "Mitigate, and share the attack profile with the CSIRTs Network and CISA" },
    },
    deadline = "20m", default = "mitigate",
  },
  expect = { option = "share", within = "20m", objective = "O4" },
  on_decision = function(team, option, timeout)
    if option == "share" then
      score(team, 2, "shared the attack profile")
      after("10m", function() ddos_mitigated("CERT-EU's attack profile") end)
    end
  end,
  notes = "The attack profile helps Lithuania at once (the DDoS is mitigated ten minutes later).",
}

inject {
  id = "SM-01", at = "0:25", to = "all",
  from = "@ColdFront (Telegram)", channel = "social",
  subject = "'Today your websites. Tomorrow your water.'",
  body = [[
A post in three languages, pinned in the channel:

"Vilnius, Brussels, Washington: today your websites. Tomorrow your water. Our friends
@AquaReckoning already visited Pennsylvania."

A second channel, @AquaReckoning, reposts it with a photo of a defaced controller screen.]],
  notes = "The two personas link the strands. Water operators in Europe should worry: who tells them?",
}

inject {
  id = "ENI-01", at = "0:30", to = "enisa",
  from = "ENISA operational cooperation unit", channel = "email",
  subject = "Reports from Lithuania, CERT-EU and the US",
  body = [[
Lithuania and CERT-EU report DDoS waves from the same persona; US media report a water
utility attack by an allied persona. Several CSIRTs ask the secretariat what others see.]],
  decision = {
    prompt = "What does ENISA do now?",
    -- Plain list: keys "1", "2" and "3".
    options = {
      "Convene an extraordinary CSIRTs Network call and start a common situation report",
      "A written situation report at the end of the day",
      "Propose activating EU-CyCLONe at once",
    },
    deadline = "20m", default = "2",
  },
  expect = { option = "1", within = "20m", objective = "O2" },
  on_decision = function(team, option, timeout)
    if option == "1" then
      state.network_call = true
      score(team, 2, "brought the CSIRTs together")
    elseif option == "3" then
      state.cyclone = true
      score(team, 1, "escalated early")
    end
  end,
  notes = "The network call speeds up everything that follows (relay, DDoS profiles). Activating EU-CyCLONe this early is defensible but may be premature: ask what the operational layer does meanwhile.",
}

inject {
  id = "IE-01", at = "0:40", to = "ie",
  from = "NCSC Ireland exposure scanning", channel = "ticket",
  subject = "23 Kestrel controllers exposed on the internet in Ireland",
  body = [[
Our weekly exposure scan finds 23 Kestrel controllers reachable from the internet in
Ireland, most at small group water schemes and two at local authority treatment plants. We
do not know who operates most of them; schemes are run by volunteers and contractors.
Nothing has happened yet, but the Pennsylvania news mentions Kestrel controllers.]],
  decision = {
    prompt = "What do you do?",
    options = {
      { "notify",   "Identify the operators now through the water sector contacts and phone them" },
      { "advisory", "Publish a general advisory on exposed controllers" },
      { "wait",     "Wait for technical details from partners" },
    },
    deadline = "20m", default = "advisory",
  },
  expect = { option = "notify", within = "20m", objective = "O3" },
  on_decision = function(team, option, timeout)
    state.ie_prep = option
    if option == "notify" then
      score(team, 2, "started reaching operators before the details arrived")
    end
  end,
  notes = "'notify' buys ten minutes: when the details arrive, the operators are already known (deadline 15:20 instead of 15:10). A general advisory does not tell anyone which password or port.",
}

inject {
  id = "CISA-02", at = "0:50", to = "cisa",
  from = "Kestrel Automation, product security (JCDC partner)", channel = "phone",
  subject = "Vendor ready to notify customers",
  body = [[
"We can send a customer notice today: change the factory password, take the controller off
the internet, update firmware. Our European distributors reach most EU customers within half
an hour; the US list goes first unless you ask otherwise."]],
  decision = {
    prompt = "What do you ask the vendor?",
    options = {
      { "global", "Notify customers worldwide at once, through the European distributors too" },
      { "us",     "US customers first, the rest tomorrow" },
    },
    deadline = "20m", default = "us",
  },
  expect = { option = "global", within = "20m", objective = "O3" },
  on_decision = function(team, option, timeout)
    if option == "global" then
      score(team, 2, "pushed the vendor notice worldwide")
      after("30m", function()
        for _, t in ipairs(NATIONAL) do
          warn(t, "vendor's global customer notice")
        end
      end)
    end
  end,
  notes = "A public-private path across the Atlantic: the vendor's notice reaches European operators 30 minutes after 'global'.",
}

inject {
  id = "LT-02", at = "1:00", to = "lt",
  from = "NKSC sector liaison, energy", channel = "phone",
  subject = "Six Kestrel controllers at district heating companies",
  body = [[
"Our scan finds six Kestrel controllers reachable from the internet at district heating and
water companies, one of them Šilupė district heating, which heats 3,000 flats. The operators
use remote access at night; disconnecting means an engineer on site until Monday. It is
November."]],
  decision = {
    prompt = "What do you tell the operators?",
    options = {
      { "disconnect", "Disconnect the controllers from the internet now" },
      { "request",    "Ask partners for the technical details first" },
      { "monitor",    "Monitor the controllers' traffic" },
    },
    deadline = "20m", default = "request",
  },
  expect = { option = "disconnect", within = "20m", objective = "O3" },
  on_decision = function(team, option, timeout)
    state.lt_plc = option
    if option == "disconnect" then
      score(team, 2, "took the controllers off the internet")
    end
  end,
  notes = "'disconnect' protects whatever else happens, at a cost for the operators. 'request' protects only if the details arrive by 15:25. 'monitor' keeps the controllers online under watch: the details then help recognise the attack, not prevent it.",
}

inject {
  id = "CEU-02", at = "1:10", to = "certeu",
  from = "CERT-EU threat intelligence", channel = "ticket",
  subject = "One operator behind @ColdFront and @AquaReckoning",
  body = [[
Our analysts link the two personas: the same Telegram administrator account, and the DDoS
botnet's command server and the TCP 41100 scanner share 203.0.113.200. The scanner's target
list includes address ranges of water and heating operators in at least six member states.]],
  decision = {
    prompt = "What do you do with the analysis?",
    options = {
      { "share",  "Share it now with the CSIRTs Network, ENISA and CISA (TLP:AMBER)" },
      { "report", "Publish it in tomorrow's threat intelligence report" },
    },
    deadline = "20m", default = "report",
  },
  expect = { option = "share", within = "20m", objective = "O2" },
  on_decision = function(team, option, timeout)
    if option == "share" then
      for _, t in ipairs({ "enisa", "ie", "lt" }) do
        warn(t, "CERT-EU analysis")
      end
      score(team, 2, "shared its analysis across the EU and the Atlantic")
    end
  end,
  notes = "CERT-EU's own path to the national CSIRTs, independent of CISA. Early enough for lt (15:25), usually too late for ie (15:10/15:20).",
}

-- Move 1 branches

inject {
  id = "ENI-RELAY", to = "enisa",
  from = "ENISA operational cooperation unit", channel = "ticket",
  subject = "Relay the PLC details to the CSIRTs Network?",
  body = [[
We hold technical details of the PLC campaign: the Kestrel KX-300 model, TCP 41100, the
factory password, the scanner addresses. Several member states' water and heating operators
use these controllers. We can relay them to all national CSIRTs now under TLP:AMBER, or
validate them first with our own analysts (about an hour).]],
  decision = {
    prompt = "Relay now or validate first?",
    options = {
      { "relay",    "Relay to all national CSIRTs now (TLP:AMBER)" },
      { "validate", "Validate first, then relay" },
    },
    deadline = "15m", default = "validate",
  },
  expect = { option = "relay", within = "15m", objective = "O2" },
  on_decision = function(team, option, timeout)
    if option == "relay" then
      score(team, 2, "relayed actionable details at once")
      if state.network_call then
        for _, t in ipairs(NATIONAL) do warn(t, "ENISA relay on the network call") end
      else
        after("15m", function()
          for _, t in ipairs(NATIONAL) do warn(t, "ENISA relay by e-mail") end
        end)
      end
    else
      after("1h", function()
        for _, t in ipairs(NATIONAL) do warn(t, "ENISA relay after validation") end
      end)
    end
  end,
  notes = "Fired as soon as ENISA holds the details (CISA-01 'partners', a share, or CERT-EU's analysis). The originator is a trusted partner: validation costs an hour the operators do not have.",
}

inject {
  id = "CISA-ALERT", to = "all",
  from = "CISA", channel = "news",
  subject = "Public alert: exposed Kestrel controllers attacked at water utilities",
  body = [[
CISA publishes an alert: a persona calling itself @AquaReckoning compromises internet-exposed
Kestrel KX-300 controllers that still use the factory password (TCP 41100). Mitigations:

- take controllers off the internet or behind a VPN with multi-factor authentication;
- change the factory password;
- update firmware and keep backups of the controller logic;
- check screens and set points; operate manually if in doubt.]],
  notes = "45 minutes after CISA-01 'alert', or at 16:00 at the latest. Everyone who reads it is warned, but at 16:00 it is too late for ie and lt.",
}

---------------------------------------------------------------------------
-- MOVE 2 — The campaign crosses the Atlantic (T+1:20 - 2:40)
---------------------------------------------------------------------------

inject {
  id = "IE-HIT-SOFT", to = "ie",
  from = "Kilbrannagh group water scheme", channel = "phone",
  subject = "Failed logins on a controller we took offline",
  body = [[
"We took our Kestrel controller off the internet and changed the password after your call.
At 14:30 our time the vendor's remote logs show repeated failed logins from 198.51.100.120.
Water is flowing; the caretaker runs the pumps from the panel."]],
  notes = "Protected: the details reached ie in time. Ask whether the other 22 operators were reached too.",
}

inject {
  id = "IE-HIT-HARD", to = "ie",
  from = "Kilbrannagh group water scheme", channel = "phone",
  subject = "Pumps stopped; screen says '@AquaReckoning'",
  body = [[
"At 14:30 our time the controller screen changed to a message from @AquaReckoning and the
pumps stopped. The reservoir is at 30 %; 420 households will be without water tonight. The
chlorine dosing set point on the screen shows a value we never used. The caretaker is on his
way."]],
  decision = {
    prompt = "What do you advise the scheme and the local authority?",
    options = {
      { "manual",  "Disconnect the controller, run manually, check dosing, tankers and a precautionary notice" },
      { "restore", "Restore the controller from the vendor's backup and reconnect" },
      { "shutoff", "Shut the supply off until a new controller is installed" },
    },
    deadline = "15m", default = "restore",
  },
  expect = { option = "manual", within = "15m", objective = "O3" },
  on_decision = function(team, option, timeout)
    if option == "manual" then
      score(team, 2, "safe manual operation")
    elseif option == "restore" then
      score(team, -2, "reconnected a controller with the factory password")
      after("20m", function()
        send {
          to = "ie", from = "Kilbrannagh group water scheme", channel = "phone",
          subject = "It happened again",
          body = "The restored controller was back online for twenty minutes and the screen "
            .. "changed again. Same message, pumps stopped.",
        }
      end)
    end
  end,
  notes = "A changed dosing set point is a public-health question: involve the health authorities. 'restore' reconnects the same exposure.",
}

inject {
  id = "LT-HIT-SOFT", to = "lt",
  from = "Šilupė district heating", channel = "phone",
  subject = "Scans and login attempts bounce off",
  body = [[
"Our controller is off the internet since this afternoon. The firewall logs show connection
attempts to TCP 41100 from 203.0.113.200 at 16:45 local time, all dropped. The boilers run
normally."]],
  notes = "Protected: LT-02 'disconnect', or the details arrived by 15:25 and the controllers were not kept online under watch (LT-02 'monitor').",
}

inject {
  id = "LT-HIT-HARD", to = "lt",
  from = "Šilupė district heating", channel = "phone",
  subject = "Circulation pumps stopped in Šilupė",
  body = [[
"At 16:45 local time the controller screen showed the @AquaReckoning message and the
circulation pumps stopped. The network is cooling; 3,000 flats will be cold by the night.
Our engineer is two hours away."]],
  decision = {
    prompt = "What do you advise?",
    options = {
      { "manual",  "Disconnect the controller and run the pumps manually; engineer on site" },
      { "restore", "Restore the logic remotely from the backup" },
    },
    deadline = "15m", default = "restore",
  },
  on_decision = function(team, option, timeout)
    if option == "manual" then
      score(team, 2, "safe manual operation")
    else
      score(team, -1, "restored remotely over the same exposure")
    end
  end,
  notes = "Heat in November is a civil-protection issue. Ask whether Lithuania tells its partners that the campaign reached it.",
}

inject {
  id = "ESC-01", at = "1:50", to = "enisa",
  from = "EU-CyCLONe officers' network (via ENISA)", channel = "liaison",
  subject = "Escalate to EU-CyCLONe?",
  body = [[
Two member states report attacks on utilities, EU institutions and a member state are under
DDoS, and the US is affected. The Council presidency asks whether this is a large-scale
cross-border incident: should EU-CyCLONe be activated to coordinate at the operational-
political level, or does the CSIRTs Network handle it?]],
  decision = {
    prompt = "What do you propose?",
    options = {
      { "cyclone", "Activate EU-CyCLONe; situation reports to the presidency" },
      { "network", "Keep it at the CSIRTs Network level" },
    },
    deadline = "20m", default = "network",
  },
  expect = { option = "cyclone", within = "30m", objective = "O5" },
  on_decision = function(team, option, timeout)
    if option == "cyclone" then
      state.cyclone = true
      score(team, 1, "escalated a cross-border incident")
    end
  end,
  notes = "Proportionality: utilities hit in two member states plus EU institutions is a reasonable trigger. If EU-CyCLONe was activated already (ENI-01 '3'), this confirms it.",
}

inject {
  id = "CYCLONE-ON", to = "all",
  from = "EU-CyCLONe", channel = "liaison",
  subject = "EU-CyCLONe activated",
  body = [[
EU-CyCLONe is activated for the DDoS and controller campaign. Member states' cyber crisis
liaison officers meet every two hours; ENISA supports with a common situation report. The US
is invited to brief through the existing EU–US channels.]],
  notes = "Fired when ENISA activates EU-CyCLONe (ENI-01 '3' or ESC-01 'cyclone').",
}

inject {
  id = "CISA-03", at = "2:00", to = "cisa",
  from = "CISA international affairs", channel = "liaison",
  subject = "A joint EU–US advisory?",
  body = [[
ENISA and CERT-EU counterparts ask whether CISA would publish a joint EU–US advisory on the
controller campaign and the DDoS: one set of mitigations on both sides of the Atlantic. It
takes an hour of joint editing; a US-only update is ready now.]],
  decision = {
    prompt = "What do you answer?",
    options = {
      { "joint",    "A joint EU–US advisory" },
      { "separate", "Separate advisories, cross-referenced" },
    },
    deadline = "20m", default = "separate",
  },
  expect = { option = "joint", within = "30m", objective = "O6" },
  on_decision = function(team, option, timeout)
    if option == "joint" then
      state.joint.cisa = true
      score(team, 1, "ready for joint communication")
    end
  end,
  notes = "The joint advisory goes out only if ENISA co-signs (ENI-03 'cosign').",
}

inject {
  id = "ENI-03", at = "2:10", to = "enisa",
  from = "ENISA executive office", channel = "email",
  subject = "Co-sign an advisory with CISA and CERT-EU?",
  body = [[
CISA's draft advisory is on the table. Co-signing it with CERT-EU gives one transatlantic
message; an ENISA-only advisory can be tailored to EU rules and languages and goes out
faster.]],
  decision = {
    prompt = "What does ENISA do?",
    options = {
      { "cosign", "Co-sign the joint advisory with CISA and CERT-EU" },
      { "own",    "Publish an EU advisory of its own" },
    },
    deadline = "20m", default = "own",
  },
  on_decision = function(team, option, timeout)
    if option == "cosign" then
      state.joint.enisa = true
      score(team, 1, "ready for joint communication")
    end
  end,
  notes = "Pairs with CISA-03.",
}

inject {
  id = "SM-02", at = "2:20", to = "ie",
  from = "Media monitoring, Dublin", channel = "social",
  subject = "Viral: 'Hackers poisoned the water in the west'",
  body = [[
A video claiming "hackers poisoned the water" in a western county gets 300,000 views in an
hour. Local radio asks whether tap water is safe anywhere in Ireland. The water sector and the
health authorities ask the NCSC for a common line.]],
  decision = {
    prompt = "What do you do?",
    options = {
      { "facts", "A joint line with the water sector and health authorities: facts, precautions, where to check" },
      { "quiet", "Leave communication to the water sector" },
    },
    deadline = "20m", default = "quiet",
  },
  expect = { option = "facts", within = "20m", objective = "O6" },
  on_decision = function(team, option, timeout)
    if option == "facts" then
      score(team, 2, "answered the rumour with facts")
    end
  end,
  notes = "Whether or not Kilbrannagh was hit, the rumour runs. The facts are different in each branch: ask what they are.",
}

---------------------------------------------------------------------------
-- MOVE 3 — Joint response (T+2:40 - 4:00)
---------------------------------------------------------------------------

inject {
  id = "ENI-04", at = "2:45", to = "enisa",
  from = "ENISA situational awareness team", channel = "ticket",
  subject = "Situation report: what goes in?",
  body = [[
The situation report goes to the CSIRTs Network, EU-CyCLONe officers and the Council's
crisis arrangements: several hundred readers. CISA's details came under TLP:AMBER. We can
include them in full, or a sanitised summary with a pointer to the originator.]],
  decision = {
    prompt = "What goes into the situation report?",
    options = {
      { "sanitise", "A sanitised summary; full details on request from the originator" },
      { "full",     "The full details: readers need them" },
    },
    deadline = "20m", default = "full",
  },
  expect = { option = "sanitise", within = "20m", objective = "O6" },
  on_decision = function(team, option, timeout)
    if option == "full" then
      state.tlp_breach = true
      after("20m", function()
        send {
          to = { "enisa", "cisa" }, from = "CISA international affairs", channel = "liaison",
          subject = "Our TLP:AMBER details on a wide distribution list",
          body = "Our details appear in a report with several hundred recipients. TLP:AMBER "
            .. "means need to know. Please tell us who has it, and ask before forwarding next time.",
        }
        score("enisa", -2, "forwarded TLP:AMBER details beyond need to know")
      end)
    else
      score(team, 1, "respected the originator's TLP")
    end
  end,
  notes = "Trust is the currency of transatlantic sharing. 'full' leads to a complaint from CISA 20 minutes later.",
}

inject {
  id = "ALL-02", at = "3:00", to = "all",
  from = "Exercise control", channel = "liaison",
  subject = "17:00 Brussels: status round",
  body = [[
It is 17:00 in Brussels, 11:00 in Washington. Each team: two lines to exercise control on
what you know, what you shared, and with whom.]],
  notes = "Compare the answers with `state.warned`.",
}

inject {
  id = "CEU-04", at = "3:05", to = "certeu",
  from = "European External Action Service", channel = "liaison",
  subject = "Technical assessment for a diplomatic response?",
  body = [[
Member states discuss a diplomatic response to the campaign. The EEAS asks CERT-EU whether
its analysis (one operator behind both personas, shared infrastructure) can be summarised as a
technical assessment for the member states' deliberations.]],
  decision = {
    prompt = "What do you answer?",
    options = {
      { "assess",  "Provide a technical assessment with confidence levels" },
      { "decline", "Decline: attribution is for the member states" },
    },
    deadline = "20m", default = "decline",
  },
  on_decision = function(team, option, timeout)
    if option == "assess" then
      score(team, 1, "supported the political level with evidence")
    end
  end,
  notes = "Either answer is defensible; a technical assessment is not an attribution. Ask what confidence the evidence supports.",
}

inject {
  id = "CISA-04", at = "3:15", to = "cisa",
  from = "CISA secure-by-design team", channel = "email",
  subject = "Ask the vendor to end factory passwords?",
  body = [[
Every victim today used the factory password on an internet-facing controller. The team
proposes asking Kestrel Automation to ship unique passwords and to refuse internet exposure by
default, and asks whether to do it alone or with European partners.]],
  decision = {
    prompt = "How do you approach the vendor?",
    options = {
      "A joint EU–US letter with ENISA",
      "A US request only",
      "Not now",
    },
    deadline = "20m", default = "2",
  },
  on_decision = function(team, option, timeout)
    if option == "1" then
      score(team, 1, "transatlantic secure-by-design push")
    end
  end,
  notes = "The root cause is a design choice. A joint letter carries the weight of two markets.",
}

inject {
  id = "IE-02", at = "3:25", to = "ie",
  from = "Department responsible for water services", channel = "email",
  subject = "What about the other exposed controllers?",
  body = [[
The department asks what to do about the remaining exposed controllers at small schemes run
by volunteers, and whether the NCSC can lead a programme with the water sector.]],
  decision = {
    prompt = "What do you propose?",
    options = {
      { "programme", "A national programme with the water sector: find, disconnect and secure every controller" },
      { "advise",    "Guidance to the schemes; they act themselves" },
    },
    deadline = "20m", default = "advise",
  },
  on_decision = function(team, option, timeout)
    if option == "programme" then
      score(team, 1, "a structural answer to exposure")
    end
  end,
  notes = "Small operators below regulatory thresholds are the soft spot on both sides of the Atlantic.",
}

inject {
  id = "LT-04", at = "3:35", to = "lt",
  from = "NKSC director", channel = "email",
  subject = "Lessons report: for whom?",
  body = [[
The director wants a lessons report from today by Friday: the DDoS, the heating controllers,
and how the details reached us. Who gets it?]],
  decision = {
    prompt = "Who gets the lessons report?",
    options = {
      "The CSIRTs Network, CERT-EU and CISA",
      "National authorities only",
    },
    deadline = "15m", default = "2",
  },
  on_decision = function(team, option, timeout)
    if option == "1" then
      score(team, 1, "shared lessons with partners")
    end
  end,
  notes = "Closing the loop with those who shared.",
}

inject {
  id = "JOINT-STATEMENT", to = "all",
  from = "CISA, ENISA and CERT-EU", channel = "news",
  subject = "Joint EU–US advisory on the controller and DDoS campaign",
  body = [[
CISA, ENISA and CERT-EU publish a joint advisory: one set of mitigations for water and
heating operators on both sides of the Atlantic, the DDoS attack profile, and a shared
message to vendors: no factory passwords on internet-facing controllers.]],
  notes = "Fired when CISA-03 'joint' and ENI-03 'cosign'.",
}

inject {
  id = "ALL-HOTWASH", at = "3:50", to = "all",
  from = "Exercise control", channel = "liaison",
  subject = "10 minutes to ENDEX: prepare the hot wash",
  body = [[
Prepare three points for the hot wash:

- when did the controller details reach you, and from whom?
- what slowed the relay across the Atlantic and within the EU?
- what would you agree with the other side of the Atlantic before the next crisis?]],
  notes = "Show `state`: warned, hit, lt_ddos, tlp_breach.",
}

-- Held in reserve: the white cell fires it by hand (`fire WC-LEAK`) in Move 3 to test
-- TLP discipline and the joint press line. No code fires it, so simulate always lists it.
inject {
  id = "WC-LEAK", to = { "cisa", "enisa", "certeu" }, manual = true,
  from = "Journalist, a Brussels policy news site", channel = "phone",
  subject = "'I have a TLP:AMBER report on the water attacks'",
  body = [[
"I have a copy of a TLP:AMBER report with the controller details and the list of affected
countries. I publish tomorrow. Do you confirm it is authentic, and why were citizens not
told?"]],
  notes = "Reserve inject. Especially useful after ENI-04 'full'. Who answers, and do the three agree?",
}

-- HOTWASH: answered after ENDEX with `answer N TEXT`; the answers go into the AAR.
hotwash {
  "How quickly did information cross the Atlantic, and through which channel did it actually travel?",
  "Which team held the piece of the picture that mattered most, and when did the others get it?",
  "How did you coordinate the public message between the EU and the US?",
  "Which cooperation arrangement would you formalise after this exercise?",
}
