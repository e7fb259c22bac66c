/**
 * Internal. Writes one submission's results.json inside that submission's
 * failure boundary: a result that breaks its schema, cannot be serialised
 * (longer than V8's longest string) or cannot be written becomes the
 * submission's `crashed` result, with the reason, and the run goes on.
 */
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";
import { clipText, escapeInvisibleJson, stripControlsDeep } from "../sanitize.ts";
import { writeAtomic } from "./atomic.ts";

/** No honest results.json comes near this: 120 cases with clipped messages stay well under 2 MB. */
const MAX_RESULT_CHARS = 32 * 2 ** 20;

/**
 * The result with control, C1 and bidi characters taken out of its text (TypeScript's and esbuild's messages
 * quote the student's code, thrown messages are the student's own), before anything is written or reported.
 */
export function cleanResult(result: SubmissionResult): SubmissionResult {
  return stripControlsDeep(result);
}

/** The result as results.json holds it; throws when it breaks its schema or cannot be serialised. */
export function serialise(result: SubmissionResult): string {
  SubmissionResultSchema.parse(result);
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
 * Writes `result`, cleaned (cleanResult), or, when that fails, the result `crashed(error)` makes; returns the one written, for the reports.
 * Throws only when even that cannot be written (the disk is full, say).
 */
export async function writeResult(
  file: string,
  result: SubmissionResult,
  crashed: (error: unknown) => SubmissionResult,
): Promise<SubmissionResult> {
  try {
    const clean = cleanResult(result);
    await writeAtomic(file, serialise(clean));
    return clean;
  } catch (error) {
    const instead = cleanResult(crashed(error));
    await writeAtomic(file, serialise(instead));
    return instead;
  }
}
