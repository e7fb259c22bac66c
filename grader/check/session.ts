/**
 * A student's checking session: the manifest, the cases and a sandbox
 * workspace, loaded once and reused by every run (watch mode re-runs often).
 */
import type { LoadedCase, Visibility } from "../fixtures/schema.ts";
import { loadCases } from "../fixtures/load.ts";
import type { Manifest } from "../manifest.ts";
import { DEFAULT_LIMITS, gradeImplementation, type Diagnoser } from "../engine/grade.ts";
import type { CaseResult, ExerciseResult } from "../engine/results.ts";
import { Workspace } from "../sandbox/workspace.ts";

export interface CheckResult {
  score: number;
  max_score: number;
  exercises: ExerciseResult[];
  cases: CaseResult[];
}

export interface SessionOptions {
  manifest: Manifest;
  /** The folder of exercise folders to check. */
  dir: string;
  visibility: readonly Visibility[];
  readSealed?: (file: string) => string | undefined;
  diagnose?: Diagnoser;
}

export class CheckSession {
  private constructor(
    readonly options: SessionOptions,
    readonly cases: LoadedCase[],
    private readonly workspace: Workspace,
  ) {}

  static async open(options: SessionOptions): Promise<CheckSession> {
    const cases = loadCases(options.manifest, { visibility: options.visibility, readSealed: options.readSealed });
    // As root, student code would keep uid 0; the OS walls (an unprivileged user first) are worth their start-up cost then.
    const workspace = await Workspace.create({ maxDataBytes: 2 ** 30, osIsolation: process.getuid?.() === 0 });
    return new CheckSession(options, cases, workspace);
  }

  /** Checks the given exercises (all when empty). */
  async run(only: readonly string[] = []): Promise<CheckResult> {
    const cases = only.length > 0 ? this.cases.filter((c) => only.includes(c.exercise)) : this.cases;
    const graded = await gradeImplementation({
      dir: this.options.dir,
      manifest: this.options.manifest,
      cases,
      workspace: this.workspace,
      limits: DEFAULT_LIMITS,
      diagnose: this.options.diagnose,
    });
    return {
      score: graded.exercises.reduce((s, e) => s + e.score, 0),
      max_score: graded.exercises.reduce((s, e) => s + e.max_score, 0),
      exercises: graded.exercises,
      cases: graded.cases,
    };
  }

  async close(): Promise<void> {
    await this.workspace.dispose();
  }
}
