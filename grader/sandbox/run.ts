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
 * The one exception is a process that runs out of memory before it is ready
 * with one exercise's module alone, twice, while one without it starts: that
 * is the exercise's doing, and it crashes alone.
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
  /**
   * CPU ms for all of one submission's calls together; the wall clock may run three times as long, not counting
   * starts and waits for a CPU.
   */
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

/**
 * Tests only: BACKPROP_TEST_BACKOFF_MS ("10,10,10") replaces the waits, so a test of a machine that never starts
 * the sandbox does not sleep through all of them. Anything but a list of whole numbers is ignored.
 */
function backoffFromEnv(): readonly number[] | undefined {
  const given = process.env.BACKPROP_TEST_BACKOFF_MS;
  if (!given || !/^\d+(,\d+)*$/.test(given)) return undefined;
  return given.split(",").map(Number);
}
/** A step that stops its process gets this many runs, each in a fresh process, before it is held against it. */
const RUNS_PER_STEP = 2;

export async function runCalls(options: RunOptions): Promise<RunReport> {
  const { limits } = options;
  const outcomes = new Map<string, CallOutcome>();
  const calls: TimedCall[] = options.calls.map((c) => ({ ...c, limitMs: c.limitMs ?? limits.callTimeoutMs }));
  const backoff = options.backoffMs ?? backoffFromEnv() ?? BACKOFF_MS;
  // The wall clock's share: from ready, less waits for a CPU (attempt.ts), so a start or a busy machine costs none.
  const wallBudget = 3 * limits.submissionTimeoutMs;
  let wallMs = 0;
  const strikes = new Map<string, number>();
  /** Exercise → how a sandbox given its module alone died before it was ready. */
  const early = new Map<string, string>();
  /** Whether each exercise runs in its own sandbox, to find which one a sandbox cannot start with. */
  let split = false;
  let spawns = 0;
  let machineFailures = 0;
  let cpuMs = 0;
  let output = "";
  let outOfTime = false;

  while (!options.signal?.aborted) {
    const pending = calls.filter((c) => !outcomes.has(c.id));
    if (pending.length === 0) break;
    const wallLeft = wallBudget - wallMs;
    if (cpuMs >= limits.submissionTimeoutMs || wallLeft <= 0) {
      outOfTime = true;
      break;
    }
    // A step that stopped a process runs again alone in a fresh one: the call, or a module's calls
    // when loading the module was what stopped it.
    const struck = pending.filter((c) => strikes.has(c.id));
    const alone = (key: string) => pending.filter((c) => moduleOf(c) === key);
    const group = struck.length > 0 ? alone(moduleOf(struck[0])) : split ? alone(moduleOf(pending[0])) : pending;
    const budget = { cpuMs: limits.submissionTimeoutMs - cpuMs, wallMs: wallLeft, retry: struck.length > 0 };
    spawns++;
    let attempt: Attempt = await runAttempt(options, group, outcomes, budget);
    output += attempt.output;
    cpuMs += attempt.cpuMs;
    wallMs += attempt.wallMs;
    if (attempt.machine !== undefined && attempt.early !== undefined && !options.signal?.aborted) {
      // Died before it was ready of something its input can cause. With several exercises' modules, each
      // runs alone to learn which; one that dies alone the same way twice, while a sandbox without it
      // starts, is that exercise's doing, and the others are graded as usual.
      const exercise = moduleOf(group[0]);
      if (group.some((c) => moduleOf(c) !== exercise)) {
        split = true;
        continue;
      }
      if (early.get(exercise) === attempt.early) {
        spawns++;
        const control = await runAttempt(options, [], outcomes, budget);
        if (control.ready) {
          const message = `the sandbox could not start with this exercise's module: ${attempt.early}`;
          for (const c of group) outcomes.set(c.id, { status: "crashed", message });
          split = false;
          continue;
        }
        attempt = control;
      } else {
        early.set(exercise, attempt.early);
      }
    }
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
