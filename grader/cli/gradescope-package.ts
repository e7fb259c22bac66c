/**
 * `npm run gradescope:package`: builds the Gradescope autograder zip
 * (grader/reports/autograder-zip.ts), by default artifacts/gradescope-autograder.zip.
 */
import { Command } from "commander";
import { stat } from "node:fs/promises";
import path from "node:path";
import { buildAutograderZip } from "../reports/autograder-zip.ts";
import { runCli } from "./run-cli.ts";

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
  process.stdout.write(
    `Wrote ${path.relative(process.cwd(), out)}: ${entries.length} files, ${kb} KB. ` +
      `Upload it as the assignment's autograder; on Gradescope's default image (Ubuntu 22.04), setup.sh installs ` +
      `a pinned, checksummed Node 24 (see README.md).\n`,
  );
}

await runCli(main);
