// The web console: log in, follow the event stream, keep the exercise's state, show the role's view.
import { fill, tplus, world } from "./view.js";
import { staffView } from "./staff.js";
import { teamView } from "./team.js";
import { screenView } from "./screen.js";

const $ = (id) => document.getElementById(id);
const app = {
  S: null,        // the snapshot, kept up to date by the events
  feed: [],       // events, oldest first
  seen: new Set(),// event ids already applied (a resumed stream never repeats one, but be sure)
  at: 0,          // performance.now() when S.clock was last set
  view: null,
  source: null,
  screen: location.pathname === "/screen",
};

// POST a JSON body to path; resolves to {status, body}.
async function post(path, obj) {
  const r = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(obj || {}),
    credentials: "same-origin",
  });
  let body = null;
  try { body = await r.json(); } catch (e) { body = null; }
  return { status: r.status, body };
}

// Run one protocol command; resolves to its reply ({type:"ok"|"error",...}).
app.command = async function (line) {
  const r = await post("/api/command", { line });
  if (r.status === 401) showLogin("");
  return r.body || { type: "error", code: "network", message: "no answer from the server" };
};

// The exercise time now, counted on from the last clock event while the clock runs.
app.now = function () {
  const c = app.S.clock;
  if (c.state !== "running") return c.t;
  const t = c.t + ((performance.now() - app.at) / 1000) * c.speed;
  return Math.min(t, c.duration);
};

// Show the login form (with an error message).
function showLogin(msg) {
  if (app.source) app.source.close();
  app.source = null;
  app.S = null;
  $("login").hidden = false;
  $("logout").hidden = true;
  $("who").textContent = "";
  $("login-error").textContent = msg;
  fill($("app"));
  $("login-id").focus();
}

// The login form was sent.
async function login(e) {
  e.preventDefault();
  const f = new FormData($("login"));
  const r = await post("/api/login", { id: f.get("id").trim(), secret: f.get("secret").trim(), name: f.get("name").trim() });
  if (r.status !== 200) {
    $("login-error").textContent = r.body && r.body.message ? r.body.message : `login failed (${r.status})`;
    return;
  }
  $("login").reset();
  connect();
}

// Log out and show the form again.
async function logout() {
  await post("/api/logout", {});
  showLogin("");
}

// The state of inject id for team (a team member's own, or the board's cell), or undefined.
function teamState(id, team) {
  const row = app.S.injects.find((i) => i.id === id);
  if (!row) return undefined;
  return app.S.role === "team" ? row.team : row.teams[team];
}

// An overrule event: the team's decision is now ev.option, marked overruled with the reason.
function overruled(ev) {
  const st = teamState(ev.inject, ev.team);
  if (st) Object.assign(st, { option: ev.option, overruled: { previous: ev.previous, reason: ev.reason, by: ev.by } });
}

// Apply one event to the state.
function apply(ev) {
  const S = app.S;
  const inj = (id) => S.injects.find((i) => i.id === id);
  if (typeof ev.t === "number" && ev.type !== "clock" && ev.t > app.now()) {
    S.clock.t = ev.t; // the clock moved on (advance) without a clock event
    app.at = performance.now();
  }
  switch (ev.type) {
    case "clock":
      Object.assign(S.clock, { state: ev.state, t: ev.t, speed: ev.speed });
      app.at = performance.now();
      break;
    case "inject": {
      const status = ev.decision ? "pending" : "fired";
      const dl = ev.decision ? ev.decision.deadline : null;
      if (S.role === "team") {
        S.injects = S.injects.filter((i) => i.id !== ev.id);
        S.injects.push({ ...ev, team: { status, fired_at: ev.t, deadline: dl, option: null } });
      } else {
        let row = inj(ev.id);
        if (!row) {
          row = { ...ev, at: null, manual: true, times_fired: 0, teams: {} };
          S.injects.push(row);
        }
        row.times_fired = (row.times_fired || 0) + 1;
        for (const t of ev.to || []) row.teams[t] = { status, fired_at: ev.t, deadline: dl, option: null };
      }
      if (ev.decision) for (const t of ev.to || []) if (S.role !== "team" || t === S.team) S.pending.push({ team: t, inject: ev.id, deadline: dl });
      break;
    }
    case "decision": {
      const row = inj(ev.inject);
      const st = { status: ev.timeout ? "timeout" : "decided", option: ev.option, decided_at: ev.t };
      if (row && S.role === "team") Object.assign(row.team, st);
      else if (row && row.teams[ev.team]) Object.assign(row.teams[ev.team], st);
      S.pending = S.pending.filter((p) => !(p.team === ev.team && p.inject === ev.inject));
      break;
    }
    case "deadline": {
      const st = teamState(ev.inject, ev.team);
      if (st) st.deadline = ev.deadline;
      for (const p of S.pending) if (p.team === ev.team && p.inject === ev.inject) p.deadline = ev.deadline;
      break;
    }
    case "overrule": overruled(ev); break;
    case "score": {
      const t = S.teams.find((x) => x.id === ev.team);
      if (t) t.score = ev.total;
      break;
    }
    case "phase": S.phase = ev.name; break;
    case "end": S.clock.state = "ended"; S.clock.t = ev.t; S.pending = []; break;
    case "rfi": if (S.rfis) S.rfis.push({ ...ev, answered: false }); break;
    case "reply":
      if (S.rfis) {
        const r = S.rfis.find((x) => !x.answered && (ev.rfi ? x.id === ev.rfi : x.team === ev.team));
        if (r) { r.answered = true; r.reply = ev.text; }
      }
      break;
    case "share":
      if (S.shares) {
        const row = (S.shares[ev.from] = S.shares[ev.from] || {});
        row[ev.to] = (row[ev.to] || 0) + 1;
      }
      break;
    case "script_error": if (S.script_errors) S.script_errors.push(ev); break;
    case "join": {
      const t = S.teams.find((x) => x.id === ev.team);
      if (t && t.members !== undefined) t.members++;
      break;
    }
  }
  app.feed.push(ev);
  if (app.feed.length > 1000) app.feed.shift();
}

