/**
 * Internal. The views of the backpropagation functions, forward, deltas and
 * gradients, each with the step from the student's own upstream value and the
 * known wrong steps. Only the case's own arguments and the kit's activations
 * are used, and every value read from the student's output is shape-checked.
 */
import type { LoadedCase } from "../fixtures/schema.ts";
import { activation } from "../sandbox/activations.ts";
import { layerLabel } from "./notation.ts";
import { isVec, matVec, outer, plus, times, transpose, type Mat, type Vec } from "./numeric.ts";
import {
  gPrimeOf,
  transposable,
  validLayers,
  vecOf,
  type LayerJson,
  type Steps,
  type Variant,
  type View,
} from "./views.ts";

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

export function forwardViews(c: LoadedCase): View[] | undefined {
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
          i === 0 ? undefined : vecOf(x, nPrev),
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
        if (!f) return { variants: [] };
        const variants: Variant[] = [
          { rel: "f-for-a", value: f },
          { rel: "g-twice", value: f.map((z) => g(g(z))) },
        ];
        if (layer.activation !== "sigmoid") variants.push({ rel: "sigmoid-for-g", value: f.map(sigmoid) });
        return { right: f.map((z) => g(z)), variants };
      },
      // a^[0] = x is no view of its own: a list that holds each layer's input has it first, then a^[1], …
      swaps: [
        { rel: "f-for-a", value: (e.f as Vec[])[i] },
        ...(i === 0 ? [{ rel: "layer", offset: -1, value: x }] : []),
      ],
    });
  });
  return views;
}

const sigmoid = activation("sigmoid").g;

/** f^[l] from the student's a^[l-1] (and f^[l-1] or x, which a student may feed forward instead). */
function forwardStep(layer: LayerJson, input: Vec | undefined, fPrev: Vec | undefined, x: Vec | undefined): Steps {
  if (!input) return { variants: [] };
  const weighted = matVec(transpose(layer.W), input);
  if (!weighted) return { variants: [] };
  const variants: Variant[] = [
    { rel: "no-bias", value: weighted },
    { rel: "bias-subtracted", value: weighted.map((v, j) => v - layer.b[j]) },
    { rel: "bias-twice", value: weighted.map((v, j) => v + 2 * layer.b[j]) },
  ];
  const fromF = fPrev && matVec(transpose(layer.W), fPrev);
  if (fromF) variants.push({ rel: "f-for-a-prev", value: plus(fromF, layer.b) });
  const fromX = x && matVec(transpose(layer.W), x);
  if (fromX) variants.push({ rel: "x-for-a-prev", value: plus(fromX, layer.b) });
  if (transposable(layer.W)) {
    const untransposed = matVec(layer.W, input)!;
    variants.push({ rel: "w-not-transposed", value: plus(untransposed, layer.b) });
    variants.push({ rel: "no-bias+w-not-transposed", value: untransposed });
  }
  return { right: plus(weighted, layer.b), variants };
}

/**
 * g′ of the layers next to layer i (its neighbours in the list), at f^[l]: a student who indexes the activation one
 * layer off. Never named (a "?" neighbour): where one of them gives the same value as a named step (an identity layer's
 * g′ is 1, so using it looks exactly like leaving g′ out), the evidence cannot tell which it was.
 */
function otherGprimes(layers: LayerJson[], i: number, f: Vec): Vec[] {
  const own = layers[i].activation;
  return [layers[i - 1], layers[i + 1]]
    .filter((l): l is LayerJson => l !== undefined && l.activation !== own)
    .map((l) => f.map((z) => gPrimeOf(l)(z)));
}

/**
 * g′ written in a as one activation's derivative, for a layer whose activation is another: a(1 − a) is σ′ and
 * 1 − a² is tanh′ only (for their own layers they are the right factor).
 */
function derivativeFormsOf(layer: LayerJson, a: Vec): Variant[] {
  const forms: Variant[] = [];
  if (layer.activation !== "sigmoid") forms.push({ rel: "sigmoid-form", value: a.map((v) => v * (1 - v)) });
  if (layer.activation !== "tanh") forms.push({ rel: "tanh-form", value: a.map((v) => 1 - v * v) });
  return forms;
}

/** δ^[l] from U = W^[l+1] δ^[l+1] (or dε/dŷ at the output), and the known wrong ways. */
function deltaStep(
  gpf: Vec,
  gpa: Vec,
  u: Vec | undefined,
  uT: Vec | undefined,
  output: Vec | undefined,
  others: Vec[] = [],
  forms: Variant[] = [],
): Steps {
  if (!u) return { variants: [] };
  const variants: Variant[] = [
    { rel: "no-gprime", value: u },
    { rel: "gprime-of-a", value: times(gpa, u) },
    { rel: "extra-gprime", value: times(gpf, times(gpf, u) ?? []) },
    { rel: "extra-gprime-a", value: times(gpa, times(gpf, u) ?? []) },
    ...others.map((g) => ({ rel: "?other-layer-gprime", value: times(g, u) })),
  ];
  for (const form of forms) variants.push({ rel: form.rel, value: times(form.value as Vec, u) });
  if (uT) {
    variants.push({ rel: "w-transposed", value: times(gpf, uT) });
    variants.push({ rel: "no-gprime+w-transposed", value: uT });
    variants.push({ rel: "gprime-of-a+w-transposed", value: times(gpa, uT) });
  }
  if (output) {
    variants.push({
      rel: "loss-sign",
      value: times(
        gpf,
        output.map((v) => -v),
      ),
    });
    // |ŷ − y| is y − ŷ wherever ŷ < y: only an output with ŷ > y somewhere tells the two apart.
    variants.push({ rel: "?loss-abs", value: times(gpf, output.map(Math.abs)) });
  }
  return { right: times(gpf, u), variants };
}

/** W^[l+1] δ^[l+1], and (W^[l+1])ᵀ δ^[l+1] when that differs, from the student's δ^[l+1]. */
function backProject(next: LayerJson, delta: Vec | undefined): [Vec | undefined, Vec | undefined] {
  if (!delta) return [undefined, undefined];
  return [matVec(next.W, delta), transposable(next.W) ? matVec(transpose(next.W), delta) : undefined];
}

export function deltaViews(c: LoadedCase): View[] | undefined {
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
        const others = otherGprimes(layers, i, (cache.f as Vec[])[i]);
        const form = derivativeFormsOf(layers[i], (cache.a as Vec[])[i]);
        if (upstream === undefined) return deltaStep(gpf, gpa, dE, undefined, undefined, others, form);
        const [u, uT] = backProject(layers[i + 1], vecOf(received(upstream), layers[i + 1].b.length));
        return deltaStep(gpf, gpa, u, uT, undefined, others, form);
      },
    });
  }
  return views;
}

export function gradientViews(c: LoadedCase): View[] | undefined {
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
      feeds: dbIndex + 1,
      gpf,
      gpa,
      steps: (received) => {
        const others = otherGprimes(layers, i, pass.f[i]);
        const form = derivativeFormsOf(layers[i], pass.a[i]);
        if (up === undefined) {
          const dE = plus(
            pass.a[L - 1],
            y.map((v) => -v),
          );
          return deltaStep(gpf, gpa, dE, undefined, dE, others, form);
        }
        const [u, uT] = backProject(layers[i + 1], vecOf(received(up), layers[i + 1].b.length));
        return deltaStep(gpf, gpa, u, uT, undefined, others, form);
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
        if (i > 0 && x.length === aPrev.length) variants.push({ rel: "x-for-a-prev", value: outer(x, delta) });
        return { right: outer(aPrev, delta), variants };
      },
    });
  }
  return views;
}
