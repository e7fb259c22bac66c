/**
 * Internal. Runs a list of calls in sandboxed processes and collects one
 * outcome per call, whatever the student code does.
 *
 * One process normally serves a whole submission. When a call hangs or kills
 * its process, that call (or that module's calls, if it was loading) gets a
 * timeout or crash outcome and a fresh process carries on with the rest.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Isolation } from "./isolation.ts";
import { inbox } from "./inbox.ts";
import type { Call, ErrorInfo, Message } from "./protocol.ts";
import { fromWire } from "./wire.ts";

export interface RunLimits {
  /** Per call, and per module load. */
  callTimeoutMs: number;
  /** For all of one submission's calls together. */
  submissionTimeoutMs: number;
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
}

export interface RunOptions {
  harness: string;
  /** exercise id → compiled module code. */
  modules: Record<string, string>;
  calls: Call[];
  limits: RunLimits;
  isolation: Isolation;
  signal?: AbortSignal;
}

const KEEP_OUTPUT = 16 * 1024;

export async function runCalls(options: RunOptions): Promise<RunReport> {
  const outcomes = new Map<string, CallOutcome>();
  const deadline = Date.now() + options.limits.submissionTimeoutMs;
  let pending = options.calls;
  let spawns = 0;
  let output = "";
  let outOfTime = false;
  while (pending.length > 0 && !options.signal?.aborted) {
    const left = deadline - Date.now();
    if (left <= 0) {
      outOfTime = true;
      break;
    }
    spawns++;
    const before = outcomes.size;
    const attempt = await runOnce(options, pending, outcomes, left);
    output += attempt.output;
    if (attempt.outOfTime) {
      outOfTime = true;
      break;
    }
    pending = pending.filter((c) => !outcomes.has(c.id));
    // A process that died without settling a single call would die again.
    if (outcomes.size === before && pending.length > 0) {
      for (const call of pending) outcomes.set(call.id, { status: "crashed", message: attempt.exitReason });
      pending = [];
    }
  }
  const limit = `${options.limits.submissionTimeoutMs / 1000} s`;
  for (const call of options.calls) {
    if (outcomes.has(call.id)) continue;
    const message = outOfTime
      ? `not run: the submission's time limit of ${limit} ran out first`
      : "not run: grading was interrupted";
    outcomes.set(call.id, { status: "timeout", message });
  }
  return { outcomes, spawns, outOfTime, output: output.slice(0, KEEP_OUTPUT) };
}

interface Attempt {
  output: string;
  outOfTime: boolean;
  exitReason: string;
}

/** The command line of a sandbox: the isolation wrappers, then node with its walls, then the harness. */
export function sandboxCommand(harness: string, isolation: Isolation, limits: RunLimits): string[] {
  return [
    ...isolation.prefix,
    process.execPath,
    "--experimental-permission",
    // The harness is the only file it may read: the modules arrive on stdin.
    `--allow-fs-read=${harness}`,
    `--max-old-space-size=${limits.maxOldSpaceMb}`,
    // One V8 background thread: several sandboxes run at once, and V8's parallel
    // helpers then cost about 30% more CPU per sandbox than they save in wall time.
    "--v8-pool-size=1",
    "--no-warnings",
    harness,
  ];
}

