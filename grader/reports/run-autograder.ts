/**
 * Grading inside Gradescope's autograder (grader/cli/run-autograder.ts is
 * the entry point that run_autograder calls).
 *
 * The submission goes through the same batch grader as `npm run grade`
 * (sandbox, limits, diagnoses), with its scratch folder in the system's
 * temporary directory. Students who upload loose files (delta.ts rather than
 * exercises/05-delta/delta.ts) have them placed where the kit expects them.
 */
import { existsSync } from "node:fs";
import { copyFile, lstat, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runBatch } from "../batch/run-batch.ts";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import { SubmissionResultSchema } from "../engine/results.ts";
import { GraderError } from "../errors.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest, type Manifest } from "../manifest.ts";
import { loadDiagnoser } from "../misconceptions/index.ts";
import { paths } from "../paths.ts";
import type { GradescopeResults } from "./gradescope-schema.ts";
import { toGradescope } from "./gradescope.ts";

async function hasExercises(root: string): Promise<boolean> {
  if (existsSync(path.join(root, "exercises"))) return true;
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  return entries.some((e) => e.isDirectory() && existsSync(path.join(root, e.name, "exercises")));
}

/**
 * Copies loose exercise files (found by their stub's name, at the top or one
 * folder down) into <staging>/exercises/<id>/. Only regular files are taken:
 * a symlink is skipped, never followed. Returns undefined when none is found.
 */
async function stageLooseFiles(root: string, staging: string, manifest: Manifest): Promise<string | undefined> {
  const byName = new Map(manifest.exercises.map((e) => [e.file, e.id]));
  const found = new Map<string, string>();
  const look = async (dir: string, depth: number) => {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth === 0) await look(full, 1);
      else if (e.isFile() && byName.has(e.name) && !found.has(e.name) && (await lstat(full)).isFile())
        found.set(e.name, full);
    }
  };
  await look(root, 0);
  if (found.size === 0) return undefined;
  const target = path.join(staging, "loose");
  for (const [name, from] of found) {
    const dir = path.join(target, "exercises", byName.get(name)!);
    await mkdir(dir, { recursive: true });
    await copyFile(from, path.join(dir, name));
  }
  await copyFile(path.join(paths.exercises, "types.ts"), path.join(target, "exercises", "types.ts"));
  return target;
}

/** Grades one submission folder and returns Gradescope's results. */
export async function gradeForGradescope(submission: string): Promise<GradescopeResults> {
  const manifest = loadManifest();
  const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
  const scratch = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-autograder-"));
  try {
    const source = (await hasExercises(submission))
      ? submission
      : ((await stageLooseFiles(submission, scratch, manifest)) ?? submission);
    const out = path.join(scratch, "out");
    await runBatch({
      submissions: [{ id: "submission", source }],
      out,
      manifest,
      cases,
      limits: DEFAULT_LIMITS,
      jobs: 1,
      force: true,
      diagnose: await loadDiagnoser(),
    });
    const result = SubmissionResultSchema.parse(
      JSON.parse(await readFile(path.join(out, "submission", "results.json"), "utf8")),
    );
    // Gradescope shows a failed autograder run, which can be re-run, rather than a 0 the student did not earn.
    if (result.grading_status === "error") throw new GraderError("SANDBOX_UNAVAILABLE", result.note);
    return toGradescope(result, manifest);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
