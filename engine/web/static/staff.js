// The facilitators' screen (observers get the same without a control that changes anything).
import { el, fill, keyed, tplus, left, describe, teamsOf } from "./view.js";
import { composer, pendingPanel, overrulePanel, timelinePanel, sayReply } from "./steer.js";

// A status cell of the MSEL board: not fired, fired, pending with its countdown, decided, timed
// out, or closed at ENDEX undecided.
function statusText(st, now) {
  if (!st || st.status === "not_fired") return ["not fired", "s-none"];
  if (st.status === "fired") return ["fired", "s-fired"];
  if (st.status === "pending") return [`pending · ${left(st.deadline, now) || "no deadline"}`, "s-pending"];
  if (st.status === "closed") return ["closed at ENDEX", "s-timeout"];
  const over = st.overruled ? " (overruled)" : "";
  if (st.status === "timeout") return [`timed out · ${st.option ?? "no option"}${over}`, "s-timeout"];
  return [`decided · ${st.option}${over}`, "s-decided"];
}

// The staff view of app in root.
export function staffView(app, root) {
  const fac = app.S.role === "facilitator";
  const say = el("p", { class: "reply-line", role: "status" });
  // Run a command line; its reply goes to the status line out.
  const run = async (line, out = say) => {
    const r = await app.command(line);
    sayReply(out, r, `${line.split(" ")[0]}: done`);
    return r;
  };
  // A small form: an input and a button that runs act(value) (a promise of the reply).
  const form = (label, placeholder, act, value) => {
    const input = el("input", { placeholder, "aria-label": placeholder, value });
    return el("form", { class: "inline", onsubmit: async (e) => {
      e.preventDefault();
      if (!input.value.trim()) return;
      const r = await act(input.value.trim());
      if (r.type === "ok" && value === undefined) input.value = "";
    } }, input, el("button", { type: "submit" }, label));
  };

  const controls = fac ? el("section", { class: "card controls" }, el("h2", {}, "Clock"),
    el("div", { class: "buttons" },
      el("button", { type: "button", onclick: () => run("start") }, "Start"),
      el("button", { type: "button", onclick: () => run("pause") }, "Pause"),
      el("button", { type: "button", onclick: () => run("resume") }, "Resume"),
      form("Advance", "duration, e.g. 10m", (v) => run(`advance ${v}`), "10m"),
      el("button", { type: "button", class: "danger", onclick: () => run("endex ended by the white cell") }, "ENDEX")),
    form("Broadcast", "a message to everyone", (v) => run(`broadcast ${v}`)),
    form("Run", "any command, e.g. score al 5 good call", (v) => run(v)),
    say) : null;

  const teamIds = app.S.teams.map((t) => t.id);
  const boardBody = el("tbody");
  const board = el("section", { class: "card board" }, el("h2", {}, "MSEL board"),
    el("div", { class: "scroll board-scroll" }, el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "Inject"), el("th", {}, "When"),
        teamIds.map((id) => el("th", {}, id)), fac ? el("th", {}, "") : null)),
      boardBody)));

  const pending = pendingPanel(app, run);
  const overrule = fac ? overrulePanel(app, run) : null;
  const timeline = timelinePanel(app);
  const cards = el("div", { class: "cards" });
  const teams = el("section", { class: "card" }, el("h2", {}, "Teams"), cards);
  const rfiList = el("ul", { class: "rfis" });
  const rfis = el("section", { class: "card" }, el("h2", {}, "RFIs"), rfiList);
  const matrix = el("div", { class: "scroll" });
  const shares = el("section", { class: "card" }, el("h2", {}, "Sharing"), matrix);
  const statePre = el("pre", { class: "state-json" });
  const stateBox = el("section", { class: "card" }, el("h2", {}, "Scenario state"), statePre);
  const errList = el("ul", { class: "errors" });
  const errors = el("section", { class: "card" }, el("h2", {}, "Script errors"), errList);
  const filter = el("select", { "aria-label": "feed filter", onchange: () => drawFeed() },
    el("option", { value: "" }, "all teams"), teamIds.map((id) => el("option", { value: id }, id)));
  const feedList = el("ol", { class: "feed" });
  const feed = el("section", { class: "card feed-card" }, el("h2", {}, "Feed ", filter), feedList);

  fill(root, el("div", { class: "staff " + (fac ? "facilitator" : "observer") },
    controls ? el("div", { class: "col wide" }, controls, composer(app, run)) : null,
    el("div", { class: controls ? "col" : "col full" }, teams, pending.node),
    el("div", { class: "col full" }, timeline.node, board, overrule ? overrule.node : null),
    el("div", { class: "col wide" }, rfis, feed),
    el("div", { class: "col" }, shares, stateBox, errors)));

  function drawBoard(now) {
    keyed(boardBody, app.S.injects.map((i) => i.id), (id) => el("tr", {},
      el("th", { class: "inj" }), el("td", { class: "when" }),
      teamIds.map((t) => el("td", { class: "cell" }, el("span", {}), fac ? [
        el("button", { type: "button", class: "small", "aria-label": `extend ${t} ${id} by 10 minutes`,
          onclick: () => run(`extend ${t} ${id} 10m`) }, "+10m"),
        el("button", { type: "button", class: "small quiet", "aria-label": `overrule ${t} on ${id}`,
          onclick: () => overrule.open(id, t) }, "Overrule")] : null)),
      fac ? el("td", {}, el("button", { type: "button", class: "small", onclick: () => run(`fire ${id}`) }, "Fire")) : null),
    (tr, id) => {
      const inj = app.S.injects.find((i) => i.id === id);
      const c = tr.children;
      fill(c[0], el("span", { class: "id" }, id), " ", inj.subject || "");
      c[1].textContent = inj.at !== null && inj.at !== undefined ? tplus(inj.at) : "on demand";
      teamIds.forEach((t, k) => {
        const [text, cls] = statusText(inj.teams[t], now);
        const [span, ext, over] = c[2 + k].children;
        span.textContent = text;
        c[2 + k].className = "cell " + cls;
        if (!fac) return;
        const st = inj.teams[t];
        ext.hidden = app.S.clock.state === "ended" || !st || st.status !== "pending";
        over.hidden = !st || !inj.decision || (st.status !== "decided" && st.status !== "timeout");
      });
    });
  }

  function drawTeams(now) {
    keyed(cards, teamIds, (id) => el("div", { class: "team-card" }, el("div", { class: "info" }),
      el("button", { type: "button", class: "small quiet", "aria-label": `timeline of ${id}`, onclick: () => timeline.open(id) }, "Timeline")),
    (card, id) => {
      const t = app.S.teams.find((x) => x.id === id);
      const owed = app.S.pending.filter((p) => p.team === id);
      fill(card.firstChild, el("h3", {}, t.name, " ", el("span", { class: "id" }, t.id)),
        el("p", {}, `${t.members ?? 0} online · score ${t.score ?? 0}`),
        owed.length === 0 ? el("p", { class: "quiet" }, "owes nothing") :
          el("ul", { class: "owed" }, owed.map((p) => el("li", {}, `${p.inject} · ${left(p.deadline, now) || "no deadline"}`))));
    });
  }

  function drawRfis() {
    keyed(rfiList, app.S.rfis.map((r) => r.id), (id) => {
      const r = app.S.rfis.find((x) => x.id === id);
      const li = el("li", { class: "rfi" }, el("p", { class: "q" }), el("p", { class: "a" }));
      // `reply RFI-ID TEXT` names the RFI; a server without it takes `reply TEAM TEXT`
      const answer = async (v) => {
        const r = await run(`reply ${id} ${v}`);
        return r.type === "error" && r.code === "unknown_team" ? run(`reply ${li.dataset.team} ${v}`) : r;
      };
      if (fac) li.append(form("Reply", `answer ${id}`, answer));
      li.dataset.team = r.team;
      return li;
    }, (li, id) => {
      const r = app.S.rfis.find((x) => x.id === id);
      fill(li.querySelector(".q"), el("span", { class: "id" }, `${id} · ${r.team} · ${r.by} · ${tplus(r.t)}`), " ", r.text);
      li.querySelector(".a").textContent = r.answered ? `answered: ${r.reply ?? ""}` : "open";
      li.classList.toggle("answered", !!r.answered);
      const f = li.querySelector("form");
      if (f) f.hidden = !!r.answered;
    });
  }

  function drawMatrix() {
    const cols = [...teamIds, "all"];
    fill(matrix, el("table", { class: "matrix" },
      el("thead", {}, el("tr", {}, el("th", {}, "from \u2192 to"), cols.map((c) => el("th", {}, c)))),
      el("tbody", {}, teamIds.map((f) => el("tr", {}, el("th", {}, f),
        cols.map((c) => {
          const n = (app.S.shares[f] || {})[c] || 0;
          return el("td", { class: n ? "hot" : "" }, f === c ? "·" : String(n));
        }))))));
  }

  function drawFeed() {
    const want = filter.value;
    const evs = app.feed.filter((e) => !want || teamsOf(e).includes(want)).slice(-200).reverse();
    fill(feedList, evs.map((e) => el("li", { class: "ev ev-" + e.type }, el("span", { class: "t" }, tplus(e.t ?? 0)), " ", describe(e))));
  }

  function drawRest() {
    statePre.textContent = JSON.stringify(app.S.state ?? {}, null, 2);
    fill(errList, app.S.script_errors.length === 0 ? [el("li", { class: "quiet" }, "none")] :
      app.S.script_errors.slice().reverse().map((e) => el("li", {}, `${tplus(e.t ?? 0)} ${e.file}:${e.line}: ${e.message}`)));
    drawRfis();
    drawMatrix();
    drawFeed();
  }

  // Members online, scores and the scenario state change without an event to this view: ask.
  let asking = false;
  async function refresh() {
    if (asking || !app.S) return;
    asking = true;
    try {
      const t = await app.command("teams");
      if (t.type === "ok") for (const x of t.teams) {
        const mine = app.S.teams.find((y) => y.id === x.id);
        if (mine) Object.assign(mine, { members: x.members, score: x.score });
      }
      const s = await app.command("state");
      if (s.type === "ok") app.S.state = s.state;
      drawRest();
    } finally {
      asking = false;
    }
  }
  const timer = setInterval(() => { if (!root.isConnected || app.view !== view) clearInterval(timer); else refresh(); }, 10000);
  let soon = null;

  const view = {
    draw() {
      const now = app.now();
      drawBoard(now);
      drawTeams(now);
      pending.draw(now);
    },
    event(ev) {
      timeline.event(ev);
      drawRest();
      clearTimeout(soon);
      soon = setTimeout(refresh, 500);
    },
  };
  drawRest();
  return view;
}
