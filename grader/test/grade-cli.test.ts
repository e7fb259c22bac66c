/**
 * `npm run grade` as a TA runs it: re-runs keep results graded from the same
 * files, --force grades again, Ctrl-C keeps every finished result whole, and
 * bad input ends with a message and a non-zero status, never a crash.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SubmissionResultSchema } from "../engine/results.ts";
import { paths } from "../paths.ts";
import { cliArgs } from "./cli-bundle.ts";

const run = promisify(execFile);
let tmp: string;

const grade = (...args: string[]) => run(process.execPath, cliArgs("grade", args), { cwd: paths.root });

async function submission(dir: string, from: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await cp(from, path.join(dir, "exercises"), { recursive: true });
}

/** A submission whose sigmoid never returns: several cases, each timing out after 2 s. */
async function slow(dir: string): Promise<void> {
  await submission(dir, paths.solutions);
  const file = path.join(dir, "exercises/03-activations/activations.ts");
  const source = await readFile(file, "utf8");
  await rm(file);
  await appendFile(file, source.replace(/(export function sigmoid\([^{]*\{)/, "$1\n  for (;;) {}"));
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-grade-"));
  await submission(path.join(tmp, "class/amy"), paths.solutions);
  await submission(path.join(tmp, "class/bo"), paths.exercises);
  await submission(path.join(tmp, "class/cy"), paths.solutions);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("re-running npm run grade", () => {
  it("keeps results graded from the same files, grades changed ones, and --force grades all", async () => {
    const out = path.join(tmp, "results");
    const first = await grade(path.join(tmp, "class"), "--out", out);
    expect(first.stdout).toContain("3 graded now, 0 unchanged and kept");
    const before = await readFile(path.join(out, "amy/results.json"), "utf8");

    const second = await grade(path.join(tmp, "class"), "--out", out);
    expect(second.stdout).toContain("0 graded now, 3 unchanged and kept");
    expect(await readFile(path.join(out, "amy/results.json"), "utf8")).toBe(before);

    await appendFile(path.join(tmp, "class/cy/exercises/01-linear-algebra/linalg.ts"), "\n// edited\n");
    const third = await grade(path.join(tmp, "class"), "--out", out);
    expect(third.stdout).toContain("1 graded now, 2 unchanged and kept");

    const forced = await grade(path.join(tmp, "class"), "--out", out, "--force");
    expect(forced.stdout).toContain("3 graded now, 0 unchanged and kept");
    expect(await readFile(path.join(out, "amy/results.json"), "utf8")).not.toBe(before);
  });
});

describe("Ctrl-C during npm run grade", () => {
  it("exits 130 and leaves every finished result whole, and no half-written file", async () => {
    const slowClass = path.join(tmp, "slow-class");
    await submission(path.join(slowClass, "a-quick"), paths.solutions);
    for (const id of ["b-slow", "c-slow", "d-slow", "e-slow"]) await slow(path.join(slowClass, id));
    const out = path.join(tmp, "interrupted");
    const child = spawn(process.execPath, cliArgs("grade", [slowClass, "--out", out, "--jobs", "1"]), {
      cwd: paths.root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let progress = "";
    child.stderr.on("data", (c: Buffer) => (progress += c.toString()));
    while (!progress.includes("[1/5]")) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGINT");
    const code = await new Promise((r) => child.on("close", r));
    expect(code).toBe(130);

    const finished = (await readdir(out, { withFileTypes: true })).filter(
      (e) => e.isDirectory() && existsSync(path.join(out, e.name, "results.json")),
    );
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.length).toBeLessThan(5);
    for (const e of finished) {
      SubmissionResultSchema.parse(JSON.parse(await readFile(path.join(out, e.name, "results.json"), "utf8")));
    }
    const everything = (await readdir(out, { recursive: true })) as string[];
    expect(everything.filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const gradebook = await readFile(path.join(out, "gradebook.csv"), "utf8");
    expect(gradebook.trim().split("\n").length - 1).toBe(finished.length);
  });
});

describe("bad input to npm run grade", () => {
  it.each([
    { label: "a path that does not exist", args: ["/no/such/submissions"], says: "/no/such/submissions" },
    { label: "a file that is not a zip", args: [path.join(paths.root, "package.json")], says: "package.json" },
    { label: "an unknown option", args: ["--frobnicate"], says: "frobnicate" },
    { label: "a bad --jobs", args: ["--jobs", "zero"], says: "jobs" },
  ])("ends on $label with a message and a non-zero status", async ({ args, says }) => {
    const failed = await grade(...args, "--out", path.join(tmp, "bad")).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBeGreaterThan(0);
    expect(failed?.stderr).toContain(says);
    expect(failed?.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});

describe("inputs that fail clearly", () => {
  let inputs: string;
  beforeAll(async () => {
    inputs = path.join(tmp, "inputs");
    await mkdir(path.join(inputs, "not-a-class", "src", "lib"), { recursive: true });
    await mkdir(path.join(inputs, "not-a-class", "docs"), { recursive: true });
    await writeFile(path.join(inputs, "not-a-class", "src", "lib", "index.ts"), "export {};\n");
    await writeFile(path.join(inputs, "a-file"), "not a folder\n");
    const rosters: Record<string, string> = {
      "unterminated.csv": 'submission,student\nada,"Lovelace, Ada\nbo,Bo\n',
      "no-submission.csv": "student,section\nAda,T1\n",
      "unquoted-comma.csv": "submission,student\nada,Lovelace, Ada\n",
      "no-id.csv": "submission,section\nada,T1\n",
    };
    for (const [name, text] of Object.entries(rosters)) await writeFile(path.join(inputs, name), text);
  });

  it.each([
    {
      label: "--out pointing at a file",
      args: () => [paths.demoClass, "--out", path.join(inputs, "a-file")],
      says: /^--out .*a-file is a file, not a folder; give a folder for the output/,
    },
    {
      label: "a folder none of whose sub-folders is a submission",
      args: () => [path.join(inputs, "not-a-class"), "--out", path.join(tmp, "nc")],
      says: /not-a-class: holds no exercises\/ folder, and none of its 2 sub-folders holds one .* Pass a submission/,
    },
    {
      label: "a roster with an unterminated quote",
      args: () => [paths.demoClass, "--roster", path.join(inputs, "unterminated.csv"), "--out", path.join(tmp, "r")],
      says: /unterminated\.csv is not valid:\n {2}✖ line 2: a quoted field is never closed/,
    },
    {
      label: "a roster with no submission column",
      args: () => [paths.demoClass, "--roster", path.join(inputs, "no-submission.csv"), "--out", path.join(tmp, "r")],
      says: /line 1: the header has no submission column; found: student,section; expected: submission and at least one of/,
    },
    {
      label: "a roster with an unquoted comma",
      args: () => [paths.demoClass, "--roster", path.join(inputs, "unquoted-comma.csv"), "--out", path.join(tmp, "r")],
      says: /line 2: 3 fields where the header has 2; a field holding a comma must be in quotes/,
    },
    {
      label: "a roster with no ID column",
      args: () => [paths.demoClass, "--roster", path.join(inputs, "no-id.csv"), "--out", path.join(tmp, "r")],
      says: /the header has none of the ID columns student, id, sis_user_id, sis_login_id; found: submission,section/,
    },
  ])("ends on $label with what was wrong and what to do", async ({ args, says }) => {
    const failed = await grade(...args()).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBeGreaterThan(0);
    expect(failed?.stderr).toMatch(says);
    expect(failed?.stderr).not.toContain("Internal error");
    expect(failed?.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
