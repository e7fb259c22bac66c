/**
 * Internal. The grader process's own CPU time, split into reporting (results.json, the per-submission reports, the
 * class reports) and the rest, and its sandboxes' CPU time as the sandbox watch read it (sandbox/cpu.ts), for
 * `npm run bench`'s per-submission breakdown. Off unless BACKPROP_BENCH_CPU names a
 * file: then, at the end of a batch, the split is written there as JSON. Costs one cpuUsage() call per report.
 */
import { writeFileSync } from "node:fs";
import { sandboxLifetimeCpu } from "../sandbox/cpu.ts";

let reportsMicros = 0;

/** Runs `f`, counting its CPU time (and whatever else this process does meanwhile) as reporting. */
export async function asReporting<T>(f: () => Promise<T>): Promise<T> {
  if (!process.env.BACKPROP_BENCH_CPU) return f();
  const before = process.cpuUsage();
  try {
    return await f();
  } finally {
    const spent = process.cpuUsage(before);
    reportsMicros += spent.user + spent.system;
  }
}

/** Writes the split where BACKPROP_BENCH_CPU says, when it says. */
export function writeCpuAccount(): void {
  const file = process.env.BACKPROP_BENCH_CPU;
  if (!file) return;
  const own = process.cpuUsage();
  writeFileSync(
    file,
    JSON.stringify({
      graderMs: (own.user + own.system) / 1000,
      reportsMs: reportsMicros / 1000,
      sandboxesMs: sandboxLifetimeCpu.total(),
    }),
  );
}
