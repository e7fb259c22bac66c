/**
 * Issue 5's acceptance, end to end: `npm run release` builds a student
 * repository that holds no reference solution and no hidden expected value,
 * installs with `npm ci`, checks the stubs at 0 points, the solutions at full
 * public points, and with GRADER_KEY full public and hidden points with every
 * CI output, while the key never reaches student code.
 *
 * The release is built once, without GRADER_KEY, as a course first runs it: it makes a key and prints where to keep
 * it (the course-side path first, each path's trade-off in the advice itself, never a bare command that hands the
 * key to every student), and the printed key is the one that opens the hidden cases below.
 */
import { existsSync, readFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { parseKey } from "../check/sealed.ts";
import { ClassroomResultSchema } from "../check/classroom.ts";
import { SubmissionResultSchema } from "../engine/results.ts";
import { COURSE_ONLY } from "../release/contents.ts";
import { submissionWithMistakes, swapExport } from "../misconceptions/apply.ts";
import { loadCorpus } from "../diagnosis-eval/corpus.ts";
import { CATALOGUE } from "../misconceptions/catalogue.ts";
import type { CheckResult } from "../check/session.ts";
import { distinctiveNumbers, functionBodies, listFiles, sh, squash, unformatted, type Ran } from "./release-helpers.ts";
import { cliArgs, currentBundleDir } from "./cli-bundle.ts";
import { registryEnv } from "./registry-env.ts";

const manifest = loadManifest();
const tsx = path.join(paths.root, "node_modules", ".bin", "tsx");
let key: string;
let tmp: string;
let student: string;
let built: Ran;
let installed: Ran;
let texts: Map<string, string>;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-release-"));
  student = path.join(tmp, "student");
  built = await sh(tsx, ["grader/release/cli.ts", student], paths.root);
  key = /^ {2}GRADER_KEY=(\S+)$/m.exec(built.stdout)?.[1] ?? "";
  texts = new Map(listFiles(student).map((f) => [f, readFileSync(path.join(student, f), "utf8")]));
  installed = await sh("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], student, registryEnv());
}, 300_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

const solutionFiles = manifest.exercises.map((e) => `${e.id}/${e.file}`);
const stubText = squash(solutionFiles.map((f) => readFileSync(path.join(paths.exercises, f), "utf8")).join("\n"));
const bodies = solutionFiles
  .flatMap((f) => functionBodies(readFileSync(path.join(paths.solutions, f), "utf8")).map((b) => ({ ...b, file: f })))
  // A short body says little (`return a.length;`), and one the stub has too is given code, not a solution.
  .filter((b) => b.body.length >= 40 && !stubText.includes(b.body));

describe("npm run release", () => {
  it("writes the student repository", () => {
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    for (const f of [
      "package.json",
      "package-lock.json",
      "README.md",
      ".github/workflows/check.yml",
      "exercises/manifest.json",
      "exercises/types.ts",
      "fixtures/hidden.sealed.json",
      "fixtures/misconceptions.json",
      "grader/cli/check.ts",
      ...manifest.exercises.flatMap((e) => [`exercises/${e.id}/${e.file}`, `fixtures/${e.id}/public.json`]),
    ]) {
      expect(texts.has(f), f).toBe(true);
    }
  });

  it.each(COURSE_ONLY)("leaves out $path: $why", ({ path: rel }) => {
    expect(existsSync(path.join(student, rel))).toBe(false);
  });

  it("has no hidden.json in plain text", () => {
    expect([...texts.keys()].filter((f) => f.endsWith("hidden.json"))).toEqual([]);
  });

  it("finds reference function bodies to search for", () => {
    expect(bodies.length).toBeGreaterThan(20);
  });

  it.each(bodies)("holds no copy of the reference $name ($file)", ({ body }) => {
    const holders = [...texts].filter(([, text]) => squash(text).includes(body)).map(([f]) => f);
    expect(holders).toEqual([]);
  });

  it("holds no hidden expected value in plain text", () => {
    const publicText = manifest.exercises
      .map((e) => readFileSync(path.join(paths.fixtures, e.id, "public.json"), "utf8"))
      .join("\n");
    const values = new Set<string>();
    for (const e of manifest.exercises) {
      const hidden = JSON.parse(readFileSync(path.join(paths.fixtures, e.id, "hidden.json"), "utf8"));
      for (const c of hidden.cases) distinctiveNumbers(c.expected, 6, values);
    }
    // A number the public cases print too is no secret.
    const secret = [...values].filter((v) => !publicText.includes(v));
    expect(secret.length).toBeGreaterThan(10);
    const leaks = secret.flatMap((v) => [...texts].filter(([, text]) => text.includes(v)).map(([f]) => `${v} in ${f}`));
    expect(leaks).toEqual([]);
  });

  it("has a lock without development packages", () => {
    const lock = JSON.parse(texts.get("package-lock.json")!);
    const pkg = JSON.parse(texts.get("package.json")!);
    expect(lock.packages[""].devDependencies).toBeUndefined();
    expect(pkg.devDependencies).toBeUndefined();
    expect(Object.entries(lock.packages).filter(([, v]) => (v as { dev?: boolean }).dev)).toEqual([]);
    expect(pkg.scripts).toMatchObject({ check: expect.any(String), test: "npm run check" });
  });

  it("is prettier-formatted", async () => {
    const found = await unformatted(student);
    expect(found.unformatted).toEqual([]);
    expect(found.checked).toBeGreaterThan(100);
  });
});

describe("the release's key advice", () => {
  it("prints the new key once", () => {
    expect(() => parseKey(key)).not.toThrow();
    expect(built.stdout.split(key)).toHaveLength(2);
  });

  it("recommends the course-side path first, with its trade-off", () => {
    const course = built.stdout.indexOf("1. With the course only (recommended)");
    const students = built.stdout.indexOf("2. In students' repositories");
    expect(course).toBeGreaterThan(0);
    expect(students).toBeGreaterThan(course);
    expect(built.stdout.slice(course, students)).toMatch(/Trade-off: students get no hidden-case feedback/);
  });

  it("names the price of giving students' repositories the key, and never suggests --visibility all", () => {
    const students = built.stdout.slice(built.stdout.indexOf("2. In students' repositories"));
    expect(students).toMatch(
      /Trade-off: anyone who can edit a workflow .* can print it and decrypt\s+every hidden case/s,
    );
    expect(built.stdout).not.toContain("--visibility all");
  });

  it("takes GRADER_KEY when it is set, and makes no key of its own", async () => {
    // A key that is not one stops the build before anything is written: the variable was read, not replaced.
    const bad = path.join(tmp, "bad-key");
    const r = await sh(tsx, ["grader/release/cli.ts", bad], paths.root, { GRADER_KEY: "not-a-key" });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("GRADER_KEY must be 32 bytes in base64");
    expect(r.stdout).not.toContain("GRADER_KEY=");
    expect(existsSync(bad)).toBe(false);
  });
});

async function check(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return sh("npm", ["run", "-s", "check", "--", ...args], student, env);
}

describe("the release, after npm ci", () => {
  it("installs with npm ci", () => {
    expect(installed.code, installed.stderr).toBe(0);
    // npm 11.16+ warns of each install script the package does not allow.
    expect(installed.stderr).not.toContain("allowScripts");
  });

  it("checks the stubs at 0 points with no errors", async () => {
    const r = await check([]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/0\/9 exercises complete, 0\/\d+ points/);
    expect(r.stdout).toMatch(/\d+ hidden cases \(\d+ points\): graded by your instructor/);
  });

  it("ran check from the bundle its first run built, which holds check alone", () => {
    expect(listFiles(currentBundleDir(student)).sort()).toEqual(["check.mjs", "inputs.json"]);
  });

  it("without the key, names the hidden cases as graded by the instructor, not as failures", async () => {
    const r = await check(["--hidden"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("GRADER_KEY is not set");
    expect(r.stdout.match(/graded by your instructor/g)).toHaveLength(manifest.exercises.length);
  });

  it("scores full public points with the solutions copied in", async () => {
    await cp(paths.solutions, path.join(student, "exercises"), { recursive: true });
    const r = await check(["--json"]);
    const result = JSON.parse(r.stdout) as CheckResult;
    expect(result.cases.every((c) => c.visibility === "public")).toBe(true);
    expect(result.score).toBe(result.exercises.reduce((s, e) => s + e.max_score, 0));
  });

  it("with GRADER_KEY, check --hidden --ci scores every public and hidden point and writes the CI files", async () => {
    const summary = path.join(tmp, "step-summary.md");
    const output = path.join(tmp, "step-output.txt");
    await writeFile(summary, "");
    await writeFile(output, "");
    const r = await check(["--hidden", "--ci"], {
      GRADER_KEY: key,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: output,
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const results = SubmissionResultSchema.parse(
      JSON.parse(readFileSync(path.join(student, "check-results", "results.json"), "utf8")),
    );
    expect(results.visibility.sort()).toEqual(["hidden", "public"]);
    expect(results.cases.filter((c) => c.visibility === "hidden").length).toBeGreaterThan(0);
    // Bonus exercises are extra credit: the maximum is the required points, the score every point.
    expect(results.score).toBe(manifest.exercises.reduce((s, e) => s + e.points, 0));
    expect(results.max_score).toBe(manifest.exercises.reduce((s, e) => s + (e.bonus ? 0 : e.points), 0));
    const classroom = ClassroomResultSchema.parse(
      JSON.parse(readFileSync(path.join(student, "check-results", "classroom.json"), "utf8")),
    );
    expect(classroom).toMatchObject({ version: 3, status: "pass", max_score: results.max_score });
    expect(classroom.tests.reduce((s, t) => s + t.score, 0)).toBe(results.score);
    const md = readFileSync(summary, "utf8");
    // The heading says what the terminal says: the required points, and the bonus apart.
    const bonus = manifest.exercises.filter((e) => e.bonus).reduce((s, e) => s + e.points, 0);
    expect(md).toContain(
      `## backprop-kit check: ${results.max_score}/${results.max_score} points, plus ${bonus}/${bonus} bonus points`,
    );
    expect(md.match(/^\| case \| function \| points \| result \|$/gm)).toHaveLength(manifest.exercises.length);
    const encoded = /^result=(.+)$/m.exec(readFileSync(output, "utf8"))?.[1] ?? "";
    expect(JSON.parse(Buffer.from(encoded, "base64").toString("utf8"))).toEqual(classroom);
  });

  it("shows a type error as a warning, with the score unchanged", async () => {
    const file = path.join(student, "exercises", "05-delta", "delta.ts");
    const original = readFileSync(file, "utf8");
    await writeFile(file, original.replace("  const L = layers.length;", "  const L: string = layers.length;"));
    try {
      const result = JSON.parse((await check(["--json"])).stdout) as CheckResult;
      // Every exercise full (the total may pass max_score: bonus points are extra credit).
      for (const e of result.exercises) expect(e.score, e.id).toBe(e.max_score);
      expect(result.type_warnings?.map((w) => `${w.file}:${w.line} TS${w.code}`)).toContain(
        "exercises/05-delta/delta.ts:13 TS2322",
      );
      const r = await check(["05"]);
      expect(r.stdout).toMatch(/05 The δ recursion\s+(\d+)\/\1\s+complete/);
      expect(r.stdout).toContain("exercises/05-delta/delta.ts:13:9 TS2322");
      expect(r.stdout).not.toContain("Type checking is off");
    } finally {
      await writeFile(file, original);
    }
  });

  it("never hands GRADER_KEY to student code", async () => {
    const file = path.join(student, "exercises", "01-linear-algebra", "linalg.ts");
    const original = readFileSync(file, "utf8");
    await writeFile(
      file,
      original.replace(
        /^export function shape\(([^)]*)\)([^{]*)\{/m,
        'export function shape($1)$2{\n  throw new Error("env: " + JSON.stringify(process.env));',
      ),
    );
    try {
      const r = await check(["--hidden", "--json", "01"], { GRADER_KEY: key });
      expect(r.stdout).toContain("env: {}");
      expect(r.stdout + r.stderr).not.toContain(key);
    } finally {
      await writeFile(file, original);
    }
  });

  it("names catalogued mistakes from its precomputed table as the course's live diagnoser does", async () => {
    const firstPerExercise = CATALOGUE.filter((m, i) => CATALOGUE.findIndex((x) => x.exercise === m.exercise) === i);
    const files = submissionWithMistakes(
      manifest,
      firstPerExercise.filter((m) => m.exercise !== "05-delta"),
    );
    // A mistake made in some layers only, so the layers and the trace are compared too.
    const partial = loadCorpus().find((e) => e.id === "wrong/deltas-no-gprime-hidden")!;
    files.set("05-delta/delta.ts", swapExport(files.get("05-delta/delta.ts")!, partial.symbol, partial.source));
    const dir = path.join(tmp, "mistakes");
    for (const [rel, text] of files) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), text);
    }
    const diagnoses = (r: Ran) =>
      (JSON.parse(r.stdout) as CheckResult).cases
        .filter((c) => c.diagnosis || c.trace)
        .map((c) => `${c.key} ${c.diagnosis?.id} ${c.diagnosis?.layers} ${c.trace}`)
        .sort();
    const live = await sh(process.execPath, cliArgs("check", ["--hidden", "--json", "--dir", dir]), paths.root);
    const table = await check(["--hidden", "--json", "--dir", dir], { GRADER_KEY: key });
    expect(diagnoses(live).length).toBeGreaterThan(0);
    expect(diagnoses(table)).toEqual(diagnoses(live));
  });
});
