--[[
ladder — an escalation ladder: levels that the situation climbs one by one, on a condition or
after a time, each firing injects, naming a phase or running code (docs/scenario-library.md).

  local ladder = require("ladder")
  local crisis = ladder.new {
    name = "crisis",                 -- names the ladder in messages
    state = "crisis",                -- state.crisis = the name of the current level
    hold = function() return state.contained end,  -- while true, the ladder does not climb
    levels = {
      { name = "Move 1: Detection", phase = true },               -- entered at STARTEX
      { name = "Move 2: Spread", after = "1h15m", phase = true },  -- 1h15m after level 1 ...
      { name = "Move 3: Crisis", phase = true, fire = "CR-01",     -- ... and 1h30m after level 2,
        after = "1h30m", when = function() return state.outage end,  -- or once there is an outage
        log = "national crisis declared",
        run = function(level, why) score("gov", -1, "crisis") end },
    },
  }
  crisis:level()       -- 2, "Move 2: Spread"
  crisis:reached("Move 3: Crisis")   -- false (a level name or number)
  crisis:raise("the minister called")  -- climb one level now

A level (after the first) is reached when its `when` returns true, or once `after` has passed
since the level before it was reached, whichever comes first, and never while `hold` returns
true (a time that passed during a hold counts once the hold ends). A level with neither is
reached only by raise(). On reaching a level the ladder sets state[state], then does what the
level says, in this order: `phase` (true: the level's name; a string: that phase), `fire` (an
inject id or a list of them), `log` (a line for the facilitators), `run(name, why)`. If the next
level's `when` is already true, the ladder climbs on at once.

The first level is entered at STARTEX (or at once when the ladder is made after STARTEX).
Conditions are checked when `when()` predicates are: after every tick and every input.
]]

local util = require("libutil")

local ladder = {}

local ladder_fields = { name = "string", state = "string", hold = "function", levels = "table" }
local level_fields = {
  name = "string", after = "time", when = "function", phase = "phase", fire = "ids",
  log = "string", run = "function",
}

-- Whether the exercise has started (ladders made before STARTEX wait for it).
local started = false
on("start", function() started = true end)

local Ladder = {}
Ladder.__index = Ladder

-- The number and name of the current level (0 and nil before STARTEX).
function Ladder:level()
  local lv = self.levels[self.current]
  return self.current, lv and lv.name
end

-- Whether the ladder has reached the level named or numbered `level`.
function Ladder:reached(level)
  if type(level) == "number" then
    return self.current >= level
  end
  for i = 1, self.current do
    if self.levels[i].name == level then
      return true
    end
  end
  return false
end

-- Climb one level now (nothing at the top); why goes to the level's run().
function Ladder:raise(why)
  if self.current < #self.levels then
    self.enter(self.current + 1, why or "raised")
  end
end

-- A new ladder (see the top of this file); returns it.
function ladder.new(opts)
  local here = util.where(1)
  local what = util.named_list(here, opts, {
    what = "ladder.new", fields = ladder_fields, kind = "ladder",
    list = "levels", item = "level", item_fields = level_fields, item_need = "name",
  })

  local l = setmetatable({ levels = opts.levels, current = 0 }, Ladder)
  local gen = 0 -- counts the levels entered: conditions armed for an older one do nothing
  local held = opts.hold or function() return false end

  local enter -- defined below: arm() and enter() call each other

  -- Arm the conditions that lead to the level above the current one.
  local function arm()
    local k, my = l.current + 1, gen
    local lv = opts.levels[k]
    if lv == nil or (lv.when == nil and lv.after == nil) then
      return
    end
    local due = false
    if lv.after ~= nil then
      after(lv.after, function() due = due or gen == my end)
    end
    when(util.guard(here, what, function()
      return gen ~= my or (not held() and (due or (lv.when ~= nil and lv.when() and true)))
    end), function()
      if gen == my then
        l.enter(k, due and "after " .. tostring(lv.after) or "condition")
      end
    end)
  end

  -- Enter level k: record it, do what it says, then climb on or arm the next level.
  enter = function(k, why)
    local lv = opts.levels[k]
    gen = gen + 1
    l.current = k
    if opts.state then
      state[opts.state] = lv.name
    end
    if lv.phase then
      phase(lv.phase == true and lv.name or lv.phase)
    end
    for _, id in ipairs(util.ids(lv.fire)) do
      fire(id)
    end
    if lv.log then
      log(lv.log)
    end
    if lv.run then
      lv.run(lv.name, why)
    end
    local nxt = opts.levels[k + 1]
    if nxt and nxt.when and not held() and nxt.when() then
      return enter(k + 1, "condition")
    end
    arm()
  end
  l.enter = util.guard(here, what, enter)

  if started then
    l.enter(1, "made")
  else
    on("start", function() l.enter(1, "STARTEX") end)
  end
  return l
end

return ladder
