-- I-2 can be fired (check is clean) but never is: simulate --strict must report the gap.
exercise { title = "Gap", duration = "1h", tick = "1m" }
team { id = "a", name = "A" }
inject { id = "I-1", at = "0:05", to = "a", subject = "s", body = "b" }
inject { id = "I-2", to = "a", subject = "never", body = "b" }
inject { id = "I-3", to = "a", subject = "by hand", body = "b", manual = true }
when(function() return false end, function() fire("I-2") end)
