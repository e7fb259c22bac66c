/**
 * Grades one implementation (a folder of exercise folders) on a set of cases:
 * compile, run in the sandbox, decide each case, total the points.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { LoadedCase } from "../fixtures/schema.ts";
import { entryFiles, type Manifest } from "../manifest.ts";
import { compileExercises, type CompileOutcome, type CompileProblem } from "../sandbox/compile.ts";
import type { Call } from "../sandbox/protocol.ts";
import { runCalls, type CallOutcome, type RunLimits } from "../sandbox/run.ts";
import type { Workspace } from "../sandbox/workspace.ts";
import { decide, type Verdict } from "./checks.ts";
import { briefArgs } from "./describe.ts";
import { locator } from "./locate.ts";
import { SIGNATURES } from "./signatures.ts";
import { redact, renderProblem } from "./render.ts";
import type { CaseResult, Diagnosis, ExerciseResult, ExerciseStatus } from "./results.ts";

export const DEFAULT_LIMITS: RunLimits = { callTimeoutMs: 2000, submissionTimeoutMs: 60_000, maxOldSpaceMb: 256 };

/** Names a wrong answer's misconception, on the trusted side; see grader/misconceptions. */
export type Diagnoser = (c: LoadedCase, received: unknown) => Diagnosis | undefined;

export interface GradeInput {
  /** The folder holding 01-linear-algebra/, 02-perceptron/, … */
  dir: string;
  manifest: Manifest;
  cases: LoadedCase[];
  workspace: Workspace;
  limits?: RunLimits;
  signal?: AbortSignal;
  diagnose?: Diagnoser;
}

export interface GradedImplementation {
  exercises: ExerciseResult[];
  cases: CaseResult[];
  /** The submission's own time limit ran out. */
  outOfTime: boolean;
  /** Calls whose process died under them: out of memory, exit, signal. */
  crashes: string[];
  /** What the sandbox printed, cut short; for the grading log. */
  output: string;
}

export async function gradeImplementation(input: GradeInput): Promise<GradedImplementation> {
  const { manifest, cases, workspace } = input;
  const limits = input.limits ?? DEFAULT_LIMITS;
  const wanted = new Set(cases.map((c) => c.exercise));
  const entries = Object.fromEntries(Object.entries(entryFiles(manifest)).filter(([id]) => wanted.has(id)));
  const slot = await workspace.slot();
  try {
    const compiled = await compile(input.dir, entries, slot.shared, workspace);
    const modules: Record<string, string> = {};
    for (const [id, outcome] of Object.entries(compiled)) if (outcome.ok) modules[id] = outcome.module;

    // Cases that share a call (same function, same arguments) run it once.
    const calls: Call[] = [];
    const callOf = new Map<string, string>();
    const byArgs = new Map<string, string>();
    for (const c of cases) {
      if (!modules[c.exercise]) continue;
      const signature = `${c.exercise}\u0000${c.fn}\u0000${JSON.stringify(c.args)}`;
      let id = byArgs.get(signature);
      if (!id) {
        id = String(calls.length);
        byArgs.set(signature, id);
        calls.push({ id, exercise: c.exercise, fn: c.fn, args: c.args });
      }
      callOf.set(c.key, id);
    }
    const report = await runCalls({
      harness: workspace.harness,
      modules,
      calls,
      limits,
      isolation: workspace.isolation,
      signal: input.signal,
    });

    const locate = locator(compiled);
    for (const [id, outcome] of report.outcomes) {
      if (outcome.status === "threw" || outcome.status === "import-failed") {
        report.outcomes.set(id, { ...outcome, error: locate(outcome.error) });
      }
    }
    const results = cases.map((c) => {
      const outcome = compiled[c.exercise]?.ok ? report.outcomes.get(callOf.get(c.key)!) : undefined;
      return caseResult(c, outcome, compiled[c.exercise], input.diagnose);
    });
    const crashes = [...report.outcomes.entries()]
      .filter(([, o]) => o.status === "crashed")
      .map(([id, o]) => `${calls[Number(id)].exercise}/${calls[Number(id)].fn}: ${(o as { message: string }).message}`);
    return {
      exercises: exerciseResults(manifest, results, compiled),
      cases: results,
      outOfTime: report.outOfTime,
      crashes,
      output: report.output,
    };
  } finally {
    await slot.dispose();
  }
}

