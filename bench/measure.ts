/**
 * Runs a command and measures its wall time and peak memory: the peak of the
 * whole process tree's resident memory (the grader, its sandboxes, esbuild),
 * sampled from /proc, and the grader process's own high-water mark.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

export interface Measured {
  ms: number;
  /** Peak of the sum of RSS over the process tree, in MiB. */
  treeMiB: number;
  stdout: string;
  code: number | null;
}

function statusField(pid: number, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** A process and all its descendants, following /proc's children lists (cheap: no scan of /proc). */
function tree(root: number): number[] {
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      return;
    }
    for (const tid of tasks) {
      try {
        for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/)) {
          if (child) walk(Number(child));
        }
      } catch {
        // gone already
      }
    }
  };
  walk(root);
  return out;
}

/** The sum of resident memory over `root` and its descendants, in MiB. */
export function treeRss(root: number): number {
  let total = 0;
  for (const pid of tree(root)) total += statusField(pid, "VmRSS");
  return total;
}

export function measure(
  cmd: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; sampleMs?: number },
): Promise<Measured> {
  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  // Progress lines would drown the table; kept only to explain a failure.
  child.stderr.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, options.sampleMs ?? 100);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearInterval(timer);
      if (code !== 0) process.stderr.write(stderr);
      resolve({ ms: performance.now() - started, treeMiB: peak, stdout, code });
    });
  });
}
