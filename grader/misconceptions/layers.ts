/**
 * The layer-by-layer view of the network functions: forward, deltas,
 * gradients, sgdStep (and weightGradient, as one layer). Each quantity a layer
 * computes (f^[l], a^[l], δ^[l], dW^[l], db^[l], W^[l], b^[l]) is a view, in
 * the order the function computes them, with the step that computes it from
 * the quantity before it. The step is evaluated on the student's own value of
 * that quantity: a view whose value is the right step from a wrong input
 * "follows" from it; one that is a known wrong step names a mistake for that
 * layer alone.
 *
 * Only the case's own arguments and the kit's activations are used, and every
 * value read from the student's output is shape-checked before use.
 */
import type { ActivationName } from "../../exercises/types.ts";
import type { LoadedCase } from "../fixtures/schema.ts";
import { activation } from "../sandbox/activations.ts";
import { layerLabel } from "./notation.ts";
import { isMat, isVec, matVec, outer, plus, times, transpose, type Mat, type Num, type Vec } from "./numeric.ts";

/** A wrong step, and what it gives. `rel` is a relation id (relations.ts); "a+b" is two at once. */
export interface Variant {
  rel: string;
  /** The constant of a scaled step. */
  k?: number;
  value: Num | undefined;
}

export interface Steps {
  /** The right step from the student's own upstream value. */
  right?: Num;
  variants: Variant[];
}

export interface View {
  label: string;
  symbol: string;
  path: (string | number)[];
  expected: Num;
  /** A scalar output, checked as a vector of one. */
  scalar?: boolean;
  /** The view this one is computed from, when the student's value of it is visible. */
  upstream?: number;
  steps: (received: (view: number) => Num | undefined) => Steps;
  /** g′(f^[l]) and g′(a^[l]), for the factor relations. */
  gpf?: Vec;
  gpa?: Vec;
  /** Values due elsewhere that a student may return here (a^[l] for f^[l], …). */
  swaps?: Variant[];
}

interface LayerJson {
  W: Mat;
  b: Vec;
  activation: ActivationName;
}

const NO_STEPS = (): Steps => ({ variants: [] });

function validLayers(v: unknown): v is LayerJson[] {
  return Array.isArray(v) && v.length > 0 && v.every((l) => l && isMat(l.W) && isVec(l.b));
}

function gPrimeOf(layer: LayerJson): (z: number) => number {
  return activation(layer.activation).gPrime;
}

function vecOf(v: Num | undefined, length: number): Vec | undefined {
  return isVec(v) && v.length === length ? v : undefined;
}

/** Square and not symmetric: only then are W and Wᵀ both usable and told apart. */
function transposable(m: Mat): boolean {
  return m.length === m[0].length && m.some((row, r) => row.some((v, c) => v !== m[c][r]));
}

/** f^[l] and a^[l] for every layer, with the kit's activations, from the case's own arguments. */
function forwardPass(layers: LayerJson[], x: Vec): { f: Vec[]; a: Vec[] } | undefined {
  const f: Vec[] = [];
  const a: Vec[] = [];
  let input = x;
  for (const layer of layers) {
    const weighted = matVec(transpose(layer.W), input);
    const fl = weighted && plus(weighted, layer.b);
    if (!fl) return undefined;
    const g = activation(layer.activation).g;
    f.push(fl);
    a.push(fl.map((z) => g(z)));
    input = a[a.length - 1];
  }
  return { f, a };
}

function forwardViews(c: LoadedCase): View[] | undefined {
  const [layers, x] = c.args as [unknown, unknown];
  const e = c.expected as { f?: unknown; a?: unknown };
  if (!validLayers(layers) || !isVec(x) || !e || !Array.isArray(e.f) || !Array.isArray(e.a)) return undefined;
  const views: View[] = [];
  layers.forEach((layer, i) => {
    const n = layer.b.length;
    const nPrev = layer.W.length;
    const g = activation(layer.activation).g;
    const fIndex = views.length;
    views.push({
      label: layerLabel("f", i),
      symbol: "f",
      path: ["f", i],
      expected: (e.f as Vec[])[i],
      upstream: i > 0 ? fIndex - 1 : undefined,
      steps: (received) =>
        forwardStep(
          layer,
          i === 0 ? x : vecOf(received(fIndex - 1), nPrev),
          i === 0 ? undefined : vecOf(received(fIndex - 2), nPrev),
        ),
      swaps: [{ rel: "a-for-f", value: (e.a as Vec[])[i] }],
    });
    views.push({
      label: layerLabel("a", i),
      symbol: "a",
      path: ["a", i],
      expected: (e.a as Vec[])[i],
      upstream: fIndex,
      steps: (received) => {
        const f = vecOf(received(fIndex), n);
        return f ? { right: f.map((z) => g(z)), variants: [{ rel: "f-for-a", value: f }] } : { variants: [] };
      },
      swaps: [{ rel: "f-for-a", value: (e.f as Vec[])[i] }],
    });
  });
  return views;
}

