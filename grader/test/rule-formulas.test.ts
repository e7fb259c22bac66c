/**
 * The rule shown with a failure is the failing function's own (issue 22.7): a softmax failure shows softmax, not
 * σ′, tanh′ and relu′; a relativeError failure shows the relative error, not central differences. Every rule
 * typesets.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import katex from "katex";
import { SubmissionResultSchema, type CaseResult } from "../engine/results.ts";
import { SIGNATURES } from "../engine/signatures.ts";
import { loadManifest } from "../manifest.ts";
import { DIAGNOSIS_FORMULAS, EXERCISE_FORMULAS, FUNCTION_FORMULAS, formulasFor } from "../reports/formulas.ts";
import { feedbackMarkdown } from "../reports/feedback-md.ts";
import { paths } from "../paths.ts";

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

/**
 * Each row of each table in a formula (a `cases`, a matrix), as cell counts, with the columns its table has. A row
 * separator written `\ ` instead of `\\` typesets without an error, as a control space: the cases of relu′
 * then show as one row, `1   z > 0   0   otherwise`.
 */
function tableRows(formula: string): { columns: number; cells: number[] }[] {
  const mathml = katex.renderToString(formula, { displayMode: true, throwOnError: true, output: "mathml" });
  const tables: { columns: number; cells: number[] }[] = [];
  const open: { columns: number; cells: number[] }[] = [];
  for (const [tag] of mathml.matchAll(/<\/?(?:mtable|mtr|mtd)\b[^>]*>/g)) {
    const table = open.at(-1);
    if (tag.startsWith("<mtable")) {
      const align = /columnalign="([^"]*)"/.exec(tag)?.[1] ?? "";
      open.push({ columns: align.split(" ").filter(Boolean).length, cells: [] });
    } else if (tag === "</mtable>") tables.push(open.pop()!);
    else if (tag === "<mtr>") table?.cells.push(0);
    else if (tag.startsWith("<mtd") && table) table.cells[table.cells.length - 1]++;
  }
  return tables;
}

/** The display formulas ($$ … $$) of the exercise guides, which students read beside the feedback's rules. */
function guideFormulas(): { where: string; formula: string }[] {
  return readdirSync(paths.exercises).flatMap((dir) => {
    const file = path.join(paths.exercises, dir, "README.md");
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return [];
    }
    return [...text.matchAll(/\$\$([\s\S]*?)\$\$/g)].map((m) => ({ where: `${dir}/README.md`, formula: m[1] }));
  });
}

describe("every table in a rule or a guide's formula", () => {
  const formulas = [
    ...Object.entries(EXERCISE_FORMULAS).map(([where, formula]) => ({ where, formula })),
    ...Object.entries(FUNCTION_FORMULAS).flatMap(([exercise, fns]) =>
      Object.entries(fns).map(([fn, formula]) => ({ where: `${exercise} ${fn}`, formula })),
    ),
    ...Object.entries(DIAGNOSIS_FORMULAS).map(([where, formula]) => ({ where, formula })),
    ...guideFormulas(),
  ];

  it("has the guides' formulas and the rules with cases among them", () => {
    expect(guideFormulas().length).toBeGreaterThan(5);
    expect(formulas.filter((f) => f.formula.includes("{cases}")).length).toBeGreaterThanOrEqual(5);
  });

  it.each(formulas)("has as many cells in each row as its columns: $where", ({ formula }) => {
    for (const { columns, cells } of tableRows(formula)) expect(cells.map(() => columns)).toEqual(cells);
  });

  it.each([
    { formula: String.raw`\begin{cases} 1 & z > 0 \ 0 & \text{otherwise} \end{cases}`, rows: [3] },
    { formula: String.raw`\begin{pmatrix} 1 & 2 \\ 3 \end{pmatrix}`, rows: [2, 1] },
    { formula: String.raw`\begin{cases} 1 & z > 0 \\ 0 & \text{otherwise} \end{cases}`, rows: [2, 2] },
  ])("reads the rows of $formula", ({ formula, rows }) => {
    expect(tableRows(formula).map((t) => t.cells)).toEqual([rows]);
  });
});
