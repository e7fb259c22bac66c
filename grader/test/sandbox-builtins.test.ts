/**
 * A sandbox loads no more of Node's built-in modules than it needs to start.
 *
 * Node ships a code cache for its built-ins, and V8 rejects it when any V8 flag is off its default: a sandbox starts
 * with --max-old-space-size, --no-opt and --no-maglev (see command.ts), so every built-in the harness loads after
 * Node's start is compiled from source, in every sandbox. The harness reads stdin and writes its results with
 * fs.readFileSync and fs.writeSync, which need nothing beyond Node's start. Reading stdin through process.stdin
 * instead loads streams, sockets and the terminal's modules: measured on Node 24 here, a script that touches
 * process.stdin costs about 7 ms more CPU with those flags than without, against 25–30 ms for Node's whole start,
 * while a script that loads nothing costs the same either way.
 *
 * Node says which built-ins it compiles after its start when NODE_DEBUG_NATIVE=CODE_CACHE: a wrapper before every
 * sandbox sets it and keeps what Node prints.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readExerciseFiles } from "../engine/grade.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";
import type { Workspace } from "../sandbox/workspace.ts";
import { casesOf, createWorkspace, gradeFiles, replaceFunction, solutionFiles, text } from "./patched-grade.ts";
import { hostWrapperPrefix } from "./slow-host.ts";

/** Node's entry for a script, and what the harness imports: vm for compileFunction, os for errno's EAGAIN. */
const ALLOWED = ["internal/main/run_main_module", "vm", "os"];
const COMPILED_AFTER_START = /^Compiling (\S+) with code cache lazily$/gm;

const manifest = loadManifest();
const everyCase = casesOf(manifest.exercises.map((e) => e.id));

let tmp: string;
let log: string;
let workspace: Workspace;
let solutions: ExerciseFiles;
let stubs: ExerciseFiles;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-builtins-"));
  log = path.join(tmp, "code-cache.log");
  const wrapper = path.join(tmp, "code-cache.sh");
  await writeFile(
    wrapper,
    `#!/bin/sh\nexport NODE_DEBUG_NATIVE=CODE_CACHE\nexec ${hostWrapperPrefix()}"$@" 2>>"${log}"\n`,
  );
  await chmod(wrapper, 0o755);
  // The workspace takes its wrapper when it is made; the environment is this test file's own process.
  const outer = process.env.BACKPROP_TEST_SANDBOX_WRAPPER;
  process.env.BACKPROP_TEST_SANDBOX_WRAPPER = wrapper;
  try {
    workspace = await createWorkspace();
  } finally {
    if (outer === undefined) delete process.env.BACKPROP_TEST_SANDBOX_WRAPPER;
    else process.env.BACKPROP_TEST_SANDBOX_WRAPPER = outer;
  }
  solutions = await solutionFiles();
  stubs = await readExerciseFiles(paths.exercises);
}, 60_000);
afterAll(async () => {
  await workspace?.dispose();
  await rm(tmp, { recursive: true, force: true });
});

/** The built-ins each sandbox of `files` compiled after Node's start, and how many sandboxes there were. */
async function builtinsLoaded(files: ExerciseFiles) {
  await writeFile(log, "");
  await gradeFiles(workspace, files, everyCase);
  const said = await readFile(log, "utf8");
  return {
    starts: said.match(/^snapshot contains/gm)?.length ?? 0,
    modules: [...new Set([...said.matchAll(COMPILED_AFTER_START)].map((m) => m[1]))].sort(),
  };
}

const DELTA = "05-delta/delta.ts";

describe("the built-ins a sandbox compiles after Node's start", () => {
  it.each([
    ["the reference solutions", () => solutions],
    // Every call of 05 and of what imports it throws: the harness describes each error, with its stack.
    ["the solutions with 05's stub", () => new Map([...solutions, [DELTA, text(stubs, DELTA)]])],
    // Wrong answers: the harness sends values the checks refuse, on the trusted side.
    [
      "the solutions with a wrong deltas",
      () => new Map([...solutions, [DELTA, replaceFunction(text(solutions, DELTA), "deltas", "  return [];")]]),
    ],
  ])(
    "are only Node's entry, vm and os, for %s",
    async (_, files) => {
      const { starts, modules } = await builtinsLoaded(files());
      // Node printed what it compiles: a Node that stopped saying so would pass this test without checking anything.
      expect(starts, "no sandbox printed NODE_DEBUG_NATIVE=CODE_CACHE's lines").toBeGreaterThan(0);
      expect(modules).toContain("internal/main/run_main_module");
      expect(modules.filter((m) => !ALLOWED.includes(m))).toEqual([]);
    },
    120_000,
  );
});
