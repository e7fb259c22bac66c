/**
 * Internal. Writes one submission's results.json inside that submission's
 * failure boundary: a result that breaks its schema, cannot be serialised
 * (longer than V8's longest string) or cannot be written becomes the
 * submission's `crashed` result, with the reason, and the run goes on.
 */
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";
import { clipText } from "../sanitize.ts";
import { writeAtomic } from "./atomic.ts";

/** No honest results.json comes near this: 120 cases with clipped messages stay well under 2 MB. */
const MAX_RESULT_CHARS = 32 * 2 ** 20;

/** The result as results.json holds it; throws when it breaks its schema or cannot be serialised. */
export function serialise(result: SubmissionResult): string {
  SubmissionResultSchema.parse(result);
  const text = JSON.stringify(result, null, 2) + "\n";
  if (text.length > MAX_RESULT_CHARS) throw new Error(`its results.json would be ${text.length} characters long`);
  return text;
}

/** Why the grader failed on a submission, for its note: one clipped line. */
export function failureReason(error: unknown): string {
  return `the grader failed on this submission: ${clipText(String((error as Error)?.message ?? error), 2000)}`;
}

/**
 * Writes `result`, or, when that fails, the result `crashed(error)` makes; returns the one written.
 * Throws only when even that cannot be written (the disk is full, say).
 */
export async function writeResult(
  file: string,
  result: SubmissionResult,
  crashed: (error: unknown) => SubmissionResult,
): Promise<SubmissionResult> {
  try {
    await writeAtomic(file, serialise(result));
    return result;
  } catch (error) {
    const instead = crashed(error);
    await writeAtomic(file, serialise(instead));
    return instead;
  }
}
