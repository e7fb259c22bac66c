/**
 * Type-checks a student's exercise files with TypeScript's native compiler,
 * as warnings: they never change a score (esbuild strips types, so code with
 * a type error still runs and is graded on what it returns).
 *
 * One compiler process serves a whole session through TypeScript's API: the
 * libraries are parsed once, and a re-check after a save takes milliseconds
 * instead of the ~0.4 s a fresh `tsc` costs. The files are served from memory
 * under a folder that does not exist on disk, so the compiler sees exactly
 * what the grader grades, and nothing is written into the student's folder.
 */
import type { TypeWarning } from "../engine/results.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";

export type { TypeWarning };

/** The options the student's editor uses too (the release's tsconfig.json), without reading any file for them. */
const COMPILER_OPTIONS = {
  target: "ES2022",
  module: "ESNext",
  moduleResolution: "bundler",
  allowImportingTsExtensions: true,
  noEmit: true,
  strict: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  lib: ["ES2023"],
  types: [],
};

/** Where the files appear to the compiler. Nothing is there on disk. */
const ROOT = "/backprop-kit-typecheck/exercises";
const CONFIG = `${ROOT}/tsconfig.json`;
const CONFIG_TEXT = JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include: ["**/*.ts"] });

/** At most this many warnings per check: a file full of errors must not flood the screen or results.json. */
export const MAX_WARNINGS = 50;

type Api = import("typescript/unstable/async").API;
type ApiClass = typeof import("typescript/unstable/async").API;

/** A check that takes longer than this is abandoned, and the compiler restarted: a file must not stall a batch. */
export const CHECK_TIMEOUT_MS = 15_000;

export class TypeChecker {
  private files: ExerciseFiles = new Map();
  private queue: Promise<unknown> = Promise.resolve();
  private api: Api | undefined;
  private opened = false;

  private constructor(private readonly API: ApiClass) {}

  /**
   * Loads TypeScript, or says why it cannot: type checking is feedback, and its absence must never stop a check
   * or a grade.
   */
  static async open(): Promise<TypeChecker | { unavailable: string }> {
    try {
      const { API } = await import("typescript/unstable/async");
      return new TypeChecker(API);
    } catch (error) {
      return { unavailable: `TypeScript could not be loaded: ${(error as Error)?.message ?? String(error)}` };
    }
  }

  private start(): Api {
    const inRoot = (f: string) => f === ROOT || f.startsWith(`${ROOT}/`);
    this.opened = false;
    return new this.API({
      fs: {
        readFile: (f) => {
          if (f === CONFIG) return CONFIG_TEXT;
          if (!inRoot(f)) return undefined;
          const contents = this.files.get(rel(f));
          return contents === undefined ? null : decode(contents);
        },
        fileExists: (f) => {
          if (f === CONFIG) return true;
          return inRoot(f) ? this.files.has(rel(f)) : undefined;
        },
        directoryExists: (d) => (inRoot(d) ? d === ROOT || this.hasFolder(rel(d)) : undefined),
        getAccessibleEntries: (d) => (inRoot(d) ? this.entries(d === ROOT ? "" : rel(d)) : undefined),
        realpath: (f) => (inRoot(f) ? f : undefined),
      },
    });
  }

  /**
   * Type-checks one set of exercise files (paths relative to exercises/), one call at a time. Resolves to
   * undefined when the compiler failed or ran out of time: no warnings is not the same as no type errors.
   */
  check(files: ExerciseFiles, timeoutMs = CHECK_TIMEOUT_MS): Promise<TypeWarning[] | undefined> {
    const run = this.queue.then(() => this.withTimeout(files, timeoutMs));
    this.queue = run;
    return run;
  }

