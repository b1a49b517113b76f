// The projector: the clock, the phase and the broadcasts, in large type.
import { el, fill, tplus, world } from "./view.js";

// The screen view of app in root.
export function screenView(app, root) {
  const big = el("div", { class: "big-clock" });
  const sub = el("div", { class: "big-sub" });
  const list = el("ol", { class: "broadcasts" });
  fill(root, el("div", { class: "screenview" }, big, sub, list));
  const view = {
    draw() {
      const S = app.S, t = app.now();
      const w = world(S.clock.start, t); // "2024-11-12 09:10"
      big.textContent = w ? w.slice(11) : tplus(t);
      sub.textContent = `${w ? w.slice(0, 10) + " · " + tplus(t) : ""} · ${S.clock.state}${S.phase ? " · " + S.phase : ""}`.replace(/^ · /, "");
      const b = app.feed.filter((e) => e.type === "broadcast" || e.type === "end").slice(-4).reverse();
      fill(list, b.map((e) => el("li", {}, e.type === "end" ? `ENDEX ${e.reason ?? ""}` : e.text)));
    },
  };
  return view;
}