function runOnce(
  options: RunOptions,
  calls: Call[],
  outcomes: Map<string, CallOutcome>,
  budgetMs: number,
): Promise<Attempt> {
  const { limits, isolation } = options;
  const used = new Set(calls.map((c) => c.exercise));
  const modules = Object.fromEntries(Object.entries(options.modules).filter(([id]) => used.has(id)));
  const [cmd, ...args] = sandboxCommand(options.harness, isolation, limits);
  const child = spawn(cmd, args, {
    cwd: path.dirname(options.harness),
    env: {},
    // What student code prints on stdout is never read (results come on fd 3), so it goes nowhere;
    // stderr is kept for what Node says when it dies (out of memory).
    stdio: ["pipe", "ignore", "pipe", "pipe"],
    detached: true,
  });

  return new Promise<Attempt>((resolve) => {
    const callSeconds = `${limits.callTimeoutMs / 1000} s`;
    let output = "";
    let ready = false;
    let finished = false;
    let killedFor: "call" | "budget" | "output" | undefined;
    let buffered = "";
    let timer: NodeJS.Timeout | undefined;
    const imported = new Set<string>();
    const budget = setTimeout(() => kill("budget"), budgetMs);

    const keep = (chunk: Buffer) => {
      if (output.length < KEEP_OUTPUT) output += chunk.toString("utf8").slice(0, KEEP_OUTPUT - output.length);
    };
    child.stderr!.on("data", keep);
    child.stdin!.on("error", () => {});
    const secret = randomBytes(24).toString("base64url");
    child.stdin!.end(JSON.stringify({ secret, modules, calls }));

    function kill(reason: typeof killedFor) {
      killedFor ??= reason;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
    const onAbort = () => kill("budget");
    options.signal?.addEventListener("abort", onAbort);

    /** Every step (starting, loading a module, each call) gets the call time limit. */
    function arm() {
      clearTimeout(timer);
      timer = setTimeout(() => kill("call"), limits.callTimeoutMs);
    }
    arm();
    function settleExercise(exercise: string, outcome: CallOutcome) {
      for (const call of calls) {
        if (call.exercise === exercise && !outcomes.has(call.id)) outcomes.set(call.id, outcome);
      }
    }
    /**
     * What the harness is doing now. It runs the calls in order, loading each
     * exercise's module before its first call, so the grader knows without being
     * told: the first unanswered call, and whether its module is loaded yet.
     * (Being told would cost a message, and a wake-up, per call.)
     */
    function cursor(): Call | undefined {
      return calls.find((c) => !outcomes.has(c.id));
    }

    function onMessage(message: Message) {
      const now = cursor();
      switch (message.t) {
        case "ready":
          ready = true;
          arm();
          return;
        case "imported":
        case "import-failed":
          // Only the module due next can have loaded; anything else is noise on fd 3.
          if (!now || message.exercise !== now.exercise || imported.has(now.exercise)) return;
          imported.add(now.exercise);
          if (message.t === "import-failed")
            settleExercise(now.exercise, { status: "import-failed", error: message.error });
          arm();
          return;
        case "ok":
        case "threw":
          // Only the call that is running can answer.
          if (!now || message.id !== now.id || !imported.has(now.exercise)) return;
          outcomes.set(
            now.id,
            message.t === "ok"
              ? {
                  status: "ok",
                  value: fromWire(message.value),
                  meta: (fromWire(message.meta) ?? {}) as Record<string, unknown>,
                  ...(message.after === undefined ? {} : { after: fromWire(message.after) }),
                }
              : { status: "threw", error: message.error },
          );
          arm();
          return;
        case "done":
          // "done" counts only once every call has answered.
          if (now) return;
          finished = true;
          kill(undefined);
          return;
      }
    }

    child.stdio[3]!.on(
      "data",
      inbox(secret, {
        message: onMessage,
        // A line from the harness that breaks a bound costs the running call its output.
        breach: (reason) =>
          onMessage({
            t: "threw",
            id: cursor()?.id ?? "",
            error: { name: "OutputRefused", message: `the output was refused: ${reason}`, notImplemented: false },
          }),
        overflow: () => kill("output"),
      }),
    );
    child.stdio[3]!.on("error", () => {});

    child.on("close", (code, signal) => {
      clearTimeout(timer);
      clearTimeout(budget);
      options.signal?.removeEventListener("abort", onAbort);
      const exitReason = describeExit(code, signal, output, limits);
      const outOfTime = killedFor === "budget" && !finished;
      const now = cursor();
      if (!finished && !outOfTime && ready && now) {
        const what =
          killedFor === "call"
            ? ({ status: "timeout", message: `timed out after ${callSeconds}` } as const)
            : killedFor === "output"
              ? ({ status: "crashed", message: "wrote more than 4 MiB of output for one case" } as const)
              : ({ status: "crashed", message: exitReason } as const);
        if (!imported.has(now.exercise)) {
          const message =
            what.status === "timeout"
              ? `loading the module timed out after ${callSeconds}`
              : `the process ended while loading the module: ${what.message}`;
          settleExercise(now.exercise, { status: what.status, message });
        } else {
          outcomes.set(now.id, what);
        }
      }
      resolve({ output, outOfTime, exitReason });
    });
    child.on("error", (error) => {
      output += `could not start the sandbox: ${error.message}\n`;
    });
  });
}

function describeExit(code: number | null, signal: NodeJS.Signals | null, output: string, limits: RunLimits): string {
  if (/heap out of memory|Allocation failed/i.test(output))
    return `ran out of memory (the limit is ${limits.maxOldSpaceMb} MB)`;
  if (signal) return `the process was killed by ${signal}`;
  if (code === 0) return "the process exited with status 0 before returning a result (process.exit?)";
  return `the process exited with status ${code} before returning a result`;
}
