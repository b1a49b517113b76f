// DOM helpers: every text goes in as text (textContent), never as HTML.

// el("div", {class: "x", onclick: f}, child, "text", ...): an element with attributes and children.
export function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const k of kids.flat()) {
    if (k === null || k === undefined || k === false) continue;
    e.append(typeof k === "string" || typeof k === "number" ? document.createTextNode(String(k)) : k);
  }
  return e;
}

// Replace the children of parent with kids.
export function fill(parent, ...kids) {
  parent.replaceChildren(...kids.flat().filter((k) => k !== null && k !== undefined && k !== false));
  return parent;
}

// Keep one child per key in parent, in the order of keys: make(key) builds a new one, update(node, key) refreshes it.
export function keyed(parent, keys, make, update) {
  const old = new Map();
  for (const c of [...parent.children]) old.set(c.dataset.key, c);
  let prev = null;
  for (const k of keys) {
    let n = old.get(String(k));
    if (!n) {
      n = make(k);
      n.dataset.key = String(k);
    }
    old.delete(String(k));
    update(n, k);
    const want = prev ? prev.nextSibling : parent.firstChild;
    if (want !== n) parent.insertBefore(n, want);
    prev = n;
  }
  for (const n of old.values()) n.remove();
}

// "01:15:00" from seconds.
export function hms(s) {
  const neg = s < 0;
  s = Math.abs(Math.floor(s));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), x = s % 60;
  return (neg ? "-" : "") + [h, m, x].map((v) => String(v).padStart(2, "0")).join(":");
}

// "T+01:15:00" from exercise seconds.
export function tplus(t) {
  return "T+" + hms(t);
}

// "2024-11-12 10:15" from the start (epoch seconds, UTC as the scenario wrote it) and t, or "".
export function world(start, t) {
  if (start === null || start === undefined) return "";
  const d = new Date((start + Math.floor(t)) * 1000);
  const p = (v) => String(v).padStart(2, "0");
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

// "12m left" / "passed" for a deadline at t.
export function left(deadline, now) {
  if (deadline === null || deadline === undefined) return "";
  const d = deadline - now;
  if (d <= 0) return "deadline passed";
  if (d >= 3600) return `${Math.floor(d / 3600)}h${String(Math.floor((d % 3600) / 60)).padStart(2, "0")}m left`;
  if (d >= 60) return `${Math.floor(d / 60)}m${String(Math.floor(d % 60)).padStart(2, "0")}s left`;
  return `${Math.floor(d)}s left`;
}

// A one-line summary of an event for the feed.
export function describe(ev) {
  switch (ev.type) {
    case "clock": return `clock ${ev.state}` + (ev.speed !== undefined ? ` (speed ${ev.speed})` : "");
    case "inject": return `inject ${ev.id} to ${(ev.to || []).join(", ")}: ${ev.subject || ""}`;
    case "decision": return `${ev.team} decided ${ev.inject}: ${ev.option ?? "no option"}${ev.timeout ? " (deadline passed)" : ""}${ev.by ? " by " + ev.by : ""}`;
    case "share": return `${ev.from} shared with ${ev.to}: ${ev.text}`;
    case "say": return `${ev.team} · ${ev.by}: ${ev.text}`;
    case "action": return `${ev.team} action by ${ev.by}: ${ev.text}`;
    case "rfi": return `${ev.id} from ${ev.team} (${ev.by}): ${ev.text}`;
    case "reply": return `reply to ${ev.team}${ev.rfi ? " on " + ev.rfi : ""}: ${ev.text}`;
    case "broadcast": return `broadcast: ${ev.text}`;
    case "phase": return `phase: ${ev.name}`;
    case "log": return `log: ${ev.text}`;
    case "score": return `${ev.team} score ${ev.delta > 0 ? "+" : ""}${ev.delta} = ${ev.total}: ${ev.reason}`;
    case "end": return `ENDEX: ${ev.reason ?? ""}`;
    case "script_error": return `script error ${ev.file}:${ev.line}: ${ev.message}`;
    case "expect": return `${ev.team} ${ev.result} the expectation of ${ev.inject}${ev.objective ? " (" + ev.objective + ")" : ""}`;
    case "note": return `note by ${ev.by ?? "?"}: ${ev.text ?? ""}`;
    case "deadline": return `${ev.team}'s deadline on ${ev.inject} moved to ${tplus(ev.deadline)}${ev.by ? " by " + ev.by : ""}`;
    case "overrule": return `${ev.team}'s decision on ${ev.inject} overruled: ${ev.previous ?? "no option"} \u2192 ${ev.option}${ev.by ? " by " + ev.by : ""}: ${ev.reason ?? ""}`;
    case "reminder": return `reminder: ${ev.team} owes ${ev.inject} by ${tplus(ev.deadline)}`;
    case "join": return `${ev.name ?? ev.by ?? "someone"} joined ${ev.team}`;
    default: return `${ev.type}: ${ev.text ?? ev.message ?? ""}`;
  }
}

// The teams an event concerns, for the feed's filter.
export function teamsOf(ev) {
  const t = [];
  for (const k of ["team", "from"]) if (typeof ev[k] === "string") t.push(ev[k]);
  if (typeof ev.to === "string") t.push(ev.to);
  if (Array.isArray(ev.to)) t.push(...ev.to);
  return t;
}
