/**
 * Every workflow file, the course's and the one the release ships, parses as
 * YAML, and every `npm run X` it calls is a script of the package.json beside
 * it, and every script file it names exists.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { paths } from "../paths.ts";
import { CHECK_WORKFLOW } from "../release/workflow.ts";
import { studentPackage, type PackageJson } from "../release/package.ts";

interface Workflow {
  name: string;
  text: string;
  scripts: Record<string, string>;
  files: (rel: string) => boolean;
}

const coursePkg = JSON.parse(readFileSync(path.join(paths.root, "package.json"), "utf8")) as PackageJson;
const workflowsDir = path.join(paths.root, ".github", "workflows");
// The release's files: the student's package plus what the release builder copies (checked in release.test.ts).
const releaseFiles = (rel: string) =>
  /^(grader|exercises|fixtures)\//.test(rel) && existsSync(path.join(paths.root, rel));

const WORKFLOWS: Workflow[] = [
  ...readdirSync(workflowsDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => ({
      name: `.github/workflows/${f}`,
      text: readFileSync(path.join(workflowsDir, f), "utf8"),
      scripts: coursePkg.scripts as Record<string, string>,
      files: (rel: string) => existsSync(path.join(paths.root, rel)),
    })),
  {
    name: "the release's .github/workflows/check.yml",
    text: CHECK_WORKFLOW,
    scripts: studentPackage(coursePkg).scripts as Record<string, string>,
    files: releaseFiles,
  },
];

/** Every `run:` script of every step. */
function runs(doc: { jobs?: Record<string, { steps?: { run?: string }[] }> }): string[] {
  return Object.values(doc.jobs ?? {}).flatMap((job) => (job.steps ?? []).flatMap((s) => (s.run ? [s.run] : [])));
}

/** Script files a command names: `tsx x.ts`, `node x.js`, `bash x.sh`, `./x.sh`. */
function scriptPaths(command: string): string[] {
  const found = [...command.matchAll(/(?:\b(?:tsx|node|bash|sh)\s+|\s\.\/)([\w./-]+\.(?:ts|mjs|js|sh))\b/g)];
  return found.map((m) => m[1].replace(/^\.\//, ""));
}

describe.each(WORKFLOWS)("$name", (w) => {
  const doc = parse(w.text);

  it("parses as a workflow with jobs and steps", () => {
    expect(doc).toMatchObject({ name: expect.any(String), on: expect.anything(), jobs: expect.any(Object) });
    expect(runs(doc).length).toBeGreaterThan(0);
  });

  it("calls only npm scripts that exist", () => {
    const called = runs(doc).flatMap((r) => [...r.matchAll(/\bnpm run(?: -s)? ([\w:-]+)/g)].map((m) => m[1]));
    expect(called.length).toBeGreaterThan(0);
    expect(called.filter((name) => !(name in w.scripts))).toEqual([]);
  });

  it("names only script files that exist", () => {
    const named = [...runs(doc), ...Object.values(w.scripts)].flatMap(scriptPaths);
    expect(named.filter((rel) => !w.files(rel))).toEqual([]);
  });
});
