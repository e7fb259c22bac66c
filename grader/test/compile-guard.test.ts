/**
 * Each build runs in a compile host of its own, under its own CPU time and memory, read from /proc (issue 21.7):
 * a slow source is stopped when it has used its own budget, as its own compile error with the reason, and no build
 * waits behind another's retry, also on a machine loaded by busy loops. Every source here is real and makes esbuild
 * itself slow or crash; nothing is mocked. No assertion is on how long anything took: only on what ended first, and
 * on CPU time, which a loaded machine does not stretch. Each slow source runs to its limit, so `npm run test:fast`
 * leaves this file out; a build the machine starves is compile-starved.test.ts.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { readExerciseFiles } from "../engine/grade.ts";
import { entryFiles, loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { compileExercises } from "../sandbox/compile.ts";
import { watchCompiles, type CompileEvent, type CompileLimits } from "../sandbox/compile-guard.ts";
import { COMPILE_ATTACKS, OWN_LIMIT, attacked, clean, expectOnly, markerOf, problemOf } from "./corpus-compile.ts";

const entries = entryFiles(loadManifest());
const solutions = await readExerciseFiles(paths.solutions);
const GiB = 2 ** 30;
/** Honest builds here use about 0.1 s of CPU time, loaded or not: a tenth of these. */
const LIMITS: CompileLimits = { cpuMs: 1000, memoryBytes: 1.5 * GiB, wallMs: 300_000 };
const LONG = 600_000;

