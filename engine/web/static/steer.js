// Steering a live exercise from the staff view: the inject composer, the pending panel, the
// overrule form and a team's timeline. Each control runs one protocol command (send, extend,
// overrule, timeline) through POST /api/command; none of them exists for an observer but the
// timeline, which only reads.
import { el, fill, keyed, tplus, world, left, describe, teamsOf } from "./view.js";

// A labelled field: <label>text <input ...></label>.
function field(text, input) {
  return el("label", { class: "field" }, el("span", {}, text), input);
}

// Write the reply r to the status line out; r.type "ok" shows done.
export function sayReply(out, r, done) {
  out.textContent = r.type === "ok" ? done : `${r.code}: ${r.message}`;
  out.className = "reply-line " + (r.type === "ok" ? "ok" : "error");
}

// The `send` line of the composer's values, or throws an Error that says what is wrong.
export function sendLine(v) {
  const fields = [v.from, v.channel, v.subject, v.body];
  if (v.decide) fields.push(v.prompt, ...v.options, v.deadline);
  if (fields.some((f) => f.includes("|"))) throw new Error("a field may not hold the character |");
  if (v.to.length === 0) throw new Error("choose the teams (or all)");
  if (!v.subject && !v.body) throw new Error("give a subject or a body");
  let line = `send ${v.to.join(",")} | ${v.from} | ${v.channel} | ${v.subject} | ${v.body.replace(/\r?\n/g, "\\n")}`;
  if (!v.decide) return line;
  if (!v.prompt || v.options.length === 0) throw new Error("a decision needs a prompt and at least one option");
  if (v.options.some((o) => o.includes(";"))) throw new Error("an option may not hold the character ;");
  return line + ` | ${v.prompt} | ${v.options.join("; ")} | ${v.deadline || "-"}`;
}

// The inject composer: to (team checkboxes or all), from, channel, subject, body, and an optional decision.
export function composer(app, run) {
  const out = el("p", { class: "reply-line", role: "status" });
  const all = el("input", { type: "checkbox", value: "all", "aria-label": "to all teams" });
  const boxes = app.S.teams.map((t) => el("input", { type: "checkbox", value: t.id, "aria-label": `to ${t.id}` }));
  all.addEventListener("change", () => { if (all.checked) for (const b of boxes) b.checked = false; });
  for (const b of boxes) b.addEventListener("change", () => { if (b.checked) all.checked = false; });
  const input = (name, placeholder) => el("input", { name, placeholder, "aria-label": name, maxlength: 400 });
  const from = input("from", "e.g. Ministry of Finance IT");
  const channel = input("channel", "e.g. email, phone");
  const subject = input("subject", "what it is about");
  const body = el("textarea", { name: "body", rows: 4, "aria-label": "body", placeholder: "what the teams read", maxlength: 3000 });
  const decide = el("input", { type: "checkbox", "aria-label": "ask a decision" });
  const prompt = input("prompt", "e.g. What do you do?");
  const options = el("textarea", { name: "options", rows: 3, "aria-label": "options",
    placeholder: "one per line, key=label; * marks the default\n*block=Block the addresses\nwait=Wait" });
  const deadline = el("input", { name: "deadline", placeholder: "e.g. 15m (empty: none)", "aria-label": "deadline", maxlength: 20 });
  const dec = el("div", { class: "composer-decision", hidden: true }, field("Prompt", prompt),
    field("Options", options), field("Deadline", deadline));
  decide.addEventListener("change", () => { dec.hidden = !decide.checked; });

  const form = el("form", { class: "composer", onsubmit: async (e) => {
    e.preventDefault();
    let line;
    try {
      line = sendLine({
        to: all.checked ? ["all"] : boxes.filter((b) => b.checked).map((b) => b.value),
        from: from.value.trim(), channel: channel.value.trim(), subject: subject.value.trim(),
        body: body.value.trim(), decide: decide.checked, prompt: prompt.value.trim(),
        options: options.value.split("\n").map((o) => o.trim()).filter((o) => o),
        deadline: deadline.value.trim(),
      });
    } catch (err) {
      sayReply(out, { type: "error", code: "bad_args", message: err.message });
      return;
    }
    const r = await run(line, out);
    if (r.type !== "ok") return;
    sayReply(out, r, `sent ${r.inject}`);
    for (const x of [subject, body, prompt, options, deadline]) x.value = "";
    decide.checked = false;
    dec.hidden = true;
  } },
  el("fieldset", { class: "to" }, el("legend", {}, "To"),
    el("label", {}, all, " all"), boxes.map((b) => el("label", {}, b, " " + b.value))),
  el("div", { class: "pair" }, field("From", from), field("Channel", channel)),
  field("Subject", subject), field("Body", body),
  el("label", { class: "check" }, decide, " Ask a decision"), dec,
  el("button", { type: "submit" }, "Send inject"), out);
  // open on a laptop; on a phone a tap opens it, so that it does not push the rest down
  return el("details", { class: "card composer-card", open: matchMedia("(min-width: 801px)").matches },
    el("summary", {}, "Inject"), form);
}

