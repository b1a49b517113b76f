--[[
libutil — what the modules of the helper library share (docs/scenario-library.md).

  * Options are checked as the scenario API checks declarations: a field that the helper does
    not know is an error ("did you mean ...?" is left to you), and so is a value of the wrong
    type, so that a typo never goes unnoticed.
  * Errors read FILE:LINE of the scenario line that called the helper, never a line inside the
    library: a helper notes where it was set up, and an error in one of its callbacks (a
    timer, a predicate, a function you gave it) is reported there, naming the helper.

A scenario may use it too, for its own helpers:

  local util = require("libutil")
  local function my_helper(opts)
    local here = util.where(1)   -- "drill.lua:12: ", the line that called my_helper
    util.options(here, "my_helper", opts, { name = "string", every = "time" })
    util.need(here, "my_helper", opts, "name")
    every(opts.every or "10m", util.guard(here, "my_helper", function() ... end))
  end
]]

local util = {}

-- "FILE:LINE: " of the code `level` calls above the function that calls where (1: its
-- caller), or "" when that is not scenario code.
function util.where(level)
  -- error's own level counts from the function that called it: here, pcall.
  local _, pos = pcall(error, "", level + 3)
  return pos
end

-- The kinds of value an option may take, and how messages name them.
local kinds = {
  string = { "a string", function(v) return type(v) == "string" end },
  number = { "a number", function(v) return type(v) == "number" end },
  boolean = { "true or false", function(v) return type(v) == "boolean" end },
  ["function"] = { "a function", function(v) return type(v) == "function" end },
  table = { "a table", function(v) return type(v) == "table" end },
  time = { "a time (seconds, or a string such as \"15m\")",
    function(v) return type(v) == "number" or type(v) == "string" end },
  text = { "a string or a function returning one",
    function(v) return type(v) == "string" or type(v) == "function" end },
  teams = { "a team id, a list of team ids or \"all\"",
    function(v) return type(v) == "string" or type(v) == "table" end },
  ids = { "an inject id or a list of them",
    function(v) return type(v) == "string" or type(v) == "table" end },
  which = { "a list of team ids or a function of a team id",
    function(v) return type(v) == "table" or type(v) == "function" end },
  phase = { "true or a phase name",
    function(v) return v == true or type(v) == "string" end },
}

-- Raise at `here` (from util.where) with what ("media.campaign") and msg.
function util.fail(here, what, msg)
  error(here .. what .. ": " .. msg, 0)
end

-- Check that opts is a table whose every field is in fields (name -> kind, see above) and of
-- its kind.
function util.options(here, what, opts, fields)
  if type(opts) ~= "table" then
    util.fail(here, what, "expected a table of options { name = value, ... }, got a " .. type(opts))
  end
  for k, v in pairs(opts) do
    local kind = type(k) == "string" and fields[k] or nil
    if kind == nil then
      util.fail(here, what, type(k) == "string" and "unknown field '" .. k .. "'"
        or "unknown field (a " .. type(k) .. " key)")
    end
    if not kinds[kind][2](v) then
      util.fail(here, what, "'" .. k .. "' must be " .. kinds[kind][1] .. ", not a " .. type(v))
    end
  end
end

-- Check that every field named after opts is present.
function util.need(here, what, opts, ...)
  for _, name in ipairs({ ... }) do
    if opts[name] == nil then
      util.fail(here, what, "'" .. name .. "' is required")
    end
  end
end

-- Check the options of a helper that takes a named list (spec.what: "media.campaign";
-- spec.fields; spec.list: "waves", of at least one spec.item: "wave", each checked against
-- spec.item_fields and needing spec.item_need, then given to spec.each(where, item) when set).
-- Returns how later messages name it: spec.kind .. " 'NAME'".
function util.named_list(here, opts, spec)
  util.options(here, spec.what, opts, spec.fields)
  util.need(here, spec.what, opts, "name", spec.list)
  local what = spec.kind .. " '" .. opts.name .. "'"
  if #opts[spec.list] == 0 then
    util.fail(here, what, "'" .. spec.list .. "' must list at least one " .. spec.item)
  end
  for i, item in ipairs(opts[spec.list]) do
    local where = what .. ", " .. spec.item .. " " .. i
    util.options(here, where, item, spec.item_fields)
    util.need(here, where, item, spec.item_need)
    if spec.each then
      spec.each(where, item)
    end
  end
  return what
end

-- fn, wrapped so that an error in it reads at `here` and names what. Its results pass through.
function util.guard(here, what, fn)
  return function(...)
    local r = table.pack(pcall(fn, ...))
    if not r[1] then
      util.fail(here, what, tostring(r[2]))
    end
    return table.unpack(r, 2, r.n)
  end
end

-- The text of a string, or of a function called with the arguments after it.
function util.text(v, ...)
  if type(v) == "function" then
    return v(...)
  end
  return v
end

-- A list of the inject ids in v: nil, an id, or a list of ids.
function util.ids(v)
  if type(v) == "string" then
    return { v }
  end
  return v or {}
end

return util
