/**
 * Internal. Runs a list of calls in sandboxed processes and collects one
 * outcome per call, whatever the student code does, and whatever the machine does.
 *
 * One process normally serves a whole submission. A call (or module load) that
 * runs out of CPU time or takes its process down is run once more, alone, in a
 * fresh process, before that is held against it; a fresh process carries on
 * with the rest. A process that fails for the machine's reasons (it cannot
 * start, dies before it is ready, or is killed by a signal the grader did not
 * send) is retried with back-off; when it still fails, runCalls throws
 * SandboxUnavailableError and the caller reports the grader's error, never a 0.
 */
import { GraderError } from "../errors.ts";
import { runAttempt, KEEP_OUTPUT, type Attempt, type TimedCall } from "./attempt.ts";
import type { Isolation } from "./isolation.ts";
import { moduleOf, type Call, type ErrorInfo } from "./protocol.ts";

export { sandboxCommand } from "./command.ts";

export interface RunLimits {
  /** CPU ms per call, for calls that bring no limit of their own. */
  callTimeoutMs: number;
  /** CPU ms to load one exercise's module (its top-level code). */
  loadLimitMs: number;
  /** CPU ms for all of one submission's calls together; the wall clock may run three times as long. */
  submissionTimeoutMs: number;
  /** Wall-clock ms for a sandbox to start and say it is ready; running out is the machine's trouble. */
  startupTimeoutMs: number;
  /** V8 heap limit for the sandbox. */
  maxOldSpaceMb: number;
}

export type CallOutcome =
  | { status: "ok"; value: unknown; meta: Record<string, unknown>; after?: unknown }
  | { status: "threw"; error: ErrorInfo }
  | { status: "import-failed"; error: ErrorInfo }
  | { status: "timeout"; message: string }
  | { status: "crashed"; message: string };

export interface RunReport {
  outcomes: Map<string, CallOutcome>;
  /** How many processes were started. */
  spawns: number;
  /** True when the submission's time limit ran out. */
  outOfTime: boolean;
  /** The start of what the processes printed, for the grading log only. */
  output: string;
  /** CPU ms the sandboxes used after they were ready. */
  cpuMs: number;
}

export interface RunOptions {
  harness: string;
  /** exercise id → compiled module code. */
  modules: Record<string, string>;
  /** The calls, each with the CPU ms it may use (limits.callTimeoutMs when it brings none). */
  calls: (Call & { limitMs?: number })[];
  limits: RunLimits;
  isolation: Isolation;
  signal?: AbortSignal;
  /** Waits between tries after the machine's trouble; the default grows 0.25 s, 1 s, 3 s. */
  backoffMs?: readonly number[];
}

/** The sandbox could not be run at all, for reasons that are the machine's: no score may come of it. */
export class SandboxUnavailableError extends GraderError {
  constructor(readonly reason: string) {
    super(
      "SANDBOX_UNAVAILABLE",
      `This machine could not run the sandbox (${reason}). That is the machine's trouble, not the code's: run it again.`,
    );
  }
}

const BACKOFF_MS = [250, 1000, 3000];
/** A step that stops its process gets this many runs, each in a fresh process, before it is held against it. */
const RUNS_PER_STEP = 2;

export async function runCalls(options: RunOptions): Promise<RunReport> {
  const { limits } = options;
  const outcomes = new Map<string, CallOutcome>();
  const calls: TimedCall[] = options.calls.map((c) => ({ ...c, limitMs: c.limitMs ?? limits.callTimeoutMs }));
  const backoff = options.backoffMs ?? BACKOFF_MS;
  const wallDeadline = Date.now() + 3 * limits.submissionTimeoutMs;
  const strikes = new Map<string, number>();
  let spawns = 0;
  let machineFailures = 0;
  let cpuMs = 0;
  let output = "";
  let outOfTime = false;

  while (!options.signal?.aborted) {
    const pending = calls.filter((c) => !outcomes.has(c.id));
    if (pending.length === 0) break;
    const wallLeft = wallDeadline - Date.now();
    if (cpuMs >= limits.submissionTimeoutMs || wallLeft <= 0) {
      outOfTime = true;
      break;
    }
    // A step that stopped a process runs again alone in a fresh one: the call, or a module's calls
    // when loading the module was what stopped it.
    const struck = pending.filter((c) => strikes.has(c.id));
    const group = struck.length > 0 ? struck.filter((c) => moduleOf(c) === moduleOf(struck[0])) : pending;
    spawns++;
    const attempt: Attempt = await runAttempt(options, group, outcomes, {
      cpuMs: limits.submissionTimeoutMs - cpuMs,
      wallMs: wallLeft,
      retry: struck.length > 0,
    });
    output += attempt.output;
    cpuMs += attempt.cpuMs;
    if (attempt.machine !== undefined) {
      if (options.signal?.aborted) break;
      if (machineFailures >= backoff.length) throw new SandboxUnavailableError(attempt.machine);
      await sleep(backoff[machineFailures++]);
      continue;
    }
    if (attempt.outOfTime) {
      outOfTime = !options.signal?.aborted;
      break;
    }
    if (attempt.stop) {
      for (const id of attempt.stop.ids) {
        const runs = (strikes.get(id) ?? 0) + 1;
        if (runs >= RUNS_PER_STEP) outcomes.set(id, attempt.stop.outcome);
        else strikes.set(id, runs);
      }
    }
  }
  const limit = `${limits.submissionTimeoutMs / 1000} s of CPU time`;
  for (const call of calls) {
    if (outcomes.has(call.id)) continue;
    const message = outOfTime
      ? `not run: the submission's time limit of ${limit} ran out first`
      : "not run: grading was interrupted";
    outcomes.set(call.id, { status: "timeout", message });
  }
  return { outcomes, spawns, outOfTime, output: output.slice(0, KEEP_OUTPUT), cpuMs };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
