/**
 * `npm run gradescope:package`: builds the Gradescope autograder zip
 * (grader/reports/autograder-zip.ts), by default artifacts/gradescope-autograder.zip.
 */
import { Command } from "commander";
import { stat } from "node:fs/promises";
import path from "node:path";
import { loadManifest, maxScore } from "../manifest.ts";
import { buildAutograderZip } from "../reports/autograder-zip.ts";
import { runCli } from "./run-cli.ts";

const WHEN = {
  after_due_date: "after the due date",
  after_published: "once grades are published",
  hidden: "never",
  visible: "at once",
} as const;

async function main(argv: string[]): Promise<void> {
  const program = new Command("gradescope:package")
    .description("Build the Gradescope autograder zip: setup.sh, run_autograder and the kit, without the solutions.")
    .option("-o, --out <file>", "the zip to write", path.join("artifacts", "gradescope-autograder.zip"))
    .showHelpAfterError()
    .exitOverride()
    .parse(argv, { from: "user" });
  const out = path.resolve(program.opts<{ out: string }>().out);
  const entries = await buildAutograderZip(out);
  const kb = Math.round((await stat(out)).size / 1024);
  const manifest = loadManifest();
  const all = manifest.exercises.map((e) => ({ exercise: e.id, points: e.points }));
  const total = maxScore(manifest, all);
  const bonus = all.reduce((sum, p) => sum + p.points, 0) - total;
  process.stdout.write(
    `Wrote ${path.relative(process.cwd(), out)}: ${entries.length} files, ${kb} KB. ` +
      `Upload it as the assignment's autograder; on Gradescope's default image (Ubuntu 22.04), setup.sh installs ` +
      `a pinned, checksummed Node 24 (see README.md).\n` +
      `Give the assignment ${total} autograder points` +
      (bonus > 0 ? `: bonus exercises are extra credit, up to ${bonus} points above that.\n` : ".\n") +
      `Hidden cases are shown to students ${WHEN[manifest.gradescope.hidden_visibility]} ` +
      `(exercises/manifest.json, gradescope.hidden_visibility).\n`,
  );
}

await runCli(main);
