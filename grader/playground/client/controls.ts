/**
 * The setup form (the data and the network editor) and the training buttons.
 * Every change goes through `onChange` with a whole new setup, so the page has
 * one place that rebuilds and writes the URL.
 */
import { ACTIVATIONS, DATASETS, LIMITS, normalise, type Setup } from "./state.ts";

export interface Handlers {
  onChange(next: Setup, what: "data" | "network" | "training" | "view"): void;
  onPlay(): void;
  onStep(): void;
  onReset(): void;
}

const ACT_LABELS: Record<string, string> = {
  tanh: "tanh",
  sigmoid: "sigmoid",
  relu: "ReLU",
  leakyRelu: "leaky ReLU",
  identity: "identity",
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text = "") {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}

function field(label: string, input: HTMLElement): HTMLLabelElement {
  const l = el("label", { class: "field" });
  l.append(el("span", {}, label), input);
  return l;
}

function select(name: string, options: readonly string[], value: string, labels: Record<string, string> = {}) {
  const s = el("select", { name });
  for (const o of options) s.append(el("option", { value: o }, labels[o] ?? o));
  s.value = value;
  return s;
}

function numberInput(name: string, value: number, attrs: Record<string, string> = {}) {
  return el("input", { name, type: "number", value: String(value), ...attrs });
}

export class Controls {
  readonly element = el("section", { class: "panel controls", "aria-label": "setup" });
  readonly play = el("button", { id: "play", type: "button" }, "▶ play");
  readonly step = el("button", { id: "step", type: "button" }, "step");
  readonly reset = el("button", { id: "reset", type: "button" }, "reset");

  constructor(private readonly handlers: Handlers) {
    this.play.addEventListener("click", () => handlers.onPlay());
    this.step.addEventListener("click", () => handlers.onStep());
    this.reset.addEventListener("click", () => handlers.onReset());
  }

  setPlaying(playing: boolean): void {
    this.play.textContent = playing ? "❚❚ pause" : "▶ play";
    this.play.setAttribute("aria-pressed", String(playing));
  }

  render(setup: Setup): void {
    const change = (what: "data" | "network" | "training" | "view", patch: Partial<Setup>) =>
      this.handlers.onChange(normalise({ ...setup, ...patch }), what);
    const buttons = el("div", { class: "buttons" });
    buttons.append(this.play, this.step, this.reset);

    const data = el("fieldset");
    data.append(el("legend", {}, "data"));
    const kind = select("data", DATASETS, setup.data);
    kind.addEventListener("change", () => change("data", { data: kind.value as Setup["data"] }));
    const points = numberInput("points", setup.points, { min: "10", max: String(LIMITS.points[1]), step: "10" });
    points.addEventListener("change", () => change("data", { points: Number(points.value) }));
    const noise = el("input", { name: "noise", type: "range", min: "0", max: "0.5", step: "0.01" });
    noise.value = String(setup.noise);
    noise.addEventListener("change", () => change("data", { noise: Number(noise.value) }));
    const seed = numberInput("dataSeed", setup.dataSeed, { min: "0", step: "1" });
    seed.addEventListener("change", () => change("data", { dataSeed: Number(seed.value) }));
    data.append(
      field("dataset", kind),
      field("points", points),
      field(`noise ${setup.noise}`, noise),
      field("seed", seed),
    );

    const net = el("fieldset");
    net.append(el("legend", {}, "network"));
    const layers = el("ol", { class: "layers" });
    setup.act.forEach((act, i) => {
      const output = i === setup.hidden.length;
      const li = el("li");
      li.append(el("span", { class: "layer-name" }, output ? `output (1)` : `hidden ${i + 1}`));
      if (!output) {
        const width = numberInput(`width${i}`, setup.hidden[i], { min: "1", max: String(LIMITS.width[1]) });
        width.setAttribute("aria-label", `units in hidden layer ${i + 1}`);
        width.addEventListener("change", () =>
          change("network", { hidden: setup.hidden.map((w, k) => (k === i ? Number(width.value) : w)) }),
        );
        li.append(width);
      }
      const g = select(`act${i}`, ACTIVATIONS, act, ACT_LABELS);
      g.setAttribute("aria-label", `activation of layer ${i + 1}`);
      g.addEventListener("change", () =>
        change("network", { act: setup.act.map((a, k) => (k === i ? (g.value as Setup["act"][number]) : a)) }),
      );
      li.append(g);
      layers.append(li);
    });
    const add = el("button", { type: "button", name: "addLayer" }, "+ layer");
    add.disabled = setup.hidden.length >= LIMITS.layers;
    add.addEventListener("click", () =>
      change("network", {
        hidden: [...setup.hidden, setup.hidden.at(-1) ?? 4],
        act: [...setup.act.slice(0, -1), setup.act.at(-2) ?? "tanh", setup.act.at(-1)!],
      }),
    );
    const remove = el("button", { type: "button", name: "removeLayer" }, "− layer");
    remove.disabled = setup.hidden.length === 0;
    remove.addEventListener("click", () =>
      change("network", { hidden: setup.hidden.slice(0, -1), act: [...setup.act.slice(0, -2), setup.act.at(-1)!] }),
    );
    const layerButtons = el("div", { class: "buttons" });
    layerButtons.append(add, remove);
    const eta = numberInput("eta", setup.eta, { min: "0", step: "0.01" });
    eta.addEventListener("change", () => change("training", { eta: Number(eta.value) }));
    const mode = select("mode", ["instance", "batch"], setup.mode, {
      instance: "per instance: your train",
      batch: "batch: mean gradient, sgdStep",
    });
    mode.addEventListener("change", () => change("training", { mode: mode.value as Setup["mode"] }));
    const init = numberInput("initSeed", setup.initSeed, { min: "0", step: "1" });
    init.addEventListener("change", () => change("network", { initSeed: Number(init.value) }));
    net.append(layers, layerButtons, field("η", eta), field("steps", mode), field("init seed", init));

    const view = el("fieldset");
    view.append(el("legend", {}, "opened up"));
    const pick = numberInput("pick", setup.pick, { min: "0", max: String(setup.points - 1), step: "1" });
    pick.addEventListener("change", () => change("view", { pick: Number(pick.value) }));
    view.append(field("instance (or click a point)", pick));

    this.element.replaceChildren(buttons, data, net, view);
  }
}
