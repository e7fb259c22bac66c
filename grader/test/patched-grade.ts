/**
 * Grades the reference solutions with some exercise files changed, in memory,
 * on a few exercises' cases: for tests of what the harness measures (purity,
 * call counts) against many variants of one function.
 */
import type { CaseResult } from "../engine/results.ts";
import { gradeImplementation, readExerciseFiles } from "../engine/grade.ts";
import { loadCases } from "../fixtures/load.ts";
import type { LoadedCase } from "../fixtures/schema.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import { Workspace } from "../sandbox/workspace.ts";

const manifest = loadManifest();

export function casesOf(exercises: string[], keep: (c: LoadedCase) => boolean = () => true): LoadedCase[] {
  return loadCases(manifest, { visibility: ["public", "hidden"], only: exercises }).filter(keep);
}

export async function solutionFiles(): Promise<ExerciseFiles> {
  return readExerciseFiles(paths.solutions);
}

/** Puts `body` in place of the body of `export function fn(...) {...}` (a top-level function ending in "\n}"). */
export function replaceFunction(source: string, fn: string, body: string): string {
  const start = source.search(new RegExp(`^export function ${fn}\\(`, "m"));
  if (start < 0) throw new Error(`no function ${fn}`);
  const open = source.indexOf("{\n", start) + 2;
  const close = source.indexOf("\n}\n", open);
  return source.slice(0, open) + body + source.slice(close);
}

/** The text of a file as stored in `files`. */
export function text(files: ExerciseFiles, rel: string): string {
  const contents = files.get(rel);
  if (contents === undefined) throw new Error(`no file ${rel}`);
  return typeof contents === "string" ? contents : Buffer.from(contents).toString("utf8");
}

export async function gradeFiles(
  workspace: Workspace,
  files: ExerciseFiles,
  cases: LoadedCase[],
): Promise<CaseResult[]> {
  const graded = await gradeImplementation({ manifest, cases, workspace, files });
  return graded.cases;
}

export function createWorkspace(): Promise<Workspace> {
  return Workspace.create({ maxDataBytes: 2 ** 30, osIsolation: false });
}
