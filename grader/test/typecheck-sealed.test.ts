/**
 * The type checker sees the submission's files, the tsconfig and package.json it is given and TypeScript's
 * standard library, and nothing else on the machine: no path a submission can write (absolute, `../`,
 * `/proc/self/cwd/…`, `file://`, a symlink, a reference directive) shows the text of another file in a warning,
 * whether a canary planted on disk or the kit's own solutions and hidden fixtures. Honest code still gets its
 * warnings.
 */
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_JSON, ROOT, sealedFileSystem } from "../check/typecheck-fs.ts";
import { TypeChecker, type TypeWarning } from "../check/typecheck.ts";
import { readExerciseFiles } from "../engine/grade.ts";
import { paths } from "../paths.ts";
import type { ExerciseFiles } from "../sandbox/compile.ts";

const VALUE = `leak-${randomBytes(6).toString("hex")}`;
/** Where the submission's file appears to the compiler: `../` from here walks up its virtual folder. */
const UP = "../../../../../../../../";

let checker: TypeChecker;
let solutions: ExerciseFiles;
/** The course's stubs: the submission the attempts are added to, so no solution text is the submission's own. */
let stubs: ExerciseFiles;
let canary: string;

/** A module, a script and a package on disk whose types hold VALUE: it must never appear in a warning. */
async function plantCanary(dir: string): Promise<void> {
  const type = `{ "${VALUE}": 1 }`;
  const module = `export type Secret = ${type};\nexport declare const secret: ${type};\nexport default secret;\n`;
  await mkdir(path.join(dir, "pkg"), { recursive: true });
  await writeFile(path.join(dir, "secret.ts"), module);
  await writeFile(path.join(dir, "index.ts"), module);
  await writeFile(path.join(dir, "secret.d.ts"), `declare var CANARY_GLOBAL: ${type};\n`);
  await writeFile(path.join(dir, "pkg", "package.json"), JSON.stringify({ name: "pkg", types: "main.d.ts" }));
  await writeFile(path.join(dir, "pkg", "main.d.ts"), module);
  await writeFile(path.join(dir, "pkg", "index.d.ts"), module);
  await symlink(path.join(dir, "secret.ts"), path.join(dir, "link.ts"));
  await symlink(dir, path.join(dir, "linked-dir"));
}

/** Every way to name an absolute path on disk, from a file at exercises/05-delta/delta.ts. */
function spellings(abs: string): [string, string][] {
  const noExt = abs.replace(/\.ts$/, "");
  return [
    ["absolute", abs],
    ["absolute without extension", noExt],
    ["absolute with .js", `${noExt}.js`],
    ["relative, walking up", `${UP}${abs.slice(1)}`],
    ["relative from the folder's own name", `../../../backprop-kit-typecheck/../${abs.slice(1)}`],
    ["through /proc/self/cwd", `/proc/self/cwd/${path.relative(paths.root, abs)}`],
    ["through /proc/self/cwd, walking up", `/proc/self/cwd/${UP}${abs.slice(1)}`],
    ["through /proc/self/root", `/proc/self/root${abs}`],
    ["through /proc/1/root", `/proc/1/root${abs}`],
    ["a file: URL", `file://${abs}`],
    ["with doubled and dot segments", abs.replace("/", "//").replace(/\/([^/]+)$/, "/./$1")],
    ["with backslashes", `..\\..\\..\\..\\..\\..\\..\\${abs.slice(1).split("/").join("\\")}`],
  ];
}

/** Every way a file can make the compiler read another; each would print VALUE in a warning if it did. */
const FORMS: [string, (spec: string) => string][] = [
  ["import { value }", (p) => `import { secret } from "${p}";\nexport const leak: number = secret;`],
  [
    "import type",
    (p) => `import type { Secret } from "${p}";\nexport const leak: number = null as unknown as keyof Secret;`,
  ],
  ["import * as", (p) => `import * as S from "${p}";\nexport const leak: number = S.secret;`],
  ["import default", (p) => `import S from "${p}";\nexport const leak: number = S;`],
  ["typeof import()", (p) => `export const leak: number = null as unknown as typeof import("${p}")["secret"];`],
  ["dynamic import()", (p) => `export const leak: number = (await import("${p}")).secret;`],
  [
    "export * from",
    (p) => `export * from "${p}";\nimport * as self from "./delta.ts";\nexport const leak: number = self.secret;`,
  ],
  ["reference path", (p) => `/// <reference path="${p}" />\nexport const leak: number = CANARY_GLOBAL;`],
  ["reference types", (p) => `/// <reference types="${p}" />\nexport const leak: number = CANARY_GLOBAL;`],
];

/** What TypeScript says of a file, module or type definition it could not find. */
const NOT_FOUND = [2304, 2307, 2339, 2688, 2792, 6053, 6231];

/** The submission's files with one file replaced by an attempt. */
function attempt(text: string): ExerciseFiles {
  const files = new Map(stubs);
  files.set("05-delta/delta.ts", `${String(stubs.get("05-delta/delta.ts"))}\n${text}\n`);
  return files;
}

async function warnings(files: ExerciseFiles): Promise<TypeWarning[]> {
  const outcome = await checker.check(files);
  if (!("warnings" in outcome)) throw new Error(`type check skipped: ${outcome.skipped}`);
  return outcome.warnings;
}

