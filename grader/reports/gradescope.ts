/**
 * results/<id>/gradescope.json: one submission's result in Gradescope's
 * results.json format. Each case is a test; hidden cases are shown to the
 * student when the manifest's `gradescope.hidden_visibility` says (after the
 * due date by default). Outputs are markdown without formulas, since
 * Gradescope does not typeset $…$.
 */
import type { CaseResult, SubmissionResult } from "../engine/results.ts";
import type { Manifest } from "../manifest.ts";
import { hintsFor } from "../check/hints.ts";
import { caseDetail } from "./case-detail.ts";
import { extraCreditNote } from "./extra-credit.ts";
import { exerciseHeading, scoreLine } from "./feedback-md.ts";
import { GradescopeResultsSchema, type GradescopeResults, type GradescopeTest } from "./gradescope-schema.ts";
import { code, fence, text } from "./markdown.ts";

function output(c: CaseResult, hint: string | undefined): string {
  if (c.status === "pass") return "";
  const lines = c.not_implemented
    ? [`Not started: ${code(c.fn)} still throws "not implemented".`, ""]
    : c.not_submitted
      ? [`Not submitted: ${text(c.message.replace(/^not submitted: /, ""))}.`, ""]
      : caseDetail(c, { diagnosis: true, formulas: false });
  if (hint) lines.push(`**Hint:** ${text(hint)}`);
  return lines.join("\n").trim();
}

function overview(result: SubmissionResult): string {
  const lines = [`**${scoreLine(result.score, result.max_score)}**`, ""];
  const extra = extraCreditNote(result);
  if (extra) lines.push(text(extra), "");
  if (result.note) lines.push(`**Note:** ${text(result.note)}`, "");
  for (const e of result.exercises) {
    lines.push(`- ${text(exerciseHeading(e))}${e.bonus ? " (bonus)" : ""}: ${e.score} / ${e.max_score}, ${e.status}`);
    const errors = e.compile_errors?.map((p) => `${p.file}${p.line ? `:${p.line}:${p.column}` : ""}: ${p.text}`);
    if (errors?.length) lines.push("", fence(errors.join("\n")), "");
  }
  return lines.join("\n").trim();
}

/**
 * Converts one submission's result; the output is validated against Gradescope's schema. A result with no
 * score (the grader could not grade it) has no Gradescope form: Gradescope needs a score, and 0 would be a
 * grade the student did not earn, so this throws and the caller writes nothing.
 */
export function toGradescope(result: SubmissionResult, manifest: Manifest): GradescopeResults {
  if (result.score === null)
    throw new Error(`${result.submission} was not graded (${result.note}): it has no score to give Gradescope`);
  const order = new Map(manifest.exercises.map((e, i) => [e.id, { n: i + 1, spec: e }]));
  const counters = new Map<string, number>();
  const tests: GradescopeTest[] = result.cases.map((c) => {
    const ex = order.get(c.exercise);
    const k = (counters.get(c.exercise) ?? 0) + 1;
    counters.set(c.exercise, k);
    return {
      name: `${ex ? exerciseHeading(ex.spec) : c.exercise} › ${c.name}`,
      number: `${ex?.n ?? 0}.${k}`,
      score: c.score,
      max_score: c.max_score,
      status: c.status === "pass" ? "passed" : "failed",
      output: output(c, ex ? hintsFor(ex.spec, [c])[0]?.text : undefined),
      visibility: c.visibility === "hidden" ? manifest.gradescope.hidden_visibility : "visible",
    };
  });
  return GradescopeResultsSchema.parse({
    score: result.score,
    execution_time: Math.round(result.duration_ms) / 1000,
    output: overview(result),
    output_format: "md",
    test_output_format: "md",
    tests,
  });
}
