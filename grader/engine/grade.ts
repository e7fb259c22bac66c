/**
 * Grades one implementation (a folder of exercise folders) on a set of cases:
 * compile, run in the sandbox, decide each case, total the points.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { LoadedCase } from "../fixtures/schema.ts";
import { entryFiles, type Manifest } from "../manifest.ts";
import { compileExercises, type CompileOutcome, type CompileProblem, type ExerciseFiles } from "../sandbox/compile.ts";
import { planCalls } from "./plan.ts";
import type { KnownOutcomes } from "./known-outcomes.ts";
import { runCalls, type CallOutcome, type RunLimits, type RunReport } from "../sandbox/run.ts";
import type { Gate } from "../sandbox/gate.ts";
import type { Workspace } from "../sandbox/workspace.ts";
import { decide, type Verdict } from "./checks.ts";
import { MISSING_EXPORT } from "../sandbox/adapters.ts";
import { briefArgs } from "./describe.ts";
import { locator } from "./locate.ts";
import { SIGNATURES } from "./signatures.ts";
import { sourceLocator } from "./source-line.ts";
import type { Problem } from "./problem.ts";
import { traceUpstream, withUpstream } from "./upstream.ts";
import { lectureNotation } from "../misconceptions/notation.ts";
import { redactAll, renderProblem } from "./render.ts";
import { stripControls } from "../sanitize.ts";
import type { CaseResult, Diagnosis, ExerciseResult, ExerciseStatus } from "./results.ts";

/**
 * CPU-time limits (see sandbox/attempt.ts): a call on a case with no recorded
 * limit of its own gets 2 s, a module 0.5 s to load, a submission 60 s in all;
 * a sandbox gets 30 s of wall-clock time to start.
 */
export const DEFAULT_LIMITS: RunLimits = {
  callTimeoutMs: 2000,
  loadLimitMs: 500,
  submissionTimeoutMs: 60_000,
  startupTimeoutMs: 30_000,
  maxOldSpaceMb: 256,
};

/** What a diagnoser says about a wrong answer: a named mistake, and where it goes wrong layer by layer. */
export interface Finding {
  diagnosis?: Diagnosis;
  trace?: string;
}

/** Names a wrong answer's misconception, on the trusted side; see grader/misconceptions. */
export type Diagnoser = (c: LoadedCase, received: unknown) => Finding | undefined;

export interface GradeInput {
  /** The exercise files to grade, or the folder holding 01-linear-algebra/, 02-perceptron/, … to read them from. */
  files?: ExerciseFiles;
  dir?: string;
  manifest: Manifest;
  cases: LoadedCase[];
  workspace: Workspace;
  limits?: RunLimits;
  signal?: AbortSignal;
  diagnose?: Diagnoser;
  /** Limits how many sandboxes run at once, across a batch. */
  gate?: Gate;
  /** The course's stubs, run once: an untouched exercise is answered from them instead of run again. */
  known?: KnownOutcomes;
  /**
   * The course's reference solutions (path relative to solutions/ → contents), where the grader has them: a later
   * exercise's failure that comes from the student's earlier functions is then said to (see upstream.ts).
   */
  reference?: ExerciseFiles;
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
  const files = input.files ?? (await readExerciseFiles(input.dir!));
  const compiled = await compileExercises(files, entries, workspace.compileCache);
  const modules: Record<string, string> = {};
  for (const [id, outcome] of Object.entries(compiled)) if (outcome.ok) modules[id] = outcome.code;

  const { calls, callOf } = planCalls(cases, modules);
  // An untouched exercise (its bundle is the stub's) answers as the stub did; it is not run again.
  const stubs = input.known
    ? await input.known.load({ manifest, cases, workspace, limits, gate: input.gate })
    : undefined;
  const untouched = (exercise: string) => {
    const stub = stubs?.get(exercise);
    return stub !== undefined && stub.code === modules[exercise];
  };
  const skipped = new Set(
    Object.keys(modules).filter(
      (id) => untouched(id) && calls.every((c) => c.exercise !== id || stubs!.get(id)!.outcomes.has(c.signature)),
    ),
  );
  const toRun = calls.filter((c) => !skipped.has(c.exercise));
  const run = () =>
    runCalls({
      harness: workspace.harness,
      modules: Object.fromEntries(Object.entries(modules).filter(([id]) => !skipped.has(id))),
      calls: toRun,
      limits,
      isolation: workspace.isolation,
      signal: input.signal,
    });
  // A submission with nothing left to run starts no sandbox, and waits for no slot.
  const report = toRun.length === 0 ? emptyReport() : input.gate ? await input.gate.run(run) : await run();
  for (const call of calls) {
    if (skipped.has(call.exercise))
      report.outcomes.set(call.id, stubs!.get(call.exercise)!.outcomes.get(call.signature)!);
  }

  const locate = locator(compiled);
  for (const [id, outcome] of report.outcomes) {
    if (outcome.status === "threw" || outcome.status === "import-failed") {
      report.outcomes.set(id, { ...outcome, error: locate(outcome.error) });
    }
  }
  const sourceOf = sourceLocator(files, manifest);
  let results = cases.map((c) => {
    const outcome = compiled[c.exercise]?.ok ? report.outcomes.get(callOf.get(c.key)!) : undefined;
    return caseResult(c, outcome, compiled[c.exercise], input.diagnose, sourceOf);
  });
  if (input.reference) {
    const upstream = await traceUpstream({
      ...input,
      files,
      reference: input.reference,
      results,
      compiled,
      limits,
      untouched: new Set(Object.keys(modules).filter(untouched)),
    });
    results = results.map((r) => (upstream.has(r.key) ? withUpstream(r, upstream.get(r.key)!) : r));
  }
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
}

