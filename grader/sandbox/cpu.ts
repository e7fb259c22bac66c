/**
 * Internal. The CPU time a sandbox has used, read from /proc on the trusted side.
 *
 * Time limits count CPU seconds, not wall-clock seconds: on a busy machine a
 * sandbox gets less of a core, and the student must not pay for that. Nothing
 * the sandbox says about itself is used; the kernel's own accounting is.
 */
import { existsSync, readFileSync } from "node:fs";

/** Linux reports utime and stime in clock ticks of 1/USER_HZ s; USER_HZ is 100 on every ABI Node supports. */
const TICK_MS = 10;
/** A sample younger than this is reused: a burst of quick calls costs one read, not one each. */
const FRESH_MS = 5;
/** The isolation wrappers nest a few processes deep at most; more would be a tree we did not start. */
const MAX_TREE = 16;

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * The size of a memory page, from the auxiliary vector the kernel hands every process (AT_PAGESZ, type 6; 64-bit
 * little-endian entries, as on every platform Node builds for Linux), so that /proc's page counts become bytes.
 */
function pageBytes(): number {
  try {
    const auxv = readFileSync("/proc/self/auxv");
    for (let i = 0; i + 16 <= auxv.length; i += 16)
      if (auxv.readBigUInt64LE(i) === 6n) return Number(auxv.readBigUInt64LE(i + 8));
  } catch {
    // Not Linux: nothing here is read then.
  }
  return 4096;
}

let page: number | undefined;

let lifetimeMs = 0;

/**
 * The CPU time every sandbox of this process has used, start-up included, as last seen in /proc: for the bench's
 * account (grader/batch/cpu-account.ts). The kernel's count of ended children cannot tell it, because a sandbox
 * killed with its process group is never waited for by its unshare, so its time reaches no parent.
 */
export const sandboxLifetimeCpu = {
  add(ms: number): void {
    lifetimeMs += ms;
  },
  total: (): number => lifetimeMs,
};

/**
 * CPU time (utime + stime, all threads, in ms) and resident memory (bytes: the same counters as status's VmRSS) of
 * one process, from one read of /proc/<pid>/stat; undefined when it cannot be read.
 */
export function processStat(pid: number): { cpuMs: number; rssBytes: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may itself hold spaces or ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12, rss in pages (24) at 21.
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) return undefined;
  return { cpuMs: ticks * TICK_MS, rssBytes: Number(fields[21]) * (page ??= pageBytes()) };
}

/** utime + stime of one process (all its threads), in ms; undefined when it cannot be read. */
export function processCpuMs(pid: number): number | undefined {
  return processStat(pid)?.cpuMs;
}

/**
 * How long a process's main thread has waited, runnable, for a CPU (ms): /proc/<pid>/schedstat's run-queue delay.
 * Undefined where it cannot be read (no schedstat, or the process is gone).
 */
export function processWaitMs(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/schedstat`, "utf8");
  } catch {
    return undefined;
  }
  const ns = Number(stat.split(" ")[1]);
  return Number.isFinite(ns) ? ns / 1e6 : undefined;
}

/** Whether this machine accounts CPU per process where we can read it. */
export function cpuAccounting(): boolean {
  return processCpuMs(process.pid) !== undefined && existsSync(`/proc/${process.pid}/task/${process.pid}/children`);
}

/**
 * The CPU time of a process tree: the spawned wrapper and everything under it.
 * The tree is walked once, after the sandbox says it is ready (by then the
 * wrappers have forked and exec'd into node); later samples read only those.
 */
export class TreeCpu {
  private pids: number[] = [];
  /** Each live process's CPU ms at its last reading, and the total of those that have exited since. */
  private readonly seen = new Map<number, number>();
  private ended = 0;
  private last: { at: number; ms: number; rss: number | undefined } | undefined;
  private lastWait: number | undefined;
  private lastWaitAt = -Infinity;
  private main: number | undefined;

  constructor(private readonly root: number) {}

  /**
   * Finds the processes of the tree; call once the sandbox is running, before student code runs. `program` names
   * the sandbox's own process: the deepest whose command line holds it (not a wrapper or a helper beside it).
   */
  discover(program?: string): void {
    const found = [this.root];
    for (let i = 0; i < found.length && found.length < MAX_TREE; i++) found.push(...childrenOf(found[i]));
    this.pids = found.slice(0, MAX_TREE);
    if (program === undefined) return;
    // Every wrapper's command line holds the program too; the sandbox is the deepest, so the last found.
    this.main = this.pids.findLast((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(program);
      } catch {
        return false;
      }
    });
  }

  /**
   * Resident memory of the tree, in bytes, or undefined when /proc cannot tell. Read with the CPU time (one read
   * of each process's stat file for both), so it is as fresh as sample(): at most FRESH_MS old.
   */
  rssBytes(): number | undefined {
    this.sample();
    return this.last?.rss;
  }

  /**
   * How long the sandbox's own process (see discover) has waited for a CPU while it could run (ms), or undefined
   * when /proc cannot tell. A busy machine makes it grow; code that hangs (sleeps, waits) does not, since it is not
   * runnable. Only that process counts: a wrapper's or a helper's waits are not the sandbox's.
   */
  waitMs(): number | undefined {
    // As fresh as sample(): the grader asks at every call a sandbox answers, and its calls take well under FRESH_MS,
    // while what the figure decides (a wall-clock backstop) is seconds away.
    const now = performance.now();
    if (this.lastWait !== undefined && now - this.lastWaitAt < FRESH_MS) return this.lastWait;
    const ms = this.main === undefined ? undefined : processWaitMs(this.main);
    // An exited process can no longer be read: keep the last figure rather than go backwards, and read it no more
    // (the grader still asks at each answer it has yet to handle, and its pid may be a stranger's by then).
    if (ms === undefined) {
      this.main = undefined;
      return this.lastWait;
    }
    this.lastWait = Math.max(ms, this.lastWait ?? 0);
    this.lastWaitAt = now;
    return this.lastWait;
  }

  /** CPU ms used by the tree so far, or undefined when /proc cannot tell (not Linux). */
  sample(): number | undefined {
    const now = performance.now();
    if (this.last && now - this.last.at < FRESH_MS) return this.last.ms;
    let total = 0;
    let rss: number | undefined;
    let any = false;
    const alive: number[] = [];
    for (const pid of this.pids) {
      const stat = processStat(pid);
      if (stat === undefined) {
        // It has exited: its last reading counts from now on, and its pid, which may be reused, is read no more.
        this.ended += this.seen.get(pid) ?? 0;
        this.seen.delete(pid);
        continue;
      }
      alive.push(pid);
      this.seen.set(pid, stat.cpuMs);
      total += stat.cpuMs;
      rss = (rss ?? 0) + stat.rssBytes;
      any = true;
    }
    this.pids = alive;
    total += this.ended;
    if (!any) {
      if (this.last) this.last.rss = undefined;
      return this.last?.ms;
    }
    const ms = Math.max(total, this.last?.ms ?? 0);
    this.last = { at: now, ms, rss };
    return ms;
  }
}
