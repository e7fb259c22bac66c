/**
 * `npm run grade -- merge <dirs...> --out <dir> [--roster <file>]`: merges the
 * output folders of sharded grading runs into one, as if the class had been
 * graded at once; --roster and --assignment do what they do for a single run.
 */
import { Command } from "commander";
import path from "node:path";
import { loadManifest } from "../manifest.ts";
import { mergeShards } from "../batch/merge.ts";
import { toRow } from "../batch/gradebook.ts";
import { ensureOutDir } from "./out-dir.ts";
import { assignmentOption, reportSteps, rosterOption } from "../reports/grade-options.ts";

export async function mergeMain(argv: string[]): Promise<void> {
  const program = new Command("grade merge")
    .description("Merge the output folders of sharded grading runs.")
    .argument("<dirs...>", "the output folders of the shards")
    .requiredOption("-o, --out <dir>", "where the merged results go")
    .addOption(rosterOption())
    .addOption(assignmentOption())
    .showHelpAfterError()
    .exitOverride()
    .parse(argv, { from: "user" });
  const opts = program.opts<{ out: string; roster?: string; assignment?: string }>();
  const manifest = loadManifest();
  // Read before merging, so a bad roster fails first, as in a single run.
  const reports = await reportSteps(opts, path.resolve(opts.out), manifest);
  await ensureOutDir(path.resolve(opts.out), opts.out, false);
  const results = await mergeShards({ inputs: program.args, out: opts.out, manifest });
  process.stdout.write(
    `Merged ${results.length} ${results.length === 1 ? "submission" : "submissions"} from ${program.args.length} folders into ` +
      `${path.relative(process.cwd(), path.resolve(opts.out)) || "."}/ (gradebook.csv and one folder per submission).\n`,
  );
  await reports.finish(results.map(toRow));
}
