/**
 * Internal. results/<id>/feedback.md: a student's score and an overview, then
 * per exercise what to fix first: what blocks it (a compile error, a missing
 * export, a throw on loading), the named mistake, the rule in the lecture's
 * notation and the hint for what fails, then each failing case with expected
 * against received. Complete and not-started exercises are one collapsed line.
 */
import type { CaseResult, ExerciseResult, SubmissionResult, TypeWarning } from "../engine/results.ts";
import { hintsFor } from "../check/hints.ts";
import type { Exercise, Manifest } from "../manifest.ts";
import { caseDetail, statusLabel } from "./case-detail.ts";
import { extraCreditNote } from "./extra-credit.ts";
import { DIAGNOSIS_FORMULAS, formulasFor } from "./formulas.ts";
import { anchor, code, fence, text } from "./markdown.ts";
import { mathText } from "./notation.ts";

const STATUS_MARK: Record<ExerciseResult["status"], string> = {
  complete: "✓ complete",
  "in progress": "◐ in progress",
  "not started": "○ not started",
  "not submitted": "– not submitted",
  "compile error": "✗ compile error",
};

const GRADING_WORDS: Record<SubmissionResult["grading_status"], string> = {
  graded: "graded",
  compile_error: "graded; some files do not compile",
  timeout: "graded until the time limit ran out",
  refused: "not graded: the submission was refused",
  crashed: "graded; your code crashed its process on some calls (see the note)",
  error: "not graded yet: the grader failed on it, not your code, and the next run grades it again",
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
    lines.push(`| ${mathText(c.name)} | ${c.visibility} | ${statusLabel(c)} | ${c.score} / ${c.max_score} |`);
  return [...lines, ""];
}

/** A collapsed section: the summary line, then the body, shown when the reader opens it. */
function collapsed(summary: string, body: string[]): string[] {
  return ["<details>", "", summary, "", ...body, "</details>", ""];
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
      `> **Likely mistake: ${mathText(d.name)}** (${count} ${count === 1 ? "case" : "cases"}). ${mathText(d.explanation)}`,
    );
    const formula = DIAGNOSIS_FORMULAS[id];
    if (formula) lines.push(">", `> $$\n> ${formula}\n> $$`);
    lines.push("");
  }
  return lines;
}

/** The message of a module that threw while loading, from a public case (a hidden one's could echo its input). */
const LOAD_FAILED = "the module failed to load";

/** What stops every case of the exercise, said once: it does not compile, lacks an export, or throws on loading. */
function blocking(e: ExerciseResult, cases: CaseResult[]): string[] {
  if (e.status === "compile error") {
    const problems = (e.compile_errors ?? []).map(
      (p) => `${p.file}${p.line ? `:${p.line}:${p.column}` : ""}: ${p.text}`,
    );
    return ["**It does not compile**, so none of its cases could run:", "", fence(problems.join("\n")), ""];
  }
  const lines: string[] = [];
  const missing = [...new Set(cases.flatMap((c) => (c.missing_export ? [c.missing_export] : [])))];
  if (missing.length > 0) {
    const n = cases.filter((c) => c.missing_export).length;
    lines.push(
      `**Your file does not export ${missing.map((m) => code(m)).join(", ")}**, so ${n} ${n === 1 ? "case" : "cases"} could not call it. Keep the stub's exported names.`,
      "",
    );
  }
  const crashed = cases.filter((c) => c.status === "error" && c.message.startsWith(LOAD_FAILED));
  if (crashed.length > 0) {
    const shown = crashed.find((c) => c.visibility === "public");
    lines.push(`**It throws as it loads**, before any function is called, so none of its cases could run.`, "");
    if (shown) lines.push(fence(shown.message), "");
  }
  return lines;
}

function typeErrors(warnings: TypeWarning[]): string[] {
  if (warnings.length === 0) return [];
  return [
    `**Type errors** (TypeScript; warnings only, they do not change the score):`,
    "",
    fence(warnings.map((w) => `${w.file}:${w.line}:${w.column} TS${w.code}: ${w.text}`).join("\n")),
    "",
  ];
}

