/**
 * The wall-clock backstops catch code that hangs, and only that: a call that sleeps is stopped, and a submission
 * whose calls sleep runs out of its wall-clock budget, while on a machine with far more work than cores, where the
 * sandbox waits for a CPU most of the time, calls that fit their CPU limits all answer. The busy machine is played
 * by processes that spin on the sandbox's one core at a higher priority (outside its process tree, so their CPU time
 * is not the sandbox's).
 */
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import { cpuAccounting, processWaitMs } from "../sandbox/cpu.ts";
import { runCalls, type RunLimits } from "../sandbox/run.ts";
import { Workspace } from "../sandbox/workspace.ts";

const TASKSET = "/usr/bin/taskset";
const NICE = "/usr/bin/nice";
let tmp: string;
let workspace: Workspace;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-busy-"));
  workspace = await Workspace.create({ maxDataBytes: 2 ** 30, osIsolation: false });
});
afterAll(async () => {
  await workspace.dispose();
  await rm(tmp, { recursive: true, force: true });
});

/** A sigmoid that first runs `body`. */
const sigmoid = (body: string) => `exports.sigmoid = (z) => { ${body}; return 1 / (1 + Math.exp(-z)); };`;
/** Sleeps `ms` without using the CPU (forever when undefined). */
const sleep = (ms?: number) => `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0${ms ? `, ${ms}` : ""})`;
/** Spends `ms` of the process's own CPU time, however fast or busy the host is. */
const spend = (ms: number) =>
  `const t = process.cpuUsage(); for (;;) { const u = process.cpuUsage(t); if (u.user + u.system >= ${ms * 1000}) break; }`;

async function run(body: string, n: number, limitMs: number, limits: Partial<RunLimits> = {}, prefix: string[] = []) {
  return runCalls({
    harness: workspace.harness,
    modules: { "03-activations": sigmoid(body) },
    calls: Array.from({ length: n }, (_, i) => ({
      id: String(i),
      exercise: "03-activations",
      fn: "sigmoid",
      args: [[0]],
      limitMs,
    })),
    limits: { ...DEFAULT_LIMITS, ...limits },
    isolation: { prefix: [...workspace.isolation.prefix, ...prefix], layers: [] },
  });
}

describe.runIf(cpuAccounting())("code that hangs without using the CPU", () => {
  it("is stopped by the step's wall-clock backstop, as a timeout", async () => {
    const report = await run(sleep(), 1, 100);
    expect(report.outcomes.get("0")).toMatchObject({ status: "timeout" });
    expect((report.outcomes.get("0") as { message: string }).message).toMatch(/no answer after .* wall-clock time/);
  }, 120_000);

  it("runs out of the submission's wall-clock budget when every call sleeps", async () => {
    // Three times the CPU budget of 1 s: the first calls answer, and the budget runs out before the last.
    const report = await run(sleep(1000), 8, 2000, { submissionTimeoutMs: 1000 });
    expect(report.outOfTime).toBe(true);
    expect(report.outcomes.get("0")).toMatchObject({ status: "ok" });
    expect(report.outcomes.get("7")).toMatchObject({ status: "timeout" });
    expect((report.outcomes.get("7") as { message: string }).message).toMatch(/^not run: .*time limit/);
  }, 120_000);
});

/**
 * Spins on core 0, outside the sandbox's process tree (its CPU time is not the sandbox's) but in its session, so
 * the kernel weighs the two by priority alone; it ends with the sandbox, whose pid it is given.
 */
const HOG = `const pid = Number(process.argv[1]);
for (;;) {
  try { process.kill(pid, 0); } catch { process.exit(0); }
  const until = Date.now() + 50;
  while (Date.now() < until) {}
}`;

describe.runIf(cpuAccounting() && processWaitMs(process.pid) !== undefined && existsSync(TASKSET))(
  "on a machine with more work than cores",
  () => {
    let busy: string;
    beforeAll(async () => {
      // Two spinning processes on core 0 at normal priority, and the sandbox there at a low one: it gets about a
      // twentieth of the core (less on a machine that is busy already), and waits for it the rest of the time.
      // `( … & )` leaves each hog to init.
      busy = path.join(tmp, "busy.sh");
      const hog = `("${TASKSET}" -c 0 "${process.execPath}" -e '${HOG}' $$ </dev/null >/dev/null 2>&1 3>&- &)`;
      await writeFile(busy, `#!/bin/sh\n${hog}\n${hog}\nexec "${TASKSET}" -c 0 "${NICE}" -n 10 "$@"\n`);
      await chmod(busy, 0o755);
    });

    it("answers calls that wait for the CPU far longer than the submission's wall-clock budget", async () => {
      // 0.1 s of the sandbox's own CPU time (twice as much on the slow host of `npm run test:slow-host`) in all,
      // and 1.8 s of wall clock: waiting a twentieth of the time for the CPU, the calls take longer.
      const n = 4;
      const report = await run(spend(25), n, 1000, { submissionTimeoutMs: 600 }, [busy]);
      expect(report.outOfTime).toBe(false);
      for (let i = 0; i < n; i++) expect(report.outcomes.get(String(i)), `call ${i}`).toMatchObject({ status: "ok" });
    }, 600_000);
  },
);