/** f^[l] from the student's a^[l-1] (and f^[l-1], which a student may feed forward instead). */
function forwardStep(layer: LayerJson, input: Vec | undefined, fPrev: Vec | undefined): Steps {
  if (!input) return { variants: [] };
  const weighted = matVec(transpose(layer.W), input);
  if (!weighted) return { variants: [] };
  const variants: Variant[] = [{ rel: "no-bias", value: weighted }];
  const fromF = fPrev && matVec(transpose(layer.W), fPrev);
  if (fromF) variants.push({ rel: "f-for-a-prev", value: plus(fromF, layer.b) });
  if (transposable(layer.W)) {
    const untransposed = matVec(layer.W, input)!;
    variants.push({ rel: "w-not-transposed", value: plus(untransposed, layer.b) });
    variants.push({ rel: "no-bias+w-not-transposed", value: untransposed });
  }
  return { right: plus(weighted, layer.b), variants };
}

/** δ^[l] from U = W^[l+1] δ^[l+1] (or dε/dŷ at the output), and the known wrong ways. */
function deltaStep(gpf: Vec, gpa: Vec, u: Vec | undefined, uT: Vec | undefined, output: Vec | undefined): Steps {
  if (!u) return { variants: [] };
  const variants: Variant[] = [
    { rel: "no-gprime", value: u },
    { rel: "gprime-of-a", value: times(gpa, u) },
    { rel: "extra-gprime", value: times(gpf, times(gpf, u) ?? []) },
    { rel: "extra-gprime-a", value: times(gpa, times(gpf, u) ?? []) },
  ];
  if (uT) {
    variants.push({ rel: "w-transposed", value: times(gpf, uT) });
    variants.push({ rel: "no-gprime+w-transposed", value: uT });
    variants.push({ rel: "gprime-of-a+w-transposed", value: times(gpa, uT) });
  }
  if (output)
    variants.push({
      rel: "loss-sign",
      value: times(
        gpf,
        output.map((v) => -v),
      ),
    });
  return { right: times(gpf, u), variants };
}

/** W^[l+1] δ^[l+1], and (W^[l+1])ᵀ δ^[l+1] when that differs, from the student's δ^[l+1]. */
function backProject(next: LayerJson, delta: Vec | undefined): [Vec | undefined, Vec | undefined] {
  if (!delta) return [undefined, undefined];
  return [matVec(next.W, delta), transposable(next.W) ? matVec(transpose(next.W), delta) : undefined];
}

function deltaViews(c: LoadedCase): View[] | undefined {
  const [layers, cache, dE] = c.args as [unknown, { f?: unknown; a?: unknown }, unknown];
  if (!validLayers(layers) || !cache || !Array.isArray(cache.f) || !Array.isArray(cache.a) || !isVec(dE)) return;
  if (!Array.isArray(c.expected)) return undefined;
  const L = layers.length;
  const views: View[] = [];
  for (let k = 0; k < L; k++) {
    const i = L - 1 - k;
    const gp = gPrimeOf(layers[i]);
    const gpf = (cache.f[i] as Vec).map((z) => gp(z));
    const gpa = (cache.a[i] as Vec).map((z) => gp(z));
    const upstream = k > 0 ? k - 1 : undefined;
    views.push({
      label: layerLabel("δ", i),
      symbol: "δ",
      path: [i],
      expected: (c.expected as Vec[])[i],
      upstream,
      gpf,
      gpa,
      steps: (received) => {
        if (upstream === undefined) return deltaStep(gpf, gpa, dE, undefined, undefined);
        const [u, uT] = backProject(layers[i + 1], vecOf(received(upstream), layers[i + 1].b.length));
        return deltaStep(gpf, gpa, u, uT, undefined);
      },
    });
  }
  return views;
}

function gradientViews(c: LoadedCase): View[] | undefined {
  const [layers, x, y] = c.args as [unknown, unknown, unknown];
  const e = c.expected as { dW?: unknown; db?: unknown };
  if (!validLayers(layers) || !isVec(x) || !isVec(y) || !e || !Array.isArray(e.dW) || !Array.isArray(e.db)) return;
  const pass = forwardPass(layers, x);
  if (!pass) return undefined;
  const L = layers.length;
  const views: View[] = [];
  for (let k = 0; k < L; k++) {
    const i = L - 1 - k;
    const gp = gPrimeOf(layers[i]);
    const gpf = pass.f[i].map((z) => gp(z));
    const gpa = pass.a[i].map((z) => gp(z));
    const dbIndex = views.length;
    const up = k > 0 ? dbIndex - 2 : undefined;
    views.push({
      label: layerLabel("db", i),
      symbol: "db",
      path: ["db", i],
      expected: (e.db as Vec[])[i],
      upstream: up,
      gpf,
      gpa,
      steps: (received) => {
        if (up === undefined) {
          const dE = plus(
            pass.a[L - 1],
            y.map((v) => -v),
          );
          return deltaStep(gpf, gpa, dE, undefined, dE);
        }
        const [u, uT] = backProject(layers[i + 1], vecOf(received(up), layers[i + 1].b.length));
        return deltaStep(gpf, gpa, u, uT, undefined);
      },
    });
    const aPrev = i === 0 ? x : pass.a[i - 1];
    views.push({
      label: layerLabel("dW", i),
      symbol: "dW",
      path: ["dW", i],
      expected: (e.dW as Mat[])[i],
      upstream: dbIndex,
      steps: (received) => {
        const delta = vecOf(received(dbIndex), layers[i].b.length);
        if (!delta) return { variants: [] };
        const variants: Variant[] = [
          { rel: "uses-a-l", value: outer(pass.a[i], delta) },
          { rel: "dw-transposed", value: outer(delta, aPrev) },
        ];
        if (i > 0) variants.push({ rel: "f-for-a-prev", value: outer(pass.f[i - 1], delta) });
        return { right: outer(aPrev, delta), variants };
      },
    });
  }
  return views;
}

