/**
 * A catalogued mistake carried into the functions the lecture builds on its own (`carried` in the catalogue): sgn(0)
 * taken as +1 and the update's sign in the PLA (never in predict, whose one ±1 cannot tell them from other mistakes),
 * and 03's derivatives in the backward steps of 09's Value, each written inline as a student would. Named in that
 * function's words, by the live and the release's table diagnoser alike, and never on the lecture's own answers. The
 * wrong answers here are computed independently of the mistake files.
 */
import { liveAndTable } from "./diagnosers.ts";
import { beforeAll, describe, expect, it } from "vitest";
import type { Diagnoser } from "../engine/grade.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import type { AutodiffProgram } from "../sandbox/adapters.ts";

const manifest = loadManifest();
const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
let live: Diagnoser;
let table: Diagnoser;

beforeAll(async () => {
  ({ live, table } = await liveAndTable(cases));
});

type Vec = number[];

/** A PLA as the lecture's four steps, with the classification and the update a student may write inline. */
function plaWith(
  classify: (s: number) => number,
  step: (y: number, yHat: number) => number,
): (xs: Vec[], ys: number[], o: { eta?: number; maxIterations?: number; w0?: Vec }) => unknown {
  return (xs, ys, o) => {
    const eta = o.eta ?? 1;
    let w = o.w0 ? [...o.w0] : xs[0].map(() => 0);
    const history: Vec[] = [];
    const predict = (x: Vec) => classify(w.reduce((s, wi, i) => s + wi * x[i], 0));
    for (;;) {
      const i = xs.findIndex((x, k) => predict(x) !== ys[k]);
      if (i === -1) return { w, iterations: history.length, converged: true, history };
      if (history.length === (o.maxIterations ?? 100))
        return { w, iterations: history.length, converged: false, history };
      const d = eta * step(ys[i], predict(xs[i]));
      w = w.map((wi, j) => wi + d * xs[i][j]);
      history.push(w);
    }
  };
}

