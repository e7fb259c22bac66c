/**
 * The playground's model, outside the browser: the setup's round trip through
 * the URL and its clamping of hostile values, the seeded datasets, the
 * gradient check's bands, and the check itself on the reference solutions and
 * on catalogued δ mistakes.
 */
import { describe, expect, it } from "vitest";
import * as m04 from "../../solutions/04-forward/forward.ts";
import * as m05 from "../../solutions/05-delta/delta.ts";
import * as m06 from "../../solutions/06-gradients/gradients.ts";
import * as m07 from "../../solutions/07-gradient-descent/descent.ts";
import * as missingGPrime from "../misconceptions/mistakes/delta-missing-gprime.ts";
import * as gPrimeOfA from "../misconceptions/mistakes/delta-gprime-of-a.ts";
import { makeDataset } from "../playground/client/datasets.ts";
import { arrayError, band, gradientCheck, sampleInstances } from "../playground/client/gradcheck.ts";
import { initialLayers } from "../playground/client/network.ts";
import { DATASETS, DEFAULT_SETUP, fromQuery, normalise, toQuery, type Setup } from "../playground/client/state.ts";
import { FaultError, type StudentFns } from "../playground/client/student.ts";

const solutions: StudentFns = {
  forward: m04.forward,
  deltas: m05.deltas,
  gradients: m06.gradients,
  loss: m06.loss,
  sgdStep: m07.sgdStep,
  train: m07.train,
} as StudentFns;

describe("the setup in the URL", () => {
  it("comes back as it went out", () => {
    const setup: Setup = normalise({
      ...DEFAULT_SETUP,
      data: "spiral",
      hidden: [5, 3, 2],
      act: ["relu", "leakyRelu", "sigmoid", "identity"],
      eta: 0.03,
      mode: "batch",
      initSeed: 7,
      pick: 12,
    });
    expect(fromQuery(toQuery(setup))).toEqual(setup);
  });

  it.each([
    ["points=1e9", { points: 1000 }],
    ["points=-4", { points: 10 }],
    ["noise=7", { noise: 0.5 }],
    ["data=<script>", { data: "xor" }],
    ["hidden=100,0,-3", { hidden: [16, 1, 1] }],
    ["hidden=1,1,1,1,1,1,1,1,1", { hidden: [1, 1, 1, 1, 1, 1] }],
    ["hidden=", { hidden: [], act: ["sigmoid"] }],
    ["act=evil,tanh,nope", { act: ["tanh", "tanh", "sigmoid"] }],
    ["hidden=4&act=relu", { act: ["tanh", "relu"] }], // the last activation is the output layer's
    ["eta=NaN", { eta: DEFAULT_SETUP.eta }],
    ["eta=1e9", { eta: 100 }],
    ["mode=sideways", { mode: "instance" }],
    ["points=20&pick=500", { pick: 19 }],
    ["dataSeed=-1", { dataSeed: 4294967295 }],
  ])("clamps %s", (query, expected) => {
    expect(fromQuery(query)).toMatchObject(expected);
  });

  it("gives one activation per layer whatever the URL says", () => {
    for (const q of ["hidden=3,3,3&act=relu", "hidden=2&act=tanh,tanh,tanh,tanh", "act=", "hidden=,,"]) {
      const s = fromQuery(q);
      expect(s.act).toHaveLength(s.hidden.length + 1);
    }
  });
});

describe("the datasets", () => {
  it.each(DATASETS)("%s is seeded, has both classes and stays near the square", (kind) => {
    const a = makeDataset(kind, 200, 0.05, 3);
    expect(makeDataset(kind, 200, 0.05, 3)).toEqual(a);
    expect(makeDataset(kind, 200, 0.05, 4)).not.toEqual(a);
    expect(a.xs).toHaveLength(200);
    const ones = a.labels.filter((l) => l === 1).length;
    expect(ones).toBeGreaterThan(40);
    expect(ones).toBeLessThan(160);
    expect(a.xs.flat().every((v) => Math.abs(v) < 1.3)).toBe(true);
  });

  it("spreads points further with more noise", () => {
    const spread = (noise: number) => {
      const clean = makeDataset("gaussians", 400, 0, 1).xs;
      return makeDataset("gaussians", 400, noise, 1).xs.reduce(
        (s, [x, y], i) => s + Math.hypot(x - clean[i][0], y - clean[i][1]),
        0,
      );
    };
    expect(spread(0.3)).toBeGreaterThan(spread(0.05));
  });
});

