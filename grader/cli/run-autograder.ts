/**
 * Gradescope's run_autograder calls this: grades <root>/submission into
 * <root>/results/results.json, in Gradescope's format. <root> is
 * $AUTOGRADER_ROOT, /autograder by default, so it can be tried locally.
 *
 * When grading fails (the machine could not run the sandbox, or the grader
 * itself failed) it writes no results.json and exits 1: Gradescope then shows
 * the run as failed, which staff can re-run, instead of a score of 0 the
 * student did not earn.
 */
import path from "node:path";
import { writeAtomic } from "../batch/atomic.ts";
import { gradeForGradescope } from "../reports/run-autograder.ts";

const root = path.resolve(process.env.AUTOGRADER_ROOT || "/autograder");
try {
  const results = await gradeForGradescope(path.join(root, "submission"));
  await writeAtomic(path.join(root, "results", "results.json"), JSON.stringify(results, null, 2) + "\n");
  const failed = (results.tests ?? []).filter((t) => t.status === "failed").length;
  process.stdout.write(`Score ${results.score}: ${failed} of ${results.tests?.length ?? 0} tests failed.\n`);
} catch (error) {
  process.exitCode = 1;
  process.stdout.write(
    "The autograder could not grade this submission, so it gives no score rather than a 0. " +
      "Re-run it from Gradescope (Regrade); the student's work is not lost.\n",
  );
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
}
