/**
 * The diagnosis of wrong answers, on the trusted side: no name on an answer
 * that passes or on a mistake that would pass, ±∞ and NaN matched only by
 * themselves, partial mistakes named for their layers, the layer-by-layer
 * trace, the generic relations, positions in the lecture's notation, and the
 * release's table diagnoser naming what the live one names.
 */
import { liveAndTable } from "./diagnosers.ts";
import { beforeAll, describe, expect, it } from "vitest";
import type { Finding, Diagnoser } from "../engine/grade.ts";
import { closeRule } from "../engine/compare.ts";
import type { LoadedCase } from "../fixtures/schema.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { matches } from "../misconceptions/match.ts";
import { lectureNotation } from "../misconceptions/notation.ts";
import { activation } from "../sandbox/activations.ts";
import type { ActivationName } from "../../exercises/types.ts";
import type { CaseResult } from "../engine/results.ts";
import { caseDetail } from "../reports/case-detail.ts";

const manifest = loadManifest();
const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
const byKey = (key: string, visibility = "public") => cases.find((c) => c.key === key && c.visibility === visibility)!;
let live: Diagnoser;
let table: Diagnoser;

beforeAll(async () => {
  ({ live, table } = await liveAndTable(cases));
});

type Vec = number[];
type LayerJson = { W: number[][]; b: Vec; activation: ActivationName };
const gp = (l: LayerJson) => activation(l.activation).gPrime;

/** A δ recursion with knobs, as students get it wrong: the g′ used per layer, and the W product. */
function deltasWith(
  c: LoadedCase,
  opts: { gprime?: (l: number, f: number, a: number, g: (z: number) => number) => number; wT?: boolean } = {},
): Vec[] {
  const [layers, cache, dE] = c.args as [LayerJson[], { f: Vec[]; a: Vec[] }, Vec];
  const g = opts.gprime ?? ((_l, f, _a, gPrime) => gPrime(f));
  const L = layers.length;
  const out: Vec[] = new Array(L);
  out[L - 1] = cache.f[L - 1].map((f, j) => g(L - 1, f, cache.a[L - 1][j], gp(layers[L - 1])) * dE[j]);
  for (let i = L - 2; i >= 0; i--) {
    const W = layers[i + 1].W;
    out[i] = cache.f[i].map((f, r) => {
      let s = 0;
      for (let j = 0; j < out[i + 1].length; j++) s += (opts.wT ? W[j][r] : W[r][j]) * out[i + 1][j];
      return g(i, f, cache.a[i][r], gp(layers[i])) * s;
    });
  }
  return out;
}

const expectedOf = <T>(c: LoadedCase) => structuredClone(c.expected) as T;

describe("an answer that passes, or a mistake that would", () => {
  const valued = cases.filter((c) => ["close", "relerr"].includes(c.check.kind));
  it.each(valued.map((c) => ({ label: `${c.visibility}/${c.key}`, c })))(
    "$label: its own expected values get no name and no trace",
    ({ c }) => {
      expect(live(c, structuredClone(c.expected))).toBeUndefined();
    },
  );

  it.each(cases.filter((c) => c.fn === "forward").map((c) => ({ label: `${c.visibility}/${c.key}`, c })))(
    "$label: a forward pass in float32 is not named W instead of Wᵀ",
    ({ c }) => {
      const e = expectedOf<{ f: Vec[]; a: Vec[] }>(c);
      const r = { f: e.f.map((v) => v.map(Math.fround)), a: e.a.map((v) => v.map(Math.fround)) };
      expect(live(c, r)?.diagnosis?.id).not.toBe("forward-w-not-transposed");
    },
  );
});

