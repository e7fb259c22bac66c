/**
 * Internal. results/<id>/feedback.md: a student's score, a table per
 * exercise, and for every lost point what was tested, expected against
 * received, the named mistake and the exercise's first hint, with the rule
 * the exercise implements typeset in the lecture's notation.
 */
import type { CaseResult, ExerciseResult, SubmissionResult } from "../engine/results.ts";
import type { Exercise, Manifest } from "../manifest.ts";
import { caseDetail, statusLabel } from "./case-detail.ts";
import { extraCreditNote } from "./extra-credit.ts";
import { DIAGNOSIS_FORMULAS, EXERCISE_FORMULAS } from "./formulas.ts";
import { anchor, code, fence, text } from "./markdown.ts";

const STATUS_MARK: Record<ExerciseResult["status"], string> = {
  complete: "✓ complete",
  "in progress": "◐ in progress",
  "not started": "○ not started",
  "compile error": "✗ compile error",
};

const GRADING_WORDS: Record<SubmissionResult["grading_status"], string> = {
  graded: "graded",
  compile_error: "graded; some files do not compile",
  timeout: "graded until the time limit ran out",
  refused: "not graded: the submission was refused",
  crashed: "not graded: the grader failed on it",
  error: "not graded yet: the grading machine failed, and the next run grades it again",
};

/** "12 / 95 points (13%)", or a dash for a submission the grader could not grade. */
export function scoreLine(score: number | null, max: number): string {
  return score === null ? `– / ${max} points (not graded)` : `${score} / ${max} points (${percent(score, max)})`;
}

export function percent(score: number, max: number): string {
  return max > 0 ? `${Math.round((100 * score) / max)}%` : "–";
}

/** The heading text of an exercise, also its anchor: "05 · The δ recursion" → #05-the-δ-recursion. */
export function exerciseHeading(e: { id: string; title: string }): string {
  return `${e.id.slice(0, 2)} · ${e.title}`;
}

function overview(result: SubmissionResult): string[] {
  const lines = ["| Exercise | Status | Points |", "| --- | --- | ---: |"];
  for (const e of result.exercises) {
    const heading = exerciseHeading(e);
    lines.push(
      `| [${text(heading)}](#${anchor(heading)})${e.bonus ? " (bonus)" : ""} | ${STATUS_MARK[e.status]} | ${e.score} / ${e.max_score} |`,
    );
  }
  lines.push(`| **Total** | | **${result.score} / ${result.max_score}** |`, "");
  const extra = extraCreditNote(result);
  if (extra) lines.push(text(extra), "");
  return lines;
}

function caseTable(cases: CaseResult[]): string[] {
  const lines = ["| Case | Kind | Status | Points |", "| --- | --- | --- | ---: |"];
  for (const c of cases)
    lines.push(`| ${text(c.name)} | ${c.visibility} | ${statusLabel(c)} | ${c.score} / ${c.max_score} |`);
  return [...lines, ""];
}

function notStarted(cases: CaseResult[]): string[] {
  const byFn = new Map<string, number>();
  for (const c of cases) byFn.set(c.fn, (byFn.get(c.fn) ?? 0) + c.max_score);
  if (byFn.size === 0) return [];
  const list = [...byFn].map(([fn, points]) => `${code(fn)} (${points} ${points === 1 ? "point" : "points"})`);
  return [`**Not started yet:** ${list.join(", ")} still throw "not implemented". Remove the \`throw\` to begin.`, ""];
}

function diagnoses(cases: CaseResult[]): string[] {
  const seen = new Map<string, { c: CaseResult; count: number }>();
  for (const c of cases) {
    if (!c.diagnosis) continue;
    const entry = seen.get(c.diagnosis.id);
    if (entry) entry.count++;
    else seen.set(c.diagnosis.id, { c, count: 1 });
  }
  const lines: string[] = [];
  for (const [id, { c, count }] of seen) {
    const d = c.diagnosis!;
    // A quote block, which the page shows as a call-out: the named mistake is the most useful thing here.
    lines.push(
      `> **Likely mistake: ${text(d.name)}** (${count} ${count === 1 ? "case" : "cases"}). ${text(d.explanation)}`,
    );
    const formula = DIAGNOSIS_FORMULAS[id];
    if (formula) lines.push(">", `> $$\n> ${formula}\n> $$`);
    lines.push("");
  }
  return lines;
}

function lostPoints(e: ExerciseResult, spec: Exercise | undefined, cases: CaseResult[]): string[] {
  const lost = cases.filter((c) => c.status !== "pass");
  if (lost.length === 0) return [];
  const lines: string[] = [];
  const rule = () => {
    const formula = EXERCISE_FORMULAS[e.id];
    if (formula) lines.push("**The rule, in the lecture's notation:**", "", `$$\n${formula}\n$$`, "");
    if (spec?.hints[0]) lines.push(`> **Hint:** ${text(spec.hints[0])}`, "");
  };
  if (e.status === "compile error") {
    const problems = (e.compile_errors ?? []).map(
      (p) => `${p.file}${p.line ? `:${p.line}:${p.column}` : ""}: ${p.text}`,
    );
    lines.push("**It does not compile**, so none of its cases could run:", "", fence(problems.join("\n")), "");
    return lines;
  }
  lines.push(...diagnoses(lost));
  rule();
  lines.push(...notStarted(lost.filter((c) => c.not_implemented)));
  for (const c of lost.filter((x) => !x.not_implemented)) {
    lines.push(`### ${statusLabel(c).slice(0, 1)} ${text(c.name)}`, "");
    lines.push(`*${c.visibility} case · ${c.score} / ${c.max_score} points*`, "");
    lines.push(...caseDetail(c, { diagnosis: false }));
  }
  return lines;
}

/** The whole feedback page as markdown. */
export function feedbackMarkdown(result: SubmissionResult, manifest: Manifest): string {
  const lines = [
    `# Feedback for ${text(result.submission)}`,
    "",
    `**${scoreLine(result.score, result.max_score)}** · ${GRADING_WORDS[result.grading_status]} · ${result.graded_at.slice(0, 16).replace("T", " ")} UTC`,
    "",
  ];
  if (result.note) lines.push(`**Note:** ${text(result.note)}`, "");
  if (result.exercises.length === 0) {
    lines.push("Nothing could be graded. Fix the problem in the note above and submit again.", "");
    return lines.join("\n");
  }
  lines.push(...overview(result));
  const specs = new Map(manifest.exercises.map((e) => [e.id, e]));
  for (const e of result.exercises) {
    const cases = result.cases.filter((c) => c.exercise === e.id);
    const heading = exerciseHeading(e);
    lines.push(`## ${text(heading)}`, "");
    lines.push(`${STATUS_MARK[e.status]} · **${e.score} / ${e.max_score} points**${e.bonus ? " (bonus)" : ""}`, "");
    lines.push(...caseTable(cases), ...lostPoints(e, specs.get(e.id), cases));
  }
  return lines.join("\n");
}
