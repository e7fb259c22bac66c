/**
 * What a hidden case says when it fails: the kind of check and which of the output's quantities failed, by the
 * course's names (dW, not dW^[2]_{3,1}), and nothing that depends on where in a quantity, by how much, or at what
 * size; so two answers wrong at different entries read the same. Decided as grade.ts decides a hidden case:
 * decide, then redactAll, then renderProblem.
 */
import { describe, expect, it } from "vitest";
import { decide } from "../engine/checks.ts";
import { redactAll, renderProblem } from "../engine/render.ts";
import type { Problem } from "../engine/problem.ts";
import { loadCases } from "../fixtures/load.ts";
import type { LoadedCase } from "../fixtures/schema.ts";
import { loadManifest } from "../manifest.ts";

const cases = loadCases(loadManifest(), { visibility: ["hidden"] });
const hiddenCase = (key: string): LoadedCase => {
  const c = cases.find((x) => x.key === key);
  if (!c) throw new Error(`no hidden case ${key}`);
  return c;
};

type Edit = (value: any, c: LoadedCase) => unknown;

/** What the hidden case shows for `value`; `after` is the arguments as the call left them. */
function hiddenText(c: LoadedCase, value: unknown, after: unknown = c.args): { text: string; problems: Problem[] } {
  const verdict = decide(c, { status: "ok", value, meta: { gPrimeCalls: 0 }, after });
  const problems = redactAll(verdict.problems, c.fn);
  return { text: problems.map(renderProblem).join("\n"), problems };
}

const copy = <T>(v: T): T => structuredClone(v);
const edited = (c: LoadedCase, edit: Edit) => {
  const value = copy(c.expected);
  const out = edit(value, c);
  return out === undefined ? value : out;
};

/** The train case's own starting layers: their loss is far above the bound. */
const initialLayers = (c: LoadedCase) => (c.args[0] as { W: number[][]; b: number[] }[]).map(({ W, b }) => ({ W, b }));

const TABLE: { key: string; what: string; edit: Edit; text: string }[] = [
  // value checks, one quantity and several
  {
    key: "06-gradients/finite-differences-4-layer",
    what: "one entry of dW",
    edit: (v) => void (v.dW[1][0][0] += 1),
    text: "the value check failed on dW",
  },
  {
    key: "06-gradients/finite-differences-4-layer",
    what: "dW and db",
    edit: (v) => void ((v.dW[0][0][0] += 1), (v.db[2][0] += 1)),
    text: "the value check failed on dW and db",
  },
  {
    key: "06-gradients/finite-differences-4-layer",
    what: "every dW entry and one db entry (past any cap on listed entries)",
    edit: (v) => {
      v.dW = v.dW.map((m: number[][]) => m.map((row) => row.map((x) => x + 1)));
      v.db[3][0] += 1;
    },
    text: "the value check failed on dW and db",
  },
  {
    key: "05-delta/five-layer-2-3-4-3-3-2",
    what: "δ",
    edit: (v) => void (v[4][1] *= 2),
    text: "the value check failed on δ",
  },
  {
    key: "04-forward/five-layer-mixed",
    what: "a",
    edit: (v) => void (v.a[2][0] += 1),
    text: "the value check failed on a",
  },
  {
    key: "06-gradients/weight-gradient-1-by-4",
    what: "dW",
    edit: (v) => void (v[0][0] += 1),
    text: "the value check failed on dW",
  },
  {
    key: "07-gradient-descent/sgd-step-2-3-3-1",
    what: "b",
    edit: (v) => void (v[1].b[0] += 1),
    text: "the value check failed on b",
  },
  {
    key: "07-gradient-descent/xor-tanh-sigmoid-result",
    what: "W and the losses",
    edit: (v) => void ((v.layers[0].W[0][0] += 1), (v.losses[3] += 1)),
    text: "the value check failed on W and the losses",
  },
  {
    key: "08-gradient-check/relative-error-one-zero",
    what: "the relative error",
    edit: () => 0.5,
    text: "the value check failed on the relative error",
  },
  {
    key: "08-gradient-check/quadratic-2",
    what: "∂f/∂x",
    edit: (v) => void (v[0] += 1),
    text: "the value check failed on ∂f/∂x",
  },
  {
    key: "03-activations/softmax-0-1000-minus-1000-998",
    what: "softmax",
    edit: (v) => void (v[0] = 0.25),
    text: "the value check failed on softmax(z)",
  },
  {
    key: "03-activations/softmax-jacobian-length-3",
    what: "J",
    edit: (v) => void (v[1][2] += 1),
    text: "the value check failed on J",
  },
  {
    key: "01-linear-algebra/outer-4-by-1",
    what: "outer",
    edit: (v) => void (v[3][0] += 1),
    text: "the value check failed on u vᵀ",
  },
  {
    key: "01-linear-algebra/shape-3x1",
    what: "the columns",
    edit: () => [3, 3],
    text: "the value check failed on the number of columns",
  },
  { key: "02-perceptron/predict-length-5", what: "ŷ", edit: (v) => -v, text: "the value check failed on ŷ" },
  {
    key: "02-perceptron/pla-w0-eta",
    what: "history",
    edit: (v) => void (v.history[0][1] += 1),
    text: "the value check failed on the history of w",
  },
  {
    key: "09-autodiff/deep-chain",
    what: "grad",
    edit: (v) => void (v.grad[0] += 1),
    text: "the value check failed on the nodes' grad",
  },
  // shape checks
  {
    key: "06-gradients/shapes-random-c",
    what: "a dW with a row short",
    edit: (v) => void v.dW[0].pop(),
    text: "the shape check failed on dW",
  },
  {
    key: "05-delta/one-unit-layers",
    what: "a δ too long",
    edit: (v) => void v[0].push(1),
    text: "the shape check failed on δ",
  },
  // type checks, of one quantity and of the whole output
  {
    key: "04-forward/five-layer-mixed",
    what: "f a number",
    edit: (v) => void (v.f = 5),
    text: "the type check failed on f",
  },
  {
    key: "04-forward/five-layer-mixed",
    what: "nothing returned",
    edit: () => null,
    text: "the type check failed on f and a",
  },
  {
    key: "08-gradient-check/relative-error-one-zero",
    what: "a string",
    edit: () => "1",
    text: "the type check failed on the relative error",
  },
  // the training checks: the reported losses and the returned layers' own loss
  {
    key: "07-gradient-descent/xor-tanh-sigmoid-loss-falls",
    what: "rising losses",
    edit: (v) => void (v.losses = [1, 2]),
    text: "the loss check failed on the losses",
  },
  {
    key: "07-gradient-descent/xor-tanh-sigmoid-loss-falls",
    what: "the layers returned untrained",
    edit: (v, c) => void (v.layers = initialLayers(c)),
    text: "the loss check failed on the loss of the returned layers",
  },
  {
    key: "07-gradient-descent/xor-tanh-sigmoid-loss-below",
    what: "a final loss too high",
    edit: (v) => void (v.losses[v.losses.length - 1] = 5),
    text: "the bound check failed on the final loss",
  },
  {
    key: "07-gradient-descent/xor-tanh-sigmoid-loss-below",
    what: "the layers returned untrained",
    edit: (v, c) => void (v.layers = initialLayers(c)),
    text: "the bound check failed on the loss of the returned layers",
  },
];