describe("infinities and NaN", () => {
  it.each([
    [Infinity, 0.5, false],
    [Infinity, 1e308, false],
    [-Infinity, Infinity, false],
    [Infinity, Infinity, true],
    [-Infinity, -Infinity, true],
    [NaN, NaN, true],
    [NaN, 1, false],
    [1, NaN, false],
    [[1, Infinity], [1, 2], false],
  ])("matches(%s, %s) is %s", (entry, received, expected) => {
    expect(matches(entry, received)).toBe(expected);
  });

  it("a case's close rule takes ∞ only for the same ∞", () => {
    expect(closeRule(1e-9, 1e-12)(Infinity, 0.5)).toBe(false);
    expect(closeRule(1e-9, 1e-12)(0.5, Infinity)).toBe(false);
  });

  // ∞ where a = 0 and n < 0 comes from any denominator that vanishes there: max(a, n) without its absolute values
  // as much as |a|. Where a = 0 < n only |a| vanishes, and the name stands.
  it.each([
    { key: "08-gradient-check/relative-error-zero-and-negative", visibility: "public", named: false },
    { key: "08-gradient-check/relative-error-one-zero", visibility: "hidden", named: true },
  ])("names an ∞ on $key 'scaled by the smaller value': $named", ({ key, visibility, named }) => {
    const c = byKey(key, visibility);
    expect(c.args[0]).toBe(0);
    for (const [which, diagnose] of [
      ["live", live],
      ["table", table],
    ] as const)
      expect(diagnose(c, Infinity)?.diagnosis?.id === "relerr-no-max", which).toBe(named);
  });

  it.each(cases.filter((c) => c.fn === "relativeError").map((c) => ({ label: c.key, c })))(
    "$label: a finite wrong answer is not named 'scaled by the smaller value'",
    ({ c }) => {
      expect(live(c, 0.123)?.diagnosis?.id).not.toBe("relerr-no-max");
    },
  );
});

const noGprimeInHidden = (c: LoadedCase) =>
  deltasWith(c, { gprime: (l, f, _a, g) => (l === (c.args[0] as unknown[]).length - 1 ? g(f) : 1) });
// A one-layer network has no hidden layer, so a mistake made only there changes nothing on it.
const deltaCases = cases.filter((c) => c.fn === "deltas" && (c.args[0] as unknown[]).length > 1);

describe("a mistake made in some layers", () => {
  it.each(deltaCases.filter((c) => c.visibility === "public").map((c) => ({ label: c.key, c })))(
    "$label: g′ dropped in the hidden layers only is named for those layers, the output δ said to be right",
    ({ c }) => {
      const L = (c.args[0] as unknown[]).length;
      const d = live(c, noGprimeInHidden(c))!.diagnosis!;
      expect(d.id).toBe("delta-missing-gprime");
      expect(d.layers).toEqual(Array.from({ length: L - 1 }, (_, k) => `δ^[${L - 1 - k}]`));
      expect(d.explanation).toContain(`δ^[${L}] is right`);
    },
  );

  it.each(deltaCases.filter((c) => c.visibility === "hidden").map((c) => ({ label: c.key, c })))(
    "$label (hidden): named without saying which layers or units",
    ({ c }) => {
      const f = live(c, noGprimeInHidden(c))!;
      expect(f.diagnosis?.id).toBe("delta-missing-gprime");
      expect(f.diagnosis?.layers).toBeUndefined();
      expect(f.trace).toBeUndefined();
      expect(f.diagnosis?.explanation).toMatch(/in some layers/);
      expect(f.diagnosis?.explanation).not.toMatch(/δ\^\[\d\]/);
    },
  );
});

describe("the layer-by-layer trace", () => {
  it("names the first wrong δ, its units, and what follows from it", () => {
    const c = byKey("05-delta/three-layer-4-3-3-2");
    const [layers, cache] = c.args as [LayerJson[], { f: Vec[] }];
    const r = expectedOf<Vec[]>(c);
    r[1] = r[1].map((v, u) => (u === 0 || u === 2 ? v + 0.5 : v));
    r[0] = cache.f[0].map((f, u) => gp(layers[0])(f) * layers[1].W[u].reduce((s, w, j) => s + w * r[1][j], 0));
    const finding = live(c, r)!;
    expect(finding.trace).toBe("δ^[3] ✓ · δ^[2] ✗ (units 1 and 3) · δ^[1] ✗ (follows from δ^[2])");
    expect(finding.diagnosis).toBeUndefined();
  });
});

