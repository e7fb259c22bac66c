/**
 * Internal. One type-checker process (typecheck-host.ts, with the compiler under it) as its own failure domain:
 * its CPU time and memory are read from /proc on the grader's side, as the sandbox's are, and when a check goes
 * over a limit, or the process dies, the whole process group is killed at once. Nothing is closed while a
 * write is pending, no stream error can reach the grader, and an idle process never keeps the grader running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cachedHostBuild } from "../sandbox/build-cache.ts";
import { TypeWarningSchema, type TypeWarning } from "../engine/results.ts";
import { processCpuMs } from "../sandbox/cpu.ts";
import { KeptStderr } from "../sandbox/kept-stderr.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import { clipText, stripControls } from "../sanitize.ts";

export interface TypeCheckLimits {
  /** CPU time of one check, the compiler's and its host's together: a busy machine does not count against it. */
  cpuMs: number;
  /** Resident memory of the compiler and its host together. */
  memoryBytes: number;
  /** Wall-clock backstop, and the only limit where /proc cannot tell (not Linux). */
  wallMs: number;
}

/** What one check gives: the warnings, or why there are none to show. No warnings is not the same as no errors. */
export type TypeCheck = { warnings: TypeWarning[] } | { skipped: string };

/** How often a running check's CPU and memory are read. */
const SAMPLE_MS = 100;
const MAX_TREE = 16;
const MAX_WARNINGS = 50;
const MAX_TEXT = 4000;

const HOST = fileURLToPath(new URL("./typecheck-host.ts", import.meta.url));
let hostCode: Promise<string> | undefined;

/** The host and the file system it serves, bundled once per grader process. */
function bundledHost(): Promise<string> {
  hostCode ??= cachedHostBuild("typecheck-host", HOST);
  return hostCode;
}