describe("a failing hidden case names the quantity that failed", () => {
  it.each(TABLE)("$key, $what: $text", ({ key, edit, text }) => {
    const c = hiddenCase(key);
    const { text: shown, problems } = hiddenText(c, edited(c, edit));
    expect(shown).toBe(text);
    // No position, value, size or count travels with it.
    for (const p of problems) {
      expect(p.path).toEqual([]);
      expect(p).not.toHaveProperty("expected");
      expect(p).not.toHaveProperty("received");
      expect(p).not.toHaveProperty("at");
    }
    expect(shown).not.toMatch(/\d/);
  });

  it("names a structure check's quantity", () => {
    const problems = redactAll(
      [{ code: "missing", path: ["db"], expected: "a list", received: "nothing" }],
      "gradients",
    );
    expect(problems.map(renderProblem)).toEqual(["the structure check failed on db"]);
  });

  it("says a purity failure as public cases do, beside the quantity that failed", () => {
    const c = hiddenCase("07-gradient-descent/sgd-step-2-3-3-1");
    const after = copy(c.args) as [{ W: number[][] }[]];
    after[0][0].W[0][0] += 1;
    const { text } = hiddenText(
      c,
      edited(c, (v) => void (v[0].W[1][2] += 1)),
      after,
    );
    expect(text).toBe(
      "the value check failed on W\nchanged its inputs; it must leave them unchanged and return new arrays",
    );
  });
});

describe("no position leaks through the quantity's name", () => {
  const c = hiddenCase("06-gradients/finite-differences-4-layer");
  const wrongAt = (layer: number, row: number, col: number, by: number) =>
    hiddenText(
      c,
      edited(c, (v) => void (v.dW[layer][row][col] += by)),
    );

  it.each([
    ["another entry of the same dW^[l]", wrongAt(0, 0, 0, 1), wrongAt(0, 1, 1, 1)],
    ["another layer's dW", wrongAt(0, 0, 0, 1), wrongAt(3, 0, 0, 1)],
    ["another error", wrongAt(1, 0, 0, 1e-3), wrongAt(1, 0, 0, 1e6)],
  ])("%s reads the same", (_, a, b) => {
    expect(a.text).toBe("the value check failed on dW");
    expect(b.text).toBe(a.text);
    expect(JSON.stringify(b.problems)).toBe(JSON.stringify(a.problems));
  });

  it("a wrong shape reads the same whatever size was returned", () => {
    const s = hiddenCase("06-gradients/shapes-random-c");
    const short = hiddenText(
      s,
      edited(s, (v) => void v.dW[0].pop()),
    );
    const long = hiddenText(
      s,
      edited(s, (v) => void v.dW[0].push(...v.dW[0])),
    );
    expect(long.text).toBe(short.text);
    expect(JSON.stringify(long.problems)).toBe(JSON.stringify(short.problems));
  });
});
