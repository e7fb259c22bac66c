/**
 * Internal. One lost case as markdown: what was tested, the input in brief,
 * expected against received, and the named mistake. Shared by feedback.md and
 * Gradescope's per-test output, so both say the same thing.
 *
 * A hidden case shows its name and the kind of check that failed, never a
 * value: not the expected one (results.json has none), and not the received
 * one or a thrown message either, since student code could echo its hidden
 * input through them.
 */
import { positionMath } from "./notation.ts";
import { formatPath } from "../zod-format.ts";
import { whereWrong } from "../misconceptions/trace-markdown.ts";
import type { CaseResult } from "../engine/results.ts";
import { CHECK_KIND, renderProblem } from "../engine/render.ts";
import type { Problem } from "../engine/problem.ts";
import { code, fence, text } from "./markdown.ts";
import { mathText } from "./notation.ts";
import { upstreamSentence } from "../engine/upstream.ts";

/** A case's status in a word, with a mark a reader can scan for. */
export function statusLabel(c: CaseResult): string {
  if (c.status === "pass") return "✓ pass";
  if (c.not_implemented) return "○ not started";
  if (c.not_submitted) return "– not submitted";
  if (c.status === "timeout") return "✗ timed out";
  if (c.status === "error") return c.message.startsWith("does not compile") ? "✗ compile error" : "✗ error";
  return "✗ wrong";
}

/** At most this many rows of expected against received: the first few say enough. */
const MAX_ROWS = 6;

function where(p: Problem, formulas: boolean): string {
  if (p.path.length === 0) return "the result";
  return (formulas && p.at && positionMath(p.at)) || code(p.at ?? formatPath(p.path), true);
}

/** Problems that carry no secret even on a hidden case: counts and purity (and notes such as "3 more differ"). */
const SAFE_WHEN_HIDDEN = new Set<Problem["code"]>(["mutated", "too_many_calls"]);

function problemTable(problems: Problem[], formulas: boolean): string[] {
  const rows = problems.filter((p) => p.expected !== undefined || p.received !== undefined).slice(0, MAX_ROWS);
  const notes = problems.filter((p) => p.expected === undefined && p.received === undefined);
  const lines: string[] = [];
  if (rows.length > 0) {
    lines.push("| Where | Check | Expected | Received |", "| --- | --- | --- | --- |");
    for (const p of rows) {
      const expected = p.expected === undefined ? "" : code(p.expected, true);
      const received = p.received === undefined ? "" : code(p.received, true);
      lines.push(`| ${where(p, formulas)} | ${CHECK_KIND[p.code]} | ${expected} | ${received} |`);
    }
    lines.push("");
  }
  const more = problems.length - rows.length - notes.length;
  for (const p of notes) lines.push(`- ${text(renderProblem(p))}`);
  if (more > 0) lines.push(`- and ${more} more`);
  return lines;
}

function hiddenWhat(c: CaseResult): string[] {
  if (c.status === "timeout") return ["It ran past the time limit for one call."];
  if (c.status === "error")
    return [
      c.message.startsWith("does not compile")
        ? "The exercise does not compile, so this case could not run."
        : "Your function threw an error on this input. Its message is not shown for hidden cases.",
    ];
  // Only the grader's own words: an engine change must not let a message with values through.
  if (c.problems.length === 0)
    return [c.message.startsWith("no result") ? "No result was reported for this case." : "Its answer did not pass."];
  const seen = new Set<string>();
  const kinds: string[] = [];
  for (const p of c.problems) {
    const noValues = p.expected === undefined && p.received === undefined;
    const label =
      SAFE_WHEN_HIDDEN.has(p.code) || noValues
        ? text(renderProblem(p))
        : `${CHECK_KIND[p.code]}${p.path.length > 0 ? ` at ${code(p.at ?? formatPath(p.path))}` : ""}`;
    if (!seen.has(label)) kinds.push(label);
    seen.add(label);
  }
  const shown = kinds.slice(0, MAX_ROWS);
  const more = kinds.length - shown.length;
  return [`What failed: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}.`];
}

export interface DetailOptions {
  /** Include the named mistake's explanation here (Gradescope), rather than once per exercise (feedback). */
  diagnosis: boolean;
  /**
   * Typeset positions and indexed symbols as `$…$` formulas (the feedback page). Gradescope does not typeset them,
   * so there they stay in the lecture's plain notation: `dW^[2]_{3,1}`, never `$d\mathbf{W}^{[2]}_{3,1}$`.
   */
  formulas: boolean;
}

/** The body of one lost case: markdown lines, without a heading. */
export function caseDetail(c: CaseResult, options: DetailOptions): string[] {
  const lines: string[] = [];
  // Where the failure comes from, before what it looks like: the grader's own words, with the course's function
  // names only, so safe on a hidden case too.
  const upstream = upstreamSentence(c);
  const from = upstream ? [`**${upstream}**`, ""] : [];
  if (c.visibility === "hidden") {
    lines.push(`A hidden case of ${code(c.fn)}: its input and expected output are not shown.`, "", ...from);
    lines.push(...hiddenWhat(c), "");
  } else {
    lines.push(`Tested ${code(c.fn)} on ${c.input ? code(c.input) : "the case's input"}.`, "", ...from);
    if (c.problems.length > 0) lines.push(...problemTable(c.problems, options.formulas), "");
    else lines.push(fence(c.message), "");
  }
  lines.push(...whereWrong(c, options.formulas));
  if (c.diagnosis) {
    lines.push(
      options.diagnosis
        ? `**Likely mistake: ${text(c.diagnosis.name)}.** ${text(c.diagnosis.explanation)}`
        : `This answer matches a known mistake: **${(options.formulas ? mathText : text)(c.diagnosis.name)}** (explained above).`,
      "",
    );
  }
  return lines;
}
