/**
 * Internal. Compiling is part of the untrusted work: a submission's source can
 * crash esbuild's service (a stack overflow in its parser) or keep it busy for
 * minutes. The service is shared by every build in the process, so a build that
 * fails with it must not fail the builds of others:
 *
 * - each build has a time limit; one that runs out stops the service, which
 *   esbuild restarts on the next build;
 * - a build that the service failed under (its own fault or a neighbour's) is
 *   tried again alone, with nothing else running;
 * - only a build that fails alone as well is charged, as its own compile error.
 *
 * Before any of that, `sourceProblem` bounds what esbuild's recursive parser is
 * given, with a linear scan, so the known ways to crash it never reach it.
 */
import * as esbuild from "esbuild";

export const COMPILE_TIMEOUT_MS = 10_000;
/** Brackets nested deeper than this are refused before parsing; real code stays under 30. */
export const MAX_SOURCE_DEPTH = 256;
/** More import or export-from clauses than this in one file are refused; each costs the compiler a round trip. */
export const MAX_SOURCE_IMPORTS = 200;

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

async function once<T>(task: () => Promise<T>, timeoutMs: number): Promise<Guarded<T>> {
  const seen = generation;
  inFlight++;
  let timer: NodeJS.Timeout | undefined;
  try {
    const running = task();
    // Stopping the service rejects the build we gave up on; nobody is waiting for it.
    running.catch(() => {});
    const timeout = new Promise<typeof timer>((resolve) => (timer = setTimeout(resolve, timeoutMs, undefined)));
    const TIMED_OUT = Symbol("timeout");
    const value = await Promise.race([running, timeout.then(() => TIMED_OUT)]);
    if (value === TIMED_OUT) {
      await restart(seen);
      return { ok: false, reason: `compiling took longer than ${timeoutMs / 1000} s` };
    }
    return { ok: true, value: value as T };
  } catch (error) {
    if (!SERVICE_FAILURE.test(String((error as Error)?.message))) throw error;
    await restart(seen);
    return { ok: false, reason: "the compiler (esbuild) crashed on it" };
  } finally {
    clearTimeout(timer);
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

/**
 * Why a source file is refused before the compiler sees it, if it is: brackets nested
 * deeper than MAX_SOURCE_DEPTH, or more than MAX_SOURCE_IMPORTS imports. One pass, no
 * recursion; strings and comments are skipped roughly, which is enough for limits that
 * no honest file comes near.
 */
export function sourceProblem(text: string): string | undefined {
  let depth = 0;
  let imports = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && (c === "`" || text[j] !== "\n")) j += text[j] === "\\" ? 2 : 1;
      i = j;
    } else if (c === "(" || c === "[" || c === "{") {
      if (++depth > MAX_SOURCE_DEPTH)
        return `brackets are nested more than ${MAX_SOURCE_DEPTH} levels deep; the compiler refuses it`;
    } else if (c === ")" || c === "]" || c === "}") {
      depth = Math.max(0, depth - 1);
    } else if (
      (c === "i" || c === "f") &&
      /^(import|from)\b/.test(text.slice(i, i + 7)) &&
      !/\w/.test(text[i - 1] ?? "")
    ) {
      if (++imports > MAX_SOURCE_IMPORTS)
        return `more than ${MAX_SOURCE_IMPORTS} imports in one file; the compiler refuses it`;
    }
  }
  return undefined;
}