describe("the gradient check's bands (exercise 08, cs231n)", () => {
  it.each([
    [1e-9, false, "agree"],
    [1e-6, false, "uneasy"],
    [1e-6, true, "agree"],
    [1e-3, true, "uneasy"],
    [5e-2, false, "wrong"],
    [2, true, "wrong"],
  ] as const)("relative error %s (kinks: %s) is %s", (relErr, kinks, expected) => {
    expect(band(relErr, kinks)).toBe(expected);
  });

  it.each([
    [[1, 2], [1, 2], 0],
    [[0, 0], [0, 0], 0],
    [[1e-12, 0], [0, 1e-12], 0], // rounding-sized gradients do not disagree
    [[1, 0], [0, 0], 1],
    [[3, 4], [3, 4.5], 0.5 / Math.hypot(3, 4.5)],
  ])("compares %j with %j as %f", (a, n, expected) => {
    expect(arrayError(a, n)).toBeCloseTo(expected, 12);
  });

  it("checks the instance opened up and a spread of others, each once", () => {
    expect(sampleInstances(200, 0)).toEqual([0, 25, 75, 125, 175]);
    expect(sampleInstances(200, 75)).toEqual([75, 25, 125, 175]);
    expect(sampleInstances(2, 1)).toEqual([1, 0]);
  });
});

describe("the gradient check on whole networks", () => {
  const data = makeDataset("circles", 100, 0.05, 1);
  const ys = data.labels.map((l) => [l]);
  const which = sampleInstances(100, 0);

  it.each([
    ["tanh,tanh,sigmoid", [8, 8]],
    ["relu,leakyRelu,sigmoid", [6, 5]],
    ["sigmoid,identity", [4]],
    ["identity", []],
  ])("agrees in every layer for the reference solutions (%s)", (act, hidden) => {
    const layers = initialLayers(normalise({ ...DEFAULT_SETUP, hidden, act: act.split(",") as Setup["act"] }));
    const result = gradientCheck(solutions, layers, data.xs, ys, which);
    expect(result.firstWrong).toBeUndefined();
    expect(result.layers.map((l) => l.band)).toEqual(layers.map(() => "agree"));
  });

  it.each([
    ["without g′", missingGPrime.deltas, "tanh,tanh,sigmoid", 3],
    ["without g′", missingGPrime.deltas, "tanh,tanh,identity", 2],
    ["with g′ at a", gPrimeOfA.deltas, "tanh,tanh,sigmoid", 3],
    ["with g′ at a", gPrimeOfA.deltas, "sigmoid,tanh,identity", 2],
  ] as const)("finds δ %s first wrong where it starts (%s: layer %i)", (_what, deltas, act, layer) => {
    // gradients builds on the student's own deltas, so the mistake reaches it as it would in their code.
    const gradients: typeof m06.gradients = (layers, x, y) => {
      const cache = m04.forward(layers, x);
      const ds = deltas(layers, cache, m06.lossGradient(cache.a[layers.length - 1], y));
      return {
        dW: ds.map((d, i) => m06.weightGradient(i === 0 ? x : cache.a[i - 1], d)),
        db: ds.map((d) => [...d]),
      };
    };
    const fns = { ...solutions, deltas, gradients } as StudentFns;
    const layers = initialLayers(normalise({ ...DEFAULT_SETUP, hidden: [8, 8], act: act.split(",") as Setup["act"] }));
    expect(gradientCheck(fns, layers, data.xs, ys, which).firstWrong).toBe(layer);
  });

  it("names the function when the student's code fails", () => {
    const fns = {
      ...solutions,
      deltas: () => [[Number.NaN]],
    } as StudentFns;
    const layers = initialLayers(DEFAULT_SETUP);
    try {
      gradientCheck(fns, layers, data.xs, ys, which);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(FaultError);
      expect((error as FaultError).fault).toMatchObject({ fn: "deltas", kind: "shape" });
    }
  });
});
