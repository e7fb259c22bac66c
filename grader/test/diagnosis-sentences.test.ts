/**
 * Every sentence the diagnosis tells a student is true of what it saw: a
 * hidden case's text names the quantity that is wrong (not merely the first
 * one traced), and never another one.
 */
import { liveAndTable } from "./diagnosers.ts";
import { beforeAll, describe, expect, it } from "vitest";
import type { Diagnoser } from "../engine/grade.ts";
import type { LoadedCase } from "../fixtures/schema.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { lectureNotation } from "../misconceptions/notation.ts";
import { activation } from "../sandbox/activations.ts";
import type { ActivationName } from "../../exercises/types.ts";

const manifest = loadManifest();
const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
let live: Diagnoser;
let table: Diagnoser;

beforeAll(async () => {
  ({ live, table } = await liveAndTable(cases));
});

type Vec = number[];
type Mat = number[][];
type LayerJson = { W: Mat; b: Vec; activation: ActivationName };
const copy = <T>(c: LoadedCase) => structuredClone(c.expected) as T;

/** sgdStep with a wrong step for one quantity only (W or b), the other one right. */
function sgdWith(symbol: "W" | "b", step: (w: number, g: number, eta: number) => number) {
  return (c: LoadedCase) => {
    const [layers, grads, eta] = c.args as [LayerJson[], { dW: Mat[]; db: Vec[] }, number];
    return layers.map((l, i) => ({
      W:
        symbol === "W"
          ? l.W.map((row, r) => row.map((w, j) => step(w, grads.dW[i][r][j], eta)))
          : copy<{ W: Mat }[]>(c)[i].W,
      b: symbol === "b" ? l.b.map((b, j) => step(b, grads.db[i][j], eta)) : copy<{ b: Vec }[]>(c)[i].b,
    }));
  };
}

/** gradients with dW^[l] = a^[l] (δ^[l])ᵀ where a^[l] has the right length (a square layer), db right. */
function gradientsScaled(symbol: "dW" | "db", k: number) {
  return (c: LoadedCase) => {
    const e = copy<{ dW: Mat[]; db: Vec[] }>(c);
    if (symbol === "db") return { ...e, db: e.db.map((v) => v.map((x) => k * x)) };
    return { ...e, dW: e.dW.map((m) => m.map((row) => row.map((x) => k * x))) };
  };
}

/** forward with a^[L] = f^[L] (no output activation), every other value right. */
function forwardLinearOutput(c: LoadedCase) {
  const e = copy<{ f: Vec[]; a: Vec[] }>(c);
  const L = e.f.length;
  return { f: e.f, a: e.a.map((v, i) => (i === L - 1 ? e.f[i] : v)) };
}

/** deltas without g′(f) in the hidden layers. */
function deltasNoGprimeHidden(c: LoadedCase) {
  const [layers, cache, dE] = c.args as [LayerJson[], { f: Vec[] }, Vec];
  const L = layers.length;
  const out: Vec[] = new Array(L);
  out[L - 1] = cache.f[L - 1].map((f, j) => activation(layers[L - 1].activation).gPrime(f) * dE[j]);
  for (let i = L - 2; i >= 0; i--) {
    out[i] = layers[i + 1].W.map((row) => row.reduce((s, w, j) => s + w * out[i + 1][j], 0));
  }
  return out;
}

/** train's losses doubled, the layers right. */
function trainLossesDoubled(c: LoadedCase) {
  const e = copy<{ layers: unknown; losses: Vec }>(c);
  return { ...e, losses: e.losses.map((x) => 2 * x) };
}

/** [what, case function, make, the quantity the text must name, quantities it must not name as wrong] */
const ROWS: [string, string, (c: LoadedCase) => unknown, RegExp, RegExp][] = [
  ["b ascends, W is right", "sgdStep", sgdWith("b", (w, g, eta) => w + eta * g), /Your b\b/, /Your W|Each of W/],
  ["W ascends, b is right", "sgdStep", sgdWith("W", (w, g, eta) => w + eta * g), /Your W\b/, /Your b|Each of b/],
  ["b without η, W is right", "sgdStep", sgdWith("b", (w, g) => w - g), /Your b\b/, /Your W|Each of W/],
  ["W not updated, b is right", "sgdStep", sgdWith("W", (w) => w), /Your W\b/, /Your b|Each of b/],
  ["dW doubled, db is right", "gradients", gradientsScaled("dW", 2), /Your dW\b/, /Your db|Each of db/],
  ["db negated, dW is right", "gradients", gradientsScaled("db", -1), /Your db\b/, /Your dW|Each of dW/],
  ["a^[L] left as f^[L]", "forward", forwardLinearOutput, /Your a\b/, /Your f|Each of f/],
  ["δ without g′ in the hidden layers", "deltas", deltasNoGprimeHidden, /Your δ[ ,]/, /Your (W|b|f|a)\b/],
  ["the losses doubled", "train", trainLossesDoubled, /Your list of losses/, /Your (W|b)\b/],
];

const hiddenRows = ROWS.flatMap(([what, fn, make, names, not]) =>
  cases
    .filter((c) => c.visibility === "hidden" && c.fn === fn && c.check.kind === "close")
    .map((c) => ({ label: `${c.key}: ${what}`, c, make, names, not })),
);

