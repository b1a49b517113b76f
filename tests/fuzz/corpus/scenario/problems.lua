-- Every problem `check` knows, one or more per declaration; test_api.c expects them by line.
exercise { title = "Problems", duration = "2h", tick = "1m", sped = 2 }

team { id = "al", name = "Albania" }
team { id = "al", name = "Albania again" }
team { id = "all" }
team { name = "nameless" }
team { id = "xk2", name = 42 }

objective { id = "O1", text = "Share indicators" }
objective { id = "O1", text = "Again" }

inject {
  id = "I-01", at = "1:7", to = { "al", "xk" },
  subject = "Bad time and unknown team",
}
inject {
  id = "I-02", at = "3h", to = "all", subject = "Too late",
}
inject {
  id = "I-03", at = "0:10", deadlline = "30m",
  decision = { prompt = "Which?", options = { {"a", "A"}, {"b", "B"} }, default = "c" },
  expect = { option = "z", objective = "O9" },
}
inject { id = "I-04", subject = "Nobody fires me" }
inject { id = "I-05", subject = "Fired by hand", manual = true }
inject { id = "I-01", at = "0:20" }
inject { id = "I-06", at = 60, expect = { option = "x" }, body = { "not", "a", "string" } }
inject { id = "I 7", at = 0 }
