/**
 * A process tree's CPU time as the sandbox watch reads it (TreeCpu): a process that exits keeps the time it was last
 * seen to use, the figure never goes backwards, and once every process has exited the last figures stand.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { cpuAccounting, processCpuMs, TreeCpu } from "../sandbox/cpu.ts";

/** Node spending its CPU in 20 ms slices until its stdin closes, then a shell that spends its own, then sleeps. */
const SCRIPT = [
  `${JSON.stringify(process.execPath)} -e 'process.stdin.on("end", () => process.exit(0)).resume();`,
  `(function spin() { const t = Date.now(); while (Date.now() - t < 20); setImmediate(spin); })()'`,
  "; i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done; echo spent; exec sleep 30",
].join(" ");

const waitFor = async (ok: () => boolean) => {
  const until = Date.now() + 20_000;
  while (!ok()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill("SIGKILL");
  child = undefined;
});

describe.runIf(cpuAccounting())("TreeCpu", () => {
  it("counts the time of a process that has exited, with the time its parent spends after", async () => {
    child = spawn("sh", ["-c", SCRIPT], { stdio: ["pipe", "pipe", "inherit"] });
    const sh = child.pid!;
    let spent = false;
    child.stdout!.on("data", (chunk: Buffer) => (spent ||= chunk.toString().includes("spent")));
    const tree = new TreeCpu(sh);
    // The shell forks node before it runs it: wait until the tree has two processes.
    await waitFor(() => {
      tree.discover();
      return (tree.sample() ?? 0) >= 0 && (processCpuMs(sh) ?? 0) >= 0 && treeSize(tree) === 2;
    });
    await waitFor(() => (tree.sample() ?? 0) >= 150);
    const beforeExit = tree.sample()!;
    child.stdin!.end();
    await waitFor(() => spent);
    const shell = processCpuMs(sh)!;
    await new Promise((resolve) => setTimeout(resolve, 10));
    const after = tree.sample()!;
    // Node's time as last seen, and the shell's loop on top: not the larger of the two.
    // (Readings are in 10 ms ticks; the shell's own loop is far longer than the two ticks allowed for.)
    expect(shell).toBeGreaterThanOrEqual(40);
    expect(after).toBeGreaterThanOrEqual(beforeExit + shell - 20);
  });

  it("keeps its last figures once every process has exited", async () => {
    child = spawn(process.execPath, ["-e", "const t = Date.now(); while (Date.now() - t < 100);"]);
    const tree = new TreeCpu(child.pid!);
    tree.discover(process.execPath);
    const first = tree.sample();
    const wait = tree.waitMs();
    await new Promise((resolve) => child!.once("exit", resolve));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const last = tree.sample();
    expect(last).toBeGreaterThanOrEqual(first ?? 0);
    expect(tree.sample()).toBe(last);
    expect(tree.rssBytes()).toBeUndefined();
    const lastWait = tree.waitMs();
    if (wait !== undefined) expect(lastWait).toBeGreaterThanOrEqual(wait);
    expect(tree.waitMs()).toBe(lastWait);
  });
});

/** How many processes the tree holds, through its (internal) list. */
function treeSize(tree: TreeCpu): number {
  return (tree as unknown as { pids: number[] }).pids.length;
}
