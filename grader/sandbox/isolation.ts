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

/** By data cap: `check` and `grade` ask for different caps, and a test process may ask for both. */
const cached = new Map<number, Isolation>();

interface Wall {
  args: string[];
  layer: string;
}

const UNPRIVILEGED_UNSHARE = "no network, own PID namespace, unprivileged user 65534 (unshare)";

/** unshare's namespaces; as root it can also drop to an unprivileged user itself, one exec fewer than setpriv. */
function unshareWall(unshare: string, isRoot: boolean, drop: boolean): Wall {
  const base = [unshare, "--net", "--pid", "--fork", "--kill-child"];
  if (!isRoot)
    return {
      args: [unshare, "--user", "--map-root-user", ...base.slice(1)],
      layer: "no network, own PID namespace (unshare)",
    };
  if (drop) return { args: [...base, "--setuid=65534", "--setgid=65534"], layer: UNPRIVILEGED_UNSHARE };
  return { args: base, layer: "no network, own PID namespace (unshare)" };
}

/**
 * prlimit's cap on data memory. Node 24's V8 reserves its code range up front and Linux counts that as data:
 * where Node cannot start under the cap alone (`extra` 0), the cap grows by that reservation, which leaves student
 * code the same room for data as on Node 20 and 22.
 */
function dataCap(prlimit: string, options: IsolationOptions, extra: number): Wall {
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  const beyond = extra ? ` beyond V8's ${mib(extra)} code range reservation` : "";
  return {
    args: [prlimit, `--data=${options.maxDataBytes + extra}`, "--core=0"],
    layer: `data memory capped at ${mib(options.maxDataBytes)}${beyond} (prlimit)`,
  };
}

const CAP_EXTRAS = [0, V8_CODE_RANGE_BYTES];

/**
 * The strongest walls, namespaces (and, as root, another user) with the data cap, tried whole: where they all
 * work, as on most Linux machines, one or two probes tell, where trying layer by layer takes three or four. Each
 * probe starts a Node, and every grading run and every test that grades probes once.
 */
function strongest(options: IsolationOptions, probeFile: string): Wall[] | undefined {
  const unshare = which("unshare");
  const prlimit = which("prlimit");
  if (!unshare || !prlimit) return undefined;
  const walls = unshareWall(unshare, process.getuid?.() === 0, true);
  for (const extra of CAP_EXTRAS) {
    const cap = dataCap(prlimit, options, extra);
    if (works([...walls.args, ...cap.args], probeFile)) return [walls, cap];
  }
  return undefined;
}

/** Each wall on its own, from the strongest down, kept where it works with those kept before it. */
function layerByLayer(options: IsolationOptions, probeFile: string): Wall[] {
  const kept: Wall[] = [];
  const prefix = () => kept.flatMap((w) => w.args);
  const unshare = which("unshare");
  const isRoot = process.getuid?.() === 0;
  if (unshare) {
    const wall = [unshareWall(unshare, isRoot, true), ...(isRoot ? [unshareWall(unshare, true, false)] : [])].find(
      (w) => works(w.args, probeFile),
    );
    if (wall) kept.push(wall);
  }
  const setpriv = which("setpriv");
  if (isRoot && kept[0]?.layer !== UNPRIVILEGED_UNSHARE && setpriv) {
    const drop = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"];
    if (works([...prefix(), ...drop], probeFile)) kept.push({ args: drop, layer: "unprivileged user 65534 (setpriv)" });
  }
  const prlimit = which("prlimit");
  for (const extra of prlimit ? CAP_EXTRAS : []) {
    const cap = dataCap(prlimit!, options, extra);
    if (works([...prefix(), ...cap.args], probeFile)) {
      kept.push(cap);
      break;
    }
  }
  return kept;
}

/**
 * Finds the strongest isolation this machine allows: all walls at once, else layer by layer. The probe runs as the
 * sandbox will, so `probeFile` must be where a sandbox's files are (a Workspace's folder, which any user can
 * traverse). Set BACKPROP_ISOLATION=node to use only Node's permission model.
 */
export function detectIsolation(options: IsolationOptions, probeFile: string): Isolation {
  const known = cached.get(options.maxDataBytes);
  if (known) return known;
  const walls =
    process.platform === "linux" && process.env.BACKPROP_ISOLATION !== "node"
      ? (strongest(options, probeFile) ?? layerByLayer(options, probeFile))
      : [];
  const layers = [NODE_ONLY, ...walls.map((w) => w.layer)];
  layers.push(
    cpuAccounting()
      ? "time limits count CPU time (/proc)"
      : "time limits count wall-clock time, four times as long: this system does not show a process's CPU time",
  );
  const isolation = { prefix: walls.flatMap((w) => w.args), layers };
  cached.set(options.maxDataBytes, isolation);
  return isolation;
}

/**
 * Tests only: BACKPROP_TEST_SANDBOX_WRAPPER, a program placed before every sandbox, with or without the operating
 * system's walls, to play a machine that starts sandboxes slowly, fails them, or is slow at everything they do.
 */
export function withTestWrapper(isolation: Isolation): Isolation {
  const wrapper = process.env.BACKPROP_TEST_SANDBOX_WRAPPER;
  return wrapper ? { ...isolation, prefix: [wrapper, ...isolation.prefix] } : isolation;
}
