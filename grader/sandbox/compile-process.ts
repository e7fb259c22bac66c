/**
 * Internal. Compile hosts (compile-host.ts): each build runs in a process group of its own, with its own esbuild
 * service, and nothing else runs there while it does. Its CPU time and memory are read from /proc on the grader's
 * side, as the sandbox's are (cpu.ts), so a build is stopped when it has used its own budget, however loaded the
 * machine is, and no build waits for, or is charged for, another. A host that ended a build well is kept for the
 * next one (starting one costs about a Node start); one that went over a limit or died is killed, group and all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cachedHostBuild } from "./build-cache.ts";
import { cpuAccounting, TreeCpu } from "./cpu.ts";
import { KeptStderr } from "./kept-stderr.ts";
import type { BuildReply, BuildRequest } from "./compile-plugin.ts";

export interface CompileLimits {
  /** CPU time of one build, the host's and its esbuild service's together: a busy machine does not count. */
  cpuMs: number;
  /** Resident memory of the host and its service together. */
  memoryBytes: number;
  /** Wall clock: a build that reaches it with CPU time to spare was starved by the machine (or, without /proc, the only limit). */
  wallMs: number;
}

export const DEFAULT_COMPILE_LIMITS: CompileLimits = { cpuMs: 10_000, memoryBytes: 1536 * 2 ** 20, wallMs: 30_000 };

/**
 * The limits a build gets by default. Tests only: BACKPROP_TEST_COMPILE_WALL_MS (a whole number) replaces the wall
 * clock, so a test of a machine that starves builds does not wait 30 s for each; anything else is ignored.
 */
export function compileLimits(): CompileLimits {
  const wall = process.env.BACKPROP_TEST_COMPILE_WALL_MS;
  return wall && /^\d+$/.test(wall) ? { ...DEFAULT_COMPILE_LIMITS, wallMs: Number(wall) } : DEFAULT_COMPILE_LIMITS;
}

/**
 * How one build in a host ended. `charged`: over its CPU or memory (or, without /proc, its wall clock) limit, the
 * source's own doing. `crashed`: the host or its service died under it. `machine`: it got too little of the machine
 * to tell (wall clock out, CPU time to spare), or no host could start.
 */
export type HostOutcome = (
  { ok: true; reply: BuildReply } | { ok: false; kind: "charged" | "crashed" | "machine"; reason: string }
) & { /** The CPU time the build used, where /proc tells. */ cpuMs?: number };

