--[[
share — credit for sharing with new partners, and information that spreads when teams share
(docs/scenario-library.md).

  local share = require("share")
  local TEAMS = { "nukib", "csirt", "isp", "police", "fbi" }

  -- A point for every partner a team shares with for the first time.
  share.credit {
    teams = TEAMS,        -- the teams a share to "all" reaches
    state = "shares",     -- state.shares["nukib -> isp"] = when that pair first shared
    clock = clock,        -- how times are written (default: exercise seconds)
    points = 1,           -- per new partner (default 1)
  }

  -- The list of routers: the FBI's shares carry it from T+0:30, and whoever has it passes it on.
  local list = share.knowledge {
    name = "router list", -- the log line reads "router list reached isp at 10:05 (shared by fbi)"
    teams = TEAMS,
    state = "has_list",   -- state.has_list[team] = when the team got it
    clock = clock,
    sources = { fbi = time.hm(0, 30) },  -- team = from when (exercise seconds) its shares carry it
    relay = true,         -- a team that has it passes it on when it shares
    learners = function(team) return team ~= "fbi" end,  -- who may get it: a function or a list
    names = { fbi = "the FBI" },  -- how log lines name a team (default: its id)
    on_learn = function(team, how) ... end,  -- after a team gets it
  }
  list:give("police", "FBI-01 option 1")  -- a team gets it another way (only the first time)
  list:has("isp")         -- whether the team has it
  list:since("isp")       -- when it got it, in exercise seconds (nil: not yet)

Both listen to on("share"): a share from one team to another, or to "all", which reaches every
team of `teams` but the sender. quiet = true leaves out the knowledge's log line.
]]

local util = require("libutil")

local share = {}

local credit_fields = { teams = "table", state = "string", clock = "function", points = "number" }
local knowledge_fields = {
  name = "string", teams = "table", state = "string", clock = "function", sources = "table",
  relay = "boolean", learners = "which", names = "table", on_learn = "function",
  quiet = "boolean",
}

-- The teams a share from `from` to `to` reaches.
local function reached(teams, from, to)
  local out = {}
  for _, team in ipairs(to == "all" and teams or { to }) do
    if team ~= from then
      out[#out + 1] = team
    end
  end
  return out
end

-- When things happen, as opts.clock writes it, or in exercise seconds.
local function stamp(opts)
  return opts.clock and opts.clock(now()) or now()
end

-- Credit teams for sharing with new partners (see the top of this file).
function share.credit(opts)
  local here = util.where(1)
  util.options(here, "share.credit", opts, credit_fields)
  util.need(here, "share.credit", opts, "teams")
  local seen = {}
  if opts.state then
    state[opts.state] = state[opts.state] or {}
    seen = state[opts.state]
  end
  on("share", util.guard(here, "share.credit", function(from, to)
    local new = 0
    for _, team in ipairs(reached(opts.teams, from, to)) do
      local pair = from .. " -> " .. team
      if not seen[pair] then
        seen[pair] = stamp(opts)
        new = new + 1
      end
    end
    if new > 0 then
      score(from, new * (opts.points or 1), "shared with " .. new .. " new partner(s)")
    end
  end))
end

local Knowledge = {}
Knowledge.__index = Knowledge

-- Whether team has it.
function Knowledge:has(team)
  return self.t[team] ~= nil
end

-- When team got it, in exercise seconds, or nil.
function Knowledge:since(team)
  return self.t[team]
end

-- Team gets it (how: said in the log line); nothing if it has it already.
function Knowledge:give(team, how)
  local o = self.opts
  if self.t[team] ~= nil then
    return
  end
  self.t[team] = now()
  if o.state then
    state[o.state][team] = stamp(o)
  end
  if not o.quiet then
    log((o.name or "it") .. " reached " .. team .. " at " .. tostring(stamp(o))
      .. " (" .. how .. ")")
  end
  if o.on_learn then
    o.on_learn(team, how)
  end
end

-- Whether team may get it.
function Knowledge:learns(team)
  local l = self.opts.learners
  if type(l) == "function" then
    return l(team)
  end
  if l == nil then
    return true
  end
  for _, t in ipairs(l) do
    if t == team then
      return true
    end
  end
  return false
end

-- Whether a share from team carries it now.
function Knowledge:carries(team)
  local since = (self.opts.sources or {})[team]
  return (since ~= nil and now() >= since) or (self.opts.relay and self:has(team))
end

-- Something that spreads when teams share (see the top of this file); returns it.
function share.knowledge(opts)
  local here = util.where(1)
  local what = "share.knowledge"
  util.options(here, what, opts, knowledge_fields)
  util.need(here, what, opts, "teams")
  local k = setmetatable({ opts = opts, t = {} }, Knowledge)
  if opts.state then
    state[opts.state] = state[opts.state] or {}
  end
  on("share", util.guard(here, what, function(from, to)
    if not k:carries(from) then
      return
    end
    local name = (opts.names or {})[from] or from
    for _, team in ipairs(reached(opts.teams, from, to)) do
      if k:learns(team) then
        k:give(team, "shared by " .. name)
      end
    end
  end))
  return k
end

return share