beforeAll(async () => {
  canary = await mkdtemp(path.join(os.tmpdir(), "backprop-kit-canary-"));
  await plantCanary(canary);
  solutions = await readExerciseFiles(paths.solutions);
  stubs = await readExerciseFiles(paths.exercises);
  const opened = await TypeChecker.open({}, { store: null });
  if (!(opened instanceof TypeChecker)) throw new Error(opened.unavailable);
  checker = opened;
});

afterAll(async () => {
  await checker?.close();
  await rm(canary, { recursive: true, force: true });
});

describe("a file outside the submission, planted on disk", () => {
  const targets = (): [string, string][] => [
    ["a module", path.join(canary, "secret.ts")],
    ["a symlink to it", path.join(canary, "link.ts")],
    ["a module through a symlinked folder", path.join(canary, "linked-dir", "secret.ts")],
    ["a declaration script", path.join(canary, "secret.d.ts")],
    ["a folder with index.ts", canary],
    ["a package folder", path.join(canary, "pkg")],
  ];
  const cases = FORMS.flatMap(([form, write]) =>
    [
      "a module",
      "a symlink to it",
      "a module through a symlinked folder",
      "a declaration script",
      "a folder with index.ts",
      "a package folder",
    ].map((target) => [form, target, write] as const),
  );

  it.each(cases)("%s of %s is not found, by any spelling", async (_, target, write) => {
    const abs = new Map(targets()).get(target)!;
    for (const [, spec] of spellings(abs)) {
      const found = await warnings(attempt(write(spec)));
      const shown = found.map((w) => w.text).join("\n");
      expect(shown, spec).not.toContain(VALUE);
      expect(
        found.some((w) => NOT_FOUND.includes(w.code)),
        `${spec}\n${shown}`,
      ).toBe(true);
    }
  });
});

describe("the kit's own solutions and hidden fixtures", () => {
  // The compiler once ran in the kit's folder: these name the kit's files as it would have found them.
  const files = [
    "solutions/05-delta/delta.ts",
    "solutions/types.ts",
    "solutions/01-linear-algebra/linalg.ts",
    "fixtures/05-delta/hidden.json",
    "grader/check/typecheck.ts",
  ];
  const specs = files.flatMap((f) => [
    [f, `/proc/self/cwd/${f}`],
    [f, path.join(paths.root, f)],
    [f, `${UP}${path.join(paths.root, f).slice(1)}`],
    [f, `/proc/self/root${path.join(paths.root, f)}`],
    [f, `./${f}`],
    [f, f],
  ]);

  it.each(specs)("%s, as %s, is never read", async (file, spec) => {
    const text = await readFile(path.join(paths.root, file), "utf8");
    // What would show it was read: its names and literals that the submission's own files do not hold.
    const mine = [...stubs.values()].map(String).join("\n");
    const candidates = [...new Set(text.match(/[A-Za-z_$][\w$]{5,}|"[^"\n]{6,40}"/g) ?? [])];
    for (const [, write] of FORMS) {
      // Words TypeScript says anyway about a path that exists nowhere are no sign of a read.
      const said = (await warnings(attempt(write("/no/such/folder/file.ts")))).map((w) => w.text).join("\n");
      const telltales = candidates.filter((t) => !mine.includes(t) && !spec.includes(t) && !said.includes(t));
      const found = await warnings(attempt(write(spec)));
      const shown = found.map((w) => w.text).join("\n");
      // A module found would be assignable or named by its shape; one not found is reported as such.
      expect(
        found.some((w) => NOT_FOUND.includes(w.code)),
        `${spec}\n${shown}`,
      ).toBe(true);
      expect(
        telltales.filter((t) => shown.includes(t)),
        spec,
      ).toEqual([]);
    }
  });
});

describe("honest code", () => {
  it("still sees its own types.ts, its own modules and the standard library", async () => {
    expect(await warnings(solutions)).toEqual([]);
    const found = await warnings(
      attempt(`export const wrong: string = 1;\nexport const big = Math.max(...[1, 2]).toFixed(2);`),
    );
    expect(found.map((w) => [w.file, w.code])).toEqual([["exercises/05-delta/delta.ts", 2322]]);
  });

  it.each([
    ["a relative import of a missing module", `import { nothing } from "./nowhere.ts";\nexport { nothing };`, 2307],
    ["a name that does not exist", `export const n = notDefinedAnywhere;`, 2304],
    ["a wrong argument", `export const n: number = Math.max("a");`, 2345],
    ["a lib the config leaves out", `export const dom = document.title;`, 2584],
  ])("%s gets its usual warning", async (_, text, code) => {
    const found = await warnings(attempt(text));
    expect(found.map((w) => w.code)).toContain(code);
  });
});

describe("the folders the compiler is shown", () => {
  const fs = sealedFileSystem(() => new Map([["05-delta/delta.ts", "export {};"]]), "/no/lib");
  // The release's package.json sits beside exercises/: a look for one ends there, as in the student's editor.
  it.each([
    [PACKAGE_JSON, true],
    [`${ROOT}/package.json`, false],
    [`${ROOT}/05-delta/package.json`, false],
    ["/package.json", false],
  ])("%s exists: %s", (file, exists) => {
    expect(fs.fileExists(file)).toBe(exists);
    expect(fs.readFile(file)).toBe(exists ? JSON.stringify({ type: "module" }) : null);
  });

  it("lists the package.json beside exercises/, and nothing else there", () => {
    expect(fs.getAccessibleEntries(path.posix.dirname(ROOT))).toEqual({
      files: ["package.json"],
      directories: ["exercises"],
    });
    expect(fs.getAccessibleEntries("/")).toEqual({ files: [], directories: ["backprop-kit-typecheck"] });
  });
});
