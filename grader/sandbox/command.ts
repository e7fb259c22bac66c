/**
 * Internal. The command line of a sandbox: the isolation wrappers, then node
 * with its walls, then the harness.
 */
import type { Isolation } from "./isolation.ts";
import { maglevFlags, permissionFlag } from "./node-flags.ts";
import type { RunLimits } from "./run.ts";

export function sandboxCommand(harness: string, isolation: Isolation, limits: RunLimits): string[] {
  return [
    ...isolation.prefix,
    process.execPath,
    permissionFlag(),
    // The harness is the only file it may read: the modules arrive on stdin.
    `--allow-fs-read=${harness}`,
    `--max-old-space-size=${limits.maxOldSpaceMb}`,
    // One V8 background thread: several sandboxes run at once, and V8's parallel
    // helpers then cost about 30% more CPU per sandbox than they save in wall time.
    "--v8-pool-size=1",
    // No TurboFan: a sandbox lives a fraction of a second, and on Node 20 and 22 optimising its hot
    // functions costs more CPU than it saves (about a third of a reference submission's CPU time,
    // 40 calls of the XOR training included); the interpreter and Sparkplug run it all.
    "--no-opt",
    ...maglevFlags(),
    "--no-warnings",
    harness,
  ];
}
