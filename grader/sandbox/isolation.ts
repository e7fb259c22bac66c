/**
 * Internal. How a sandboxed process is started.
 *
 * Node's permission model is always on: the process may read only the harness
 * and its own compiled modules, and may not write, spawn or start workers.
 * Where the operating system allows it, more walls go up around it:
 * - unshare: fresh network and PID namespaces, so it can reach no network and
 *   signal no process but its own;
 * - setpriv (when the grader runs as root): an unprivileged user;
 * - prlimit: a cap on data memory, which V8's heap limit does not cover
 *   (ArrayBuffers), and no core dumps.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { cpuAccounting } from "./cpu.ts";
import { V8_CODE_RANGE_BYTES } from "./node-flags.ts";

export interface Isolation {
  /** Command and arguments placed before `node …`. */
  prefix: string[];
  /** The walls in place, for the grading log. */
  layers: string[];
}

export interface IsolationOptions {
  /** Bytes of data memory (RLIMIT_DATA) for the sandbox. */
  maxDataBytes: number;
}

function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The probe reads `file` as the sandbox will, so a folder it cannot enter fails here, not later. */
function works(prefix: string[], file: string): boolean {
  const read = `require("fs").readFileSync(${JSON.stringify(file)})`;
  const [cmd, ...args] = [...prefix, process.execPath, "-e", read];
  const probe = spawnSync(cmd, args, { env: {}, stdio: "ignore", timeout: 5000 });
  return probe.status === 0;
}

export const NODE_ONLY =
  "node permission model (reads only the harness; no writes, processes or workers), no module loader for exercise code";

let cached: Isolation | undefined;

/**
 * Finds the strongest isolation this machine allows, by trying each layer.
 * Set BACKPROP_ISOLATION=node to use only Node's permission model.
 */
export function detectIsolation(options: IsolationOptions, probeFile: string): Isolation {
  if (cached) return cached;
  const prefix: string[] = [];
  const layers = [NODE_ONLY];
  if (process.platform === "linux" && process.env.BACKPROP_ISOLATION !== "node") {
    const unshare = which("unshare");
    const isRoot = process.getuid?.() === 0;
    let unprivileged = false;
    if (unshare) {
      const base = [unshare, "--net", "--pid", "--fork", "--kill-child"];
      const candidate = isRoot ? base : [unshare, "--user", "--map-root-user", ...base.slice(1)];
      // As root, unshare can also drop to an unprivileged user itself: one exec fewer than setpriv.
      const dropped = [...candidate, "--setuid=65534", "--setgid=65534"];
      if (isRoot && works(dropped, probeFile)) {
        prefix.push(...dropped);
        unprivileged = true;
        layers.push("no network, own PID namespace, unprivileged user 65534 (unshare)");
      } else if (works(candidate, probeFile)) {
        prefix.push(...candidate);
        layers.push("no network, own PID namespace (unshare)");
      }
    }
    const setpriv = which("setpriv");
    if (isRoot && !unprivileged && setpriv) {
      const candidate = [...prefix, setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"];
      if (works(candidate, probeFile)) {
        prefix.splice(0, prefix.length, ...candidate);
        layers.push("unprivileged user 65534 (setpriv)");
      }
    }
    const prlimit = which("prlimit");
    const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
    // Node 24's V8 reserves its code range up front and Linux counts that as data: where Node
    // cannot start under the cap alone, the cap grows by that reservation, which leaves student
    // code the same room for data as on Node 20 and 22.
    for (const extra of prlimit ? [0, V8_CODE_RANGE_BYTES] : []) {
      const candidate = [...prefix, prlimit!, `--data=${options.maxDataBytes + extra}`, "--core=0"];
      if (works(candidate, probeFile)) {
        prefix.splice(0, prefix.length, ...candidate);
        const beyond = extra ? ` beyond V8's ${mib(extra)} code range reservation` : "";
        layers.push(`data memory capped at ${mib(options.maxDataBytes)}${beyond} (prlimit)`);
        break;
      }
    }
  }
  layers.push(
    cpuAccounting()
      ? "time limits count CPU time (/proc)"
      : "time limits count wall-clock time, four times as long: this system does not show a process's CPU time",
  );
  cached = { prefix, layers };
  return cached;
}

/**
 * Tests only: BACKPROP_TEST_SANDBOX_WRAPPER, a program placed before every sandbox, with or without the operating
 * system's walls, to play a machine that starts sandboxes slowly, fails them, or is slow at everything they do.
 */
export function withTestWrapper(isolation: Isolation): Isolation {
  const wrapper = process.env.BACKPROP_TEST_SANDBOX_WRAPPER;
  return wrapper ? { ...isolation, prefix: [wrapper, ...isolation.prefix] } : isolation;
}
