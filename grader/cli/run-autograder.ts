/**
 * Gradescope's run_autograder calls this: grades <root>/submission into
 * <root>/results/results.json, in Gradescope's format. <root> is
 * $AUTOGRADER_ROOT, /autograder by default, so it can be tried locally.
 */
import path from "node:path";
import { writeAtomic } from "../batch/atomic.ts";
import { GradescopeResultsSchema, type GradescopeResults } from "../reports/gradescope-schema.ts";
import { gradeForGradescope } from "../reports/run-autograder.ts";

const root = path.resolve(process.env.AUTOGRADER_ROOT || "/autograder");
let results: GradescopeResults;
try {
  results = await gradeForGradescope(path.join(root, "submission"));
} catch (error) {
  // Without a results.json Gradescope shows the student nothing useful: say what happened, and fail for the staff.
  process.exitCode = 1;
  process.stderr.write(`${(error as Error)?.stack ?? error}\n`);
  results = GradescopeResultsSchema.parse({
    score: 0,
    output: "The autograder failed on this submission. Please tell the course staff; your work is not lost.",
    output_format: "md",
    tests: [],
  });
}
await writeAtomic(path.join(root, "results", "results.json"), JSON.stringify(results, null, 2) + "\n");
const failed = (results.tests ?? []).filter((t) => t.status === "failed").length;
process.stdout.write(`Score ${results.score}: ${failed} of ${results.tests?.length ?? 0} tests failed.\n`);
