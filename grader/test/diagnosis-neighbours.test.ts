/**
 * A mistake is named only where the case can tell it apart from its
 * neighbours, the other mistakes that give the same values there: g′ of the
 * next layer where that layer is the identity (g′ = 1, exactly "no g′"),
 * |ŷ − y| where ŷ < y everywhere (exactly y − ŷ), "δ^[L] without g′" on a
 * one-layer network (exactly "δ without g′" in every layer, or L = 1 special-
 * cased without g′). Where it cannot, nothing is named and a public case's
 * trace still says which quantities are wrong.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Diagnoser } from "../engine/grade.ts";
import type { LoadedCase } from "../fixtures/schema.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { loadCatalogue, makeDiagnoser } from "../misconceptions/diagnose.ts";
import { activation } from "../sandbox/activations.ts";
import type { ActivationName } from "../../exercises/types.ts";

const cases = loadCases(loadManifest(), { visibility: ["public", "hidden"] });
let live: Diagnoser;
beforeAll(async () => {
  live = makeDiagnoser(await loadCatalogue());
});

type Vec = number[];
type LayerJson = { W: number[][]; b: Vec; activation: ActivationName };
const g = (l: LayerJson) => activation(l.activation);
const byKey = (key: string, visibility = "public") => cases.find((c) => c.key === key && c.visibility === visibility)!;

/** The forward pass and the δ recursion, with the factor each layer's δ takes (right: g′(f^[l]) of its own layer). */
function backprop(layers: LayerJson[], x: Vec, dE: (yHat: Vec) => Vec, factor: (l: number, f: number) => number) {
  const f: Vec[] = [];
  const a: Vec[] = [];
  let input = x;
  for (const l of layers) {
    const fl = l.b.map((b, j) => input.reduce((s, v, r) => s + v * l.W[r][j], b));
    f.push(fl);
    input = fl.map((z) => g(l).g(z));
    a.push(input);
  }
  const L = layers.length;
  const d: Vec[] = new Array(L);
  d[L - 1] = dE(a[L - 1]).map((e, j) => factor(L - 1, f[L - 1][j]) * e);
  for (let i = L - 2; i >= 0; i--) {
    d[i] = f[i].map((z, r) => factor(i, z) * layers[i + 1].W[r].reduce((s, w, j) => s + w * d[i + 1][j], 0));
  }
  const dW = d.map((dl, i) => (i === 0 ? x : a[i - 1]).map((v) => dl.map((dj) => v * dj)));
  return { f, a, d, dW };
}

/** deltas whose hidden layers take the next layer's g′, at their own f. */
function deltasNextLayerGprime(c: LoadedCase): Vec[] {
  const [layers, cache, dE] = c.args as [LayerJson[], { f: Vec[] }, Vec];
  const L = layers.length;
  const d: Vec[] = new Array(L);
  d[L - 1] = cache.f[L - 1].map((z, j) => g(layers[L - 1]).gPrime(z) * dE[j]);
  for (let i = L - 2; i >= 0; i--) {
    d[i] = cache.f[i].map(
      (z, r) => g(layers[i + 1]).gPrime(z) * layers[i + 1].W[r].reduce((s, w, j) => s + w * d[i + 1][j], 0),
    );
  }
  return d;
}

/** gradients, with `dE` for dε/dŷ and `factor` for each layer's g′. */
function gradientsWith(dE: (yHat: Vec, y: Vec) => Vec, factor?: (layers: LayerJson[], l: number, f: number) => number) {
  return (c: LoadedCase) => {
    const [layers, x, y] = c.args as [LayerJson[], Vec, Vec];
    const k = factor ?? ((ls, l, z) => g(ls[l]).gPrime(z));
    const { d, dW } = backprop(
      layers,
      x,
      (yHat) => dE(yHat, y),
      (l, z) => k(layers, l, z),
    );
    return { dW, db: d };
  };
}

const nextLayerGprime = (layers: LayerJson[], l: number, z: number) => g(layers[l + 1] ?? layers[l]).gPrime(z);
const yMinusYhat = (yHat: Vec, y: Vec) => yHat.map((v, j) => y[j] - v);

/** A copy of a case with other arguments and the reference's expected value for them. */
function lossGradientCase(yHat: Vec, y: Vec): LoadedCase {
  const base = byKey("06-gradients/loss-gradient-length-3");
  return { ...base, key: `${base.key}-variant`, args: [yHat, y], expected: yHat.map((v, j) => v - y[j]) };
}

