// A team member's screen: the inbox, newest first, with a button per option, and the forms.
import { el, fill, keyed, tplus, left, describe } from "./view.js";

// The team view of app in root.
export function teamView(app, root) {
  const S = app.S;
  const say = el("p", { class: "reply-line", role: "status" });
  const run = async (line) => {
    const r = await app.command(line);
    say.textContent = r.type === "ok" ? "sent" : `${r.code}: ${r.message}`;
    say.className = "reply-line " + (r.type === "ok" ? "ok" : "error");
    return r;
  };
  // A form with a text box and a button labelled label that runs make(text); extra goes before the text box.
  const form = (label, placeholder, make, extra) => {
    const input = el("textarea", { rows: 2, placeholder, "aria-label": placeholder, maxlength: 4000 });
    return el("form", { class: "send", onsubmit: async (e) => {
      e.preventDefault();
      const v = input.value.trim().replace(/\s*\n\s*/g, " ");
      if (!v) return;
      const r = await run(make(v));
      if (r.type === "ok") input.value = "";
    } }, extra, input, el("button", { type: "submit" }, label));
  };

  const others = S.teams.filter((t) => t.id !== S.team);
  const target = el("select", { "aria-label": "share with" }, el("option", { value: "all" }, "all teams"),
    others.map((t) => el("option", { value: t.id }, `${t.name} (${t.id})`)));
  const langs = S.languages && S.languages.length > 1 ? el("label", { class: "lang" }, "Language ",
    el("select", { "aria-label": "language", onchange: (e) => run(`lang ${e.target.value}`) },
      S.languages.map((l) => el("option", { value: l, selected: l === S.lang }, l)))) : null;
  const me = S.teams.find((t) => t.id === S.team) || { name: S.team };
  const score = el("span", { class: "score" });
  const owed = el("p", { class: "owed-banner" });
  const inbox = el("ol", { class: "inbox" });
  const feedList = el("ol", { class: "feed" });

  fill(root, el("div", { class: "teamview" },
    el("div", { class: "col wide" },
      el("section", { class: "card" }, el("h2", {}, me.name, " ", score), langs, owed),
      el("section", { class: "card" }, el("h2", {}, "Inbox"), inbox)),
    el("div", { class: "col" },
      el("section", { class: "card forms" }, el("h2", {}, "Tell and ask"),
        form("Share", "share with another team", (v) => `share ${target.value} ${v}`,
          el("label", { class: "share-to" }, "Share with ", target)),
        form("RFI", "a question for the exercise control", (v) => `rfi ${v}`),
        form("Action", "an action your team takes", (v) => `action ${v}`),
        form("Say", "a message to your team", (v) => `say ${v}`),
        say),
      el("section", { class: "card" }, el("h2", {}, "Messages"), feedList))));

  function drawInbox(now) {
    const list = S.injects.slice().sort((a, b) => (b.team.fired_at ?? b.t) - (a.team.fired_at ?? a.t));
    keyed(inbox, list.map((i) => i.id), (id) => {
      const i = S.injects.find((x) => x.id === id);
      const li = el("li", { class: "inject" },
        el("div", { class: "meta" }, el("span", { class: "id" }, id), ` · ${i.channel || ""} · from ${i.from || "?"} · ${tplus(i.t)}`),
        el("h3", {}, i.subject || ""),
        el("p", { class: "body" }, i.body || ""),
        el("div", { class: "decision" }));
      if (i.decision) {
        const d = li.querySelector(".decision");
        d.append(el("p", { class: "prompt" }, i.decision.prompt || ""),
          el("div", { class: "options" }, i.decision.options.map((o) =>
            el("button", { type: "button", class: "option", onclick: () => run(`decide ${id} ${o.key}`) }, o.label || o.key))),
          el("p", { class: "left" }));
      }
      return li;
    }, (li, id) => {
      const i = S.injects.find((x) => x.id === id);
      if (!i.decision) return;
      const st = i.team;
      const open = st.status === "pending" && S.clock.state !== "ended";
      li.querySelector(".options").hidden = !open;
      li.classList.toggle("open", open);
      const label = (k) => (i.decision.options.find((o) => o.key === k) || { label: k }).label;
      li.querySelector(".left").textContent = open ? left(st.deadline, now) || "no deadline" :
        st.overruled ? `overruled by the exercise control: ${label(st.option)} (${st.overruled.reason ?? ""})` :
        st.status === "timeout" ? `deadline passed: ${st.option !== null ? label(st.option) : "no option"} recorded` :
        st.status === "decided" ? `decided: ${label(st.option)}` : "";
    });
  }

  function drawFeed() {
    const evs = app.feed.filter((e) => e.type !== "inject" && e.type !== "clock").slice(-100).reverse();
    fill(feedList, evs.map((e) => el("li", { class: "ev ev-" + e.type }, el("span", { class: "t" }, tplus(e.t ?? 0)), " ", describe(e))));
  }

  const view = {
    draw() {
      const now = app.now();
      const mine = S.pending.filter((p) => p.team === S.team);
      score.textContent = me.score !== undefined ? `score ${me.score}` : "";
      owed.textContent = mine.length ? `Your team owes ${mine.length} decision${mine.length > 1 ? "s" : ""}.` : "";
      drawInbox(now);
    },
    event() { drawFeed(); },
  };
  drawFeed();
  return view;
}