  private async withTimeout(files: ExerciseFiles, timeoutMs: number): Promise<TypeWarning[] | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
    try {
      const outcome = await Promise.race([this.run(files), expired]);
      if (outcome !== "timeout") return outcome;
    } catch {
      // Fall through: restart the compiler for the next check.
    } finally {
      clearTimeout(timer);
    }
    this.kill();
    return undefined;
  }

  private async run(files: ExerciseFiles): Promise<TypeWarning[]> {
    const before = this.files;
    this.files = new Map([...files].filter(([f]) => f.endsWith(".ts")));
    this.api ??= this.start();
    // Only what changed since the last check is read and parsed again: in a batch, most of one submission's
    // files are byte for byte the last one's (untouched stubs, the same types.ts).
    const snapshot = await this.api.updateSnapshot(
      this.opened ? { fileChanges: changesBetween(before, this.files) } : { openProjects: [CONFIG] },
    );
    this.opened = true;
    try {
      const project = snapshot.getProject(CONFIG);
      if (!project) return [];
      const found = [
        ...(await project.program.getSyntacticDiagnostics()),
        ...(await project.program.getSemanticDiagnostics()),
      ];
      const warnings: TypeWarning[] = [];
      for (const d of found) {
        if (!d.fileName?.startsWith(`${ROOT}/`)) continue;
        const name = rel(d.fileName);
        const contents = this.files.get(name);
        const text = contents === undefined ? "" : decode(contents);
        warnings.push({ file: `exercises/${name}`, ...lineAndColumn(text, d.pos), code: d.code, text: flatten(d) });
      }
      warnings.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
      return warnings.slice(0, MAX_WARNINGS);
    } finally {
      await snapshot.dispose();
    }
  }

  /** Ends the compiler process for good; the next check starts a new one. Its API's close only ends stdin. */
  private kill(): void {
    const api = this.api;
    this.api = undefined;
    if (!api) return;
    const child = (
      api as unknown as {
        client?: { process?: { kill(signal: string): void; stdin?: { on(e: "error", f: () => void): void } } };
      }
    ).client?.process;
    // A request still in flight (the one that ran out of time) writes to the ended stdin; unheard, that error would
    // end the whole grade or check instead of this one type check.
    child?.stdin?.on("error", () => undefined);
    void api.close().catch(() => undefined);
    try {
      child?.kill("SIGKILL");
    } catch {
      // Already gone.
    }
  }

  private hasFolder(dir: string): boolean {
    for (const f of this.files.keys()) if (f.startsWith(`${dir}/`)) return true;
    return false;
  }

  private entries(dir: string): { files: string[]; directories: string[] } {
    const prefix = dir === "" ? "" : `${dir}/`;
    const files = new Set<string>();
    const directories = new Set<string>();
    for (const f of this.files.keys()) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length).split("/");
      if (rest.length === 1) files.add(rest[0]);
      else directories.add(rest[0]);
    }
    if (dir === "") files.add("tsconfig.json");
    return { files: [...files], directories: [...directories] };
  }

  async close(): Promise<void> {
    await this.queue;
    const api = this.api;
    this.api = undefined;
    await api?.close().catch(() => undefined);
  }
}

/** The files that differ between two checks, as the compiler's paths. */
function changesBetween(before: ExerciseFiles, after: ExerciseFiles) {
  const changed: string[] = [];
  const created: string[] = [];
  const deleted: string[] = [];
  for (const [name, contents] of after) {
    const old = before.get(name);
    if (old === undefined) created.push(`${ROOT}/${name}`);
    else if (!sameBytes(old, contents)) changed.push(`${ROOT}/${name}`);
  }
  for (const name of before.keys()) if (!after.has(name)) deleted.push(`${ROOT}/${name}`);
  return { changed, created, deleted };
}

function sameBytes(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === "string" || typeof b === "string") return decode(a) === decode(b);
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

function decode(contents: string | Uint8Array): string {
  return typeof contents === "string" ? contents : new TextDecoder().decode(contents);
}

function rel(f: string): string {
  return f.slice(ROOT.length + 1);
}

/** The compiler's positions count UTF-16 code units, as JavaScript strings do. */
function lineAndColumn(text: string, pos: number): { line: number; column: number } {
  const before = text.slice(0, pos).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** "Type 'number' is not assignable to type 'string'." with its chained details, on one line each. */
function flatten(d: {
  text: string;
  messageChain?: readonly { text: string; messageChain?: readonly unknown[] }[];
}): string {
  const lines = [d.text];
  const walk = (chain: readonly { text: string; messageChain?: readonly unknown[] }[] | undefined, depth: number) => {
    for (const c of chain ?? []) {
      lines.push(`${"  ".repeat(depth)}${c.text}`);
      walk(c.messageChain as typeof chain, depth + 1);
    }
  };
  walk(d.messageChain, 1);
  return lines.join("\n");
}

/** "exercises/05-delta/delta.ts:16:7 TS2322: Type 'number' is not assignable to type 'string'." */
export function renderTypeWarning(w: TypeWarning): string {
  return `${w.file}:${w.line}:${w.column} TS${w.code}: ${w.text}`;
}