function emptyReport(): RunReport {
  return { outcomes: new Map(), spawns: 0, outOfTime: false, output: "", cpuMs: 0 };
}

/** Every .ts file under `dir`, keyed by its path relative to it (with / separators). */
export async function readExerciseFiles(dir: string): Promise<ExerciseFiles> {
  const files: ExerciseFiles = new Map();
  for (const rel of (await readdir(dir, { recursive: true })) as string[]) {
    if (!rel.endsWith(".ts")) continue;
    const contents = await readFile(path.join(dir, rel)).catch(() => undefined);
    if (contents) files.set(rel.split(path.sep).join("/"), contents);
  }
  return files;
}

/** A case's input in brief; the same for every submission, so made once per case. */
const briefs = new WeakMap<LoadedCase, string>();
function inputOf(c: LoadedCase): string {
  let text = briefs.get(c);
  if (text === undefined) {
    text = briefArgs(SIGNATURES[c.exercise]?.[c.fn]?.names, c.args);
    briefs.set(c, text);
  }
  return text;
}

export function renderCompileProblems(problems: CompileProblem[]): string {
  return problems.map((p) => `${p.file}${p.line ? `:${p.line}:${p.column}` : ""}: ${p.text}`).join("\n");
}

function withPosition(c: LoadedCase, p: Problem): Problem {
  const at = p.path.length > 0 ? lectureNotation(c.fn, p.path, c.args) : undefined;
  return at ? { ...p, at } : p;
}

/** Problems that say the function returned a wrong value (rather than changed its input, or called too often). */
const WRONG_VALUE = new Set<Problem["code"]>([
  "value",
  "shape",
  "type",
  "missing",
  "not_falling",
  "too_high",
  "not_thrown",
]);

function caseResult(
  c: LoadedCase,
  outcome: CallOutcome | undefined,
  compiled: CompileOutcome | undefined,
  diagnose?: Diagnoser,
  sourceOf?: (exercise: string, fn: string) => string | undefined,
): CaseResult {
  let verdict: Verdict;
  const missing = missingExport(outcome);
  if (compiled && !compiled.ok) {
    verdict = { status: "error", problems: [], error: `does not compile: ${renderCompileProblems(compiled.problems)}` };
  } else if (!outcome) {
    verdict = { status: "fail", problems: [], error: "no result was reported for this case" };
  } else if (missing) {
    verdict = { status: "error", problems: [], error: `your file does not export \`${missing}\`` };
  } else {
    verdict = decide(c, outcome);
  }
  // Positions in the lecture's notation (public cases: a hidden case's positions are redacted, never restated), and
  // where the function that returned a wrong value is declared.
  if (c.visibility === "public") verdict = { ...verdict, problems: verdict.problems.map((p) => withPosition(c, p)) };
  const wrongValue = verdict.status === "fail" && verdict.problems.some((p) => WRONG_VALUE.has(p.code));
  const source = wrongValue ? sourceOf?.(c.exercise, c.fn) : undefined;
  const hidden = c.visibility === "hidden";
  const problems = hidden ? redactAll(verdict.problems, c.fn) : verdict.problems;
  const error = hidden && verdict.error ? hiddenError(verdict.error, outcome) : verdict.error;
  const lines = error ? [error] : problems.map(renderProblem);
  const finding =
    verdict.status === "fail" && outcome?.status === "ok" && diagnose ? diagnose(c, outcome.value) : undefined;
  const diagnosis = finding?.diagnosis;
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
    message: verdict.status === "pass" ? "" : stripControls(lines.join("\n")),
    problems: problems.map(cleanProblem),
    ...(hidden ? {} : { input: inputOf(c) }),
    ...(verdict.notImplemented ? { not_implemented: true } : {}),
    ...(finding?.trace ? { trace: finding.trace } : {}),
    ...(source ? { source } : {}),
    ...(diagnosis ? { diagnosis } : {}),
    ...(missing ? { missing_export: missing } : {}),
    ...(c.rules ? { rules: c.rules } : {}),
  };
}

/** The adapters' MissingExportError: the student's module lacks the name a case calls. */
function missingExport(outcome: CallOutcome | undefined): string | undefined {
  if (outcome?.status !== "threw" || outcome.error.name !== MISSING_EXPORT) return undefined;
  return /^[A-Za-z_$][\w$]{0,100}$/.test(outcome.error.message) ? outcome.error.message : undefined;
}

/** A problem's text fields carry what the function returned: no control characters in any report. */
function cleanProblem(p: Problem): Problem {
  const out: Problem = {
    ...p,
    path: p.path.map((k) => (typeof k === "string" ? stripControls(k, true).slice(0, 40) : k)),
  };
  for (const field of ["expected", "received", "detail"] as const) {
    if (out[field] !== undefined) out[field] = stripControls(out[field], true);
  }
  return out;
}

/** What a hidden case's error may say: the grader's own words, never a message student code wrote. */
function hiddenError(error: string, outcome: CallOutcome | undefined): string {
  // The name of a missing export is the course's, not the student's, and says nothing of the input.
  if (missingExport(outcome) !== undefined) return error;
  if (outcome?.status === "threw") return "threw an error; its message is not shown for hidden cases";
  if (outcome?.status === "import-failed")
    return "the module failed to load; its message is not shown for hidden cases";
  return error;
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
