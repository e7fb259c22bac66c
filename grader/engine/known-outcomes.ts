/**
 * Internal. Outcomes known before a submission's sandbox starts: an exercise
 * the student has not touched compiles to a bundle byte for byte the course's
 * stub, and answers every call as the stub does.
 *
 * The stubs are run once per batch, in a sandbox like any code, and what they
 * returned or threw is reused for every identical bundle. Nothing is assumed
 * about what a stub does. A submission whose every exercise is untouched
 * starts no sandbox at all; the others run only the exercises they changed.
 * An exercise whose stub timed out or crashed, or a batch whose stub run
 * failed, is simply run as usual.
 *
 * Every grading path (`grade`, shards, Gradescope) uses it, one submission or
 * many, so a submission gets the same result whichever path grades it: even
 * one whose other modules patch globals the stub's code would meet.
 */
import type { LoadedCase } from "../fixtures/schema.ts";
import { entryFiles, type Manifest } from "../manifest.ts";
import { compileExercises, type ExerciseFiles } from "../sandbox/compile.ts";
import type { Gate } from "../sandbox/gate.ts";
import { runCalls, type CallOutcome, type RunLimits } from "../sandbox/run.ts";
import type { Workspace } from "../sandbox/workspace.ts";
import { paths } from "../paths.ts";
import { readExerciseFiles } from "./grade.ts";
import { planCalls } from "./plan.ts";

/** One exercise's stub: its bundle, and its outcome on every call, by call signature. */
export interface KnownExercise {
  code: string;
  outcomes: Map<string, CallOutcome>;
}

export interface StubRun {
  manifest: Manifest;
  cases: LoadedCase[];
  workspace: Workspace;
  limits: RunLimits;
  gate?: Gate;
}

/** The course's stubs (exercises/ beside the grader), or none where there are none. */
export async function courseStubs(): Promise<ExerciseFiles | undefined> {
  const files = await readExerciseFiles(paths.exercises).catch(() => undefined);
  return files && files.size > 0 ? files : undefined;
}

/**
 * The course's reference solutions (solutions/ beside the grader), or none where there are none (a student's
 * release, the Gradescope package): without them no failure is traced to earlier exercises (see upstream.ts).
 */
export async function courseReference(): Promise<ExerciseFiles | undefined> {
  const files = await readExerciseFiles(paths.solutions).catch(() => undefined);
  return files && files.size > 0 ? files : undefined;
}

export class KnownOutcomes {
  private loading: Promise<Map<string, KnownExercise>> | undefined;

  /** `stubs`: the course's exercise files as released (path relative to exercises/ → contents). */
  constructor(private readonly stubs: ExerciseFiles) {}

  /** exercise id → its stub's bundle and outcomes; run once, on first use, for the batch's cases. */
  load(run: StubRun): Promise<Map<string, KnownExercise>> {
    this.loading ??= this.run(run).catch(() => new Map());
    return this.loading;
  }

  private async run({ manifest, cases, workspace, limits, gate }: StubRun): Promise<Map<string, KnownExercise>> {
    const compiled = await compileExercises(this.stubs, entryFiles(manifest), workspace.compileCache);
    const modules: Record<string, string> = {};
    for (const [id, outcome] of Object.entries(compiled)) if (outcome.ok) modules[id] = outcome.code;
    const { calls } = planCalls(cases, modules);
    const go = () => runCalls({ harness: workspace.harness, modules, calls, limits, isolation: workspace.isolation });
    const report = gate ? await gate.run(go) : await go();
    const known = new Map<string, KnownExercise>();
    for (const [id, code] of Object.entries(modules)) {
      const own = calls.filter((c) => c.exercise === id);
      const outcomes = new Map(own.map((c) => [c.signature, report.outcomes.get(c.id)]));
      // Only answers count: a stub that ran out of time or took its process down says nothing for sure.
      const answered = [...outcomes.values()].every((o) => o?.status === "ok" || o?.status === "threw");
      if (answered) known.set(id, { code, outcomes: outcomes as Map<string, CallOutcome> });
    }
    return known;
  }
}