/** Where TypeScript's API module and its native compiler are; throws when either is missing. */
export function locateTypeScript(): { api: string; compiler: string } {
  const require = createRequire(import.meta.url);
  const api = pathToFileURL(require.resolve("typescript/unstable/async")).href;
  const own = createRequire(require.resolve("typescript/package.json"));
  const pkg = own.resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`);
  // By its real path: the compiler finds its lib.*.d.ts beside its real self, and only those are served.
  const compiler = realpathSync(path.join(path.dirname(pkg), "lib", process.platform === "win32" ? "tsc.exe" : "tsc"));
  return { api, compiler };
}

export class CheckerProcess {
  private readonly child: ChildProcess;
  private readonly stderr = new KeptStderr();
  private exit: string | undefined;
  private readonly exited: Promise<void>;
  private readonly ready: Promise<boolean>;
  private answer: ((message: unknown) => void) | undefined;
  private nextId = 0;
  private killedBy: string | undefined;

  private constructor(code: string, where: { api: string; compiler: string }, limits: TypeCheckLimits) {
    const flags = ["--max-old-space-size=512", "--input-type=module", "--eval", code];
    this.child = spawn(process.execPath, [...flags, where.api, where.compiler], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
      // Its own process group, so that one signal ends the host and the compiler it spawned.
      detached: true,
      // On Windows a detached process would otherwise open a console window of its own.
      windowsHide: true,
      // Not the kit's folder, and none of the grader's environment (a token, a key): it needs neither.
      cwd: path.parse(process.cwd()).root,
      env: {
        ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
        // Go collects harder as it nears this, well before the grader kills it at the limit.
        GOMEMLIMIT: String(Math.floor(limits.memoryBytes * 0.6)),
        // Less often until then, as esbuild's service does (compile-process.ts): a check drops most of what it
        // allocates, and Go's default of 100 cost the compiler about an eighth more CPU time (README, Speed).
        GOGC: "400",
      },
    });
    let resolveExit: () => void = () => undefined;
    this.exited = new Promise((resolve) => (resolveExit = resolve));
    const ended = (why: string) => {
      if (this.exit !== undefined) return;
      this.exit = why;
      this.answer?.({ exited: true });
      resolveExit();
    };
    this.child.once("exit", (code, signal) => ended(signal ? `signal ${signal}` : `exit code ${code}`));
    // A process that could not be spawned never exits.
    this.child.on("error", (error) => this.child.pid === undefined && ended(error.message));
    this.child.stderr?.on("error", () => undefined);
    this.child.stderr?.on("data", (chunk: Buffer) => this.stderr.push(chunk));
    this.ready = new Promise((resolve) => {
      this.child.once("message", (m) => resolve((m as { ready?: unknown })?.ready === true));
      void this.exited.then(() => resolve(false));
    });
    this.child.on("message", (m) => this.answer?.(m));
    this.idle();
  }

  static async start(where: { api: string; compiler: string }, limits: TypeCheckLimits): Promise<CheckerProcess> {
    return new CheckerProcess(await bundledHost(), where, limits);
  }

  /** Whether the process died before it could take a check: the type checker cannot start on this machine. */
  async startFailed(): Promise<boolean> {
    return !(await this.ready) && this.exit !== undefined && !this.killedBy;
  }

  /** Checks one set of files within the limits; on any trouble the process is killed and `skipped` says why. */
  async check(files: ExerciseFiles, limits: TypeCheckLimits): Promise<TypeCheck> {
    this.busy();
    const watch = new TreeWatch(this.child.pid ?? -1);
    const baseline = watch.cpuMs() ?? 0;
    let sampler: NodeJS.Timeout | undefined;
    let wall: NodeJS.Timeout | undefined;
    const limited = new Promise<string>((resolve) => {
      wall = setTimeout(() => resolve(`it ran longer than ${seconds(limits.wallMs)}`), limits.wallMs);
      sampler = setInterval(() => {
        const cpu = watch.cpuMs();
        if (cpu !== undefined && cpu - baseline > limits.cpuMs)
          resolve(`it took more than ${seconds(limits.cpuMs)} of CPU time`);
        const rss = watch.rssBytes();
        if (rss !== undefined && rss > limits.memoryBytes)
          resolve(`it needed more than ${Math.round(limits.memoryBytes / 2 ** 20)} MB of memory`);
      }, SAMPLE_MS);
    });
    try {
      const outcome = await Promise.race([this.ask(files), limited.then((reason) => ({ skipped: reason }))]);
      if ("skipped" in outcome) await this.kill(outcome.skipped);
      return outcome;
    } finally {
      clearTimeout(wall);
      clearInterval(sampler);
      this.idle();
    }
  }

  private async ask(files: ExerciseFiles): Promise<TypeCheck> {
    if (!(await this.ready)) return { skipped: this.crashReason("could not start") };
    if (this.exit !== undefined) return { skipped: this.crashReason("stopped") };
    const id = ++this.nextId;
    const reply = new Promise<unknown>((resolve) => {
      this.answer = (m) => {
        if ((m as { exited?: unknown })?.exited === true || (m as { id?: unknown })?.id === id) resolve(m);
      };
    });
    const ts = [...files].filter(([name]) => name.endsWith(".ts"));
    try {
      this.child.send({ id, files: ts }, (error) => error && this.answer?.({ exited: true }));
    } catch {
      return { skipped: this.crashReason("stopped") };
    }
    const m = (await reply) as { warnings?: unknown; failed?: unknown; exited?: unknown };
    this.answer = undefined;
    if (m.exited === true) {
      await this.exited;
      return { skipped: this.crashReason("stopped") };
    }
    if (typeof m.failed === "string") return { skipped: `the compiler failed: ${clipText(oneLine(m.failed), 200)}` };
    return { warnings: trusted(m.warnings) };
  }

  private crashReason(what: string): string {
    const said = this.stderr.text();
    if (/out of memory|heap limit|Cannot allocate memory/i.test(said)) return "it ran out of memory";
    if (/stack overflow|stack exceeds|Maximum call stack/i.test(said)) return "the compiler's stack overflowed";
    const compiler = /the compiler exited \(([^)\n]{1,40})\)/.exec(said)?.[1];
    if (compiler) return `the compiler stopped (${compiler})`;
    return `the type checker ${what} (${this.exit ?? "no answer"})`;
  }

  /** Ends the host and the compiler at once (never a close while a write is pending), and waits until they have. */
  async kill(why = "closed"): Promise<void> {
    this.killedBy ??= why;
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

  // While idle, the process must not keep the grader's event loop alive: a CLI exits when its work is done.
  private idle(): void {
    this.child.unref();
    (this.child.channel as { unref?(): void } | undefined)?.unref?.();
    (this.child.stderr as { unref?(): void } | null)?.unref?.();
  }

  private busy(): void {
    this.child.ref();
    (this.child.channel as { ref?(): void } | undefined)?.ref?.();
  }
}

/** Warnings from the host, checked and bounded as any data from a process that read hostile input. */
function trusted(raw: unknown): TypeWarning[] {
  if (!Array.isArray(raw)) return [];
  const out: TypeWarning[] = [];
  for (const w of raw.slice(0, MAX_WARNINGS)) {
    const parsed = TypeWarningSchema.safeParse(w);
    if (parsed.success) out.push({ ...parsed.data, text: clipText(parsed.data.text, MAX_TEXT) });
  }
  return out;
}

function oneLine(s: string): string {
  return stripControls(s, true);
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(2))} s`;

/** The host and everything under it, read from /proc; undefined where /proc cannot tell. */
class TreeWatch {
  constructor(private readonly root: number) {}

  private pids(): number[] {
    const found = [this.root];
    for (let i = 0; i < found.length && found.length < MAX_TREE; i++) {
      try {
        const kids = readFileSync(`/proc/${found[i]}/task/${found[i]}/children`, "utf8");
        found.push(...kids.split(" ").filter(Boolean).map(Number));
      } catch {
        // Gone, or not Linux.
      }
    }
    return found.slice(0, MAX_TREE);
  }

  cpuMs(): number | undefined {
    let total: number | undefined;
    for (const pid of this.pids()) {
      const ms = processCpuMs(pid);
      if (ms !== undefined) total = (total ?? 0) + ms;
    }
    return total;
  }

  rssBytes(): number | undefined {
    let total: number | undefined;
    for (const pid of this.pids()) {
      try {
        const kb = /^VmRSS:\s*(\d+)\s*kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
        if (kb !== undefined) total = (total ?? 0) + Number(kb) * 1024;
      } catch {
        // Gone, or not Linux.
      }
    }
    return total;
  }
}
