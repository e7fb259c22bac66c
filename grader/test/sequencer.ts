/**
 * The order vitest starts files in. With timings from an earlier run, vitest's own order stands (failed files first,
 * then the longest). Without them (a fresh clone, CI), vitest runs the largest files first, which starts the Node
 * reruns last: four-line files that take 40–50 s each, and leave a core idle at the end of the run. There, the files
 * known to be long start first.
 */
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The files that took 20 s or more on the 2-core development machine, longest first. */
export const LONGEST_FIRST = [
  "grader/test/compile-guard.test.ts",
  "grader/test/stress.test.ts",
  "grader/test/node-versions-22.test.ts",
  "grader/test/typecheck-bombs.test.ts",
  "grader/test/node-versions-24.test.ts",
  "grader/test/gradescope-setup.test.ts",
  "grader/test/adversarial.test.ts",
  "grader/test/compile-starved.test.ts",
  "grader/test/release.test.ts",
  "grader/test/grade-cli.test.ts",
  "grader/test/pages-390.test.ts",
  "grader/test/adversarial-alone.test.ts",
  "grader/test/busy-host.test.ts",
];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const relative = (file: TestSpecification) =>
      path.relative(this.ctx.config.root, file.moduleId).split(path.sep).join("/");
    const timed = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(file)}`);
    if (sorted.every(timed)) return sorted;
    const rank = (file: TestSpecification) => {
      const at = LONGEST_FIRST.indexOf(relative(file));
      return at < 0 ? LONGEST_FIRST.length : at;
    };
    // Stable: the other files keep vitest's order after these.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
