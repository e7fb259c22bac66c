/**
 * `npm run check -- --ci`: what a pushed repository's workflow keeps of a
 * check. Into the output folder go results.json (a SubmissionResult, the same
 * schema as `npm run grade` writes), classroom.json (GitHub Classroom's
 * format) and summary.md; in GitHub Actions the summary is also appended to
 * $GITHUB_STEP_SUMMARY, the classroom result is set as the step's `result`
 * output (base64, as the autograding reporter reads it), and failing functions
 * are annotated in the student's files.
 */
import { InvalidArgumentError } from "commander";
import { appendFile, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { LoadedCase } from "../fixtures/schema.ts";
import type { Manifest } from "../manifest.ts";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import { SubmissionResultSchema, type GradingStatus, type SubmissionResult } from "../engine/results.ts";
import { fingerprint } from "../batch/fingerprint.ts";
import { writeAtomic } from "../batch/atomic.ts";
import { hashFiles, safeId } from "../submission/source.ts";
import { annotate, formatAnnotation, typeWarningAnnotations } from "./annotations.ts";
import { classroomResult } from "./classroom.ts";
import { renderSummary } from "./ci-summary.ts";
import type { HiddenCount } from "./sealed.ts";
import type { CheckResult } from "./session.ts";

export interface CiInput {
  result: CheckResult;
  manifest: Manifest;
  /** The cases that were graded. */
  cases: LoadedCase[];
  /** The folder of exercise folders that was checked. */
  dir: string;
  /** Where results.json, classroom.json and summary.md go. */
  out: string;
  hidden: Record<string, HiddenCount>;
  hiddenGraded: boolean;
  /** Date.now() when the check started. */
  started: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  print?: (line: string) => void;
}

async function exerciseFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const names = (await readdir(dir, { recursive: true }).catch(() => [])) as string[];
  for (const rel of names.filter((n) => n.endsWith(".ts")).sort()) {
    files.set(rel.split(path.sep).join("/"), await readFile(path.join(dir, rel)));
  }
  return files;
}

function gradingStatus(result: CheckResult): { status: GradingStatus; note: string } {
  const broken = result.exercises.filter((e) => e.status === "compile error");
  if (broken.length > 0)
    return { status: "compile_error", note: `compile error: ${broken.map((e) => e.id).join(", ")}` };
  const late = result.cases.filter((c) => c.status === "timeout");
  if (late.length > 0) return { status: "timeout", note: `timed out: ${late.map((c) => c.key).join(", ")}` };
  return { status: "graded", note: "" };
}

export async function toSubmissionResult(input: CiInput): Promise<SubmissionResult> {
  const env = input.env ?? process.env;
  const repo = env.GITHUB_REPOSITORY?.split("/").pop();
  const { status, note } = gradingStatus(input.result);
  return SubmissionResultSchema.parse({
    schema_version: 1,
    submission: safeId(repo || path.basename(input.cwd ?? process.cwd())),
    grading_status: status,
    score: input.result.score,
    max_score: input.result.max_score,
    note,
    input_hash: hashFiles(await exerciseFiles(input.dir)),
    grader_fingerprint: fingerprint(input.manifest, input.cases, DEFAULT_LIMITS),
    visibility: [...new Set(input.cases.map((c) => c.visibility))],
    exercises: input.result.exercises,
    cases: input.result.cases,
    graded_at: new Date().toISOString(),
    duration_ms: Date.now() - input.started,
    ...(input.result.type_warnings ? { type_warnings: input.result.type_warnings } : {}),
  });
}

/** Writes every CI output; returns the files written. */
export async function writeCi(input: CiInput): Promise<string[]> {
  const env = input.env ?? process.env;
  const cwd = input.cwd ?? process.cwd();
  const print = input.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const written: string[] = [];
  const put = async (name: string, text: string) => {
    const file = path.join(input.out, name);
    await writeAtomic(file, text);
    written.push(file);
  };

  await put("results.json", JSON.stringify(await toSubmissionResult(input), null, 2) + "\n");
  const classroom = classroomResult(input.result, input.manifest);
  await put("classroom.json", JSON.stringify(classroom, null, 2) + "\n");
  const summary = renderSummary(input.result, input.manifest, {
    hidden: input.hidden,
    hiddenGraded: input.hiddenGraded,
  });
  await put("summary.md", summary);

  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, `${summary}\n`);
  if (env.GITHUB_OUTPUT) {
    await appendFile(env.GITHUB_OUTPUT, `result=${Buffer.from(JSON.stringify(classroom)).toString("base64")}\n`);
  }
  for (const a of annotate(input.result, input.manifest, input.dir, cwd)) print(formatAnnotation(a));
  for (const line of typeWarningAnnotations(input.result, input.dir, cwd)) print(line);
  return written;
}

/** --fail-under: points ("40") or a share of the points checked ("80%"). */
export interface Threshold {
  value: number;
  percent: boolean;
}

export function parseThreshold(text: string): Threshold {
  const percent = text.trim().endsWith("%");
  const value = Number(percent ? text.trim().slice(0, -1) : text);
  if (!Number.isFinite(value) || value < 0 || (percent && value > 100)) {
    throw new InvalidArgumentError('expected points ("40") or a percentage ("80%")');
  }
  return { value, percent };
}

/** The message to fail with when the score is below the threshold; undefined when it is not. */
export function belowThreshold(result: CheckResult, t: Threshold): string | undefined {
  const needed = t.percent ? (t.value / 100) * result.max_score : t.value;
  if (result.score >= needed) return undefined;
  const what = t.percent ? `${t.value}% of ${result.max_score} points` : `${t.value} points`;
  return `score ${result.score}/${result.max_score} is below --fail-under ${what}`;
}