async function compile(
  dir: string,
  entries: Record<string, string>,
  out: string,
  workspace: Workspace,
): Promise<Record<string, CompileOutcome>> {
  const missing: Record<string, CompileOutcome> = {};
  const present: Record<string, string> = {};
  for (const [id, file] of Object.entries(entries)) {
    if (existsSync(path.join(dir, file))) present[id] = file;
    else
      missing[id] = {
        ok: false,
        problems: [{ file: `exercises/${file}`, line: 0, column: 0, text: "the file is missing" }],
      };
  }
  const compiled =
    Object.keys(present).length > 0 ? await compileExercises(dir, present, out, workspace.compileCache) : {};
  return { ...compiled, ...missing };
}

export function renderCompileProblems(problems: CompileProblem[]): string {
  return problems.map((p) => `${p.file}${p.line ? `:${p.line}:${p.column}` : ""}: ${p.text}`).join("\n");
}

function caseResult(
  c: LoadedCase,
  outcome: CallOutcome | undefined,
  compiled: CompileOutcome | undefined,
  diagnose?: Diagnoser,
): CaseResult {
  let verdict: Verdict;
  if (compiled && !compiled.ok) {
    verdict = { status: "error", problems: [], error: `does not compile: ${renderCompileProblems(compiled.problems)}` };
  } else if (!outcome) {
    verdict = { status: "fail", problems: [], error: "no result was reported for this case" };
  } else {
    verdict = decide(c, outcome);
  }
  const hidden = c.visibility === "hidden";
  const problems = hidden ? verdict.problems.map(redact) : verdict.problems;
  const lines = verdict.error ? [verdict.error] : problems.map(renderProblem);
  const diagnosis =
    verdict.status === "fail" && outcome?.status === "ok" && diagnose ? diagnose(c, outcome.value) : undefined;
  return {
    key: c.key,
    id: c.id,
    exercise: c.exercise,
    name: c.name,
    fn: c.fn,
    visibility: c.visibility,
    status: verdict.status,
    score: verdict.status === "pass" ? c.points : 0,
    max_score: c.points,
    message: verdict.status === "pass" ? "" : lines.join("\n"),
    problems,
    ...(hidden ? {} : { input: briefArgs(SIGNATURES[c.exercise]?.[c.fn]?.names, c.args) }),
    ...(verdict.notImplemented ? { not_implemented: true } : {}),
    ...(diagnosis ? { diagnosis } : {}),
  };
}

function exerciseResults(
  manifest: Manifest,
  cases: CaseResult[],
  compiled: Record<string, CompileOutcome>,
): ExerciseResult[] {
  return manifest.exercises.flatMap((e) => {
    const own = cases.filter((c) => c.exercise === e.id);
    if (own.length === 0) return [];
    const outcome = compiled[e.id];
    const score = own.reduce((s, c) => s + c.score, 0);
    const max = own.reduce((s, c) => s + c.max_score, 0);
    let status: ExerciseStatus;
    if (outcome && !outcome.ok) status = "compile error";
    else if (score === max) status = "complete";
    else if (own.every((c) => c.not_implemented)) status = "not started";
    else status = "in progress";
    return [
      {
        id: e.id,
        title: e.title,
        bonus: e.bonus,
        score,
        max_score: max,
        status,
        ...(outcome && !outcome.ok ? { compile_errors: outcome.problems } : {}),
      },
    ];
  });
}
