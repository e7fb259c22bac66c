/**
 * Machine trouble is never the student's fault. A wrapper placed before the
 * sandbox plays the machine: it refuses to start, dies before the sandbox is
 * ready, or SIGKILLs it mid-call as the out-of-memory killer would. The
 * sandbox is retried; a submission that still cannot be graded gets the status
 * `error` and no score, `grade` exits non-zero, and the next run grades it.
 */
import { chmod, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import { SubmissionResultSchema } from "../engine/results.ts";
import { paths } from "../paths.ts";
import { runCalls, SandboxUnavailableError } from "../sandbox/run.ts";
import { Workspace } from "../sandbox/workspace.ts";
import { sh } from "./release-helpers.ts";
import { cliArgs } from "./cli-bundle.ts";

let tmp: string;
let workspace: Workspace;

/**
 * A wrapper that does `failure` on its first `times` starts, then runs the sandbox. Each start takes a numbered
 * ticket by creating the first free `<name>.start.N` folder: mkdir is atomic, so sandboxes started at the same
 * moment never share a number (a counter file read and then rewritten, or appended to and then counted, can give
 * two starts the same count and let one through).
 */
async function machine(name: string, failure: string, times: number): Promise<string> {
  const ticket = path.join(tmp, `${name}.start`);
  const file = path.join(tmp, `${name}.sh`);
  await writeFile(
    file,
    `#!/bin/sh\nn=1\nwhile ! mkdir "${ticket}.$n" 2>/dev/null; do n=$((n + 1)); done\n` +
      `if [ "$n" -le ${times} ]; then\n${failure}\nfi\nexec "$@"\n`,
  );
  await chmod(file, 0o755);
  return file;
}

const SIGMOID = "exports.sigmoid = (z) => 1 / (1 + Math.exp(-z));";
// Sleeps 1.5 s in the call, so a mid-call kill lands inside it; sleeping, not computing, it costs no CPU.
const SLOW_SIGMOID = `exports.sigmoid = (z) => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500); return 1 / (1 + Math.exp(-z)); };`;

async function run(wrapper: string, sigmoid = SIGMOID) {
  return runCalls({
    harness: workspace.harness,
    modules: { "03-activations": sigmoid },
    calls: [{ id: "0", exercise: "03-activations", fn: "sigmoid", args: [[0]], limitMs: 30_000 }],
    limits: DEFAULT_LIMITS,
    // Inside the workspace's own prefix (the slow host of `npm run test:slow-host`), so the machine's failures reach
    // the sandbox itself.
    isolation: { prefix: [...workspace.isolation.prefix, wrapper], layers: [] },
    backoffMs: [10, 10, 10],
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-machine-"));
  workspace = await Workspace.create({ maxDataBytes: 2 ** 29, osIsolation: false });
});
afterAll(async () => {
  await workspace.dispose();
  await rm(tmp, { recursive: true, force: true });
});

describe("a sandbox the machine fails", () => {
  it.each([
    { trouble: "cannot start, twice", failure: "exit 1", times: 2 },
    { trouble: "is killed before it is ready, twice", failure: "kill -9 $$", times: 2 },
    {
      trouble: "is SIGKILLed mid-call by someone else, once",
      // The OOM killer's way: SIGKILL, from outside, while the code runs.
      failure: `"$@" <&0 &\nsleep 0.5\nkill -9 $! $$`,
      times: 1,
      sigmoid: SLOW_SIGMOID,
    },
  ])(
    "is retried when it $trouble",
    async ({ trouble, failure, times, sigmoid }) => {
      const report = await run(await machine(trouble.replace(/\W+/g, "-"), failure, times), sigmoid);
      expect(report.outcomes.get("0")?.status).toBe("ok");
      expect(report.spawns).toBe(times + 1);
    },
    120_000,
  );

  it("is the grader's error, with the reason, when it never starts", async () => {
    const wrapper = await machine("never", "exit 1", 1000);
    const error = await run(wrapper).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SandboxUnavailableError);
    expect((error as Error).message).toMatch(/ended before it was ready.*not the code's/);
  }, 120_000);
});

describe("npm run grade when the machine fails a submission", () => {
  const ids = ["amy", "bob"];
  const out = () => path.join(tmp, "results");
  const result = async (id: string) =>
    SubmissionResultSchema.parse(JSON.parse(await readFile(path.join(out(), id, "results.json"), "utf8")));

  beforeAll(async () => {
    for (const id of ids) await cp(paths.solutions, path.join(tmp, "class", id, "exercises"), { recursive: true });
  });

  it("gives status error and no score, exits 1, and grades it on the next plain run", async () => {
    const grade = (env: Record<string, string> = {}) =>
      sh(process.execPath, cliArgs("grade", [path.join(tmp, "class"), "--out", out()]), paths.root, env);
    const broken = await grade({
      BACKPROP_TEST_SANDBOX_WRAPPER: await machine("cli-never", "exit 1", 1000),
      // The same three retries as a real machine's, without sleeping through their 4.25 s.
      BACKPROP_TEST_BACKOFF_MS: "10,10,10",
    });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("Not graded, through the grader's or its machine's trouble");
    for (const id of ids) {
      const r = await result(id);
      expect([r.grading_status, r.score]).toEqual(["error", null]);
      expect(r.note).toMatch(/could not run the sandbox/);
    }
    const gradebook = await readFile(path.join(out(), "gradebook.csv"), "utf8");
    expect(gradebook).toMatch(/^amy,error,,\d+,/m);

    // No --force: a result the machine failed to produce is never kept.
    const fixed = await grade();
    expect(fixed.code, fixed.stderr).toBe(0);
    for (const id of ids) {
      const r = await result(id);
      expect(r.grading_status).toBe("graded");
      expect(r.cases.filter((c) => c.status !== "pass")).toEqual([]);
    }
  }, 300_000);
});
