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

Languages
  English (en, the default) and Albanian (sq). Every text that participants see is written
  as { en = "...", sq = "..." }; names that read the same in both languages (BalkanWire,
  @crimson_justice (X)) stay plain strings. Notes, log lines and score reasons are for the
  white cell and stay in English.

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
  tabletop run scenarios/balkansecure.lua           (real time; then give each team its
                                                    join code; --speed 60 to rehearse)
  tabletop simulate scenarios/balkansecure.lua --runs 200 --policy random
                                                    (bots play; shows what no run reached)

Reachability
  WC-DDOS and WC-FAKE-IOC are marked `manual = true`: the white cell fires them by
  hand (`fire WC-DDOS`) when a team needs more pressure. No code fires them, so
  `simulate` always lists them as never fired; that is by design.
  Everything else is reached by some run of `simulate --policy random`.
--]]

exercise {
  title = { en = "BalkanSecure — regional incident response drill",
            sq = "BalkanSecure — stërvitje rajonale për reagimin ndaj incidenteve" },
  languages = { "en", "sq" },
  start = "2024-11-12 09:00",
  duration = "5h",
  tick = "1m",
  speed = 1,                  -- real time, as in a real exercise; run --speed X to rehearse
  seed = 2024,
}

---------------------------------------------------------------------------
-- Teams
---------------------------------------------------------------------------

team { id = "al", name = { en = "AKCESK (Albania)", sq = "AKCESK (Shqipëri)" } }
team { id = "xk", name = { en = "KOS-CERT (Kosovo)", sq = "KOS-CERT (Kosovë)" } }
team { id = "mk", name = { en = "MKD-CIRT (North Macedonia)",
                           sq = "MKD-CIRT (Maqedoni e Veriut)" } }
team { id = "me", name = { en = "CIRT.ME (Montenegro)", sq = "CIRT.ME (Mal i Zi)" } }
team { id = "rs", name = { en = "National CERT of Serbia (SRB-CERT)",
                           sq = "CERT-i Kombëtar i Serbisë (SRB-CERT)" } }
team { id = "ba", name = { en = "CERT of Bosnia and Herzegovina",
                           sq = "CERT-i i Bosnjë e Hercegovinës" } }
team { id = "eu", name = { en = "EU/partner liaison desk (optional)",
                           sq = "Zyra ndërlidhëse BE/partnerë (fakultative)" } }

-- Handy lists of team ids, used in `to = ...` and in the code below.
local CSIRTS = { "al", "xk", "mk", "me", "rs", "ba" }     -- the six national teams
local NEIGHBOURS = { "xk", "mk", "me", "rs", "ba" }       -- everyone AKCESK should warn

---------------------------------------------------------------------------
-- Objectives (the after-action report scores the `expect` entries against these)
---------------------------------------------------------------------------

objective { id = "O1", text = {
  en = "Contain the attack on the e-services portal within 30 minutes of the first report",
  sq = "Izolimi i sulmit ndaj portalit të e-shërbimeve brenda 30 minutave nga raportimi i parë",
} }
objective { id = "O2", text = {
  en = "Share actionable indicators with the regional CSIRTs within one hour of having them",
  sq = "Ndarja e treguesve të gatshëm për veprim me CSIRT-et e rajonit brenda një ore nga marrja e tyre",
} }
objective { id = "O3", text = {
  en = "Neighbouring CSIRTs act on early signals before the campaign reaches their constituents",
  sq = "CSIRT-et fqinje veprojnë sipas sinjaleve të hershme përpara se fushata të arrijë te institucionet që mbulojnë",
} }
objective { id = "O4", text = {
  en = "Inform the public early and consistently, nationally and across the region",
  sq = "Informimi i publikut herët dhe në mënyrë të njëtrajtshme, në nivel kombëtar dhe në të gjithë rajonin",
} }
objective { id = "O5", text = {
  en = "Escalate to the political level in time and make use of international assistance",
  sq = "Përshkallëzimi në kohë në nivelin politik dhe shfrytëzimi i ndihmës ndërkombëtare",
} }
objective { id = "O6", text = {
  en = "Handle the ransom demand and the data leak lawfully: no payment, timely breach notification",
  sq = "Trajtimi i kërkesës për shpërblesë dhe i rrjedhjes së të dhënave në përputhje me ligjin: asnjë pagesë, njoftim në kohë për cenimin e të dhënave",
} }
objective { id = "O7", text = {
  en = "Recover safely from known-clean systems and support attribution with evidence",
  sq = "Rikuperimi i sigurt nga sisteme të verifikuara si të pastra dhe mbështetja e atribuimit me prova",
} }

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
  phase({ en = "Move 1: Detection and first response", sq = "Etapa 1: Zbulimi dhe reagimi i parë" })
  log("STARTEX. Campaign arrives: xk 11:00, mk 11:10, me 11:20, rs 11:25, ba 11:35. "
    .. "MILD if AKCESK's indicators arrived 30 minutes earlier (45 for ba).")
end)

-- AKCESK's indicator package exists from now on (AL-04 arrives at the same time).
at("0:40", function()
  state.iocs_ready = true
end)

at("1:40", function()
  phase({ en = "Move 2: Leak, escalation and spread",
          sq = "Etapa 2: Rrjedhja, përshkallëzimi dhe përhapja" })
end)

at("3:20", function()
  phase({ en = "Move 3: Recovery, attribution and the public message",
          sq = "Etapa 3: Rikuperimi, atribuimi dhe mesazhi për publikun" })
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
    to = "al",
    from = { en = "BalkanWire newsroom", sq = "Redaksia e BalkanWire" },
    channel = { en = "phone", sq = "telefon" },
    subject = {
      en = "Follow-up #" .. state.press_chasers .. ": still no comment?",
      sq = "Kërkesë e përsëritur nr. " .. state.press_chasers .. ": ende asnjë koment?",
    },
    body = {
      en = "It is " .. clock(now()) .. ". We publish within the hour with or without your comment. "
        .. "Citizens cannot get documents, a hacktivist group claims it holds their data, and "
        .. "the government has not said a word. Is the data of citizens safe, yes or no?",
      sq = "Ora është " .. clock(now()) .. ". Publikojmë brenda një ore, me ose pa komentin tuaj. "
        .. "Qytetarët nuk mund të marrin dokumente, një grup haktivistësh pretendon se i ka të dhënat "
        .. "e tyre dhe qeveria nuk ka thënë asnjë fjalë. A janë të sigurta të dhënat e qytetarëve, "
        .. "po apo jo?",
    },
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
  from = { en = "Exercise control", sq = "Drejtimi i ushtrimit" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "STARTEX: BalkanSecure regional drill",
              sq = "STARTEX: stërvitja rajonale BalkanSecure" },
  body = {
    en = [[
Good morning. This is a regional tabletop drill for the national CSIRTs of the Western Balkans.
Everything in it is fictional. Work as you would on a normal Tuesday: your own procedures, your
own escalation paths, your own judgement.

Use `share TEAM TEXT` (or `share all TEXT`) to pass information to other CSIRTs, `action TEXT`
to record what you do, and `rfi TEXT` to ask exercise control for information. Decisions have
deadlines; if you miss one, the default is recorded for you.

The in-world date is Tuesday 12 November, 09:00.]],
    sq = [[
Mirëmëngjes. Kjo është një stërvitje rajonale në tryezë për CSIRT-et kombëtare të Ballkanit
Perëndimor. Gjithçka në të është e trilluar. Punoni si në një të martë të zakonshme: me procedurat
tuaja, me rrugët tuaja të përshkallëzimit, me gjykimin tuaj.

Përdorni `share EKIPI TEKSTI` (ose `share all TEKSTI`) për t'u përcjellë informacion CSIRT-eve të
tjera, `action TEKSTI` për të regjistruar atë që bëni dhe `rfi TEKSTI` për t'i kërkuar informacion
drejtimit të ushtrimit. Vendimet kanë afate; nëse e humbisni një afat, për ju regjistrohet opsioni
i paracaktuar.

Data në skenar është e martë, 12 nëntor, ora 09:00.]],
  },
  notes = "Read aloud at STARTEX. Check every team is logged in (`teams`). The eu desk is optional: if nobody plays it, its decisions time out harmlessly.",
}

