/**
 * Internal. Writes one submission's results.json inside that submission's
 * failure boundary: a result with a score out of bounds, that cannot be serialised
 * (longer than V8's longest string) or cannot be written becomes the grader's
 * error on that submission (no score), with the reason, and the run goes on.
 */
import type { SubmissionResult } from "../engine/results.ts";
import { clipText, escapeInvisibleJson, stripControlsDeep } from "../sanitize.ts";
import { writeAtomicSync } from "./atomic.ts";

/** No honest results.json comes near this: 120 cases with clipped messages stay well under 2 MB. */
const MAX_RESULT_CHARS = 32 * 2 ** 20;

/**
 * The result with control, C1 and bidi characters taken out of its text (TypeScript's and esbuild's messages
 * quote the student's code, thrown messages are the student's own), before anything is written or reported.
 */
export function cleanResult(result: SubmissionResult): SubmissionResult {
  return stripControlsDeep(result);
}

/**
 * Throws on a score JSON cannot hold or the schema forbids (NaN, ±Infinity, negative), which TypeScript's types let
 * through. The rest of the schema is the types themselves: the result is the grader's own, built on the trusted
 * side from answers already bounded and checked where they left the sandbox, so a zod pass over every case
 * (about 0.5 ms a submission) re-checked what the compiler had.
 */
function checkNumbers(result: SubmissionResult): void {
  const bad = (x: number | null, what: string, positive = false) => {
    if (x === null ? what !== "score" : !Number.isFinite(x) || x < 0 || (positive && x === 0))
      throw new Error(`its ${what} is ${x}`);
  };
  bad(result.score, "score");
  bad(result.max_score, "max_score");
  bad(result.duration_ms, "duration_ms");
  for (const e of result.exercises) {
    bad(e.score, `${e.id} score`);
    bad(e.max_score, `${e.id} max_score`);
  }
  for (const c of result.cases) {
    bad(c.score, `${c.key} score`);
    bad(c.max_score, `${c.key} max_score`, true);
  }
}

/** The result as results.json holds it; throws when a number is out of bounds or it cannot be serialised. */
export function serialise(result: SubmissionResult): string {
  checkNumbers(result);
  // Whatever is left is written as \u escapes: the same data, nothing invisible in the file.
  const text = escapeInvisibleJson(JSON.stringify(result, null, 2)) + "\n";
  if (text.length > MAX_RESULT_CHARS) throw new Error(`its results.json would be ${text.length} characters long`);
  return text;
}

/** Why the grader failed on a submission, for its note: one clipped line. */
export function failureReason(error: unknown): string {
  return `the grader failed on this submission: ${clipText(String((error as Error)?.message ?? error), 2000)}`;
}

/**
 * Writes `result`, cleaned (cleanResult), or, when that fails, the result `failed(error)` makes; returns the one written, for the reports.
 * Throws only when even that cannot be written (the disk is full, say).
 */
export async function writeResult(
  file: string,
  result: SubmissionResult,
  failed: (error: unknown) => SubmissionResult,
): Promise<SubmissionResult> {
  try {
    const clean = cleanResult(result);
    writeAtomicSync(file, serialise(clean));
    return clean;
  } catch (error) {
    const instead = cleanResult(failed(error));
    writeAtomicSync(file, serialise(instead));
    return instead;
  }
}
