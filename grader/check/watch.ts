/**
 * `npm run check -- --watch`: re-checks the exercise whose file was saved.
 * The focus moves only when the student saves another exercise or presses n;
 * it never jumps ahead by itself.
 */
import { watch as watchFs, type FSWatcher } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { maxScore, type Manifest } from "../manifest.ts";
import { styler } from "../cli/style.ts";
import type { ExerciseResult } from "../engine/results.ts";
import { firstUnfinished, renderCheck, renderExerciseLine, renderFocus, renderProgress } from "./report.ts";
import type { CheckResult, CheckSession } from "./session.ts";
import { fitRows, terminalWidth, wrapText } from "./wrap.ts";

const KEYS = "keys: h next hint · l list · a check all · n next exercise · q quit";

export async function watch(session: CheckSession, manifest: Manifest, initial?: string): Promise<void> {
  const paint = styler(process.stdout);
  const tty = process.stdout.isTTY === true;
  const ids = manifest.exercises.map((e) => e.id);
  const latest = new Map<string, ExerciseResult>();
  let last: CheckResult | undefined;
  let focus = initial;
  let hints = 1;
  let running: Promise<void> = Promise.resolve();
  let queued: string | "all" | undefined;

  // On a terminal each result is drawn in place, from the top of a cleared screen, and cut to its height, so what
  // matters (the exercise's line, the named mistake, the first failing case) stays on screen; nothing scrolls away.
  const print = (text: string, status?: string) => {
    const width = terminalWidth(process.stdout);
    const tail = [paint("dim", KEYS), ...(status ? [paint("dim", status)] : [])].join("\n");
    let body = wrapText(text, width);
    if (tty && process.stdout.rows) {
      const room = process.stdout.rows - wrapText(tail, width).split("\n").length - 2;
      const more = paint("dim", `  … more below: npm run check -- ${(focus ?? "").slice(0, 2)} shows it all`);
      body = fitRows(body, room, more);
    }
    process.stdout.write(`${tty ? "\x1b[H\x1b[2J" : ""}${body}\n\n${wrapText(tail, width)}\n`);
  };
  const remember = (result: CheckResult) => {
    for (const e of result.exercises) latest.set(e.id, e);
    last = result;
  };
  let status: string | undefined;
  const known = () => ids.flatMap((id) => (latest.has(id) ? [latest.get(id)!] : []));
  const progress = (): string => {
    const all = known();
    const score = all.reduce((s, e) => s + e.score, 0);
    const max = maxScore(
      manifest,
      all.map((e) => ({ exercise: e.id, points: e.max_score })),
    );
    return renderProgress({ score, max_score: max, exercises: all, cases: [] }, paint);
  };
  const list = (): string => [...known().map((e) => renderExerciseLine(e, paint)), "", `  ${progress()}`].join("\n");
  const showFocus = () => {
    const exercise = manifest.exercises.find((e) => e.id === focus);
    if (!last || !exercise) return;
    const e = latest.get(exercise.id);
    // The exercise being worked on and the overall progress; l shows every exercise.
    const header = [e ? renderExerciseLine(e, paint) : "", `  ${progress()}`].join("\n");
    let text = `${header}\n\n${renderFocus(last, exercise, paint, { maxCases: tty ? 1 : 5, hints })}`;
    if (e?.status === "complete") {
      const next = ids[ids.indexOf(exercise.id) + 1];
      text += next ? `\n  Press n to move on to ${next}.` : "\n  That was the last exercise: well done.";
    }
    print(text, status);
  };

  const check = (target: string | "all"): Promise<void> => {
    queued = target;
    running = running.then(async () => {
      if (queued === undefined) return;
      const what = queued;
      queued = undefined;
      const started = performance.now();
      let result: CheckResult;
      try {
        result = await session.run(what === "all" ? [] : [what]);
      } catch (error) {
        // The machine failed to run the sandbox: say so and keep watching; the next save tries again.
        process.stdout.write(`${(error as Error).message}\n`);
        return;
      }
      remember(result);
      const ms = Math.round(performance.now() - started);
      status = `[watch] checked ${what} in ${ms} ms; waiting for a save`;
      if (what === "all") {
        focus ??= firstUnfinished(result);
        print(renderCheck(result, manifest, paint, focus, { maxCases: tty ? 1 : 5, hints }), status);
      } else {
        showFocus();
      }
    });
    return running;
  };

  const watchers: FSWatcher[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  const onSave = (id: string) => {
    clearTimeout(timers.get(id));
    // Editors write a file in several steps; wait for the last one.
    timers.set(
      id,
      setTimeout(() => {
        if (focus !== id) hints = 1;
        focus = id;
        void check(id);
      }, 60),
    );
  };
  for (const id of ids) {
    const dir = path.join(session.options.dir, id);
    try {
      watchers.push(watchFs(dir, (_event, file) => (!file || String(file).endsWith(".ts")) && onSave(id)));
    } catch {
      // A missing folder is reported by the check itself.
    }
  }
  // Watching before the first check: a save made as soon as it prints must not go unseen.
  await check(initial ?? "all");

  await new Promise<void>((resolve) => {
    let lines: readline.Interface | undefined;
    const quit = () => {
      for (const w of watchers) w.close();
      for (const t of timers.values()) clearTimeout(t);
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      lines?.close();
      // Paused, a piped stdin would still hold the process open after q.
      process.stdin.destroy();
      resolve();
    };
    const onKey = (key: string) => {
      switch (key.trim().toLowerCase()) {
        case "q":
        case "\u0003":
          quit();
          return;
        case "h":
          hints++;
          showFocus();
          return;
        case "l":
          print(list(), status);
          return;
        case "a":
          void check("all");
          return;
        case "n": {
          const next = ids[ids.indexOf(focus ?? ids[0]) + 1];
          if (!next) return;
          focus = next;
          hints = 1;
          void check(next);
          return;
        }
      }
    };
    if (process.stdin.isTTY) {
      process.stdin.setRawMode(true);
      process.stdin.setEncoding("utf8");
      process.stdin.on("data", (data: string) => onKey(data));
    } else {
      // Without a terminal (scripts, tests), one command per line; the end of input is not a quit.
      lines = readline.createInterface({ input: process.stdin }).on("line", onKey);
    }
    process.once("SIGINT", quit);
    process.once("SIGTERM", quit);
  });
  await running;
}
