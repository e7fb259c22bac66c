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

  it("sets up Node 24, the current LTS, with every action on a Node 24 major", () => {
    const steps = Object.values(
      doc.jobs as Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }>,
    )
      .flatMap((job) => job.steps)
      .filter((s) => s.uses);
    const setups = steps.filter((s) => s.uses!.startsWith("actions/setup-node@"));
    expect(setups.length).toBeGreaterThan(0);
    expect(setups.map((s) => String(s.with?.["node-version"]))).toEqual(setups.map(() => "24"));
    // The first majors of GitHub's own actions that run on Node 24 (the runners dropped Node 20).
    const firstNode24: Record<string, number> = {
      "actions/checkout": 5,
      "actions/setup-node": 5,
      "actions/upload-artifact": 6,
      "actions/download-artifact": 7,
    };
    const old = steps
      .map((s) => s.uses!.match(/^([^@]+)@v(\d+)$/))
      .filter((m) => m && m[1] in firstNode24 && Number(m[2]) < firstNode24[m[1]])
      .map((m) => m![0]);
    expect(old).toEqual([]);
  });

  it("names only script files that exist", () => {
    const named = [...runs(doc), ...Object.values(w.scripts)].flatMap(scriptPaths);
    expect(named.filter((rel) => !w.files(rel))).toEqual([]);
  });
});
