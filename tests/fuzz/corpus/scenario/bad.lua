-- Every line below that is marked has a problem check must report at that line.
exercise { title = "Bad", duration = "1h", tick = "1m" }
team { id = "a", name = "A" }
team { id = "a", name = "A again" }                    -- line 4: duplicate id
inject { id = "I-1", at = "1:7", to = "a", subject = "s", body = "b" }   -- line 5: bad time
inject { id = "I-2", at = "0:10", to = "zz", subject = "s", body = "b" } -- line 6: unknown team
inject { id = "I-3", at = "2h", to = "a", subject = "s", body = "b" }    -- line 7: beyond duration
inject {                                                -- line 8: default not an option
  id = "I-4", at = "0:20", to = "a", subject = "s", body = "b",
  decision = { prompt = "p", options = { {"x", "X"} }, default = "y" },
}
inject { id = "I-5", to = "a", subject = "orphan", body = "nothing fires me" } -- line 12
