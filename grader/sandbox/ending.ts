/**
 * Internal. How a sandbox's process ended, in words, from its exit status and
 * what it printed on standard error, and what that costs the step it was on.
 */
import { MAX_MESSAGE_BYTES } from "./protocol.ts";
import type { RunLimits } from "./run.ts";
import type { Stop } from "./attempt.ts";
import { MEMORY_GROWTH_BYTES, retryLimitMs, wallBackstopMs } from "./step-limits.ts";

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} s`;

/** What V8 and Node print when the heap, or a string, cannot grow: the process's own size, not the machine. */
const OUT_OF_MEMORY = /heap out of memory|Allocation failed|Invalid string length|ERR_STRING_TOO_LONG/i;

/** Whether the process died of what it was given: out of memory, whoever's memory it was. */
export function diedOfItsInput(output: string): boolean {
  return OUT_OF_MEMORY.test(output);
}

export function describeExit(
  code: number | null,
  signal: NodeJS.Signals | null,
  output: string,
  heapMb: number,
): string {
  if (OUT_OF_MEMORY.test(output)) return `ran out of memory (the limit is ${heapMb} MB)`;
  if (signal) return `the process was killed by ${signal}`;
  if (code === 0) return "the process exited with status 0 before returning a result (process.exit?)";
  return `the process exited with status ${code} before returning a result`;
}

export interface StepEnd {
  /** Why the grader killed the process, if it did. */
  killedFor?: "step" | "memory" | "output" | string;
  /** The step ran past its wall-clock backstop rather than its CPU limit. */
  stepWall: boolean;
  /** The step was loading a module rather than a call. */
  loading: boolean;
  /** The step's CPU limit, before any stretching for a run again. */
  limit: number;
  retry: boolean;
  /** How the process ended (describeExit). */
  exit: string;
  limits: RunLimits;
}

/** What a step that ended its process costs it: out of time, or crashed with the reason. */
export function stopOutcome(end: StepEnd): Stop["outcome"] {
  const { loading, limit } = end;
  if (end.killedFor === "step") {
    const stretched = end.retry ? retryLimitMs(limit) : limit;
    const again = end.retry ? `, and of ${seconds(stretched)} when run again alone` : "";
    const why = end.stepWall
      ? `no answer after ${seconds(wallBackstopMs(stretched))} of wall-clock time`
      : `over its limit of ${seconds(limit)} of CPU time${again}`;
    return { status: "timeout", message: loading ? `loading the module timed out: ${why}` : `timed out: ${why}` };
  }
  const why =
    end.killedFor === "output"
      ? `wrote more than ${MAX_MESSAGE_BYTES / 2 ** 20} MiB of output for one case`
      : end.killedFor === "memory"
        ? `ran out of memory (the limit is ${MEMORY_GROWTH_BYTES / 2 ** 20} MB more than the sandbox starts with)`
        : end.exit;
  return { status: "crashed", message: loading ? `the process ended while loading the module: ${why}` : why };
}