/** Wrong answers built from a case's expected value, with the id they must be named by. */
type Program = { data: Vec; grad: Vec };
const RELATIONS: [string, string, (c: LoadedCase) => unknown, string][] = [
  ["identity′ returning z", "03-activations/identity-prime-at-zero", (c) => c.args[0], "relation-g-for-gprime"],
  [
    "every grad 0 (the output's grad never set to 1)",
    "09-autodiff/add-mul",
    (c) => ({ ...expectedOf<Program>(c), grad: expectedOf<Program>(c).grad.map(() => 0) }),
    "relation-zeros",
  ],
  [
    "train returning the layers passed in, every epoch's loss theirs (sgdStep's result thrown away)",
    "07-gradient-descent/xor-2-3-1-result",
    (c) => {
      const [layers, xs, ys, { epochs }] = c.args as [LayerJson[], Vec[], Vec[], { epochs: number }];
      const g = { sigmoid: (z: number) => 1 / (1 + Math.exp(-z)), tanh: Math.tanh } as Record<
        string,
        (z: number) => number
      >;
      const out = (x: Vec) =>
        layers.reduce((a, l) => l.b.map((bj, j) => g[l.activation](a.reduce((s, v, r) => s + l.W[r][j] * v, bj))), x);
      const loss =
        xs.reduce((t, x, i) => t + 0.5 * out(x).reduce((s, v, j) => s + (v - ys[i][j]) ** 2, 0), 0) / xs.length;
      return { layers, losses: new Array(epochs).fill(loss) };
    },
    "relation-no-update",
  ],
  ["negated δ", "05-delta/square-3-3-3", (c) => expectedOf<Vec[]>(c).map((v) => v.map((x) => -x)), "relation-negated"],
  [
    "dε/dŷ doubled",
    "06-gradients/loss-gradient-length-3",
    (c) => expectedOf<Vec>(c).map((x) => 2 * x),
    "relation-scaled",
  ],
  ["y − ŷ", "06-gradients/loss-gradient-length-3", (c) => expectedOf<Vec>(c).map((x) => -x), "loss-gradient-sign"],
  ["A returned untransposed", "01-linear-algebra/transpose-2x3", (c) => c.args[0], "relation-transposed"],
  ["δ list reversed", "05-delta/square-3-3-3", (c) => expectedOf<Vec[]>(c).reverse(), "relation-layer"],
  [
    "a holding each layer's input, x first",
    "04-forward/two-layer-2-4-1",
    (c) => {
      const e = expectedOf<{ f: Vec[]; a: Vec[] }>(c);
      return { f: e.f, a: [c.args[1] as Vec, ...e.a.slice(0, -1)] };
    },
    "relation-layer",
  ],
  [
    "f returned as a",
    "04-forward/two-layer-2-4-1",
    (c) => ({ ...expectedOf<object>(c), a: expectedOf<{ f: Vec[] }>(c).f }),
    "relation-f-for-a",
  ],
  [
    "f and a swapped",
    "04-forward/square-3-3-3",
    (c) => ({ f: expectedOf<{ a: Vec[] }>(c).a, a: expectedOf<{ f: Vec[] }>(c).f }),
    "relation-a-for-f+relation-f-for-a",
  ],
  [
    "g′ twice",
    "05-delta/two-layer-3-4-2",
    (c) => deltasWith(c, { gprime: (_l, f, _a, g) => g(f) ** 2 }),
    "relation-extra-gprime",
  ],
  [
    "an extra g′(a)",
    "05-delta/two-layer-3-4-2",
    (c) => deltasWith(c, { gprime: (_l, f, a, g) => g(f) * g(a) }),
    "relation-extra-gprime-a",
  ],
  [
    "g′ at a",
    "05-delta/two-layer-3-4-2",
    (c) => deltasWith(c, { gprime: (_l, _f, a, g) => g(a) }),
    "delta-gprime-of-a",
  ],
  [
    "g′ at a and Wᵀ",
    "05-delta/square-3-3-3",
    (c) => deltasWith(c, { gprime: (_l, _f, a, g) => g(a), wT: true }),
    "delta-gprime-of-a+delta-w-transposed",
  ],
  ["dε/dŷ reversed", "06-gradients/loss-gradient-length-3", (c) => expectedOf<Vec>(c).reverse(), "relation-order"],
];

