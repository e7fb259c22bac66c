/**
 * Small, hand-made results for the report tests: every kind of lost point,
 * with the values a hidden case must never show and text a student could
 * use to inject markup.
 */
import type { CaseResult, SubmissionResult } from "../engine/results.ts";
import { SubmissionResultSchema } from "../engine/results.ts";

/** Planted in hidden cases' received values and messages: never to appear in a report. */
export const HIDDEN_SECRET = "0.424242";

/** What a student's error message might try. */
export const INJECTIONS = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "[click](javascript:alert(1))",
  "![pixel](https://example.com/p.png)",
  "**bold** _em_ `tick`",
  "$\\href{https://example.com}{x}$",
  "| a | b |",
  "# heading\n\n- list",
  "https://example.com/autolink",
];

function c(over: Partial<CaseResult> & Pick<CaseResult, "id" | "exercise">): CaseResult {
  return {
    key: `${over.exercise}/${over.id}`,
    name: `case ${over.id}`,
    fn: "deltas",
    visibility: "public",
    status: "pass",
    score: 1,
    max_score: 1,
    message: "",
    problems: [],
    ...over,
  };
}

const diagnosis = {
  id: "delta-missing-gprime",
  name: "δ without the g′(f) factor",
  explanation: "Your δ is what you get when the factor g′(f^[l]) is left out.",
};

export function sampleResult(submission = "alice"): SubmissionResult {
  const cases: CaseResult[] = [
    c({ id: "ok", exercise: "05-delta" }),
    c({
      id: "wrong-public",
      exercise: "05-delta",
      status: "fail",
      score: 0,
      max_score: 2,
      message: "expected 0.5, received 0.25 → at [0][1]",
      problems: [{ code: "value", path: [0, 1], expected: "0.5", received: "0.25" }],
      input: "layers = [3→2 sigmoid], dε/dŷ = [0.1]",
      diagnosis,
    }),
    c({
      id: "wrong-hidden",
      exercise: "05-delta",
      visibility: "hidden",
      status: "fail",
      score: 0,
      message: `wrong value, received ${HIDDEN_SECRET} → at [1][0]`,
      problems: [{ code: "value", path: [1, 0], received: HIDDEN_SECRET }],
      diagnosis,
    }),
    c({
      id: "threw-hidden",
      exercise: "05-delta",
      visibility: "hidden",
      status: "error",
      score: 0,
      message: `threw Error: input was ${HIDDEN_SECRET}`,
    }),
    c({
      id: "injection",
      exercise: "01-linear-algebra",
      fn: "dot",
      status: "error",
      score: 0,
      message: `threw Error: ${INJECTIONS.join(" ")}`,
      input: "w = [1, 2], x = [3, 4]",
    }),
    c({
      id: "todo",
      exercise: "01-linear-algebra",
      fn: "outer",
      status: "error",
      score: 0,
      message: "threw Error: not implemented: outer",
      not_implemented: true,
    }),
    c({
      id: "slow",
      exercise: "01-linear-algebra",
      fn: "matVec",
      status: "timeout",
      score: 0,
      message: "timed out after 2 s",
    }),
  ];
  const exercise = (id: string, title: string) => {
    const own = cases.filter((x) => x.exercise === id);
    const score = own.reduce((s, x) => s + x.score, 0);
    const max = own.reduce((s, x) => s + x.max_score, 0);
    return { id, title, bonus: false, score, max_score: max, status: "in progress" as const };
  };
  const exercises = [exercise("01-linear-algebra", "Linear algebra primer"), exercise("05-delta", "The δ recursion")];
  return SubmissionResultSchema.parse({
    schema_version: 1,
    submission,
    grading_status: "graded",
    score: exercises.reduce((s, e) => s + e.score, 0),
    max_score: exercises.reduce((s, e) => s + e.max_score, 0),
    note: "",
    input_hash: "h",
    grader_fingerprint: "f",
    visibility: ["public", "hidden"],
    exercises,
    cases,
    graded_at: "2026-01-01T00:00:00.000Z",
    duration_ms: 1234,
  });
}