describe("a slow or crashing source is its own compile error, with the reason", () => {
  it.concurrent.each(COMPILE_ATTACKS)(
    "$name",
    async (attack) => {
      const ends: CompileEvent[] = [];
      const stop = watchCompiles((e) => e.phase === "end" && markerOf(e.request.files) === attack.name && ends.push(e));
      try {
        const only = { [attack.exercise]: entries[attack.exercise] };
        const result = await compileExercises(attacked(solutions, attack), only, undefined, LIMITS);
        const problems = problemOf(result[attack.exercise]);
        expect(problems).toHaveLength(1);
        expect(problems![0].text).toMatch(attack.reason);
        if (!attack.slow) return;
        expect(problems![0].text).toMatch(/; this exercise's files could not be compiled$/);
        // Charged on what it used itself: the CPU time it was stopped at is its own, read from /proc.
        const last = ends.at(-1)!;
        expect(last.phase === "end" && !last.outcome.ok && last.outcome.kind).not.toBe("machine");
        if (/CPU time/.test(problems![0].text) && last.phase === "end")
          expect(last.outcome.cpuMs).toBeGreaterThanOrEqual(LIMITS.cpuMs);
      } finally {
        stop();
      }
    },
    LONG,
  );
});

/**
 * A slow attacker of each family (constant folding, a deep expression chain) and three the pre-scan refuses, in one
 * class with clean submissions. Every slow source is also built alone above; here each one costs its CPU limit
 * twice (the build and the exercise alone), so two show the builds not waiting on each other as well as four.
 */
const CLASS_ATTACKERS = ["string-folding", "ternary-chain"]
  .concat(["imports-after-backtick-in-regex", "imports-after-backtick-in-template-hole", "enum-inlined-everywhere"])
  .map((name) => COMPILE_ATTACKS.find((a) => a.name === name)!);
const CLEAN = ["ada", "ben", "cai", "dee", "eli", "fay"];

describe("a class compiling beside slow-compile attackers", () => {
  it(
    "compiles the clean submissions while an attacker's build is still running, and charges each attacker alone",
    async () => {
      const limits = { ...LIMITS, cpuMs: 2000 };
      let seq = 0;
      const events: { seq: number; who: string; event: CompileEvent }[] = [];
      let firstRetry: ((who: string) => void) | undefined;
      const retryStarted = new Promise<string>((resolve) => (firstRetry = resolve));
      const slow = new Set(CLASS_ATTACKERS.filter((a) => a.slow).map((a) => a.name));
      const attackOf = new Map(CLASS_ATTACKERS.map((a) => [a.name, a]));
      // The build of the attacked exercise on its own: what used to be retried alone, holding every other build.
      const isRetry = (who: string, e: CompileEvent) =>
        slow.has(who) &&
        e.request.entryPoints.length === 1 &&
        e.request.entryPoints[0].out === attackOf.get(who)!.exercise;
      const stop = watchCompiles((event) => {
        const who = markerOf(event.request.files) ?? "?";
        events.push({ seq: ++seq, who, event });
        if (event.phase === "start" && isRetry(who, event)) firstRetry?.(who);
      });
      try {
        const attacks = CLASS_ATTACKERS.map((a) =>
          compileExercises(attacked(solutions, a), entries, undefined, limits),
        );
        const who = await retryStarted;
        const cleanDone: Record<string, number> = {};
        const cleans = await Promise.all(
          CLEAN.map(async (name) => {
            const result = await compileExercises(clean(solutions, name), entries, undefined, limits);
            cleanDone[name] = ++seq;
            return result;
          }),
        );
        const results = await Promise.all(attacks);

        for (const result of cleans) expectOnly(result);
        for (const [i, attack] of CLASS_ATTACKERS.entries()) expectOnly(results[i], attack.exercise, attack.reason);
        // Every clean submission compiled while that attacker's build was still running: none waited for it.
        const retryEnd = events.find((e) => e.who === who && e.event.phase === "end" && isRetry(who, e.event))!.seq;
        for (const name of CLEAN) expect({ name, before: cleanDone[name] < retryEnd }).toEqual({ name, before: true });
        // And none was retried: nothing a clean build met was the machine's or a neighbour's.
        const cleanTries = events.filter((e) => CLEAN.includes(e.who) && e.event.phase === "end");
        expect(cleanTries.map((e) => e.event.phase === "end" && e.event.outcome.ok)).toEqual(CLEAN.map(() => true));
      } finally {
        stop();
      }
    },
    LONG,
  );
});

describe("a machine loaded by busy loops", () => {
  // Which of its own limits a slow source reaches first (CPU time, memory, esbuild's stack) depends on the machine:
  // where Go's collector falls behind, string folding fills memory before its CPU time is spent. Any of them is its
  // own; what load must never do is make it the machine's, or cost an honest build.
  it.each(["string-folding", "arrow-chain"])(
    "charges the slow source (%s) on its own limits, and never an honest one",
    async (name) => {
      const burners = burn();
      const ends: CompileEvent[] = [];
      const stop = watchCompiles((e) => e.phase === "end" && markerOf(e.request.files) === name && ends.push(e));
      try {
        const attack = COMPILE_ATTACKS.find((a) => a.name === name)!;
        const [slow, ...honest] = await Promise.all([
          compileExercises(attacked(solutions, attack), entries, undefined, LIMITS),
          ...["gus", "hal", "ivy"].map((who) => compileExercises(clean(solutions, who), entries, undefined, LIMITS)),
        ]);
        expectOnly(slow, attack.exercise, OWN_LIMIT);
        for (const result of honest) expectOnly(result);
        const failed = ends.flatMap((e) => (e.phase === "end" && !e.outcome.ok ? [e.outcome] : []));
        expect(failed.length).toBeGreaterThan(0);
        for (const outcome of failed) {
          expect(outcome.kind).not.toBe("machine");
          // Stopped on CPU time only once it had used its own: a loaded machine's wait is not counted.
          if (/CPU time/.test(outcome.reason)) expect(outcome.cpuMs).toBeGreaterThanOrEqual(LIMITS.cpuMs);
        }
      } finally {
        stop();
        for (const b of burners) b.kill("SIGKILL");
      }
    },
    LONG,
  );
});

/** One busy loop per core, each pinned to its core where taskset exists. */
function burn(): ChildProcess[] {
  const pinned = spawnSync("taskset", ["--version"]).status === 0;
  const cores = Math.max(2, Number(spawnSync("nproc").stdout?.toString().trim()) || 2);
  return Array.from({ length: cores }, (_, core) => {
    const loop = [process.execPath, "-e", "for (;;) {}"];
    const [cmd, ...args] = pinned ? ["taskset", "-c", String(core), ...loop] : loop;
    return spawn(cmd, args, { stdio: "ignore" });
  });
}
