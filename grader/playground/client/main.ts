/**
 * The playground page: keeps the setup, the data and the network, runs the
 * student's code a frame at a time while playing, and redraws the heatmap,
 * the loss curve, the diagram, the gradient check and the opened-up step.
 */
import "./style.css";
import type { Layer, Vector } from "../../../exercises/types.ts";
import { renderCheck, showFault } from "./checkview.ts";
import { Controls } from "./controls.ts";
import { makeDataset, type Points } from "./datasets.ts";
import { Diagram } from "./diagram.ts";
import { gradientCheck, sampleInstances, type CheckResult } from "./gradcheck.ts";
import { GRID_PAUSED, GRID_PLAYING, Heatmap } from "./heatmap.ts";
import { LossChart } from "./losschart.ts";
import { initialLayers } from "./network.ts";
import { fromQuery, toQuery, type Setup } from "./state.ts";
import { stepHtml } from "./stepview.ts";
import { epoch } from "./training.ts";
import * as s from "./student.ts";

const app = document.getElementById("app")!;
const banner = document.getElementById("banner")!;
const implLabel = app.dataset.impl ?? "exercises";

let setup: Setup = fromQuery(location.search);
let points: Points;
let ys: Vector[];
let layers: Layer[];
let fns: s.StudentFns | undefined;
let fault: s.Fault | undefined;
let playing = false;
let epochs = 0;
let lastLoss: number | undefined;
let check: CheckResult | undefined;
let frames = 0;
/** The work of the last frames, in ms: what a frame costs, whatever the display's rate. */
const recent = new Array<number>(120).fill(0);

const controls = new Controls({
  onChange: (next, what) => {
    setup = next;
    retry();
    history.replaceState(null, "", `?${toQuery(setup)}`);
    if (what === "data") loadData();
    if (what === "data" || what === "network") resetNetwork();
    controls.render(setup);
    refreshAll();
  },
  onPlay: () => {
    setPlaying(!playing);
    // Paused: the check and the opened-up step show the weights as they are now.
    if (!playing) refreshAll();
  },
  onStep: () => {
    setPlaying(false);
    stepEpoch();
    refreshAll();
  },
  onReset: () => {
    retry();
    resetNetwork();
    refreshAll();
  },
});
const heatmap = new Heatmap((index) => {
  setup = { ...setup, pick: index };
  history.replaceState(null, "", `?${toQuery(setup)}`);
  controls.render(setup);
  refreshAll();
});
const chart = new LossChart();
const diagram = new Diagram();
const status = Object.assign(document.createElement("p"), { id: "status" });
const checkPanel = Object.assign(document.createElement("div"), { id: "check" });
const stepPanel = Object.assign(document.createElement("div"), { id: "opened" });

function panel(cls: string, title: string, ...children: HTMLElement[]): HTMLElement {
  const section = document.createElement("section");
  section.className = `panel ${cls}`;
  const h = document.createElement("h2");
  h.textContent = title;
  section.append(h, ...children);
  return section;
}

app.replaceChildren(
  controls.element,
  panel("plane", "decision boundary", heatmap.canvas, status, chart.element),
  panel(
    "net",
    "network",
    diagram.canvas,
    Object.assign(document.createElement("h2"), { textContent: "gradient check" }),
    checkPanel,
  ),
  panel("step", "one step, opened up", stepPanel),
);

function loadData(): void {
  points = makeDataset(setup.data, setup.points, setup.noise, setup.dataSeed);
  ys = points.labels.map((l) => [l]);
}

function resetNetwork(): void {
  layers = initialLayers(setup);
  epochs = 0;
  lastLoss = undefined;
  chart.reset();
}

/** A new setup may run where the last one failed (a smaller η, no NaN): clear the banner and try again. */
function retry(): void {
  if (fault?.kind === "compile") return;
  fault = undefined;
  showFault(banner, undefined, implLabel);
}

function stop(f: s.Fault): void {
  fault = f;
  setPlaying(false);
  showFault(banner, fault, implLabel);
}

/** Runs `work`, turning the student's failures into the banner; other errors are the page's own. */
function guarded<T>(work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    if (error instanceof s.FaultError) {
      stop(error.fault);
      return undefined;
    }
    throw error;
  }
}

