/**
 * `npm run check`: scores the student's exercises on the public cases.
 *
 *   npm run check                 every exercise
 *   npm run check -- 05           one exercise
 *   npm run check -- --watch      re-run the exercise whose file was saved
 *   npm run check -- --json       the same result as one JSON object
 *   npm run check -- --hidden     the hidden cases too (a release needs GRADER_KEY)
 *   npm run check -- --ci         CI outputs: job summary, annotations, results.json, classroom.json
 */
import { Command } from "commander";
import path from "node:path";
import { loadManifest } from "../manifest.ts";
import { resolveExercise } from "../check/resolve.ts";
import { paths } from "../paths.ts";
import { CheckSession } from "../check/session.ts";
import { firstUnfinished, renderCheck } from "../check/report.ts";
import { watch } from "../check/watch.ts";
import { styler } from "./style.ts";
import { terminalWidth, wrapText } from "../check/wrap.ts";
import { runCli } from "./run-cli.ts";
import { loadDiagnoser } from "../misconceptions/index.ts";
import { openHidden, takeKeyFromEnv } from "../check/sealed.ts";
import { renderHiddenNote } from "../check/hidden-note.ts";
import { belowThreshold, parseThreshold, writeCi, type Threshold } from "../check/ci.ts";

async function main(argv: string[]): Promise<void> {
  const manifest = loadManifest();
  const program = new Command("check")
    .description("Score your exercises on the public cases.")
    .argument("[exercise]", "one exercise: 05, delta, delta.ts or a unique prefix", (v) => resolveExercise(manifest, v))
    .option("-w, --watch", "re-run an exercise each time you save its file")
    .option("--json", "print the result as one JSON object")
    .option("--dir <folder>", "check another folder of exercises", paths.exercises)
    .option("--hidden", "include the hidden cases (a student's copy needs the GRADER_KEY secret)")
    .option("--ci", "also write a job summary, annotations, results.json and classroom.json")
    .option("--out <dir>", "where --ci writes its files", "check-results")
    .option("--fail-under <points>", 'exit 1 when the score is below this ("40" or "80%")', parseThreshold)
    .showHelpAfterError()
    .exitOverride()
    .parse(argv, { from: "user" });
  const options = program.opts<{
    watch?: boolean;
    json?: boolean;
    dir: string;
    hidden?: boolean;
    ci?: boolean;
    out: string;
    failUnder?: Threshold;
  }>();
  const only: string[] = program.args.length > 0 ? [program.processedArgs[0] as string] : [];
  const started = Date.now();
  // The key is taken out of the environment either way; it is used only when the hidden cases are asked for.
  const key = takeKeyFromEnv();
  const hidden = openHidden(manifest, paths.fixtures, options.hidden ? key : undefined);
  const withHidden = options.hidden === true && hidden.available;
  const diagnose = await loadDiagnoser(hidden.diagnoses);
  const session = await CheckSession.open({
    manifest,
    dir: path.resolve(options.dir),
    visibility: withHidden ? ["public", "hidden"] : ["public"],
    readSealed: hidden.readSealed,
    diagnose,
  });
  try {
    if (options.watch) {
      await watch(session, manifest, only[0]);
      return;
    }
    const result = await session.run(only);
    const failed = options.failUnder && belowThreshold(result, options.failUnder);
    if (failed) process.exitCode = 1;
    if (options.json) {
      process.stdout.write(JSON.stringify(result, null, 2) + "\n");
      return;
    }
    const paint = styler(process.stdout);
    const focus = only[0] ?? firstUnfinished(result);
    const text = renderCheck(result, manifest, paint, focus, {
      maxCases: only.length > 0 ? Infinity : 3,
      hints: 1,
      moreCommand: focus ? `npm run check -- ${focus.slice(0, 2)}` : undefined,
    });
    const note = withHidden
      ? []
      : renderHiddenNote(manifest, paint, { counts: hidden.counts, only, wantedButSealed: options.hidden === true });
    const off = session.typecheckUnavailable
      ? [paint("dim", `  Type checking is off (${session.typecheckUnavailable}); run npm ci to set it up.`)]
      : [];
    const all = [text, ...(note.length > 0 ? ["", ...note] : []), ...off].join("\n");
    process.stdout.write(`${wrapText(all, terminalWidth())}\n`);
    if (options.ci) {
      const cases = only.length > 0 ? session.cases.filter((c) => only.includes(c.exercise)) : session.cases;
      const files = await writeCi({
        result,
        manifest,
        cases,
        dir: path.resolve(options.dir),
        out: path.resolve(options.out),
        hidden: hidden.counts,
        hiddenGraded: withHidden,
        started,
      });
      process.stdout.write(`CI: wrote ${files.map((f) => path.relative(process.cwd(), f)).join(", ")}\n`);
    }
    if (failed) process.stderr.write(`${failed}\n`);
  } finally {
    await session.close();
  }
}

await runCli(main);