describe("a mistake whose neighbour gives the same values is not named", () => {
  it.each([
    // The issue's own example: a 1-1 network with an identity output, where the next layer's g′ is 1.
    ["g′ of the next (identity) layer, 1-1 tanh → identity", byKey("06-gradients/gradients-one-unit-layers", "hidden")],
    ["g′ of the next layer, the last hidden layer before an identity output", byKey("06-gradients/shapes-random-a")],
  ])("%s", (_what, c) => {
    const received = gradientsWith((yHat, y) => yHat.map((v, j) => v - y[j]), nextLayerGprime)(c);
    expect(live(c, received)?.diagnosis?.id).not.toBe("delta-missing-gprime");
  });

  it("deltas with the next layer's g′, on a network whose output is the identity: no 'δ without g′'", () => {
    const c = byKey("05-delta/three-layer-4-3-3-2"); // sigmoid, tanh, identity
    const finding = live(c, deltasNextLayerGprime(c));
    expect(finding?.diagnosis?.id).toBeUndefined();
    // Nothing named, but the trace still says which δ is wrong.
    expect(finding?.trace).toMatch(/δ\^\[2\] ✗/);
  });

  // One layer: "δ^[L] without g′", "δ without g′ everywhere" and "L = 1 special-cased without g′" are one output.
  const oneLayer = cases.filter((c) => c.fn === "deltas" && (c.args[0] as LayerJson[]).length === 1);
  it.each(oneLayer.map((c) => ({ label: `${c.visibility}/${c.key}`, c })))(
    "$label: δ^[1] = dε/dŷ names nothing, and a public trace says which δ is wrong",
    ({ c }) => {
      const finding = live(c, [(c.args[2] as Vec).slice()]);
      expect(finding?.diagnosis).toBeUndefined();
      const identity = (c.args[0] as LayerJson[])[0].activation === "identity";
      if (c.visibility === "public" && !identity) expect(finding?.trace).toBe("δ^[1] ✗ (every unit)");
    },
  );

  it.each([
    ["ŷ < y everywhere: y − ŷ is |ŷ − y| too", lossGradientCase([0.1, 0.2], [0.5, 0.9]), undefined],
    [
      "ŷ > y somewhere: y − ŷ is told apart from |ŷ − y|",
      lossGradientCase([0.7, 0.2], [0.5, 0.9]),
      "loss-gradient-sign",
    ],
  ])("lossGradient, %s", (_what, c, id) => {
    expect(live(c, yMinusYhat(c.args[0] as Vec, c.args[1] as Vec))?.diagnosis?.id).toBe(id);
  });

  it("gradients from y − ŷ on a one-output network with ŷ < y: not named as the sign", () => {
    const c = byKey("06-gradients/gradients-one-unit-layers", "hidden");
    const [layers, x, y] = c.args as [LayerJson[], Vec, Vec];
    const yHat = backprop(
      layers,
      x,
      (v) => v,
      () => 1,
    ).a[layers.length - 1];
    const received = gradientsWith(yMinusYhat)(c);
    const id = live(c, received)?.diagnosis?.id;
    if (yHat[0] < y[0]) expect(id).toBeUndefined();
    else expect(id).toBe("loss-gradient-sign");
  });
});

describe("a mistake the case can tell apart is still named", () => {
  it.each([
    ["δ without g′ in the hidden layers (tanh → sigmoid)", "05-delta/square-3-3-3"],
    ["δ without g′ in the hidden layers (sigmoid → tanh → identity)", "05-delta/three-layer-4-3-3-2"],
  ])("%s", (_what, key) => {
    const c = byKey(key);
    const [layers, cache, dE] = c.args as [LayerJson[], { f: Vec[] }, Vec];
    const L = layers.length;
    const d: Vec[] = new Array(L);
    d[L - 1] = cache.f[L - 1].map((z, j) => g(layers[L - 1]).gPrime(z) * dE[j]);
    for (let i = L - 2; i >= 0; i--)
      d[i] = layers[i + 1].W.map((row) => row.reduce((s, w, j) => s + w * d[i + 1][j], 0));
    // δ^[2] of the second network lacks g′ = tanh′, which no neighbour gives: the identity is the next layer's.
    expect(live(c, d)?.diagnosis?.id).toBe("delta-missing-gprime");
  });

  it.each([
    // ŷ = (0.36, 0.25) against y = (0.29, 0.49): ŷ > y in one output.
    ["outputs on both sides of y", "06-gradients/finite-differences-2-3-2", "loss-gradient-sign"],
    // ŷ = (0.21, 0.36) against y = (0.35, 0.94): below y in both, where |ŷ − y| gives the same values.
    ["outputs all below y", "06-gradients/gradients-3-4-2", undefined],
  ])("gradients from y − ŷ, %s (%s): %s", (_what, key, id) => {
    const c = byKey(key);
    expect(live(c, gradientsWith(yMinusYhat)(c))?.diagnosis?.id).toBe(id);
  });
});

