/**
 * The layer-by-layer view of the network functions: forward, deltas,
 * gradients, sgdStep and train (and weightGradient, as one layer). Each quantity a layer
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
import type { LoadedCase } from "../fixtures/schema.ts";
import { deltaViews, forwardViews, gradientViews } from "./backprop-views.ts";
import { layerLabel } from "./notation.ts";
import { isMat, isVec, near, outer, type Mat, type Num, type Vec } from "./numeric.ts";
import { NO_STEPS, validLayers, type LayerJson, type Variant, type View } from "./views.ts";
import { activation } from "../sandbox/activations.ts";

export type { Steps, Variant, View } from "./views.ts";

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
            // η capped at 1 (for "stability") steps by the whole gradient when η > 1, exactly as η left out.
            { rel: "?eta-capped", value: step(Math.min(eta, 1)) },
          ],
        }),
      });
    }
  });
  return views.length === 2 * layers.length ? views : undefined;
}

/** The mean loss ε = ½‖ŷ − y‖² of `layers` over the data, or undefined where a value cannot be read. */
function meanLoss(layers: LayerJson[], xs: unknown, ys: unknown): number | undefined {
  if (!Array.isArray(xs) || !Array.isArray(ys) || xs.length === 0 || xs.length !== ys.length) return undefined;
  let total = 0;
  for (let i = 0; i < xs.length; i++) {
    let a = xs[i] as unknown;
    for (const { W, b, activation: name } of layers) {
      if (!isVec(a) || W.length !== a.length) return undefined;
      const input = a;
      a = b.map((bj, j) => activation(name).g(input.reduce((s, v, r) => s + W[r][j] * v, bj)));
    }
    const y = ys[i] as unknown;
    if (!isVec(a) || !isVec(y) || a.length !== y.length) return undefined;
    total += 0.5 * a.reduce((s, v, j) => s + (v - (y as Vec)[j]) ** 2, 0);
  }
  return total / xs.length;
}

/**
 * train: the final W^[l] and b^[l], then the losses. The epochs in between are not seen, so the one step a view has is
 * the layers passed in, returned unchanged (sgdStep's result thrown away); then every epoch's loss is that of the
 * layers passed in, which the losses follow from.
 */