function sgdViews(c: LoadedCase): View[] | undefined {
  const [layers, grads, eta] = c.args as [unknown, { dW?: unknown; db?: unknown }, unknown];
  if (!validLayers(layers) || !grads || typeof eta !== "number" || !Array.isArray(c.expected)) return undefined;
  const views: View[] = [];
  layers.forEach((layer, i) => {
    const parts: [string, Num, Num | undefined][] = [
      ["W", layer.W, (grads.dW as Mat[] | undefined)?.[i]],
      ["b", layer.b, (grads.db as Vec[] | undefined)?.[i]],
    ];
    for (const [symbol, w, g] of parts) {
      const expected = (c.expected as Record<string, Num>[])[i]?.[symbol];
      if (!expected || !g) return;
      const step = (k: number) =>
        isMat(w)
          ? w.map((row, r) => row.map((v, j) => v - k * (g as Mat)[r][j]))
          : (w as Vec).map((v, j) => v - k * (g as Vec)[j]);
      views.push({
        label: layerLabel(symbol, i),
        symbol,
        path: [i, symbol],
        expected,
        steps: () => ({
          variants: [
            { rel: "ascent", value: step(-eta) },
            { rel: "eta-missing", value: step(1) },
            { rel: "eta-twice", value: step(eta * eta) },
            { rel: "eta-divided", value: step(1 / eta) },
            { rel: "step-scaled", k: 0.5, value: step(eta / 2) },
            { rel: "step-scaled", k: 2, value: step(2 * eta) },
            { rel: "no-update", value: w },
          ],
        }),
      });
    }
  });
  return views.length === 2 * layers.length ? views : undefined;
}

/** train: the final W^[l] and b^[l], then the losses; no steps, since the epochs in between are not seen. */
function trainViews(c: LoadedCase): View[] | undefined {
  const e = c.expected as { layers?: unknown; losses?: unknown };
  if (!e || !Array.isArray(e.layers) || !isVec(e.losses)) return undefined;
  const views: View[] = [];
  (e.layers as { W?: unknown; b?: unknown }[]).forEach((layer, i) => {
    for (const symbol of ["W", "b"] as const) {
      const value = layer?.[symbol];
      if (isMat(value) || isVec(value)) {
        views.push({
          label: layerLabel(symbol, i),
          symbol,
          path: ["layers", i, symbol],
          expected: value,
          steps: NO_STEPS,
        });
      }
    }
  });
  views.push({ label: "losses", symbol: "losses", path: ["losses"], expected: e.losses, steps: NO_STEPS });
  return views;
}

function weightGradientViews(c: LoadedCase): View[] | undefined {
  const [aPrev, delta] = c.args as [unknown, unknown];
  if (!isVec(aPrev) || !isVec(delta) || !isMat(c.expected)) return undefined;
  return [
    {
      label: "dW",
      symbol: "dW",
      path: [],
      expected: c.expected,
      steps: () => ({ variants: [{ rel: "dw-transposed", value: outer(delta, aPrev) }] }),
    },
  ];
}

/** Any other function with a numeric output: one view of the whole output. */
function wholeView(c: LoadedCase): View[] | undefined {
  if (typeof c.expected === "number") {
    return [{ label: c.fn, symbol: c.fn, path: [], expected: [c.expected], scalar: true, steps: NO_STEPS }];
  }
  if (isVec(c.expected) || isMat(c.expected)) {
    return [{ label: c.fn, symbol: c.fn, path: [], expected: c.expected, steps: NO_STEPS }];
  }
  return undefined;
}

const MODELS: Record<string, (c: LoadedCase) => View[] | undefined> = {
  forward: forwardViews,
  deltas: deltaViews,
  gradients: gradientViews,
  sgdStep: sgdViews,
  train: trainViews,
  weightGradient: weightGradientViews,
};

/** Whether the function has more than one layer to trace. */
export function isLayered(fn: string): boolean {
  return fn in MODELS && fn !== "weightGradient";
}

/** The views of a case's expected output, in the order the function computes them; undefined when it has none. */
export function viewsOf(c: LoadedCase): View[] | undefined {
  const views = (MODELS[c.fn] ?? wholeView)(c);
  return views && views.every((v) => isVec(v.expected) || isMat(v.expected)) ? views : undefined;
}
