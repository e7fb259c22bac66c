/**
 * Internal. One sandboxed process, from spawn to exit, running a list of calls
 * in order. It settles what it can and says how it ended: all calls answered,
 * stopped by a step (a call or a module load that ran out of CPU time or took
 * the process down), out of the submission's budget, or failed for reasons
 * that are the machine's, not the code's.
 *
 * Limits count the sandbox's CPU time (see cpu.ts), so a slow start or a busy
 * machine costs nothing; a wall-clock backstop several times longer catches
 * code that hangs without using the CPU. The backstops do not count the time
 * the sandbox waited for a CPU while it could run (where /proc tells it): on a
 * machine with more work than cores that is most of the wall clock, and it is
 * the machine's, while code that hangs waits for no CPU. Nothing runs student
 * code before the harness says `ready`, so the time before it is measured on
 * its own, by the wall clock, and running out of it is the machine's trouble.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { sandboxLifetimeCpu, TreeCpu } from "./cpu.ts";
import { inbox } from "./inbox.ts";
import { moduleOf, type Call, type Message } from "./protocol.ts";
import type { CallOutcome, RunOptions } from "./run.ts";
import { sandboxCommand } from "./command.ts";
import { fromWire } from "./wire.ts";
import { describeExit, diedOfItsInput, stopOutcome } from "./ending.ts";
import { allocationCapMs, GROWTH_BYTES, growthGraceMs, LOOK_MS, MEMORY_GROWTH_BYTES } from "./step-limits.ts";
import { retryHeapMb, retryLimitMs, wallBackstopMs, wallOnlyMs } from "./step-limits.ts";

export const KEEP_OUTPUT = 16 * 1024;

/** A call with the CPU time it may use. */
export interface TimedCall extends Call {
  limitMs: number;
}

/** The step that ended a process early, and what it costs. */
export interface Stop {
  /** The calls it settles: one call, or every call of a module that did not load. */
  ids: string[];
  outcome: CallOutcome & { status: "timeout" | "crashed" };
}

export interface Attempt {
  output: string;
  /** CPU ms the process used after it was ready. */
  cpuMs: number;
  /** Wall-clock ms it cost the submission's budget (see AttemptBudget.wallMs). */
  wallMs: number;
  /** Whether the harness said it was ready (nothing of the submission's runs before). */
  ready: boolean;
  /** Set when the process failed for the machine's reasons; nothing it did is held against the code. */
  machine?: string;
  /**
   * Set with `machine` when the process died before it was ready of something its input can cause (out of
   * memory): the machine's trouble unless it repeats with one exercise's module alone (see run.ts).
   */
  early?: string;
  stop?: Stop;
  /** The submission's CPU budget (or its wall-clock backstop) ran out. */
  outOfTime: boolean;
}

