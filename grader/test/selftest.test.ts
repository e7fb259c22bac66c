/**
 * The kit checks itself: the reference solutions score 100%, the stubs 0,
 * fixtures validate and regenerate byte for byte, and the manifest, hints,
 * stubs and solutions agree with each other.
 */
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateAll, staleDemoFiles } from "../fixtures/generate.ts";
import { loadCases } from "../fixtures/load.ts";
import { loadManifest } from "../manifest.ts";
import { paths } from "../paths.ts";
import { gradeImplementation, type GradedImplementation } from "../engine/grade.ts";
import { Workspace } from "../sandbox/workspace.ts";

const manifest = loadManifest();
const cases = loadCases(manifest, { visibility: ["public", "hidden"] });
let workspace: Workspace;
let solutions: GradedImplementation;
let stubs: GradedImplementation;

beforeAll(async () => {
  workspace = await Workspace.create({ maxDataBytes: 2 ** 29, osIsolation: false });
  [solutions, stubs] = await Promise.all(
    [paths.solutions, paths.exercises].map((dir) => gradeImplementation({ dir, manifest, cases, workspace })),
  );
});
afterAll(() => workspace?.dispose());

const exercises = manifest.exercises.map((e) => ({ ...e, label: e.id }));

describe("the reference solutions", () => {
  it.each(exercises)("score every point of $label, public and hidden", ({ id }) => {
    const failing = solutions.cases.filter((c) => c.exercise === id && c.status !== "pass");
    expect(failing.map((c) => `${c.key}: ${c.message}`)).toEqual([]);
  });
});

describe("the untouched stubs", () => {
  it.each(exercises)("score 0 on $label and show as not started", ({ id }) => {
    const e = stubs.exercises.find((x) => x.id === id)!;
    expect(e.score).toBe(0);
    expect(e.status).toBe("not started");
  });

  it.each(exercises)("of $label mark their work // TODO and throw 'not implemented'", ({ id, file }) => {
    const source = readFileSync(path.join(paths.exercises, id, file), "utf8");
    expect(source).toContain("// TODO");
    const exported = [...source.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
    for (const fn of exported) expect(source).toContain(`not implemented: ${fn}`);
  });
});

describe("fixtures", () => {
  it("regenerate byte for byte", async () => {
    const files = await generateAll();
    for (const [file, text] of files) expect(readFileSync(file, "utf8"), path.relative(paths.root, file)).toBe(text);
  }, 120_000);

  it("and the demo class regenerate byte for byte", async () => {
    expect(await staleDemoFiles()).toEqual([]);
  });

  it.each(exercises)("of $label add up to the manifest's points", ({ id, points }) => {
    expect(cases.filter((c) => c.exercise === id).reduce((s, c) => s + c.points, 0)).toBe(points);
  });

  it.each(exercises)("of $label use hidden inputs that no public case uses", ({ id }) => {
    const publicArgs = new Set(
      cases.filter((c) => c.exercise === id && c.visibility === "public").map((c) => JSON.stringify(c.args)),
    );
    const reused = cases.filter(
      (c) => c.exercise === id && c.visibility === "hidden" && publicArgs.has(JSON.stringify(c.args)),
    );
    expect(reused.map((c) => c.key)).toEqual([]);
  });
});

describe("manifest, guides and solutions agree", () => {
  it.each(exercises)("$label's README lists the manifest's hints", ({ id, hints }) => {
    const readme = readFileSync(path.join(paths.exercises, id, "README.md"), "utf8");
    const section = readme.split(/^## Hints\s*$/m)[1] ?? "";
    const listed = [...section.matchAll(/^\d+\.\s+(.*(?:\n {3}.*)*)/gm)].map((m) =>
      m[1].replace(/\s*\n\s*/g, " ").trim(),
    );
    expect(listed).toEqual(hints.map((h) => h.text));
  });

  it.each(exercises)("solutions/$label mirrors exercises/$label: same file, same exports", ({ id, file }) => {
    const exports = (dir: string) =>
      [
        ...readFileSync(path.join(dir, id, file), "utf8").matchAll(/^export (?:function|class|interface|type) (\w+)/gm),
      ].map((m) => m[1]);
    expect(exports(paths.solutions)).toEqual(exports(paths.exercises));
  });

  it("has the same files in solutions/ as in exercises/ (besides the guides)", async () => {
    const list = async (dir: string) =>
      (await readdir(dir, { recursive: true })).filter((f) => f.endsWith(".ts")).sort();
    expect(await list(paths.solutions)).toEqual(await list(paths.exercises));
  });
});
