/**
 * The CPU time of one `npm run grade` run, split by who spent it, for the bench's per-submission breakdown:
 *
 * - total: the whole machine's busy time while it runs (/proc/stat), less the bench's own; exact on a quiet
 *   machine, and counting whatever else runs on a busy one (the bench prints the load average). The shell's `times`
 *   cannot be the total: a sandbox killed with its process group is never waited for, so its time reaches no parent;
 * - sandboxes: the grader's own account of each sandbox's process tree, start-up included, as its watch last read it
 *   from /proc (grader/batch/cpu-account.ts);
 * - grader, reports: the grader's own process (process.cpuUsage());
 * - compile (esbuild's service) and type check (the checker's host and TypeScript's native compiler): sampled from
 *   /proc every 20 ms while they run; they live the whole batch, so at most the last 20 ms is missed;
 * - other: the rest of the total: npm and the CLI launcher (once per command), the isolation wrappers, the kernel's
 *   work for all of them, and on a busy machine everything else.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { treeRss } from "./measure.ts";

export interface CpuSplit {
  ms: number;
  totalMs: number;
  sandboxesMs: number;
  compileMs: number;
  typecheckMs: number;
  graderMs: number;
  reportsMs: number;
  /** The total less every part above: start-up, wrappers, the kernel, other processes. */
  otherMs: number;
  /** What the shell's `times` saw: the processes that were waited for. */
  reapedMs: number;
  /** Peak of the sum of RSS over the process tree, in MiB. */
  treeMiB: number;
  code: number | null;
}

function descendants(root: number): number[] {
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`))
        for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/))
          if (child) walk(Number(child));
    } catch {
      // gone already
    }
  };
  walk(root);
  return out;
}

/** utime + stime of a live process, in ms. */
function ownMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

function classify(pid: number): "compile" | "typecheck" | undefined {
  let cmd = "";
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return undefined;
  }
  if (/esbuild/.test(cmd)) return "compile";
  if (/@typescript[\\/]typescript-|--input-type=module/.test(cmd)) return "typecheck";
  return undefined;
}

/** The whole machine's busy CPU time so far, in ms: every core's user, nice, system, irq, softirq and steal ticks. */
function machineBusyMs(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8")
    .split("\n")[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user + nice + system + irq + softirq + (steal || 0)) * 10;
}

/** Runs `command` (a shell command line) in `cwd` and splits its CPU time. */
export async function cpuSplit(command: string, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<CpuSplit> {
  const account = path.join(os.tmpdir(), `backprop-bench-cpu-${process.pid}-${Date.now()}.json`);
  const started = performance.now();
  const busy0 = machineBusyMs();
  const self0 = process.cpuUsage();
  // `times` prints the children's user and system time on its second line: "0m1.234s 0m0.567s".
  const child = spawn("bash", ["-c", `${command} >/dev/null 2>&1; s=$?; times; exit $s`], {
    cwd,
    env: { ...env, BACKPROP_BENCH_CPU: account },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  const seen = new Map<number, { kind: "compile" | "typecheck" | undefined; ms: number }>();
  let peak = 0;
  let tick = 0;
  const timer = setInterval(() => {
    if (!child.pid) return;
    if (tick++ % 5 === 0) peak = Math.max(peak, treeRss(child.pid));
    for (const pid of descendants(child.pid)) {
      const known = seen.get(pid) ?? { kind: undefined, ms: 0 };
      // Asked again until known: a child seen between fork and exec still shows its parent's command line.
      known.kind ??= classify(pid);
      known.ms = Math.max(known.ms, ownMs(pid));
      seen.set(pid, known);
    }
  }, 20);
  const code: number | null = await new Promise((resolve) => child.on("close", resolve));
  clearInterval(timer);
  const ms = performance.now() - started;
  const self = process.cpuUsage(self0);
  const machineMs = Math.max(0, machineBusyMs() - busy0 - (self.user + self.system) / 1000);
  const toMs = (t: string) => {
    const m = /(\d+)m([\d.]+)s/.exec(t);
    return m ? (Number(m[1]) * 60 + Number(m[2])) * 1000 : 0;
  };
  const [user, system] = out.trim().split("\n").at(-1)!.trim().split(/\s+/);
  const reapedMs = toMs(user) + toMs(system);
  let own: { graderMs?: number; reportsMs?: number; sandboxesMs?: number } = {};
  try {
    own = JSON.parse(readFileSync(account, "utf8"));
  } catch {
    // The grader failed before writing it; the caller reports the exit code.
  }
  await rm(account, { force: true });
  const sum = (kind: string) => [...seen.values()].filter((p) => p.kind === kind).reduce((a, p) => a + p.ms, 0);
  const compileMs = sum("compile");
  const typecheckMs = sum("typecheck");
  const sandboxesMs = own.sandboxesMs ?? 0;
  const reportsMs = own.reportsMs ?? 0;
  const graderMs = (own.graderMs ?? 0) - reportsMs;
  const parts = sandboxesMs + compileMs + typecheckMs + graderMs + reportsMs;
  // Never less than the parts: ticks are coarse, and a quiet machine's busy time is their sum and a little more.
  const totalMs = Math.max(machineMs, parts);
  return {
    ms,
    totalMs,
    sandboxesMs,
    compileMs,
    typecheckMs,
    graderMs,
    reportsMs,
    otherMs: totalMs - parts,
    reapedMs,
    treeMiB: peak,
    code,
  };
}
