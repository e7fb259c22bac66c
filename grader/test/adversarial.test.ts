/**
 * Grades the adversarial corpus together with two clean submissions in one
 * batch, through the real `grade` command (with a roster whose names hold
 * terminal escapes), and checks every attack's outcome, that the clean
 * submissions are untouched, that every output file is well-formed and free of
 * control characters, that no hidden input or expected value appears in any
 * output, and that nothing was written outside the output folder or changed
 * in the inputs.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { GradescopeResultsSchema } from "../reports/gradescope-schema.ts";
import { feedbackHtml } from "../reports/feedback-html.ts";
import { feedbackTitle } from "../reports/writers.ts";
import { ATTACKS, CANARY } from "./corpus.ts";
import { buildAttack, runnable } from "./corpus-build.ts";
import { CONTROL, hiddenFingerprints, lostOnlyWhatItAttacked, outputFiles } from "./corpus-check.ts";
import { cliArgs } from "./cli-bundle.ts";
import { TEST_TYPECHECK_ENV } from "./typecheck-limits.ts";

const run = promisify(execFile);
const manifest = loadManifest();
const attacks = ATTACKS.filter((a) => runnable(a));
let tmp: string;
let classDir: string;
let out: string;
let results: Map<string, SubmissionResult>;
let stdout: string;
let stderr: string;
let hashBefore: string;

async function treeHash(dir: string): Promise<string> {
  const hash = createHash("sha256");
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).sort((a, b) =>
    path.join(a.parentPath, a.name).localeCompare(path.join(b.parentPath, b.name)),
  )) {
    const full = path.join(entry.parentPath, entry.name);
    hash.update(full);
    if (entry.isFile()) hash.update(await readFile(full));
  }
  return hash.digest("hex");
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-corpus-"));
  classDir = path.join(tmp, "class");
  out = path.join(tmp, "results");
  await mkdir(classDir);
  for (const clean of ["clean-first", "zz-clean-last"]) {
    await cp(paths.solutions, path.join(classDir, clean, "exercises"), { recursive: true });
  }
  for (const attack of attacks) await buildAttack(attack, classDir, out);
  const roster = path.join(tmp, "roster.csv");
  await writeFile(
    roster,
    'submission,student\nclean-first,"Ada \u001b[31mLovelace\u0007"\nghost,"\u001b]0;pwned\u0007Ghost \u009b2J"\n',
  );
  hashBefore = await treeHash(classDir);
  const child = await run(process.execPath, cliArgs("grade", [classDir, "--out", out, "--roster", roster]), {
    cwd: paths.root,
    // The attacks on the compiler hold up its type check too: skipped after seconds, not the grader's 8 s.
    env: { ...process.env, [CANARY]: CANARY, SECRET_TOKEN: CANARY, ...TEST_TYPECHECK_ENV },
    maxBuffer: 64 * 2 ** 20,
  });
  stdout = child.stdout;
  stderr = child.stderr;
  results = new Map();
  for (const entry of await readdir(out, { withFileTypes: true })) {
    const file = path.join(out, entry.name, "results.json");
    if (entry.isDirectory() && existsSync(file)) {
      results.set(entry.name, SubmissionResultSchema.parse(JSON.parse(await readFile(file, "utf8"))));
    }
  }
}, 600_000);

afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("adversarial corpus, graded in one batch", () => {
  it("grades every submission, and grade exits 0", () => {
    const others = attacks.flatMap((a) => a.others ?? []).length;
    expect(results.size).toBe(attacks.length + others + 2);
    expect(stdout).toMatch(/Graded \d+\/\d+ submissions/);
  });

  it.each(["clean-first", "zz-clean-last"])("%s still scores full marks", (id) => {
    const r = results.get(id)!;
    expect(r.grading_status).toBe("graded");
    // Bonus exercises are extra credit: full marks are every exercise's points, above the maximum.
    expect(r.score).toBe(r.exercises.reduce((s, e) => s + e.max_score, 0));
  });

  it.each(attacks.map((a) => ({ a, name: a.name })))("$name ends as it must", async ({ a }) => {
    const isolation = stdout.match(/Sandbox: (.*)/)?.[1] ?? "";
    if (!runnable(a, isolation)) return;
    const r = results.get(a.name)!;
    expect(r, `no result for ${a.name}`).toBeDefined();
    const text = JSON.stringify(r);
    expect(r.grading_status, r.note).toBe(a.status);
    for (const wanted of a.reports ?? []) expect(text).toContain(wanted);
    for (const secret of a.never ?? []) expect(text).not.toContain(secret);
    if (a.maxResultBytes) {
      expect((await stat(path.join(out, a.name, "results.json"))).size).toBeLessThan(a.maxResultBytes);
    }
    for (const other of a.others ?? []) {
      const o = results.get(other.id)!;
      expect(o?.grading_status, `${other.id}: ${o?.note}`).toBe(other.status);
      for (const wanted of other.reports ?? []) expect(o.note).toContain(wanted);
    }
    if (a.status === "refused") {
      expect(r.score).toBe(0);
      expect(r.note).not.toBe("");
      return;
    }
    expect(r.cases.length).toBeGreaterThan(0);
    if (a.loses !== "any") lostOnlyWhatItAttacked(r, a.loses, manifest);
  });

  it("writes well-formed files: results, feedback, Gradescope, gradebook, summary, canvas", async () => {
    for (const id of results.keys()) {
      const dir = path.join(out, id);
      expect((await readFile(path.join(dir, "feedback.md"), "utf8")).length, id).toBeGreaterThan(0);
      expect((await readFile(path.join(dir, "feedback.html"), "utf8")).startsWith("<!doctype html>"), id).toBe(true);
      GradescopeResultsSchema.parse(JSON.parse(await readFile(path.join(dir, "gradescope.json"), "utf8")));
    }
    const gradebook = (await readFile(path.join(out, "gradebook.csv"), "utf8")).trimEnd().split("\n");
    expect(gradebook.length).toBe(results.size + 1);
    for (const id of results.keys()) expect(gradebook.some((line) => line.startsWith(`${id},`))).toBe(true);
    expect(existsSync(path.join(out, "summary.html"))).toBe(true);
    expect(existsSync(path.join(out, "canvas.csv"))).toBe(true);
  });

  it("writes no control characters to any file or the terminal", async () => {
    expect(stdout).not.toMatch(CONTROL);
    expect(stderr).not.toMatch(CONTROL);
    expect(stdout).toContain("Ghost");
    for (const file of await outputFiles(out)) {
      const text = await readFile(file, "utf8");
      expect(text, file).not.toMatch(CONTROL);
      if (file.endsWith(".json"))
        expect(JSON.stringify(JSON.parse(text)), file).not.toMatch(/\\u00(1[0-9a-f]|0[0-8bcef])/);
    }
  });

  it("shows no hidden input or expected value anywhere, and no detail of a hidden case's answer", async () => {
    const fingerprints = await hiddenFingerprints();
    expect(fingerprints.length).toBeGreaterThan(20);
    // Every leak at once, as "file holds value": one assertion, not one per file and value.
    const leaks: string[] = [];
    for (const file of await outputFiles(out)) {
      const text = await readFile(file, "utf8");
      for (const secret of fingerprints) if (text.includes(secret)) leaks.push(`${file} holds ${secret}`);
    }
    expect(leaks).toEqual([]);
    for (const r of results.values()) {
      for (const c of r.cases.filter((x) => x.visibility === "hidden")) {
        for (const p of c.problems) {
          expect(p.path, `${r.submission} ${c.key}`).toEqual([]);
          expect(p.received, `${r.submission} ${c.key}`).toBeUndefined();
        }
      }
    }
  });

  it("renders every feedback page, block by block, exactly as the whole of its feedback.md", async () => {
    expect(results.size).toBeGreaterThan(20);
    for (const r of results.values()) {
      const dir = path.join(out, r.submission);
      const markdown = await readFile(path.join(dir, "feedback.md"), "utf8");
      const page = await readFile(path.join(dir, "feedback.html"), "utf8");
      expect(page, r.submission).toBe(feedbackHtml(markdown, feedbackTitle(r)));
    }
  });

  it("writes nothing outside the output folder and leaves the inputs unchanged", async () => {
    expect(existsSync("/tmp/backprop-kit-pwned")).toBe(false);
    expect(existsSync(path.join(out, "pwned.json"))).toBe(false);
    expect(existsSync("/tmp/evil.ts")).toBe(false);
    expect(existsSync(path.join(tmp, "evil.ts"))).toBe(false);
    expect(await treeHash(classDir)).toBe(hashBefore);
  });
});
