/**
 * A student's checking session: the manifest, the cases and a sandbox
 * workspace, loaded once and reused by every run (watch mode re-runs often).
 */
import type { LoadedCase, Visibility } from "../fixtures/schema.ts";
import { loadCases } from "../fixtures/load.ts";
import { maxScore, type Manifest } from "../manifest.ts";
import { DEFAULT_LIMITS, gradeImplementation, readExerciseFiles, type Diagnoser } from "../engine/grade.ts";
import type { CaseResult, ExerciseResult, TypeWarning } from "../engine/results.ts";
import { Workspace } from "../sandbox/workspace.ts";
import { TypeChecker } from "./typecheck.ts";

export interface CheckResult {
  score: number;
  max_score: number;
  exercises: ExerciseResult[];
  cases: CaseResult[];
  /** TypeScript's errors in the checked exercises' files: warnings that never change the score. */
  type_warnings?: TypeWarning[];
  /** Why there are no type warnings to show: the type check crashed or went over its limits. */
  type_check_skipped?: string;
}

export interface SessionOptions {
  manifest: Manifest;
  /** The folder of exercise folders to check. */
  dir: string;
  visibility: readonly Visibility[];
  readSealed?: (file: string) => string | undefined;
  diagnose?: Diagnoser;
  /** Type-check the files as well (default true). */
  typecheck?: boolean;
}

export class CheckSession {
  private constructor(
    readonly options: SessionOptions,
    readonly cases: LoadedCase[],
    private readonly workspace: Workspace,
    private readonly typeChecker: TypeChecker | undefined,
    /** Why type checking is off, when it is. */
    readonly typecheckUnavailable?: string,
  ) {}

  static async open(options: SessionOptions): Promise<CheckSession> {
    const cases = loadCases(options.manifest, { visibility: options.visibility, readSealed: options.readSealed });
    const [workspace, checker] = await Promise.all([
      // As root, student code would keep uid 0; the OS walls (an unprivileged user first) are worth their
      // start-up cost then.
      Workspace.create({ maxDataBytes: 2 ** 30, osIsolation: process.getuid?.() === 0 }),
      options.typecheck === false ? undefined : TypeChecker.open(),
    ]);
    if (checker instanceof TypeChecker || checker === undefined)
      return new CheckSession(options, cases, workspace, checker);
    return new CheckSession(options, cases, workspace, undefined, checker.unavailable);
  }

  /** Checks the given exercises (all when empty). */
  async run(only: readonly string[] = []): Promise<CheckResult> {
    const cases = only.length > 0 ? this.cases.filter((c) => only.includes(c.exercise)) : this.cases;
    // Read once: the grader and the type checker see the same bytes, even if the student saves again meanwhile.
    const files = await readExerciseFiles(this.options.dir);
    const [graded, typed] = await Promise.all([
      gradeImplementation({
        files,
        manifest: this.options.manifest,
        cases,
        workspace: this.workspace,
        limits: DEFAULT_LIMITS,
        diagnose: this.options.diagnose,
      }),
      this.typeChecker?.check(files),
    ]);
    const ids = new Set(cases.map((c) => c.exercise));
    return {
      score: graded.exercises.reduce((s, e) => s + e.score, 0),
      max_score: maxScore(
        this.options.manifest,
        graded.exercises.map((e) => ({ exercise: e.id, points: e.max_score })),
      ),
      exercises: graded.exercises,
      cases: graded.cases,
      ...(typed && "warnings" in typed
        ? { type_warnings: typed.warnings.filter((w) => ids.has(exerciseOf(w.file) ?? "")) }
        : {}),
      ...(typed && "skipped" in typed ? { type_check_skipped: typed.skipped } : {}),
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.workspace.dispose(), this.typeChecker?.close()]);
  }
}

/** exercises/05-delta/delta.ts → 05-delta; undefined for a file outside an exercise's folder (types.ts). */
export function exerciseOf(file: string): string | undefined {
  return /^exercises\/(\d\d-[a-z0-9-]+)\//.exec(file)?.[1];
}
