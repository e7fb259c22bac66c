/**
 * `npm run check`: scores the student's exercises on the public cases.
 *
 *   npm run check                 every exercise
 *   npm run check -- 05           one exercise
 *   npm run check -- --watch      re-run the exercise whose file was saved
 *   npm run check -- --json       the same result as one JSON object
 */
import { Command, InvalidArgumentError } from "commander";
import path from "node:path";
import { loadManifest, type Manifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { CheckSession } from "../check/session.ts";
import { firstUnfinished, renderCheck } from "../check/report.ts";
import { watch } from "../check/watch.ts";
import { styler } from "./style.ts";
import { runCli } from "./run-cli.ts";

export function resolveExercise(manifest: Manifest, wanted: string): string {
  const match = manifest.exercises.filter(
    (e) => e.id === wanted || e.id.startsWith(`${wanted.padStart(2, "0")}-`) || e.id.startsWith(wanted),
  );
  if (match.length !== 1) {
    throw new InvalidArgumentError(
      `"${wanted}" is not an exercise; try one of ${manifest.exercises.map((e) => e.id.slice(0, 2)).join(", ")}`,
    );
  }
  return match[0].id;
}

async function main(argv: string[]): Promise<void> {
  const manifest = loadManifest();
  const program = new Command("check")
    .description("Score your exercises on the public cases.")
    .argument("[exercise]", "one exercise, by number (05) or id (05-delta)", (v) => resolveExercise(manifest, v))
    .option("-w, --watch", "re-run an exercise each time you save its file")
    .option("--json", "print the result as one JSON object")
    .option("--dir <folder>", "check another folder of exercises", paths.exercises)
    .showHelpAfterError()
    .exitOverride()
    .parse(argv, { from: "user" });
  const options = program.opts<{ watch?: boolean; json?: boolean; dir: string }>();
  const only: string[] = program.args.length > 0 ? [program.processedArgs[0] as string] : [];
  const session = await CheckSession.open({ manifest, dir: path.resolve(options.dir), visibility: ["public"] });
  try {
    if (options.watch) {
      await watch(session, manifest, only[0]);
      return;
    }
    const result = await session.run(only);
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
    process.stdout.write(`${text}\n`);
  } finally {
    await session.close();
  }
}

await runCli(main);
