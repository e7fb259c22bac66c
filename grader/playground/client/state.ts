/**
 * The playground's setup: the data, the network and the training, and its
 * round trip through the URL's query string so a setup can be shared. Values
 * from a URL are clamped to what the page supports, never trusted as given.
 */
import type { ActivationName } from "../../../exercises/types.ts";

export const DATASETS = ["xor", "circles", "gaussians", "spiral", "linear"] as const;
export type Dataset = (typeof DATASETS)[number];
export const ACTIVATIONS: ActivationName[] = ["tanh", "sigmoid", "relu", "leakyRelu", "identity"];

export interface Setup {
  data: Dataset;
  /** Number of points. */
  points: number;
  /** 0 … 0.5, the spread added to each point. */
  noise: number;
  dataSeed: number;
  /** Widths of the hidden layers, front to back. */
  hidden: number[];
  /** One per layer, hidden layers then the output layer. */
  act: ActivationName[];
  eta: number;
  /** "instance": the student's train, one step per instance; "batch": one step on the mean gradient. */
  mode: "instance" | "batch";
  initSeed: number;
  /** The instance opened up, an index into the points. */
  pick: number;
}

export const DEFAULT_SETUP: Setup = {
  data: "xor",
  points: 200,
  noise: 0.05,
  dataSeed: 1,
  hidden: [8, 8],
  act: ["tanh", "tanh", "sigmoid"],
  eta: 0.1,
  mode: "instance",
  initSeed: 1,
  pick: 0,
};

export const LIMITS = { points: [10, 1000], noise: [0, 0.5], layers: 6, width: [1, 16], eta: [1e-5, 100] } as const;

const clamp = (x: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, x));
const int = (text: string | null, fallback: number) => {
  const n = Number(text);
  return text !== null && text !== "" && Number.isFinite(n) ? Math.round(n) : fallback;
};
const num = (text: string | null, fallback: number) => {
  const n = Number(text);
  return text !== null && text !== "" && Number.isFinite(n) ? n : fallback;
};

/** Makes any setup consistent: one activation per layer, widths and counts within the limits. */
export function normalise(s: Setup): Setup {
  const hidden = s.hidden.slice(0, LIMITS.layers).map((w) => clamp(Math.round(w), LIMITS.width));
  const act = Array.from({ length: hidden.length + 1 }, (_, i) => {
    // A new hidden layer takes the activation of the hidden layer before it.
    const own = i === hidden.length ? s.act.at(-1) : i < s.act.length - 1 ? s.act[i] : s.act.at(-2);
    return own && ACTIVATIONS.includes(own) ? own : i === hidden.length ? "sigmoid" : "tanh";
  });
  const points = clamp(Math.round(s.points), LIMITS.points);
  return {
    data: DATASETS.includes(s.data) ? s.data : DEFAULT_SETUP.data,
    points,
    noise: clamp(s.noise, LIMITS.noise),
    dataSeed: Math.trunc(s.dataSeed) >>> 0,
    hidden,
    act,
    eta: clamp(s.eta, LIMITS.eta),
    mode: s.mode === "batch" ? "batch" : "instance",
    initSeed: Math.trunc(s.initSeed) >>> 0,
    pick: clamp(Math.round(s.pick), [0, points - 1]),
  };
}

export function toQuery(s: Setup): string {
  const q = new URLSearchParams({
    data: s.data,
    points: String(s.points),
    noise: String(s.noise),
    dataSeed: String(s.dataSeed),
    hidden: s.hidden.join(","),
    act: s.act.join(","),
    eta: String(s.eta),
    mode: s.mode,
    initSeed: String(s.initSeed),
    pick: String(s.pick),
  });
  return q.toString();
}

export function fromQuery(search: string): Setup {
  const q = new URLSearchParams(search);
  const d = DEFAULT_SETUP;
  const list = (key: string) =>
    q
      .get(key)
      ?.split(",")
      .filter((x) => x !== "");
  return normalise({
    data: (q.get("data") as Dataset) ?? d.data,
    points: int(q.get("points"), d.points),
    noise: num(q.get("noise"), d.noise),
    dataSeed: int(q.get("dataSeed"), d.dataSeed),
    hidden: q.has("hidden") ? (list("hidden") ?? []).map((w) => int(w, 4)) : d.hidden,
    act: (list("act") as ActivationName[] | undefined) ?? d.act,
    eta: num(q.get("eta"), d.eta),
    mode: q.get("mode") === "batch" ? "batch" : "instance",
    initSeed: int(q.get("initSeed"), d.initSeed),
    pick: int(q.get("pick"), d.pick),
  });
}