describe("a mistake carried into the functions built on it", () => {
  const atZeroPositive = (s: number) => (s >= 0 ? 1 : -1);
  const lecture = (s: number) => (s > 0 ? 1 : -1);
  const predictCases = cases.filter((c) => c.fn === "predict");
  const plaCases = cases.filter((c) => c.fn === "pla");

  // A wrong ±1 says the sign of wᵀx came out wrong, not why: a dot product that divides, or starts at 1, flips the
  // boundary point just as a test of wᵀx ≥ 0 does. So nothing is carried into predict.
  it.each(predictCases.map((c) => ({ label: `${c.visibility}/${c.key}`, c })))(
    "$label: a predict with the sign flipped names nothing",
    ({ c }) => {
      const received = -(c.expected as number);
      expect(live(c, received)).toBeUndefined();
      expect(table(c, received)).toBeUndefined();
    },
  );

  it.each([
    { what: "testing wᵀx ≥ 0", pla: plaWith(atZeroPositive, (y, yHat) => y - yHat), id: "sgn-zero-positive" },
    { what: "updating by η(ŷ − y)x", pla: plaWith(lecture, (y, yHat) => yHat - y), id: "perceptron-update-sign" },
  ])("a PLA $what inline is named $id wherever it fails, in the PLA's words", ({ pla, id }) => {
    let named = 0;
    for (const c of plaCases) {
      const [xs, ys, o] = c.args as [Vec[], number[], { eta?: number; maxIterations?: number; w0?: Vec }];
      const received = pla(xs, ys, o);
      const finding = live(c, received);
      expect(table(c, received), c.key).toEqual(finding);
      if (finding === undefined) continue;
      expect(finding.diagnosis?.id, c.key).toBe(id);
      expect(finding.diagnosis?.explanation, c.key).toMatch(/Your PLA runs as the lecture's would/);
      named++;
    }
    expect(named).toBeGreaterThan(0);
  });

  // wᵀx > −1 (a dot product that starts at 1) runs as wᵀx ≥ 0 wherever no wᵀx falls in [−1, 0): the XOR cases.
  it("never names sgn(0) taken as +1 for a PLA that classifies by wᵀx > −1", () => {
    for (const c of plaCases) {
      const [xs, ys, o] = c.args as [Vec[], number[], { eta?: number; maxIterations?: number; w0?: Vec }];
      const received = plaWith(
        (s) => (s > -1 ? 1 : -1),
        (y, yHat) => y - yHat,
      )(xs, ys, o);
      expect(live(c, received)?.diagnosis?.id, c.key).not.toBe("sgn-zero-positive");
      expect(table(c, received), c.key).toEqual(live(c, received));
    }
  });

  it("leaves the lecture's PLA unnamed", () => {
    for (const c of plaCases) {
      const [xs, ys, o] = c.args as [Vec[], number[], { eta?: number; maxIterations?: number; w0?: Vec }];
      expect(live(c, plaWith(lecture, (y, yHat) => y - yHat)(xs, ys, o)), c.key).toBeUndefined();
    }
  });
});

type Derivatives = { relu: (x: number) => number; sigmoid: (x: number) => number; tanh: (x: number) => number };
const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const LECTURE: Derivatives = {
  relu: (x) => (x > 0 ? 1 : 0),
  sigmoid: (x) => sigma(x) * (1 - sigma(x)),
  tanh: (x) => 1 - Math.tanh(x) ** 2,
};

/** An autodiff program's data and grads, reverse mode over its nodes (each op's operands come before it). */
function run(program: AutodiffProgram, d: Derivatives): { data: Vec; grad: Vec } {
  const data = [...program.inputs];
  const back: ((g: Vec) => void)[] = program.inputs.map(() => () => {});
  for (const [op, i, j] of program.ops) {
    const n = data.length;
    const x = data[i];
    const k = j as number;
    const [value, step]: [number, (g: Vec) => void] =
      op === "add"
        ? [x + data[k], (g) => ((g[i] += g[n]), (g[k] += g[n]))]
        : op === "mul"
          ? [x * data[k], (g) => ((g[i] += data[k] * g[n]), (g[k] += x * g[n]))]
          : op === "addConst"
            ? [x + k, (g) => (g[i] += g[n])]
            : op === "mulConst"
              ? [x * k, (g) => (g[i] += k * g[n])]
              : op === "pow"
                ? [x ** k, (g) => (g[i] += k * x ** (k - 1) * g[n])]
                : op === "tanh"
                  ? [Math.tanh(x), (g) => (g[i] += d.tanh(x) * g[n])]
                  : op === "sigmoid"
                    ? [sigma(x), (g) => (g[i] += d.sigmoid(x) * g[n])]
                    : [Math.max(x, 0), (g) => (g[i] += d.relu(x) * g[n])];
    data.push(value);
    back.push(step);
  }
  const grad = data.map(() => 0);
  grad[grad.length - 1] = 1;
  // Nodes the output does not reach keep grad 0: only steps of reached nodes run.
  const reached = new Set([data.length - 1]);
  for (let n = data.length - 1; n >= program.inputs.length; n--) {
    if (!reached.has(n)) continue;
    const [, i, j] = program.ops[n - program.inputs.length];
    reached.add(i);
    if (typeof j === "number" && ["add", "mul"].includes(program.ops[n - program.inputs.length][0])) reached.add(j);
    back[n](grad);
  }
  return { data, grad };
}

describe("03's derivatives carried into 09's backward steps", () => {
  const autodiffCases = cases.filter((c) => c.fn === "autodiff");

  it("the independent evaluator gives every case's expected value with the lecture's derivatives", () => {
    for (const c of autodiffCases) {
      const got = run((c.args as [AutodiffProgram])[0], LECTURE);
      const want = c.expected as { data: Vec; grad: Vec };
      got.data.forEach((v, n) => expect(v, `${c.key} data ${n}`).toBeCloseTo(want.data[n], 9));
      got.grad.forEach((v, n) => expect(v, `${c.key} grad ${n}`).toBeCloseTo(want.grad[n], 9));
      expect(live(c, got), c.key).toBeUndefined();
    }
  });

  it.each([
    {
      what: "relu passing the grad at 0",
      d: { ...LECTURE, relu: (x: number) => (x >= 0 ? 1 : 0) },
      id: "relu-prime-zero-one",
      words: /^Your relu's backward step/,
    },
    {
      what: "σ′ as x(1 − x) of the input",
      d: { ...LECTURE, sigmoid: (x: number) => x * (1 - x) },
      id: "sigmoid-prime-output-form",
      words: /^Your sigmoid's backward step/,
    },
    {
      what: "tanh′ as 1 − tanh(x)",
      d: { ...LECTURE, tanh: (x: number) => 1 - Math.tanh(x) },
      id: "tanh-prime-no-square",
      words: /^Your tanh's backward step/,
    },
  ])("a Value with $what is named $id wherever it fails, in the backward step's words", ({ d, id, words }) => {
    let named = 0;
    for (const c of autodiffCases) {
      const received = run((c.args as [AutodiffProgram])[0], d);
      const finding = live(c, received);
      expect(table(c, received), c.key).toEqual(finding);
      if (!finding?.diagnosis) continue;
      expect(finding.diagnosis.id, c.key).toBe(id);
      // A hidden case's words lead with the quantity that failed; a public one's with the step.
      expect(finding.diagnosis.explanation, c.key).toMatch(c.visibility === "public" ? words : /grad/);
      named++;
    }
    expect(named).toBeGreaterThan(0);
  });
});
