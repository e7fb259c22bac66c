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
import * as m08 from "../../solutions/08-gradient-check/gradcheck.ts";
import { mkdtemp, rm, writeFile, cp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildStudent } from "../playground/bundle.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import * as gradcheckModule from "../playground/client/gradcheck.ts";
import * as missingGPrime from "../misconceptions/mistakes/delta-missing-gprime.ts";
import * as gPrimeOfA from "../misconceptions/mistakes/delta-gprime-of-a.ts";
import { makeDataset } from "../playground/client/datasets.ts";
import { arrayError, band, gradcheckTools, gradientCheck, sampleInstances } from "../playground/client/gradcheck.ts";
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
  lossGradient: m06.lossGradient,
  numericalGradient: m08.numericalGradient,
  relativeError: m08.relativeError,
} as StudentFns;

const stub = (name: string) => () => {
  throw new Error(`not implemented: ${name}`);
};
/** Exercise 08 still the stub: the page's own check, said so. */
const unsolved08 = { ...solutions, numericalGradient: stub("numericalGradient"), relativeError: stub("relativeError") };

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
    [[1, 0], [0, 0], 2],
    [[3, 4], [3, 4.5], 0.5 / ((5 + Math.hypot(3, 4.5)) / 2)],
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
  ])("agrees in every layer for the reference solutions (%s), with their 08 and without", (act, hidden) => {
    const layers = initialLayers(normalise({ ...DEFAULT_SETUP, hidden, act: act.split(",") as Setup["act"] }));
    for (const fns of [solutions, unsolved08 as StudentFns]) {
      const result = gradientCheck(fns, layers, data.xs, ys, which);
      expect(result.firstWrong).toBeUndefined();
      expect(result.layers.map((l) => l.band)).toEqual(layers.map(() => "agree"));
      expect(result.lossGradient?.band).toBe("agree");
    }
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

describe("the gradient check's blame for a wrong loss gradient (issue 22.9)", () => {
  const data = makeDataset("circles", 100, 0.05, 1);
  const ys = data.labels.map((l) => [l]);
  const which = sampleInstances(100, 0);
  const layers = initialLayers(normalise({ ...DEFAULT_SETUP, hidden: [8, 8], act: ["tanh", "tanh", "sigmoid"] }));
  /** gradients built on the given lossGradient, as the student's own gradients would be. */
  const withLossGradient = (lossGradient: typeof m06.lossGradient) =>
    ({
      ...solutions,
      lossGradient,
      gradients: (ls: Parameters<typeof m06.gradients>[0], x: number[], y: number[]) => {
        const cache = m04.forward(ls, x);
        const ds = m05.deltas(ls, cache, lossGradient(cache.a[ls.length - 1], y));
        return { dW: ds.map((d, i) => m06.weightGradient(i === 0 ? x : cache.a[i - 1], d)), db: ds };
      },
    }) as StudentFns;

  it.each([
    ["y − ŷ", (yHat: number[], y: number[]) => yHat.map((v, j) => y[j] - v)],
    ["2(ŷ − y)", (yHat: number[], y: number[]) => yHat.map((v, j) => 2 * (v - y[j]))],
    ["ŷ", (yHat: number[]) => [...yHat]],
  ])("points at lossGradient when it returns %s, with the student's 08 and without", (_what, lossGradient) => {
    for (const eight of [{}, { numericalGradient: stub("numericalGradient") }]) {
      const fns = { ...withLossGradient(lossGradient), ...eight } as StudentFns;
      const result = gradientCheck(fns, layers, data.xs, ys, which);
      expect(result.lossGradient?.band).toBe("wrong");
    }
  });

  it("uses the page's ŷ − y, and says so, while lossGradient is a stub", () => {
    const fns = { ...solutions, lossGradient: stub("lossGradient") } as StudentFns;
    const result = gradientCheck(fns, layers, data.xs, ys, which);
    expect(result.lossGradient).toBeUndefined();
    expect(result.notes.join(" ")).toContain("lossGradient (06) is not implemented yet");
    expect(result.layers.map((l) => l.band)).toEqual(["agree", "agree", "agree"]);
  });
});

describe("the gradient check runs the student's own exercise 08", () => {
  const data = makeDataset("xor", 40, 0.05, 1);
  const ys = data.labels.map((l) => [l]);
  const layers = initialLayers(normalise({ ...DEFAULT_SETUP, hidden: [4], act: ["tanh", "sigmoid"] }));

  it("calls numericalGradient and relativeError when they work", () => {
    let gradientCalls = 0;
    let errorCalls = 0;
    const fns = {
      ...solutions,
      numericalGradient: (f: (x: number[]) => number, x: number[], h?: number) => {
        gradientCalls++;
        return m08.numericalGradient(f, x, h);
      },
      relativeError: (a: number, n: number) => {
        errorCalls++;
        return m08.relativeError(a, n);
      },
    } as StudentFns;
    const result = gradientCheck(fns, layers, data.xs, ys, [0, 1]);
    expect(gradcheckTools(fns).own).toBe(true);
    expect(result.notes[0]).toContain("your numericalGradient");
    expect(gradientCalls).toBeGreaterThan(4);
    expect(errorCalls).toBeGreaterThan(10);
    expect(result.layers.map((l) => l.band)).toEqual(["agree", "agree"]);
  });

  it.each([
    ["08 is the stub", unsolved08, "Exercise 08 is not solved yet (numericalGradient is not implemented)"],
    [
      "relativeError is signed",
      { ...solutions, relativeError: (a: number, n: number) => (a - n) / Math.max(Math.abs(a), Math.abs(n), 1e-300) },
      "Your relativeError (08) gives relativeError(-2, 2) = -2, not 2",
    ],
    [
      "numericalGradient is one-sided",
      {
        ...solutions,
        numericalGradient: (f: (x: number[]) => number, x: number[]) =>
          x.map((_, i) => {
            const p = [...x];
            p[i] += 1e-3;
            return (f(p) - f(x)) / 1e-3;
          }),
      },
      "Your numericalGradient (08) gives",
    ],
    [
      "numericalGradient changes x",
      {
        ...solutions,
        numericalGradient: (f: (x: number[]) => number, x: number[]) => {
          const g = m08.numericalGradient(f, x);
          x[0] += 1e-5;
          return g;
        },
      },
      "Your numericalGradient (08) changes x",
    ],
    [
      "08 does not compile",
      { ...solutions, gradcheckProblem: "08-gradient-check/gradcheck.ts:3:1: Expected identifier" },
      "Exercise 08 cannot be used (08-gradient-check/gradcheck.ts:3:1",
    ],
    [
      "relativeError throws",
      {
        ...solutions,
        relativeError: () => {
          throw new Error("nope");
        },
      },
      "Your relativeError (08) fails on the guide's worked example",
    ],
  ])("falls back to the page's own when %s, and says why", (_what, fns, note) => {
    const result = gradientCheck(fns as StudentFns, layers, data.xs, ys, [0, 1]);
    expect(result.notes[0]).toContain(note);
    expect(result.notes[0]).toContain("the check uses the page's own central differences and comparison");
    expect(result.layers.map((l) => l.band)).toEqual(["agree", "agree"]);
  });
});

describe("the playground ships no answer to exercise 08's relativeError", () => {
  // Each exported function of the page's check, pasted as relativeError (on numbers or one-entry arrays), fails a
  // public case of exercise 08: the release's playground cannot be copied from.
  const cases = loadCases(loadManifest(), { visibility: ["public"] }).filter((c) => c.fn === "relativeError");
  const exported = Object.entries(gradcheckModule).filter(([, v]) => typeof v === "function") as [
    string,
    (...args: unknown[]) => unknown,
  ][];
  it.each(exported.map(([name, fn]) => ({ name, fn })))("$name is not a working relativeError", ({ fn }) => {
    const passesAll = (call: (a: number, n: number) => unknown) =>
      cases.every((c) => {
        try {
          const got = call(...(c.args as [number, number]));
          const want = c.expected as number;
          return typeof got === "number" && Math.abs(got - want) <= 1e-9 * Math.abs(want) + 1e-12;
        } catch {
          return false;
        }
      });
    expect(cases.length).toBeGreaterThan(3);
    expect(passesAll((a, n) => fn(a, n))).toBe(false);
    expect(passesAll((a, n) => fn([a], [n]))).toBe(false);
  });
});

describe("the student's bundle", () => {
  it("leaves out an exercise 08 that does not compile, and says why, so 04–07 still run", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-bundle-"));
    try {
      await cp(path.join(import.meta.dirname, "../../solutions"), dir, { recursive: true });
      await writeFile(path.join(dir, "08-gradient-check/gradcheck.ts"), "export function numericalGradient( {\n");
      const built = await buildStudent(dir);
      expect(built.ok).toBe(true);
      const js = built.ok ? built.js : "";
      expect(js).toContain("gradcheckProblem");
      expect(js).toContain("08-gradient-check/gradcheck.ts:2:1: Expected identifier");
      expect(js).not.toContain("m08");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
