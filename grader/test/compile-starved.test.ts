/**
 * A build the machine starves (its wall clock runs out with CPU time to spare) is never charged: it is tried again,
 * and a build starved twice is the machine's trouble, which the batch reports as the grader's error with no score
 * (issue 21.7). The machine is played by SIGSTOP on the build's host and its esbuild service, as a machine that gives
 * them no CPU would; nothing else is mocked. Each test watches only the builds of its own marked submission.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runBatch } from "../batch/run-batch.ts";
import { SubmissionResultSchema } from "../engine/results.ts";
import { DEFAULT_LIMITS, readExerciseFiles } from "../engine/grade.ts";
import { loadCases } from "../fixtures/load.ts";
import { entryFiles, loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { compileExercises } from "../sandbox/compile.ts";
import { compileVariant } from "../sandbox/compile-variants.ts";
import {
  CompilerUnavailableError,
  DEFAULT_COMPILE_LIMITS,
  watchCompiles,
  type CompileEvent,
  type CompileLimits,
} from "../sandbox/compile-guard.ts";
import { SandboxUnavailableError } from "../sandbox/run.ts";
import { clean, expectOnly, markerOf } from "./corpus-compile.ts";

const manifest = loadManifest();
const entries = entryFiles(manifest);
const solutions = await readExerciseFiles(paths.solutions);
const GiB = 2 ** 30;
const LONG = 600_000;

/** Stops a build's host (and its esbuild service) as a machine that gives it no CPU would. */
const starve = (pid: number) => process.kill(-pid, "SIGSTOP");

// Concurrent: a stopped build only waits out its wall clock, and each watches builds by its own marker.
describe.concurrent("a build the machine starves is never charged", () => {
  const limits: CompileLimits = { cpuMs: 10_000, memoryBytes: 1.5 * GiB, wallMs: 5000 };
  const one = { "02-perceptron": entries["02-perceptron"] };

  it.each([
    { label: "a submission's build of all exercises, once", exercises: entries, stopped: [1], throws: false },
    { label: "a single exercise's build, once", exercises: one, stopped: [1], throws: false },
    { label: "a single exercise's build, twice", exercises: one, stopped: [1, 2], throws: true },
  ])(
    "$label",
    async ({ exercises, stopped, throws }) => {
      const name = `starved-${stopped.length}-${Object.keys(exercises).length}`;
      const machine: CompileEvent[] = [];
      let builds = 0;
      const stop = watchCompiles((e) => {
        if (markerOf(e.request.files) !== name) return;
        if (e.phase === "start" && stopped.includes(++builds)) starve(e.pid);
        if (e.phase === "end" && !e.outcome.ok && e.outcome.kind === "machine") machine.push(e);
      });
      try {
        const compiling = compileExercises(clean(solutions, name), exercises, undefined, limits);
        if (throws) {
          const error = await compiling.catch((e: unknown) => e);
          expect(error).toBeInstanceOf(CompilerUnavailableError);
          // The batch defers it, then reports the grader's error: never a score.
          expect(error).toBeInstanceOf(SandboxUnavailableError);
          expect((error as Error).message).toMatch(/machine's trouble, not the code's/);
        } else expectOnly(await compiling);
        expect(machine).toHaveLength(stopped.length);
        // Starved, not slow: far less CPU time than its limit when the wall clock ran out.
        for (const e of machine) if (e.phase === "end") expect(e.outcome.cpuMs ?? 0).toBeLessThan(limits.cpuMs / 2);
      } finally {
        stop();
      }
    },
    LONG,
  );

  it(
    "gives no variant (no sentence about earlier exercises) for a starved variant build, and charges nothing",
    async () => {
      const name = "starved-variant";
      const stop = watchCompiles((e) => markerOf(e.request.files) === name && e.phase === "start" && starve(e.pid));
      try {
        const files = clean(solutions, name);
        const variant = await compileVariant(files, entries["06-gradients"], solutions, () => false, limits);
        expect(variant).toBeUndefined();
      } finally {
        stop();
      }
      // The default limits, given: the grade test beside this one shortens the default wall clock (by environment).
      const built = await compileVariant(
        clean(solutions, "fed"),
        entries["06-gradients"],
        solutions,
        () => true,
        DEFAULT_COMPILE_LIMITS,
      );
      // Unstarved, it builds, and only its entry is the student's: esbuild heads each module with its namespace.
      const students = new Set(
        [...(built ?? "").matchAll(/^\/\/ exercise-file:\/exercises\/(.+)$/gm)].map((m) => m[1]),
      );
      expect([...students]).toEqual(["06-gradients/gradients.ts"]);
      expect(built).toMatch(/^\/\/ reference-file:\/exercises\/05-delta\/delta\.ts$/m);
    },
    LONG,
  );
});

// Concurrent with the builds above: each waits out wall clocks, not CPU, and watches only its own marker.
describe.concurrent("grade, when the machine starves one submission's builds", () => {
  it(
    "gives that submission the grader's error and no score, never a compile error, and grades the others",
    async () => {
      const tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-starved-"));
      const wall = process.env.BACKPROP_TEST_COMPILE_WALL_MS;
      process.env.BACKPROP_TEST_COMPILE_WALL_MS = "2000";
      const stop = watchCompiles(
        (e) => e.phase === "start" && markerOf(e.request.files) === "starved" && starve(e.pid),
      );
      try {
        const submissions = [];
        for (const id of ["starved", "kim"]) {
          const dir = path.join(tmp, "in", id);
          for (const [rel, text] of clean(solutions, id)) {
            await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
            await writeFile(path.join(dir, rel), text);
          }
          submissions.push({ id, source: dir });
        }
        const out = path.join(tmp, "out");
        const report = await runBatch({
          submissions,
          out,
          manifest,
          cases: loadCases(manifest, { visibility: ["public"] }),
          limits: DEFAULT_LIMITS,
          jobs: 2,
          force: true,
        });
        expect(report.errors).toEqual(["starved"]);
        const read = async (id: string) =>
          SubmissionResultSchema.parse(JSON.parse(await readFile(path.join(out, id, "results.json"), "utf8")));
        const [starved, kim] = [await read("starved"), await read("kim")];
        expect({ status: starved.grading_status, score: starved.score }).toEqual({ status: "error", score: null });
        expect(starved.exercises.filter((e) => e.status === "compile error")).toEqual([]);
        expect(kim.grading_status).toBe("graded");
        expect(kim.exercises.map((e) => [e.id, e.status])).toEqual(Object.keys(entries).map((id) => [id, "complete"]));
      } finally {
        stop();
        if (wall === undefined) delete process.env.BACKPROP_TEST_COMPILE_WALL_MS;
        else process.env.BACKPROP_TEST_COMPILE_WALL_MS = wall;
        await rm(tmp, { recursive: true, force: true });
      }
    },
    LONG,
  );
});
