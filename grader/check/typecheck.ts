/**
 * Type-checks a student's exercise files with TypeScript's native compiler,
 * as warnings: they never change a score (esbuild strips types, so code with
 * a type error still runs and is graded on what it returns).
 *
 * One compiler process serves a whole session through TypeScript's API: the
 * libraries are parsed once, and a re-check after a save takes milliseconds
 * instead of the ~0.4 s a fresh `tsc` costs. The compiler sees only the
 * files served from memory (typecheck-fs.ts), and runs in a process of its
 * own with CPU, memory and time limits (typecheck-process.ts): a type that
 * takes minutes or gigabytes, or a crash, costs that submission its type
 * warnings and nothing else, and the next check starts a fresh process.
 */
import { createHash } from "node:crypto";
import type { TypeWarning } from "../engine/results.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import { CheckerProcess, locateTypeScript, type TypeCheck, type TypeCheckLimits } from "./typecheck-process.ts";
import { TypeCheckStore } from "./typecheck-store.ts";

export type { TypeCheck, TypeCheckLimits, TypeWarning };

/**
 * An honest check of the whole kit takes well under a second of CPU and about 150 MB; a type bomb of a few
 * hundred bytes can take minutes and gigabytes.
 */
export const TYPECHECK_LIMITS: TypeCheckLimits = { cpuMs: 8_000, memoryBytes: 2 ** 30, wallMs: 30_000 };

/** After this many processes in a row die before their first check, type checking is off for the session. */
const MAX_FAILED_STARTS = 3;

/** Distinct file sets whose warnings are remembered; a class has a few hundred, a watch session a few. */
const MAX_CACHED = 2_000;

/** The file set's content, names included, as one hash: the same files give the same warnings. */
function contentKey(files: ExerciseFiles): string {
  const hash = createHash("sha256");
  for (const [rel, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    hash.update(`${rel.length}:${rel}${Buffer.byteLength(text)}:`).update(text);
  return hash.digest("hex");
}

export class TypeChecker {
  private queue: Promise<unknown> = Promise.resolve();
  private process: CheckerProcess | undefined;
  private failedStarts = 0;
  private closed = false;
  /**
   * Warnings by file-set content: in a class many submissions hand in the same files (the stubs, the reference,
   * one shared copy), and their check costs nothing the second time. Only finished checks are kept; a skipped one
   * is tried again.
   */
  private readonly cache = new Map<string, TypeCheck>();

  private constructor(
    private readonly where: { api: string; compiler: string },
    private readonly limits: TypeCheckLimits,
    /** The same across runs, on disk (typecheck-store.ts). */
    private readonly store: TypeCheckStore | undefined,
  ) {}

  /**
   * Finds TypeScript, or says why it cannot: type checking is feedback, and its absence must never stop a check
   * or a grade. Finished checks are kept in the kit's own store on disk unless `store` names another (tests) or
   * is null (none).
   */
  static async open(
    limits: Partial<TypeCheckLimits> = {},
    options: { store?: TypeCheckStore | null } = {},
  ): Promise<TypeChecker | { unavailable: string }> {
    try {
      const store = options.store === undefined ? TypeCheckStore.open() : (options.store ?? undefined);
      return new TypeChecker(locateTypeScript(), { ...TYPECHECK_LIMITS, ...testLimits(), ...limits }, store);
    } catch (error) {
      return { unavailable: `TypeScript could not be loaded: ${(error as Error)?.message ?? String(error)}` };
    }
  }

  /**
   * Type-checks one set of exercise files (paths relative to exercises/), one call at a time. Never rejects: a
   * check that crashed or went over a limit is `skipped`, with the reason for the student.
   */
  check(files: ExerciseFiles): Promise<TypeCheck> {
    const key = contentKey(files);
    const known = this.closed ? undefined : (this.cache.get(key) ?? this.remember(key, this.store?.get(key)));
    // A copy: the caller may clean or trim what it is given.
    if (known) return Promise.resolve(structuredClone(known));
    const run = this.queue.then(async () => {
      // Once closed, nothing is answered, from the cache either: the caller is told the checker is gone.
      if (this.closed) return this.checkNow(files);
      const cached = this.cache.get(key);
      if (cached) return structuredClone(cached);
      const outcome = await this.checkNow(files);
      this.remember(key, outcome);
      this.store?.put(key, outcome);
      return outcome;
    });
    this.queue = run.catch(() => undefined);
    return run.catch((error: Error) => ({ skipped: `the type checker failed: ${error?.message ?? String(error)}` }));
  }

  /** Keeps a finished check in memory; a skipped one is tried again. */
  private remember(key: string, outcome: TypeCheck | undefined): TypeCheck | undefined {
    if (!outcome || "skipped" in outcome) return outcome;
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, structuredClone(outcome));
    return outcome;
  }

  private async checkNow(files: ExerciseFiles): Promise<TypeCheck> {
    if (this.closed) return { skipped: "the type checker was closed" };
    if (this.failedStarts >= MAX_FAILED_STARTS) return { skipped: "the type checker could not start" };
    const current = (this.process ??= await CheckerProcess.start(this.where, this.limits));
    const outcome = await current.check(files, this.limits);
    if ("skipped" in outcome) {
      this.failedStarts = (await current.startFailed()) ? this.failedStarts + 1 : 0;
      // Whatever went wrong, the next check gets a fresh process: this one is killed and gone.
      await current.kill();
      this.process = undefined;
    } else this.failedStarts = 0;
    return outcome;
  }

  /** Ends the type checker's process; later checks are skipped. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue;
    await this.process?.kill();
    this.process = undefined;
  }
}

/**
 * Tests of the grading commands set small limits through the environment, so that a class of type bombs takes
 * seconds; the grader's own limits are the ones above.
 */
function testLimits(): Partial<TypeCheckLimits> {
  const raw = process.env.BACKPROP_TEST_TYPECHECK_LIMITS;
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    return Object.fromEntries(
      (["cpuMs", "memoryBytes", "wallMs"] as const).flatMap((k) =>
        typeof parsed[k] === "number" && parsed[k] > 0 ? [[k, parsed[k]]] : [],
      ),
    );
  } catch {
    return {};
  }
}

/** "exercises/05-delta/delta.ts:16:7 TS2322: Type 'number' is not assignable to type 'string'." */
export function renderTypeWarning(w: TypeWarning): string {
  return `${w.file}:${w.line}:${w.column} TS${w.code}: ${w.text}`;
}