// Draw the header: title, clock, who is logged in.
function header() {
  const S = app.S;
  const t = app.now();
  $("title").textContent = S.title || "tabletop";
  document.title = (S.title || "tabletop") + " — tabletop";
  $("world").textContent = world(S.clock.start, t);
  $("tplus").textContent = tplus(t);
  $("state").textContent = S.clock.state;
  $("state").className = "state " + S.clock.state;
  $("phase").textContent = S.phase || "";
  $("who").textContent = S.role === "team" ? `${S.name} · team ${S.team}` : `${S.name} · ${S.role}`;
}

// Ask for the clock now and then: ticks come without events, and a view may have slept.
async function sync() {
  if (!app.S) return;
  const r = await app.command("status");
  if (r.type !== "ok" || !app.S) return;
  Object.assign(app.S.clock, { state: r.state, t: r.t, speed: r.speed });
  app.S.phase = r.phase;
  app.at = performance.now();
}

// Redraw after a change (or every second, for the clock and the countdowns).
function draw() {
  if (!app.S) return;
  header();
  app.view.draw();
}

// A message from the stream.
function onMessage(m) {
  const ev = JSON.parse(m.data);
  if (ev.type === "snapshot") {
    app.S = ev;
    app.feed = ev.feed || [];
    app.at = performance.now();
    app.seen = new Set();
    for (const f of app.feed) if (f.type === "overrule") overruled(f); // the snapshot does not mark them
    const make = app.screen ? screenView : ev.role === "team" ? teamView : staffView;
    app.view = make(app, $("app"));
    $("login").hidden = true;
    $("logout").hidden = false;
  } else if (app.S) {
    if (m.lastEventId && app.seen.has(m.lastEventId)) return;
    if (m.lastEventId) app.seen.add(m.lastEventId);
    apply(ev);
    if (app.view.event) app.view.event(ev);
  }
  draw();
}

// Open the event stream; EventSource reconnects by itself with Last-Event-ID.
function connect() {
  if (app.source) app.source.close();
  const src = new EventSource("/api/events");
  app.source = src;
  src.onmessage = onMessage;
  src.onerror = async () => {
    document.body.classList.add("offline");
    if (src.readyState === EventSource.CLOSED) {
      const r = await post("/api/command", { line: "status" });
      if (r.status === 401) showLogin("");
      else setTimeout(connect, 2000);
    }
  };
  src.onopen = () => document.body.classList.remove("offline");
}

// Start: a session may still be open (its cookie is HttpOnly): ask, then stream or log in.
async function start() {
  $("login").addEventListener("submit", login);
  $("logout").addEventListener("click", logout);
  if (app.screen) document.body.classList.add("screen");
  setInterval(draw, 1000);
  setInterval(sync, 10000);
  const r = await post("/api/command", { line: "status" });
  if (r.status === 200) connect();
  else showLogin("");
}

start();
