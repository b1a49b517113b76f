--[[
media — recurring media pressure that escalates until the teams act (docs/scenario-library.md).

A campaign sends a wave (an ad-hoc inject, as send{} does) every period. Wave n uses level n of
`waves`, and the last level repeats, so the pressure climbs: a blog, then the national TV, then
the foreign press. A wave goes out only while `active()` is true (when given); once `stop()` is
true (when given), or campaign:stop() is called, the campaign is over for good.

  local media = require("media")
  local rumours = media.campaign {
    name = "rumours",              -- names the campaign in messages and logs
    every = "20m",                 -- a wave every 20 minutes of exercise time
    start = "1:40",                -- the first wave (default: one period after STARTEX)
    active = function() return state.site == "down" end,  -- only while the site is down
    stop = function() return state.statement end,        -- over once someone spoke
    to = { "cec", "cert" }, from = "Media monitoring", channel = "social",
    count = "rumours",             -- state.rumours = waves sent so far
    score = { cec = -1 },          -- points per wave, to these teams
    reason = "results unavailable: rumours growing",
    waves = {
      { subject = "Telegram: 'they switched the results off'", body = "..." },
      { subject = "TV talk shows repeat it", body = "...", channel = "news" },
      { subject = function(n) return "Wave " .. n .. ": the foreign press" end, body = "..." },
    },
    on_wave = function(n) log("rumour wave", n) end,  -- after each wave
  }
  rumours:waves()   -- waves sent so far
  rumours:stop()    -- no more waves

Each level may set its own to, from, channel, subject, body and score; subject and body may be
functions of the wave number. The periodic timer is the campaign's own: it is set when the
campaign is made, so make it while the file loads (or later, from a callback).
]]

local util = require("libutil")

local media = {}

local campaign_fields = {
  name = "string", every = "time", start = "time", active = "function", stop = "function",
  to = "teams", from = "string", channel = "string", count = "string", score = "table",
  reason = "string", waves = "table", on_wave = "function",
}
local wave_fields = {
  to = "teams", from = "string", channel = "string", subject = "text", body = "text",
  score = "table",
}

local Campaign = {}
Campaign.__index = Campaign

-- Waves sent so far.
function Campaign:waves()
  return self.n
end

-- End the campaign: no wave goes out any more.
function Campaign:stop()
  self.stopped = true
end

-- Send the next wave if the campaign goes on and is active.
function Campaign:wave()
  local o = self.opts
  if self.stopped or (o.stop and o.stop()) then
    self.stopped = true
    return
  end
  if o.active and not o.active() then
    return
  end
  self.n = self.n + 1
  local w = o.waves[math.min(self.n, #o.waves)]
  send {
    to = w.to or o.to, from = w.from or o.from, channel = w.channel or o.channel,
    subject = util.text(w.subject, self.n), body = util.text(w.body, self.n),
  }
  for team, points in pairs(w.score or o.score or {}) do
    score(team, points, o.reason or ("media pressure: " .. o.name .. ", wave " .. self.n))
  end
  if o.count then
    state[o.count] = self.n
  end
  if o.on_wave then
    o.on_wave(self.n)
  end
end

-- A media campaign (see the top of this file); returns it.
function media.campaign(opts)
  local here = util.where(1)
  local what = util.named_list(here, opts, {
    what = "media.campaign", fields = campaign_fields, kind = "media campaign",
    list = "waves", item = "wave", item_fields = wave_fields, item_need = "subject",
    each = function(where, w)
      if w.to == nil and opts.to == nil then
        util.fail(here, where, "'to' is required (in the wave or the campaign)")
      end
    end,
  })
  local c = setmetatable({ opts = opts, n = 0, stopped = false }, Campaign)
  if opts.count then
    state[opts.count] = 0
  end
  local wave = util.guard(here, what, function() c:wave() end)
  local period = opts.every or "30m"
  if opts.start ~= nil then
    at(opts.start, function()
      wave()
      every(period, wave)
    end)
  else
    every(period, wave)
  end
  return c
end

return media
