/**
 * What compiling may hand a sandbox is bounded, and what a sandbox cannot start
 * with is the submission's doing, not the machine's: a bundle over the limit is
 * its exercise's compile error with the size; a module a sandbox runs out of
 * memory on before it is ready crashes that exercise alone; the other
 * exercises, and the other submissions, are graded as usual, and `grade`
 * exits 0.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../engine/grade.ts";
import { SubmissionResultSchema, type SubmissionResult } from "../engine/results.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { MAX_BUNDLE_BYTES, MAX_BUNDLES_BYTES, oversizedBundles } from "../sandbox/bundle-limits.ts";
import { runCalls } from "../sandbox/run.ts";
import { MAX_SOURCE_IMPORTS, sourceProblem, sourceProblems } from "../sandbox/source-scan.ts";
import { Workspace } from "../sandbox/workspace.ts";
import { buildAttack, solutionsAt } from "./corpus-build.ts";
import { lostOnlyWhatItAttacked } from "./corpus-check.ts";
import { LIMIT_ATTACKS } from "./corpus-limits.ts";
import { cliArgs } from "./cli-bundle.ts";
import { TEST_TYPECHECK_ENV } from "./typecheck-limits.ts";

const run = promisify(execFile);
const manifest = loadManifest();
const MB = 2 ** 20;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-limits-"));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe("which bundles are refused", () => {
  it.each<{ sizes: Record<string, number>; refused: string[] }>([
    { sizes: { a: 1 * MB, b: 2 * MB }, refused: [] },
    { sizes: { a: MAX_BUNDLE_BYTES }, refused: [] },
    { sizes: { a: MAX_BUNDLE_BYTES + 1, b: 10 }, refused: ["a"] },
    { sizes: { a: 90 * MB, b: 5 * MB, c: 1 }, refused: ["a", "b"] },
    { sizes: { a: 3.5 * MB, b: 3.6 * MB, c: 3.7 * MB, d: 3.3 * MB, e: 3.4 * MB }, refused: ["c"] },
    { sizes: { a: 4 * MB, b: 4 * MB, c: 4 * MB, d: 4 * MB }, refused: [] },
    { sizes: { a: 4 * MB, b: 4 * MB, c: 4 * MB, d: 4 * MB, e: 1 }, refused: ["a"] },
    { sizes: { a: 3 * MB, b: 3 * MB, c: 3 * MB, d: 3 * MB, e: 3 * MB, f: 3 * MB, g: 3 * MB }, refused: ["a", "b"] },
  ])("$sizes → $refused", ({ sizes, refused }) => {
    const got = oversizedBundles(sizes);
    expect([...got.keys()].sort()).toEqual(refused);
    const kept = Object.entries(sizes).filter(([id]) => !got.has(id));
    expect(kept.reduce((sum, [, bytes]) => sum + bytes, 0)).toBeLessThanOrEqual(MAX_BUNDLES_BYTES);
    for (const reason of got.values()) expect(reason).toMatch(/^the compiled bundle is [\d.]+ MB, .*\d+ MB limit$/);
  });
});

const IMPORTS = Array.from({ length: MAX_SOURCE_IMPORTS + 1 }, (_, i) => `import "./m${i}";`).join("\n");
const REQUIRES = Array.from({ length: MAX_SOURCE_IMPORTS + 1 }, (_, i) => `require("./m${i}");`).join("\n");
const DEEP = "(".repeat(300);

describe("the pre-scan reads code as the compiler does", () => {
  it.each([
    // What a rough scan took for a string, a template or a comment, and so skipped.
    {
      label: "imports after a backtick in a regex",
      source: `const r = /\`/;\n${IMPORTS}\nconst q = /\`/;`,
      want: "imports",
    },
    { label: "imports after a backtick in ${…}", source: `const t = \`\${"\`"}\`;\n${IMPORTS}`, want: "imports" },
    {
      label: "imports after nested templates",
      source: `const t = \`a\${\`b\${"\`"}c\`}d\`;\n${IMPORTS}`,
      want: "imports",
    },
    { label: "imports after a quote in a regex", source: `const r = /"/;\n${IMPORTS}\n//"`, want: "imports" },
    { label: "imports after a regex after if (…)", source: `if (x) /\`/.test(y);\n${IMPORTS}\n//\``, want: "imports" },
    { label: "requires after a regex class", source: `const r = /[\`/]/;\n${REQUIRES}`, want: "imports" },
    { label: "brackets after a backtick in a regex", source: `const r = /\`/;\nx = ${DEEP}`, want: "nested" },
    { label: "brackets inside ${…}", source: `const t = \`\${${DEEP}}\`;`, want: "nested" },
    { label: "templates nested in ${…}", source: `x = ${"`${".repeat(300)}`, want: "nested" },
    {
      label: "a division that could hide code",
      source: `const a = (b) / 2 + "\`" / 3;`,
      want: "division or a regular",
    },
    { label: "a regex or a division after }", source: `function f() {} /(((1)))/;`, want: "division or a regular" },
    {
      label: "an object, then a division",
      source: 'const o = { a: 1 }\n/ import("x") /',
      want: "division or a regular",
    },
    {
      label: "a name that is a contextual keyword",
      source: `const type = 4, of = 2;\nx = type / of + "\`" / 3;`,
      want: "division or a regular",
    },
    // Honest code, and text in strings and comments, is not refused.
    {
      label: "divisions by keywords used as names",
      source: "const type = 4, from = 2, r = type / from / 2;",
      want: undefined,
    },
    {
      label: "a regex after if (…) and after return",
      source: "if (x) /(a|b)/.test(s);\nfunction g() { return /[`'\"]/; }",
      want: undefined,
    },
    {
      label: "divisions and regexes",
      source: "const a = (b + c) / 2, d = x / y / z, e = v[0] / 2;\n/ab+c/g.test(s);",
      want: undefined,
    },
    {
      label: "brackets in strings and comments",
      source: `const s = "${"(".repeat(999)}"; // ${"[".repeat(999)}`,
      want: undefined,
    },
    { label: "imports in a template", source: `const s = \`${IMPORTS}\`;`, want: undefined },
    {
      label: "a small enum used often",
      source: `enum K { A = "k" }\nexport const u = [${"K.A, ".repeat(20_000)}];`,
      want: undefined,
    },
    {
      label: "a long const used often",
      source: `const S = "${"s".repeat(90_000)}";\nexport const u = [${"S, ".repeat(1000)}];`,
      want: undefined,
    },
    // Enum members esbuild would copy into every use.
    {
      label: "a long enum member used often",
      source: `enum E { A = "${"x".repeat(90_000)}" }\nconst u = [${"E.A, ".repeat(1000)}];`,
      want: "over the 4 MB limit",
    },
    {
      label: "members doubling 40 times",
      source: `enum D { M0 = "d", ${Array.from({ length: 40 }, (_, i) => `M${i + 1} = M${i} + M${i}`).join(", ")} }`,
      want: "over the 4 MB limit",
    },
    {
      label: "members through templates",
      source: `enum Q { M0 = "qq", ${Array.from({ length: 14 }, (_, i) => `M${i + 1} = \`\${M${i}}\${M${i}}\${M${i}}\${M${i}}\``).join(", ")} }`,
      want: "over the 4 MB limit",
    },
    {
      label: "members of another enum",
      source: `enum A { X = "${"a".repeat(1000)}" }\nenum B { Y = A.X + A.X + A.X + A.X + A.X + A.X + A.X + A.X }\nconst u = [${"B.Y, ".repeat(600)}];`,
      want: "over the 4 MB limit",
    },
    {
      label: "a const enum in a namespace",
      source: `namespace N { export const enum E { A = "${"n".repeat(50_000)}" } }\nconst u = [${"N.E.A, ".repeat(100)}];`,
      want: "over the 4 MB limit",
    },
  ])("$label", ({ source, want }) => {
    const problem = sourceProblem(source);
    if (want) expect(problem).toContain(want);
    else expect(problem).toBeUndefined();
  });

  it("follows an enum into the files that use it", () => {
    const problems = sourceProblems(
      new Map([
        ["a.ts", `export enum Shared { A = "${"s".repeat(20_000)}" }`],
        ["b.ts", `import { Shared } from "./a";\nexport const u = [${"Shared.A, ".repeat(1000)}];`],
      ]),
    );
    expect([...problems.keys()]).toEqual(["b.ts"]);
  });
});

describe("a module the sandbox runs out of memory on before it is ready", () => {
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await Workspace.create({ maxDataBytes: 2 ** 30, osIsolation: false });
  });
  afterAll(() => workspace.dispose());

  const sgn = "exports.sgn = (z) => (z < 0 ? -1 : 1);";
  const dot = "exports.dot = (a, b) => a.reduce((s, x, i) => s + x * b[i], 0);";
  // A module that is only large: the harness must hold it as text before it can say it is ready.
  const huge = `exports.relu = (z) => Math.max(0, z); /* ${"m".repeat(48 * MB)} */`;

  it.each<{ name: string; modules: Record<string, string> }>([
    { name: "beside others", modules: { "01-linear-algebra": dot, "03-activations": huge, "02-perceptron": sgn } },
    { name: "alone", modules: { "03-activations": huge } },
  ])(
    "crashes that exercise alone, with the reason: $name",
    async ({ modules }) => {
      const calls = [
        {
          id: "0",
          exercise: "01-linear-algebra",
          fn: "dot",
          args: [
            [1, 2],
            [3, 4],
          ],
        },
        { id: "1", exercise: "03-activations", fn: "relu", args: [[2]] },
        { id: "2", exercise: "02-perceptron", fn: "sgn", args: [-3] },
      ].filter((c) => c.exercise in modules);
      const report = await runCalls({
        harness: workspace.harness,
        modules,
        calls,
        limits: { ...DEFAULT_LIMITS, maxOldSpaceMb: 32 },
        isolation: workspace.isolation,
        backoffMs: [10, 10, 10],
      });
      const bomb = report.outcomes.get("1");
      expect(bomb?.status).toBe("crashed");
      expect(bomb && "message" in bomb ? bomb.message : "").toMatch(
        /could not start with this exercise's module.*memory/,
      );
      if ("01-linear-algebra" in modules) {
        expect(report.outcomes.get("0")).toMatchObject({ status: "ok", value: 11 });
        expect(report.outcomes.get("2")).toMatchObject({ status: "ok", value: -1 });
      }
    },
    120_000,
  );
});

describe("bundle bombs and near misses, graded in one class with a clean neighbour", () => {
  const out = () => path.join(tmp, "results");
  const load = async (id: string): Promise<SubmissionResult> =>
    SubmissionResultSchema.parse(JSON.parse(await readFile(path.join(out(), id, "results.json"), "utf8")));

  beforeAll(async () => {
    const classDir = path.join(tmp, "class");
    await mkdir(classDir, { recursive: true });
    await solutionsAt(path.join(classDir, "neighbour"));
    for (const attack of LIMIT_ATTACKS) await buildAttack(attack, classDir, out());
    // execFile rejects on a non-zero exit: `grade` must exit 0.
    await run(process.execPath, cliArgs("grade", [classDir, "--out", out()]), {
      cwd: paths.root,
      timeout: 400_000,
      maxBuffer: 64 * MB,
      // A bomb's type check is skipped after seconds, not the grader's 8 s.
      env: { ...process.env, ...TEST_TYPECHECK_ENV },
    });
  }, 420_000);

  it("grades the neighbour in full", async () => {
    const neighbour = await load("neighbour");
    expect(neighbour.cases.filter((c) => c.status !== "pass").map((c) => c.key)).toEqual([]);
  });

  it.each(LIMIT_ATTACKS.map((a) => ({ a, name: a.name })))("$name", async ({ a }) => {
    const r = await load(a.name);
    expect(r.grading_status, r.note).toBe(a.status);
    const text = JSON.stringify(r);
    for (const wanted of a.reports ?? []) expect(text).toContain(wanted);
    if (a.loses !== "any") lostOnlyWhatItAttacked(r, a.loses, manifest);
    // What crosses into results stays small, whatever the bundle was.
    expect(text.length).toBeLessThan(2 * MB);
  });
});