describe("relations beyond the catalogue", () => {
  it.each(RELATIONS.map(([what, key, make, id]) => ({ what, key, make, id })))(
    "$what ($key) is named $id, by the live and the table diagnoser alike",
    ({ key, make, id }) => {
      const c = byKey(key);
      const received = make(c);
      const finding = live(c, received) as Finding;
      expect(finding.diagnosis?.id).toBe(id);
      expect(finding.diagnosis?.explanation).toMatch(/[=←]/);
      expect(table(c, received)).toEqual(finding);
    },
  );

  // A program's grads are its nodes', not a layer's units: x·y's two grads swapped come from the wrong operand's
  // value, and a wrong value explains nothing about the grads that follow from it.
  it.each([
    {
      what: "x·y's grads swapped",
      make: (e: Program) => ({ ...e, grad: [e.grad[1], e.grad[0], ...e.grad.slice(2)] }),
    },
    // a + a: grad = in add's step keeps one of the two contributions, and so does a line of it left out.
    {
      what: "a + a's grads halved, as grad = or a line left out gives",
      key: "09-autodiff/a-plus-a",
      make: (e: Program) => ({ ...e, grad: [e.grad[0] / 2, e.grad[1] / 2, e.grad[2]] }),
    },
    {
      what: "a wrong value and every grad 0",
      make: (e: Program) => ({ data: e.data.map((x) => x + 1), grad: e.grad.map(() => 0) }),
    },
  ])("an autodiff program with $what names nothing", ({ make, key }) => {
    const c = byKey(key ?? "09-autodiff/add-mul");
    expect(live(c, make(expectedOf<Program>(c)))?.diagnosis).toBeUndefined();
  });

  it("gives the constant of a scaled answer, and the ½ it points at", () => {
    const c = byKey("06-gradients/loss-gradient-length-3");
    const d = live(
      c,
      expectedOf<Vec>(c).map((x) => 2 * x),
    )!.diagnosis!;
    expect(d.name).toBe("scaled by 2");
    expect(d.explanation).toContain("½");
  });

  it.each([
    ["η left out", (w: number, g: number, eta: number) => w - g, "relation-eta-missing"],
    ["η twice", (w: number, g: number, eta: number) => w - eta * eta * g, "relation-eta-twice"],
    ["+η", (w: number, g: number, eta: number) => w + eta * g, "sgd-ascent"],
  ])("an sgdStep with %s is named %s", (_what, step, id) => {
    const c = byKey("07-gradient-descent/sgd-step-2-3-2"); // η = 0.1: η², η/2 and 2η all differ
    const [layers, grads, eta] = c.args as [LayerJson[], { dW: number[][][]; db: Vec[] }, number];
    const received = layers.map((l, i) => ({
      W: l.W.map((row, r) => row.map((w, j) => step(w, grads.dW[i][r][j], eta))),
      b: l.b.map((b, j) => step(b, grads.db[i][j], eta)),
    }));
    expect(live(c, received)?.diagnosis?.id).toBe(id);
  });
});

describe("positions in the lecture's notation", () => {
  it.each([
    ["deltas", [0, 1], "δ^[1]_2"],
    ["deltas", [2], "δ^[3]"],
    ["gradients", ["dW", 1, 2, 0], "dW^[2]_{3,1}"],
    ["gradients", ["db", 0, 3], "db^[1]_4"],
    ["forward", ["a", 1, 0], "a^[2]_1"],
    ["sgdStep", [1, "W", 2, 0], "W^[2]_{3,1}"],
    ["train", ["layers", 0, "b", 1], "b^[1]_2"],
    ["train", ["losses", 4], "the loss after epoch 5"],
    ["weightGradient", [0, 1], "dW_{1,2}"],
    ["lossGradient", [1], "∂ε/∂ŷ_2"],
  ])("%s at %j is %s", (fn, path, expected) => {
    expect(lectureNotation(fn as string, path as (string | number)[])).toBe(expected);
  });
});