describe("a hidden case's text names the quantity that is wrong", () => {
  it.each(hiddenRows)("$label", ({ c, make, names, not }) => {
    const received = make(c);
    const finding = live(c, received);
    // A case on which the mistake changes nothing (a one-layer net has no hidden δ) may name nothing at all.
    if (!finding?.diagnosis) return;
    const text = `${finding.diagnosis.name}. ${finding.diagnosis.explanation}`;
    expect(text).toMatch(names);
    expect(text).not.toMatch(not);
    expect(text).not.toMatch(/\^\[\d\]/); // no layer numbers on a hidden case
    expect(table(c, received)).toEqual(finding);
  });

  it("names something on most of them: the table above is not vacuous", () => {
    const named = hiddenRows.filter(({ c, make }) => live(c, make(c))?.diagnosis);
    // Some rows rightly name nothing: a step of 1 at η = 1.5 is also η capped at 1, and a one-layer net has no hidden δ.
    expect(named.length).toBeGreaterThanOrEqual(Math.ceil(0.6 * hiddenRows.length));
  });
});

describe("a public case's text names the layers of the quantity that is wrong", () => {
  const publicRows = ROWS.flatMap(([what, fn, make, , not]) =>
    cases
      .filter((c) => c.visibility === "public" && c.fn === fn && c.check.kind === "close")
      .map((c) => ({ label: `${c.key}: ${what}`, c, make, not })),
  );
  it.each(publicRows)("$label", ({ c, make, not }) => {
    const d = live(c, make(c))?.diagnosis;
    if (!d) return;
    expect(d.explanation).not.toMatch(not);
  });
});

describe("positions count from 1, as the lecture does, in every function", () => {
  const train = cases.find((c) => c.fn === "train" && c.check.kind === "below")!;
  const epochs = (train.args[3] as { epochs: number }).epochs;
  it.each([
    ["train", ["losses", -1], train.args, `the loss after the last epoch (epoch ${epochs})`],
    ["train", ["losses", -1], undefined, "the loss after the last epoch"],
    ["train", ["losses", -2], [0, 0, 0, { eta: 0.5, epochs: 40 }], "the loss after epoch 39"],
    ["train", ["losses", 0], train.args, "the loss after epoch 1"],
    ["lossGradient", [0], undefined, "∂ε/∂ŷ_1"],
    ["numericalGradient", [2], undefined, "∂f/∂x_3"],
    ["softmax", [0], undefined, "softmax(z)_1"],
    ["softmaxJacobian", [1, 0], undefined, "J_{2,1}"],
    ["transpose", [0, 2], undefined, "Aᵀ_{1,3}"],
    ["hadamard", [1], undefined, "(A ∘ B)_2"],
    ["update", [3], undefined, "w_4"],
    ["shape", [0], undefined, "the number of rows"],
    ["pla", ["w", 0], undefined, "w_1"],
    ["pla", ["history", 2, 0], undefined, "w_1 after update 3"],
    ["pla", ["history", 0], undefined, "w after update 1"],
    ["autodiff", ["grad", 0], undefined, "the grad of node 1"],
    ["someFunction", ["list", 0, "x", 1], undefined, "list_1.x_2"],
    ["someFunction", [0], undefined, "someFunction_1"],
  ])("%s at %j (args %j) is %s", (fn, path, args, expected) => {
    expect(lectureNotation(fn as string, path as (string | number)[], args as unknown[] | undefined)).toBe(expected);
  });

  it.each(cases.filter((c) => c.visibility === "public" && c.check.kind !== "throws").map((c) => ({ c })))(
    "$c.key: no position in a failure message is 0-based",
    ({ c }) => {
      // Every index a case's output can have, down to two levels: none renders as [0].
      for (const path of [[0], [0, 0], ["losses", -1], ["dW", 0, 0, 0], ["history", 0, 0], ["grad", 0]]) {
        const at = lectureNotation(c.fn, path, c.args);
        if (at !== undefined) expect(at).not.toMatch(/\[0\]|_0\b|epoch 0/);
      }
    },
  );
});

describe("zeros are described, never said to be left unfilled", () => {
  // Computed zeros: a guard that returns 0, max(0, z) of negative values, a list that was never filled.
  const ROWS: [string, string, (c: LoadedCase) => unknown][] = [
    ["relativeError's guard returning 0", "08-gradient-check/relative-error-ordinary", () => 0],
    ["dε/dŷ as max(0, ŷ − y) where ŷ < y", "06-gradients/loss-gradient-length-3", (c) => copy<Vec>(c).map(() => 0)],
    [
      "δ^[1] never filled",
      "05-delta/square-3-3-3",
      (c) => copy<Vec[]>(c).map((v, i) => (i === 0 ? v.map(() => 0) : v)),
    ],
    [
      "db all zeros",
      "06-gradients/gradients-3-4-2",
      (c) => ({ ...copy<object>(c), db: copy<{ db: Vec[] }>(c).db.map((v) => v.map(() => 0)) }),
    ],
  ];
  it.each(ROWS)("%s (%s)", (_what, key, make) => {
    const c = cases.find((k) => k.key === key && k.visibility === "public")!;
    const d = live(c, make(c))?.diagnosis;
    expect(d?.id).toBe("relation-zeros");
    expect(`${d!.name} ${d!.explanation}`).not.toMatch(/left at zero|never filled|as if/i);
    expect(d!.explanation).toMatch(/is (all zeros|0),/);
  });
});