const SAMPLE_MS = 50;
const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} s`;

const HOST = fileURLToPath(new URL("./compile-host.ts", import.meta.url));
let hostCode: Promise<string> | undefined;

/** The host and the plugin it runs, bundled once per grader process. */
function bundledHost(): Promise<string> {
  hostCode ??= cachedHostBuild("compile-host", HOST);
  return hostCode;
}

/**
 * For esbuild's service (a Go program), which inherits the host's environment. Go's collector runs each time its
 * heap doubles, and a submission's build allocates a few MB that it drops at once, so with GOGC=100 esbuild spent
 * about a quarter of its CPU time collecting: 400 cut a graded build from 12.5 to 9.6 ms of esbuild's CPU here.
 * GOMEMLIMIT, half the build's memory limit, makes it collect as hard as before when a build's heap nears that, so a
 * build is charged for its memory as it was.
 */
const GO_MEMORY = { GOGC: "400", GOMEMLIMIT: `${DEFAULT_COMPILE_LIMITS.memoryBytes / 2 / 2 ** 20}MiB` };

const esbuildUrl = pathToFileURL(createRequire(import.meta.url).resolve("esbuild")).href;

class CompileHost {
  readonly child: ChildProcess;
  private readonly stderr = new KeptStderr();
  exit: string | undefined;
  private readonly exited: Promise<void>;
  private readonly ready: Promise<boolean>;
  private answer: ((message: unknown) => void) | undefined;
  private nextId = 0;

  constructor(code: string) {
    this.child = spawn(process.execPath, ["--input-type=module", "--eval", code, esbuildUrl], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
      // Its own process group, so that one signal ends the host and the esbuild service it spawned.
      detached: true,
      windowsHide: true,
      // Not the kit's folder, and none of the grader's environment (a token, a key): it needs neither.
      cwd: path.parse(process.cwd()).root,
      env: {
        ...Object.fromEntries(
          ["TMPDIR", "ESBUILD_BINARY_PATH"].filter((k) => process.env[k]).map((k) => [k, process.env[k]]),
        ),
        ...GO_MEMORY,
      },
    });
    let ended: () => void = () => undefined;
    this.exited = new Promise((resolve) => (ended = resolve));
    const end = (why: string) => {
      if (this.exit !== undefined) return;
      this.exit = why;
      this.answer?.({ exited: true });
      ended();
    };
    this.child.once("exit", (code, signal) => end(signal ? `signal ${signal}` : `exit code ${code}`));
    // A process that could not be spawned never exits.
    this.child.on("error", (error) => this.child.pid === undefined && end(error.message));
    this.child.stderr?.on("error", () => undefined);
    this.child.stderr?.on("data", (chunk: Buffer) => this.stderr.push(chunk));
    this.ready = new Promise((resolve) => {
      this.child.once("message", (m) => resolve((m as { ready?: unknown })?.ready === true));
      void this.exited.then(() => resolve(false));
    });
    this.child.on("message", (m) => this.answer?.(m));
  }

  /** Runs one build within the limits; `started` is told the host's pid just before the build is sent. */
  async build(request: BuildRequest, limits: CompileLimits, started?: (pid: number) => void): Promise<HostOutcome> {
    this.busy();
    const wall0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const wallLeft = () => limits.wallMs - (performance.now() - wall0);
    try {
      const up = await Promise.race([
        this.ready,
        new Promise<false>((resolve) => (timer = setTimeout(resolve, limits.wallMs, false))),
      ]);
      clearTimeout(timer);
      if (!up) {
        await this.kill();
        return { ok: false, kind: "machine", reason: `the compiler could not start (${this.exit ?? "no answer"})` };
      }
      // Discovered once it runs: the host and its esbuild service, the whole tree a build can use.
      const tree = new TreeCpu(this.child.pid!);
      tree.discover();
      const cpu0 = tree.sample();
      const spent = () => (cpu0 === undefined ? undefined : (tree.sample() ?? cpu0) - cpu0);
      const limited = new Promise<HostOutcome>((resolve) => {
        const look = () => {
          const cpu = spent();
          if (cpu !== undefined && cpu >= limits.cpuMs)
            return resolve(charged(`compiling took longer than ${seconds(limits.cpuMs)} of CPU time`));
          const rss = tree.rssBytes();
          if (rss !== undefined && rss > limits.memoryBytes)
            return resolve(
              charged(`compiling needed more than ${Math.round(limits.memoryBytes / 2 ** 20)} MB of memory`),
            );
          if (wallLeft() <= 0) {
            // With /proc, a build that used less than its CPU time in all that wall clock time was starved.
            if (cpu !== undefined && cpuAccounting())
              return resolve({
                ok: false,
                kind: "machine",
                reason: `the compiler got ${seconds(cpu)} of CPU time in ${seconds(limits.wallMs)}: the machine is too busy`,
              });
            return resolve(charged(`compiling did not finish within ${seconds(limits.wallMs)}`));
          }
          timer = setTimeout(look, Math.min(SAMPLE_MS, Math.max(1, wallLeft())));
        };
        timer = setTimeout(look, SAMPLE_MS);
      });
      const outcome = await Promise.race([this.ask(request, started), limited]);
      const cpuMs = spent();
      if (!outcome.ok) await this.kill();
      return cpuMs === undefined ? outcome : { ...outcome, cpuMs };
    } finally {
      clearTimeout(timer);
      this.idle();
    }
  }

  private async ask(request: BuildRequest, started?: (pid: number) => void): Promise<HostOutcome> {
    const id = ++this.nextId;
    const reply = new Promise<unknown>((resolve) => {
      this.answer = (m) => {
        if ((m as { exited?: unknown })?.exited === true || (m as { id?: unknown })?.id === id) resolve(m);
      };
    });
    if (this.exit !== undefined) this.answer!({ exited: true });
    else
      try {
        started?.(this.child.pid!);
        this.child.send({ id, request }, (error) => error && this.answer?.({ exited: true }));
      } catch {
        this.answer!({ exited: true });
      }
    const m = (await reply) as { reply?: BuildReply; failed?: unknown; exited?: unknown };
    this.answer = undefined;
    if (m.reply) return { ok: true, reply: m.reply };
    // The service died (its own report is on stderr): wait for the host to end, which it does at once.
    await this.kill();
    return { ok: false, kind: "crashed", reason: this.crashReason() };
  }

  private crashReason(): string {
    const said = this.stderr.text();
    if (/stack exceeds|stack overflow/i.test(said)) return "the compiler's (esbuild's) stack overflowed on it";
    if (/out of memory|cannot allocate memory/i.test(said)) return "the compiler (esbuild) ran out of memory on it";
    return "the compiler (esbuild) crashed on it";
  }

  /** Ends the host and its service at once, and waits until they have. */
  async kill(): Promise<void> {
    if (this.exit === undefined) {
      // Held until it has exited: an unreferenced child would let Node end before the group is gone.
      this.busy();
      try {
        process.kill(-(this.child.pid ?? 0), "SIGKILL");
      } catch {
        this.child.kill("SIGKILL");
      }
    }
    await this.exited;
  }

  // While idle, a host must not keep the grader's event loop alive: a CLI exits when its work is done.
  idle(): void {
    this.child.unref();
    (this.child.channel as { unref?(): void } | undefined)?.unref?.();
    (this.child.stderr as { unref?(): void } | null)?.unref?.();
  }

  private busy(): void {
    this.child.ref();
    (this.child.channel as { ref?(): void } | undefined)?.ref?.();
  }
}

function charged(reason: string): HostOutcome {
  return { ok: false, kind: "charged", reason };
}

/** Hosts that ended their last build well, ready for the next; a few more than the builds a batch runs at once. */
const idle: CompileHost[] = [];
const MAX_IDLE = availableParallelism() + 4;

/** Runs one build in a host of its own (an idle one, or a new one); `started` is told the host's pid. */
export async function runInHost(
  request: BuildRequest,
  limits: CompileLimits,
  started?: (pid: number) => void,
): Promise<HostOutcome> {
  let host = idle.pop();
  while (host && host.exit !== undefined) host = idle.pop();
  host ??= new CompileHost(await bundledHost());
  const outcome = await host.build(request, limits, started);
  if (host.exit === undefined && idle.length < MAX_IDLE) idle.push(host);
  else await host.kill();
  return outcome;
}