// The pending panel: who owes which decision, by when, with a live countdown; facilitators extend.
export function pendingPanel(app, run) {
  const fac = app.S.role === "facilitator";
  const out = el("p", { class: "reply-line", role: "status" });
  const list = el("ul", { class: "pending" });
  const node = el("section", { class: "card" }, el("h2", {}, "Pending"), list, fac ? out : null);
  const key = (p) => `${p.team}/${p.inject}`;
  const extend = (p, d) => run(`extend ${p.team} ${p.inject} ${d}`, out);

  function draw(now) {
    const owed = app.S.pending.slice().sort((a, b) => (a.deadline ?? Infinity) - (b.deadline ?? Infinity));
    if (owed.length === 0) {
      fill(list, el("li", { class: "quiet" }, "nobody owes a decision"));
      return;
    }
    keyed(list, owed.map(key), (k) => {
      const [team, inject] = k.split("/");
      const p = { team, inject };
      const dur = el("input", { value: "10m", "aria-label": `extend ${team} ${inject} by`, maxlength: 20 });
      return el("li", { class: "owe" }, el("p", { class: "owing" }), el("p", { class: "by" }),
        fac ? el("div", { class: "buttons" },
          el("button", { type: "button", class: "small", "aria-label": `extend ${team} ${inject} by 10 minutes`, onclick: () => extend(p, "10m") }, "+10m"),
          el("form", { class: "inline", onsubmit: (e) => { e.preventDefault(); if (dur.value.trim()) extend(p, dur.value.trim()); } },
            dur, el("button", { type: "submit", class: "small" }, "Extend"))) : null);
    }, (li, k) => {
      const p = owed.find((x) => key(x) === k);
      const inj = app.S.injects.find((i) => i.id === p.inject);
      const team = app.S.teams.find((t) => t.id === p.team);
      fill(li.querySelector(".owing"), el("strong", {}, team ? team.name : p.team), " ",
        el("span", { class: "id" }, `${p.team} · ${p.inject}`), " ", inj ? inj.subject || "" : "");
      const by = li.querySelector(".by");
      by.textContent = p.deadline === null || p.deadline === undefined ? "no deadline" :
        `by ${tplus(p.deadline)}${app.S.clock.start !== null ? " (" + world(app.S.clock.start, p.deadline).slice(11) + ")" : ""} · ${left(p.deadline, now)}`;
      by.classList.toggle("late", p.deadline !== null && p.deadline - now < 300);
    });
  }
  return { node, draw };
}

// The overrule form for one decided cell of the board: an option and a reason.
export function overrulePanel(app, run) {
  const out = el("p", { class: "reply-line", role: "status" });
  const what = el("p", {});
  const option = el("select", { "aria-label": "new option" });
  const reason = el("input", { placeholder: "why (the team is told)", "aria-label": "reason", maxlength: 400 });
  let cell = null;
  const node = el("section", { class: "card overrule-panel", hidden: true },
    el("h2", {}, "Overrule a decision"), what,
    el("form", { class: "inline", onsubmit: async (e) => {
      e.preventDefault();
      if (!reason.value.trim()) {
        sayReply(out, { type: "error", code: "bad_args", message: "give a reason" });
        return;
      }
      const r = await run(`overrule ${cell.team} ${cell.inject} ${option.value} ${reason.value.trim()}`, out);
      if (r.type === "ok") {
        reason.value = "";
        node.hidden = true;
      }
    } }, field("Option", option), field("Reason", reason),
    el("button", { type: "submit" }, "Overrule"),
    el("button", { type: "button", class: "quiet", onclick: () => { node.hidden = true; } }, "Cancel")), out);

  // Open the form for team's decision on inject id.
  function open(id, team) {
    const inj = app.S.injects.find((i) => i.id === id);
    const st = inj.teams[team];
    cell = { inject: id, team };
    const label = (k) => (inj.decision.options.find((o) => o.key === k) || { label: k }).label;
    what.textContent = `${team} on ${id} (${inj.subject || ""}): ${st.option === null ? "no option" : label(st.option)} recorded`;
    fill(option, inj.decision.options.filter((o) => o.key !== st.option).map((o) => el("option", { value: o.key }, `${o.label || o.key} (${o.key})`)));
    out.textContent = "";
    node.hidden = false;
    node.scrollIntoView({ block: "nearest" });
    reason.focus();
  }
  return { node, open };
}

// One team's timeline (the `timeline TEAM` reply), opened from its card.
export function timelinePanel(app) {
  const title = el("span", {});
  const list = el("ol", { class: "feed timeline" });
  const note = el("p", { class: "quiet" });
  let team = null;
  const node = el("section", { class: "card timeline-panel", hidden: true },
    el("h2", {}, title, el("span", { class: "buttons" },
      el("button", { type: "button", class: "small quiet", onclick: () => open(team) }, "Refresh"),
      el("button", { type: "button", class: "small quiet", onclick: () => { node.hidden = true; } }, "Close"))),
    note, list);

  // Ask for team's timeline and show it, oldest first, scrolled to the newest; brought into view unless quiet.
  async function open(id, quiet) {
    team = id;
    const t = app.S.teams.find((x) => x.id === id);
    title.textContent = `Timeline · ${t ? t.name : id}`;
    node.hidden = false;
    const r = await app.command(`timeline ${id}`);
    if (r.type !== "ok") {
      note.textContent = `${r.code}: ${r.message}`;
      fill(list);
      return;
    }
    note.textContent = r.events.length === 0 ? "nothing yet" : r.truncated ? "earlier events left out" : "";
    fill(list, r.events.map((e) => el("li", { class: "ev ev-" + e.type }, el("span", { class: "t" }, tplus(e.t ?? 0)), " ", describe(e))));
    list.scrollTop = list.scrollHeight;
    if (!quiet) node.scrollIntoView({ block: "nearest" });
  }
  // An event: the open timeline is asked for again when it concerns its team.
  let soon = null;
  function event(ev) {
    if (node.hidden || !(teamsOf(ev).includes(team) || ev.to === "all" || ev.type === "broadcast")) return;
    clearTimeout(soon);
    soon = setTimeout(() => { if (!node.hidden) open(team, true); }, 300);
  }
  return { node, open, event };
}
