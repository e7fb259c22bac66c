/**
 * The rule shown with a failure is the failing function's own (issue 22.7): a softmax failure shows softmax, not
 * σ′, tanh′ and relu′; a relativeError failure shows the relative error, not central differences. Every rule
 * typesets.
 */
import { describe, expect, it } from "vitest";
import katex from "katex";
import { SubmissionResultSchema, type CaseResult } from "../engine/results.ts";
import { SIGNATURES } from "../engine/signatures.ts";
import { loadManifest } from "../manifest.ts";
import { EXERCISE_FORMULAS, FUNCTION_FORMULAS, formulasFor } from "../reports/formulas.ts";
import { feedbackMarkdown } from "../reports/feedback-md.ts";

const manifest = loadManifest();

function failing(exercise: string, fn: string, over: Partial<CaseResult> = {}): CaseResult {
  return {
    key: `${exercise}/${fn}-case`,
    id: `${fn}-case`,
    exercise,
    name: `a case of ${fn}`,
    fn,
    visibility: "public",
    status: "fail",
    score: 0,
    max_score: 1,
    message: "expected 1, received 2",
    problems: [{ code: "value", path: [], expected: "1", received: "2" }],
    ...over,
  };
}

/** The feedback page's section for one exercise whose given cases failed. */
function feedbackFor(exercise: string, cases: CaseResult[]): string {
  const title = manifest.exercises.find((e) => e.id === exercise)!.title;
  const result = SubmissionResultSchema.parse({
    schema_version: 1,
    submission: "s",
    grading_status: "graded",
    score: 0,
    max_score: cases.length,
    note: "",
    input_hash: "h",
    grader_fingerprint: "f",
    visibility: ["public"],
    exercises: [{ id: exercise, title, bonus: false, score: 0, max_score: cases.length, status: "in progress" }],
    cases,
    graded_at: "2026-01-01T00:00:00.000Z",
    duration_ms: 1,
  });
  return feedbackMarkdown(result, manifest);
}

/** The "The rule(s), in the lecture's notation" block of a page: what this test is about, hints and cases aside. */
function ruleSection(page: string): string {
  const start = page.indexOf("**The rule");
  expect(start, "the page shows a rule").toBeGreaterThanOrEqual(0);
  const ends = ["\n> **Hint", "\n### "].map((m) => page.indexOf(m, start)).filter((i) => i >= 0);
  return page.slice(start, Math.min(page.length, ...ends));
}

/** Every function a case calls, with its exercise. */
const functions = Object.entries(SIGNATURES).flatMap(([exercise, fns]) =>
  Object.keys(fns).map((fn) => ({ exercise, fn, label: `${exercise} ${fn}` })),
);
/** The distinct rules an exercise can show. */
const rulesOf = (exercise: string) =>
  new Set([EXERCISE_FORMULAS[exercise], ...Object.values(FUNCTION_FORMULAS[exercise] ?? {})].filter(Boolean));

describe("the rule shown with a failure", () => {
  it.each(functions)("of $label is its own, and no other function's", ({ exercise, fn }) => {
    const page = ruleSection(feedbackFor(exercise, [failing(exercise, fn)]));
    const [own] = formulasFor(exercise, [fn]);
    expect(own, `${exercise} ${fn} has a rule`).toBeDefined();
    expect(page).toContain(`$$\n${own.formula}\n$$`);
    // A rule that is part of this one (pla's holds update's) may show; any other may not.
    for (const other of rulesOf(exercise)) if (!own.formula.includes(other)) expect(page).not.toContain(other);
  });

  it.each([
    { exercise: "03-activations", fn: "softmax", not: "\\tanh'(z)", shows: "\\sum_{j} e^{z_j}" },
    { exercise: "03-activations", fn: "softmaxJacobian", not: "\\sigma'(z)", shows: "\\delta_{ij}" },
    { exercise: "08-gradient-check", fn: "relativeError", not: "2h", shows: "\\operatorname{relErr}" },
    { exercise: "08-gradient-check", fn: "numericalGradient", not: "relErr", shows: "2h" },
    {
      exercise: "06-gradients",
      fn: "lossGradient",
      not: "\\mathbf{a}^{[l-1]}",
      shows: "\\hat{\\mathbf{y}} - \\mathbf{y}",
    },
    { exercise: "02-perceptron", fn: "sgn", not: "\\leftarrow", shows: "\\text{otherwise}" },
  ])("of $fn is not another function's", ({ exercise, fn, not, shows }) => {
    const page = ruleSection(feedbackFor(exercise, [failing(exercise, fn)]));
    expect(page).toContain(shows);
    expect(page).not.toContain(not);
  });

  it("lists the rule of each function that failed, once each, under its name", () => {
    const page = ruleSection(
      feedbackFor("03-activations", [
        failing("03-activations", "softmax"),
        failing("03-activations", "tanhPrime", { key: "03-activations/b", id: "b" }),
        failing("03-activations", "softmax", { key: "03-activations/c", id: "c" }),
      ]),
    );
    expect(page).toContain("**The rules, in the lecture's notation:**");
    expect(page.split(FUNCTION_FORMULAS["03-activations"].softmax).length).toBe(2);
    expect(page).toContain(FUNCTION_FORMULAS["03-activations"].tanhPrime);
    expect(page).toContain("`softmax`:");
    expect(page).not.toContain(FUNCTION_FORMULAS["03-activations"].sigmoidPrime);
  });

  it("is the exercise's headline rule when nothing ran wrong (only stubs)", () => {
    const page = ruleSection(
      feedbackFor("03-activations", [
        failing("03-activations", "softmax", { status: "error", not_implemented: true, message: "not implemented" }),
      ]),
    );
    expect(page).toContain(EXERCISE_FORMULAS["03-activations"]);
    expect(page).not.toContain(FUNCTION_FORMULAS["03-activations"].softmax);
  });

  const all = [...Object.values(EXERCISE_FORMULAS), ...Object.values(FUNCTION_FORMULAS).flatMap(Object.values)];
  it.each(all.map((formula) => ({ formula })))("typesets $formula", ({ formula }) => {
    expect(() => katex.renderToString(formula, { displayMode: true, throwOnError: true })).not.toThrow();
  });
});
