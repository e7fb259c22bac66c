/**
 * One vitest suite per exercise, with points per case, against any
 * implementation: BACKPROP_IMPL=solutions (the default), exercises, or a path
 * to a folder of exercise folders. Nobody edits a suite to switch.
 *
 *   npx vitest run grader/suites                       the reference solutions
 *   BACKPROP_IMPL=exercises npx vitest run grader/suites/05-delta.test.ts
 *
 * The implementation runs in the sandbox, as in `check` and `grade`; this
 * process holds only the cases and the checks.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { gradeImplementation, type GradedImplementation } from "../engine/grade.ts";
import { Workspace } from "../sandbox/workspace.ts";

export function implementationDir(value = process.env.BACKPROP_IMPL): string {
  if (!value || value === "solutions") return paths.solutions;
  if (value === "exercises") return paths.exercises;
  return path.resolve(value);
}

export function defineExerciseSuite(exercise: string): void {
  const manifest = loadManifest();
  const cases = loadCases(manifest, { visibility: ["public", "hidden"], only: [exercise] });
  const dir = implementationDir();
  let workspace: Workspace;
  let graded: GradedImplementation;

  beforeAll(async () => {
    workspace = await Workspace.create({ maxDataBytes: 2 ** 30, osIsolation: false });
    graded = await gradeImplementation({ dir, manifest, cases, workspace });
  });
  afterAll(() => workspace?.dispose());

  describe(`${exercise} (${path.relative(paths.root, dir) || dir})`, () => {
    it.each(cases.map((c) => ({ c, title: `[${c.points} pt] ${c.visibility} ${c.fn}: ${c.name}` })))(
      "$title",
      ({ c }) => {
        const result = graded.cases.find((r) => r.key === c.key);
        expect(result, `no result for ${c.key}`).toBeDefined();
        if (result!.status !== "pass") expect.fail(`${result!.status}: ${result!.message}`);
      },
    );
  });
}