function trainViews(c: LoadedCase): View[] | undefined {
  const e = c.expected as { layers?: unknown; losses?: unknown };
  const [initial, xs, ys] = c.args as [unknown, unknown, unknown];
  if (!e || !Array.isArray(e.layers) || !isVec(e.losses) || !validLayers(initial)) return undefined;
  const views: View[] = [];
  /** Each weight view's value in the layers passed in, by view index. */
  const before: (Num | undefined)[] = [];
  (e.layers as { W?: unknown; b?: unknown }[]).forEach((layer, i) => {
    for (const symbol of ["W", "b"] as const) {
      const value = layer?.[symbol];
      const passed = initial[i]?.[symbol];
      if (isMat(value) || isVec(value)) {
        before.push(passed);
        views.push({
          label: layerLabel(symbol, i),
          symbol,
          path: ["layers", i, symbol],
          expected: value,
          steps: () => ({ variants: passed ? [{ rel: "no-update", value: passed }] : [] }),
        });
      }
    }
  });
  const weights = views.length;
  const losses = e.losses;
  views.push({
    label: "losses",
    symbol: "losses",
    path: ["losses"],
    expected: losses,
    upstream: weights - 1,
    steps: (received) => {
      // Only layers that never moved tell what every epoch's loss was.
      const unchanged = before.every((value, j) => value !== undefined && near(value, received(j) ?? []));
      const loss = unchanged ? meanLoss(initial, xs, ys) : undefined;
      return loss === undefined ? { variants: [] } : { right: losses.map(() => loss), variants: [] };
    },
  });
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

/** The activation whose derivative each 03 function computes, and its value g(z, α). */
const DERIVATIVE_OF: Record<string, (z: number, alpha: number) => number> = {
  sigmoidPrime: (z) => activation("sigmoid").g(z),
  tanhPrime: (z) => Math.tanh(z),
  reluPrime: (z) => Math.max(z, 0),
  leakyReluPrime: (z, alpha) => (z > 0 ? z : alpha * z),
  identityPrime: (z) => z,
};

/** A sibling activation's derivative, which a derivative copied from the wrong function computes. */
const SIBLING_DERIVATIVE: Record<string, (z: number) => number> = {
  sigmoidPrime: (z) => 1 - Math.tanh(z) ** 2,
  tanhPrime: (z) => activation("sigmoid").gPrime(z),
  reluPrime: (z) => (z > 0 ? 1 : 0.01),
  leakyReluPrime: (z) => (z > 0 ? 1 : 0),
};

/**
 * g(z) for a derivative g′(z): what a student returns who forgets to differentiate; and a sibling activation's
 * derivative (tanh′ for σ′, leaky relu′ for relu′), which a derivative copied from the wrong function computes.
 */
function functionForDerivative(c: LoadedCase): Variant[] {
  const g = DERIVATIVE_OF[c.fn];
  const [z, alpha] = c.args as [unknown, unknown];
  if (!g || !isVec(z)) return [];
  const sibling = SIBLING_DERIVATIVE[c.fn];
  return [
    { rel: "g-for-gprime", value: z.map((v) => g(v, typeof alpha === "number" ? alpha : 0.01)) },
    // identity′ has no sibling: no other activation's derivative is a constant copied by mistake.
    ...(sibling ? [{ rel: "sibling-derivative", value: z.map((v) => sibling(v)) }] : []),
  ];
}

/** The loss's own terms, (ŷ_j − y_j)² or their half, for its derivative: what a student returns who forgets to differentiate. */
function lossForGradient(c: LoadedCase): Variant[] {
  const [yHat, y] = c.args as [unknown, unknown];
  if (c.fn !== "lossGradient" || !isVec(yHat) || !isVec(y) || yHat.length !== y.length) return [];
  const terms = yHat.map((v, j) => (v - y[j]) ** 2);
  return [
    { rel: "loss-for-gradient", value: terms },
    { rel: "loss-for-gradient", value: terms.map((t) => t / 2) },
  ];
}

/**
 * The autodiff program's values, then its gradients: a gradient's relation to the right one is named only where every
 * value is right (a wrong value explains nothing about the gradients that follow from it).
 */
function autodiffViews(c: LoadedCase): View[] | undefined {
  const e = c.expected as { data?: unknown; grad?: unknown } | null;
  if (!e || !isVec(e.data) || !isVec(e.grad)) return undefined;
  return [
    { label: "data", symbol: "data", path: ["data"], expected: e.data, steps: NO_STEPS, nodes: true },
    { label: "grad", symbol: "grad", path: ["grad"], expected: e.grad, steps: NO_STEPS, nodes: true },
  ];
}

/** Any other function with a numeric output: one view of the whole output. */
function wholeView(c: LoadedCase): View[] | undefined {
  if (typeof c.expected === "number") {
    return [{ label: c.fn, symbol: c.fn, path: [], expected: [c.expected], scalar: true, steps: NO_STEPS }];
  }
  if (isVec(c.expected) || isMat(c.expected)) {
    const swaps = [...functionForDerivative(c), ...lossForGradient(c)];
    return [{ label: c.fn, symbol: c.fn, path: [], expected: c.expected, steps: NO_STEPS, swaps }];
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

/** Functions with views of their own that are no layers: nothing is traced layer by layer for them. */
const UNLAYERED: Record<string, (c: LoadedCase) => View[] | undefined> = { autodiff: autodiffViews };

/** Whether the function has more than one layer to trace. */
export function isLayered(fn: string): boolean {
  return fn in MODELS && fn !== "weightGradient";
}

/** The views of a case's expected output, in the order the function computes them; undefined when it has none. */
export function viewsOf(c: LoadedCase): View[] | undefined {
  const views = (MODELS[c.fn] ?? UNLAYERED[c.fn] ?? wholeView)(c);
  return views && views.every((v) => isVec(v.expected) || isMat(v.expected)) ? views : undefined;
}