inject {
  id = "AL-01", at = "0:05", to = "al",
  from = { en = "Government Digital Services Agency (GDSA) — duty officer",
           sq = "Agjencia e Shërbimeve Dixhitale Qeveritare (GDSA) — zyrtari në detyrë" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "Ransom note on the e-Shërbime portal, services failing",
              sq = "Mesazh për shpërblesë në portalin e-Shërbime, shërbimet po ndërpriten" },
  body = {
    en = [[
Since 08:40 the e-Shërbime portal has returned errors for document requests. Our admins found
a ransom note (README_RESTORE.txt) on three application servers and encrypted files with the
extension .crimson. Monitoring shows heavy SMB traffic from the portal's back-end to the
file servers in the Tiranë data centre. The portal still answers for static pages.

The portal serves roughly 1.2 million citizen requests a month (certificates, tax, permits).
We need your advice now: do we pull it?]],
    sq = [[
Që nga ora 08:40 portali e-Shërbime kthen gabime për kërkesat për dokumente. Administratorët tanë
gjetën një mesazh për shpërblesë (README_RESTORE.txt) në tre serverë aplikacionesh dhe skedarë të
enkriptuar me prapashtesën .crimson. Monitorimi tregon trafik të dendur SMB nga back-end-i i portalit
drejt serverëve të skedarëve në qendrën e të dhënave në Tiranë. Portali ende përgjigjet për faqet
statike.

Portali shërben afërsisht 1.2 milionë kërkesa qytetarësh në muaj (certifikata, tatime, leje).
Na duhet këshilla juaj tani: a ta nxjerrim jashtë linje?]],
  },
  decision = {
    prompt = { en = "What do you advise the GDSA to do with the portal?",
               sq = "Çfarë i këshilloni GDSA-së të bëjë me portalin?" },
    options = {
      { "offline", { en = "Take the portal and its back-end offline now",
                     sq = "Nxirrni menjëherë jashtë linje portalin dhe back-end-in e tij" } },
      { "degrade", { en = "Keep a static read-only front page, isolate all back-end segments",
                     sq = "Mbani një faqe hyrëse statike vetëm për lexim, izoloni të gjitha segmentet e back-end-it" } },
      { "online",  { en = "Keep it online while we investigate",
                     sq = "Mbajeni në linjë ndërkohë që ne hetojmë" } },
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
  from = { en = "AKCESK SOC", sq = "Qendra e Operacioneve të Sigurisë (SOC), AKCESK" },
  channel = { en = "ticket", sq = "tiketë" },
  subject = { en = "TKT-4471: wiper behaviour on data-centre file servers",
              sq = "TKT-4471: sjellje programi fshirës (wiper) në serverët e skedarëve të qendrës së të dhënave" },
  body = {
    en = [[
EDR on two file servers in the government data centre flags a signed driver writing raw
sectors to disk, and a scheduled task 'SysHealthCheck' on 14 hosts. This is not ransomware:
it destroys the master boot record. The encryption on the portal looks like a distraction.

We can image the affected disks first (3-4 hours) or reimage at once to get services back.]],
    sq = [[
EDR-ja në dy serverë skedarësh në qendrën qeveritare të të dhënave sinjalizon një drajver të
nënshkruar që shkruan drejtpërdrejt në sektorët e diskut, si dhe një detyrë të planifikuar
'SysHealthCheck' në 14 makina. Ky nuk është program për zhvatje (ransomware): ai shkatërron
regjistrin kryesor të nisjes (MBR). Enkriptimi në portal duket si manovër për të shpërqendruar
vëmendjen.

Mund të bëjmë fillimisht imazhin e disqeve të prekura (3-4 orë) ose t'i riinstalojmë menjëherë
nga imazhi standard për të rikthyer shërbimet.]],
  },
  decision = {
    prompt = { en = "Preserve evidence or reimage immediately?",
               sq = "Të ruhen provat apo të riinstalohet menjëherë?" },
    options = {
      { "image", { en = "Image the affected disks before anything is rebuilt",
                   sq = "Bëni imazhin e disqeve të prekura përpara se të rindërtohet ndonjë gjë" } },
      { "wipe",  { en = "Reimage at once; service first",
                   sq = "Riinstaloni menjëherë; shërbimi në radhë të parë" } },
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
  from = { en = "@crimson_justice (X and Telegram)", sq = "@crimson_justice (X dhe Telegram)" },
  channel = { en = "social", sq = "rrjete sociale" },
  subject = { en = "Hacktivist claim: 'your portal is ours'",
              sq = "Pretendim i haktivistëve: 'portali juaj është i yni'" },
  body = {
    en = [[
Post, 09:18, with three screenshots of GDSA server consoles:

"Government of Albania, you failed your citizens. e-Shërbime is ours, and so is everything
behind it. Your neighbours use the same people and the same software. Who is next?
#CrimsonJustice"

The post has 4,000 shares within fifteen minutes, mostly from newly created accounts.]],
    sq = [[
Postim, ora 09:18, me tri pamje ekrani nga konsolat e serverëve të GDSA-së:

"Qeveri e Shqipërisë, ju i zhgënjyet qytetarët tuaj. e-Shërbime është i yni, bashkë me gjithçka
që qëndron pas tij. Fqinjët tuaj përdorin të njëjtët njerëz dhe të njëjtin softuer. Kush është i
radhës? #CrimsonJustice"

Postimi ka 4,000 shpërndarje brenda pesëmbëdhjetë minutash, kryesisht nga llogari të krijuara
rishtas.]],
  },
  notes = "Public to all teams: neighbours should start asking 'same people, same software' — who is that? Good teams ask al via share/rfi.",
}

inject {
  id = "AL-03", at = "0:30", to = "al",
  from = { en = "Chief of Staff, Ministry of State for Digital Affairs",
           sq = "Shefi i Kabinetit, Ministria e Shtetit për Çështjet Dixhitale" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "The Prime Minister's office wants a line",
              sq = "Kryeministria kërkon një deklaratë" },
  body = {
    en = [[
"The PM's office is getting calls from every editor in Tiranë. Is this an attack, is citizens'
data gone, and when is the portal back? They want something public in the next half hour.
What do we say?"]],
    sq = [[
"Në Kryeministri po marrin telefonata nga të gjithë redaktorët në Tiranë. A është sulm, a janë
zhdukur të dhënat e qytetarëve dhe kur rikthehet portali? Duan diçka publike brenda gjysmë ore.
Çfarë të themi?"]],
  },
  decision = {
    prompt = { en = "Public statement on the outage?",
               sq = "Deklaratë publike për ndërprerjen e shërbimeve?" },
    options = {
      { "now",    { en = "Issue a short holding statement now (attack confirmed, services affected, updates to follow)",
                    sq = "Lëshoni tani një deklaratë të shkurtër paraprake (sulm i konfirmuar, shërbime të prekura, përditësimet do të pasojnë)" } },
      { "later",  { en = "Wait until the scope is known",
                    sq = "Prisni derisa të dihet shtrirja" } },
      { "silent", { en = "No comment; refer journalists to the ministry",
                    sq = "Pa koment; gazetarët drejtojini te ministria" } },
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
  from = { en = "AKCESK analysis team", sq = "Ekipi i analizës, AKCESK" },
  channel = { en = "ticket", sq = "tiketë" },
  subject = { en = "TKT-4475: indicator package ready (TLP:AMBER draft)",
              sq = "TKT-4475: paketa e treguesve është gati (version paraprak, TLP:AMBER)" },
  body = {
    en = [[
First indicator package from the portal and the file servers:
  - command and control: 203.0.113.14, 203.0.113.77, update-regidoc.example
  - wiper driver SHA-256 9f2c…e41a, ransomware SHA-256 51b0…c7d3
  - initial access to the data centre VPN: supplier account 'asoft-support02'
    (Adriatik Soft, maker of the RegiDoc registry software)
  - web shells uploaded from 198.51.100.23, a BalkanHost shared-hosting address

Adriatik Soft has customers in Kosovo, North Macedonia and Bosnia and Herzegovina.
BalkanHost hosts municipal sites in Montenegro and Bosnia and Herzegovina.
The intelligence service asks us not to release anything until it has an attribution.]],
    sq = [[
Paketa e parë e treguesve nga portali dhe serverët e skedarëve:
  - komandim dhe kontroll: 203.0.113.14, 203.0.113.77, update-regidoc.example
  - drajveri i programit fshirës SHA-256 9f2c…e41a, programi për zhvatje SHA-256 51b0…c7d3
  - qasja fillestare në VPN-në e qendrës së të dhënave: llogaria e furnizuesit 'asoft-support02'
    (Adriatik Soft, prodhuesi i softuerit të regjistrave RegiDoc)
  - web shell-e të ngarkuara nga 198.51.100.23, një adresë e strehimit të përbashkët të BalkanHost

Adriatik Soft ka klientë në Kosovë, në Maqedoni të Veriut dhe në Bosnjë e Hercegovinë.
BalkanHost strehon faqe komunash në Mal të Zi dhe në Bosnjë e Hercegovinë.
Shërbimi informativ na kërkon të mos publikojmë asgjë derisa të ketë një atribuim.]],
  },
  decision = {
    prompt = { en = "What do you do with the indicator package?",
               sq = "Çfarë bëni me paketën e treguesve?" },
    -- A plain list of labels: the option keys are "1", "2" and "3".
    options = {
      { en = "Share the full package with all regional CSIRTs now (TLP:AMBER)",
        sq = "Ndani tani paketën e plotë me të gjitha CSIRT-et e rajonit (TLP:AMBER)" },
      { en = "Share only with Kosovo and North Macedonia (existing bilateral agreements)",
        sq = "Ndajeni vetëm me Kosovën dhe Maqedoninë e Veriut (marrëveshjet dypalëshe ekzistuese)" },
      { en = "Hold it until the intelligence service has an attribution",
        sq = "Mbajeni derisa shërbimi informativ të ketë një atribuim" },
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
  from = { en = "Ministry IT security officer, Prishtinë",
           sq = "Zyrtari i sigurisë së TIK-ut në ministri, Prishtinë" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "Odd VPN logins from a supplier account",
              sq = "Hyrje të dyshimta në VPN nga një llogari furnizuesi" },
  body = {
    en = [[
Our VPN logs show logins at 03:12 and 06:40 today by 'asoft-support02', an Adriatik Soft
support account we use for RegiDoc maintenance. Adriatik Soft says nobody on their side was
working at those hours. The sessions came from 203.0.113.14. Nothing else looks wrong yet.
Did you see the news from Tiranë?]],
    sq = [[
Regjistrat tanë të VPN-së tregojnë hyrje sot në orën 03:12 dhe në orën 06:40 nga 'asoft-support02', një
llogari mbështetjeje e Adriatik Soft që e përdorim për mirëmbajtjen e RegiDoc. Adriatik Soft thotë se
askush nga ana e tyre nuk punonte në ato orë. Seancat erdhën nga 203.0.113.14. Asgjë tjetër nuk
duket e parregullt deri tani. A i patë lajmet nga Tirana?]],
  },
  decision = {
    prompt = { en = "What do you do about the supplier account?",
               sq = "Çfarë bëni me llogarinë e furnizuesit?" },
    options = {
      { "disable", { en = "Disable all supplier accounts across constituents now",
                     sq = "Çaktivizoni tani të gjitha llogaritë e furnizuesve në të gjitha institucionet që mbuloni" } },
      { "monitor", { en = "Monitor and collect more data first",
                     sq = "Fillimisht monitoroni dhe mblidhni më shumë të dhëna" } },
      { "ask",     { en = "Ask AKCESK whether the account and address appear in their incident",
                     sq = "Pyesni AKCESK-un nëse llogaria dhe adresa shfaqen në incidentin e tyre" } },
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
  from = { en = "Municipal IT coordinator network",
           sq = "Rrjeti i koordinatorëve të TIK-ut në komuna" },
  channel = { en = "ticket", sq = "tiketë" },
  subject = { en = "Urgent RegiDoc update pushed to municipalities",
              sq = "Përditësim urgjent i RegiDoc i shpërndarë në komuna" },
  body = {
    en = [[
Adriatik Soft's update server pushed 'RegiDoc 7.4.2 — urgent security fix' at 08:55.
Eleven municipalities have installed it, about thirty more will install during the day.
The release notes are one line long. The update contacts update-regidoc.example.
The vendor's support line is not answering.]],
    sq = [[
Serveri i përditësimeve të Adriatik Soft shpërndau në orën 08:55 'RegiDoc 7.4.2 — urgent security
fix'. Njëmbëdhjetë komuna e kanë instaluar, rreth tridhjetë të tjera do ta instalojnë gjatë ditës.
Shënimet e versionit janë vetëm një rresht. Përditësimi lidhet me update-regidoc.example.
Linja e mbështetjes së prodhuesit nuk përgjigjet.]],
  },
  decision = {
    prompt = { en = "What do you tell the municipalities?", sq = "Çfarë u thoni komunave?" },
    options = {
      { "block",  { en = "Hold the update everywhere and block the update host",
                    sq = "Pezulloni përditësimin kudo dhe bllokoni serverin e përditësimeve" } },
      { "allow",  { en = "Let it proceed; the vendor is trusted",
                    sq = "Lëreni të vazhdojë; prodhuesi është i besueshëm" } },
      { "verify", { en = "Ask the vendor and AKCESK to confirm the hashes first",
                    sq = "Kërkojuni prodhuesit dhe AKCESK-ut që fillimisht të konfirmojnë vlerat hash" } },
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
  from = { en = "BalkanHost abuse desk", sq = "Zyra për raportimin e abuzimeve, BalkanHost" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "Two municipal websites defaced on our shared platform",
              sq = "Dy faqe interneti komunale të shpërfytyruara në platformën tonë të përbashkët" },
  body = {
    en = [[
Two municipal websites on our shared platform in Podgorica show a 'Crimson Justice' banner
since 09:50. We restored one of them from a copy once already; it was defaced again in
twenty minutes. The same platform hosts about 300 customers in the region, including
public bodies in Bosnia and Herzegovina and Albania.]],
    sq = [[
Që nga ora 09:50, dy faqe interneti komunale në platformën tonë të përbashkët në Podgoricë shfaqin
një banderolë 'Crimson Justice'. Njërën prej tyre e rikthyem një herë nga një kopje; u shpërfytyrua
sërish brenda njëzet minutash. E njëjta platformë strehon rreth 300 klientë në rajon, përfshirë
institucione publike në Bosnjë e Hercegovinë dhe në Shqipëri.]],
  },
  decision = {
    prompt = { en = "What do you ask BalkanHost to do?",
               sq = "Çfarë i kërkoni BalkanHost-it të bëjë?" },
    options = {
      { "takedown", { en = "Take the defaced sites offline",
                      sq = "Nxirrni jashtë linje faqet e shpërfytyruara" } },
      { "restore",  { en = "Restore from clean copies and keep them online",
                      sq = "Rikthejini nga kopje të pastra dhe mbajini në linjë" } },
      { "audit",    { en = "Demand a full audit of the platform for web shells",
                      sq = "Kërkoni një auditim të plotë të platformës për web shell-e" } },
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
  from = { en = "Large Serbian ISP, security team",
           sq = "Ofrues i madh interneti në Serbi, ekipi i sigurisë" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "Hosting customers talking to an address in today's news",
              sq = "Klientë strehimi komunikojnë me një adresë që është sot në lajme" },
  body = {
    en = [[
Netflow shows three of our hosting customers in Belgrade connecting every 60 seconds to
203.0.113.77, which a researcher on social media links to the Albanian incident. Volumes are
small. One of the customers is a software reseller that distributes RegiDoc.]],
    sq = [[
Të dhënat Netflow tregojnë se tre nga klientët tanë të strehimit në Beograd lidhen çdo 60 sekonda
me 203.0.113.77, adresë që një studiues në rrjetet sociale e lidh me incidentin në Shqipëri.
Vëllimet janë të vogla. Njëri nga klientët është një rishitës softueri që shpërndan RegiDoc.]],
  },
  decision = {
    prompt = { en = "How do you handle the traffic?", sq = "Si e trajtoni trafikun?" },
    -- Plain list: keys "1" and "2".
    options = {
      { en = "Ask ISPs to block and sinkhole the addresses nationally",
        sq = "U kërkoni ofruesve të internetit t'i bllokojnë adresat dhe t'i ridrejtojnë në sinkhole në nivel kombëtar" },
      { en = "Monitor only; blocking may tip off the attacker",
        sq = "Vetëm monitorim; bllokimi mund ta paralajmërojë sulmuesin" },
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
  from = { en = "Cantonal administration IT", sq = "Shërbimi i TIK-ut i administratës kantonale" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "'RegiDoc invoice' e-mails in the local language",
              sq = "E-mail-e me titull 'faturë RegiDoc' në gjuhën vendase" },
  body = {
    en = [[
Several public bodies received e-mails this morning titled 'RegiDoc faktura — hitno' with a
link to a BalkanHost-hosted page that asks for RegiDoc support credentials. The Bosnian,
Croatian and Serbian texts are fluent. Nobody has reported entering credentials. Yet.]],
    sq = [[
Disa institucione publike morën sot në mëngjes e-mail-e me titull 'RegiDoc faktura — hitno' me një
lidhje drejt një faqeje të strehuar në BalkanHost që kërkon kredencialet e mbështetjes së RegiDoc.
Tekstet në boshnjakisht, kroatisht dhe serbisht janë të rrjedhshme. Askush nuk ka raportuar se i
ka futur kredencialet. Ende.]],
  },
  decision = {
    prompt = { en = "What do you do?", sq = "Çfarë bëni?" },
    options = {
      { en = "Warn all constituents about the lure now",
        sq = "Paralajmëroni tani të gjitha institucionet që mbuloni për këtë mesazh mashtrues" },
      { en = "Wait for more reports before alerting",
        sq = "Prisni më shumë raportime përpara se të jepni alarmin" },
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
  from = { en = "EU Delegation in Tiranë", sq = "Delegacioni i BE-së në Tiranë" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "Situation desk activated", sq = "U aktivizua zyra e ndjekjes së situatës" },
  body = {
    en = [[
The EU Delegation has activated its liaison desk for the incident in Albania. Partner
experts (incident response, forensics) could be made available at short notice if the
Albanian authorities request it. Do you signal availability to AKCESK now, or wait for a
formal request through diplomatic channels?]],
    sq = [[
Delegacioni i BE-së ka aktivizuar zyrën e tij ndërlidhëse për incidentin në Shqipëri. Ekspertë të
partnerëve (reagim ndaj incidenteve, analizë forenzike) mund të vihen në dispozicion brenda një
kohe të shkurtër, nëse autoritetet shqiptare e kërkojnë. A ia sinjalizoni AKCESK-ut gatishmërinë
tani, apo prisni një kërkesë zyrtare përmes kanaleve diplomatike?]],
  },
  decision = {
    prompt = { en = "Signal availability now?", sq = "Ta sinjalizoni gatishmërinë tani?" },
    options = {
      { "offer", { en = "Signal availability to AKCESK now, informally",
                   sq = "Sinjalizojini AKCESK-ut gatishmërinë tani, joformalisht" } },
      { "wait",  { en = "Wait for a formal request", sq = "Prisni një kërkesë zyrtare" } },
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
  from = "BalkanWire",
  channel = { en = "news", sq = "lajme" },
  subject = { en = "Queues at counters as Albania's e-services go dark",
              sq = "Radhë në sportele ndërsa e-shërbimet e Shqipërisë nuk funksionojnë" },
  body = {
    en = [[
Citizens queue at post offices and municipal counters in Tiranë, Durrës and Shkodër for
documents normally issued online. A notary says property sales are frozen. The government
has not commented. A group calling itself Crimson Justice claims responsibility online.]],
    sq = [[
Qytetarët presin në radhë në zyrat postare dhe në sportelet e bashkive në Tiranë, Durrës dhe
Shkodër për dokumente që zakonisht lëshohen online. Një noter thotë se shitjet e pronave janë
bllokuar. Qeveria nuk ka komentuar. Një grup që e quan veten Crimson Justice merr përsipër
përgjegjësinë në internet.]],
  },
  notes = "Pressure on al. Neighbours may get calls from their own press asking 'could it happen here?'.",
}

inject {
  id = "AL-05", at = "1:25", to = "al",
  from = { en = "Unknown sender via GDSA contact form",
           sq = "Dërgues i panjohur përmes formularit të kontaktit të GDSA-së" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "Ransom demand: 40 BTC, 48 hours",
              sq = "Kërkesë për shpërblesë: 40 BTC, 48 orë" },
  body = {
    en = [[
"Pay 40 BTC to the wallet below within 48 hours and you get the decryptor. Otherwise your
citizens' records are published, starting with the civil registry and public payroll.
Do not contact the police."

The GDSA director asks what AKCESK recommends to the government.]],
    sq = [[
"Paguani 40 BTC në portofolin më poshtë brenda 48 orëve dhe do të merrni programin e deshifrimit.
Përndryshe do të publikohen të dhënat e qytetarëve tuaj, duke filluar nga gjendja civile dhe
listëpagesat e sektorit publik. Mos kontaktoni policinë."

Drejtori i GDSA-së pyet se çfarë i rekomandon AKCESK qeverisë.]],
  },
  decision = {
    prompt = { en = "What do you recommend?", sq = "Çfarë rekomandoni?" },
    options = {
      { "refuse",    { en = "Do not engage and do not pay; hand the demand to the police",
                       sq = "Mos hyni në kontakt dhe mos paguani; kërkesën ia dorëzoni policisë" } },
      { "negotiate", { en = "Open a channel through law enforcement to buy time",
                       sq = "Hapni një kanal përmes organeve të zbatimit të ligjit për të fituar kohë" } },
      { "pay",       { en = "Recommend paying to get the decryptor",
                       sq = "Rekomandoni pagesën për të marrë programin e deshifrimit" } },
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
  from = { en = "Ministry of Interior, civil registry",
           sq = "Ministria e Brendshme, Gjendja Civile" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "Civil registry counters cannot issue certificates",
              sq = "Sportelet e gjendjes civile nuk mund të lëshojnë certifikata" },
  body = {
    en = [[
"With the portal down our counters cannot issue birth certificates or ID renewals, and
tomorrow is the deadline for university enrolment documents. Can you give us a date? And
can we at least get the registry database back without the portal?"]],
    sq = [[
"Me portalin jashtë funksionit, sportelet tona nuk mund të lëshojnë certifikata lindjeje dhe as të
rinovojnë letërnjoftime, dhe nesër është afati i fundit për dokumentet e regjistrimit në universitet.
A mund të na jepni një datë? Dhe a mund ta rikthejmë të paktën bazën e të dhënave të regjistrit pa
portalin?"]],
  },
  notes = "Consequence of 'offline'. A good answer: restore a minimal internal service from clean systems, communicate a workaround (extended deadlines).",
}

inject {
  id = "AL-01-DEG", to = "al",
  from = { en = "GDSA duty officer", sq = "Zyrtari në detyrë i GDSA-së" },
  channel = { en = "ticket", sq = "tiketë" },
  subject = { en = "Static front page up, back-end isolated",
              sq = "Faqja hyrëse statike funksionon, back-end-i është izoluar" },
  body = {
    en = [[
The portal now shows a static page with counter opening hours. Back-end segments are
isolated. Two internal hosts still try to reach 203.0.113.14 every minute; we blocked it at
the firewall. Citizens are unhappy but informed.]],
    sq = [[
Portali tani shfaq një faqe statike me oraret e sporteleve. Segmentet e back-end-it janë të
izoluara. Dy makina të brendshme ende përpiqen çdo minutë të lidhen me 203.0.113.14; e kemi
bllokuar në firewall. Qytetarët janë të pakënaqur, por të informuar.]],
  },
  notes = "Consequence of 'degrade'. Ask them what else should be isolated.",
}

inject {
  id = "AL-01-ON", to = "al",
  from = { en = "GDSA duty officer", sq = "Zyrtari në detyrë i GDSA-së" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "Tax administration systems are rebooting into a blank screen",
              sq = "Sistemet e administratës tatimore rindizen dhe shfaqin ekran bosh" },
  body = {
    en = [[
"The tax administration's servers, which share the portal's back-end, went down in the last
ten minutes. They reboot to 'Operating system not found'. We also lost two backup servers
that were mounted on the same network. We need a decision on the portal now."]],
    sq = [[
"Serverët e administratës tatimore, që ndajnë të njëjtin back-end me portalin, ranë në dhjetë
minutat e fundit. Rindizen dhe shfaqin 'Operating system not found'. Humbëm edhe dy serverë të
kopjeve rezervë që ishin të lidhur në të njëjtin rrjet. Na duhet tani një vendim për portalin."]],
  },
  notes = "Consequence of keeping the portal online: the wiper has spread. This state makes a hasty restore in Move 3 dangerous (AL-REINFECT).",
}

inject {
  id = "XK-ASK", to = "al",
  from = { en = "KOS-CERT duty officer", sq = "Zyrtari në detyrë i KOS-CERT-it" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "KOS-CERT asks: do you see 'asoft-support02' and 203.0.113.14?",
              sq = "KOS-CERT pyet: a i shihni 'asoft-support02' dhe 203.0.113.14?" },
  body = {
    en = [[
"We see VPN logins by the Adriatik Soft account 'asoft-support02' from 203.0.113.14 at a
ministry in Prishtinë. Is that in your incident? Anything you can give us now helps."]],
    sq = [[
"Shohim hyrje në VPN me llogarinë e Adriatik Soft 'asoft-support02' nga 203.0.113.14 në një
ministri në Prishtinë. A shfaqet kjo në incidentin tuaj? Çdo gjë që mund të na jepni tani na ndihmon."]],
  },
  decision = {
    prompt = { en = "Answer KOS-CERT?", sq = "T'i përgjigjeni KOS-CERT-it?" },
    options = {
      { "answer", { en = "Confirm and send them the indicators now",
                    sq = "Konfirmojuni dhe dërgojuni treguesit tani" } },
      { "hold",   { en = "Hold: nothing leaves until the package is cleared",
                    sq = "Prisni: asgjë nuk del jashtë derisa të miratohet paketa" } },
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
  from = { en = "Office of the Prime Minister", sq = "Kryeministria" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "Why is the government still silent?", sq = "Pse qeveria hesht ende?" },
  body = {
    en = [[
"It has been more than an hour since we asked for a line. Opposition MPs are on television
saying the data of every citizen has been stolen. The Prime Minister will speak at 12:30
with or without your input. Do we get a statement from you now?"]],
    sq = [[
"Ka kaluar më shumë se një orë që kur kërkuam një deklaratë. Deputetët e opozitës dalin në
televizion dhe thonë se të dhënat e çdo qytetari janë vjedhur. Kryeministri do të flasë në orën
12:30, me ose pa kontributin tuaj. A do të marrim tani një deklaratë nga ju?"]],
  },
  decision = {
    prompt = { en = "Give the PM's office a statement?",
               sq = "T'i jepni Kryeministrisë një deklaratë?" },
    options = {
      { "statement", { en = "Yes: agreed facts, what citizens should do, next update time",
                       sq = "Po: faktet e miratuara, çfarë duhet të bëjnë qytetarët, ora e përditësimit të radhës" } },
      { "hold",      { en = "No: wait for the national security council",
                       sq = "Jo: prisni Këshillin e Sigurisë Kombëtare" } },
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
  from = { en = "State Intelligence Service liaison",
           sq = "Oficeri ndërlidhës i Shërbimit Informativ të Shtetit" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "Attribution will take days", sq = "Atribuimi do të kërkojë disa ditë" },
  body = {
    en = [[
"We will not have an attribution we can stand behind for several days. In the meantime we
hear that KOS-CERT and MKD-CIRT are seeing something similar. We do not object to technical
indicators going to CSIRTs under TLP:AMBER."]],
    sq = [[
"Për disa ditë nuk do të kemi një atribuim për të cilin mund të garantojmë. Ndërkohë dëgjojmë
se KOS-CERT dhe MKD-CIRT po shohin diçka të ngjashme. Nuk kemi kundërshtim që treguesit teknikë t'u
shkojnë CSIRT-eve nën TLP:AMBER."]],
  },
  decision = {
    prompt = { en = "Release the indicator package now?",
               sq = "Ta shpërndani tani paketën e treguesve?" },
    options = {
      { "release", { en = "Release it to all regional CSIRTs now",
                     sq = "Shpërndajeni tani te të gjitha CSIRT-et e rajonit" } },
      { "keep",    { en = "Keep holding it", sq = "Vazhdoni ta mbani" } },
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
  from = { en = "State Police, cybercrime unit",
           sq = "Policia e Shtetit, njësia për krimin kibernetik" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "The actor answered — with a data sample",
              sq = "Aktori u përgjigj — me një mostër të dhënash" },
  body = {
    en = [[
"We opened the channel as agreed. They replied in ten minutes with 5,000 payroll records as
proof and raised the price to 60 BTC. They do not care about the money, in our view: they are
performing for an audience."]],
    sq = [[
"E hapëm kanalin siç ishim marrë vesh. U përgjigjën brenda dhjetë minutash me 5,000 regjistrime nga
listëpagesat si provë dhe e ngritën çmimin në 60 BTC. Sipas nesh, paratë nuk u interesojnë: po bëjnë
shfaqje para një publiku."]],
  },
  notes = "Consequence of 'negotiate'. Points to the political motive.",
}

inject {
  id = "AL-05-PAY", to = "al",
  from = { en = "GDSA director", sq = "Drejtori i GDSA-së" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "The decryptor does nothing for the wiped servers",
              sq = "Programi i deshifrimit nuk ndihmon aspak për serverët e fshirë" },
  body = {
    en = [[
"Finance moved the money through an intermediary. The 'decryptor' unlocks three files on
one server; the wiped machines cannot be helped at all. The Minister is asking who
recommended paying. And the group posted that Albania pays."]],
    sq = [[
"Ministria e Financave i transferoi paratë përmes një ndërmjetësi. 'Programi i deshifrimit'
zhbllokon tre skedarë në një server; makinat e fshira nuk mund të shpëtohen fare. Ministri pyet se
kush e rekomandoi pagesën. Dhe grupi publikoi se Shqipëria paguan."]],
  },
  notes = "Consequence of 'pay'. Political fallout; make sure the team feels it.",
}

inject {
  id = "EU-OFFER-EARLY", to = "al",
  from = { en = "EU Delegation in Tiranë (liaison desk)",
           sq = "Delegacioni i BE-së në Tiranë (zyra ndërlidhëse)" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "Informal: partner experts could come at short notice",
              sq = "Joformalisht: ekspertët e partnerëve mund të vijnë brenda një kohe të shkurtër" },
  body = {
    en = [[
Informal heads-up from the EU liaison desk: incident response and forensic experts from
partners could be made available at short notice once there is a formal request.]],
    sq = [[
Njoftim paraprak joformal nga zyra ndërlidhëse e BE-së: ekspertë të reagimit ndaj incidenteve dhe
të analizës forenzike nga partnerët mund të vihen në dispozicion brenda një kohe të shkurtër, sapo
të ketë një kërkesë zyrtare.]],
  },
  notes = "Fired when the eu desk chose 'offer' on EU-01. Nice to have, not essential.",
}

---------------------------------------------------------------------------
-- MOVE 2 — Leak, escalation and spread (T+1:40 - 3:20)
---------------------------------------------------------------------------

inject {
  id = "ALL-M2", at = "1:40", to = "all",
  from = { en = "Exercise control", sq = "Drejtimi i ushtrimit" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "Move 2: the leak and the spread", sq = "Etapa 2: rrjedhja dhe përhapja" },
  body = {
    en = [[
Move 2 begins. It is 10:40. Assume that everything decided so far has been carried out.
The campaign is now looking for its next targets. Watch your own constituents, and talk
to each other.]],
    sq = [[
Fillon etapa 2. Ora është 10:40. Supozoni se gjithçka që është vendosur deri tani është zbatuar.
Fushata tani po kërkon objektivat e saj të radhës. Mbikëqyrni institucionet që mbuloni dhe flisni
me njëri-tjetrin.]],
  },
  notes = "Short pause if needed. Glance at `state`: state.warned decides who gets the MILD or SEVERE version at 11:00-11:35.",
}

inject {
  id = "SM-02", at = "1:45", to = "all",
  from = { en = "@crimson_justice (Telegram channel)",
           sq = "@crimson_justice (kanali në Telegram)" },
  channel = { en = "social", sq = "rrjete sociale" },
  subject = { en = "Hacktivists publish a sample of citizens' data",
              sq = "Haktivistët publikojnë një mostër të të dhënave të qytetarëve" },
  body = {
    en = [[
The group posts a 40 MB archive: names, personal numbers and salaries of about 20,000 public
employees, and scanned ID cards. "Part one. The rest after the deadline. Neighbours: check
your RegiDoc servers." The Telegram channel gains 12,000 subscribers in an hour.]],
    sq = [[
Grupi publikon një arkiv prej 40 MB: emrat, numrat personalë dhe pagat e rreth 20,000 punonjësve
publikë, si dhe letërnjoftime të skanuara. "Pjesa e parë. Pjesa tjetër pas afatit. Fqinjë: kontrolloni
serverët tuaj RegiDoc." Kanali në Telegram fiton 12,000 ndjekës brenda një ore.]],
  },
  notes = "The leak is real and public. Triggers breach-notification questions (AL-06). The RegiDoc hint is public too: neighbours who haven't asked al yet should do so now.",
}

inject {
  id = "REG-01", at = "1:50", to = CSIRTS,
  from = { en = "KOS-CERT, on behalf of the regional CSIRT community",
           sq = "KOS-CERT, në emër të komunitetit rajonal të CSIRT-eve" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "Regional coordination call at 11:15?",
              sq = "Thirrje rajonale koordinimi në orën 11:15?" },
  body = {
    en = [[
Several of us see pieces of the same campaign. We propose a regional call at 11:15 (video,
TLP:AMBER) to put the indicators on the table and agree who warns which suppliers. The
BalkanSecure contact list is current. Will you join and bring what you have?]],
    sq = [[
Disa prej nesh shohin pjesë të së njëjtës fushatë. Propozojmë një thirrje rajonale në orën 11:15
(video, TLP:AMBER) për të vënë treguesit në tryezë dhe për të rënë dakord se kush paralajmëron cilët
furnizues. Lista e kontakteve të BalkanSecure është e përditësuar. A do të bashkoheni dhe të sillni
atë që keni?]],
  },
  decision = {
    prompt = { en = "Join the regional call?", sq = "Të bashkoheni në thirrjen rajonale?" },
    options = {
      { "join",    { en = "Join and put our indicators on the table",
                     sq = "Bashkohemi dhe i vëmë treguesit tanë në tryezë" } },
      { "observe", { en = "Listen in, share nothing yet", sq = "Dëgjojmë, pa ndarë ende asgjë" } },
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
  from = { en = "Information and Data Protection Commissioner's office",
           sq = "Zyra e Komisionerit për të Drejtën e Informimit dhe Mbrojtjen e të Dhënave Personale" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "Personal data breach: notification expected",
              sq = "Cenim i të dhënave personale: pritet njoftimi" },
  body = {
    en = [[
Personal data of public employees is circulating on Telegram. We expect a notification from
the controllers and a decision on informing the people affected. What is your advice to the
GDSA and the Ministry of Finance?]],
    sq = [[
Të dhëna personale të punonjësve publikë po qarkullojnë në Telegram. Presim një njoftim nga
kontrolluesit dhe një vendim për informimin e personave të prekur. Çfarë u këshilloni GDSA-së dhe
Ministrisë së Financave?]],
  },
  decision = {
    prompt = { en = "Advice on breach notification?",
               sq = "Çfarë këshilloni për njoftimin e cenimit?" },
    options = {
      { "notify", { en = "Notify the Commissioner now and prepare notices for those affected",
                    sq = "Njoftoni tani Komisionerin dhe përgatitni njoftimet për personat e prekur" } },
      { "assess", { en = "Finish the scope assessment first",
                    sq = "Përfundoni fillimisht vlerësimin e shtrirjes" } },
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
  from = { en = "Ministry IT security officer, Prishtinë",
           sq = "Zyrtari i sigurisë së TIK-ut në ministri, Prishtinë" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "Blocked: supplier account tried again",
              sq = "E bllokuar: llogaria e furnizuesit u provua sërish" },
  body = {
    en = [[
At 10:58 'asoft-support02' tried to log in to the VPN again from 203.0.113.14. The account
was already disabled, the address blocked. A scan of RegiDoc servers found the scheduled
task 'SysHealthCheck' on one host, not yet run. It has been removed.]],
    sq = [[
Në orën 10:58 'asoft-support02' u përpoq sërish të hyjë në VPN nga 203.0.113.14. Llogaria ishte
tashmë e çaktivizuar dhe adresa e bllokuar. Një skanim i serverëve RegiDoc gjeti detyrën e
planifikuar 'SysHealthCheck' në një makinë, ende të paekzekutuar. Ajo është hequr.]],
  },
  notes = "MILD version: KOS-CERT had the indicators or disabled supplier accounts. Ask them to share what they saw with the others.",
}

inject {
  id = "XK-HIT-HARD", to = "xk",
  from = { en = "Ministry IT security officer, Prishtinë",
           sq = "Zyrtari i sigurisë së TIK-ut në ministri, Prishtinë" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "Ministry document system encrypted",
              sq = "Sistemi i dokumenteve i ministrisë u enkriptua" },
  body = {
    en = [[
"Since 10:58 our document management system and two file servers show .crimson files and a
ransom note. The attacker came in over VPN with the Adriatik Soft account. Staff are being
sent home. What do we do?"]],
    sq = [[
"Që nga ora 10:58 sistemi ynë i menaxhimit të dokumenteve dhe dy serverë skedarësh shfaqin
skedarë .crimson dhe një mesazh për shpërblesë. Sulmuesi hyri përmes VPN-së me llogarinë e Adriatik
Soft. Punonjësit po dërgohen në shtëpi. Çfarë të bëjmë?"]],
  },
  decision = {
    prompt = { en = "How do you contain it?", sq = "Si e kufizoni sulmin?" },
    options = {
      { "isolate", { en = "Isolate the ministry from the government backbone",
                     sq = "Izoloni ministrinë nga rrjeti kryesor qeveritar" } },
      { "contain", { en = "Contain only the affected hosts, keep the ministry connected",
                     sq = "Izoloni vetëm makinat e prekura, mbajeni ministrinë të lidhur" } },
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
  from = { en = "Municipal IT coordinator network",
           sq = "Rrjeti i koordinatorëve të TIK-ut në komuna" },
  channel = { en = "ticket", sq = "tiketë" },
  subject = { en = "RegiDoc update held; eleven hosts cleaned",
              sq = "Përditësimi i RegiDoc u pezullua; njëmbëdhjetë makina u pastruan" },
  body = {
    en = [[
The update was held everywhere. On the eleven municipalities that had installed it, the
hash of the new RegiDoc service matched the indicators and was removed before it activated
at 11:10. Registry services continue.]],
    sq = [[
Përditësimi u pezullua kudo. Në njëmbëdhjetë komunat që e kishin instaluar, vlera hash e shërbimit
të ri RegiDoc përputhej me treguesit dhe shërbimi u hoq para se të aktivizohej në orën 11:10.
Shërbimet e regjistrave vazhdojnë.]],
  },
  notes = "MILD version: MKD-CIRT blocked the update or had the hashes in time.",
}

inject {
  id = "MK-HIT-HARD", to = "mk",
  from = { en = "Municipal IT coordinator network",
           sq = "Rrjeti i koordinatorëve të TIK-ut në komuna" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "Municipal registries wiped", sq = "Regjistrat komunalë u fshinë" },
  body = {
    en = [[
"At 11:10 the registry servers in eleven municipalities rebooted and never came back.
Another nine that installed the update since are encrypting right now. Marriage
registrations and property records are stopped. Do we pull the plug on all of them?"]],
    sq = [[
"Në orën 11:10 serverët e regjistrave në njëmbëdhjetë komuna u rindezën dhe nuk u rikthyen më.
Në nëntë komuna të tjera që e instaluan përditësimin më pas, enkriptimi po ndodh pikërisht tani.
Regjistrimet e martesave dhe regjistrat e pronave janë ndalur. T'i shkëpusim të gjitha?"]],
  },
  decision = {
    prompt = { en = "What now?", sq = "Po tani?" },
    options = {
      { "offline", { en = "Take every RegiDoc server offline nationally",
                     sq = "Nxirrni jashtë linje çdo server RegiDoc në nivel kombëtar" } },
      { "paper",   { en = "Keep the network up and move counters to paper procedures",
                     sq = "Mbani rrjetin në punë dhe kaloni sportelet në procedura me letër" } },
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
  from = { en = "Secretariat of the National Security Council",
           sq = "Sekretariati i Këshillit të Sigurisë Kombëtare" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "The council wants a briefing", sq = "Këshilli kërkon një informim" },
  body = {
    en = [[
"The President of the Council wants to know if this is a national security matter. The
intelligence service suspects a foreign state. Should the council meet this afternoon and
activate the national cyber crisis plan, or is a written brief from AKCESK enough?"]],
    sq = [[
"Kryetari i Këshillit do të dijë nëse kjo është çështje e sigurisë kombëtare. Shërbimi informativ
dyshon për një shtet të huaj. A duhet të mblidhet Këshilli këtë pasdite dhe të aktivizojë planin
kombëtar për krizat kibernetike, apo mjafton një informacion me shkrim nga AKCESK?"]],
  },
  decision = {
    prompt = { en = "Escalate to the national security council?",
               sq = "Ta përshkallëzoni çështjen te Këshilli i Sigurisë Kombëtare?" },
    options = {
      { "escalate", { en = "Yes: convene the council and activate the crisis plan",
                      sq = "Po: mblidhni Këshillin dhe aktivizoni planin e krizës" } },
      { "brief",    { en = "No: a written brief, keep it at agency level",
                      sq = "Jo: një informacion me shkrim, çështja mbetet në nivel agjencie" } },
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
  from = { en = "BalkanHost abuse desk", sq = "Zyra për raportimin e abuzimeve, BalkanHost" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "Web shells found and removed", sq = "Web shell-et u gjetën dhe u hoqën" },
  body = {
    en = [[
Following your guidance we searched the platform for uploads from 198.51.100.23 and found
web shells on 31 customer sites, including 6 public bodies. All removed; passwords reset.
Someone tried to use one of them at 11:20 and got a 404.]],
    sq = [[
Sipas udhëzimeve tuaja kërkuam në platformë ngarkime nga 198.51.100.23 dhe gjetëm web shell-e në
31 faqe klientësh, përfshirë 6 institucione publike. Të gjitha u hoqën; fjalëkalimet u rivendosën.
Dikush u përpoq të përdorte njërën prej tyre në orën 11:20 dhe mori 404.]],
  },
  notes = "MILD version: CIRT.ME had the BalkanHost address or demanded an audit.",
}

inject {
  id = "ME-HIT-HARD", to = "me",
  from = { en = "BalkanHost abuse desk", sq = "Zyra për raportimin e abuzimeve, BalkanHost" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "Thirty sites defaced, one leaking data",
              sq = "Tridhjetë faqe të shpërfytyruara, njëra nxjerr të dhëna" },
  body = {
    en = [[
"At 11:20 thirty customer sites were defaced at once. One of them, a municipal tax page,
had its database dumped; the file is already on the Crimson Justice channel. We can take
the whole platform down, but that takes 300 customers offline."]],
    sq = [[
"Në orën 11:20 tridhjetë faqe klientësh u shpërfytyruan njëherësh. Nga njëra prej tyre, një faqe e
taksave komunale, u shkarkua e gjithë baza e të dhënave; skedari është tashmë në kanalin e Crimson
Justice. Mund ta fikim të gjithë platformën, por kështu 300 klientë mbeten jashtë linje."]],
  },
  decision = {
    prompt = { en = "What do you advise?", sq = "Çfarë këshilloni?" },
    options = {
      { en = "Take the whole shared platform offline until it is clean",
        sq = "Nxirrni jashtë linje gjithë platformën e përbashkët derisa të pastrohet" },
      { en = "Clean it site by site and keep the rest online",
        sq = "Pastrojeni faqe pas faqeje dhe mbani pjesën tjetër në linjë" },
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
  from = { en = "Large Serbian ISP, security team",
           sq = "Ofrues i madh interneti në Serbi, ekipi i sigurisë" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "Beacons sinkholed; reseller cleaned up",
              sq = "Sinjalet (beacons) përfundojnë në sinkhole; rishitësi u pastrua" },
  body = {
    en = [[
The three customers' servers still try to reach the command-and-control addresses, which now
land in the sinkhole. The RegiDoc reseller found the wiper's scheduled task on two build
machines and removed it before it ran.]],
    sq = [[
Serverët e tre klientëve ende përpiqen të lidhen me adresat e komandimit dhe kontrollit, të cilat
tani përfundojnë në sinkhole. Rishitësi i RegiDoc gjeti detyrën e planifikuar të programit fshirës
në dy makina ndërtimi (build) dhe e hoqi para se të ekzekutohej.]],
  },
  notes = "MILD version: the National CERT had the addresses blocked in time.",
}

inject {
  id = "RS-HIT-HARD", to = "rs",
  from = { en = "Large Serbian ISP, security team",
           sq = "Ofrues i madh interneti në Serbi, ekipi i sigurisë" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "RegiDoc reseller's build servers destroyed",
              sq = "Serverët e ndërtimit (build) të rishitësit të RegiDoc u shkatërruan" },
  body = {
    en = [[
"The reseller's build machines were wiped at 11:25, and it had signed RegiDoc packages for
customers in Serbia and Montenegro on them this morning. We do not know what those packages
contain. The C2 traffic is still flowing."]],
    sq = [[
"Makinat e ndërtimit të rishitësit u fshinë në orën 11:25, dhe sot në mëngjes në to ishin
nënshkruar paketa RegiDoc për klientë në Serbi dhe në Mal të Zi. Nuk e dimë çfarë përmbajnë ato
paketa. Trafiku C2 vazhdon ende."]],
  },
  decision = {
    prompt = { en = "What do you do about the C2 traffic now?",
               sq = "Çfarë bëni tani me trafikun C2?" },
    options = {
      { "sinkhole", { en = "Sinkhole the C2 addresses and domains nationally",
                      sq = "Ridrejtoni në sinkhole adresat dhe domenet C2 në nivel kombëtar" } },
      { "watch",    { en = "Keep watching to learn more about the actor",
                      sq = "Vazhdoni vëzhgimin për të mësuar më shumë për aktorin" } },
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
  from = { en = "BalkanWire regional desk", sq = "Redaksia rajonale e BalkanWire" },
  channel = { en = "news", sq = "lajme" },
  subject = { en = "Is the Albanian attack spreading across the region?",
              sq = "A po përhapet në rajon sulmi ndaj Shqipërisë?" },
  body = {
    en = [[
BalkanWire asks every national CSIRT the same three questions for a 12:00 story:
1. Are institutions in your country affected by the campaign hitting Albania?
2. Have you received information from the Albanian authorities?
3. What should citizens and organisations in your country do?]],
    sq = [[
BalkanWire u bën të gjitha CSIRT-eve kombëtare të njëjtat tri pyetje për një artikull në orën 12:00:
1. A janë prekur institucione në vendin tuaj nga fushata që po godet Shqipërinë?
2. A keni marrë informacion nga autoritetet shqiptare?
3. Çfarë duhet të bëjnë qytetarët dhe organizatat në vendin tuaj?]],
  },
  notes = "Tests consistency: do the CSIRTs coordinate their lines (a share, the regional call) or contradict each other?",
}

inject {
  id = "BA-HIT-SOFT", to = "ba",
  from = { en = "Cantonal administration IT", sq = "Shërbimi i TIK-ut i administratës kantonale" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "Lure page blocked, two password resets",
              sq = "Faqja mashtruese u bllokua, dy fjalëkalime u rivendosën" },
  body = {
    en = [[
The lure page is blocked on all government resolvers. Two staff admitted entering RegiDoc
credentials; their accounts were reset before anyone used them. An attempt with one of them
was logged at 11:35 and failed.]],
    sq = [[
Faqja mashtruese është bllokuar në të gjithë serverët DNS qeveritarë. Dy punonjës pranuan se kishin
futur kredencialet e RegiDoc; llogaritë e tyre u rivendosën para se t'i përdorte dikush. Një
përpjekje me njërën prej tyre u regjistrua në orën 11:35 dhe dështoi.]],
  },
  notes = "MILD version: the CERT warned constituents or had the indicators.",
}

inject {
  id = "BA-HIT-HARD", to = "ba",
  from = { en = "Cantonal administration IT", sq = "Shërbimi i TIK-ut i administratës kantonale" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "Stolen RegiDoc credentials used; cantonal records encrypted",
              sq = "U përdorën kredenciale të vjedhura të RegiDoc; regjistrat kantonalë u enkriptuan" },
  body = {
    en = [[
"Credentials from the invoice e-mail were used at 11:35. The cantonal records system is
encrypted and the hacktivists already posted a screenshot of it. Entity-level bodies are
asking who is in charge of the response."]],
    sq = [[
"Kredencialet nga e-mail-i i faturës u përdorën në orën 11:35. Sistemi i regjistrave kantonalë
është enkriptuar dhe haktivistët kanë publikuar tashmë një pamje ekrani të tij. Institucionet në
nivel entiteti pyesin se kush e drejton reagimin."]],
  },
  decision = {
    prompt = { en = "How do you organise the response?", sq = "Si e organizoni reagimin?" },
    options = {
      { "coordinate", { en = "Coordinate all affected bodies from the CERT and take the lure sites down",
                        sq = "Koordinoni nga CERT-i të gjitha institucionet e prekura dhe hiqni faqet mashtruese" } },
      { "local",      { en = "Leave the response to each affected body",
                        sq = "Reagimin lëreni në dorë të secilit institucion të prekur" } },
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
  from = { en = "EU Delegation in Tiranë", sq = "Delegacioni i BE-së në Tiranë" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "Formal offer of incident response assistance",
              sq = "Ofertë zyrtare për ndihmë në reagimin ndaj incidentit" },
  body = {
    en = [[
On behalf of the EU and partner states, the Delegation offers a team of incident response
and forensic experts, deployable within 24 hours, and support for a regional exchange of
indicators. A formal request from the Albanian government is needed.]],
    sq = [[
Në emër të BE-së dhe të shteteve partnere, Delegacioni ofron një ekip ekspertësh të reagimit ndaj
incidenteve dhe të analizës forenzike, që mund të dërgohet brenda 24 orëve, si dhe mbështetje për
një shkëmbim rajonal treguesish. Nevojitet një kërkesë zyrtare nga qeveria shqiptare.]],
  },
  decision = {
    prompt = { en = "Accept the assistance?", sq = "Ta pranoni ndihmën?" },
    options = {
      { "accept",  { en = "Accept now", sq = "Pranojeni tani" } },
      { "decline", { en = "Decline; handle it nationally",
                     sq = "Refuzojeni; trajtojeni në nivel kombëtar" } },
      { "defer",   { en = "Defer until the national security council has met",
                     sq = "Shtyjeni derisa të mblidhet Këshilli i Sigurisë Kombëtare" } },
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
  from = "@crimson_justice (X)",
  channel = { en = "social", sq = "rrjete sociale" },
  subject = { en = "Claim: 'Serbian tax service is next, already inside'",
              sq = "Pretendim: 'Shërbimi tatimor i Serbisë është i radhës, jemi tashmë brenda'" },
  body = {
    en = [[
The group posts a screenshot said to show the Serbian tax administration's admin console,
and the words "already inside". Local media pick it up within minutes. The tax
administration says it sees nothing unusual.]],
    sq = [[
Grupi publikon një pamje ekrani që thuhet se tregon konsolën e administratorit të administratës
tatimore të Serbisë, me fjalët "jemi tashmë brenda". Mediat vendase e marrin lajmin brenda pak
minutash. Administrata tatimore thotë se nuk sheh asgjë të pazakontë.]],
  },
  decision = {
    prompt = { en = "How do you respond?", sq = "Si reagoni?" },
    options = {
      { "deny",   { en = "Public statement: no evidence of compromise, investigation ongoing",
                    sq = "Deklaratë publike: asnjë provë komprometimi, hetimi vazhdon" } },
      { "verify", { en = "Say nothing until the screenshot is verified",
                    sq = "Mos thoni asgjë derisa të verifikohet pamja e ekranit" } },
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
  from = { en = "Information and Data Protection Commissioner",
           sq = "Komisioneri për të Drejtën e Informimit dhe Mbrojtjen e të Dhënave Personale" },
  channel = { en = "news", sq = "lajme" },
  subject = { en = "Commissioner: 'no notification received'",
              sq = "Komisioneri: 'nuk kemi marrë asnjë njoftim'" },
  body = {
    en = [[
The Commissioner tells television that no controller has notified the breach although the
data of 20,000 employees is public, and announces an inquiry.]],
    sq = [[
Komisioneri deklaron në televizion se asnjë kontrollues nuk e ka njoftuar cenimin, edhe pse të
dhënat e 20,000 punonjësve janë publike, dhe njofton nisjen e një hetimi.]],
  },
  notes = "Fired at 11:40 when AL-06 was 'assess'.",
}

inject {
  id = "AL-NSC-TASK", to = "al",
  from = { en = "National Security Council", sq = "Këshilli i Sigurisë Kombëtare" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "Council tasks AKCESK", sq = "Këshilli i ngarkon detyra AKCESK-ut" },
  body = {
    en = [[
The council has met and activated the national cyber crisis plan. AKCESK is tasked to:
(1) coordinate technically with the regional CSIRTs and partners, (2) give the Ministry of
Foreign Affairs the evidence for a possible attribution, (3) brief the council again at 13:00.]],
    sq = [[
Këshilli u mblodh dhe aktivizoi planin kombëtar për krizat kibernetike. AKCESK ngarkohet:
(1) të koordinohet teknikisht me CSIRT-et e rajonit dhe me partnerët, (2) t'i japë Ministrisë për
Evropën dhe Punët e Jashtme provat për një atribuim të mundshëm, (3) ta informojë sërish Këshillin
në orën 13:00.]],
  },
  notes = "Fired on 'escalate' (AL-07).",
}

inject {
  id = "REG-NETWORK", to = "all",
  from = { en = "Regional CSIRT community", sq = "Komuniteti rajonal i CSIRT-eve" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "The regional picture is complete", sq = "Tabloja rajonale është e plotë" },
  body = {
    en = [[
With indicators now held by most national CSIRTs, the pieces fit: one actor, three ways
in (the Adriatik Soft support account, the RegiDoc update channel, the BalkanHost shared
platform), one set of command-and-control servers. The vendor and the hosting provider
have been told by several CSIRTs at once.]],
    sq = [[
Tani që treguesit i ka shumica e CSIRT-eve kombëtare, pjesët përputhen: një aktor, tri rrugë
hyrjeje (llogaria e mbështetjes së Adriatik Soft, kanali i përditësimeve të RegiDoc, platforma e
përbashkët e BalkanHost), një grup serverësh komandimi dhe kontrolli. Prodhuesi dhe ofruesi i
strehimit janë njoftuar njëkohësisht nga disa CSIRT-e.]],
  },
  notes = "Fired when four of the five neighbours have the indicators. Praise it in the hot wash.",
}

inject {
  id = "EU-TEAM-DEPLOYED", to = { "al", "eu" },
  from = { en = "EU Delegation in Tiranë", sq = "Delegacioni i BE-së në Tiranë" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "Expert team en route", sq = "Ekipi i ekspertëve është rrugës" },
  body = {
    en = [[
The formal request has been received. Six incident responders and forensic analysts land in
Tiranë tonight; a liaison officer joins AKCESK's morning briefing tomorrow. Please name a
point of contact and prepare access to the disk images.]],
    sq = [[
Kërkesa zyrtare është marrë. Gjashtë specialistë të reagimit ndaj incidenteve dhe analistë
forenzikë mbërrijnë sonte në Tiranë; nesër një oficer ndërlidhës do të marrë pjesë në mbledhjen e
mëngjesit të AKCESK-ut. Ju lutemi caktoni një pikë kontakti dhe përgatitni qasjen në imazhet e
disqeve.]],
  },
  notes = "Fired when the council was convened (AL-07) and the EU offer accepted (AL-EU-OFFER). Disk images exist only if AL-02 was 'image'.",
}

---------------------------------------------------------------------------
-- MOVE 3 — Recovery, attribution and the public message (T+3:20 - 5:00)
---------------------------------------------------------------------------

inject {
  id = "ALL-M3", at = "3:20", to = "all",
  from = { en = "Exercise control", sq = "Drejtimi i ushtrimit" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "Move 3: recovery and the public message",
              sq = "Etapa 3: rikuperimi dhe mesazhi për publikun" },
  body = {
    en = [[
Move 3 begins. It is 12:20. The campaign's active phase appears to be over. The questions
now are how to come back safely, who did it, and what to tell the public.]],
    sq = [[
Fillon etapa 3. Ora është 12:20. Faza aktive e fushatës duket se ka përfunduar. Pyetjet tani janë
si të rikthehemi në mënyrë të sigurt, kush e bëri dhe çfarë t'i themi publikut.]],
  },
  notes = "Check `state.hit` for who had MILD or SEVERE. Invite SEVERE teams to tell the room what would have helped.",
}

inject {
  id = "AL-08", at = "3:25", to = "al",
  from = { en = "AKCESK forensics lead", sq = "Përgjegjësi i analizës forenzike, AKCESK" },
  channel = { en = "ticket", sq = "tiketë" },
  subject = { en = "TKT-4502: initial access and recovery options",
              sq = "TKT-4502: qasja fillestare dhe mundësitë e rikuperimit" },
  body = {
    en = [[
Initial access was an internet-facing collaboration server, unpatched since 2021, used
about fourteen months ago; the supplier account came later. Two recovery options:
  (a) rebuild from known-clean images and re-import data after checks: about 5 days;
  (b) restore last night's backups now: portal up tomorrow. Backups were taken while the
      attacker was inside, and some backup servers sat on the same network.]],
    sq = [[
Qasja fillestare ishte një server bashkëpunimi i ekspozuar në internet, pa përditësime sigurie që
nga 2021, i shfrytëzuar rreth katërmbëdhjetë muaj më parë; llogaria e furnizuesit erdhi më vonë.
Dy mundësi rikuperimi:
  (a) rindërtim nga imazhe të verifikuara si të pastra dhe riimportim i të dhënave pas kontrolleve:
      rreth 5 ditë;
  (b) rikthim tani i kopjeve rezervë të natës së kaluar: portali në punë nesër. Kopjet rezervë u
      krijuan ndërkohë që sulmuesi ishte brenda, dhe disa serverë të kopjeve rezervë ndodheshin
      në të njëjtin rrjet.]],
  },
  decision = {
    prompt = { en = "How do you recover?", sq = "Si e bëni rikuperimin?" },
    options = {
      { "rebuild", { en = "Rebuild from known-clean images (slower, safer)",
                     sq = "Rindërtoni nga imazhe të verifikuara si të pastra (më ngadalë, më sigurt)" } },
      { "restore", { en = "Restore last night's backups now (faster)",
                     sq = "Riktheni tani kopjet rezervë të natës së kaluar (më shpejt)" } },
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
            endex({ en = "catastrophic: the restored government systems were wiped a second time",
                    sq = "katastrofë: sistemet qeveritare të rikthyera u fshinë për herë të dytë" })
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
  from = { en = "Ministry of Foreign Affairs, security policy directorate",
           sq = "Ministria për Evropën dhe Punët e Jashtme, Drejtoria e Politikave të Sigurisë" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "Attribution: partners propose a joint statement",
              sq = "Atribuimi: partnerët propozojnë një deklaratë të përbashkët" },
  body = {
    en = [[
Partner governments say their own findings point to the same state-sponsored actor and
offer to attribute the attack jointly with Albania. The Minister asks whether AKCESK's
technical evidence supports that, and what you recommend.]],
    sq = [[
Qeveritë partnere thonë se gjetjet e tyre tregojnë për të njëjtin aktor të mbështetur nga një shtet
dhe ofrojnë ta atribuojnë sulmin së bashku me Shqipërinë. Ministri pyet nëse provat teknike të
AKCESK-ut e mbështesin këtë dhe çfarë rekomandoni ju.]],
  },
  decision = {
    prompt = { en = "What do you recommend on attribution?",
               sq = "Çfarë rekomandoni për atribuimin?" },
    options = {
      { "joint",    { en = "Support a joint attribution with partners",
                      sq = "Mbështetni një atribuim të përbashkët me partnerët" } },
      { "national", { en = "A national statement only", sq = "Vetëm një deklaratë kombëtare" } },
      { "none",     { en = "No attribution yet", sq = "Asnjë atribuim për momentin" } },
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
  from = { en = "BalkanWire regional desk", sq = "Redaksia rajonale e BalkanWire" },
  channel = { en = "news", sq = "lajme" },
  subject = { en = "Press conferences this afternoon: a joint message?",
              sq = "Konferenca shtypi këtë pasdite: një mesazh i përbashkët?" },
  body = {
    en = [[
Ministers in three capitals have called press conferences for 14:00. Journalists ask
whether the CSIRTs of the region will say something together: what happened, what was
shared, what citizens and organisations should do.]],
    sq = [[
Ministrat në tri kryeqytete kanë thirrur konferenca shtypi për në orën 14:00. Gazetarët pyesin nëse
CSIRT-et e rajonit do të thonë diçka së bashku: çfarë ndodhi, çfarë informacioni u nda dhe çfarë
duhet të bëjnë qytetarët dhe organizatat.]],
  },
  decision = {
    prompt = { en = "What will your country's technical message be?",
               sq = "Cili do të jetë mesazhi teknik i vendit tuaj?" },
    options = {
      { en = "Join a joint regional statement by the national CSIRTs",
        sq = "Bashkohuni në një deklaratë të përbashkët rajonale të CSIRT-eve kombëtare" },
      { en = "A national statement only", sq = "Vetëm një deklaratë kombëtare" },
      { en = "No statement today", sq = "Asnjë deklaratë sot" },
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
  from = { en = "EEAS, Brussels", sq = "Shërbimi Evropian i Veprimit të Jashtëm (EEAS), Bruksel" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "Partner statement of support?", sq = "Deklaratë mbështetjeje nga partnerët?" },
  body = {
    en = [[
Brussels asks the desk whether a statement of support for Albania and the region is useful
today, and whether it should mention capacity building for the Western Balkans.]],
    sq = [[
Brukseli pyet zyrën nëse sot do të ishte e dobishme një deklaratë mbështetjeje për Shqipërinë dhe
rajonin, dhe nëse ajo duhet të përmendë ngritjen e kapaciteteve në Ballkanin Perëndimor.]],
  },
  decision = {
    prompt = { en = "Recommend a statement today?", sq = "Të rekomandohet një deklaratë sot?" },
    options = {
      { "today", { en = "Yes, today, coordinated with Tiranë",
                   sq = "Po, sot, në koordinim me Tiranën" } },
      { "later", { en = "Later, after the national statements",
                   sq = "Më vonë, pas deklaratave kombëtare" } },
    },
    deadline = "30m", default = "later",
  },
  notes = "Optional team; no consequence in code. Discuss timing relative to AL-09.",
}

inject {
  id = "REG-02", at = "4:05", to = NEIGHBOURS,
  from = { en = "Adriatik Soft, management", sq = "Adriatik Soft, drejtoria" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "Vendor statement: build server compromised",
              sq = "Deklarata e prodhuesit: serveri i ndërtimit (build) u komprometua" },
  body = {
    en = [[
Adriatik Soft confirms that its build server and a support account were compromised. It
has published RegiDoc 7.4.3, built on a new server and signed with a new key, and asks all
customers to install it today.]],
    sq = [[
Adriatik Soft konfirmon se serveri i saj i ndërtimit dhe një llogari mbështetjeje u komprometuan.
Kompania ka publikuar RegiDoc 7.4.3, të ndërtuar në një server të ri dhe të nënshkruar me një çelës
të ri, dhe u kërkon të gjithë klientëve ta instalojnë sot.]],
  },
  decision = {
    prompt = { en = "What do you advise your constituents?",
               sq = "Çfarë u këshilloni institucioneve që mbuloni?" },
    options = {
      { "suspend", { en = "Suspend RegiDoc until an independent audit is done",
                     sq = "Pezulloni RegiDoc derisa të kryhet një auditim i pavarur" } },
      { "patch",   { en = "Install 7.4.3 after checking the new signature",
                     sq = "Instaloni 7.4.3 pasi të verifikoni nënshkrimin e ri" } },
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
  from = { en = "@crimson_justice (Telegram channel)",
           sq = "@crimson_justice (kanali në Telegram)" },
  channel = { en = "social", sq = "rrjete sociale" },
  subject = { en = "'Part two tomorrow'", sq = "'Pjesa e dytë nesër'" },
  body = {
    en = [[
"Part two tomorrow: the civil registry. Thank your governments." The post links to a
file-sharing page that serves malware to anyone who clicks it.]],
    sq = [[
"Pjesa e dytë nesër: gjendja civile. Falënderoni qeveritë tuaja." Postimi ka një lidhje drejt
një faqeje për ndarjen e skedarëve që shpërndan program keqdashës (malware) te kushdo që klikon
mbi të.]],
  },
  notes = "Last pressure point. A good team warns the public not to download 'leaks'.",
}

inject {
  id = "ALL-HOTWASH", at = "4:45", to = "all",
  from = { en = "Exercise control", sq = "Drejtimi i ushtrimit" },
  channel = { en = "liaison", sq = "ndërlidhje" },
  subject = { en = "15 minutes to ENDEX: prepare the hot wash",
              sq = "15 minuta deri në ENDEX: përgatituni për diskutimin përmbyllës (hot wash)" },
  body = {
    en = [[
Please prepare three points for the hot wash:
1. What information did you receive from other CSIRTs, and when? What did it change?
2. Which decision was hardest, and what would you need to make it faster?
3. One thing you will change in your procedures next week.]],
    sq = [[
Ju lutemi përgatitni tri pika për diskutimin përmbyllës:
1. Çfarë informacioni morët nga CSIRT-et e tjera dhe kur? Çfarë ndryshoi ai?
2. Cili vendim ishte më i vështiri dhe çfarë do t'ju duhej për ta marrë më shpejt?
3. Një gjë që do të ndryshoni në procedurat tuaja javën e ardhshme.]],
  },
  notes = "Scores are final at 13:50 (T+4:50). Pull up `state.shares` and `state.hit` for the debrief.",
}

-- Move 3 branches.

inject {
  id = "AL-REINFECT", to = "al",
  from = { en = "GDSA duty officer", sq = "Zyrtari në detyrë i GDSA-së" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "Restored servers are wiping themselves",
              sq = "Serverët e rikthyer po fshijnë veten" },
  body = {
    en = [[
"We restored the backups and the portal came up for forty minutes. Then the 'SysHealthCheck'
task ran from the restored images and the servers went dark again. The backups carry the
wiper. We have lost the civil registry's last three backups."]],
    sq = [[
"I rikthyem kopjet rezervë dhe portali funksionoi për dyzet minuta. Pastaj detyra 'SysHealthCheck'
u ekzekutua nga imazhet e rikthyera dhe serverët ranë sërish. Kopjet rezervë e mbartin programin
fshirës. Kemi humbur tri kopjet rezervë të fundit të gjendjes civile."]],
  },
  notes = "Consequence of 'restore' after the portal stayed 'online' in Move 1.",
}

inject {
  id = "AL-RESTORE-OK", to = "al",
  from = { en = "GDSA duty officer", sq = "Zyrtari në detyrë i GDSA-së" },
  channel = { en = "ticket", sq = "tiketë" },
  subject = { en = "Backups restored on isolated hosts",
              sq = "Kopjet rezervë u rikthyen në makina të izoluara" },
  body = {
    en = [[
The backups were restored on isolated hosts and scanned against the indicator package.
Nothing found. Core services come back tomorrow morning; a monitoring watch stays in place.]],
    sq = [[
Kopjet rezervë u rikthyen në makina të izoluara dhe u skanuan me paketën e treguesve. Nuk u gjet
asgjë. Shërbimet kryesore rikthehen nesër në mëngjes; monitorimi i shtuar mbetet në fuqi.]],
  },
  notes = "Consequence of 'restore' when the back-end had been isolated early. Lucky, and defensible.",
}

inject {
  id = "AL-JOINT-ATTR", to = "all",
  from = "BalkanWire",
  channel = { en = "news", sq = "lajme" },
  subject = { en = "Albania and partners attribute the attack to a state actor",
              sq = "Shqipëria dhe partnerët ia atribuojnë sulmin një aktori shtetëror" },
  body = {
    en = [[
Albania and several partner governments publicly attribute the attacks on Albanian e-services
to a state-sponsored actor. Crimson Justice's channel answers within minutes with threats
against "every country that signed". Regional CSIRTs report a spike in scanning.]],
    sq = [[
Shqipëria dhe disa qeveri partnere ia atribuojnë publikisht sulmet ndaj e-shërbimeve shqiptare
një aktori të mbështetur nga një shtet. Kanali i Crimson Justice përgjigjet brenda pak minutash me
kërcënime ndaj "çdo vendi që nënshkroi". CSIRT-et e rajonit raportojnë një rritje të ndjeshme të
skanimeve.]],
  },
  notes = "Fired when al chose 'joint' on AL-09. Everyone gets it: does anyone raise their alert level?",
}

---------------------------------------------------------------------------
-- White cell reserve: fired by hand only (`fire WC-DDOS`), never by code.
-- `simulate` cannot reach these; that is by design.
---------------------------------------------------------------------------

inject {
  id = "WC-DDOS", manual = true, to = "al",
  from = { en = "AKCESK network operations", sq = "Operacionet e rrjetit, AKCESK" },
  channel = { en = "phone", sq = "telefon" },
  subject = { en = "Our own website and mail gateway are under DDoS",
              sq = "Faqja jonë e internetit dhe porta e postës elektronike janë nën sulm DDoS" },
  body = {
    en = [[
"Our public website and the mail gateway are down under a 40 Gbit/s flood. Partners cannot
e-mail us. We still have phones and the secure chat."]],
    sq = [[
"Faqja jonë publike e internetit dhe porta e postës elektronike kanë rënë nga një vërshim trafiku
prej 40 Gbit/s. Partnerët nuk mund të na dërgojnë e-mail. Kemi ende telefonat dhe bisedën e
sigurt (chat)."]],
  },
  notes = "Use when AKCESK is coasting: do they have out-of-band channels to the other CSIRTs?",
}

inject {
  id = "WC-FAKE-IOC", manual = true, to = "all",
  from = { en = "Forwarded by a constituent", sq = "Përcjellë nga një institucion që mbuloni" },
  channel = { en = "email", sq = "e-mail" },
  subject = { en = "'Official AKCESK indicator list' circulating",
              sq = "Qarkullon një 'listë zyrtare treguesish e AKCESK-ut'" },
  body = {
    en = [[
A PDF titled 'AKCESK — official indicators' is being forwarded between organisations. It
lists a major cloud provider's address ranges as malicious and asks readers to block them.
AKCESK did not write it.]],
    sq = [[
Një PDF me titull 'AKCESK — tregues zyrtarë' po përcillet ndërmjet organizatave. Ai rendit si
keqdashëse blloqet e adresave të një ofruesi të madh shërbimesh cloud dhe u kërkon lexuesve t'i
bllokojnë. AKCESK nuk e ka shkruar.]],
  },
  notes = "Disinformation test: who verifies with AKCESK before acting? Use in Move 2 or 3.",
}

-- HOTWASH ---------------------------------------------------------------------------------
-- After ENDEX every team receives these questions and answers with `answer N TEXT`; the
-- answers go into the journal and the after-action report (tabletop report).
hotwash {
  { en = "When did you first learn that the campaign had crossed a border, and from whom?",
    sq = "Kur mësuat për herë të parë se fushata kishte kaluar një kufi, dhe nga kush?" },
  { en = "Which indicator or warning from another CSIRT changed what you did? What would have made it arrive sooner?",
    sq = "Cili tregues ose paralajmërim nga një CSIRT tjetër ndryshoi atë që bëtë? Çfarë do ta kishte bërë të mbërrinte më herët?" },
  { en = "Which decision was hardest under its deadline, and what information were you missing?",
    sq = "Cili vendim ishte më i vështiri brenda afatit të tij dhe çfarë informacioni ju mungonte?" },
  { en = "What did you tell the public and the political level, and when? Would you say it differently now?",
    sq = "Çfarë i thatë publikut dhe nivelit politik, dhe kur? A do ta thoshit ndryshe tani?" },
  { en = "Which procedure, contact or agreement with a neighbouring CSIRT will you change after this drill?",
    sq = "Cilën procedurë, kontakt apo marrëveshje me një CSIRT fqinj do të ndryshoni pas kësaj stërvitjeje?" },
}
