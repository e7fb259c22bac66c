/**
 * Internal. Compiling is part of the untrusted work: a submission's source can crash esbuild (a stack overflow in
 * its parser), keep it busy for minutes (string folding that is quadratic in the source) or fill gigabytes. So
 * each build runs in a compile host of its own (compile-process.ts), and:
 *
 * - its limits are its own: CPU time and memory of its host, read from /proc as the sandbox's are (cpu.ts), so a
 *   loaded machine charges no build for its neighbours, and no build waits for another (there is no shared
 *   service to restart, and nothing is retried "alone");
 * - one that goes over its CPU time or memory is that source's own compile error, with the reason, at once;
 * - one whose host died under it is tried again in a fresh host, and charged only when that dies as well;
 * - one that ran out of wall clock with CPU time to spare was starved by the machine, not slow: it is tried again,
 *   and then it is the machine's trouble (CompilerUnavailableError: the grader's error, never a 0). Where /proc
 *   cannot tell, the wall clock is the only limit, and charged.
 *
 * Before any of that, source-scan.ts bounds what esbuild's recursive parser is given, with TypeScript's scanner,
 * so the known ways to crash it never reach it.
 */
import { compileLimits, runInHost, type CompileLimits, type HostOutcome } from "./compile-process.ts";
import type { BuildReply, BuildRequest } from "./compile-plugin.ts";
import { SandboxUnavailableError } from "./run.ts";

export { compileLimits, DEFAULT_COMPILE_LIMITS, type CompileLimits } from "./compile-process.ts";
export { MAX_SOURCE_DEPTH, MAX_SOURCE_IMPORTS, sourceProblem } from "./source-scan.ts";

export type Guarded = { ok: true; reply: BuildReply } | { ok: false; reason: string; machine?: true };

/** The compiler could not be given enough of the machine to tell whether a build is too slow: no score may come of it. */
export class CompilerUnavailableError extends SandboxUnavailableError {
  constructor(reason: string) {
    super(`compiling: ${reason}`);
    this.message =
      `This machine could not compile the submission (${reason}). ` +
      "That is the machine's trouble, not the code's: run it again.";
  }
}

/** What happens to builds, for tests that watch them: each try's start (with its host) and end. */
export type CompileEvent =
  | { phase: "start"; request: BuildRequest; attempt: number; pid: number }
  | { phase: "end"; request: BuildRequest; attempt: number; outcome: HostOutcome };

const watchers = new Set<(event: CompileEvent) => void>();

/** Tests only: calls `listener` on every build's start and end until the returned function is called. */
export function watchCompiles(listener: (event: CompileEvent) => void): () => void {
  watchers.add(listener);
  return () => watchers.delete(listener);
}

const tell = (event: CompileEvent) => watchers.forEach((w) => w(event));

/**
 * Runs one build in a host of its own. `{ ok: false }` with a reason is the source's own compile error;
 * with `machine`, the machine's trouble, only from a build that is not retried. With `retry: false`, one try: for a
 * build that is split up when it fails. Throws CompilerUnavailableError when the machine failed both tries.
 */
export async function guarded(
  request: BuildRequest,
  limits: CompileLimits = compileLimits(),
  retry = true,
): Promise<Guarded> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await runInHost(request, limits, (pid) => tell({ phase: "start", request, attempt, pid }));
    tell({ phase: "end", request, attempt, outcome });
    if (outcome.ok) return { ok: true, reply: outcome.reply };
    if (outcome.kind === "charged") return { ok: false, reason: outcome.reason };
    if (retry && attempt === 1) continue;
    if (outcome.kind === "crashed") return { ok: false, reason: outcome.reason };
    if (!retry) return { ok: false, reason: outcome.reason, machine: true };
    throw new CompilerUnavailableError(outcome.reason);
  }
}
