import os from "node:os";
import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./grader/test/sequencer.ts";

/**
 * What `npm run test:fast` (`vitest run --mode fast`) leaves out: the files that drive a browser, run the kit under
 * other Nodes, load the machine on purpose, or run attacks to their CPU and memory limits one by one. The attack
 * corpora's walls stay in (adversarial, trust-class, trust-boundary, harness-channel, sandbox-limits,
 * typecheck-sealed); only the runs to the limits are left out. `npm test` runs everything.
 */
export const SLOW_FILES = [
  // A browser.
  "grader/test/playground.test.ts",
  "grader/test/reports-browser.test.ts",
  "grader/test/pages-390.test.ts",
  // Other Nodes: the reruns, and Gradescope's setup.sh, which installs Node 24 and grades with it.
  "grader/test/node-versions-*.test.ts",
  "grader/test/gradescope-setup.test.ts",
  // Load: busy loops and saturated classes.
  "grader/test/stress.test.ts",
  "grader/test/busy-host.test.ts",
  // Attacks run to their limits, one by one: slow sources to the compiler's CPU limit, type bombs to the type
  // checker's, allocation storms to the sandbox's memory, and each run-ending attack through its own `grade` run.
  "grader/test/compile-guard.test.ts",
  "grader/test/typecheck-bombs.test.ts",
  "grader/test/memory-storm.test.ts",
  "grader/test/adversarial-alone.test.ts",
];

export default defineConfig(({ mode }) => ({
  test: {
    include: ["grader/**/*.test.ts"],
    exclude: mode === "fast" ? SLOW_FILES : [],
    // Dolos, a browser and the CLI bundle (grader/test/global-setup.ts).
    globalSetup: ["grader/test/global-setup.ts"],
    // One file more than the machine has cores: many files spend seconds waiting (on a starved build's wall clock,
    // a sandbox's backstop, the back-off of a retry, a browser), and with one file per core that wait leaves a core
    // idle. On 2 cores, three files at a time cut the full suite from 230 to 207 s and the idle cores from 38 to 4 s.
    maxWorkers: os.availableParallelism() + 1,
    // Each worker runs many files, one after another, in one process: starting a fresh process per file and
    // importing the grader into it again cost a run about a minute of CPU. So no test may leave anything behind
    // that another file would see: environment variables, listeners and spies are restored where they are set.
    isolate: false,
    // The long files first, also on a fresh clone (grader/test/sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    // Suites start sandboxed processes and grade whole classes.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Transformed modules kept on disk between runs (node_modules/.experimental-vitest-cache), keyed by each file's
    // content and the config, as vitest 5 does by default: a run that finds them transforms only what changed.
    experimental: { fsModuleCache: true },
    // Files attached with annotate (the browser test's screenshots) are copied here, which git ignores.
    attachmentsDir: "artifacts/vitest-attachments",
  },
}));
