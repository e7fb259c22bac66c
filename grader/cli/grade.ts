/**
 * `npm run grade`: grades submissions on the public and hidden cases.
 *
 *   npm run grade                                  the demo class, into results/
 *   npm run grade -- <folder or .zip>... --out <dir>
 *   npm run grade -- <inputs> --shard 2/4 --out <dir>   one machine's share (grader/batch/shard.ts)
 *   npm run grade -- merge <dirs...> --out <dir>       joins the shards' output folders
 *   npm run grade -- regrade <old out> --out <dir>      grades again and shows what changed (cli/regrade.ts)
 *
 * Each argument is one submission (a folder with exercises/, or a .zip) or a
 * folder of submissions (one sub-folder or .zip per student).
 */
import { Command, InvalidArgumentError, Option } from "commander";
import os from "node:os";
import path from "node:path";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import { courseReference, courseStubs } from "../engine/known-outcomes.ts";
import { runBatch } from "../batch/run-batch.ts";
import { progress } from "../batch/progress.ts";
import { expandInputs } from "../submission/expand.ts";
import { UsageError } from "../errors.ts";
import { ensureOutDir } from "./out-dir.ts";
import { runCli } from "./run-cli.ts";
import { terminalText } from "../sanitize.ts";
import { loadDiagnoser } from "../misconceptions/index.ts";
import { parseShard, selectShard, type Shard } from "../batch/shard.ts";
import { mergeMain } from "./merge.ts";
import { regradeMain } from "./regrade.ts";
import { assignmentOption, reportSteps, rosterOption } from "../reports/grade-options.ts";
import { similarityStep } from "../similarity/report.ts";

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number of seconds");
  return Math.round(n * 1000);
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a positive whole number");
  return n;
}

async function main(argv: string[]): Promise<void> {
  // A sub-command; a submission folder named "merge" can still be given as ./merge.
  if (argv[0] === "merge") return mergeMain(argv.slice(1));
  if (argv[0] === "regrade") return regradeMain(argv.slice(1));
  const program = new Command("grade")
    .description("Grade submissions on the public and hidden cases.")
    .argument("[inputs...]", "submissions: folders, .zip files, or folders of them (default: the demo class)")
    .option("-o, --out <dir>", "where results go", "results")
    .option("-f, --force", "re-grade submissions whose results are already up to date")
    .option("--shard <i/N>", "grade only shard i of N: every N-th submission in id order", parseShard)
    .addOption(
      new Option("-j, --jobs <n>", "sandboxes run at once")
        .argParser(positiveInt)
        .default(os.availableParallelism(), `the number of cores, ${os.availableParallelism()}`),
    )
    .addOption(
      new Option(
        "--call-timeout <s>",
        "CPU seconds per call, the same for every case (default: each case's own limit, 20× what the reference takes, at least 0.1 s)",
      ).argParser(seconds),
    )
    .addOption(
      new Option("--submission-timeout <s>", "CPU seconds per submission, all its calls together")
        .argParser(seconds)
        .default(DEFAULT_LIMITS.submissionTimeoutMs, "60"),
    )
    .option("--similarity", "also write similarity.html and .csv: who shares code (needs npm run similarity:install)")
    .addOption(rosterOption())
    .addOption(assignmentOption())
    .addHelpText(
      "after",
      [
        "",
        "Commands:",
        "  merge <dirs...> --out <dir>        join the shards' output folders into one",
        "  regrade <old out> --out <new out>  grade again and show what changed",
        "  (add --help after merge or regrade for its options)",
      ].join("\n"),
    )
    .showHelpAfterError()
    .exitOverride()
    .parse(argv, { from: "user" });
  const opts = program.opts<{
    out: string;
    force?: boolean;
    shard?: Shard;
    jobs: number;
    callTimeout?: number;
    submissionTimeout: number;
    roster?: string;
    assignment: string;
    similarity?: boolean;
  }>();
  const inputs = program.args.length > 0 ? program.args : [paths.demoClass];
  const out = path.resolve(opts.out);
  for (const input of inputs) {
    const full = path.resolve(input);
    if (out === full || out.startsWith(full + path.sep))
      throw new UsageError(`--out ${opts.out} is inside the input ${input}; choose another folder`);
  }

  const manifest = loadManifest();
  const loaded = loadCases(manifest, { visibility: ["public", "hidden"] });
  const cases = opts.callTimeout === undefined ? loaded : loaded.map((c) => ({ ...c, cpuLimitMs: opts.callTimeout }));
  const reports = await reportSteps(opts, out, manifest);
  const similarity = await similarityStep(opts, inputs, out, manifest);
  const everyone = await expandInputs(inputs);
  await ensureOutDir(out, opts.out);
  const submissions = opts.shard ? selectShard(everyone, opts.shard) : everyone;
  for (const p of submissions) if (p.note) process.stdout.write(`${terminalText(p.note)}\n`);
  if (opts.shard) {
    process.stdout.write(
      `Shard ${opts.shard.index}/${opts.shard.total}: ${submissions.length} of ${everyone.length} submissions.\n`,
    );
  }
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write("\nStopping: finished results are kept; press Ctrl-C again to quit at once.\n");
    controller.abort();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  const limits = { ...DEFAULT_LIMITS, submissionTimeoutMs: opts.submissionTimeout };
  const started = Date.now();
  const report = await runBatch({
    submissions,
    out,
    manifest,
    cases,
    limits,
    jobs: opts.jobs,
    force: opts.force ?? false,
    signal: controller.signal,
    diagnose: await loadDiagnoser(),
    writers: reports.writers,
    progress: progress(submissions.length),
    stubs: await courseStubs(),
    reference: await courseReference(),
  });
  const seconds_ = ((Date.now() - started) / 1000).toFixed(1);
  const counts = new Map<string, number>();
  for (const row of report.rows) counts.set(row.grading_status, (counts.get(row.grading_status) ?? 0) + 1);
  const statuses = [...counts].map(([s, n]) => `${n} ${s}`).join(", ");
  process.stdout.write(
    `${report.interrupted ? "Interrupted" : "Graded"} ${report.rows.length}/${submissions.length} submissions in ${seconds_} s` +
      ` (${report.graded} graded now, ${report.skipped} unchanged and kept): ${statuses || "none"}.\n` +
      `Sandbox: ${report.isolation.join("; ")}.\n` +
      `Results: ${path.relative(process.cwd(), out) || "."}/gradebook.csv and one folder per submission.\n`,
  );
  if (!report.interrupted) await reports.finish(report.rows);
  similarity.print();
  if (report.errors.length > 0) {
    process.stderr.write(
      `Not graded, through the grader's or its machine's trouble rather than the code (no score given): ${report.errors.join(", ")}.\n` +
        "Run the same command again to grade them; results already final are kept.\n",
    );
    process.exitCode = 1;
  }
  if (report.interrupted) process.exitCode = 130;
}

await runCli(main);