export interface AttemptBudget {
  cpuMs: number;
  /** Wall-clock ms left, counted from ready, less the time the sandbox waited for a CPU where /proc tells it. */
  wallMs: number;
  /** This is the run again of a step that stopped a process: it gets more room (see retryLimitMs). */
  retry: boolean;
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} s`;

export function runAttempt(
  options: RunOptions,
  calls: TimedCall[],
  outcomes: Map<string, CallOutcome>,
  budget: AttemptBudget,
): Promise<Attempt> {
  // A run again alone gets a smaller heap (see step-limits.ts), which a call that hoards memory fills at once.
  const limits = budget.retry
    ? { ...options.limits, maxOldSpaceMb: retryHeapMb(options.limits.maxOldSpaceMb) }
    : options.limits;
  const used = new Set(calls.map(moduleOf));
  const modules = Object.fromEntries(Object.entries(options.modules).filter(([id]) => used.has(id)));
  const [cmd, ...args] = sandboxCommand(options.harness, options.isolation, limits);
  const child = spawn(cmd, args, {
    cwd: path.dirname(options.harness),
    env: {},
    // What student code prints on stdout is never read (results come on fd 3), so it goes nowhere;
    // stderr is kept for what Node says when it dies (out of memory).
    stdio: ["pipe", "ignore", "pipe", "pipe"],
    detached: true,
  });
  const cpu = new TreeCpu(child.pid ?? -1);

  return new Promise<Attempt>((resolve) => {
    let output = "";
    let ready = false;
    let finished = false;
    let spawnError: string | undefined;
    let killedFor: "startup" | "step" | "memory" | "budget" | "output" | "done" | undefined;
    let stepWall = false;
    let stepTimer: NodeJS.Timeout | undefined;
    let cpuAtReady = 0;
    let rssAtReady = Infinity;
    let cpuNow = 0;
    const imported = new Set<string>();
    const startup = setTimeout(() => kill("startup"), limits.startupTimeoutMs);
    // Set at ready where /proc cannot tell the time spent waiting for a CPU; else the steps' checks watch the budget.
    let wallBudget: NodeJS.Timeout | undefined;
    let readyAt: number | undefined;
    let waitAtReady = 0;

    const keep = (chunk: Buffer) => {
      if (output.length < KEEP_OUTPUT) output += chunk.toString("utf8").slice(0, KEEP_OUTPUT - output.length);
    };
    child.stderr?.on("data", keep);
    child.stdin?.on("error", () => {});
    // Only lines that start with this secret count: it reaches the harness on stdin and stays in its closure,
    // where student code sharing the process cannot read it.
    const secret = randomBytes(24).toString("base64url");
    child.stdin?.end(
      JSON.stringify({
        secret,
        modules,
        calls: calls.map(({ id, exercise, fn, args, pure, module }) => ({
          id,
          exercise,
          fn,
          args,
          ...(pure ? { pure } : {}),
          ...(module ? { module } : {}),
        })),
      }),
    );

    function kill(reason: NonNullable<typeof killedFor>) {
      killedFor ??= reason;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }
    const onAbort = () => kill("budget");
    options.signal?.addEventListener("abort", onAbort);

    /** CPU ms since ready, from the kernel; undefined where /proc cannot tell. */
    function sampleCpu(): number | undefined {
      const ms = cpu.sample();
      if (ms === undefined) return undefined;
      cpuNow = ms - cpuAtReady;
      return cpuNow;
    }

    /** Wall-clock ms since ready, less the time spent waiting for a CPU where /proc tells it. */
    function ownWall(): number {
      if (readyAt === undefined) return 0;
      const wall = performance.now() - readyAt;
      const wait = cpu.waitMs();
      return wait === undefined ? wall : Math.max(0, wall - (wait - waitAtReady));
    }

    /** The first unanswered call; the harness runs them in order, loading each module before its first call. */
    function cursor(): TimedCall | undefined {
      return calls.find((c) => !outcomes.has(c.id));
    }

    /** Starts the clock for the step the harness is on now: loading the next module, or the next call. */
    function arm() {
      clearTimeout(stepTimer);
      const now = cursor();
      if (!now) return;
      const base = imported.has(moduleOf(now)) ? now.limitMs : limits.loadLimitMs;
      const limit = budget.retry ? retryLimitMs(base) : base;
      const cpu0 = sampleCpu();
      const wall0 = ownWall();
      if (cpu0 === undefined) {
        stepTimer = setTimeout(() => kill("step"), wallOnlyMs(limit));
        return;
      }
      if (cpu0 >= budget.cpuMs) return kill("budget");
      let peak = cpu.rssBytes() ?? 0;
      let grewAt = -Infinity;
      const check = () => {
        const spent = (sampleCpu() ?? cpu0) - cpu0;
        const own = ownWall();
        const wall = own - wall0;
        if (own >= budget.wallMs) return kill("budget");
        // Memory first: a step that is filling memory ends out of memory, however slow the host is at it.
        const rss = cpu.rssBytes();
        if (rss !== undefined && rss > rssAtReady + MEMORY_GROWTH_BYTES) return kill("memory");
        if (rss !== undefined && rss >= peak + GROWTH_BYTES) [peak, grewAt] = [rss, spent];
        // Only the run alone is let run on: the first is cut at its limit, and a stop is run again alone anyway.
        const allocating = budget.retry && spent - grewAt <= growthGraceMs(limit) && spent < allocationCapMs(limit);
        if (spent >= limit && !allocating) return kill("step");
        if (cpuNow >= budget.cpuMs) return kill("budget");
        if (wall >= wallBackstopMs(allocating ? allocationCapMs(limit) : limit)) {
          stepWall = true;
          return kill("step");
        }
        // Often enough for memory to reach its own limit before the heap's.
        stepTimer = setTimeout(check, LOOK_MS);
      };
      stepTimer = setTimeout(check, Math.min(LOOK_MS, limit));
    }

    function settleModule(key: string, outcome: CallOutcome) {
      for (const call of calls) {
        if (moduleOf(call) === key && !outcomes.has(call.id)) outcomes.set(call.id, outcome);
      }
    }

    function onMessage(message: Message) {
      const now = cursor();
      switch (message.t) {
        case "ready":
          if (ready) return;
          ready = true;
          clearTimeout(startup);
          cpu.discover(options.harness);
          cpuAtReady = cpu.sample() ?? 0;
          rssAtReady = cpu.rssBytes() ?? Infinity;
          readyAt = performance.now();
          waitAtReady = cpu.waitMs() ?? 0;
          if (cpu.waitMs() === undefined) wallBudget = setTimeout(() => kill("budget"), budget.wallMs);
          arm();
          return;
        case "imported":
        case "import-failed":
          // Only the module due next can have loaded; anything else is noise on fd 3.
          if (!ready || !now || message.exercise !== moduleOf(now) || imported.has(moduleOf(now))) return;
          imported.add(moduleOf(now));
          if (message.t === "import-failed")
            settleModule(moduleOf(now), { status: "import-failed", error: message.error });
          arm();
          return;
        case "ok":
        case "threw":
          // Only the call that is running can answer.
          if (!now || message.id !== now.id || !imported.has(moduleOf(now))) return;
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
          // The last call's CPU time too: arm() looks no more once no call is left.
          sampleCpu();
          kill("done");
          return;
      }
    }

    child.stdio[3]?.on(
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
    child.stdio[3]?.on("error", () => {});

    child.on("error", (error) => {
      spawnError = error.message;
    });
    child.on("close", (code, signal) => {
      clearTimeout(stepTimer);
      clearTimeout(startup);
      clearTimeout(wallBudget);
      options.signal?.removeEventListener("abort", onAbort);
      const attempt: Attempt = { output, cpuMs: cpuNow, wallMs: ownWall(), outOfTime: false, ready };
      if (ready) sandboxLifetimeCpu.add(cpuAtReady + cpuNow);
      const exit = describeExit(code, signal, output, limits.maxOldSpaceMb);
      const now = cursor();
      if (finished || (!now && ready)) {
        // every call answered
      } else if (spawnError !== undefined) {
        attempt.machine = `the sandbox could not be started: ${spawnError}`;
      } else if (killedFor === "startup") {
        attempt.machine = `the sandbox did not start within ${seconds(limits.startupTimeoutMs)}`;
      } else if (!ready && killedFor !== "budget") {
        // No student code runs before "ready": whatever ended the process was not the submission.
        attempt.machine = `the sandbox ended before it was ready: ${exit}`;
        if (killedFor === undefined && diedOfItsInput(output)) attempt.early = exit;
      } else if (signal === "SIGKILL" && killedFor === undefined) {
        attempt.machine =
          "the sandbox was killed by a SIGKILL the grader did not send (the system's out-of-memory killer?)";
      } else if (killedFor === "budget") {
        attempt.outOfTime = true;
      } else if (!now) {
        attempt.machine = `the sandbox ended before it was ready: ${exit}`;
      } else {
        const loading = !imported.has(moduleOf(now));
        const limit = loading ? limits.loadLimitMs : now.limitMs;
        const outcome = stopOutcome({ killedFor, stepWall, loading, limit, retry: budget.retry, exit, limits });
        const ids = loading
          ? calls.filter((c) => moduleOf(c) === moduleOf(now) && !outcomes.has(c.id)).map((c) => c.id)
          : [now.id];
        attempt.stop = { ids, outcome };
      }
      resolve(attempt);
    });
  });
}
