/**
 * Untouched exercises are answered from one run of the course's stubs. The
 * outcome must be what running them in the submission's own sandbox gives,
 * and a submission with nothing but stubs must start no sandbox.
 */
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, gradeImplementation, readExerciseFiles } from "../engine/grade.ts";
import { KnownOutcomes } from "../engine/known-outcomes.ts";
import { SubmissionResultSchema } from "../engine/results.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import { Workspace } from "../sandbox/workspace.ts";
import { sh } from "./release-helpers.ts";
import { cliArgs } from "./cli-bundle.ts";
import { hostWrapperPrefix } from "./slow-host.ts";

const manifest = loadManifest();
const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
let stubs: ExerciseFiles;
let solutions: ExerciseFiles;
let workspace: Workspace;
let tmp: string;

/** The solutions for the first `done` exercises, the stubs for the rest. */
function partial(done: number): ExerciseFiles {
  const ids = manifest.exercises.map((e) => e.id);
  return new Map(
    [...stubs].map(([rel, text]) => {
      const at = ids.indexOf(rel.split("/")[0]);
      return [rel, at >= 0 && at < done ? solutions.get(rel)! : text];
    }),
  );
}

/** One wrong answer in 05, so that a mistake sits beside untouched stubs. */
function withMistake(): ExerciseFiles {
  const files = partial(5);
  const rel = "05-delta/delta.ts";
  const text = String(files.get(rel));
  const wrong = text.replace("gL.gPrime(fj) * dEdYhat[j]", "dEdYhat[j]");
  expect(wrong).not.toBe(text);
  files.set(rel, wrong);
  return files;
}

beforeAll(async () => {
  stubs = await readExerciseFiles(paths.exercises);
  solutions = await readExerciseFiles(paths.solutions);
  workspace = await Workspace.create({ maxDataBytes: 2 ** 29, osIsolation: false });
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-known-"));
});

afterAll(async () => {
  await workspace.dispose();
  await rm(tmp, { recursive: true, force: true });
});

describe("answers from the stubs", () => {
  const kinds: [string, () => ExerciseFiles][] = [
    ["only stubs", () => stubs],
    ["01–03 done", () => partial(3)],
    ["01–07 done", () => partial(7)],
    ["a mistake in 05 and stubs after it", withMistake],
    ["every exercise done", () => solutions],
  ];

  it.each(kinds)("give the same result as running the stubs in the submission's sandbox: %s", async (_, make) => {
    const files = make();
    const known = new KnownOutcomes(stubs);
    const input = { files, manifest, cases, workspace, limits: DEFAULT_LIMITS };
    const [ran, answered] = await Promise.all([gradeImplementation(input), gradeImplementation({ ...input, known })]);
    expect(answered.cases).toEqual(ran.cases);
    expect(answered.exercises).toEqual(ran.exercises);
    expect(answered.crashes).toEqual(ran.crashes);
  });

  it("start no sandbox for a submission that is only stubs", async () => {
    const log = path.join(tmp, "starts.log");
    const wrapper = path.join(tmp, "count-starts.sh");
    await writeFile(wrapper, `#!/bin/sh\necho start >> "${log}"\nexec ${hostWrapperPrefix()}"$@"\n`);
    await chmod(wrapper, 0o755);
    const classDir = path.join(tmp, "class");
    for (const id of ["a-stubs", "b-stubs", "c-stubs"]) {
      await cp(paths.exercises, path.join(classDir, id, "exercises"), { recursive: true });
    }
    await cp(paths.solutions, path.join(classDir, "d-done", "exercises"), { recursive: true });
    const out = path.join(tmp, "out");
    const ran = await sh(process.execPath, cliArgs("grade", [classDir, "--out", out]), paths.root, {
      BACKPROP_TEST_SANDBOX_WRAPPER: wrapper,
    });
    expect(ran.code, ran.stderr).toBe(0);
    // One run of the stubs for the batch, one sandbox for the finished submission.
    expect((await readFile(log, "utf8")).trim().split("\n")).toHaveLength(2);
    for (const id of ["a-stubs", "b-stubs", "c-stubs"]) {
      const result = SubmissionResultSchema.parse(
        JSON.parse(await readFile(path.join(out, id, "results.json"), "utf8")),
      );
      expect(result.score).toBe(0);
      expect(result.exercises.every((e) => e.status === "not started")).toBe(true);
    }
  }, 120_000);
});
