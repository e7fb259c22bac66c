/**
 * Internal. Compiling is part of the untrusted work: a submission's source can
 * crash esbuild's service (a stack overflow in its parser) or keep it busy for
 * minutes. The service is shared by every build in the process, so a build that
 * fails with it must not fail the builds of others:
 *
 * - each build has a limit of CPU time, the service's own, read from /proc
 *   as the sandbox's is (cpu.ts), so a loaded machine charges no build for
 *   its neighbours; one that runs out stops the service, which esbuild
 *   restarts on the next build (a wall-clock backstop three times as long
 *   catches a service that hangs, and stands in where /proc cannot tell);
 * - a build that the service failed under (its own fault or a neighbour's) is
 *   tried again alone, with nothing else running;
 * - only a build that fails alone as well is charged, as its own compile error.
 *
 * Before any of that, source-scan.ts bounds what esbuild's recursive parser is
 * given, with TypeScript's scanner, so the known ways to crash it never reach it.
 */
import * as esbuild from "esbuild";
import { readFileSync } from "node:fs";
import { processCpuMs } from "./cpu.ts";

export const COMPILE_TIMEOUT_MS = 10_000;
export { MAX_SOURCE_DEPTH, MAX_SOURCE_IMPORTS, sourceProblem } from "./source-scan.ts";

export type Guarded<T> = { ok: true; value: T } | { ok: false; reason: string };

/** esbuild rejects with one of these when its service process dies or is stopped. */
const SERVICE_FAILURE = /^The service (was stopped|is no longer running)/;

let generation = 0;
let inFlight = 0;
const idle: (() => void)[] = [];
let soloChain: Promise<unknown> = Promise.resolve();
let barrier: Promise<void> | undefined;

async function restart(seen: number): Promise<void> {
  // Several builds fail together when the service dies; one restart is enough.
  if (seen !== generation) return;
  generation++;
  await esbuild.stop();
}

/**
 * esbuild's service process: the child of this process's main thread (tsx, when it runs the grader, keeps a
 * service of its own, started from its loader's thread); undefined where /proc cannot tell.
 */
function servicePid(): number | undefined {
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, "utf8").split(" ");
    for (const pid of children.filter(Boolean))
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "esbuild") return Number(pid);
  } catch {
    // not Linux, or the service went away
  }
  return undefined;
}

/** How long the wall clock may run before a build counts as hung, or, without /proc, out of time. */
export function compileBackstopMs(timeoutMs: number): number {
  return 3 * timeoutMs;
}
const LOOK_MS = 100;

/** Resolves when the build has used `timeoutMs` of the service's CPU time, or the wall-clock backstop has passed. */
function outOfTime(timeoutMs: number, pid: number | undefined, stop: { timer?: NodeJS.Timeout }): Promise<string> {
  const cpu0 = pid === undefined ? undefined : processCpuMs(pid);
  const wall0 = performance.now();
  return new Promise((resolve) => {
    const look = () => {
      const spent = cpu0 === undefined ? undefined : (processCpuMs(pid!) ?? cpu0) - cpu0;
      if (spent !== undefined && spent >= timeoutMs)
        return resolve(`compiling took longer than ${timeoutMs / 1000} s of CPU time`);
      if (performance.now() - wall0 >= compileBackstopMs(timeoutMs))
        return resolve(`compiling did not finish within ${compileBackstopMs(timeoutMs) / 1000} s`);
      stop.timer = setTimeout(look, Math.min(LOOK_MS, timeoutMs));
    };
    stop.timer = setTimeout(look, Math.min(LOOK_MS, timeoutMs));
  });
}

async function once<T>(task: () => Promise<T>, timeoutMs: number): Promise<Guarded<T>> {
  const seen = generation;
  inFlight++;
  const stop: { timer?: NodeJS.Timeout } = {};
  try {
    const running = task();
    // Stopping the service rejects the build we gave up on; nobody is waiting for it.
    running.catch(() => {});
    // The service starts with the first build: it is there to be found now.
    const TIMED_OUT = Symbol("timeout");
    let reason = "";
    const timeout = outOfTime(timeoutMs, servicePid(), stop).then((why) => ((reason = why), TIMED_OUT));
    const value = await Promise.race([running, timeout]);
    if (value === TIMED_OUT) {
      await restart(seen);
      return { ok: false, reason };
    }
    return { ok: true, value: value as T };
  } catch (error) {
    if (!SERVICE_FAILURE.test(String((error as Error)?.message))) throw error;
    await restart(seen);
    return { ok: false, reason: "the compiler (esbuild) crashed on it" };
  } finally {
    clearTimeout(stop.timer);
    if (--inFlight === 0) for (const wake of idle.splice(0)) wake();
  }
}

/** Runs `task` with nothing else compiling, after every build already running has finished. */
function alone<T>(task: () => Promise<T>): Promise<T> {
  const run = soloChain.then(async () => {
    let open!: () => void;
    barrier = new Promise<void>((resolve) => (open = resolve));
    try {
      while (inFlight > 0) await new Promise<void>((resolve) => idle.push(resolve));
      return await task();
    } finally {
      barrier = undefined;
      open();
    }
  });
  soloChain = run.catch(() => {});
  return run;
}

/**
 * Runs one esbuild build under the guard; `{ ok: false }` only when it failed twice, the second
 * time alone. With `retry: false`, one try: for a build that is split up when it fails.
 */
export async function guarded<T>(
  task: () => Promise<T>,
  timeoutMs = COMPILE_TIMEOUT_MS,
  retry = true,
): Promise<Guarded<T>> {
  while (barrier) await barrier;
  const first = await once(task, timeoutMs);
  if (first.ok || !retry) return first;
  return alone(() => once(task, timeoutMs));
}