describe("where it went wrong, on the feedback page", () => {
  const lost: CaseResult = {
    key: "05-delta/x",
    id: "x",
    exercise: "05-delta",
    name: "δ for a 4-3-3-2 network",
    fn: "deltas",
    visibility: "public",
    status: "fail",
    score: 0,
    max_score: 2,
    message: "expected 0.5, received 0.25 → at δ^[2]_1",
    problems: [{ code: "value", path: [1, 0], at: "δ^[2]_1", expected: "0.5", received: "0.25" }],
    input: "…",
    trace: "δ^[3] ✓ · δ^[2] ✗ (units 1 and 3) · δ^[1] ✗ (follows from δ^[2])",
    source: "exercises/05-delta/delta.ts:12",
  };

  it("gives positions in the lecture's notation, the function's line and the trace", () => {
    const md = caseDetail(lost, { diagnosis: false, formulas: true }).join("\n");
    expect(md).toContain("| $\\boldsymbol{\\delta}^{[2]}_{1}$ | value check | `0.5` | `0.25` |");
    expect(md).toContain("Returned by `exercises/05-delta/delta.ts:12`.");
    const named = {
      ...lost,
      diagnosis: { id: "d", name: "δ without g′", explanation: "…", layers: ["δ^[2]", "δ^[1]"] },
    };
    expect(caseDetail(named, { diagnosis: false, formulas: true }).join("\n")).toContain(
      "The named mistake holds in $\\boldsymbol{\\delta}^{[2]}$, $\\boldsymbol{\\delta}^{[1]}$ only.",
    );
    expect(md).toContain(
      "**Layer by layer:** $\\boldsymbol{\\delta}^{[3]}$ ✓ · $\\boldsymbol{\\delta}^{[2]}$ ✗ (units 1 and 3) · " +
        "$\\boldsymbol{\\delta}^{[1]}$ ✗ (follows from $\\boldsymbol{\\delta}^{[2]}$)",
    );
  });

  it("gives them in the plain notation where nothing typesets formulas (Gradescope)", () => {
    const named = {
      ...lost,
      diagnosis: { id: "d", name: "δ without g′", explanation: "…", layers: ["δ^[2]", "δ^[1]"] },
    };
    const md = caseDetail(named, { diagnosis: true, formulas: false }).join("\n");
    expect(md).toContain("| `δ^[2]_1` | value check | `0.5` | `0.25` |");
    expect(md).toContain(
      "**Layer by layer:** `δ^[3]` ✓ · `δ^[2]` ✗ (units 1 and 3) · `δ^[1]` ✗ (follows from δ^\\[2\\])",
    );
    expect(md).toContain("The named mistake holds in `δ^[2]`, `δ^[1]` only.");
    expect(md).not.toMatch(/\$|\\boldsymbol|\\mathbf/);
  });
});

describe("hostile received values", () => {
  const deep = (n: number): unknown => {
    let v: unknown = [1];
    for (let i = 0; i < n; i++) v = [v];
    return v;
  };
  const values: [string, unknown][] = [
    ["null", null],
    ["a string", "δ"],
    ["an empty list", []],
    ["a list of empty lists", [[], [], []]],
    ["an object with numbers for lists", { f: 1, a: 2, dW: 3, db: 4 }],
    ["NaN everywhere", [[NaN, NaN], [NaN]]],
    ["infinities", [[Infinity, -Infinity, Infinity]]],
    ["a deep nest", deep(60)],
    ["a long vector", Array.from({ length: 100_000 }, (_, i) => i)],
    ["ragged matrices", { dW: [[[1], [1, 2]]], db: [[1]] }],
  ];
  const sample = cases.filter((c) => c.visibility === "public" && c.check.kind !== "throws");
  it.each(values)("%s: every case's diagnosis returns, naming nothing it cannot read", (_what, value) => {
    for (const c of sample) {
      const finding = live(c, structuredClone(value));
      expect(finding?.diagnosis?.id ?? "", c.key).not.toMatch(/^relation-(layer|order|transposed)$/);
    }
  });
});