/** forward with each layer's step changed: `f` from (Wᵀ input, b, x), `a` from (f, the layer's g). */
function forwardWith(
  c: LoadedCase,
  f: (weighted: Vec, b: Vec, l: number) => Vec,
  a: (fl: Vec, layer: LayerJson) => Vec = (fl, layer) => fl.map((z) => g(layer).g(z)),
  input: (aPrev: Vec, x: Vec) => Vec = (aPrev) => aPrev,
) {
  const [layers, x] = c.args as [LayerJson[], Vec];
  const out: { f: Vec[]; a: Vec[] } = { f: [], a: [] };
  let prev = x;
  layers.forEach((layer, l) => {
    const from = l === 0 ? x : input(prev, x);
    const weighted = layer.b.map((_, j) => from.reduce((s, v, r) => s + v * layer.W[r][j], 0));
    const fl = f(weighted, layer.b, l);
    out.f.push(fl);
    prev = a(fl, layer);
    out.a.push(prev);
  });
  return out;
}

const sigmoidOf = (z: number) => 1 / (1 + Math.exp(-z));

describe("the relations beyond the catalogue, named where the case tells them apart", () => {
  it.each([
    [
      "the bias subtracted",
      "04-forward/square-3-3-3",
      (c: LoadedCase) => forwardWith(c, (w, b) => w.map((v, j) => v - b[j])),
      "relation-bias-subtracted",
    ],
    [
      "the bias added twice",
      "04-forward/three-layer-4-3-2-2",
      (c: LoadedCase) => forwardWith(c, (w, b) => w.map((v, j) => v + 2 * b[j])),
      "relation-bias-twice",
    ],
    [
      "the activation applied twice",
      "04-forward/square-3-3-3",
      (c: LoadedCase) =>
        forwardWith(
          c,
          (w, b) => w.map((v, j) => v + b[j]),
          (fl, layer) => fl.map((z) => g(layer).g(g(layer).g(z))),
        ),
      "relation-g-twice",
    ],
    [
      "σ in every layer",
      "04-forward/square-3-3-3", // tanh, then sigmoid: only the first layer is wrong
      (c: LoadedCase) =>
        forwardWith(
          c,
          (w, b) => w.map((v, j) => v + b[j]),
          (fl) => fl.map(sigmoidOf),
        ),
      "relation-sigmoid-for-g",
    ],
    [
      "x fed to every layer",
      "04-forward/square-3-3-3",
      (c: LoadedCase) =>
        forwardWith(
          c,
          (w, b) => w.map((v, j) => v + b[j]),
          undefined,
          (_a, x) => x,
        ),
      "relation-x-for-a-prev",
    ],
    [
      "|ŷ − y| for dε/dŷ",
      "06-gradients/loss-gradient-length-3",
      (c: LoadedCase) => (c.args[0] as Vec).map((v, j) => Math.abs(v - (c.args[1] as Vec)[j])),
      "relation-abs",
    ],
    [
      "relu(z) for relu′(z)",
      "03-activations/relu-prime-at-zero",
      (c: LoadedCase) => (c.args[0] as Vec).map((z) => Math.max(z, 0)),
      "relation-g-for-gprime",
    ],
    [
      "leaky relu′ for relu′",
      "03-activations/relu-prime-at-zero",
      (c: LoadedCase) => (c.args[0] as Vec).map((z) => (z > 0 ? 1 : 0.01)),
      "relation-sibling-derivative",
    ],
    [
      "tanh′ for σ′",
      "03-activations/sigmoid-prime-batch",
      (c: LoadedCase) => (c.args[0] as Vec).map((z) => 1 - Math.tanh(z) ** 2),
      "relation-sibling-derivative",
    ],
    [
      "σ′ for tanh′",
      "03-activations/tanh-prime-batch",
      (c: LoadedCase) => (c.args[0] as Vec).map((z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2),
      "relation-sibling-derivative",
    ],
    [
      "(ŷ − y)² for dε/dŷ",
      "06-gradients/loss-gradient-length-3",
      (c: LoadedCase) => (c.args[0] as Vec).map((v, j) => (v - (c.args[1] as Vec)[j]) ** 2),
      "relation-loss-for-gradient",
    ],
    [
      "½(ŷ − y)² for dε/dŷ",
      "06-gradients/loss-gradient-length-3",
      (c: LoadedCase) => (c.args[0] as Vec).map((v, j) => (v - (c.args[1] as Vec)[j]) ** 2 / 2),
      "relation-loss-for-gradient",
    ],
  ])("%s (%s) is %s", (_what, key, make, id) => {
    const c = byKey(key);
    expect(live(c, make(c))?.diagnosis?.id).toBe(id);
  });

  it("σ′ as a(1 − a) in a tanh layer is named; in a sigmoid layer it is right, so nothing is wrong there", () => {
    const c = byKey("05-delta/square-3-3-3"); // tanh, sigmoid, ...
    const [layers, cache, dE] = c.args as [LayerJson[], { f: Vec[]; a: Vec[] }, Vec];
    const L = layers.length;
    const d: Vec[] = new Array(L);
    d[L - 1] = cache.a[L - 1].map((a, j) => a * (1 - a) * dE[j]);
    for (let i = L - 2; i >= 0; i--) {
      d[i] = cache.a[i].map((a, r) => a * (1 - a) * layers[i + 1].W[r].reduce((s, w, j) => s + w * d[i + 1][j], 0));
    }
    const finding = live(c, d);
    expect(finding?.diagnosis?.id).toBe("relation-sigmoid-form");
    const named = finding?.diagnosis?.layers ?? [];
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((label) => layers[Number(label.slice(3, -1)) - 1].activation !== "sigmoid")).toBe(true);
  });

  it.each([
    ["05-delta/square-3-3-3", "tanh, sigmoid"],
    ["05-delta/three-layer-4-3-3-2", "sigmoid, tanh, identity"],
  ])("tanh′ as 1 − a² in every layer of %s (%s) is named for the layers that are not tanh", (key) => {
    const c = byKey(key);
    const [layers, cache, dE] = c.args as [LayerJson[], { f: Vec[]; a: Vec[] }, Vec];
    const L = layers.length;
    const d: Vec[] = new Array(L);
    d[L - 1] = cache.a[L - 1].map((a, j) => (1 - a * a) * dE[j]);
    for (let i = L - 2; i >= 0; i--) {
      d[i] = cache.a[i].map((a, r) => (1 - a * a) * layers[i + 1].W[r].reduce((s, w, j) => s + w * d[i + 1][j], 0));
    }
    const finding = live(c, d);
    expect(finding?.diagnosis?.id).toBe("relation-tanh-form");
    // A tanh layer after a wrong one follows from it: it is never said to hold the mistake.
    const named = finding?.diagnosis?.layers ?? [];
    expect(named.every((label) => layers[Number(label.slice(3, -1)) - 1].activation !== "tanh")).toBe(true);
  });

  it("|e| where no entry of e is positive is −e too: neither the sign nor |·| is named", () => {
    const c = lossGradientCase([0.1, 0.2], [0.5, 0.9]);
    expect(live(c, [0.4, 0.7])?.diagnosis).toBeUndefined();
  });
});

describe("η left out, told apart from η capped at 1", () => {
  /** sgdStep that steps by k(η) times the gradient. */
  const sgdBy = (k: (eta: number) => number) => (c: LoadedCase) => {
    const [layers, grads, eta] = c.args as [LayerJson[], { dW: number[][][]; db: Vec[] }, number];
    return layers.map((l, i) => ({
      W: l.W.map((row, r) => row.map((w, j) => w - k(eta) * grads.dW[i][r][j])),
      b: l.b.map((b, j) => b - k(eta) * grads.db[i][j]),
    }));
  };
  it.each([
    ["η = 0.1: a step of 1 is η left out", byKey("07-gradient-descent/sgd-step-2-3-2"), "relation-eta-missing"],
    // At η = ½ a step of 1 is also 2η: neither is named.
    ["η = 0.5: a step of 1 is also the step doubled", byKey("07-gradient-descent/sgd-step-3-2-1"), undefined],
    ["η = 1.5: a step of 1 may be η capped at 1", byKey("07-gradient-descent/sgd-step-1-1-1", "hidden"), undefined],
  ])("%s", (_what, c, id) => {
    expect(live(c, sgdBy(() => 1)(c))?.diagnosis?.id).toBe(id);
  });
});