function setPlaying(next: boolean): void {
  playing = next && fns !== undefined && fault === undefined;
  controls.setPlaying(playing);
}

/** One epoch of the student's training, then the loss curve's next point. */
function stepEpoch(): void {
  const f = fns;
  if (!f || fault) return;
  guarded(() => {
    const out = epoch(f, layers, points.xs, ys, setup.eta, setup.mode);
    layers = out.layers;
    lastLoss = out.loss;
    epochs += 1;
    chart.push(epochs, lastLoss);
  });
}

function runCheck(): void {
  const f = fns;
  if (!f || fault)
    return renderCheck(checkPanel, undefined, fault ? "Fix the error above first." : "Loading your code…");
  check = guarded(() => gradientCheck(f, layers, points.xs, ys, sampleInstances(points.xs.length, setup.pick)));
  renderCheck(checkPanel, check, "The check could not run: see the error above.");
}

function renderStep(): void {
  const f = fns;
  const html =
    f && !fault ? guarded(() => stepHtml(f, layers, points.xs[setup.pick], ys[setup.pick], setup.pick)) : undefined;
  stepPanel.innerHTML = html ?? `<p class="note">Click a point on the plane to open up its step.</p>`;
}

/** The cheap part of a frame: heatmap, points, diagram, loss curve, status. */
function draw(): void {
  const f = fns;
  let acts: Vector[] | undefined;
  // The plane needs only forward: it stays drawn while another function is being fixed.
  if (f && (!fault || (fault.kind !== "compile" && fault.fn !== "forward"))) {
    const ok = guarded(() => {
      heatmap.compute(f, layers, playing ? GRID_PLAYING : GRID_PAUSED);
      return s.forward(f, layers, points.xs[setup.pick]).a;
    });
    if (ok) acts = [points.xs[setup.pick], ...ok];
  }
  if (!acts) heatmap.blank();
  heatmap.draw(points, setup.pick);
  diagram.draw(layers, acts);
  chart.draw();
  status.dataset.epoch = String(epochs);
  status.dataset.loss = lastLoss === undefined ? "" : String(lastLoss);
  status.textContent = `epoch ${epochs} · mean ε ${lastLoss === undefined ? "–" : lastLoss.toPrecision(4)} · ${setup.mode === "instance" ? "per instance" : "batch"}, η = ${setup.eta}`;
}

function refreshAll(): void {
  draw();
  runCheck();
  renderStep();
}

function frame(): void {
  if (playing) {
    const started = performance.now();
    stepEpoch();
    draw();
    frames += 1;
    // The check and the opened-up step cost more than a frame's drawing: about once a second is enough.
    if (frames % 30 === 0) runCheck();
    if (frames % 30 === 15) renderStep();
    recent[frames % recent.length] = performance.now() - started;
  }
  requestAnimationFrame(frame);
}

async function reloadStudent(version: number): Promise<void> {
  const loaded = await s.loadStudent(version);
  const wasPlaying = playing;
  fault = undefined;
  showFault(banner, undefined, implLabel);
  if ("kind" in loaded) {
    fns = undefined;
    stop(loaded as s.Fault);
  } else fns = loaded;
  resetNetwork();
  setPlaying(wasPlaying || new URLSearchParams(location.search).get("play") === "1");
  refreshAll();
}

// What tests and the benchmark read; nothing in the page depends on it.
Object.assign(window, {
  playground: {
    get stats() {
      return {
        frames,
        epoch: epochs,
        loss: lastLoss,
        recentMs: recent.slice(0, Math.min(frames, recent.length)),
        playing,
        check,
        fault,
        blueShare: heatmap.blueShare,
      };
    },
  },
});

loadData();
resetNetwork();
controls.render(setup);
refreshAll();
let loadedVersion = 0;
new EventSource("/events").onmessage = (event) => {
  const { version } = JSON.parse(event.data as string) as { version: number };
  if (version !== loadedVersion) {
    loadedVersion = version;
    void reloadStudent(version);
  }
};
requestAnimationFrame(frame);