/** An exercise being worked on: what blocks it, the named mistake, the rule and hint, then each failing case. */
function openSection(e: ExerciseResult, spec: Exercise | undefined, cases: CaseResult[], warnings: TypeWarning[]) {
  const lines = blocking(e, cases);
  if (e.status !== "compile error") {
    const lost = cases.filter((c) => c.status !== "pass" && !c.missing_export);
    const blocked = lost.filter((c) => c.message.startsWith(LOAD_FAILED));
    const failing = lost.filter((c) => !c.not_implemented && !blocked.includes(c));
    lines.push(...diagnoses(failing));
    // Failures that come from earlier exercises ask for no rule of this one: each says where it comes from.
    const own = failing.filter((c) => !c.upstream);
    if (own.length > 0 || failing.length === 0) lines.push(...ruleBlock(e.id, own));
    const hint = spec ? hintsFor(spec, cases)[0] : undefined;
    if (hint) lines.push(`> **Hint:** ${mathText(hint.text)}`, "");
    lines.push(...typeErrors(warnings));
    lines.push(...notStarted(lost.filter((c) => c.not_implemented)));
    for (const c of failing) {
      lines.push(`### ${statusLabel(c).slice(0, 1)} ${mathText(c.name)}`, "");
      lines.push(`*${c.visibility} case · ${c.score} / ${c.max_score} points*`, "");
      lines.push(...caseDetail(c, { diagnosis: false, formulas: true }));
    }
  } else {
    lines.push(...typeErrors(warnings));
  }
  lines.push(...collapsed(`All ${cases.length} cases of ${text(exerciseHeading(e))}`, caseTable(cases)));
  return lines;
}

/** The rule of each function that lost points, in the lecture's notation: the failing function's own, not the exercise's. */
function ruleBlock(exercise: string, failing: CaseResult[]): string[] {
  // Nothing ran wrong (every lost case is a stub or blocked): the exercise's headline rule, not every function's.
  const rules =
    failing.length > 0 ? formulasFor(exercise, [...new Set(failing.map((c) => c.fn))]) : formulasFor(exercise, [""]);
  if (rules.length === 0) return [];
  if (rules.length === 1) return ["**The rule, in the lecture's notation:**", "", `$$\n${rules[0].formula}\n$$`, ""];
  return [
    "**The rules, in the lecture's notation:**",
    "",
    ...rules.flatMap(({ fn, formula }) => [`${code(fn)}:`, "", `$$\n${formula}\n$$`, ""]),
  ];
}

/** The whole feedback page as markdown. */
export function feedbackMarkdown(result: SubmissionResult, manifest: Manifest): string {
  return feedbackBlocks(result, manifest).join("\n");
}

/**
 * feedback.md in blocks that render alike alone or together: the page's head, then one per exercise. An exercise's
 * block is the same text for every student with the same outcome on it, so its HTML is rendered once (see
 * renderBlocks).
 */
export function feedbackBlocks(result: SubmissionResult, manifest: Manifest): string[] {
  const blocks: string[] = [];
  const lines = [
    `# Feedback for ${text(result.submission)}`,
    "",
    `**${scoreLine(result.score, result.max_score)}** · ${GRADING_WORDS[result.grading_status]} · ${result.graded_at.slice(0, 16).replace("T", " ")} UTC`,
    "",
  ];
  if (result.note) lines.push(`**Note:** ${text(result.note)}`, "");
  if (result.exercises.length === 0) {
    lines.push("Nothing could be graded. Fix the problem in the note above and submit again.", "");
    return [lines.join("\n")];
  }
  lines.push(...overview(result));
  const specs = new Map(manifest.exercises.map((e) => [e.id, e]));
  for (const e of result.exercises) {
    blocks.push(lines.splice(0).join("\n"));
    const cases = result.cases.filter((c) => c.exercise === e.id);
    const warnings = (result.type_warnings ?? []).filter((w) => w.file.startsWith(`exercises/${e.id}/`));
    const heading = exerciseHeading(e);
    const status = `${STATUS_MARK[e.status]} · **${e.score} / ${e.max_score} points**${e.bonus ? " (bonus)" : ""}`;
    const flag =
      warnings.length > 0 ? ` · ⚠ ${warnings.length} type ${warnings.length === 1 ? "error" : "errors"}` : "";
    // Not handed in: one plain line, and nothing to open.
    if (e.status === "not submitted") {
      const file = specs.get(e.id)?.file ?? "its file";
      lines.push(`## ${text(heading)}`, "", `${status} · the submission has no ${code(file)}`, "");
      continue;
    }
    // Nothing to fix in a complete exercise, nothing to read yet in one not started: one line each, opened on demand.
    if (e.status === "complete" || e.status === "not started") {
      lines.push(`## ${text(heading)}`, "");
      lines.push(
        ...collapsed(`${status}${flag}`, [
          ...(e.status === "not started" ? notStarted(cases) : []),
          ...typeErrors(warnings),
          ...caseTable(cases),
        ]),
      );
      continue;
    }
    lines.push(`## ${text(heading)}`, "", `${status}${flag}`, "");
    lines.push(...openSection(e, specs.get(e.id), cases, warnings));
  }
  blocks.push(lines.join("\n"));
  return blocks;
}
