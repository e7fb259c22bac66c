/**
 * A submission named like a file the kit writes beside the students' folders
 * (similarity.html, gradebook.csv, assets, …) is renamed with a note, never
 * collides with the class reports (issue 21.5); and every top-level name the
 * code joins onto an output folder is listed in batch/out-names.ts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isReservedName, nameKey, OUT_NAMES } from "../batch/out-names.ts";
import { paths } from "../paths.ts";
import { installed } from "../similarity/dolos.ts";
import { expandInputs } from "../submission/expand.ts";
import { zip } from "./corpus-build.ts";
import { reservedSubmissionNames } from "./corpus-intake.ts";
import { sh } from "./release-helpers.ts";

/** Top-level names joined onto an output folder in `code`: path.join(out…, "name"…) and `${out…}/name`. */
export function joinedOutNames(code: string): string[] {
  const names: string[] = [];
  const outish = String.raw`(?:[\w$.]*\.)?\w*[oO]ut\w*`;
  for (const m of code.matchAll(
    new RegExp(String.raw`path\.(?:posix\.)?(?:join|resolve)\(\s*${outish}\s*,\s*(["'\`])([^"'\`$]+)\1`, "g"),
  ))
    names.push(m[2].split(/[\\/]/)[0]);
  for (const m of code.matchAll(new RegExp(String.raw`\`\$\{${outish}\}/([^\`$/]+)`, "g"))) names.push(m[1]);
  return names;
}

/** Joined onto a folder that is not a results folder, each with why. */
const NOT_RESULTS: { file: string; name: string; why: string }[] = [
  { file: "grader/release/build.ts", name: "package.json", why: "the student release's folder" },
  { file: "grader/reports/run-autograder.ts", name: "submission", why: "the one submission Gradescope grades, by id" },
];

describe("joinedOutNames", () => {
  it.each([
    { code: `await writeAtomic(path.join(out, "regrade.html"), html);`, names: ["regrade.html"] },
    { code: `path.join(options.out, "x.csv")`, names: ["x.csv"] },
    { code: `path.join( ctx.outDir ,'deep/file.txt')`, names: ["deep"] },
    { code: "path.join(out, `plain.txt`)", names: ["plain.txt"] },
    { code: "const f = `${out}/stats.json`;", names: ["stats.json"] },
    { code: `path.join(out, id, "results.json")`, names: [] },
    { code: `path.join(dir, "feedback.md")`, names: [] },
    { code: "path.join(out, `${id}.json`)", names: [] },
  ])("finds $names in $code", ({ code, names }) => {
    expect(joinedOutNames(code)).toEqual(names);
  });
});

describe("batch/out-names.ts", () => {
  it("lists every name the code writes at the top of an output folder", () => {
    const listed = new Set(Object.values(OUT_NAMES));
    const files = (readdirSync(path.join(paths.root, "grader"), { recursive: true }) as string[])
      .map((f) => path.join("grader", f).split(path.sep).join("/"))
      .filter((f) => f.endsWith(".ts") && !f.startsWith("grader/test/"));
    const unlisted: string[] = [];
    for (const file of files)
      for (const name of joinedOutNames(readFileSync(path.join(paths.root, file), "utf8")))
        if (!listed.has(name as never) && !NOT_RESULTS.some((n) => n.file === file && n.name === name))
          unlisted.push(`${file}: ${name}`);
    expect(unlisted).toEqual([]);
  });

  it.each(reservedSubmissionNames.map((name) => ({ name: name.replace(/\.zip$/i, "") })))(
    "reserves $name",
    ({ name }) => {
      expect(isReservedName(name)).toBe(true);
      expect(isReservedName(`${name}-2`)).toBe(false);
    },
  );

  it.each(["gradebook.csv.", "Summary.html ", "ASSETS"])("takes %j as the same folder as a reserved name", (name) => {
    expect(isReservedName(name)).toBe(true);
    expect(nameKey(name)).toBe(nameKey(name.toLowerCase().trim().replace(/\.$/, "")));
  });
});

describe("a class whose submissions are named like the kit's own files", () => {
  let tmp: string;
  let graded: Awaited<ReturnType<typeof sh>>;
  const out = () => path.join(tmp, "results");

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "bpk-out-names-"));
    const klass = path.join(tmp, "class");
    // The stubs, untouched: answered from one run of the course's stubs, so the class grades in seconds.
    const stubs = (readdirSync(paths.exercises, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
    for (const name of [...reservedSubmissionNames, "ada"]) {
      if (name.endsWith(".zip")) {
        const entries = stubs.map((f) => ({
          name: `exercises/${f}`,
          data: readFileSync(path.join(paths.exercises, f)),
        }));
        await mkdir(klass, { recursive: true });
        await writeFile(path.join(klass, name), await zip(entries));
      } else await cp(paths.exercises, path.join(klass, name, "exercises"), { recursive: true });
    }
    const roster = path.join(tmp, "roster.csv");
    await writeFile(roster, ["submission,student", "ada,Ada", "ben,Ben"].join("\n"));
    const args = ["run", "-s", "grade", "--", klass, "--out", out(), "--roster", roster, "-j", "2"];
    graded = await sh("npm", installed() ? [...args, "--similarity"] : args, paths.root);
  }, 600_000);

  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it("grades them all without an internal error", () => {
    expect(graded.stderr).not.toMatch(/Internal error/);
    expect(graded.code, graded.stderr).toBe(0);
  });

  it("writes each class report as a file, and each submission into a folder of its own", () => {
    for (const name of [OUT_NAMES.gradebook, OUT_NAMES.summary, OUT_NAMES.canvas])
      expect(statSync(path.join(out(), name)).isFile()).toBe(true);
    if (installed()) expect(statSync(path.join(out(), OUT_NAMES.similarityHtml)).isFile()).toBe(true);
    const gradebook = readFileSync(path.join(out(), OUT_NAMES.gradebook), "utf8");
    const used = new Set<string>();
    for (const name of reservedSubmissionNames) {
      const id = name.replace(/\.zip$/i, "");
      const folder = readdirSync(out()).find((f) => f.startsWith(`${id}-`) && !used.has(f));
      used.add(folder!);
      expect(folder, id).toBeDefined();
      const result = JSON.parse(readFileSync(path.join(out(), folder!, "results.json"), "utf8"));
      expect(result.note).toContain(`graded as ${folder}: ${id} is the name of a file the grader writes`);
      expect(gradebook).toContain(`${folder},`);
    }
  });
});
