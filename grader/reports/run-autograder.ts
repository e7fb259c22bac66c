/**
 * Grading inside Gradescope's autograder (grader/cli/run-autograder.ts is
 * the entry point that run_autograder calls).
 *
 * The submission goes through the same batch grader as `npm run grade`
 * (sandbox, limits, diagnoses), with its scratch folder in the system's
 * temporary directory. Students who upload loose files (delta.ts rather than
 * exercises/05-delta/delta.ts) are graded by the rule `npm run grade` uses
 * (grader/submission/loose.ts), since both read the submission the same way.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runBatch } from "../batch/run-batch.ts";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import { courseReference, courseStubs } from "../engine/known-outcomes.ts";
import { SubmissionResultSchema } from "../engine/results.ts";
import { GraderError } from "../errors.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { loadDiagnoser } from "../misconceptions/index.ts";
import type { GradescopeResults } from "./gradescope-schema.ts";
import { toGradescope } from "./gradescope.ts";

/** Grades one submission folder and returns Gradescope's results. */
export async function gradeForGradescope(submission: string): Promise<GradescopeResults> {
  const manifest = loadManifest();
  const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
  const scratch = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-autograder-"));
  try {
    const out = path.join(scratch, "out");
    await runBatch({
      submissions: [{ id: "submission", source: submission }],
      out,
      manifest,
      cases,
      limits: DEFAULT_LIMITS,
      jobs: 1,
      force: true,
      diagnose: await loadDiagnoser(),
      // As `npm run grade` does, so that a submission gets the same result on Gradescope as in a batch.
      stubs: await courseStubs(),
      reference: await courseReference(),
    });
    const result = SubmissionResultSchema.parse(
      JSON.parse(await readFile(path.join(out, "submission", "results.json"), "utf8")),
    );
    // Gradescope shows a failed autograder run, which can be re-run, rather than a 0 the student did not earn.
    if (result.grading_status === "error") throw new GraderError("SANDBOX_UNAVAILABLE", result.note);
    return toGradescope(result, manifest);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
