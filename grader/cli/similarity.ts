/**
 * `npm run similarity`: which submissions share code, per exercise, with the
 * stubs taken out. Needs Dolos, installed apart: `npm run similarity:install`.
 *
 *   npm run similarity                              the demo class, into results/
 *   npm run similarity -- <folder or .zip>... --out <dir>
 *   npm run similarity -- results                   the submissions graded into results/, found where they were
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Command } from "commander";
import { toRow, type Row } from "../batch/gradebook.ts";
import { SubmissionResultSchema } from "../engine/results.ts";
import { loadManifest, type Manifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { writeSummary } from "../reports/class-summary.ts";
import { loadDolos } from "../similarity/dolos.ts";
import { terminalSummary, writeSimilarity } from "../similarity/report.ts";
import { isResultsFolder } from "../similarity/sources.ts";
import { runCli } from "./run-cli.ts";
import { OUT_NAMES } from "../batch/out-names.ts";

/** The rows of a results folder, to rebuild its summary.html with the link to similarity.html. */
async function rowsOf(out: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const entry of await readdir(out, { withFileTypes: true })) {
    const file = path.join(out, entry.name, "results.json");
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const parsed = SubmissionResultSchema.safeParse(JSON.parse(await readFile(file, "utf8")));
    if (parsed.success) rows.push(toRow(parsed.data));
  }
  return rows;
}

async function linkFromSummary(out: string, manifest: Manifest): Promise<void> {
  const summary = path.join(out, OUT_NAMES.summary);
  if (!existsSync(summary) || (await readFile(summary, "utf8")).includes('href="similarity.html"')) return;
  await writeSummary(out, manifest, await rowsOf(out));
}

async function main(argv: string[]): Promise<void> {
  const program = new Command("similarity")
    .description("Show which submissions share code, per exercise, with the stubs taken out (Dolos).")
    .argument(
      "[inputs...]",
      "submissions (folders, .zip files, or folders of them), or one results folder of npm run grade",
    )
    .option(
      "-o, --out <dir>",
      "where similarity.html and similarity.csv go (default: results, or the results folder given)",
    )
    .showHelpAfterError()
    .exitOverride()
    .parse(argv, { from: "user" });
  const opts = program.opts<{ out?: string }>();
  const inputs = program.args.length > 0 ? program.args : [paths.demoClass];
  const fromResults = inputs.length === 1 && isResultsFolder(path.resolve(inputs[0]));
  const out = path.resolve(opts.out ?? (fromResults ? inputs[0] : "results"));
  await loadDolos();
  const manifest = loadManifest();
  const result = await writeSimilarity(inputs, out, manifest);
  if (fromResults && out === path.resolve(inputs[0])) await linkFromSummary(out, manifest);
  process.stdout.write(terminalSummary(result, out).join("\n") + "\n");
}

await runCli(main);
